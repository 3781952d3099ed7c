"""One client's session: the Redshift-style handshake, then every message relayed to the client's own
PostgreSQL backend, with Redshift SQL translated on the way and COPY from S3 run by the endpoint itself.

The session forwards the client's messages in order and keeps a queue of what the backend still owes for each
(`Expected`). Backend messages are routed by the head of that queue: forwarded to the client, swallowed (the
bookkeeping statements a translation adds), or captured (the queries COPY runs). Statements PostgreSQL cannot
prepare as one (COPY from S3, several statements in one Parse) are "virtual": the session answers Parse, Bind,
Describe and Close for them itself and runs them when they are executed. Errors the endpoint finds (SQL that
Redshift rejects, a failing COPY) are raised by PostgreSQL itself, so the transaction and protocol state are
exactly what they would be for any other failing statement.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import hashlib
import logging
import os
import select
import socket
import struct
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg.sql import SQL, Identifier

from local_redshift.copy import ClusterContext, CopyError, run_copy
from local_redshift.copy.load_errors import insert_rows
from local_redshift.endpoint import protocol as wire
from local_redshift.endpoint.clusters import Cluster, LoginRefused
from local_redshift.translation import Statement, UnsupportedFeature, translate

if TYPE_CHECKING:
    from local_redshift.endpoint.server import Endpoint

log = logging.getLogger(__name__)

FORWARD, SWALLOW, CAPTURE, TAG_ONLY = "forward", "swallow", "capture", "tag-only"
ISOLATION = "serializable"  # Redshift's: concurrent writers of the same rows fail instead of both winning
INTERNAL = "_local_redshift"  # the statement and portal names of what the endpoint runs in extended mode
REPORTED_PARAMETERS = (
    "server_version", "server_encoding", "client_encoding", "DateStyle", "IntervalStyle", "TimeZone",
    "integer_datetimes", "standard_conforming_strings", "is_superuser", "session_authorization",
    "application_name",
)  # fmt: skip


class ClientGone(Exception):
    """The client closed its connection."""


class BackendError(Exception):
    """An error PostgreSQL reported, with its fields; shaped like psycopg's errors for the COPY loader."""

    def __init__(self, fields: dict[str, str]) -> None:
        super().__init__(fields.get("M", "error"))
        self.fields = fields
        self.sqlstate = fields.get("C")
        self.diag = self
        self.message_primary = fields.get("M")
        self.context = fields.get("W")
        self.column_name = fields.get("c")


@dataclass
class Expected:
    """What the backend still owes for one message sent to it, and where its answer goes."""

    kind: str  # "extended" (one extended-protocol message), "sync" or "query"
    ends: str = ""  # message types that complete it
    route: str = FORWARD
    synthetic: bytes | None = None  # an answer the session gives itself, in order with the backend's
    flags: list[str] | None = None  # simple query: the route of each statement's results, in order
    index: int = 0
    rows: list[tuple[str | None, ...]] = field(default_factory=list)
    error: dict[str, str] | None = None


@dataclass(frozen=True)
class Prepared:
    """A client's statement as the session runs it: PostgreSQL text, or a virtual statement."""

    sql: str | None = None
    after: tuple[str, ...] = ()  # bookkeeping statements run after each execution, their results swallowed
    virtual: tuple[Statement, ...] = ()


@functools.lru_cache(maxsize=1024)
def _translated(sql: str) -> tuple[Statement, ...]:
    return tuple(translate(sql))


def raise_sql(sqlstate: str, message: str, detail: str | None = None) -> str:
    """The statement that makes PostgreSQL fail with this error."""
    args = [_literal(sqlstate), _literal(message), _literal(detail) if detail else "NULL"]
    return f"SELECT redshift_system.raise_error({', '.join(args)})"


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''").replace("\0", "") + "'"


def _scrubbed(frame: bytes) -> bytes:
    """An error raised through raise_error, without the PL/pgSQL context that would only confuse."""
    if b"redshift_system.raise_error" not in frame:
        return frame
    fields = wire.error_fields(frame)
    for code in "WFLR":
        fields.pop(code, None)
    return wire.error_response(fields)


class Session:
    """A client connection and its PostgreSQL backend, for the life of the connection."""

    def __init__(self, client: socket.socket, endpoint: Endpoint) -> None:
        self.client = client
        self.endpoint = endpoint
        self.client_reader = wire.Reader(client)
        self.out = bytearray()
        self.expected: collections.deque[Expected] = collections.deque()
        self.statements: dict[str, Prepared] = {}
        self.portals: dict[str, Prepared | None] = {}
        self.skipping = False  # after an error in extended mode, until the client's Sync
        self.status = "I"
        self.cluster: Cluster | None = None
        self.user = ""
        self.connection: psycopg.Connection | None = None
        self.backend: socket.socket | None = None
        self.backend_reader: wire.Reader | None = None
        self.backend_pid = 0
        self._cancel: Any = None
        self._key = 0
        self._watch_client = True

    # --- life ----------------------------------------------------------------------------------------------

    def run(self) -> None:
        """Serve the client until it leaves; then free the backend."""
        busy = False
        try:
            if not self._handshake():
                return
            busy = True
            self._serve()
            busy = False
        except (ClientGone, wire.ConnectionClosed, ConnectionError):
            log.log(logging.INFO if busy else logging.DEBUG, "client of backend %s left", self.backend_pid or "-")
        except Exception:
            log.exception("session of backend %s failed", self.backend_pid or "-")
            self._send_fatal("XX000", "the local Redshift endpoint failed; see its log")
        finally:
            self._close(cancel=busy)

    def _close(self, cancel: bool) -> None:
        if self._cancel is not None:
            self.endpoint.cancels.pop((self.backend_pid, self._key), None)
            if cancel:
                with contextlib.suppress(psycopg.Error):
                    self._cancel.cancel()
        for closing in (self.backend, self.client):
            if closing is not None:
                closing.close()
        if self.connection is not None:
            self.connection.close()

    def _send_fatal(self, sqlstate: str, message: str) -> None:
        with contextlib.suppress(OSError):
            self.client.sendall(wire.error(sqlstate, message, severity="FATAL"))

    # --- handshake -----------------------------------------------------------------------------------------

    def _handshake(self) -> bool:
        """SSL and GSS refused, cancel requests passed on, md5 login against the cluster; True once admitted."""
        while True:
            code, body = self.client_reader.startup()
            if code in (wire.SSL_REQUEST, wire.GSSENC_REQUEST):
                self.client.sendall(b"N")
                continue
            if code == wire.CANCEL_REQUEST and len(body) >= 8:
                self.endpoint.cancel(*struct.unpack("!ii", body[:8]))
                return False
            if code != wire.PROTOCOL_3:
                self._send_fatal("08P01", f"unsupported frontend protocol {code >> 16}.{code & 0xFFFF}")
                return False
            parameters = wire.startup_parameters(body)
            break
        self.user = parameters.get("user", "")
        database = parameters.get("database") or self.user
        try:
            clusters = self.endpoint.directory.clusters()
            candidates = self.endpoint.directory.candidates(clusters, self.user, database)
        except LoginRefused as refusal:
            self._send_fatal(refusal.sqlstate, str(refusal))
            return False
        salt = os.urandom(4)
        self.client.sendall(wire.md5_request(salt))
        kind, frame = self.client_reader.message()
        answer = wire.password(frame) if kind == "p" else ""
        self.cluster = next(
            (c for c in candidates if answer == "md5" + hashlib.md5(c.md5_verifier.encode() + salt).hexdigest()),
            None,
        )
        if self.cluster is None:
            self._send_fatal("28P01", f'password authentication failed for user "{self.user}"')
            return False
        self._open_backend(self.endpoint.directory.database_for(self.cluster, clusters), parameters)
        self.client.sendall(bytes(self._welcome()))
        log.info("user %s connected to cluster %s (backend %s)", self.user, self.cluster.identifier, self.backend_pid)
        return True

    def _open_backend(self, database: str, parameters: dict[str, str]) -> None:
        conninfo = self.endpoint.directory.postgres.conninfo(database)
        self.connection = psycopg.connect(
            conninfo,
            autocommit=True,
            application_name=parameters.get("application_name", "")[:63],
            options=f"-c default_transaction_isolation={ISOLATION}",
        )
        self.connection.execute(SQL("SET SESSION AUTHORIZATION {}").format(Identifier(self.user)))
        pgconn = self.connection.pgconn
        self.backend = socket.socket(fileno=os.dup(pgconn.socket))
        self.backend.setblocking(True)  # shared with libpq, which made it non-blocking and no longer reads it
        self.backend_reader = wire.Reader(self.backend)
        self.backend_pid = pgconn.backend_pid
        self._cancel = pgconn.get_cancel()
        self._key = struct.unpack("!i", os.urandom(4))[0]
        self.endpoint.cancels[(self.backend_pid, self._key)] = self._cancel

    def _welcome(self) -> bytearray:
        assert self.connection is not None
        message = bytearray(wire.AUTHENTICATION_OK)
        for name in REPORTED_PARAMETERS:
            value = self.connection.pgconn.parameter_status(name.encode())
            if value is not None:
                message += wire.parameter_status(name, value.decode())
        message += wire.backend_key_data(self.backend_pid, self._key)
        message += wire.ready_for_query("I")
        return message

    # --- the message loop ----------------------------------------------------------------------------------

    def _serve(self) -> None:
        handlers = {
            "Q": self._on_query, "P": self._on_parse, "B": self._on_bind, "D": self._on_describe,
            "E": self._on_execute, "C": self._on_close, "H": self._on_flush, "S": self._on_sync,
            "F": self._on_function_call,
        }  # fmt: skip
        while True:
            kind, frame = self.client_reader.message()
            if kind == "X":
                return
            if self.skipping and kind != "S":
                continue
            handler = handlers.get(kind)
            if handler is None:
                self._send_fatal("08P01", f"unexpected message type {kind!r}")
                return
            handler(frame)

    def _send(self, *frames: bytes) -> None:
        assert self.backend is not None
        self.backend.sendall(b"".join(frames))

    def _expect(self, *items: Expected) -> None:
        self.expected.extend(items)

    def _emit(self, frame: bytes) -> None:
        self.out += frame
        if len(self.out) > 262144:
            self._flush_out()

    def _flush_out(self) -> None:
        if self.out:
            try:
                self.client.sendall(self.out)
            except OSError as error:
                raise ClientGone from error
            self.out.clear()

    # --- simple query --------------------------------------------------------------------------------------

    def _on_query(self, frame: bytes) -> None:
        text = wire.query_text(frame)
        try:
            statements = _translated(text)
        except UnsupportedFeature as refusal:
            self._run_query(raise_sql(refusal.sqlstate, str(refusal)), [], FORWARD)
            return self._flush_out()
        if not statements:
            self._run_query(text, [], FORWARD)
            return self._flush_out()
        segments = _segments(statements)
        for number, segment in enumerate(segments):
            last = number == len(segments) - 1
            if isinstance(segment, Statement):
                if not self._copy_in_simple_query(segment, last):
                    break
                continue
            texts, flags = [], []
            for statement in segment:
                texts += statement.postgres
                flags += [FORWARD] + [SWALLOW] * (len(statement.postgres) - 1)
            head = self._run_query("\n;\n".join(texts), flags, FORWARD if last else SWALLOW)
            if head.error is not None and not last:
                self._emit(wire.ready_for_query(self.status))
                break
        self._flush_out()

    def _run_query(self, sql: str, flags: list[str], route: str) -> Expected:
        """Send one simple query and route its answer; returns its expectation (with any captured error)."""
        head = Expected("query", "Z", route, flags=flags or None)
        self._send(wire.query(sql))
        self._expect(head)
        self._pump()
        return head

    def _copy_in_simple_query(self, statement: Statement, last: bool) -> bool:
        """Run a COPY of a simple query and answer for it; False when it failed (the query ends there)."""
        count = self._copy_or_report(statement, extended=False)
        if count is None:
            return False
        self._emit(wire.command_complete(f"COPY {count}"))
        if last:
            self._emit(wire.ready_for_query(self.status))
        return True

    # --- extended query ------------------------------------------------------------------------------------

    def _prepare(self, text: str) -> Prepared:
        try:
            statements = _translated(text)
        except UnsupportedFeature as refusal:
            return Prepared(sql=raise_sql(refusal.sqlstate, str(refusal)))
        if not statements:
            return Prepared(sql=text)
        if len(statements) == 1 and statements[0].copy is None:
            return Prepared(sql=statements[0].postgres[0], after=tuple(statements[0].postgres[1:]))
        return Prepared(virtual=statements)

    def _on_parse(self, frame: bytes) -> None:
        name, text, oids = wire.parse_message(frame)
        prepared = self._prepare(text)
        self.statements[name] = prepared
        if prepared.virtual:
            self._expect(Expected("extended", synthetic=wire.PARSE_COMPLETE))
            return
        if prepared.sql != text:
            assert prepared.sql is not None
            types = struct.pack(f"!h{len(oids)}i", len(oids), *oids)
            frame = wire.frame(b"P", wire.cstring(name) + wire.cstring(prepared.sql) + types)
        self._send(frame)
        self._expect(Expected("extended", "1"))

    def _on_bind(self, frame: bytes) -> None:
        portal, statement = wire.bind_names(frame)
        prepared = self.statements.get(statement)
        self.portals[portal] = prepared
        self._relay(frame, prepared, wire.BIND_COMPLETE, "2")

    def _on_describe(self, frame: bytes) -> None:
        kind, name = wire.target(frame)
        prepared = self.statements.get(name) if kind == "S" else self.portals.get(name)
        self._relay(frame, prepared, wire.NO_PARAMETERS + wire.NO_DATA if kind == "S" else wire.NO_DATA, "Tn")

    def _on_execute(self, frame: bytes) -> None:
        prepared = self.portals.get(wire.portal_of_execute(frame))
        if prepared is not None and prepared.virtual:
            self._run_virtual(prepared.virtual)
            return
        self._send(frame)
        self._expect(Expected("extended", "CIs"))
        for bookkeeping in prepared.after if prepared else ():
            self._internal(bookkeeping, SWALLOW)

    def _on_close(self, frame: bytes) -> None:
        kind, name = wire.target(frame)
        prepared = (self.statements if kind == "S" else self.portals).pop(name, None)
        self._relay(frame, prepared, wire.CLOSE_COMPLETE, "3")

    def _relay(self, frame: bytes, prepared: Prepared | None, answer: bytes, ends: str) -> None:
        """Answer a message about a virtual statement itself; forward any other, expecting an answer ending in
        one of `ends`."""
        if prepared is not None and prepared.virtual:
            self._expect(Expected("extended", synthetic=answer))
            return
        self._send(frame)
        self._expect(Expected("extended", ends))

    def _on_function_call(self, frame: bytes) -> None:
        self._send(frame)
        self._expect(Expected("extended", "V"))

    def _on_flush(self, _frame: bytes) -> None:
        self._send(wire.FLUSH)
        self._pump()
        self._flush_out()

    def _on_sync(self, _frame: bytes) -> None:
        self.skipping = False
        self._send(wire.SYNC)
        self._expect(Expected("sync", "Z"))
        self._pump()
        self._flush_out()

    def _internal(self, sql: str, route: str) -> None:
        """Run one statement of the endpoint's own in extended mode, in the client's transaction."""
        self._send(
            wire.parse(INTERNAL, sql), wire.bind(INTERNAL, INTERNAL), wire.execute(INTERNAL),
            wire.close("P", INTERNAL), wire.close("S", INTERNAL),
        )  # fmt: skip
        self._expect(
            Expected("extended", "1", SWALLOW), Expected("extended", "2", SWALLOW), Expected("extended", "CIs", route),
            Expected("extended", "3", SWALLOW), Expected("extended", "3", SWALLOW),
        )  # fmt: skip

    def _drain(self) -> None:
        """Get every answer owed so far (so that what runs next runs after it)."""
        self._send(wire.FLUSH)
        self._pump()

    def _run_virtual(self, statements: tuple[Statement, ...]) -> None:
        """Execute a virtual statement: COPY from S3, or several statements prepared as one."""
        self._drain()
        for number, statement in enumerate(statements):
            if self.skipping:
                return
            last = number == len(statements) - 1
            if statement.copy is not None:
                count = self._copy_or_report(statement, extended=True)
                if count is None:
                    return
                if last:
                    self._emit(wire.command_complete(f"COPY {count}"))
                continue
            for position, sql in enumerate(statement.postgres):
                self._internal(sql, TAG_ONLY if last and position == 0 else SWALLOW)
            self._drain()

    # --- routing the backend's answers ---------------------------------------------------------------------

    def _pump(self) -> None:
        """Route backend messages until nothing more is owed."""
        self._watch_client = True
        while self.expected:
            head = self.expected[0]
            if head.synthetic is not None:
                self.expected.popleft()
                self._emit(head.synthetic)
                continue
            kind, frame = self._backend_message()
            if kind in "NSA":
                self._emit(frame)
            elif head.kind == "extended":
                self._route_extended(head, kind, frame)
            else:
                self._route_query(head, kind, frame)

    def _route_query(self, head: Expected, kind: str, frame: bytes) -> None:
        if kind == "Z":
            self.status = chr(frame[5])
            self.expected.popleft()
            if head.route == FORWARD:
                self._emit(frame)
            return
        if kind == "E":
            if head.route == CAPTURE:
                head.error = wire.error_fields(frame)
            else:
                head.error = {}
                self._emit(_scrubbed(frame))
            return
        route = head.flags[head.index] if head.flags and head.index < len(head.flags) else head.route
        if route == CAPTURE and kind == "D":
            head.rows.append(wire.data_row_values(frame))
        elif route == FORWARD or (route == TAG_ONLY and kind in "CI"):
            self._emit(frame)
        if kind in "CI":
            head.index += 1

    def _route_extended(self, head: Expected, kind: str, frame: bytes) -> None:
        if kind == "E":
            self._emit(_scrubbed(frame))
            # PostgreSQL ignores everything up to the next Sync: so are the answers owed for it
            while self.expected and self.expected[0].kind != "sync":
                self.expected.popleft()
            if not self.expected:
                self.skipping = True
            return
        if head.route == FORWARD or (head.route == TAG_ONLY and kind in "CI"):
            self._emit(frame)
        if kind in head.ends:
            self.expected.popleft()

    def _backend_message(self) -> tuple[str, bytes]:
        """The backend's next message; notices a client that leaves while it waits."""
        assert self.backend_reader is not None and self.backend is not None
        if self._watch_client and not self.backend_reader.buffered():
            ready, _, _ = select.select([self.backend, self.client], [], [])
            if self.client in ready and self.backend not in ready:
                if not self.client.recv(1, socket.MSG_PEEK):
                    raise ClientGone
                self._watch_client = False  # the client sent more: it is still there
        return self.backend_reader.message()

    # --- errors and COPY -----------------------------------------------------------------------------------

    def _report(self, error: Exception, extended: bool) -> None:
        """Tell the client a statement failed, leaving the transaction as a failed statement leaves it."""
        if isinstance(error, CopyError) and self.status == "E":  # the cancelled load failed the transaction
            error = BackendError(
                {
                    "S": "ERROR",
                    "V": "ERROR",
                    "C": error.sqlstate,
                    "M": error.message,
                    **({"D": error.detail} if error.detail else {}),
                }
            )
        if isinstance(error, BackendError):  # PostgreSQL failed already: relay the words
            self._emit(wire.error_response(error.fields))
            if extended:
                self.skipping = True
            else:
                self._emit(wire.ready_for_query(self.status))
            return
        if isinstance(error, CopyError):
            sql = raise_sql(error.sqlstate, error.message, error.detail)
        else:
            log.exception("COPY failed unexpectedly")
            sql = raise_sql("XX000", f"COPY failed in the local Redshift endpoint: {error}")
        if extended:
            self._internal(sql, FORWARD)
            self._drain()
        else:
            self._run_query(sql, [], FORWARD)

    def _copy_or_report(self, statement: Statement, extended: bool) -> int | None:
        """The rows a COPY loaded; None when it failed, the failure told to the client."""
        try:
            return self._copy(statement)
        except ClientGone:
            raise
        except Exception as error:
            self._report(error, extended)
            return None

    def _copy(self, statement: Statement) -> int:
        """Run a COPY from S3 over this session's backend; the number of rows loaded."""
        assert statement.copy is not None and self.cluster is not None
        backend = CopyBackend(self)
        query_id = int(backend.fetch("SELECT nextval('redshift_system.query_id')")[0][0] or 0)
        cluster = self.endpoint.directory.current(self.cluster) or self.cluster
        context = ClusterContext(
            identifier=cluster.identifier,
            database=cluster.database,
            db_user=self.user,
            region=cluster.region,
            account_id=cluster.account_id,
            iam_roles=cluster.iam_roles,
            session_id=self.backend_pid,
            query_id=query_id,
        )
        return run_copy(statement.copy.copy(), backend, context, self.endpoint.aws)

    def copy_in(self, sql: str, chunks: Any) -> int:
        """COPY ... FROM STDIN on the backend, streaming `chunks`; an error raised by `chunks` cancels it."""
        self._send(wire.query(sql))
        fields, _ = self._until({"G"})
        if fields is not None:
            raise BackendError(fields)
        try:
            for chunk in chunks:
                self._send(wire.copy_data(chunk))
        except BaseException as error:
            self._send(wire.copy_fail(str(error)[:200] or "COPY cancelled"))
            self._until(set())
            raise
        self._send(wire.COPY_DONE)
        fields, count = self._until(set())
        if fields is not None:
            raise BackendError(fields)
        return count

    def _until(self, stop: set[str]) -> tuple[dict[str, str] | None, int]:
        """Read backend messages until one of `stop` or ReadyForQuery: the error's fields if one came, and the
        row count of the command that completed."""
        error, count = None, 0
        while True:
            kind, frame = self._backend_message()
            if kind == "E":
                error = wire.error_fields(frame)
            elif kind == "C":
                count = int(wire.command_tag(frame).split()[-1])
            elif kind == "Z":
                self.status = chr(frame[5])
                return error, count
            elif kind in "NS":
                self._emit(frame)
            if kind in stop and error is None:
                return None, count


def _segments(statements: tuple[Statement, ...]) -> list[Statement | list[Statement]]:
    """Runs of statements PostgreSQL can take as one query, and the COPY statements between them."""
    segments: list[Statement | list[Statement]] = []
    for statement in statements:
        if statement.copy is not None:
            segments.append(statement)
        elif segments and isinstance(segments[-1], list):
            segments[-1].append(statement)
        else:
            segments.append([statement])
    return segments


class CopyBackend:
    """The COPY loader's view of a session: queries and COPY FROM STDIN in the client's backend session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def fetch(self, sql: str) -> list[tuple]:
        head = self.session._run_query(sql, [], CAPTURE)
        if head.error is not None:
            raise BackendError(head.error)
        return head.rows

    def copy_in(self, sql: str, chunks: Any) -> int:
        return self.session.copy_in(sql, chunks)

    def log_load_errors(self, rows: list[dict]) -> None:
        assert self.session.connection is not None
        insert_rows(self.session.endpoint.directory.postgres.conninfo(self.session.connection.info.dbname), rows)
