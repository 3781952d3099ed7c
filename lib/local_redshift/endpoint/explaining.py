"""EXPLAIN in a client's session: PostgreSQL plans the statement over the client's own backend, in the client's
transaction, and the endpoint answers with the plan written as Redshift writes it (local_redshift.explain)."""

from __future__ import annotations

import json
import struct

from local_redshift.endpoint.codes import Backend, ErrorField
from local_redshift.endpoint.copying import report
from local_redshift.endpoint.framing import INT32, cstring, frame
from local_redshift.endpoint.relay import Relay, Route
from local_redshift.errors import BackendError
from local_redshift.explain import QUERY_PLAN, plan_query, render

_TEXT_OID = 25  # PostgreSQL's type text
ROW_DESCRIPTION = frame(
    Backend.ROW_DESCRIPTION,
    struct.pack("!h", 1) + cstring(QUERY_PLAN) + struct.pack("!ihihih", 0, 0, _TEXT_OID, -1, -1, 0),
)
"""EXPLAIN's result: one text column, QUERY PLAN."""

_POSITION, _INTERNAL_POSITION, _INTERNAL_QUERY = "P", "p", "q"  # ErrorResponse fields (protocol's message formats)
_WRAPPER_FIELDS = (_POSITION, _INTERNAL_POSITION, _INTERNAL_QUERY, ErrorField.CONTEXT)
"""What PostgreSQL says of the catalog function that runs EXPLAIN, not of the user's statement."""


def data_row(line: str) -> bytes:
    value = line.encode()
    return frame(Backend.DATA_ROW, struct.pack("!h", 1) + INT32.pack(len(value)) + value)


class ExplainPath:
    """Runs a session's EXPLAIN statements and sends their plans, or their failures, to its client."""

    def __init__(self, relay: Relay) -> None:
        self._relay = relay

    def run_or_report(self, postgres_sql: str, extended: bool) -> bytes | None:
        """The rows of the plan of `postgres_sql` for the client (after their row description in simple query
        mode); None when PostgreSQL could not plan it, the failure told to the client."""
        relay = self._relay
        reply = relay.query(plan_query(postgres_sql), Route.CAPTURE)
        if reply.error is not None:
            fields = {code: value for code, value in reply.error.items() if code not in _WRAPPER_FIELDS}
            report(relay, BackendError(fields), extended)
            return None
        rows = b"".join(data_row(line) for line in render(json.loads(reply.rows[0][0])))
        return rows if extended else ROW_DESCRIPTION + rows
