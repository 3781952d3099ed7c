"""The query history through the running endpoint, with psycopg (simple protocol) and redshift_connector
(extended protocol): STL_QUERY and SYS_QUERY_HISTORY rows, PG_LAST_QUERY_ID(), failures that still show."""

from __future__ import annotations

import uuid

import psycopg
import pytest
import redshift_connector

from tests.local_redshift.conftest import create_cluster, s3_reading_role, stack_client

_LAST = "select query, trim(querytxt) as sqlquery from stl_query where query = pg_last_query_id()"  # its page's


def _table(execute) -> str:
    name = f"history_{uuid.uuid4().hex[:8]}"
    execute(f"CREATE TABLE {name} (a INT)")
    execute(f"INSERT INTO {name} VALUES (1), (2)")
    return name


def test_pg_last_query_id_names_the_last_query_with_psycopg(cluster):
    with cluster.psycopg(autocommit=True) as connection:
        assert connection.execute("SELECT pg_last_query_id()").fetchone() == (-1,)
        table = _table(connection.execute)
        connection.execute(f"SELECT count(*) FROM {table}")
        (last,) = connection.execute("SELECT pg_last_query_id()").fetchone()
        assert connection.execute("SELECT pg_last_query_id()").fetchone() == (last,)  # leader node only: no query
        assert connection.execute(_LAST).fetchall() == [(last, f"SELECT count(*) FROM {table}")]


def test_pg_last_query_id_names_the_last_query_with_redshift_connector(cluster):
    with cluster.redshift_connector() as connection:
        connection.autocommit = True
        cursor = connection.cursor()
        table = _table(cursor.execute)
        cursor.execute(f"SELECT count(*) FROM {table} WHERE a > %s", (0,))
        cursor.execute("SELECT pg_last_query_id()")
        (last,) = cursor.fetchone()
        cursor.execute(_LAST)
        assert [list(row) for row in cursor.fetchall()] == [[last, f"SELECT count(*) FROM {table} WHERE a > $1"]]


def test_several_statements_in_one_query_are_one_row_each_and_a_failure_still_shows(cluster):
    with cluster.psycopg(autocommit=True) as connection:
        table = _table(connection.execute)
        with pytest.raises(psycopg.errors.DivisionByZero):
            connection.execute(f"SELECT a FROM {table}; SELECT 1 / 0 FROM {table}; SELECT 2 FROM {table}")
        rows = connection.execute(
            "SELECT trim(querytxt), aborted FROM stl_query WHERE pid = pg_backend_pid() AND querytxt LIKE 'SELECT %'"
            " ORDER BY query"
        ).fetchall()
        assert rows[-2:] == [(f"SELECT a FROM {table}", 0), (f"SELECT 1 / 0 FROM {table}", 1)]
        (status, error) = connection.execute(
            "SELECT trim(status), trim(error_message) FROM sys_query_history "
            "WHERE session_id = pg_backend_pid() AND query_text LIKE 'SELECT 1 / 0%'"
        ).fetchone()
        assert (status, error) == ("failed", "division by zero")


def test_a_statement_of_a_rolled_back_transaction_still_shows(cluster):
    with cluster.psycopg(autocommit=True) as connection:
        table = _table(connection.execute)
        connection.execute("BEGIN")
        connection.execute(f"INSERT INTO {table} VALUES (3)")
        connection.execute("ROLLBACK")
        rows = connection.execute(
            "SELECT trim(query_type), trim(status) FROM sys_query_history "
            f"WHERE session_id = pg_backend_pid() AND trim(query_text) = 'INSERT INTO {table} VALUES (3)'"
        ).fetchall()
        assert rows == [("INSERT", "success")]


def test_a_failed_execute_in_extended_mode_shows_with_its_error(cluster):
    with cluster.redshift_connector() as connection:
        connection.autocommit = True
        cursor = connection.cursor()
        marker = uuid.uuid4().hex[:8]
        with pytest.raises(redshift_connector.ProgrammingError):
            cursor.execute(f"SELECT * FROM missing_{marker}")
        cursor.execute(
            "SELECT trim(status), trim(error_message) FROM sys_query_history "
            f"WHERE session_id = pg_backend_pid() AND query_text LIKE '%missing_{marker}%'"
        )
        assert [tuple(row) for row in cursor.fetchall()] == [("failed", f'relation "missing_{marker}" does not exist')]


def test_querytxt_keeps_the_first_4000_characters(cluster):
    with cluster.psycopg(autocommit=True) as connection:
        table = _table(connection.execute)
        long_query = f"SELECT count(*) FROM {table} WHERE a IN ({', '.join(['1'] * 3000)})"
        connection.execute(long_query)
        (text,) = connection.execute("SELECT querytxt FROM stl_query WHERE query = pg_last_query_id()").fetchone()
        assert text == long_query[:4000]


@pytest.fixture(scope="module")
def loading(local_stack):
    """A cluster with an S3-reading role, and a bucket of one good and one bad JSON file; its login and COPY."""
    s3 = stack_client(local_stack, "s3")
    name = f"history-{uuid.uuid4().hex[:8]}"
    role = s3_reading_role(local_stack, name)
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    s3.put_object(Bucket=name, Key="good.json", Body=b'{"n": 1}')
    s3.put_object(Bucket=name, Key="bad.json", Body=b'{"n": "many"}')
    login = create_cluster(local_stack, name, IamRoles=[role])
    return login, f"COPY numbers FROM 's3://{name}/{{key}}' IAM_ROLE '{role}' FORMAT AS JSON 'auto' REGION 'us-west-2'"


def test_a_copy_has_one_query_id_in_stl_query_and_stl_load_errors(loading):
    login, copy = loading
    with login.psycopg(autocommit=True) as connection:
        connection.execute("CREATE TABLE numbers (n INT)")
        connection.execute(copy.format(key="good.json"))
        (last,) = connection.execute("SELECT pg_last_query_id()").fetchone()
        assert connection.execute(_LAST).fetchall() == [(last, copy.format(key="good.json"))]
        with pytest.raises(psycopg.errors.InternalError):
            connection.execute(copy.format(key="bad.json"))
        (query,) = connection.execute("SELECT query FROM stl_load_errors WHERE filename LIKE '%bad.json'").fetchone()
        rows = connection.execute(f"SELECT trim(querytxt), aborted FROM stl_query WHERE query = {query}").fetchall()
        assert rows == [(copy.format(key="bad.json"), 1)]
