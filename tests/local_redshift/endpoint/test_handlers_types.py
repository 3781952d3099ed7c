"""The session's handlers keep what PostgreSQL says of a prepared statement's types and speak Redshift's formats with
the client: over socket pairs, against PostgreSQL's scripted answers (no server).

The flow is redshift_connector's: Parse with the parameters' type oids, Describe of the statement, Sync; then Bind
with the result formats its converters want (binary for INTERVAL YEAR TO MONTH, 1188), Execute, Sync.
"""

from __future__ import annotations

import struct

from local_redshift.endpoint import messages, protocol
from local_redshift.endpoint.codes import Backend, Frontend, Target
from local_redshift.endpoint.framing import INT32, Reader, cstring, frame
from local_redshift.endpoint.handlers import Handlers
from local_redshift.endpoint.type_codes import TypeCodes, columns_of
from tests.local_redshift.endpoint.wire import READY, NoUsers, ScriptedRuns, kinds, unrecorded_queries, wires

YEAR_TO_MONTH = (6 << 16) | 0xFFFF  # PostgreSQL's typmod of INTERVAL YEAR TO MONTH


def test_an_interval_year_to_month_goes_both_ways_in_the_drivers_layout():
    with wires() as w:
        codes = TypeCodes()
        w.relay.describe_rows_with(protocol.row_descriptions(codes, None, "dev"))
        handlers = Handlers(w.relay, ScriptedRuns(w.relay, [], "COPY"), unrecorded_queries(), NoUsers(), codes=codes)
        field = cstring("v1") + struct.pack("!ihihih", 0, 0, 1186, 16, YEAR_TO_MONTH, 0)
        w.backend_says(
            messages.PARSE_COMPLETE,
            frame(Backend.PARAMETER_DESCRIPTION, struct.pack("!hi", 1, 1186)),
            frame(Backend.ROW_DESCRIPTION, struct.pack("!h", 1) + field),
            READY,
            messages.BIND_COMPLETE,
            frame(Backend.DATA_ROW, struct.pack("!h", 1) + INT32.pack(16) + struct.pack("!qii", 0, 0, 37)),
            messages.command_complete("SELECT 1"),
            READY,
        )
        describe = frame(Frontend.DESCRIBE, Target.STATEMENT.encode() + cstring("s"))
        bind = messages.Bind("", "s", [1], [struct.pack("!i", 37)], [1]).frame()
        w.client.sendall(
            messages.parse("s", "select $1::intervaly2m", [1188]) + describe + messages.SYNC
            + bind + messages.execute("") + messages.SYNC + frame(Frontend.TERMINATE)
        )  # fmt: skip
        handlers.serve(Reader(w.relay.client))
        got = w.client_got()
        sent = w.backend_got()
    assert kinds(got) == "1tTZ2DCZ"
    assert [column.oid for column in columns_of(got[2])] == [1188]
    assert got[5] == frame(Backend.DATA_ROW, struct.pack("!h", 1) + INT32.pack(4) + struct.pack("!i", 37))
    assert messages.parse_fields(sent[0])[2] == [1186]  # PostgreSQL knows Redshift's 1188 as its interval
    assert messages.bind_fields(sent[3]).values == [struct.pack("!qii", 0, 0, 37)]
