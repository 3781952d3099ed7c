"""The server protocol version a Redshift client asks for with `client_protocol_version`, and what it changes.

redshift_connector sends `client_protocol_version` in its startup packet (0 BASE_SERVER, 1 EXTENDED_RESULT_METADATA,
2 BINARY, 2 by default) and keeps what the server grants in the ParameterStatus `server_protocol_version`; without
one it falls back to 0. From version 1 on, every RowDescription field carries four more names (schema, table, column,
catalog) and a 16-bit flags word (nullable, autoincrement, read-only, searchable) after PostgreSQL's fields. From
version 2 on, NUMERIC values go as scaled integers and VARBYTE values as their bytes (value_formats).

The endpoint grants what is asked up to version 2, the highest the installed driver knows; a higher version asked for
is answered with 2, which the driver documents it follows. The extra names are not looked up: schema, table and
column are empty, the catalog is the cluster's database, and every column says nullable. Every RowDescription, of any
version, carries Redshift's type codes (type_codes).
"""

from __future__ import annotations

from collections.abc import Callable

from local_redshift.endpoint import messages
from local_redshift.endpoint.codes import Backend
from local_redshift.endpoint.framing import INT16, INT32, cstring, frame
from local_redshift.endpoint.type_codes import TypeCodes

REQUEST = "client_protocol_version"
GRANT = "server_protocol_version"
EXTENDED_RESULT_METADATA = 1
BINARY = 2
HIGHEST = BINARY
_FIELD_FIXED = 18  # after a field's name: table oid, column number, type oid, type size, type modifier, format
_NULLABLE = 0x0001
_HEADER = 5  # a message's type byte and length
_DESCRIPTIONS_KEPT = 256  # RowDescriptions a session remembers rewritten


def granted(parameters: dict[str, str]) -> int | None:
    """The version granted to a client's startup parameters; None when it asked for none."""
    asked = parameters.get(REQUEST)
    if asked is None:
        return None
    try:
        return max(0, min(int(asked), HIGHEST))
    except ValueError:
        return 0


def grant_status(version: int) -> bytes:
    """The ParameterStatus that tells the client its version."""
    return messages.parameter_status(GRANT, str(version))


def extended_row_description(body: bytes, catalog: str) -> bytes:
    """A RowDescription frame as version 1 sends it, from PostgreSQL's (`body` is the whole frame)."""
    (count,) = INT16.unpack_from(body, 5)
    extra = b"\0\0\0" + cstring(catalog) + INT16.pack(_NULLABLE)  # empty schema, table and column names
    out, pos = bytearray(INT16.pack(count)), 7
    for _ in range(count):
        end = body.index(b"\0", pos) + 1 + _FIELD_FIXED
        out += body[pos:end] + extra
        pos = end
    return frame(Backend.ROW_DESCRIPTION, bytes(out))


def with_extended_row_descriptions(data: bytes, catalog: str) -> bytes:
    """`data` (whole messages) with each RowDescription as version 1 sends it."""
    if b"T" not in data:  # no RowDescription (its type byte) anywhere
        return data
    out, pos, end = bytearray(), 0, len(data)
    while pos < end:
        after = pos + 1 + INT32.unpack_from(data, pos + 1)[0]
        message = data[pos:after]
        out += extended_row_description(message, catalog) if data[pos] == Backend.ROW_DESCRIPTION else message
        pos = after
    return bytes(out)


def row_descriptions(codes: TypeCodes, version: int | None, catalog: str) -> Callable[[bytes], bytes]:
    """How the messages a session sends its client are rewritten: Redshift's type codes in every RowDescription,
    and from version 1 on the extended metadata. A message other than RowDescription passes as it is; the
    rewriting of each RowDescription is remembered, as a session describes the same results again and again."""
    described: dict[bytes, bytes] = {}

    def rewrite(data: bytes) -> bytes:
        rewritten = codes.rewrite(data)
        return with_extended_row_descriptions(rewritten, catalog) if version else rewritten

    def describe(data: bytes) -> bytes:
        if len(data) < _HEADER or 1 + INT32.unpack_from(data, 1)[0] != len(data):  # not one whole message
            return rewrite(data)
        if data[0] != Backend.ROW_DESCRIPTION:
            return data
        key = bytes(data)  # a no-op on bytes
        known = described.get(key)
        if known is None:
            if len(described) >= _DESCRIPTIONS_KEPT:
                described.clear()
            known = described[key] = rewrite(key)
        return known

    return describe
