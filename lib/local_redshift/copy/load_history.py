"""What a COPY leaves behind besides its load errors: its SYS_LOAD_HISTORY row, 'running' with its counts so far
while it loads, and the STL_LOAD_COMMITS row of each file it loaded, written when it ends; all over the backend's
own connection (so an aborted load shows too)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from local_redshift.copy.interfaces import Backend, ClusterContext
from local_redshift.copy.target import TargetTable

log = logging.getLogger(__name__)

PROGRESS_SECONDS = 0.5
"""How often, at most, a running COPY or UNLOAD brings its history row up to date (after a file)."""
FILE_FORMAT = "json"
"""The format of JSON files (SYS_LOAD_HISTORY's word; STL_LOAD_COMMITS says 'JSON')."""
TEXT_FILE_FORMATS = {"csv": "csv", "delimited": "txt", "fixedwidth": "txt"}
"""SYS_LOAD_HISTORY's words for the text formats ("Formats include csv, txt, json, avro, orc, or parquet")."""


def utc_now() -> datetime:
    """Now in UTC, without a time zone (as Redshift's timestamp columns)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def report_running(write: Callable[[], None], statement: str) -> None:
    """Write the history row of a running COPY or UNLOAD; a row that cannot be written does not fail the statement
    (its end is written as before)."""
    try:
        write()
    except Exception as error:  # the history's own connection: whatever it raises, the statement goes on
        log.warning("the history of the running %s could not be written: %s", statement, error)


class RunningReports:
    """The history row of a running COPY or UNLOAD, written (by report_running) at once with now(), and after a file
    with after_file(), at most every PROGRESS_SECONDS."""

    def __init__(self, write: Callable[[], None], statement: str) -> None:
        self._write, self._statement = write, statement
        self._written = time.monotonic()

    def now(self) -> None:
        report_running(self._write, self._statement)
        self._written = time.monotonic()

    def after_file(self) -> None:
        if time.monotonic() - self._written >= PROGRESS_SECONDS:
            self.now()


@dataclass(frozen=True)
class ScannedFile:
    """A data file the load has read to its end."""

    url: str
    lines: int
    finished: datetime = field(default_factory=utc_now)


@dataclass(frozen=True)
class LoadOutcome:
    """How a COPY ended: whether it completed, and whether its files went into the table (not with NOLOAD)."""

    completed: bool
    files_loaded: bool
    loaded_rows: int
    loaded_bytes: int
    file_count: int  # the files the load reached
    file_bytes: int
    scanned: list[ScannedFile]  # the files it read to their end
    errors: int


@dataclass(frozen=True)
class LoadHistory:
    """One COPY that began loading: who, where, from what, since when."""

    table: TargetTable
    cluster: ClusterContext
    data_source: str
    started: datetime
    transaction_id: int | None
    file_format: str = FILE_FORMAT

    def write(self, backend: Backend, outcome: LoadOutcome) -> None:
        """Write the COPY's history row as it ended and, when it loaded its files into the table, a commit row per
        file."""
        rows = {"load_history": [self._history(outcome, "completed" if outcome.completed else "aborted", utc_now())]}
        if outcome.completed and outcome.files_loaded:
            rows["load_commits"] = [self._commit(file) for file in outcome.scanned]
        backend.log_load(rows)

    def write_running(self, backend: Backend, outcome: LoadOutcome) -> None:
        """Write the history row of the COPY still loading, with its counts so far (it replaces the one before)."""
        backend.log_load({"load_history": [self._history(outcome, "running", None)]})

    def _history(self, outcome: LoadOutcome, status: str, ended: datetime | None) -> dict:
        return {
            "query_id": self.cluster.query_id,
            "user_id": self.table.user_id,
            "transaction_id": self.transaction_id,
            "session_id": self.cluster.session_id,
            "database_name": self.cluster.database,
            "status": status,
            "table_name": self.table.name,
            "start_time": self.started,
            "end_time": ended,
            "data_source": self.data_source,
            "file_format": self.file_format,
            "loaded_rows": outcome.loaded_rows,
            "loaded_bytes": outcome.loaded_bytes,
            "file_count": outcome.file_count,
            "file_bytes": outcome.file_bytes,
            "error_count": outcome.errors,
        }

    def _commit(self, file: ScannedFile) -> dict:
        return {
            "userid": self.table.user_id,
            "query": self.cluster.query_id,
            "filename": file.url,
            "lines_scanned": file.lines,
            "curtime": file.finished,
            "file_format": self.file_format.upper(),
        }


def line_count(data: bytes) -> int:
    """The lines of a file, the last one counted whether or not it ends with a newline."""
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


IN_TRANSACTION_BLOCK = "pg_catalog.statement_timestamp() > pg_catalog.transaction_timestamp()"
"""True in a transaction block (a statement ran before in the transaction), false in a statement of its own."""


def begin_load(backend: Backend, query_id: int) -> int | None:
    """The load begins: PG_LAST_COPY_ID() gives this COPY from now on, and PG_LAST_COPY_COUNT() 0 until it completes
    ("if the last COPY failed during loading, PG_LAST_COPY_COUNT returns 0"), both set in the session's transaction,
    so a rollback takes them back, as the page says. Returns the id of the transaction the COPY runs in, when it runs
    in a transaction block; None when it runs in a transaction of its own, whose id is not known yet."""
    [(_, _, transaction_id)] = backend.fetch(
        f"SELECT pg_catalog.set_config('redshift.last_copy_id', '{int(query_id)}', false),"
        " pg_catalog.set_config('redshift.last_copy_count', '0', false),"
        f" CASE WHEN {IN_TRANSACTION_BLOCK} THEN pg_catalog.txid_current() END"
    )
    return None if transaction_id is None else int(transaction_id)
