"""client_protocol_version as redshift_connector negotiates it: the grant, and RowDescription from version 1 on.

The driver's documented behaviour (redshift_connector's `connect(client_protocol_version=...)`: "If the requested
server protocol cannot be satisfied", it follows the server's `server_protocol_version`; from
EXTENDED_RESULT_METADATA (1) on it reads four names and a 16-bit flags word after each RowDescription field).
"""

from __future__ import annotations

import struct

from local_redshift.endpoint import messages, protocol
from local_redshift.endpoint.codes import Backend
from local_redshift.endpoint.framing import cstring, frame


def row_description(*names: str) -> bytes:
    fields = b"".join(cstring(name) + struct.pack("!ihihih", 0, 0, 23, 4, -1, 0) for name in names)
    return frame(Backend.ROW_DESCRIPTION, struct.pack("!h", len(names)) + fields)


def test_the_grant_is_the_version_asked_for_up_to_binary():
    assert protocol.granted({}) is None  # psycopg, psql: nothing asked, nothing granted
    assert protocol.granted({"client_protocol_version": "0"}) == 0
    assert protocol.granted({"client_protocol_version": "1"}) == 1
    assert protocol.granted({"client_protocol_version": "2"}) == 2  # BINARY, the driver's default
    assert protocol.granted({"client_protocol_version": "3"}) == 2  # higher: answered with the highest served
    assert protocol.granted({"client_protocol_version": "x"}) == 0
    assert protocol.grant_status(2) == messages.parameter_status("server_protocol_version", "2")


def test_each_field_gets_schema_table_column_catalog_and_flags():
    extended = protocol.extended_row_description(row_description("a", "bc"), "dev")
    extra = b"\0\0\0dev\0" + struct.pack("!h", 1)
    fixed = struct.pack("!ihihih", 0, 0, 23, 4, -1, 0)
    assert extended == frame(
        Backend.ROW_DESCRIPTION, struct.pack("!h", 2) + b"a\0" + fixed + extra + b"bc\0" + fixed + extra
    )


def test_only_row_descriptions_change_among_several_messages():
    data = messages.NO_PARAMETERS + row_description("x") + messages.command_complete("SELECT 1")
    rewritten = protocol.with_extended_row_descriptions(data, "dev")
    assert rewritten == messages.NO_PARAMETERS + protocol.extended_row_description(row_description("x"), "dev") + (
        messages.command_complete("SELECT 1")
    )
    assert protocol.with_extended_row_descriptions(messages.NO_DATA, "dev") == messages.NO_DATA
