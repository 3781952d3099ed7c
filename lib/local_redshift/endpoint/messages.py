"""The messages the endpoint reads the fields of, and the ones it writes itself."""

from __future__ import annotations

import struct
from dataclasses import dataclass

from local_redshift.endpoint.codes import Authentication, Backend, ErrorField, Frontend
from local_redshift.endpoint.framing import INT16, INT32, BodyReader, cstring, frame
from local_redshift.errors import SqlState

# --- reading -------------------------------------------------------------------------------------------------


def startup_parameters(body: bytes) -> dict[str, str]:
    """The name/value pairs of a StartupMessage body (after the protocol code)."""
    parts = body.split(b"\0")
    return {parts[i].decode(): parts[i + 1].decode() for i in range(0, len(parts) - 1, 2) if parts[i]}


def parse_fields(data: bytes) -> tuple[str, str, list[int]]:
    """Parse: statement name, query text, parameter type oids."""
    body = BodyReader(data)
    name, query = body.string(), body.string()
    return name, query, [body.int32() for _ in range(body.int16())]


def bind_names(data: bytes) -> tuple[str, str]:
    """Bind: portal name, statement name."""
    body = BodyReader(data)
    return body.string(), body.string()


@dataclass
class Bind:
    """A Bind message's fields: parameter values as sent (None for NULL) and format codes as given (none, one for
    all, or one each)."""

    portal: str
    statement: str
    parameter_formats: list[int]
    values: list[bytes | None]
    result_formats: list[int]

    def frame(self) -> bytes:
        body = bytearray(cstring(self.portal) + cstring(self.statement))
        body += struct.pack(f"!h{len(self.parameter_formats)}h", len(self.parameter_formats), *self.parameter_formats)
        body += INT16.pack(len(self.values))
        for value in self.values:
            body += INT32.pack(-1) if value is None else INT32.pack(len(value)) + value
        body += struct.pack(f"!h{len(self.result_formats)}h", len(self.result_formats), *self.result_formats)
        return frame(Frontend.BIND, bytes(body))


def bind_fields(data: bytes) -> Bind:
    """The fields of a Bind frame."""
    body = BodyReader(data)
    portal, statement = body.string(), body.string()
    parameter_formats = [body.int16() for _ in range(body.int16())]
    values: list[bytes | None] = []
    for _ in range(body.int16()):
        length = body.int32()
        values.append(None if length < 0 else data[body.pos : body.pos + length])
        body.pos += max(length, 0)
    return Bind(portal, statement, parameter_formats, values, [body.int16() for _ in range(body.int16())])


def format_of(formats: list[int], index: int) -> int:
    """The format code of value `index` by a Bind's list of codes (none: text, one: for all)."""
    return formats[index] if len(formats) > 1 else formats[0] if formats else 0


def parameter_types(data: bytes) -> list[int]:
    """The type oids of a ParameterDescription frame."""
    body = BodyReader(data)
    return [body.int32() for _ in range(body.int16())]


def target(data: bytes) -> tuple[str, str]:
    """Describe or Close: 'S' (statement) or 'P' (portal), and the name."""
    body = BodyReader(data)
    return body.byte(), body.string()


def first_string(data: bytes) -> str:
    """The first field of Query (its text), Execute (its portal), PasswordMessage and CommandComplete."""
    return BodyReader(data).string()


def error_fields(data: bytes) -> dict[str, str]:
    """The fields of an ErrorResponse or NoticeResponse, by their one-letter codes."""
    fields, body = {}, BodyReader(data)
    while not body.at_end():
        code = body.byte()
        fields[code] = body.string()
    return fields


def data_row_values(data: bytes) -> tuple[str | None, ...]:
    """The values of a DataRow in text format."""
    count, pos, values = struct.unpack_from("!h", data, 5)[0], 7, []
    for _ in range(count):
        (length,) = INT32.unpack_from(data, pos)
        pos += 4
        if length < 0:
            values.append(None)
        else:
            values.append(data[pos : pos + length].decode("utf-8", "replace"))
            pos += length
    return tuple(values)


def row_count(tag: str) -> int:
    """The row count of a CommandComplete tag ('COPY 12', 'INSERT 0 5'); 0 for tags without one."""
    last = tag.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0


# --- writing to the backend ----------------------------------------------------------------------------------


def query(sql: str) -> bytes:
    return frame(Frontend.QUERY, cstring(sql))


def parse(name: str, sql: str, oids: list[int] | tuple[int, ...] = ()) -> bytes:
    types = struct.pack(f"!h{len(oids)}i", len(oids), *oids)
    return frame(Frontend.PARSE, cstring(name) + cstring(sql) + types)


def bind(portal: str, statement: str) -> bytes:
    return frame(Frontend.BIND, cstring(portal) + cstring(statement) + b"\0\0" + b"\0\0" + b"\0\0")


def execute(portal: str) -> bytes:
    return frame(Frontend.EXECUTE, cstring(portal) + INT32.pack(0))


def close(kind: str, name: str) -> bytes:
    return frame(Frontend.CLOSE, kind.encode() + cstring(name))


def copy_data(chunk: bytes) -> bytes:
    return frame(Frontend.COPY_DATA, chunk)


def copy_fail(reason: str) -> bytes:
    return frame(Frontend.COPY_FAIL, cstring(reason))


FLUSH = frame(Frontend.FLUSH)
SYNC = frame(Frontend.SYNC)
COPY_DONE = frame(Frontend.COPY_DONE)

# --- writing to the client -----------------------------------------------------------------------------------


def error_response(fields: dict[str, str]) -> bytes:
    return frame(
        Backend.ERROR_RESPONSE, b"".join(code.encode() + cstring(value) for code, value in fields.items()) + b"\0"
    )


def fields_of(sqlstate: str, message: str, severity: str = "ERROR", detail: str | None = None) -> dict[str, str]:
    """The fields of an error the endpoint reports itself."""
    fields = {
        ErrorField.SEVERITY: severity,
        ErrorField.SEVERITY_NONLOCALIZED: severity,
        ErrorField.SQLSTATE: str(sqlstate),
        ErrorField.MESSAGE: message,
    }
    if detail:
        fields[ErrorField.DETAIL] = detail
    return fields


def error(sqlstate: str, message: str, severity: str = "ERROR", detail: str | None = None) -> bytes:
    """An ErrorResponse made by the endpoint itself."""
    return error_response(fields_of(sqlstate, message, severity, detail))


def notice(message: str, severity: str = "INFO") -> bytes:
    """A NoticeResponse made by the endpoint itself (e.g. UNLOAD's INFO that it completed)."""
    fields = fields_of(SqlState.SUCCESSFUL_COMPLETION, message, severity)
    body = b"".join(code.encode() + cstring(value) for code, value in fields.items())
    return frame(Backend.NOTICE_RESPONSE, body + b"\0")


def command_complete(tag: str) -> bytes:
    return frame(Backend.COMMAND_COMPLETE, cstring(tag))


def ready_for_query(status: str) -> bytes:
    return frame(Backend.READY_FOR_QUERY, status.encode())


def parameter_status(name: str, value: str) -> bytes:
    return frame(Backend.PARAMETER_STATUS, cstring(name) + cstring(value))


def backend_key_data(pid: int, key: int) -> bytes:
    return frame(Backend.BACKEND_KEY_DATA, struct.pack("!ii", pid, key))


def md5_request(salt: bytes) -> bytes:
    return frame(Backend.AUTHENTICATION, INT32.pack(Authentication.MD5_PASSWORD) + salt)


AUTHENTICATION_OK = frame(Backend.AUTHENTICATION, INT32.pack(Authentication.OK))
PARSE_COMPLETE = frame(Backend.PARSE_COMPLETE)
BIND_COMPLETE = frame(Backend.BIND_COMPLETE)
CLOSE_COMPLETE = frame(Backend.CLOSE_COMPLETE)
NO_DATA = frame(Backend.NO_DATA)
NO_PARAMETERS = frame(Backend.PARAMETER_DESCRIPTION, b"\0\0")
SSL_REFUSED = b"N"
SSL_ACCEPTED = b"S"
