"""What a session in one database of a cluster sees of the others, through the endpoint: the query history
(STL_QUERY, SYS_QUERY_HISTORY, PG_LAST_QUERY_ID), which is the cluster's whichever database a session is connected
to. Each expected value is the Developer Guide's (the page named where it is used)."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator

import psycopg
import pytest

from tests.local_redshift.conftest import Login, create_cluster


def _name(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="module")
def owner(local_stack) -> Login:
    """A cluster of this module's own (its database `dev`)."""
    return create_cluster(local_stack, f"across-{uuid.uuid4().hex[:8]}")


@pytest.fixture(scope="module")
def sales(owner) -> Iterator[Login]:
    """A database made by CREATE DATABASE in the cluster, and the login to it."""
    name = _name("sales")
    with owner.psycopg(autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    yield dataclasses.replace(owner, database=name)
    with owner.psycopg(autocommit=True) as connection:
        connection.execute(f"DROP DATABASE {name} FORCE")


# --- The query history (r_STL_QUERY, r_SYS_QUERY_HISTORY, PG_LAST_QUERY_ID) ------------------------------------------


def test_a_session_in_a_created_database_reads_its_last_query_in_stl_query(sales):
    # PG_LAST_QUERY_ID's page: "select query, trim(querytxt) as sqlquery from stl_query where query =
    # pg_last_query_id();" gives the last query's row; STL_QUERY's database is "the database the user was
    # connected to when the query was issued"
    with sales.psycopg(autocommit=True) as connection:
        assert connection.execute("SELECT pg_last_query_id()").fetchone() == (-1,)  # "-1 ... no query"
        connection.execute("CREATE TABLE here (a INT)")
        connection.execute("SELECT count(*) FROM here")
        (last,) = connection.execute("SELECT pg_last_query_id()").fetchone()
        assert last > 0
        rows = connection.execute(
            "SELECT query, trim(querytxt), trim(database) FROM stl_query WHERE query = pg_last_query_id()"
        ).fetchall()
        assert rows == [(last, "SELECT count(*) FROM here", sales.database)]


def test_redshift_connector_reads_the_history_of_a_created_database(sales):
    with sales.redshift_connector() as connection:
        connection.autocommit = True
        cursor = connection.cursor()
        cursor.execute("SELECT 1 FROM pg_class WHERE relname = %s", ("nothing",))  # leader node only: no query
        cursor.execute("CREATE TEMP TABLE numbers (n INT)")
        cursor.execute("SELECT count(*) FROM numbers WHERE n > %s", (0,))
        cursor.execute(
            "SELECT trim(query_text), trim(query_type), trim(status), trim(database_name) FROM sys_query_history"
            " WHERE session_id = pg_backend_pid() AND query_text LIKE 'SELECT count(*) FROM numbers%' "
        )
        # SYS_QUERY_HISTORY: query_type SELECT, status success, database_name "the name of the database the user
        # was connected to when the query was issued"
        assert [list(row) for row in cursor.fetchall()] == [
            ["SELECT count(*) FROM numbers WHERE n > $1", "SELECT", "success", sales.database]
        ]


def test_each_database_of_the_cluster_shows_the_queries_of_every_other_naming_their_database(owner, sales):
    # STL views are the cluster's logs (r_STL_QUERY: one row per query, `database` telling which database it ran
    # in): a superuser connected to either database sees the queries of both
    marker = uuid.uuid4().hex[:8]
    with owner.psycopg(autocommit=True) as in_dev, sales.psycopg(autocommit=True) as in_sales:
        in_dev.execute(f"CREATE TEMP TABLE dev_{marker} (a INT)")
        in_dev.execute(f"SELECT count(*) FROM dev_{marker}")
        in_sales.execute(f"CREATE TEMP TABLE sales_{marker} (a INT)")
        in_sales.execute(f"SELECT count(*) FROM sales_{marker}")
        expected = [
            (f"SELECT count(*) FROM dev_{marker}", "dev"),
            (f"SELECT count(*) FROM sales_{marker}", sales.database),
        ]
        # read first where the last query ran: a session waits for its own records, and those before them
        for connection in (in_sales, in_dev):
            rows = connection.execute(
                "SELECT trim(querytxt), trim(database) FROM stl_query"
                f" WHERE trim(querytxt) LIKE 'SELECT count(*) FROM %{marker}' ORDER BY query"
            ).fetchall()
            assert rows == expected
            rows = connection.execute(
                "SELECT trim(query_text), trim(database_name) FROM sys_query_history"
                f" WHERE trim(query_text) LIKE 'SELECT count(*) FROM %{marker}' ORDER BY query_id"
            ).fetchall()
            assert rows == expected


def test_a_failed_query_in_a_created_database_shows_as_failed(sales):
    # SYS_QUERY_HISTORY's status: "failed"; error_message "The reason a query failed"
    with sales.psycopg(autocommit=True) as connection:
        connection.execute("CREATE TEMP TABLE zero (a INT)")
        with pytest.raises(psycopg.errors.DivisionByZero):
            connection.execute("SELECT 1 / 0 FROM zero UNION ALL SELECT 1 / 0")
        rows = connection.execute(
            "SELECT trim(status), trim(error_message) FROM sys_query_history"
            " WHERE session_id = pg_backend_pid() AND query_text LIKE 'SELECT 1 / 0 FROM zero%'"
        ).fetchall()
        assert rows == [("failed", "division by zero")]
