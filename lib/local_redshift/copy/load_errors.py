"""stl_load_errors: one row per rejected record, written so that it outlives the failed load; and the writer of
every row a load leaves behind (RowWriter)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import NamedTuple

import psycopg
from psycopg import sql

from local_redshift.catalog import SCHEMA
from local_redshift.copy.errors import CopyError, LoadError, redshift_detail
from local_redshift.copy.interfaces import Backend, ClusterContext
from local_redshift.copy.target import Column, TargetTable

RAW_TEXT_LIMIT = 1024
TYPE_LIMIT = 10
REASON_LIMIT = 100
FLUSH_EVERY = 1000
_MULTIBYTE = re.compile(r"[^\x00-\x7f]")
"""A character of more than one byte in UTF-8, which STL_LOAD_ERRORS' raw_line shows as a period (its page)."""


class Origin(NamedTuple):
    """Where a record came from: the file, the record's last line, and its text."""

    filename: str
    line_number: int
    raw: bytes


class LoadErrorLog:
    """Counts bad records against MAXERROR and hands their stl_load_errors rows to the backend."""

    def __init__(
        self, backend: Backend, table: TargetTable, cluster: ClusterContext, started: datetime, max_errors: int
    ) -> None:
        self._backend = backend
        self._table = table
        self._cluster = cluster
        self._started = started
        self._max_errors = max_errors
        self._pending: list[dict] = []
        self.count = 0

    def reject(self, origin: Origin, error: LoadError, column: Column | None) -> None:
        """Record one bad record; raise the load failure once there are more than MAXERROR."""
        self.count += 1
        self._pending.append(self._row(origin, error, column))
        if self.count > self._max_errors:
            raise self.fail(error)
        if len(self._pending) >= FLUSH_EVERY:
            self.flush()

    def fail_with(self, origin: Origin, error: LoadError, column: Column | None) -> CopyError:
        """Record the bad record that ends the load, whatever MAXERROR says; return the failure to raise."""
        self.count += 1
        self._pending.append(self._row(origin, error, column))
        return self.fail(error)

    def flush(self) -> None:
        """Write the rows not yet written (over the backend's own connection)."""
        if self._pending:
            rows, self._pending = self._pending, []
            self._backend.log_load({"stl_load_errors": rows})

    def fail(self, error: LoadError) -> CopyError:
        """Write what is pending and return Redshift's answer to a load that had too many bad records."""
        self.flush()
        message = f"Load into table '{self._table.name}' failed.  Check 'stl_load_errors' system table for details."
        return CopyError(
            message,
            detail=redshift_detail(message, code=error.code, context=error.reason, query_id=self._cluster.query_id),
        )

    def _row(self, origin: Origin, error: LoadError, column: Column | None) -> dict:
        return {
            "userid": self._table.user_id,
            "slice": 0,
            "tbl": self._table.oid,
            "starttime": self._started,
            "session": self._cluster.session_id,
            "query": self._cluster.query_id,
            "filename": origin.filename,
            "line_number": origin.line_number,
            "colname": column.name if column else "",
            "type": column.type_name[:TYPE_LIMIT] if column else "",  # character(10): 'timestamptz' is cut
            "col_length": _column_length(column),
            "position": error.position,
            "raw_line": _storable(_MULTIBYTE.sub(".", origin.raw.decode("utf-8", "replace")), RAW_TEXT_LIMIT),
            "raw_field_value": _storable(error.raw_value, RAW_TEXT_LIMIT),
            "err_code": int(error.code),
            "err_reason": _storable(error.reason, REASON_LIMIT),
            "is_partial": 0,
            "start_offset": 0,
        }


def _column_length(column: Column | None) -> str:
    if column is None:
        return ""
    if column.length is not None:
        return str(column.length)
    numeric = column.precision_and_scale
    return f"{numeric[0]}, {numeric[1]}" if numeric else "0"


def _storable(text: str, limit: int) -> str:
    """Text a PostgreSQL varchar(limit) takes: no NUL, at most `limit` characters."""
    return text.replace("\0", "")[:limit]


REWRITTEN = {"load_history": ("query_id",), "unload_history": ("query_id",), "load_state": ("query", "slice")}
"""The tables whose rows are written again as they change (a running COPY's or UNLOAD's history), by their key: a row
replaces the one of the same key."""


class RowWriter:
    """Inserts rows into the redshift_system tables that name them, on a connection of its own, each call in a
    transaction of its own, so that a failed or rolled-back load keeps them. The connection opens at the first call
    and is kept for the later ones (opening one costs more than the rows of a load) until close()."""

    def __init__(self, conninfo: str) -> None:
        self._conninfo = conninfo
        self._connection: psycopg.Connection | None = None

    def __call__(self, rows: Mapping[str, list[dict]]) -> None:
        kept = self._connection is not None and not self._connection.closed
        try:
            self._insert(rows)
        except psycopg.OperationalError:
            self.close()
            if not kept:
                raise
            self._insert(rows)  # the kept connection had gone (a restarted server): on a new one

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _insert(self, rows: Mapping[str, list[dict]]) -> None:
        if self._connection is None or self._connection.closed:
            self._connection = psycopg.connect(self._conninfo, autocommit=True)
        with self._connection.transaction(), self._connection.cursor() as cursor:
            for table, table_rows in rows.items():
                columns = list(table_rows[0])
                cursor.executemany(_insert(table, columns), [[row[column] for column in columns] for row in table_rows])


def _insert(table: str, columns: list[str]) -> sql.Composed:
    insert = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
        sql.Identifier(SCHEMA, table),
        sql.SQL(", ").join(map(sql.Identifier, columns)),
        sql.SQL(", ").join(sql.Placeholder() * len(columns)),
    )
    if table not in REWRITTEN:
        return insert
    updates = (sql.SQL("{0} = EXCLUDED.{0}").format(sql.Identifier(column)) for column in columns)
    return insert + sql.SQL(" ON CONFLICT ({}) DO UPDATE SET {}").format(
        sql.SQL(", ").join(map(sql.Identifier, REWRITTEN[table])), sql.SQL(", ").join(updates)
    )
