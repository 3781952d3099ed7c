"""Runs the Data API's statements on a pool of worker threads, each over a real session of the local Redshift
endpoint (psycopg as the client), so translation, COPY and the catalog are a driver's; keeps sessions alive for
SessionKeepAliveSeconds when asked."""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import psycopg

from local_redshift.data_api import exceptions
from local_redshift.data_api.parameters import bind
from local_redshift.data_api.records import ResultTooLarge, read_result
from local_redshift.data_api.statements import Part, Statement
from local_redshift.data_api.targets import Target

log = logging.getLogger(__name__)

WORKERS = 8
_TABLES = (
    "SELECT c.oid::bigint, n.nspname, c.relname FROM pg_catalog.pg_class c"
    " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid IN ({})"
)


def error_text(error: psycopg.Error) -> str:
    """A database error as the Data API's Error shows it: `ERROR: message`, with its detail if any."""
    diag = error.diag
    message = f"ERROR: {diag.message_primary or error}"
    return message + (f"\n  Detail: {diag.message_detail}" if diag.message_detail else "")


@dataclass
class Session:
    """A connection kept between statements (SessionKeepAliveSeconds), used by one statement at a time."""

    id: str
    target: Target
    connection: psycopg.Connection
    keep_alive: int
    lock: threading.Lock = field(default_factory=threading.Lock)
    idle_since: float = field(default_factory=time.monotonic)

    def expired(self) -> bool:
        return not self.lock.locked() and time.monotonic() - self.idle_since > self.keep_alive


class Runner:
    """The workers and the sessions of the Data API."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="data-api")
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    def connect(self, target: Target) -> psycopg.Connection:
        """A session of the local Redshift endpoint as the target's user."""
        return psycopg.connect(
            host=self.host, port=self.port, dbname=target.database, user=target.user, password=target.password,
            autocommit=True, connect_timeout=30, application_name="redshift-data-api", sslmode="disable",
        )  # fmt: skip

    def session(self, session_id: str) -> Session:
        """A live session by its Id."""
        self._expire_sessions()
        with self._lock:
            session = self._sessions.get(session_id)
        if session is None:
            raise exceptions.session_not_found(session_id)
        return session

    def new_session_id(self) -> str:
        return str(uuid.uuid4())

    def submit(self, statement: Statement, session: Session | None, keep_alive: int) -> None:
        """Run the statement on a worker: in `session`, or in a new connection (kept `keep_alive` seconds)."""
        self._pool.submit(self._run, statement, session, keep_alive)

    # --- on a worker -----------------------------------------------------------------------------------------

    def _run(self, statement: Statement, session: Session | None, keep_alive: int) -> None:
        try:
            if statement.status != "SUBMITTED":
                return  # cancelled before a worker took it
            statement.move("PICKED")
            if session is None:
                try:
                    connection = self.connect(statement.target)
                except psycopg.Error as error:
                    statement.move("FAILED", error_text(error))
                    return
                if keep_alive:
                    assert statement.session_id is not None
                    session = Session(statement.session_id, statement.target, connection, keep_alive)
                    with self._lock:
                        self._sessions[session.id] = session
            else:
                connection = session.connection
            with session.lock if session is not None else contextlib.nullcontext():
                try:
                    self._execute(statement, connection)
                finally:
                    if session is None:
                        connection.close()
                    else:
                        session.idle_since = time.monotonic()
        except Exception:
            log.exception("statement %s failed in the Data API", statement.id)
            statement.move("FAILED", "ERROR: the local Data API failed; see the stand-in's log")

    def _execute(self, statement: Statement, connection: psycopg.Connection) -> None:
        if statement.status == "ABORTED":
            return
        statement.redshift_pid = connection.info.backend_pid
        statement.cancel = functools.partial(_cancel, connection)
        statement.move("STARTED")
        if not statement.is_batch:
            error = self._part(statement.parts[0], connection, statement.parameters)
            statement.move(*_ending(error, statement))
            return
        transaction = statement.execution_mode == "TRANSACTION"
        if transaction:
            connection.execute("BEGIN")
        failure: str | None = None
        for part in statement.parts:
            if failure is not None or statement.status == "ABORTED":
                part.move("ABORTED")
                continue
            part.move("STARTED")
            failure = self._part(part, connection, statement.parameters)
            part.move(*_ending(failure, statement))
        if transaction:
            connection.execute("ROLLBACK" if failure is not None or statement.status == "ABORTED" else "COMMIT")
        if statement.status != "ABORTED":
            statement.move(*_ending(failure, statement))

    def _part(self, part: Part, connection: psycopg.Connection, parameters: Any) -> str | None:
        """Run one SQL statement; its error, or None."""
        sql, values = bind(part.sql, parameters)
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql.encode(), values)
                pgresult = cursor.pgresult
                if pgresult is not None and pgresult.nfields:
                    part.result = read_result(pgresult, self._tables(connection, pgresult))
                    part.result_rows = len(part.result.rows)
                else:
                    part.result_rows = cursor.rowcount
            part.query_id = self._query_id(connection)
        except ResultTooLarge as error:
            return str(error)
        except psycopg.Error as error:
            return error_text(error)
        return None

    @staticmethod
    def _tables(connection: psycopg.Connection, pgresult: Any) -> dict[int, tuple[str, str]]:
        oids = {pgresult.ftable(i) for i in range(pgresult.nfields)} - {0}
        if not oids:
            return {}
        rows = connection.execute(_TABLES.format(", ".join(str(int(oid)) for oid in oids))).fetchall()
        return {int(oid): (schema, table) for oid, schema, table in rows}

    @staticmethod
    def _query_id(connection: psycopg.Connection) -> int | None:
        """The Redshift query id of the statement just run (PG_LAST_QUERY_ID), if it had one."""
        row = connection.execute("SELECT pg_last_query_id()").fetchone()
        return int(row[0]) if row and row[0] is not None and int(row[0]) > 0 else None

    def _expire_sessions(self) -> None:
        with self._lock:
            expired = [s for s in self._sessions.values() if s.expired()]
            for session in expired:
                del self._sessions[session.id]
        for session in expired:
            session.connection.close()


def _cancel(connection: psycopg.Connection) -> None:
    """Cancel the connection's running query (a cancel request to the endpoint, which passes it on)."""
    try:
        connection.cancel_safe(timeout=10)
    except psycopg.Error as error:
        log.warning("cancelling the statement of backend %s failed: %s", connection.info.backend_pid, error)


def _ending(error: str | None, statement: Statement) -> tuple[str, str | None]:
    if statement.status == "ABORTED":
        return "ABORTED", None
    return ("FAILED", error) if error is not None else ("FINISHED", None)
