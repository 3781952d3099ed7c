"""EXPLAIN through the running endpoint, with real clients: for each redistribution label, a pair of tables and a
join Redshift would plan with it, checked against the plan's text; both query protocols; what EXPLAIN refuses.

The labels' meanings are the Developer Guide's "Evaluating the query plan"
(https://docs.aws.amazon.com/redshift/latest/dg/c_data_redistribution.html); the plan's shape is its "Query plan"
and EXPLAIN pages (c-the-query-plan.html, r_EXPLAIN.html). Each pair's sizes make the side PostgreSQL hashes (the
inner one) the one the label speaks of.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest
import redshift_connector

TABLES = """
CREATE TABLE plays (start_time TIMESTAMP NOT NULL DISTKEY SORTKEY, user_id INTEGER, song_id VARCHAR(32));
CREATE TABLE "time" (start_time TIMESTAMP NOT NULL DISTKEY SORTKEY, hour SMALLINT);
CREATE TABLE plays_even (start_time TIMESTAMP, user_id INTEGER, song_id VARCHAR(32)) DISTSTYLE EVEN;
CREATE TABLE plays_by_user (start_time TIMESTAMP, user_id INTEGER DISTKEY, song_id VARCHAR(32));
CREATE TABLE users (user_id INTEGER, first_name VARCHAR(20)) DISTSTYLE ALL;
CREATE TABLE listeners (user_id INTEGER) DISTSTYLE EVEN;
CREATE TABLE all_users (user_id INTEGER) DISTSTYLE ALL;
CREATE TABLE few_users (user_id INTEGER DISTKEY);
INSERT INTO plays SELECT TIMESTAMP '2018-11-01' + g * INTERVAL '1 minute', g % 97, 'S' || (g % 50)
    FROM generate_series(1, 5000) g;
INSERT INTO "time" SELECT start_time, 1 FROM plays;
INSERT INTO plays_even SELECT * FROM plays;
INSERT INTO plays_by_user SELECT * FROM plays;
INSERT INTO users SELECT g, 'u' FROM generate_series(1, 97) g;
INSERT INTO listeners SELECT user_id FROM users;
INSERT INTO all_users SELECT g FROM generate_series(1, 5000) g;
INSERT INTO few_users SELECT g FROM generate_series(1, 10) g;
ANALYZE;
"""


@pytest.fixture(scope="module")
def schema(cluster) -> Iterator[str]:
    """The tables above in a schema of the module's own."""
    name = f"explain_{uuid.uuid4().hex[:10]}"
    with cluster.psycopg(autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {name}")
        admin.execute(f"SET search_path TO {name}")
        admin.execute(TABLES)
    yield name
    with cluster.psycopg(autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {name} CASCADE")


def explain(cluster, schema: str, query: str) -> list[str]:
    """EXPLAIN's lines through psycopg (the simple query protocol: no parameters)."""
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute(f"SET search_path TO {schema}")
        cursor = connection.execute(f"EXPLAIN {query}")
        assert [column.name for column in cursor.description] == ["QUERY PLAN"]
        return [line for (line,) in cursor.fetchall()]


def operators(lines: list[str]) -> list[str]:
    return [line.strip().removeprefix("->  ").split("  (cost=")[0] for line in lines]


@pytest.mark.parametrize(
    ("query", "join"),
    [
        # the issue's own: songplays and time both DISTKEY and SORTKEY start_time, collocated and merged
        ("SELECT t.hour, count(*) FROM plays p JOIN time t USING (start_time) GROUP BY t.hour",
         "XN Merge Join DS_DIST_NONE"),
        # "the inner join table used DISTSTYLE ALL"
        ("SELECT u.first_name, count(*) FROM plays p JOIN users u ON u.user_id = p.user_id GROUP BY 1",
         "XN Hash Join DS_DIST_ALL_NONE"),
        # "the outer table uses DISTSTYLE ALL": the inner one goes to a single slice
        ("SELECT count(*) FROM all_users a JOIN few_users f ON f.user_id = a.user_id",
         "XN Hash Join DS_DIST_ALL_INNER"),
        # the outer table is distributed on the join key, the inner one is not: the inner table is redistributed
        ("SELECT count(*) FROM plays_by_user p JOIN listeners l ON l.user_id = p.user_id",
         "XN Hash Join DS_DIST_INNER"),
        # the EVEN songplays: time is on the key, the EVEN table of as many plays is redistributed to it
        ("SELECT count(*) FROM plays_even p JOIN time t USING (start_time)", "XN Hash Join DS_DIST_OUTER"),
        # neither is distributed on user_id, and a copy of the small table on every slice moves the fewest rows
        ("SELECT count(*) FROM plays p JOIN listeners l ON l.user_id = p.user_id", "XN Hash Join DS_BCAST_INNER"),
        # a full join on a column neither table is distributed on: both are redistributed
        ("SELECT count(*) FROM plays_even e FULL JOIN plays_by_user p ON p.song_id = e.song_id",
         "XN Hash Full Join DS_DIST_BOTH"),
    ],
)  # fmt: skip
def test_each_label_for_its_pair_of_tables(cluster, schema, query, join):
    assert join in operators(explain(cluster, schema, query))


def test_the_plan_reads_as_redshift_writes_it(cluster, schema):
    lines = explain(cluster, schema, "SELECT t.hour, count(*) FROM plays p JOIN time t USING (start_time) GROUP BY 1")
    assert operators(lines) == [
        "XN HashAggregate",
        "XN Merge Join DS_DIST_NONE",
        'Merge Cond: ("outer".start_time = "inner".start_time)',
        "XN Seq Scan on plays p",
        "XN Seq Scan on time t",
    ]
    assert lines[1].startswith("  ->  XN Merge Join DS_DIST_NONE  (cost=") and lines[1].endswith(" width=2)")


def test_explain_verbose_through_redshift_connector(cluster, schema):
    """The extended query protocol: the statement is described (one text column) before it runs."""
    with cluster.redshift_connector() as connection:
        cursor = connection.cursor()
        cursor.execute(f"SET search_path TO {schema}")
        cursor.execute("EXPLAIN VERBOSE SELECT count(*) FROM plays_even p JOIN time t USING (start_time)")
        assert [column[0] for column in cursor.description] == ["QUERY PLAN"]
        lines = [line for (line,) in cursor.fetchall()]
        cursor.execute("SELECT count(*) FROM time")  # the session goes on
        assert cursor.fetchall()[0][0] == 5000
    assert "XN Hash Join DS_DIST_OUTER" in operators(lines)


def test_explain_in_a_transaction_runs_nothing(cluster, schema):
    with cluster.psycopg() as connection:
        connection.execute(f"SET search_path TO {schema}")
        connection.execute("EXPLAIN DELETE FROM listeners")
        assert connection.execute("SELECT count(*) FROM listeners").fetchone()[0] == 97
        connection.rollback()


def test_explain_of_a_missing_table_fails_as_the_query_would(cluster, schema):
    with cluster.psycopg(autocommit=True) as connection, pytest.raises(psycopg.errors.UndefinedTable) as failed:
        connection.execute("EXPLAIN SELECT * FROM no_such_table")
    assert failed.value.diag.message_primary == 'relation "no_such_table" does not exist'
    assert failed.value.diag.context is None and failed.value.diag.internal_query is None


def test_explain_refuses_ddl(cluster):
    """r_EXPLAIN.html: "The EXPLAIN command will fail if you use it for other SQL commands, such as data definition
    language (DDL) or database operations"."""
    with cluster.psycopg(autocommit=True) as connection, pytest.raises(psycopg.errors.FeatureNotSupported) as refused:
        connection.execute("EXPLAIN CREATE TABLE never_made (a INTEGER)")
    assert refused.value.diag.message_primary.startswith("EXPLAIN CREATE TABLE is not supported by Amazon Redshift")


def test_a_failed_explain_through_redshift_connector_fails_its_transaction_only(cluster, schema):
    with cluster.redshift_connector() as connection:
        cursor = connection.cursor()
        with pytest.raises(redshift_connector.ProgrammingError, match="no_such_table"):
            cursor.execute("EXPLAIN SELECT * FROM no_such_table")
        connection.rollback()
        cursor.execute(f"SELECT count(*) FROM {schema}.users")
        assert cursor.fetchall()[0][0] == 97
