"""What a session in one database of a cluster sees of the others, through the endpoint: the query history
(STL_QUERY, SYS_QUERY_HISTORY, PG_LAST_QUERY_ID), which is the cluster's whichever database a session is connected
to. Each expected value is the Developer Guide's (the page named where it is used)."""

from __future__ import annotations

import dataclasses
import time
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


def test_the_leaving_of_a_session_in_a_created_database_is_in_stl_connection_log(owner, sales):
    # r_STL_CONNECTION_LOG: "Logs authentication attempts and connections and disconnections"; dbname "The
    # database name"
    with sales.psycopg() as connection:
        (pid,) = connection.execute("SELECT pg_backend_pid()").fetchone()
    query = "SELECT trim(event), trim(dbname) FROM stl_connection_log WHERE pid = %s ORDER BY recordtime, event"
    with owner.psycopg(autocommit=True) as connection:
        for _ in range(50):  # its leaving is logged as its endpoint session ends
            if len(events := connection.execute(query, [pid]).fetchall()) == 3:
                break
            time.sleep(0.1)
    assert events == [
        ("authenticated", sales.database),
        ("initiating session", sales.database),
        ("disconnecting session", sales.database),
    ]


def test_stl_connection_log_read_in_a_created_database_shows_the_logins_of_every_database(owner, sales):
    # STL_CONNECTION_LOG is the cluster's log of "connections and disconnections", dbname naming each one's database
    with owner.psycopg(autocommit=True) as in_dev:
        (dev_pid,) = in_dev.execute("SELECT pg_backend_pid()").fetchone()
        with sales.psycopg(autocommit=True) as in_sales:
            (sales_pid,) = in_sales.execute("SELECT pg_backend_pid()").fetchone()
            rows = in_sales.execute(
                "SELECT pid, trim(dbname) FROM stl_connection_log WHERE event = 'initiating session'"
                " AND pid IN (%s, %s) ORDER BY recordtime",
                [dev_pid, sales_pid],
            ).fetchall()
    assert rows == [(dev_pid, "dev"), (sales_pid, sales.database)]


# --- SHOW SCHEMAS, TABLES and COLUMNS of another database (r_SHOW_SCHEMAS, r_SHOW_TABLES, r_SHOW_COLUMNS) ----------


@pytest.fixture(scope="module")
def sales_tables(sales) -> Login:
    """The database `sales` with a schema of its own and a table in it."""
    with sales.psycopg(autocommit=True) as connection:
        connection.execute("CREATE SCHEMA store")
        connection.execute("CREATE TABLE store.orders (order_id INT, placed TIMESTAMP)")
        connection.execute("CREATE TABLE store.order_lines (order_id INT, sku VARCHAR(20))")
    return sales


def test_show_schemas_from_another_database_lists_its_schemas(owner, sales_tables):
    # r_SHOW_SCHEMAS: "database_name: The name of the database that contains the tables to list"; each row starts
    # with database_name, schema_name
    with owner.psycopg(autocommit=True) as connection:
        rows = connection.execute(f"SHOW SCHEMAS FROM DATABASE {sales_tables.database}").fetchall()
        assert {row[:2] for row in rows} >= {(sales_tables.database, "public"), (sales_tables.database, "store")}
        assert all(row[0] == sales_tables.database for row in rows)
        # LIKE is case-sensitive and LIMIT caps the rows (the page's parameters)
        rows = connection.execute(f"SHOW SCHEMAS FROM DATABASE {sales_tables.database} LIKE 'st%' LIMIT 5").fetchall()
        assert [row[:2] for row in rows] == [(sales_tables.database, "store")]


def test_show_tables_from_a_schema_of_another_database_lists_its_tables(owner, sales_tables):
    # r_SHOW_TABLES: "SHOW TABLES FROM SCHEMA database_name.schema_name"; rows of database_name, schema_name,
    # table_name, table_type, ...
    with owner.psycopg(autocommit=True) as connection:
        rows = connection.execute(f"SHOW TABLES FROM SCHEMA {sales_tables.database}.store").fetchall()
        assert [row[:4] for row in rows] == [
            (sales_tables.database, "store", "order_lines", "TABLE"),
            (sales_tables.database, "store", "orders", "TABLE"),
        ]
        assert connection.execute("SHOW TABLES FROM SCHEMA dev.store").fetchall() == []  # dev has no such schema


def test_show_columns_of_a_table_of_another_database_with_redshift_connector(owner, sales_tables):
    # r_SHOW_COLUMNS: "SHOW COLUMNS FROM TABLE database_name.schema_name.table_name"; rows of database_name,
    # schema_name, table_name, column_name, ordinal_position, ...
    with owner.redshift_connector() as connection:
        cursor = connection.cursor()
        for _ in range(2):  # redshift_connector prepares the statement once and runs it again
            cursor.execute(f"SHOW COLUMNS FROM TABLE {sales_tables.database}.store.orders")
            rows = [list(row[:5]) for row in cursor.fetchall()]
            assert rows == [
                [sales_tables.database, "store", "orders", "order_id", 1],
                [sales_tables.database, "store", "orders", "placed", 2],
            ]
        names = [column[0] for column in cursor.description]
        assert names[:5] == ["database_name", "schema_name", "table_name", "column_name", "ordinal_position"]


def test_show_tables_from_another_database_sees_a_table_made_after_the_last_show(owner, sales_tables):
    with owner.redshift_connector() as connection:
        cursor = connection.cursor()
        statement = f"SHOW TABLES FROM SCHEMA {sales_tables.database}.public LIKE 'fresh%'"
        cursor.execute(statement)
        assert cursor.fetchall() in ((), [])
        with sales_tables.psycopg(autocommit=True) as there:
            there.execute("CREATE TABLE public.fresh (a INT)")
        cursor.execute(statement)
        assert [row[2] for row in cursor.fetchall()] == ["fresh"]


def test_show_from_a_created_database_lists_the_clusters_own(owner, sales_tables):
    with owner.psycopg(autocommit=True) as connection:
        connection.execute("CREATE TABLE IF NOT EXISTS public.in_dev (a INT)")
    with sales_tables.psycopg(autocommit=True) as connection:
        rows = connection.execute("SHOW TABLES FROM SCHEMA dev.public LIKE 'in_dev'").fetchall()
        assert [row[:3] for row in rows] == [("dev", "public", "in_dev")]
        rows = connection.execute("SHOW COLUMNS FROM TABLE dev.public.in_dev").fetchall()
        assert [row[:4] for row in rows] == [("dev", "public", "in_dev", "a")]


def test_show_from_a_database_the_cluster_does_not_have_lists_nothing(owner, sales_tables):
    # redshift_connector's integration tests, run against Redshift, read the columns of SHOW SCHEMAS FROM DATABASE
    # of a database their cluster lacks: the command answers, with no rows (the server's own postgres is no
    # database of the cluster either)
    with owner.psycopg(autocommit=True) as connection:
        for statement in ("SHOW SCHEMAS FROM DATABASE nosuch", "SHOW TABLES FROM SCHEMA postgres.public"):
            cursor = connection.execute(statement)
            assert cursor.description[0].name == "database_name"
            assert cursor.fetchall() == []


def test_show_tables_of_another_database_lists_what_the_user_may_see_there(owner, sales_tables):
    # r_SHOW_TABLES' required permissions: a superuser, the table's owner, or USAGE on the schema and SELECT on it
    user = _name("reader")
    with owner.psycopg(autocommit=True) as connection:
        connection.execute(f"CREATE USER {user} PASSWORD 'Reader1234'")
    try:
        with sales_tables.psycopg(autocommit=True) as there:
            there.execute(f"GRANT USAGE ON SCHEMA store TO {user}")
            there.execute(f"GRANT SELECT ON store.orders TO {user}")
        reader = dataclasses.replace(owner, user=user, password="Reader1234")
        with reader.psycopg(autocommit=True) as connection:
            rows = connection.execute(f"SHOW TABLES FROM SCHEMA {sales_tables.database}.store").fetchall()
            assert [row[2] for row in rows] == ["orders"]
    finally:
        with sales_tables.psycopg(autocommit=True) as there:
            there.execute(f"REVOKE ALL ON store.orders FROM {user}")
            there.execute(f"REVOKE USAGE ON SCHEMA store FROM {user}")
        with owner.psycopg(autocommit=True) as connection:
            connection.execute(f"DROP USER {user}")


# --- The owner of a database (r_CREATE_DATABASE's OWNER, r_PG_USER's usesuper) --------------------------------------


def test_the_owner_of_a_database_made_with_owner_is_no_superuser_in_it(owner):
    # r_CREATE_DATABASE: "OWNER: Specifies a database owner"; r_PG_USER: usesuper "True if the user is a superuser";
    # r_SVV_USER_INFO: superuser "True if the user is a superuser"; a superuser sees every user, any other itself
    user, name = _name("dbowner"), _name("owned")
    with owner.psycopg(autocommit=True) as connection:
        connection.execute(f"CREATE USER {user} PASSWORD 'Owner1234'")
        connection.execute(f"CREATE DATABASE {name} WITH OWNER {user}")
    try:
        with dataclasses.replace(owner, database=name).psycopg(autocommit=True) as connection:
            supers = connection.execute(
                f"SELECT usename, usesuper FROM pg_user WHERE usename IN ('{user}', '{owner.user}') ORDER BY 1"
            ).fetchall()
            assert supers == sorted([(user, False), (owner.user, True)])
            info = connection.execute(f"SELECT superuser FROM svv_user_info WHERE user_name = '{user}'").fetchall()
            assert info == [(False,)]
            (datdba,) = connection.execute(f"SELECT datdba FROM pg_database WHERE datname = '{name}'").fetchone()
            assert connection.execute(f"SELECT usename FROM pg_user WHERE usesysid = {datdba}").fetchone() == (user,)
        as_owner = dataclasses.replace(owner, database=name, user=user, password="Owner1234")
        with as_owner.psycopg(autocommit=True) as connection:
            listed = connection.execute("SELECT user_name, superuser FROM svv_user_info").fetchall()
            assert listed == [(user, False)]  # a user who is no superuser sees itself alone
    finally:
        with owner.psycopg(autocommit=True) as connection:
            connection.execute(f"DROP DATABASE {name} FORCE")
            connection.execute(f"DROP USER {user}")


def test_the_master_user_stays_the_superuser_of_a_database_it_gave_to_another_owner(owner):
    # r_ALTER_DATABASE: "OWNER TO: Specifies the new owner of the database"; it makes no superuser of them
    user, name = _name("newowner"), _name("given")
    with owner.psycopg(autocommit=True) as connection:
        connection.execute(f"CREATE USER {user} PASSWORD 'Owner1234'")
        connection.execute(f"CREATE DATABASE {name}")
        connection.execute(f"ALTER DATABASE {name} OWNER TO {user}")
    try:
        with dataclasses.replace(owner, database=name).psycopg(autocommit=True) as connection:
            supers = connection.execute(
                f"SELECT user_name, superuser FROM svv_user_info WHERE user_name IN ('{user}', '{owner.user}')"
                " ORDER BY 1"
            ).fetchall()
            assert supers == sorted([(user, False), (owner.user, True)])
    finally:
        with owner.psycopg(autocommit=True) as connection:
            connection.execute(f"DROP DATABASE {name} FORCE")
            connection.execute(f"DROP USER {user}")


def test_stv_sessions_lists_the_sessions_of_every_database_of_the_cluster(owner, sales):
    # STV_SESSIONS: "information about the active user sessions", db_name "The name of the database to which the
    # session is connected"
    with owner.psycopg(autocommit=True) as in_dev, sales.psycopg(autocommit=True) as in_sales:
        (dev_pid,) = in_dev.execute("SELECT pg_backend_pid()").fetchone()
        (sales_pid,) = in_sales.execute("SELECT pg_backend_pid()").fetchone()
        expected = sorted([(dev_pid, "dev"), (sales_pid, sales.database)])
        for connection in (in_dev, in_sales):
            rows = connection.execute(
                "SELECT process, trim(db_name) FROM stv_sessions WHERE process IN (%s, %s) ORDER BY 1",
                [dev_pid, sales_pid],
            ).fetchall()
            assert rows == expected
