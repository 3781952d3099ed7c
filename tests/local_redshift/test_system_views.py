"""System views and functions through the running endpoint, where one conformance case cannot show it: two
sessions in STV_SESSIONS, the views' columns as their pages list them, VERSION() and a leader node-only refusal."""

from __future__ import annotations

import psycopg
import pytest

# Column names and types as the pages' "Table columns" list them (PostgreSQL's names for the types).
STV_SESSIONS_COLUMNS = [
    ("starttime", "timestamp without time zone"),
    ("process", "integer"),
    ("user_name", "character(50)"),
    ("db_name", "character(50)"),
    ("timeout_sec", "integer"),
]
SVV_TABLE_INFO_COLUMNS = [
    ("database", "text"),
    ("schema", "text"),
    ("table_id", "oid"),
    ("table", "text"),
    ("encoded", "text"),
    ("diststyle", "text"),
    ("sortkey1", "text"),
    ("max_varchar", "integer"),
    ("sortkey1_enc", "character(32)"),
    ("sortkey_num", "integer"),
    ("size", "bigint"),
    ("pct_used", "numeric(10,4)"),
    ("empty", "bigint"),
    ("unsorted", "numeric(5,2)"),
    ("stats_off", "numeric(5,2)"),
    ("tbl_rows", "numeric(38,0)"),
    ("skew_sortkey1", "numeric(19,2)"),
    ("skew_rows", "numeric(19,2)"),
    ("estimated_visible_rows", "numeric(38,0)"),
]


def columns_of(connection: psycopg.Connection, view: str) -> list[tuple[str, str]]:
    """The view's columns and their types, from PostgreSQL's catalog (a catalog query: it runs on the leader)."""
    return connection.execute(
        "SELECT attname::text, format_type(atttypid, atttypmod) FROM pg_attribute"
        f" WHERE attrelid = 'redshift_system.{view}'::regclass AND attnum > 0 ORDER BY attnum"
    ).fetchall()


def test_stv_sessions_shows_both_sessions_of_the_cluster(cluster):
    with cluster.psycopg(autocommit=True) as first, cluster.redshift_connector() as second:
        cursor = second.cursor()
        cursor.execute("SELECT pg_backend_pid()")
        [(second_pid,)] = cursor.fetchall()
        first_pid = first.execute("SELECT pg_backend_pid()").fetchone()[0]
        sessions = dict(first.execute("SELECT process, TRIM(user_name) FROM stv_sessions").fetchall())
        assert sessions[first_pid] == sessions[second_pid] == cluster.user
        cursor.execute("SELECT TRIM(user_name), TRIM(db_name) FROM stv_sessions WHERE process = pg_backend_pid()")
        assert [tuple(row) for row in cursor.fetchall()] == [(cluster.user, cluster.database)]


def test_system_views_have_the_columns_their_pages_list(cluster):
    with cluster.psycopg(autocommit=True) as connection:
        assert columns_of(connection, "stv_sessions") == STV_SESSIONS_COLUMNS
        assert columns_of(connection, "svv_table_info") == SVV_TABLE_INFO_COLUMNS


def test_unsorted_counts_the_rows_stored_after_a_greater_sort_key(cluster):
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute("CREATE TABLE unsorted_events (id INT) SORTKEY (id)")
        connection.execute("INSERT INTO unsorted_events VALUES (1), (2), (3)")
        connection.execute("INSERT INTO unsorted_events VALUES (0)")
        unsorted = "SELECT unsorted FROM svv_table_info WHERE \"table\" = 'unsorted_events'"
        assert connection.execute(unsorted).fetchone()[0] == 25


def test_the_tutorial_s_first_query_names_redshift(cluster):
    with cluster.redshift_connector() as connection:
        cursor = connection.cursor()
        cursor.execute("SELECT version()")
        assert [column[0] for column in cursor.description] == ["version"]
        [(version,)] = cursor.fetchall()
    assert version.startswith("PostgreSQL 8.0.2 on i686-pc-linux-gnu") and ", Redshift 1.0." in version


def test_a_leader_node_only_function_on_a_user_table_names_the_function(cluster):
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute("CREATE TABLE leader_users (userid INT)")
        with pytest.raises(psycopg.errors.FeatureNotSupported) as refused:
            connection.execute("select current_schema(), userid from leader_users")
    assert refused.value.diag.message_detail == 'Function "current_schema()" not supported.'


def test_svv_table_info_takes_a_boolean_sort_key(cluster):
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute("CREATE TABLE flagged (done BOOLEAN, note VARCHAR(10)) SORTKEY (done)")
        connection.execute("INSERT INTO flagged VALUES (true, 'a'), (false, 'b')")
        info = "SELECT sortkey1, unsorted, skew_sortkey1 FROM svv_table_info WHERE \"table\" = 'flagged'"
        assert connection.execute(info).fetchone() == ("done", 50, 1)


def test_svv_table_info_of_a_table_without_a_sort_key(cluster):
    # r_SVV_TABLE_INFO.html: sortkey1 "First column in the sort key, if a sort key is defined"; skew_sortkey1 is the
    # ratio to the first sort key column "if a sort key is defined": without one, both are empty
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute("CREATE TABLE unsorted_rows (id INT, note VARCHAR(10))")
        connection.execute("INSERT INTO unsorted_rows VALUES (1, 'a'), (2, 'b')")
        info = "SELECT tbl_rows, skew_sortkey1 FROM svv_table_info WHERE \"table\" = 'unsorted_rows'"
        assert connection.execute(info).fetchone() == (2, None)
