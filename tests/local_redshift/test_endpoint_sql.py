"""Redshift SQL through the endpoint with real clients: both query protocols, transactions, errors, system views."""

import hashlib
import uuid

import pandas as pd
import psycopg
import pytest
import redshift_connector
import sqlalchemy

STAR_DDL = """
CREATE TABLE {name} (
    songplay_id INT IDENTITY(0,1) PRIMARY KEY,
    start_time TIMESTAMP NOT NULL SORTKEY,
    user_id INT NOT NULL DISTKEY,
    level VARCHAR(MAX) ENCODE ZSTD,
    location VARCHAR(256)
) DISTSTYLE KEY
"""


def unique(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


@pytest.fixture
def rs(cluster):
    with cluster.redshift_connector() as connection:
        yield connection


def test_redshift_ddl_identity_and_parameters_with_redshift_connector(rs):
    table = unique("plays")
    cursor = rs.cursor()
    cursor.execute(STAR_DDL.format(name=table))
    cursor.executemany(
        f"INSERT INTO {table} (start_time, user_id, level, location) VALUES (%s, %s, %s, %s)",
        [("2018-11-01 21:01:46", 8, "free", "Phoenix"), ("2018-11-02 09:00:00", 9, "paid", None)],
    )
    cursor.execute(f"SELECT songplay_id, user_id, level, location FROM {table} ORDER BY songplay_id")
    assert cursor.fetchall() == ([0, 8, "free", "Phoenix"], [1, 9, "paid", None])
    frame = cursor.execute(f"SELECT user_id, level FROM {table} ORDER BY user_id").fetch_dataframe()
    assert frame.to_dict("list") == {"user_id": [8, 9], "level": ["free", "paid"]}
    rs.commit()


def test_the_table_design_is_in_pg_table_def_and_svv_table_info(rs):
    table = unique("design")
    cursor = rs.cursor()
    cursor.execute(STAR_DDL.format(name=table))
    cursor.execute(f"INSERT INTO {table} (start_time, user_id) VALUES ('2018-11-01', 1), ('2018-11-02', 2)")
    cursor.execute(
        f"SELECT \"column\", type, distkey, sortkey FROM pg_table_def WHERE tablename = '{table}' ORDER BY 1"
    )
    columns = {row[0]: row[1:] for row in cursor.fetchall()}
    assert columns["user_id"] == ["integer", True, 0]
    assert columns["start_time"] == ["timestamp without time zone", False, 1]
    assert columns["level"][0] == "character varying(65535)"
    cursor.execute(f"SELECT diststyle, sortkey1, tbl_rows FROM svv_table_info WHERE \"table\" = '{table}'")
    assert cursor.fetchone() == ["KEY(user_id)", "start_time", 2]
    assert table in [row[2] for row in cursor.get_tables(table_name_pattern=table)]
    rs.rollback()


def test_several_statements_in_one_execute_through_the_extended_protocol(rs):
    table = unique("multi")
    cursor = rs.cursor()
    cursor.execute(
        f"CREATE TABLE {table} (id INT DISTKEY); INSERT INTO {table} VALUES (1), (2); INSERT INTO {table} VALUES (3);"
    )
    cursor.execute(f"SELECT count(*) FROM {table}")
    assert cursor.fetchone() == [3]
    rs.rollback()
    with pytest.raises(redshift_connector.ProgrammingError, match="does not exist"):
        cursor.execute(f"SELECT count(*) FROM {table}")  # the whole script was rolled back


def test_several_statements_in_one_simple_query(cluster):
    table = unique("simple")
    with cluster.psycopg(autocommit=True) as connection:
        cursor = connection.execute(
            f"CREATE TABLE {table} (id INT IDENTITY(0,1), name VARCHAR(MAX) SORTKEY);"
            f"INSERT INTO {table} (name) VALUES ('a'), ('b');"
            f"SELECT id, name FROM {table} ORDER BY id"
        )
        statuses = []
        while True:
            statuses.append(cursor.statusmessage)
            if not cursor.nextset():
                break
        assert statuses == ["CREATE TABLE", "INSERT 0 2", "SELECT 2"]
        assert connection.execute(f"SELECT name FROM {table} ORDER BY id").fetchall() == [("a",), ("b",)]


def test_transactions_commit_and_roll_back(cluster):
    table = unique("txn")
    with cluster.redshift_connector() as first, cluster.redshift_connector() as second:
        first.cursor().execute(f"CREATE TABLE {table} (id INT)")
        first.commit()
        first.cursor().execute(f"INSERT INTO {table} VALUES (1)")
        assert second.cursor().execute(f"SELECT count(*) FROM {table}").fetchone() == [0]
        first.rollback()
        first.cursor().execute(f"INSERT INTO {table} VALUES (2)")
        first.commit()
        second.rollback()
        assert second.cursor().execute(f"SELECT id FROM {table}").fetchall() == ([2],)


def test_errors_keep_their_sqlstate_and_the_session_recovers(rs):
    cursor = rs.cursor()
    with pytest.raises(redshift_connector.ProgrammingError) as failure:
        cursor.execute("SELECT 1 / 0")
    assert failure.value.args[0]["C"] == "22012"
    with pytest.raises(redshift_connector.ProgrammingError, match="25P02"):
        cursor.execute("SELECT 1")  # the transaction is aborted until it ends, as on Redshift
    rs.rollback()
    assert cursor.execute("SELECT 2").fetchone() == [2]


@pytest.mark.parametrize(
    ("sql", "construct"),
    [
        ("INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING", "ON CONFLICT"),
        ("CREATE TABLE s (id SERIAL)", "SERIAL"),
        ("CREATE TABLE s (id BIGSERIAL)", "BIGSERIAL"),
        ("CREATE INDEX i ON t (id)", "CREATE INDEX"),
        ("INSERT INTO t VALUES (1) RETURNING id", "RETURNING"),
        ("CREATE TABLE s (tags INT[])", "array"),
    ],
)
def test_what_redshift_rejects_is_rejected_with_its_name(cluster, sql, construct):
    with cluster.redshift_connector() as connection:
        with pytest.raises(redshift_connector.ProgrammingError) as failure:
            connection.cursor().execute(sql)
        assert failure.value.args[0]["C"] == "0A000"
        assert construct.lower() in failure.value.args[0]["M"].lower()
        assert "not supported" in failure.value.args[0]["M"]
        assert "W" not in failure.value.args[0]  # no PL/pgSQL context leaks out
    with cluster.psycopg() as connection, pytest.raises(psycopg.errors.FeatureNotSupported, match="(?i)" + construct):
        connection.execute(sql)


def test_redshift_functions_and_literals_translate(rs):
    cursor = rs.cursor()
    cursor.execute(
        "SELECT DATEDIFF(day, '2018-11-01 23:00'::timestamp, '2018-11-02 01:00'::timestamp),"
        " DATEADD(month, 1, '2018-01-31'::date)::date,"
        " EXTRACT(dayofweek FROM '2018-11-04'::date),"
        " NVL(NULL, 'x'), NVL2(NULL, 'a', 'b'), DECODE(2, 1, 'one', 2, 'two', 'other'),"
        " (TIMESTAMP 'epoch' + 1541106106796 / 1000 * INTERVAL '1 second')::timestamp,"
        " GETDATE() <= SYSDATE + INTERVAL '1 minute'"
    )
    row = cursor.fetchone()
    assert row[0] == 1 and str(row[1]) == "2018-02-28" and row[2] == 0
    assert row[3:6] == ["x", "b", "two"]
    assert str(row[6]) == "2018-11-01 21:01:46" and row[7] is True
    cursor.execute(
        "SELECT LISTAGG(name, ',') WITHIN GROUP (ORDER BY name) FROM (SELECT 'b' AS name UNION ALL SELECT 'a')"
    )
    assert cursor.fetchone() == ["a,b"]


def test_sqlalchemy_and_pandas_read_sql_query(cluster):
    table = unique("frame")
    engine = sqlalchemy.create_engine(cluster.sqlalchemy_url(), connect_args={"ssl": False})
    try:
        with engine.begin() as connection:
            connection.execute(sqlalchemy.text(f"CREATE TABLE {table} (id INT DISTKEY, name VARCHAR(10))"))
            connection.execute(sqlalchemy.text(f"INSERT INTO {table} VALUES (1, 'one'), (2, 'two')"))
        with engine.connect() as connection:
            frame = pd.read_sql_query(sqlalchemy.text(f"SELECT * FROM {table} ORDER BY id"), connection)
        assert frame.to_dict("list") == {"id": [1, 2], "name": ["one", "two"]}
    finally:
        engine.dispose()


def test_large_results_stream_through_intact(cluster):
    rows = 200_000
    sql = f"SELECT g, md5(g::text) FROM generate_series(1, {rows}) g ORDER BY g"
    with cluster.redshift_connector() as connection:
        fetched = connection.cursor().execute(sql).fetchall()
    assert len(fetched) == rows and fetched[-1][0] == rows
    with cluster.psycopg() as connection:
        fetched = connection.execute(sql).fetchall()
    assert len(fetched) == rows and fetched[12345] == (12346, hashlib.md5(b"12346").hexdigest())
