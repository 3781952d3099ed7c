"""The query and connection history as every database of a cluster shows it: STL_QUERY, SYS_QUERY_HISTORY and
STL_CONNECTION_LOG are the cluster's logs, whichever of its databases a session is connected to, each row naming
the database it was written in (r_STL_QUERY.html's `database`, r_SYS_QUERY_HISTORY.html's `database_name`: "the name
of the database the user was connected to when the query was issued"; r_STL_CONNECTION_LOG.html's `dbname`).

Every row is written to the cluster's own database (endpoint/query_log.py, endpoint/connection_log.py); before a
session of another of its databases reads them, that database is brought up to date: the query rows it lacks are
copied in the order they were written (query_history.written: one writer commits them in turn), the connection rows
(written by every session as it comes and goes) are copied whole. Over the endpoint's own connections, opened for
the copy and closed after it, so that they never hold up a DROP DATABASE.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import psycopg

log = logging.getLogger(__name__)

_COLUMNS = (
    "query_id, user_name, session_id, database_name, query_type, leader_only, status, start_time, end_time, "
    "query_text, error_message, written"
)
_LAST = "SELECT coalesce(max(written), 0) FROM redshift_system.query_history"
_NEWER = f"COPY (SELECT {_COLUMNS} FROM redshift_system.query_history WHERE written > %s ORDER BY written) TO STDOUT"
_INTO = f"COPY redshift_system.query_history ({_COLUMNS}) FROM STDIN"
_CONNECTIONS_OUT = "COPY redshift_system.connection_history TO STDOUT"
_CONNECTIONS_CLEARED = "DELETE FROM redshift_system.connection_history"  # not TRUNCATE: a reader's lock may be held
_CONNECTIONS_IN = "COPY redshift_system.connection_history FROM STDIN"


class QueryMirror:
    """Brings the history of a cluster's own database into its other databases."""

    def __init__(self, conninfo: Callable[[str, str], str]) -> None:
        self._conninfo = conninfo  # (the cluster's PostgreSQL database, one of its databases) -> conninfo
        self._locks: dict[tuple[str, str], threading.Lock] = {}
        self._guard = threading.Lock()

    def bring(self, postgres_database: str, database: str, connections: bool = False) -> None:
        """Copy into `database` the rows of the cluster's query history (kept in `postgres_database`) it does not
        have, and with `connections` its connection history; a copy that fails leaves the rows it had, and is
        logged."""
        with self._lock(postgres_database, database):
            try:
                self._copy(postgres_database, database, connections)
            except psycopg.Error as error:
                log.warning("history not copied to database %s: %s", database, error)

    def _lock(self, postgres_database: str, database: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault((postgres_database, database), threading.Lock())

    def _copy(self, postgres_database: str, database: str, connections: bool) -> None:
        with (
            psycopg.connect(self._conninfo(postgres_database, database), autocommit=True) as target,
            psycopg.connect(self._conninfo(postgres_database, ""), autocommit=True) as source,
        ):
            row = target.execute(_LAST).fetchone()
            assert row is not None
            with (
                source.cursor().copy(_NEWER, [row[0]]) as rows,
                target.transaction(),
                target.cursor().copy(_INTO) as into,
            ):
                for data in rows:
                    into.write(data)
            if connections:
                with source.cursor().copy(_CONNECTIONS_OUT) as rows, target.transaction():
                    target.execute(_CONNECTIONS_CLEARED)
                    with target.cursor().copy(_CONNECTIONS_IN) as into:
                        for data in rows:
                            into.write(data)
