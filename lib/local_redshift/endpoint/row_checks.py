"""A relay whose result rows are checked on their way to the client: what a check raises for a value (a sketch the
local Redshift built, value_formats.printed_sketch) fails the statement as an error of the backend would.

A check is asked for by the rows' RowDescription (None: the rows pass as before, on the fast path). In a simple query
the rows after the RowDescription are checked one by one; a refusal reaches the client as an ErrorResponse, the rest
of the query's answers are swallowed, and in a transaction block the backend's transaction is failed with the same
error, as the client's now is. In extended mode the RowDescription of a Describe gives the Execute owed after it
(before the next Sync) its check, unless its rows are observed already (a Bind's RowConversion); a refusal there is
the relay's _refuse_rest.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from local_redshift.endpoint import messages
from local_redshift.endpoint.codes import COMMAND_ENDS, Backend
from local_redshift.endpoint.raised import raise_sql
from local_redshift.endpoint.relay import DESCRIBE_ENDS, EXECUTE_ENDS, Relay, Reply, Route
from local_redshift.errors import RedshiftError

RowCheck = Callable[[int, bytes], bytes]


class CheckedRelay(Relay):
    """A Relay whose rows are seen by the check its RowDescriptions ask for (check_rows_with)."""

    _rows_checked: Callable[[bytes], RowCheck | None] | None = None

    def check_rows_with(self, check: Callable[[bytes], RowCheck | None]) -> None:
        """Have the rows seen by what `check` gives for their RowDescription; RowDescriptions leave the fast path."""
        self._rows_checked = check
        if Backend.ROW_DESCRIPTION not in self._stops:
            self._stops += bytes([Backend.ROW_DESCRIPTION])

    def _route_simple(self, head: Reply, kind: int, frame: bytes) -> None:
        if head.refused is not None and kind in (Backend.READY_FOR_QUERY, Backend.ERROR_RESPONSE):
            if kind == Backend.READY_FOR_QUERY:  # the query's end; an error after the refusal is swallowed
                self.status = chr(frame[5])
                self._done()
                self._fail_simple(head.refused)
            return
        if self._rows_checked is not None and head.refused is None and head.current_route is Route.FORWARD:
            if kind == Backend.ROW_DESCRIPTION:
                head.observe = self._rows_checked(frame)
            elif head.observe is not None:
                try:
                    head.observe(kind, frame)
                except RedshiftError as refusal:
                    self._refuse_simple(head, refusal)
                    return
        super()._route_simple(head, kind, frame)
        if kind in COMMAND_ENDS:
            head.observe = None

    def _route_extended(self, head: Reply, kind: int, frame: bytes) -> None:
        if kind == Backend.ROW_DESCRIPTION and self._rows_checked is not None:
            head = self._check_execution(self._rows_checked(frame), head)
        super()._route_extended(head, kind, frame)

    def _refuse_simple(self, head: Reply, refusal: RedshiftError) -> None:
        error = messages.error(refusal.sqlstate, refusal.message)
        self.failure = messages.error_fields(error)
        head.error = {}
        self.emit(error)
        head.route, head.routes, head.observe, head.refused = Route.SWALLOW, None, None, refusal

    def _fail_simple(self, refusal: RedshiftError) -> None:
        """The ReadyForQuery after a refused value: the client's, or in a transaction block a failed one, after the
        backend's transaction is failed with the same error (swallowed)."""
        if self.status != "T":
            self.emit(messages.ready_for_query(self.status))
            return
        self.send(messages.query(raise_sql(refusal)), expect=Reply(Route.CAPTURE, simple=True))
        self.send_now()
        self.expect(Reply(synthetic=messages.ready_for_query("E")))

    def _check_execution(self, check: RowCheck | None, head: Reply) -> Reply:
        """The Execute owed after a Describe's RowDescription gets `check`; the replies before the Describe's,
        answered on the fast path, are settled first. The head then."""
        owed = self.owed
        if check is None:
            return head
        while len(owed) > 1 and owed[0].plain and owed[0].ends != DESCRIBE_ENDS:
            self._done()
        for index in range(1, len(owed)):
            reply = owed[index]
            if reply.is_sync:
                break
            if reply.ends == EXECUTE_ENDS:
                if reply.observe is None:
                    self._special += reply.plain
                    owed[index] = dataclasses.replace(reply, observe=check)
                break
        return owed[0]
