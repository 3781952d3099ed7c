"""A session's handlers of the client's messages after login, in both query protocols (the simple one's statements
run by simple_query). Statements PostgreSQL cannot prepare as one are virtual (prepared.py): the handlers answer
Parse, Bind, Describe and Close for them and run them when they are executed."""

from __future__ import annotations

from local_redshift.endpoint import messages
from local_redshift.endpoint.codes import Frontend, Target
from local_redshift.endpoint.databases import SessionDatabases
from local_redshift.endpoint.explaining import ROW_DESCRIPTION, ExplainPath
from local_redshift.endpoint.framing import Reader
from local_redshift.endpoint.in_endpoint import Copies, InEndpoint, Users
from local_redshift.endpoint.prepared import Folding, Prepared, Shape, bound_for_postgres, explains, prepare
from local_redshift.endpoint.query_log import SessionQueries
from local_redshift.endpoint.relay import (
    BIND_ENDS,
    CLOSE_ENDS,
    DESCRIBE_ENDS,
    EXECUTE_ENDS,
    PARSE_ENDS,
    SYNC_ENDS,
    Relay,
    Reply,
    Route,
)
from local_redshift.endpoint.shown import ShownPath
from local_redshift.endpoint.simple_query import SimpleQuery
from local_redshift.endpoint.transaction_blocks import refusal, refused_in_blocks
from local_redshift.endpoint.type_codes import TypeCodes
from local_redshift.endpoint.value_formats import RowConversion, postgres_parameter_types
from local_redshift.errors import SqlState
from local_redshift.translation import Statement

_CLIENT_SPIN = 0.0002
"""How long a session waits awake for the client's next message after answering one: a client running statements
one after another sends it within microseconds, and a thread that slept first is slow to wake."""

# The replies of requests passed on as they are: never changed, so shared.
_PARSED, _BOUND, _DESCRIBED, _EXECUTED, _CLOSED, _SYNCED = (
    Reply(ends=ends) for ends in (PARSE_ENDS, BIND_ENDS, DESCRIBE_ENDS, EXECUTE_ENDS, CLOSE_ENDS, SYNC_ENDS)
)


class Handlers:
    """The client's messages after login, each handled by passing it on, answering it, or running it."""

    def __init__(
        self,
        relay: Relay,
        copies: Copies,
        queries: SessionQueries,
        users: Users,
        databases: SessionDatabases | None = None,
        codes: TypeCodes | None = None,
        shown: ShownPath | None = None,
    ) -> None:
        self.relay = relay
        self.shown = shown
        self.queries = queries
        self.databases = databases
        self.codes = codes
        self.statements: dict[str, Prepared] = {}
        self.portals: dict[str, Prepared] = {}
        self.shapes: dict[str, Shape] = {}  # of the statements PostgreSQL prepares (not the virtual ones)
        self.conversions: dict[str, RowConversion] = {}  # of the portals whose rows Redshift formats otherwise
        self.shown_in: dict[str, str] = {}  # of the portals of a SHOW of a database named by a bound parameter
        self.in_endpoint = InEndpoint(copies, users, ExplainPath(relay))
        self.folding = Folding()
        self.simple = SimpleQuery(relay, queries, databases, self.in_endpoint, self._shown_setting, self.folding)

    def serve(self, reader: Reader) -> None:
        """Handle the client's messages until it terminates (or a protocol violation ends the session)."""
        handlers = {
            Frontend.QUERY: self.simple.run,
            Frontend.PARSE: self._on_parse,
            Frontend.BIND: self._on_bind,
            Frontend.DESCRIBE: self._on_describe,
            Frontend.EXECUTE: self._on_execute,
            Frontend.CLOSE: self._on_close,
            Frontend.FLUSH: self._on_flush,
            Frontend.SYNC: self._on_sync,
            Frontend.FUNCTION_CALL: self._on_function_call,
        }
        relay = self.relay
        while True:
            if not reader.buffered():
                reader.fill_soon(_CLIENT_SPIN)
            kind, frame = reader.message()
            if kind == Frontend.TERMINATE:
                return
            if relay.skipping and kind != Frontend.SYNC:
                continue
            handler = handlers.get(kind)
            if handler is None:
                relay.emit(
                    messages.error(SqlState.PROTOCOL_VIOLATION, f"unexpected message type {chr(kind)!r}", "FATAL")
                )
                relay.flush()
                return
            handler(frame)

    # --- extended query --------------------------------------------------------------------------------------

    def _on_parse(self, frame: bytes) -> None:
        name, text, oids = messages.parse_fields(frame)
        self.queries.parsed(text)
        prepared = self.statements[name] = prepare(text, self.databases, self.folding)
        if prepared.virtual:
            self.shapes.pop(name, None)
            self.relay.expect(Reply(synthetic=messages.PARSE_COMPLETE))
            return
        self.shapes[name] = Shape(oids)
        postgres_oids = postgres_parameter_types(oids)
        if prepared.sql != text or postgres_oids != oids:
            assert prepared.sql is not None
            frame = messages.parse(name, prepared.sql, postgres_oids)
        self.relay.send(frame, expect=_PARSED)

    def _on_bind(self, frame: bytes) -> None:
        portal, statement = messages.bind_names(frame)
        prepared = self.statements.get(statement)
        if prepared is None:
            self.portals.pop(portal, None)
        else:
            self.portals[portal] = prepared
        self.queries.bound(prepared.source if prepared else "")
        self.conversions.pop(portal, None)
        self.shown_in.pop(portal, None)
        if prepared is not None and prepared.shown_parameter is not None:
            values = messages.bind_fields(frame).values  # too few: PostgreSQL refuses the Bind itself
            value = values[prepared.shown_parameter] if prepared.shown_parameter < len(values) else None
            self.shown_in[portal] = "" if value is None else value.decode(errors="replace")
        shape = self.shapes.get(statement)
        if shape is not None and self.codes is not None and not (prepared and prepared.virtual):
            frame, conversion = bound_for_postgres(frame, shape, self.codes)
            if conversion is not None:
                self.conversions[portal] = conversion
        self._pass(frame, prepared, messages.BIND_COMPLETE, _BOUND)

    def _on_describe(self, frame: bytes) -> None:
        kind, name = messages.target(frame)
        if kind == Target.STATEMENT:
            prepared = self.statements.get(name)
            answer = messages.NO_PARAMETERS + (ROW_DESCRIPTION if explains(prepared) else messages.NO_DATA)
            shape = self.shapes.get(name)
            if shape is not None and not (prepared and prepared.virtual):
                self.relay.send(frame, expect=Reply(ends=DESCRIBE_ENDS, observe=shape.observe))
                return
        else:
            prepared = self.portals.get(name)
            answer = ROW_DESCRIPTION if explains(prepared) else messages.NO_DATA
        self._pass(frame, prepared, answer, _DESCRIBED)

    def _on_execute(self, frame: bytes) -> None:
        relay, portal = self.relay, messages.first_string(frame)
        prepared = self.portals.get(portal)
        pending = self.queries.execute(prepared.source if prepared else "")
        if pending is not None and (setting := self.queries.settings([pending])[0]):
            relay.internal(setting, Route.SWALLOW)
        if prepared is not None and self.shown is not None:
            shown = prepared.elsewhere if prepared.elsewhere is not None else self.shown_in.get(portal)
            if shown is not None:
                relay.internal(self.shown.setting(shown, prepared.sql or ""), Route.SWALLOW)
        if prepared is not None and prepared.virtual:
            self._run_virtual(prepared.virtual)
            return
        if prepared is not None and prepared.outside_transaction_block is not None and relay.status != "I":
            relay.internal(refusal(prepared.outside_transaction_block), Route.SWALLOW)
        for before in prepared.before if prepared else ():
            relay.internal(before, Route.SWALLOW)
        conversion = self.conversions.get(portal)
        reply = _EXECUTED if conversion is None else Reply(ends=EXECUTE_ENDS, observe=conversion.observe)
        relay.send(frame, expect=reply)
        for bookkeeping in prepared.after if prepared else ():
            relay.internal(bookkeeping, Route.SWALLOW)
        if prepared is not None:
            self.folding.ran(prepared)

    def _on_close(self, frame: bytes) -> None:
        kind, name = messages.target(frame)
        prepared = (self.statements if kind == Target.STATEMENT else self.portals).pop(name, None)
        (self.shapes if kind == Target.STATEMENT else self.conversions).pop(name, None)
        if kind != Target.STATEMENT:
            self.shown_in.pop(name, None)
        self._pass(frame, prepared, messages.CLOSE_COMPLETE, _CLOSED)

    def _pass(self, frame: bytes, prepared: Prepared | None, answer: bytes, plain: Reply) -> None:
        """Answer a message about a virtual statement itself; pass any other on, owed the `plain` reply."""
        if prepared is not None and prepared.virtual:
            self.relay.expect(Reply(synthetic=answer))
        else:
            self.relay.send(frame, expect=plain)

    def _on_function_call(self, frame: bytes) -> None:
        relay = self.relay
        relay.send(frame, expect=Reply(simple=True))
        relay.pump()
        relay.flush()

    def _on_flush(self, _frame: bytes) -> None:
        relay = self.relay
        relay.send(messages.FLUSH)
        relay.pump()
        relay.flush()

    def _on_sync(self, _frame: bytes) -> None:
        relay = self.relay
        relay.skipping = False
        relay.send(messages.SYNC, expect=_SYNCED)
        relay.pump()
        self.folding.settle(relay)
        relay.flush()
        self.queries.synced(relay.take_failure())

    def _run_virtual(self, statements: tuple[Statement, ...]) -> None:
        """Execute a virtual statement: COPY from S3, or several statements prepared as one."""
        relay = self.relay
        relay.drain()
        statements = refused_in_blocks(statements, in_block=relay.status != "I")
        for number, statement in enumerate(statements):
            if relay.skipping:
                return
            last = number == len(statements) - 1
            if statement.in_endpoint:
                completion = self.in_endpoint.run(statement, extended=True)
                if completion is None:
                    return
                relay.emit(completion[0] + (completion[1] if last else b""))
                continue
            if setting := self._shown_setting(statement):
                relay.internal(setting, Route.SWALLOW)
            for sql in statement.before:
                relay.internal(sql, Route.SWALLOW)
            for position, sql in enumerate(statement.postgres):
                relay.internal(sql, Route.TAG_ONLY if last and position == 0 else Route.SWALLOW)
            relay.drain()
            if not relay.skipping:
                self.folding.ran(statement)

    def _shown_setting(self, statement: Statement) -> str | None:
        """For a SHOW of another database of the cluster, the statement that gives the backend what it shows."""
        if self.databases is None or self.shown is None:
            return None
        elsewhere = self.databases.elsewhere(statement)
        return None if elsewhere is None else self.shown.setting(elsewhere, statement.postgres[0])
