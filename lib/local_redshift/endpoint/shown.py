"""SHOW SCHEMAS, SHOW TABLES and SHOW COLUMNS of another database of the session's cluster: r_SHOW_SCHEMAS,
r_SHOW_TABLES and r_SHOW_COLUMNS list what the database they name holds ("database_name: the name of the database
that contains the tables to list"), whichever database the session is connected to.

The SHOW reads the system views (SVV_ALL_SCHEMAS, ...) of the database it names: before it runs, the endpoint reads
those views there, over a connection of its own as the session's user (so that the user sees what its privileges
there let it see), and hands their rows to the session's backend in a setting; the statement reads the rows from
it, its LIKE and LIMIT applied as they are in the connected database. A database named by a bound parameter
(redshift_connector binds the names it sends) is known only once bound: its SHOW always reads the setting, which
the backend fills itself when the name is the connected database's. Of a database the cluster does not have, a
SHOW lists nothing (as redshift_connector's integration tests, run against Redshift, read SHOW SCHEMAS FROM DATABASE
of a database their cluster lacks).
"""

from __future__ import annotations

import re

import psycopg
import sqlglot
from sqlglot import exp

from local_redshift.catalog import SCHEMA
from local_redshift.endpoint.clusters import ClusterDirectory
from local_redshift.endpoint.login import Login
from local_redshift.endpoint.raised import raise_sql
from local_redshift.errors import BackendError, SqlState
from local_redshift.translation.words import literal

_SETTING = "redshift.shown_{view}"
_READ = re.compile(r"current_setting\('redshift\.shown_(\w+)'\)")
_ROWS = "SELECT coalesce(json_agg(v), '[]'::json)::text FROM {schema}.{view} v"
_CONNECT_TIMEOUT = 10  # seconds


def read_elsewhere(sql: str) -> str:
    """`sql` (a SELECT over system views) reading each view from the rows the endpoint sets before it runs."""
    tree = sqlglot.parse_one(sql, read="postgres")
    for table in list(tree.find_all(exp.Table)):
        if table.db != SCHEMA:
            continue
        view, setting = table.name, literal(_SETTING.format(view=table.name))
        rows = sqlglot.parse_one(
            f"SELECT * FROM pg_catalog.json_populate_recordset(NULL::{SCHEMA}.{view}, "
            f"pg_catalog.current_setting({setting})::json) AS {view}",
            read="postgres",
        )
        table.replace(rows.args["from_"].this)
    return tree.sql(dialect="postgres")


class ShownPath:
    """Reads, for one session, the system views of another database of its cluster."""

    def __init__(self, login: Login, directory: ClusterDirectory) -> None:
        self._login = login
        self._directory = directory

    def setting(self, database: str, sql: str) -> str:
        """The statement that sets, in the session's backend, the rows `sql` (read_elsewhere's) reads of `database`;
        or that fails as the SHOW then fails (no connection to it). Of the connected database (named by a bound
        parameter) the backend reads them itself, in the session's transaction."""
        views = _READ.findall(sql)
        if database == self._login.database:
            read = {view: f"({_ROWS.format(schema=SCHEMA, view=view)})" for view in views}
            return _set(read)
        try:
            rows = self._rows(database, views)
        except psycopg.Error as error:
            fields = {"C": error.sqlstate or SqlState.INTERNAL_ERROR.value, "M": error.diag.message_primary or ""}
            return raise_sql(BackendError(fields))
        return _set({view: literal(json) for view, json in rows.items()})

    def _rows(self, database: str, views: list[str]) -> dict[str, str]:
        login, directory = self._login, self._directory
        if database == login.cluster.database:
            dbname = login.postgres_database
        elif directory.holds(login.cluster, database):
            dbname = database
        else:
            return {view: "[]" for view in views}
        conninfo = directory.login_conninfo(login.postgres_database, login.user, login.verifier, dbname)
        with psycopg.connect(conninfo, autocommit=True, connect_timeout=_CONNECT_TIMEOUT) as connection:
            rows = {}
            for view in dict.fromkeys(views):
                row = connection.execute(_ROWS.format(schema=SCHEMA, view=view)).fetchone()
                assert row is not None
                rows[view] = row[0]
            return rows


def _set(values: dict[str, str]) -> str:
    """The statement that sets each view's setting to its value (SQL: a literal, or a query of the rows)."""
    settings = (
        f"pg_catalog.set_config({literal(_SETTING.format(view=view))}, {value}, false)"
        for view, value in values.items()
    )
    return "SELECT " + ", ".join(settings)
