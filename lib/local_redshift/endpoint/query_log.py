"""The query history: every statement a client runs, written to redshift_system.query_history (STL_QUERY,
SYS_QUERY_HISTORY) of its cluster's database by a writer thread, over connections of the endpoint's own (and copied
into the cluster's other databases as their sessions read it: endpoint/query_mirror.py).

Sessions never wait for the writer: records go to a bounded queue (dropped, with a log line, when it is full).
Query ids come from the cluster's sequence redshift_system.query_id in blocks of _ID_BLOCK (one round trip, over
the endpoint's own connection, per block); a session waits for its own records only before it reads the history.
"""

from __future__ import annotations

import collections
import functools
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple, Protocol

import psycopg
import sqlglot
from sqlglot import exp

from local_redshift.endpoint.query_mirror import QueryMirror

log = logging.getLogger(__name__)

QUEUE_LIMIT = 10000  # records waiting for the writer; more are dropped
_BATCH = 2000  # records written in one COPY at most
_ROWS_PER_TURN = 16  # rows the writer formats before it lets other threads run
_LINGER = 0.05  # seconds the writer lets records gather before it writes them, unless a session waits for them
_ID_BLOCK = 100  # query ids taken from a cluster's sequence at a time
_FLUSH_WAIT = 2.0  # seconds a session waits for its records before reading the history
_COPY = (
    "COPY redshift_system.query_history (query_id, user_name, session_id, database_name, query_type, "
    "leader_only, status, start_time, end_time, query_text, error_message) FROM STDIN"
)
_IDS = "SELECT nextval('redshift_system.query_id') FROM generate_series(1, %s)"
_CANCELED = "57014"  # query_canceled
_READS_HISTORY = re.compile(r"stl_query|sys_query_history|pg_last_query_id|stl_connection_log", re.I)
_READS_CONNECTIONS = re.compile(r"stl_connection_log", re.I)
_READS_LAST_ID = re.compile(r"pg_last_query_id", re.I)

_DDL = {"CREATE", "ALTER", "DROP", "TRUNCATE", "GRANT", "REVOKE", "COMMENT"}
_SAME_NAME = {"INSERT", "UPDATE", "DELETE", "COPY", "UNLOAD", "MERGE"}
_SELECT = {"SELECT", "WITH", "VALUES"}
_SUCCEEDED_KEPT = 64  # successful statements kept unclassified before the last query id is worked out
_NOT_QUERIES = ("DDL", "UTILITY")  # what STL_QUERY and PG_LAST_QUERY_ID leave out (r_STL_QUERY.html)


@functools.lru_cache(maxsize=4096)
def classify(source: str) -> tuple[str, bool]:
    """A statement's SYS_QUERY_HISTORY query_type, and whether Redshift runs it on the leader node alone (a query
    that references no table, or catalog tables only: c_sql-functions-leader-node.html)."""
    words = source.lstrip("( \t\r\n").split(None, 1)
    first = words[0].upper() if words else ""
    if first in _SAME_NAME:
        return first, False
    if first in _DDL:
        return ("CTAS" if _creates_table_as(source) else "DDL"), False
    if first in _SELECT:
        return "SELECT", _references_no_user_table(source)
    return "UTILITY", False


def _parsed(source: str) -> exp.Expr | None:
    try:
        return sqlglot.parse_one(source, read="redshift")
    except sqlglot.errors.SqlglotError:
        return None


def _creates_table_as(source: str) -> bool:
    tree = _parsed(source)
    return isinstance(tree, exp.Create) and tree.kind == "TABLE" and tree.expression is not None


def _references_no_user_table(source: str) -> bool:
    tree = _parsed(source)
    if tree is None:
        return False
    common = {cte.alias_or_name.lower() for cte in tree.find_all(exp.CTE)}
    return all(
        table.name.lower() in common
        or table.name.lower().startswith("pg_")
        or table.db.lower() in ("pg_catalog", "information_schema")
        for table in tree.find_all(exp.Table)
    )


def _is_query(query_type: str, leader_only: bool) -> bool:
    """Whether a statement is a query as STL_QUERY and PG_LAST_QUERY_ID count them."""
    return not leader_only and query_type not in _NOT_QUERIES


def reads_history(source: str) -> bool:
    """Whether a statement reads the query history (so the session's records must be written first)."""
    return _READS_HISTORY.search(source) is not None


class QueryRecord(NamedTuple):
    """One statement as the history keeps it (times as seconds since the epoch)."""

    postgres_database: str
    query_id: int
    user_name: str
    session_id: int
    database_name: str
    status: str
    start_time: float
    end_time: float
    query_text: str
    error_message: str | None

    def row(self) -> tuple:
        """The record as a row of redshift_system.query_history (classified here, in the writer's thread)."""
        query_type, leader_only = classify(self.query_text)
        return (
            self.query_id, self.user_name, self.session_id, self.database_name, query_type, leader_only,
            self.status, _utc(self.start_time), _utc(self.end_time), masked(self.query_text), self.error_message,
        )  # fmt: skip

    def line(self) -> str:
        """The row as a line of COPY's text format (formatted here: psycopg's write_row costs several times more)."""
        return "\t".join(map(_copy_field, self.row())) + "\n"


_SECRET = re.compile(
    r"(\b(?:CREDENTIALS|ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|PASSWORD)\s+(?:AS\s+)?)'(?:[^']|'')*'",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)
def masked(text: str) -> str:
    """A statement's text without the secrets it may carry (COPY's keys and tokens, a user's password): the
    history is readable by every session of the cluster and kept in its database."""
    return _SECRET.sub(r"\1'***'", text)


def _utc(seconds: float) -> str:
    """A moment as the history's timestamps hold it: UTC, without a time zone, in microseconds."""
    whole, micros = divmod(round(seconds * 1_000_000), 1_000_000)
    return f"{_utc_second(whole)}.{micros:06d}"


@functools.lru_cache(maxsize=8)
def _utc_second(whole: int) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(whole))


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_field(value: object) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    return value.translate(_COPY_ESCAPES) if isinstance(value, str) else str(value)


class History(Protocol):
    """Where a session's records go (QueryLog)."""

    def next_id(self, postgres_database: str) -> int: ...

    def record(self, record: QueryRecord) -> int: ...

    def wait_for(self, ticket: int) -> None: ...

    def mirror(self, postgres_database: str, database: str, connections: bool) -> None: ...


class QueryLog:
    """The endpoint's query history: query ids, and the queue and writer thread of the records."""

    def __init__(self, conninfo: Callable[..., str], limit: int = QUEUE_LIMIT) -> None:
        self._conninfo = conninfo
        self._mirror = QueryMirror(conninfo)
        self._limit = limit
        self._queue: collections.deque[tuple[int, QueryRecord]] = collections.deque()
        self._queued = threading.Lock()  # tickets are queued in their order
        self._arrived = threading.Event()  # the writer has records to write (or is stopped)
        self._awaited = threading.Event()  # a session waits for its records: write them now
        self._stopping = False
        self._tickets = 0
        self._written = 0
        self._progress = threading.Condition()
        self._ids: dict[str, collections.deque[int]] = {}
        self._id_connections: dict[str, psycopg.Connection] = {}
        self._ids_lock = threading.Lock()
        self._writer = threading.Thread(target=self._write_forever, name="query-log-writer", daemon=True)
        self._writer.start()

    def next_id(self, postgres_database: str) -> int:
        """A new query id of the cluster whose data `postgres_database` holds."""
        with self._ids_lock:
            ids = self._ids.setdefault(postgres_database, collections.deque())
            if not ids:
                ids.extend(self._fetch_ids(postgres_database))
            return ids.popleft()

    def _fetch_ids(self, postgres_database: str) -> list[int]:
        connection = self._id_connections.get(postgres_database)
        if connection is None or connection.closed:
            connection = psycopg.connect(self._conninfo(postgres_database), autocommit=True)
            self._id_connections[postgres_database] = connection
        try:
            return [row[0] for row in connection.execute(_IDS, [_ID_BLOCK])]
        except psycopg.Error:
            connection.close()
            raise

    def record(self, record: QueryRecord) -> int:
        """Queue a record for the writer (dropped, and logged, when the queue is full); its ticket."""
        with self._queued:
            self._tickets += 1
            ticket = self._tickets
            full = len(self._queue) >= self._limit
            if not full:
                self._queue.append((ticket, record))
        if full:
            log.warning("query history full: query %s of session %s not recorded", record.query_id, record.session_id)
            self._passed(ticket)
        elif not self._arrived.is_set():
            self._arrived.set()
        return ticket

    def wait_for(self, ticket: int, timeout: float = _FLUSH_WAIT) -> None:
        """Wait until the record of `ticket`, and every one before it, is written (or given up)."""
        with self._progress:
            if self._written < ticket:
                self._awaited.set()
            self._progress.wait_for(lambda: self._written >= ticket, timeout)

    def mirror(self, postgres_database: str, database: str, connections: bool) -> None:
        """Bring the history (and with `connections` the connection history) into `database`, another of the
        cluster's databases (endpoint/query_mirror.py)."""
        self._mirror.bring(postgres_database, database, connections)

    def stop(self) -> None:
        """Write what is queued, then stop the writer and close the connections."""
        self._stopping = True
        self._awaited.set()
        self._arrived.set()
        self._writer.join(timeout=10)
        with self._ids_lock:
            for connection in self._id_connections.values():
                connection.close()

    def _passed(self, ticket: int) -> None:
        with self._progress:
            self._written = max(self._written, ticket)
            self._progress.notify_all()

    def _write_forever(self) -> None:
        connections: dict[str, psycopg.Connection] = {}
        try:
            while not self._stopping or self._queue:
                self._arrived.wait()
                self._arrived.clear()
                self._awaited.wait(_LINGER)
                self._awaited.clear()
                while batch := self._next_batch():
                    self._write(batch, connections)
        finally:
            for connection in connections.values():
                connection.close()

    def _next_batch(self) -> list[tuple[int, QueryRecord]]:
        """Up to _BATCH of the records queued, oldest first."""
        queued, batch = self._queue, []
        while queued and len(batch) < _BATCH:
            batch.append(queued.popleft())
        return batch

    def _write(self, batch: list[tuple[int, QueryRecord]], connections: dict[str, psycopg.Connection]) -> None:
        by_database: dict[str, list[QueryRecord]] = collections.defaultdict(list)
        for _, record in batch:
            by_database[record.postgres_database].append(record)
        for database, records in by_database.items():
            try:
                self._insert(database, records, connections)
            except psycopg.Error as error:
                log.warning("query history: %d records of %s not written: %s", len(records), database, error)
                if (connection := connections.pop(database, None)) is not None:
                    connection.close()
        self._passed(batch[-1][0])

    def _insert(self, database: str, records: Iterable[QueryRecord], connections: dict[str, psycopg.Connection]):
        if database not in connections:
            connections[database] = psycopg.connect(self._conninfo(database), autocommit=True)
        connection = connections[database]
        with connection.transaction(), connection.cursor() as cursor, cursor.copy(_COPY) as copy:
            lines = []
            for number, record in enumerate(records, 1):
                lines.append(record.line())
                if number % _ROWS_PER_TURN == 0:
                    time.sleep(0)  # let the sessions' threads run: they wait for the interpreter, not for this
            copy.write("".join(lines))


@dataclass(slots=True)
class Pending:
    """A statement that has started: its id, text and start."""

    query_id: int
    source: str
    start: float


class SessionQueries:
    """One session's part of the history: its statements' records, and its last query id (PG_LAST_QUERY_ID)."""

    def __init__(
        self,
        history: History,
        postgres_database: str,
        user: str,
        database: str,
        session_id: int,
        elsewhere: bool = False,
    ) -> None:
        self._log = history
        self._postgres_database = postgres_database
        self._elsewhere = elsewhere  # connected to a database made by CREATE DATABASE, of that name in PostgreSQL
        self._user = user
        self._database = database
        self._session_id = session_id
        self._ticket = 0
        self._last_query_id = -1
        self._succeeded: list[Pending] = []  # since _last_query_id was last worked out
        self._executing: list[Pending] = []  # Executes since the last Sync
        self._current: Pending | None = None
        self._attempt: tuple[str, float] | None = None  # the text last parsed or bound since the last Sync

    def current_query_id(self) -> int:
        """The query id of the statement running now."""
        assert self._current is not None
        return self._current.query_id

    def begin(self, source: str) -> Pending:
        """A statement starts (having waited for the session's records when it reads the history)."""
        self._wait_if_reading(source)
        return self._started(source)

    def _wait_if_reading(self, source: str) -> None:
        if not reads_history(source):
            return
        if self._ticket:
            self._log.wait_for(self._ticket)
        if self._elsewhere:
            self._log.mirror(self._postgres_database, self._database, _READS_CONNECTIONS.search(source) is not None)

    def _started(self, source: str) -> Pending:
        self._current = Pending(self._log.next_id(self._postgres_database), source, time.time())
        return self._current

    def settings(self, pendings: Iterable[Pending]) -> list[str | None]:
        """For statements run one after another: for each that reads PG_LAST_QUERY_ID, the statement that tells
        the backend the id it returns then (the last query's, once those before it have succeeded)."""
        pendings = list(pendings)
        if not any(_READS_LAST_ID.search(pending.source) for pending in pendings):
            return [None] * len(pendings)
        settings: list[str | None] = []
        last = self.last_query_id()
        for pending in pendings:
            reads = _READS_LAST_ID.search(pending.source) is not None
            settings.append(
                f"SELECT pg_catalog.set_config('redshift.last_query_id', '{last}', false)" if reads else None
            )
            if _is_query(*classify(pending.source)):
                last = pending.query_id
        return settings

    def last_query_id(self) -> int:
        """PG_LAST_QUERY_ID(): the id of the session's last successful query; -1 before any. Statements are
        classified only when it is asked for (parsing one costs the client's time)."""
        for pending in reversed(self._succeeded):
            if _is_query(*classify(pending.source)):
                self._last_query_id = pending.query_id
                break
        self._succeeded.clear()
        return self._last_query_id

    def end(self, pending: Pending, error: dict[str, str] | None) -> None:
        """A statement has ended (failed with `error`, when not None): record it."""
        status = "success" if error is None else "canceled" if error.get("C") == _CANCELED else "failed"
        message = None if error is None else error.get("M", "")
        record = QueryRecord(
            self._postgres_database, pending.query_id, self._user, self._session_id, self._database, status,
            pending.start, time.time(), pending.source, message,
        )  # fmt: skip
        self._ticket = self._log.record(record)
        if error is None:
            self._succeeded.append(pending)
            if len(self._succeeded) > _SUCCEEDED_KEPT:
                self.last_query_id()

    # --- extended protocol -----------------------------------------------------------------------------------

    def parsed(self, text: str) -> None:
        """A statement is prepared: the one to blame if the Sync reports an error before any Execute."""
        self._attempt = (text, time.time())

    def bound(self, source: str) -> None:
        """A portal of `source` is bound: a query's snapshot is taken now, so one reading the history waits here."""
        self._attempt = (source, time.time())
        self._wait_if_reading(source)

    def execute(self, source: str) -> Pending | None:
        """An Execute of a portal of `source` starts: its pending statement (None for an empty one)."""
        source = source.strip()
        if not source:
            return None
        pending = self._started(source)
        self._executing.append(pending)
        return pending

    def synced(self, error: dict[str, str] | None) -> None:
        """The Sync after the Executes: each has ended. An error fails them all (the failing one is not known
        among them; the implicit transaction they share rolled back); with no Execute, it fails the statement
        last parsed or bound (which was refused before it ran)."""
        executing, self._executing = self._executing, []
        attempt, self._attempt = self._attempt, None
        if error is not None and not executing and attempt is not None and attempt[0].strip():
            executing = [Pending(self._log.next_id(self._postgres_database), attempt[0].strip(), attempt[1])]
        for pending in executing:
            self.end(pending, error)
