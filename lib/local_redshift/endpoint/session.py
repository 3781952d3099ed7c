"""One client's session: login, then every message relayed to the client's own PostgreSQL backend, with
Redshift SQL translated on the way and COPY from S3 run by the endpoint itself.

Statements PostgreSQL cannot prepare as one (COPY from S3, several statements in one Parse) are "virtual": the
session answers Parse, Bind, Describe and Close for them itself and runs them when they are executed. Errors
the endpoint finds (SQL that Redshift rejects, a failing COPY) are raised by PostgreSQL itself, so the
transaction and protocol state are exactly what they would be for any other failing statement.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import socket
import ssl
from dataclasses import dataclass
from typing import Protocol

import psycopg

from local_redshift.copy import AwsClients, CopyOptions
from local_redshift.endpoint import messages, protocol
from local_redshift.endpoint.admission import Admission
from local_redshift.endpoint.backend import PostgresBackend
from local_redshift.endpoint.cancels import CancelRegistry
from local_redshift.endpoint.clusters import ClusterDirectory, LoginRefused, password_failed
from local_redshift.endpoint.codes import Backend, ErrorField, Frontend, Target
from local_redshift.endpoint.connection_log import Connection, ConnectionLog, describe
from local_redshift.endpoint.copying import CopyPath
from local_redshift.endpoint.databases import SessionDatabases
from local_redshift.endpoint.explaining import ROW_DESCRIPTION, ExplainPath
from local_redshift.endpoint.framing import ConnectionClosed, Reader
from local_redshift.endpoint.login import CancelServed, log_in
from local_redshift.endpoint.query_log import QueryLog, SessionQueries
from local_redshift.endpoint.raised import raise_sql
from local_redshift.endpoint.relay import (
    BIND_ENDS,
    CLOSE_ENDS,
    DESCRIBE_ENDS,
    EXECUTE_ENDS,
    PARSE_ENDS,
    SYNC_ENDS,
    BackendGone,
    ClientGone,
    Relay,
    Reply,
    Route,
)
from local_redshift.endpoint.shown import ShownPath
from local_redshift.endpoint.type_codes import Column, TypeCodes, columns_of
from local_redshift.endpoint.users import UserPath
from local_redshift.endpoint.value_formats import (
    RowConversion,
    postgres_bind,
    postgres_format,
    postgres_parameter_types,
)
from local_redshift.errors import DISK_FULL_HINT, DISK_FULL_MESSAGE, DISK_FULL_STOPPED, RedshiftError, SqlState
from local_redshift.translation import Statement, translate
from local_redshift.translation.users import UserStatement
from local_redshift.unload import UnloadOptions
from local_redshift.unload.run import COMPLETED

log = logging.getLogger(__name__)

_TLS_GOODBYE = 1.0  # seconds a TLS session waits for the client's close_notify in return when it ends

_CLIENT_SPIN = 0.0002
"""How long a session waits awake for the client's next message after answering one: a client running statements
one after another sends it within microseconds, and a thread that slept first is slow to wake."""


@dataclass(frozen=True)
class Services:
    """What every session shares: the clusters, the cancel registry, clients of the AWS stand-in, the query log,
    the rules of entry, the connection log."""

    directory: ClusterDirectory
    cancels: CancelRegistry
    aws: AwsClients
    queries: QueryLog
    admission: Admission
    connections: ConnectionLog


class Users(Protocol):
    """Runs a session's CREATE, ALTER and DROP USER statements (users.UserPath)."""

    def run_or_report(self, statement: UserStatement, extended: bool) -> str | None:
        """The command tag; None when it failed, the failure told to the client."""
        ...


class Copies(Protocol):
    """Runs a session's COPY statements (copying.CopyPath)."""

    def run_or_report(self, options: CopyOptions, extended: bool) -> int | None:
        """The rows loaded; None when it failed, the failure told to the client."""
        ...

    def unload_or_report(self, options: UnloadOptions, extended: bool) -> int | None:
        """The rows an UNLOAD wrote; None when it failed, the failure told to the client."""
        ...


@dataclass(frozen=True)
class Prepared:
    """A client's statement as the session runs it: PostgreSQL text, or a virtual statement."""

    source: str  # the client's own text
    sql: str | None = None
    after: tuple[str, ...] = ()  # bookkeeping statements run after each execution, their results swallowed
    virtual: tuple[Statement, ...] = ()
    elsewhere: str | None = None  # the other database whose contents `sql` shows (endpoint/shown.py)


@dataclass
class Shape:
    """What is known of a prepared statement's types: its parameters' as the client declared them and as PostgreSQL
    resolved them, and its result columns (the last two once the client has described the statement)."""

    declared: list[int]
    resolved: list[int] | None = None
    columns: list[Column] | None = None

    def observe(self, kind: int, data: bytes) -> bytes:
        """Keep what a Describe of the statement answers (its messages pass unchanged)."""
        if kind == Backend.PARAMETER_DESCRIPTION:
            self.resolved = messages.parameter_types(data)
        elif kind == Backend.ROW_DESCRIPTION:
            self.columns = columns_of(data)
        elif kind == Backend.NO_DATA:
            self.columns = []
        return data


@functools.lru_cache(maxsize=1024)
def _translated(sql: str) -> tuple[Statement, ...] | RedshiftError:
    try:
        return tuple(translate(sql))
    except RedshiftError as refusal:
        return refusal


def prepare(text: str, databases: SessionDatabases | None = None) -> Prepared:
    """How the session (connected to `databases`) runs a statement the client prepares."""
    statements = _translated(text) if databases is None else databases.checked(_translated(text))
    if isinstance(statements, RedshiftError):
        return Prepared(text, sql=raise_sql(statements))
    if not statements:
        return Prepared(text, sql=text)
    if len(statements) == 1 and not statements[0].in_endpoint:
        [statement] = statements
        elsewhere = databases.elsewhere(statement) if databases is not None else None
        return Prepared(text, sql=statement.postgres[0], after=tuple(statement.postgres[1:]), elsewhere=elsewhere)
    return Prepared(text, virtual=statements)


class Session:
    """A client connection and its PostgreSQL backend, for the life of the connection."""

    def __init__(self, client: socket.socket, services: Services) -> None:
        self.services = services
        self.reader = Reader(client)
        self.backend: PostgresBackend | None = None
        self.handlers: Handlers | None = None
        self._copies: CopyPath | None = None
        self._admitted: str | None = None  # the cluster (its PostgreSQL database) the session is counted in
        self._connection: Connection | None = None  # as the connection log has it

    @property
    def client(self) -> socket.socket:
        """The client's socket: a TLS socket once the client has asked for TLS."""
        return self.reader.sock

    def run(self) -> None:
        """Serve the client until it leaves; then free the backend."""
        busy = False
        try:
            if not self._open():
                return
            busy = True
            assert self.handlers is not None
            self.handlers.serve(self.reader)
            busy = False
        except BackendGone:
            busy = False
            self._backend_gone()
        except (ClientGone, ConnectionClosed, ConnectionError):
            pid = self.backend.pid if self.backend else "-"
            log.log(logging.INFO if busy else logging.DEBUG, "client of backend %s left", pid)
        except Exception:
            log.exception("session of backend %s failed", self.backend.pid if self.backend else "-")
            self._send_fatal(SqlState.INTERNAL_ERROR, "the local Redshift endpoint failed; see its log")
        finally:
            self._close(cancel=busy)

    def _open(self) -> bool:
        """Log the client in and open its backend; False when it is not admitted (it has been told why)."""
        services = self.services
        try:
            login = log_in(self.reader, services.directory, services.cancels, services.admission)
        except CancelServed:
            return False
        except LoginRefused as refusal:
            self._send_fatal(refusal.sqlstate, str(refusal))
            return False
        except (TimeoutError, ssl.SSLError) as error:
            log.info("a client did not complete its login: %s", error)
            return False
        self._admitted = login.postgres_database
        directory = self.services.directory
        conninfo = directory.login_conninfo(login.postgres_database, login.user, login.verifier, login.dbname)
        application = login.parameters.get("application_name", "")
        try:
            backend = PostgresBackend(conninfo, application, login.cluster.settings)
        except psycopg.OperationalError as error:
            if login.verifier is not None:  # a user's password PostgreSQL did not commit, or expired (VALID UNTIL)
                self._send_fatal(*_refusal(login.user, error))
                return False
            # a session may have changed the master user's password in PostgreSQL
            directory.restore_master(login.postgres_database, login.user)
            backend = PostgresBackend(conninfo, application, login.cluster.settings)
        self.backend = backend
        self.services.cancels.add(backend.pid, backend.key, backend)
        relay = Relay(self.client, backend.socket)
        relay.database = (login.postgres_database, login.cluster.database)
        queries = SessionQueries(
            self.services.queries, login.postgres_database, login.user, login.database, backend.pid,
            elsewhere=login.dbname != login.postgres_database,
        )  # fmt: skip
        copies = CopyPath(
            relay, login, self.services.directory, self.services.aws, backend.pid, queries.current_query_id
        )
        databases = SessionDatabases(login.database, login.cluster.database, login.postgres_database)
        users = UserPath(relay, login, self.services.directory)
        shown = ShownPath(login, self.services.directory)
        version = protocol.granted(login.parameters)
        oids = backend.catalog_type_oids()
        codes = TypeCodes(oids.get("varbyte"), binary=(version or 0) >= protocol.BINARY, geometry=oids.get("geometry"))
        self._copies = copies
        self.handlers = Handlers(relay, copies, queries, users, databases, codes=codes, shown=shown)
        relay.describe_rows_with(protocol.row_descriptions(codes, version, login.database))
        self._connection = describe(
            self.client, login.parameters, postgres_database=login.postgres_database, session_id=backend.pid,
            database=login.database, user=login.user, protocol_version=version or 0,
            elsewhere=login.dbname != login.postgres_database,
        )  # fmt: skip
        self.services.connections.logged_in(self._connection)
        self.client.sendall(backend.welcome(b"" if version is None else protocol.grant_status(version)))
        log.info("user %s connected to cluster %s (backend %s)", login.user, login.cluster.identifier, backend.pid)
        return True

    def _close(self, cancel: bool) -> None:
        if self._copies is not None:
            self._copies.close()
        if self._admitted is not None:
            self.services.admission.leave(self._admitted)
        if self.backend is not None:
            self.services.cancels.remove(self.backend.pid, self.backend.key)
            if cancel:
                self.backend.cancel()
            elif self._connection is not None and self._connection.elsewhere:
                self.services.connections.logged_out(self._connection, ConnectionLog.duration(self._connection))
            elif self._connection is not None:
                self.backend.log_leaving(ConnectionLog.duration(self._connection))
            self.backend.close()
        if isinstance(self.client, ssl.SSLSocket):  # TLS ends with close_notify: a client reads it as the end
            with contextlib.suppress(OSError, ValueError):
                self.client.settimeout(_TLS_GOODBYE)
                self.client.unwrap()
        self.client.close()

    def _backend_gone(self) -> None:
        """The backend went in the middle of the session; when a full disk stopped its server, the client is told."""
        log.info("backend %s ended its connection", self.backend.pid if self.backend else "-")
        if self._admitted and self.services.directory.warehouses.free_if_full(self._admitted) is not None:
            fields = messages.fields_of(SqlState.DISK_FULL, DISK_FULL_MESSAGE, "FATAL", detail=DISK_FULL_STOPPED)
            with contextlib.suppress(OSError):
                self.client.sendall(messages.error_response({**fields, ErrorField.HINT: DISK_FULL_HINT}))

    def _send_fatal(self, sqlstate: SqlState, message: str) -> None:
        with contextlib.suppress(OSError):
            self.client.sendall(messages.error(sqlstate, message, severity="FATAL"))


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
        self.copies = copies
        self.users = users
        self.queries = queries
        self.databases = databases
        self.codes = codes
        self.statements: dict[str, Prepared] = {}
        self.portals: dict[str, Prepared] = {}
        self.shapes: dict[str, Shape] = {}  # of the statements PostgreSQL prepares (not the virtual ones)
        self.conversions: dict[str, RowConversion] = {}  # of the portals whose rows Redshift formats otherwise
        self.explains = ExplainPath(relay)

    def serve(self, reader: Reader) -> None:
        """Handle the client's messages until it terminates (or a protocol violation ends the session)."""
        handlers = {
            Frontend.QUERY: self._on_query,
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

    # --- simple query ----------------------------------------------------------------------------------------

    def _on_query(self, frame: bytes) -> None:
        relay, text = self.relay, messages.first_string(frame)
        statements = _translated(text) if self.databases is None else self.databases.checked(_translated(text))
        relay.take_failure()
        if isinstance(statements, RedshiftError):
            pending = self.queries.begin(text.strip())
            relay.query(raise_sql(statements), Route.FORWARD)
            self.queries.end(pending, relay.take_failure())
        elif not statements:
            relay.query(text, Route.FORWARD)
        else:
            segments = _segments(statements)
            for number, segment in enumerate(segments):
                if not self._run_segment(segment, last=number == len(segments) - 1):
                    break
        relay.flush()

    def _run_segment(self, segment: Statement | list[Statement], last: bool) -> bool:
        """Run a COPY, UNLOAD or EXPLAIN, or statements PostgreSQL runs as one query; False when the query ends."""
        relay, queries = self.relay, self.queries
        if isinstance(segment, Statement):
            pending = queries.begin(segment.source)
            completion = self._run_in_endpoint(segment, extended=False)
            queries.end(pending, relay.take_failure() if completion is None else None)
            if completion is None:
                return False
            relay.emit(completion[0] + completion[1])
            if last:
                relay.emit(messages.ready_for_query(relay.status))
            return True
        pendings = [queries.begin(statement.source) for statement in segment]
        settings = [
            setting or self._shown_setting(statement)  # a SHOW never reads PG_LAST_QUERY_ID
            for statement, setting in zip(segment, queries.settings(pendings), strict=True)
        ]
        texts, routes, starts = _one_query(segment, settings)
        reply = relay.query("\n;\n".join(texts), Route.FORWARD if last else Route.SWALLOW, routes)
        failure = relay.take_failure() if reply.error is not None else None
        for pending, start, end in zip(pendings, starts, [*starts[1:], len(texts)], strict=True):
            if failure is not None and reply.index < start:
                break  # not run: the query ended at the failing statement
            queries.end(pending, failure if failure is not None and reply.index < end else None)
        if reply.error is not None and not last:
            relay.emit(messages.ready_for_query(relay.status))
            return False
        return True

    # --- extended query --------------------------------------------------------------------------------------

    def _on_parse(self, frame: bytes) -> None:
        name, text, oids = messages.parse_fields(frame)
        self.queries.parsed(text)
        prepared = self.statements[name] = prepare(text, self.databases)
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
        shape = self.shapes.get(statement)
        if shape is not None and self.codes is not None and not (prepared and prepared.virtual):
            frame = self._bind_for_postgres(frame, portal, shape, self.codes)
        self._pass(frame, prepared, messages.BIND_COMPLETE, _BOUND)

    def _bind_for_postgres(self, frame: bytes, portal: str, shape: Shape, codes: TypeCodes) -> bytes:
        """The Bind PostgreSQL gets: parameters in its formats, and text asked for the values the endpoint
        converts itself; the portal's row conversion is kept when its rows need one."""
        bind = messages.bind_fields(frame)
        changed = postgres_bind(bind, shape.declared, shape.resolved, codes)
        if shape.columns:
            client = [messages.format_of(bind.result_formats, index) for index in range(len(shape.columns))]
            conversion = RowConversion(codes, shape.columns, client)
            if conversion.needed:
                self.conversions[portal] = conversion
            asked = [postgres_format(codes, column, fmt) for column, fmt in zip(shape.columns, client, strict=True)]
            if asked != client:
                bind.result_formats, changed = asked, True
        return bind.frame() if changed else frame

    def _on_describe(self, frame: bytes) -> None:
        kind, name = messages.target(frame)
        if kind == Target.STATEMENT:
            prepared = self.statements.get(name)
            answer = messages.NO_PARAMETERS + (ROW_DESCRIPTION if _explains(prepared) else messages.NO_DATA)
            shape = self.shapes.get(name)
            if shape is not None and not (prepared and prepared.virtual):
                self.relay.send(frame, expect=Reply(ends=DESCRIBE_ENDS, observe=shape.observe))
                return
        else:
            prepared = self.portals.get(name)
            answer = ROW_DESCRIPTION if _explains(prepared) else messages.NO_DATA
        self._pass(frame, prepared, answer, _DESCRIBED)

    def _on_execute(self, frame: bytes) -> None:
        relay = self.relay
        prepared = self.portals.get(messages.first_string(frame))
        pending = self.queries.execute(prepared.source if prepared else "")
        if pending is not None and (setting := self.queries.settings([pending])[0]):
            relay.internal(setting, Route.SWALLOW)
        if prepared is not None and prepared.elsewhere is not None and self.shown is not None:
            relay.internal(self.shown.setting(prepared.elsewhere, prepared.sql or ""), Route.SWALLOW)
        if prepared is not None and prepared.virtual:
            self._run_virtual(prepared.virtual)
            return
        conversion = self.conversions.get(messages.first_string(frame))
        reply = _EXECUTED if conversion is None else Reply(ends=EXECUTE_ENDS, observe=conversion.observe)
        relay.send(frame, expect=reply)
        for bookkeeping in prepared.after if prepared else ():
            relay.internal(bookkeeping, Route.SWALLOW)

    def _on_close(self, frame: bytes) -> None:
        kind, name = messages.target(frame)
        prepared = (self.statements if kind == Target.STATEMENT else self.portals).pop(name, None)
        (self.shapes if kind == Target.STATEMENT else self.conversions).pop(name, None)
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
        relay.flush()
        self.queries.synced(relay.take_failure())

    def _run_virtual(self, statements: tuple[Statement, ...]) -> None:
        """Execute a virtual statement: COPY from S3, or several statements prepared as one."""
        relay = self.relay
        relay.drain()
        for number, statement in enumerate(statements):
            if relay.skipping:
                return
            last = number == len(statements) - 1
            if statement.in_endpoint:
                completion = self._run_in_endpoint(statement, extended=True)
                if completion is None:
                    return
                relay.emit(completion[0] + (completion[1] if last else b""))
                continue
            if setting := self._shown_setting(statement):
                relay.internal(setting, Route.SWALLOW)
            for position, sql in enumerate(statement.postgres):
                relay.internal(sql, Route.TAG_ONLY if last and position == 0 else Route.SWALLOW)
            relay.drain()

    def _shown_setting(self, statement: Statement) -> str | None:
        """For a SHOW of another database of the cluster, the statement that gives the backend what it shows."""
        if self.databases is None or self.shown is None:
            return None
        elsewhere = self.databases.elsewhere(statement)
        return None if elsewhere is None else self.shown.setting(elsewhere, statement.postgres[0])

    def _run_in_endpoint(self, statement: Statement, extended: bool) -> tuple[bytes, bytes] | None:
        """Run a COPY, an UNLOAD, an EXPLAIN or a user statement: what the client is sent (notices, or the plan's
        rows) and the command tag that tells it the statement completed; None when it failed (the failure told to
        the client)."""
        if statement.user is not None:
            tag = self.users.run_or_report(statement.user, extended)
            return None if tag is None else (b"", messages.command_complete(tag))
        if statement.explain is not None:
            rows = self.explains.run_or_report(statement.explain, extended)
            return None if rows is None else (rows, messages.command_complete("EXPLAIN"))
        if statement.copy is not None:
            count = self.copies.run_or_report(statement.copy, extended)
            return None if count is None else (b"", messages.command_complete(f"COPY {count}"))
        assert statement.unload is not None
        count = self.copies.unload_or_report(statement.unload, extended)
        if count is None:
            return None
        return messages.notice(COMPLETED.format(count=count)), messages.command_complete("UNLOAD")


def _refusal(user: str, error: psycopg.OperationalError) -> tuple[SqlState, str]:
    """Why a user's backend could not be opened: too many connections of its CONNECTION LIMIT, in PostgreSQL's
    words, or its password, which PostgreSQL refused."""
    if isinstance(error, psycopg.errors.TooManyConnections) or "too many connections" in str(error):
        return SqlState.TOO_MANY_CONNECTIONS, f'too many connections for role "{user}"'
    return SqlState.INVALID_PASSWORD, password_failed(user)


def _explains(prepared: Prepared | None) -> bool:
    """Whether a prepared statement is one EXPLAIN, whose result is its plan's lines."""
    return prepared is not None and len(prepared.virtual) == 1 and prepared.virtual[0].explain is not None


def _one_query(segment: list[Statement], settings: list[str | None]) -> tuple[list[str], list[Route], list[int]]:
    """The statements of a segment as PostgreSQL runs them, each after its setting of the last query id if any:
    their texts, their routes, and where each statement begins."""
    texts: list[str] = []
    routes: list[Route] = []
    starts: list[int] = []
    for statement, setting in zip(segment, settings, strict=True):
        starts.append(len(texts))
        texts += [setting] if setting else []
        routes += [Route.SWALLOW] if setting else []
        texts += statement.postgres
        routes += [Route.FORWARD] + [Route.SWALLOW] * (len(statement.postgres) - 1)
    return texts, routes, starts


def _segments(statements: tuple[Statement, ...]) -> list[Statement | list[Statement]]:
    """Runs of statements PostgreSQL can take as one query, and the statements the endpoint runs between them."""
    segments: list[Statement | list[Statement]] = []
    for statement in statements:
        if statement.in_endpoint:
            segments.append(statement)
        elif segments and isinstance(segments[-1], list):
            segments[-1].append(statement)
        else:
            segments.append([statement])
    return segments
