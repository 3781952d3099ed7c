"""The Redshift system catalog in PostgreSQL: install, table designs kept clean, the system views and functions."""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Iterator

import psycopg
import pytest

from local_redshift.catalog import SCHEMA, install
from local_redshift.translation import translate
from tests.local_redshift.translation.support import catalog_database, run

DATABASE = "test_catalog"


@pytest.fixture(scope="module")
def database(postgres) -> Iterator[str]:
    """A fresh database with the catalog installed twice (install is idempotent); its connection string."""
    conninfo = catalog_database(postgres, DATABASE)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        install(conn)
    yield conninfo


@pytest.fixture
def conn(database: str) -> Iterator[psycopg.Connection]:
    with psycopg.connect(database, autocommit=True) as connection:
        yield connection


def design_rows(conn: psycopg.Connection, table: str) -> int:
    return conn.execute(
        f"SELECT count(*) FROM {SCHEMA}.table_design d JOIN pg_class c ON c.oid = d.relid WHERE c.relname = %s",
        (table,),
    ).fetchone()[0]


def test_install_leaves_no_design_rows_for_the_catalog_itself(conn):
    assert conn.execute(f"SELECT count(*) FROM {SCHEMA}.table_design").fetchone() == (0,)


def test_a_dropped_table_leaves_no_design_row(conn):
    run(conn, "CREATE TABLE dropped (a INT DISTKEY) SORTKEY (a)")
    relid = conn.execute("SELECT 'dropped'::regclass::oid").fetchone()[0]
    run(conn, "DROP TABLE dropped")
    assert conn.execute(f"SELECT count(*) FROM {SCHEMA}.table_design WHERE relid = %s", (relid,)).fetchone() == (0,)


def test_a_dropped_schema_takes_its_designs_along(conn):
    run(conn, "CREATE SCHEMA doomed; CREATE TABLE doomed.t1 (a INT) DISTSTYLE ALL")
    assert design_rows(conn, "t1") == 1
    run(conn, "DROP SCHEMA doomed CASCADE")
    assert design_rows(conn, "t1") == 0


def test_a_rolled_back_create_table_leaves_no_design_row(conn):
    with pytest.raises(psycopg.errors.DivisionByZero), conn.transaction():
        for postgres in translate("CREATE TABLE undone (a INT) DISTSTYLE ALL")[0].postgres:
            conn.execute(postgres.encode())
        conn.execute("SELECT 1 / 0")
    assert conn.execute(
        f"SELECT count(*) FROM {SCHEMA}.table_design WHERE diststyle = 'ALL'"
        " AND NOT EXISTS (SELECT FROM pg_class WHERE oid = relid)"
    ).fetchone() == (0,)


def test_a_table_made_without_translation_gets_redshift_defaults(conn):
    conn.execute("CREATE TABLE plain (id INT, name VARCHAR(20), ok BOOLEAN)")
    conn.execute("INSERT INTO plain VALUES (1, 'a', true), (2, 'b', false)")
    assert run(
        conn,
        "SELECT encoded, diststyle, sortkey1, max_varchar, sortkey_num, tbl_rows FROM svv_table_info"
        " WHERE \"table\" = 'plain'",
    ) == [("Y", "AUTO(EVEN)", "AUTO(SORTKEY)", 20, 0, 2)]
    assert run(conn, "SELECT \"column\", encoding FROM pg_table_def WHERE tablename = 'plain' ORDER BY 1") == [
        ("id", "az64".ljust(32)),
        ("name", "lzo".ljust(32)),
        ("ok", "none".ljust(32)),
    ]


def test_svv_table_info_shows_user_tables_with_rows_only(conn):
    run(
        conn,
        "CREATE TABLE empty_one (a INT); CREATE TABLE full_one (a INT) DISTSTYLE EVEN; INSERT INTO full_one VALUES (1)",
    )
    tables = {row[0] for row in run(conn, 'SELECT "table" FROM svv_table_info')}
    assert "full_one" in tables and "empty_one" not in tables
    schemas = {row[0] for row in run(conn, "SELECT schema FROM svv_table_info")}
    assert schemas.isdisjoint({SCHEMA, "pg_catalog", "information_schema"})


def test_svv_table_info_sort_key_encoding_and_size(conn):
    run(
        conn,
        "CREATE TABLE sized (a INT ENCODE zstd, b VARCHAR(30) ENCODE raw) SORTKEY (b);"
        " INSERT INTO sized VALUES (1, 'x')",
    )
    assert run(conn, "SELECT sortkey1, sortkey1_enc, size > 0 FROM svv_table_info WHERE \"table\" = 'sized'") == [
        ("b", "none".ljust(32), True)
    ]


def test_pg_table_def_lists_the_tables_on_the_search_path_only(conn):
    run(conn, "CREATE SCHEMA hidden; CREATE TABLE hidden.secret (a INT); CREATE TABLE shown (a INT)")
    names = {
        row[0] for row in run(conn, "SELECT DISTINCT tablename FROM pg_table_def WHERE schemaname <> 'pg_catalog'")
    }
    assert "shown" in names and "secret" not in names
    run(conn, "SET search_path TO public, hidden")
    assert run(conn, "SELECT count(*) FROM pg_table_def WHERE tablename = 'secret'") == [(1,)]


def test_svv_tables_lists_tables_and_views(conn):
    run(
        conn,
        "CREATE TABLE listed (a INT); CREATE VIEW listed_view AS SELECT a FROM listed;"
        " COMMENT ON TABLE listed IS 'a remark'",
    )
    assert run(
        conn,
        "SELECT table_catalog, table_schema, table_name, table_type, remarks FROM svv_tables"
        " WHERE table_name LIKE 'listed%' ORDER BY table_name",
    ) == [(DATABASE, "public", "listed", "BASE TABLE", "a remark"), (DATABASE, "public", "listed_view", "VIEW", None)]
    assert run(conn, f"SELECT count(*) FROM svv_tables WHERE table_schema = '{SCHEMA}'") == [(0,)]


STL_LOAD_ERRORS_COLUMNS = [
    ("userid", "integer"),
    ("slice", "integer"),
    ("tbl", "integer"),
    ("starttime", "timestamp without time zone"),
    ("session", "integer"),
    ("query", "integer"),
    ("filename", "character varying(256)"),
    ("line_number", "bigint"),
    ("colname", "character varying(127)"),
    ("type", "character varying(10)"),
    ("col_length", "character varying(10)"),
    ("position", "integer"),
    ("raw_line", "character varying(1024)"),
    ("raw_field_value", "character varying(1024)"),
    ("err_code", "integer"),
    ("err_reason", "character varying(100)"),
    ("is_partial", "integer"),
    ("start_offset", "bigint"),
]


def test_stl_load_errors_has_redshift_columns_and_the_query_id_sequence_counts(conn):
    columns = conn.execute(
        "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute"
        f" WHERE attrelid = '{SCHEMA}.stl_load_errors'::regclass AND attnum > 0 ORDER BY attnum"
    ).fetchall()
    assert columns == STL_LOAD_ERRORS_COLUMNS
    first, second = (conn.execute(f"SELECT nextval('{SCHEMA}.query_id')").fetchone()[0] for _ in range(2))
    assert second == first + 1


def test_pg_last_copy_count_reads_the_session_setting(conn):
    assert run(conn, "SELECT pg_last_copy_count()") == [(0,)]
    conn.execute("SELECT set_config('redshift.last_copy_count', '17', false)")
    assert run(conn, "SELECT pg_last_copy_count()") == [(17,)]


def test_catalog_functions_take_nulls(conn):
    assert conn.execute(
        f"SELECT {SCHEMA}.datediff('day', NULL::timestamp, now()::timestamp),"
        f" {SCHEMA}.dateadd('day', NULL, now()::timestamp), {SCHEMA}.strtol(NULL, 10)"
    ).fetchone() == (None, None, None)


def test_dateadd_keeps_time_zones_for_timestamptz(conn):
    conn.execute("SET timezone = 'UTC'")
    value = conn.execute(f"SELECT {SCHEMA}.dateadd('hour', 2, TIMESTAMPTZ '2018-11-01 10:00+00')").fetchone()[0]
    assert value == datetime.datetime(2018, 11, 1, 12, tzinfo=datetime.timezone.utc)


@pytest.fixture
def ordinary_user(postgres, database: str) -> Iterator[str]:
    """A role without superuser rights that may create tables in public; its connection string."""
    name, password = f"analyst_{secrets.token_hex(4)}", secrets.token_urlsafe(12)
    with psycopg.connect(database, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'")
        admin.execute(f"GRANT CREATE ON SCHEMA public TO {name}")
    yield f"host={postgres.host} port={postgres.port} user={name} password={password} dbname={DATABASE}"
    with psycopg.connect(database, autocommit=True) as admin:
        admin.execute(f"DROP OWNED BY {name}")
        admin.execute(f"DROP ROLE {name}")


def test_an_ordinary_user_records_designs_and_reads_the_catalog(ordinary_user):
    with psycopg.connect(ordinary_user, autocommit=True) as conn:
        run(conn, "CREATE TABLE mine (a INT DISTKEY, b INT) INTERLEAVED SORTKEY (a, b); INSERT INTO mine VALUES (1, 2)")
        assert run(conn, "SELECT diststyle, sortkey_num FROM svv_table_info WHERE \"table\" = 'mine'") == [
            ("KEY(a)", 2)
        ]
        assert run(
            conn, "SELECT \"column\", distkey, sortkey FROM pg_table_def WHERE tablename = 'mine' ORDER BY 1"
        ) == [("a", True, 1), ("b", False, -2)]
        assert run(
            conn,
            "SELECT DATEDIFF(day, '2018-01-01', '2018-01-03'), pg_last_copy_count(),"
            " (SELECT count(*) FROM stl_load_errors)",
        ) == [(2, 0, 0)]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f"DELETE FROM {SCHEMA}.table_design")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="must be owner"):
            run(conn, "ALTER TABLE redshift_system.stl_load_errors ALTER DISTSTYLE ALL")
