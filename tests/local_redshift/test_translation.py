"""Redshift SQL translated to PostgreSQL: each rule's output runs on a real PostgreSQL with the catalog installed."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import Decimal

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlglot import exp

from local_redshift.catalog import install
from local_redshift.translation import UnsupportedFeature, translate

DATABASE = "test_translation"

STAR_SCHEMA = """
CREATE TABLE IF NOT EXISTS songplays (songplay_id BIGINT IDENTITY(0,1) PRIMARY KEY,
    start_time TIMESTAMP NOT NULL SORTKEY, user_id INTEGER NOT NULL, level VARCHAR(10), song_id VARCHAR(32) DISTKEY,
    artist_id VARCHAR(32), session_id INTEGER, location VARCHAR(256), user_agent VARCHAR(MAX) ENCODE ZSTD);
CREATE TABLE users (user_id INTEGER NOT NULL SORTKEY, first_name VARCHAR, last_name VARCHAR, gender CHAR(1),
    level VARCHAR) DISTSTYLE ALL;
CREATE TABLE time (start_time TIMESTAMP NOT NULL, hour SMALLINT, day SMALLINT, week SMALLINT, month SMALLINT,
    year SMALLINT, weekday SMALLINT) DISTSTYLE KEY DISTKEY(start_time) COMPOUND SORTKEY(start_time, year);
CREATE TABLE staging_events (artist VARCHAR, auth VARCHAR, firstName VARCHAR, gender CHAR(1), itemInSession INTEGER,
    lastName VARCHAR, length FLOAT, level VARCHAR, location VARCHAR, method VARCHAR, page VARCHAR, registration FLOAT,
    sessionId INTEGER, song VARCHAR, status INTEGER, ts BIGINT, userAgent VARCHAR(MAX), userId INTEGER) DISTSTYLE EVEN;
"""


@pytest.fixture(scope="module")
def database(postgres) -> Iterator[str]:
    """A fresh database with the Redshift catalog; its connection string."""
    with psycopg.connect(postgres.conninfo(), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {DATABASE}")
    with psycopg.connect(postgres.conninfo(DATABASE), autocommit=True) as conn:
        install(conn)
        run(conn, STAR_SCHEMA)
    yield postgres.conninfo(DATABASE)


@pytest.fixture
def conn(database: str) -> Iterator[psycopg.Connection]:
    with psycopg.connect(database, autocommit=True) as connection:
        yield connection


def run(conn: psycopg.Connection, sql: str) -> list[tuple]:
    """Run Redshift `sql` as the endpoint does (each statement's PostgreSQL in one transaction); the last rows."""
    rows: list[tuple] = []
    for statement in translate(sql):
        with conn.transaction():
            for position, postgres in enumerate(statement.postgres):
                cursor = conn.execute(postgres.encode())
                if position == 0:
                    rows = cursor.fetchall() if cursor.description else []
    return rows


def one(conn: psycopg.Connection, sql: str) -> object:
    """The single value the Redshift query `sql` returns."""
    [(value,)] = run(conn, sql)
    return value


def column_names(conn: psycopg.Connection, sql: str) -> list[str]:
    [statement] = translate(sql)
    cursor = conn.execute(statement.postgres[0].encode())
    return [column.name for column in cursor.description or []]


# --- Statements ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n", "-- a comment only", "/* block */ -- and line", ";", " ; ;; "])
def test_no_statement_in_empty_text(text):
    assert translate(text) == []


def test_splits_on_semicolons_outside_strings_comments_and_dollar_quotes():
    sql = "SELECT 'a;b'; -- c; d\nCREATE PROCEDURE p() AS $$ BEGIN NULL; END; $$ LANGUAGE plpgsql;SELECT 2"
    assert [s.source for s in translate(sql)] == [
        "SELECT 'a;b'",
        "CREATE PROCEDURE p() AS $$ BEGIN NULL; END; $$ LANGUAGE plpgsql",
        "SELECT 2",
    ]


@pytest.mark.parametrize(
    "sql",
    [
        "BEGIN",
        "START TRANSACTION",
        "COMMIT",
        "ROLLBACK",
        "END",
        "SET search_path TO public",
        "SHOW search_path",
        "SET timezone = 'UTC'",
    ],
)
def test_session_and_transaction_commands_pass_as_written(sql, conn):
    [statement] = translate(sql)
    assert statement.postgres == [sql]
    if sql.startswith(("SET", "SHOW")):
        run(conn, sql)


def test_redshift_only_settings_are_accepted(conn):
    run(conn, "SET enable_result_cache_for_session TO off")
    assert run(conn, "SHOW enable_result_cache_for_session") == [("off",)]
    run(conn, "RESET enable_result_cache_for_session; SET search_path TO public")


def test_current_database_is_the_name_the_cluster_was_created_with(conn):
    assert one(conn, "SELECT current_database()") == one(conn, "SELECT pg_catalog.current_database()")
    conn.execute("SET redshift.database = 'dwh'")  # what the endpoint sets on each cluster's database
    assert one(conn, "SELECT current_database()") == "dwh"


@pytest.mark.parametrize(
    ("sql", "vacuum"),
    [
        ("VACUUM", "VACUUM"),
        ("VACUUM FULL users", "VACUUM users"),
        ("VACUUM SORT ONLY users TO 75 PERCENT", "VACUUM users"),
        ("VACUUM DELETE ONLY public.users", "VACUUM public.users"),
        ("VACUUM REINDEX users BOOST", "VACUUM users"),
    ],
)
def test_vacuum_options_are_redshift_s(conn, sql, vacuum):
    [statement] = translate(sql)
    assert statement.postgres == [vacuum]
    conn.execute(vacuum.encode())  # outside a transaction block, as on Redshift


def test_text_sqlglot_cannot_parse_goes_to_postgres_as_written(conn):
    [statement] = translate("SELECT 1 +")
    assert statement.postgres == ["SELECT 1 +"]
    with pytest.raises(psycopg.errors.SyntaxError):
        run(conn, "SELECT 1 +")


def test_unterminated_string_goes_to_postgres_as_written():
    assert [s.postgres for s in translate("SELECT 'oops")] == [["SELECT 'oops"]]


# --- Table design -------------------------------------------------------------------------------------------


def test_star_schema_design_is_in_pg_table_def(conn):
    rows = run(
        conn,
        """SELECT tablename, "column", type, encoding, distkey, sortkey, "notnull" FROM pg_table_def
                        WHERE schemaname = 'public' AND tablename IN ('songplays', 'time')
                        ORDER BY tablename, "column" """,
    )
    design = {
        (table, column): (type_, encoding.strip(), distkey, sortkey, notnull)
        for table, column, type_, encoding, distkey, sortkey, notnull in rows
    }
    assert design["songplays", "song_id"] == ("character varying(32)", "lzo", True, 0, False)
    assert design["songplays", "start_time"] == ("timestamp without time zone", "none", False, 1, True)
    assert design["songplays", "user_agent"] == ("character varying(65535)", "zstd", False, 0, False)
    assert design["songplays", "songplay_id"] == ("bigint", "az64", False, 0, True)
    assert design["time", "start_time"][2:4] == (True, 1)
    assert design["time", "year"][2:4] == (False, 2)


def test_star_schema_design_is_in_svv_table_info(conn):
    run(
        conn,
        "INSERT INTO songplays (start_time, user_id, song_id) VALUES ('2018-11-01', 1, 'S1');"
        "INSERT INTO users VALUES (1, 'Ann', 'Lee', 'F', 'free');"
        "INSERT INTO time (start_time, year) VALUES ('2018-11-01', 2018);"
        "INSERT INTO staging_events (userId) VALUES (1)",
    )
    rows = run(conn, 'SELECT "table", diststyle, sortkey1, sortkey_num, tbl_rows FROM svv_table_info ORDER BY 1')
    assert rows == [
        ("songplays", "KEY(song_id)", "start_time", 1, 1),
        ("staging_events", "EVEN", "AUTO(SORTKEY)", 0, 1),
        ("time", "KEY(start_time)", "start_time", 2, 1),
        ("users", "ALL", "user_id", 1, 1),
    ]


def test_create_table_if_not_exists_keeps_the_existing_design(conn):
    run(conn, "CREATE TABLE IF NOT EXISTS users (user_id INTEGER) DISTSTYLE EVEN")
    assert one(conn, "SELECT diststyle FROM redshift_system.table_design WHERE relid = 'users'::regclass") == "ALL"


def test_identity_starts_at_its_seed_and_refuses_explicit_values(conn):
    run(
        conn,
        "CREATE TABLE ident (id BIGINT IDENTITY(0,1), name VARCHAR(10)); INSERT INTO ident (name) VALUES ('a'), ('b')",
    )
    assert run(conn, "SELECT id FROM ident ORDER BY id") == [(0,), (1,)]
    with pytest.raises(psycopg.errors.GeneratedAlways):
        run(conn, "INSERT INTO ident (id, name) VALUES (7, 'c')")


def test_generated_by_default_identity_takes_explicit_values(conn):
    run(
        conn,
        "CREATE TABLE by_default (id INT GENERATED BY DEFAULT AS IDENTITY(0, 10), name CHAR(1));"
        "INSERT INTO by_default (name) VALUES ('a'); INSERT INTO by_default VALUES (5, 'b')",
    )
    assert run(conn, "SELECT id FROM by_default ORDER BY id") == [(0,), (5,)]


def test_key_constraints_are_informational_only(conn):
    run(
        conn,
        "CREATE TABLE keyed (id INT PRIMARY KEY, code INT UNIQUE, parent INT REFERENCES keyed (id),"
        " other INT, CONSTRAINT pk_other PRIMARY KEY (other), UNIQUE (code), FOREIGN KEY (parent) REFERENCES users);"
        "INSERT INTO keyed VALUES (1, 1, 99, 1), (1, 1, 98, 1)",
    )
    assert one(conn, "SELECT count(*) FROM keyed") == 2
    assert run(conn, """SELECT "column", "notnull" FROM pg_table_def WHERE tablename = 'keyed' ORDER BY 1""") == [
        ("code", False),
        ("id", True),
        ("other", True),
        ("parent", False),
    ]


def test_character_types_get_redshift_lengths(conn):
    run(conn, "CREATE TABLE texts (a VARCHAR, b CHAR, c TEXT, d BPCHAR, e NVARCHAR, f CHARACTER VARYING(MAX))")
    assert run(conn, """SELECT type FROM pg_table_def WHERE tablename = 'texts' ORDER BY "column" """) == [
        ("character varying(256)",),
        ("character(1)",),
        ("character varying(256)",),
        ("character(256)",),
        ("character varying(256)",),
        ("character varying(65535)",),
    ]


def test_varchar_max_in_a_cast(conn):
    assert one(conn, "SELECT CAST('x' AS VARCHAR(MAX))") == "x"


def test_interleaved_sortkey_and_encode_auto(conn):
    run(conn, "CREATE TABLE inter (a INT, b INT, c INT) INTERLEAVED SORTKEY (a, b, c) ENCODE AUTO BACKUP NO")
    assert run(conn, """SELECT sortkey FROM pg_table_def WHERE tablename = 'inter' ORDER BY "column" """) == [
        (1,),
        (-2,),
        (3,),
    ]
    assert one(conn, "SELECT backup FROM redshift_system.table_design WHERE relid = 'inter'::regclass") is False


def test_sortkey_auto_and_diststyle_auto(conn):
    run(conn, "CREATE TABLE automatic (a INT) DISTSTYLE AUTO SORTKEY AUTO; INSERT INTO automatic VALUES (1)")
    assert run(conn, "SELECT diststyle, sortkey1 FROM svv_table_info WHERE \"table\" = 'automatic'") == [
        ("AUTO(EVEN)", "AUTO(SORTKEY)")
    ]


def test_create_table_like_inherits_the_design(conn):
    run(
        conn,
        "CREATE TABLE songplays_copy (LIKE songplays); CREATE TABLE songplays_even (LIKE songplays) DISTSTYLE EVEN",
    )
    rows = run(
        conn,
        "SELECT relid::regclass::text, diststyle, distkey, sortkey, encodings FROM redshift_system.table_design"
        " WHERE relid IN ('songplays_copy'::regclass, 'songplays_even'::regclass) ORDER BY 1",
    )
    assert rows == [
        ("songplays_copy", "KEY", "song_id", ["start_time"], {"user_agent": "zstd"}),
        ("songplays_even", "EVEN", None, ["start_time"], {"user_agent": "zstd"}),
    ]


def test_create_table_as_with_distkey_and_sortkey(conn):
    run(conn, "CREATE TABLE user_levels DISTKEY(user_id) SORTKEY(level) AS SELECT user_id, level FROM users")
    assert run(
        conn,
        """SELECT "column", distkey, sortkey FROM pg_table_def WHERE tablename = 'user_levels'
                        ORDER BY 1""",
    ) == [("level", False, 1), ("user_id", True, 0)]


def test_temporary_tables_plain_and_hash_named(conn):
    run(
        conn,
        "CREATE TEMP TABLE scratch (a INT) DISTKEY(a); CREATE TABLE #hashed (b INT); INSERT INTO #hashed VALUES (2)",
    )
    assert one(conn, "SELECT b FROM #hashed") == 2
    assert one(conn, "SELECT relpersistence FROM pg_class WHERE oid = 'hashed'::regclass") == "t"
    assert one(conn, "SELECT distkey FROM pg_table_def WHERE tablename = 'scratch'") is True


def test_alter_table_changes_the_recorded_design(conn):
    run(conn, "CREATE TABLE altered (a INT, b INT) DISTSTYLE EVEN; INSERT INTO altered VALUES (1, 2)")
    info = "SELECT diststyle, sortkey1, sortkey_num FROM svv_table_info WHERE \"table\" = 'altered'"
    run(conn, "ALTER TABLE altered ALTER DISTSTYLE KEY DISTKEY b; ALTER TABLE altered ALTER COMPOUND SORTKEY (b, a)")
    assert run(conn, info) == [("KEY(b)", "b", 2)]
    run(conn, "ALTER TABLE altered ALTER DISTSTYLE ALL; ALTER TABLE altered ALTER SORTKEY NONE")
    assert run(conn, info) == [("ALL", None, 0)]
    run(conn, "ALTER TABLE altered ALTER DISTKEY a; ALTER TABLE altered ALTER SORTKEY AUTO")
    assert run(conn, info) == [("KEY(a)", "AUTO(SORTKEY)", 0)]


def test_encode_on_a_column_added_later(conn):
    run(conn, "CREATE TABLE grows (a INT); ALTER TABLE grows ADD COLUMN b VARCHAR(10) ENCODE zstd")
    assert one(conn, "SELECT count(*) FROM pg_table_def WHERE tablename = 'grows'") == 2


def test_quoted_names_fold_to_lower_case(conn):
    run(conn, 'CREATE TABLE "MixedCase" ("ColumnA" INT); INSERT INTO MixedCase VALUES (1)')
    assert column_names(conn, 'SELECT "ColumnA" AS "Alias" FROM "MIXEDCASE"') == ["alias"]
    assert one(conn, "SELECT columna FROM mixedcase") == 1


# --- Functions ----------------------------------------------------------------------------------------------


def test_tutorial_time_table_query(conn):
    run(conn, "INSERT INTO staging_events (ts, userId, level) VALUES (1541105830796, 7, 'free')")
    rows = run(
        conn,
        """SELECT DISTINCT TIMESTAMP 'epoch' + ts/1000 * INTERVAL '1 second' AS start_time,
                           EXTRACT(hour FROM start_time), EXTRACT(week FROM start_time),
                           EXTRACT(dayofweek FROM start_time)
                        FROM staging_events WHERE userId = 7""",
    )
    assert rows == [(datetime.datetime(2018, 11, 1, 20, 57, 10), 20, 44, 4)]


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        ("dayofweek", 0),
        ("dow", 0),
        ("dw", 0),
        ("weekday", 0),
        ("dayofyear", 308),
        ("doy", 308),
        ("yearday", 308),
        ("y", 2018),
        ("yrs", 2018),
        ("qtr", 4),
        ("mon", 11),
        ("w", 44),
        ("d", 4),
        ("h", 13),
        ("m", 5),
        ("mins", 5),
        ("s", 3),
        ("sec", 3),
        ("ms", 189),
        ("msec", 189),
        ("us", 717),
        ("epoch", 1541336703),
        ("decade", 201),
        ("century", 21),
        ("mil", 3),
    ],
)
def test_extract_date_parts_are_integers(conn, part, expected):
    value = one(conn, f"SELECT EXTRACT({part} FROM TIMESTAMP '2018-11-04 13:05:03.189717')")
    assert value == expected and isinstance(value, int)


def test_extract_column_is_named_date_part(conn):
    assert column_names(conn, "SELECT EXTRACT(dayofweek FROM '2018-11-04'::date)") == ["date_part"]
    assert one(conn, "SELECT EXTRACT(dayofweek FROM '2018-11-04'::date)") == 0


def test_date_part_returns_the_whole_seconds(conn):
    assert one(conn, "SELECT DATE_PART(sec, TIMESTAMP '2009-09-21 11:10:03.189717')") == 3.189717
    assert one(conn, "SELECT DATE_PART('dw', DATE '2018-11-04')") == 0
    assert column_names(conn, "SELECT PGDATE_PART(dow, DATE '2018-11-04')") == ["pgdate_part"]


def test_date_trunc_understands_abbreviations(conn):
    assert one(conn, "SELECT DATE_TRUNC('w', TIMESTAMP '2018-11-04 13:05')") == datetime.datetime(2018, 10, 29)


@pytest.mark.parametrize(
    ("part", "start", "end", "expected"),
    [
        ("day", "2018-11-01 23:00", "2018-11-02 01:00", 1),
        ("days", "2018-11-02 01:00", "2018-11-01 23:00", -1),
        ("hour", "2009-01-01 08:30:00", "2009-01-01 10:00:00", 2),
        ("minute", "2009-01-01 08:30:59", "2009-01-01 08:31:00", 1),
        ("second", "2009-01-01 08:30:59.9", "2009-01-01 08:31:00.1", 1),
        ("ms", "2009-01-01 08:30:59.9991", "2009-01-01 08:31:00.0001", 1),
        ("week", "2009-01-01", "2009-12-31", 52),
        ("week", "2018-11-04", "2018-11-05", 1),
        ("month", "2018-01-31", "2018-02-01", 1),
        ("qtr", "2018-03-31", "2018-04-01", 1),
        ("year", "2008-12-31", "2009-01-01", 1),
    ],
)
def test_datediff_counts_boundaries(conn, part, start, end, expected):
    assert one(conn, f"SELECT DATEDIFF({part}, '{start}', '{end}')") == expected


def _boundaries_crossed(part: str, start: datetime.datetime, end: datetime.datetime) -> int:
    """DATEDIFF as the Redshift documentation defines it: how many `part` boundaries lie between the two."""

    def monday(moment: datetime.datetime) -> datetime.date:
        return moment.date() - datetime.timedelta(days=moment.weekday())

    def truncated(moment: datetime.datetime, seconds: int) -> float:
        return (moment - datetime.datetime(2000, 1, 1)).total_seconds() // seconds

    return {
        "year": lambda: end.year - start.year,
        "quarter": lambda: (end.year * 4 + (end.month - 1) // 3) - (start.year * 4 + (start.month - 1) // 3),
        "month": lambda: (end.year * 12 + end.month) - (start.year * 12 + start.month),
        "week": lambda: (monday(end) - monday(start)).days // 7,
        "day": lambda: (end.date() - start.date()).days,
        "hour": lambda: int(truncated(end, 3600) - truncated(start, 3600)),
        "minute": lambda: int(truncated(end, 60) - truncated(start, 60)),
        "second": lambda: int(truncated(end, 1) - truncated(start, 1)),
    }[part]()


moments = st.datetimes(min_value=datetime.datetime(1990, 1, 1), max_value=datetime.datetime(2030, 12, 31))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    part=st.sampled_from(["year", "quarter", "month", "week", "day", "hour", "minute", "second"]),
    start=moments,
    end=moments,
)
def test_datediff_matches_the_documented_boundary_count(conn, part, start, end):
    sql = f"SELECT DATEDIFF({part}, TIMESTAMP '{start.isoformat(' ')}', TIMESTAMP '{end.isoformat(' ')}')"
    assert one(conn, sql) == _boundaries_crossed(part, start, end)


def test_datediff_of_columns_and_its_column_name(conn):
    sql = "SELECT DATEDIFF('day', start_time, start_time + INTERVAL '2 hours') FROM songplays LIMIT 1"
    assert column_names(conn, sql) == ["date_diff"]
    assert one(conn, sql) == 0


def test_datediff_refuses_an_unknown_date_part(conn):
    with pytest.raises(psycopg.errors.InvalidParameterValue):
        run(conn, "SELECT DATEDIFF(fortnight, '2018-01-01', '2018-02-01')")


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("DATEADD(month, 1, '2008-01-31')", datetime.datetime(2008, 2, 29)),
        ("DATEADD(month, 1, '2008-04-30')", datetime.datetime(2008, 5, 30)),
        ("DATEADD(month, 18, DATE '2008-02-28')", datetime.datetime(2009, 8, 28)),
        ("DATEADD(m, 30, '2008-02-28')", datetime.datetime(2008, 2, 28, 0, 30)),
        ("DATEADD(qtr, -1, TIMESTAMP '2008-05-15 10:00')", datetime.datetime(2008, 2, 15, 10)),
        ("DATEADD(w, 2, '2008-02-28')", datetime.datetime(2008, 3, 13)),
        ("ADD_MONTHS('2008-04-30', 1)", datetime.datetime(2008, 5, 31)),
        ("ADD_MONTHS('2008-03-31', 1)", datetime.datetime(2008, 4, 30)),
        ("ADD_MONTHS(TIMESTAMP '2008-01-01 05:07:30', 1)", datetime.datetime(2008, 2, 1, 5, 7, 30)),
    ],
)
def test_dateadd_and_add_months(conn, sql, expected):
    assert one(conn, f"SELECT {sql}") == expected


def test_getdate_is_a_timestamp_without_fraction_and_sysdate_the_transaction_start(conn):
    getdate = one(conn, "SELECT GETDATE()")
    assert isinstance(getdate, datetime.datetime) and getdate.tzinfo is None and getdate.microsecond == 0
    rows = run(conn, "SELECT SYSDATE = LOCALTIMESTAMP, pg_typeof(SYSDATE)::text")
    assert rows == [(True, "timestamp without time zone")]
    assert column_names(conn, "SELECT GETDATE(), SYSDATE") == ["timestamp", "timestamp"]
    assert one(conn, "SELECT TRUNC(GETDATE()) = CURRENT_DATE") is True


def test_listagg_within_group(conn):
    run(conn, "INSERT INTO staging_events (userId, level) VALUES (8, 'paid'), (8, 'free'), (8, 'paid')")
    sql = (
        "SELECT userId, LISTAGG(DISTINCT level, ',') WITHIN GROUP (ORDER BY level) FROM staging_events"
        " WHERE userId = 8 GROUP BY userId"
    )
    assert run(conn, sql) == [(8, "free,paid")]
    assert column_names(conn, sql) == ["userid", "listagg"]
    assert one(
        conn, "SELECT LISTAGG(level) WITHIN GROUP (ORDER BY level DESC) FROM staging_events WHERE userId = 8"
    ) == ("paidpaidfree")
    assert (
        one(conn, "SELECT LISTAGG(level, '|') FROM staging_events WHERE userId = 8 AND level = 'paid'") == "paid|paid"
    )


def test_nvl_nvl2_and_decode_with_null_matching_null(conn):
    assert run(conn, "SELECT NVL(NULL, 'b'), NVL2(NULL, 'set', 'unset'), NVL2(1, 'set', 'unset')") == [
        ("b", "unset", "set")
    ]
    assert one(conn, "SELECT DECODE(NULL, 1, 'one', NULL, 'null', 'other')") == "null"
    assert run(conn, "SELECT DECODE(level, 'free', 0, 'paid', 1, NULL, -1) FROM (SELECT NULL::varchar AS level) t") == [
        (-1,)
    ]


def test_convert_timezone(conn):
    assert one(conn, "SELECT CONVERT_TIMEZONE('UTC', 'America/New_York', '2018-11-04 12:00:00')") == (
        datetime.datetime(2018, 11, 4, 7)
    )
    assert one(conn, "SELECT CONVERT_TIMEZONE('America/New_York', TIMESTAMP '2018-07-04 12:00:00')") == (
        datetime.datetime(2018, 7, 4, 8)
    )


def test_len_charindex_and_strtol(conn):
    assert run(conn, "SELECT LEN('Sparkify'), CHARINDEX('ark', 'Sparkify'), CHARINDEX('x', 'Sparkify')") == [(8, 3, 0)]
    assert run(conn, "SELECT STRTOL('0xf', 16), STRTOL('abcd1234', 16), STRTOL('110101', 2), STRTOL('-17', 10)") == [
        (15, 2882343476, 53, -17)
    ]


def test_trunc_of_a_timestamp_and_of_a_number(conn):
    assert run(conn, "SELECT TRUNC(TIMESTAMP '2008-12-04 16:10:43'), TRUNC(12.75), TRUNC(12.758, 2)") == [
        (datetime.date(2008, 12, 4), Decimal("12"), Decimal("12.75"))
    ]


def test_top_becomes_limit(conn):
    assert run(conn, "SELECT TOP 1 user_id FROM users") == [(1,)]


# --- System views and COPY -----------------------------------------------------------------------------------


def test_system_views_and_pg_last_copy_count_are_the_catalog_ones(conn):
    assert one(conn, "SELECT count(*) FROM stl_load_errors") == 0
    assert one(conn, "SELECT count(*) FROM pg_catalog.svv_tables WHERE table_name = 'songplays'") == 1
    assert one(conn, "SELECT count(*) FROM PG_TABLE_DEF WHERE tablename = 'users'") == 5
    assert one(conn, "SELECT pg_last_copy_count()") == 0
    conn.execute("SELECT set_config('redshift.last_copy_count', '42', false)")
    assert one(conn, "SELECT pg_last_copy_count()") == 42


def test_copy_from_s3_is_handed_over_untranslated():
    sql = (
        "COPY staging_events FROM 's3://udacity-dend/log_data' IAM_ROLE 'arn:aws:iam::1:role/dwh'"
        " FORMAT AS JSON 's3://udacity-dend/log_json_path.json' REGION 'us-west-2' TIMEFORMAT AS 'epochmillisecs'"
        " TRUNCATECOLUMNS BLANKSASNULL COMPUPDATE OFF"
    )
    [statement] = translate(sql)
    assert statement.postgres == [] and isinstance(statement.copy, exp.Copy)
    assert statement.copy.this.name == "staging_events"
    assert statement.copy.args["credentials"].args["iam_role"].name == "arn:aws:iam::1:role/dwh"
    params = {
        param.name: param.expression.name if param.expression else None for param in statement.copy.args["params"]
    }
    assert params == {
        "JSON": "s3://udacity-dend/log_json_path.json",
        "REGION": "us-west-2",
        "TIMEFORMAT": "epochmillisecs",
        "TRUNCATECOLUMNS": None,
        "BLANKSASNULL": None,
        "COMPUPDATE": "OFF",
    }


def test_copy_csv_options():
    [statement] = translate(
        "COPY t (a, b) FROM 's3://b/k' CREDENTIALS 'aws_iam_role=arn' CSV QUOTE AS '\"' "
        "IGNOREHEADER 1 DELIMITER ',' ACCEPTINVCHARS MAXERROR AS 10 GZIP"
    )
    assert statement.copy is not None
    params = [
        (param.name, param.expression.name if param.expression else None) for param in statement.copy.args["params"]
    ]
    assert params == [
        ("CSV", None),
        ("QUOTE", '"'),
        ("IGNOREHEADER", "1"),
        ("DELIMITER", ","),
        ("ACCEPTINVCHARS", None),
        ("MAXERROR", "10"),
        ("GZIP", None),
    ]


# --- What Redshift rejects ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sql", "construct"),
    [
        ("INSERT INTO users VALUES (1) ON CONFLICT DO NOTHING", "INSERT ... ON CONFLICT"),
        ("INSERT INTO users (user_id) VALUES (1) RETURNING user_id", "RETURNING"),
        ("CREATE TABLE s (id SERIAL)", "SERIAL"),
        ("CREATE TABLE s (id BIGSERIAL)", "BIGSERIAL"),
        ("CREATE TABLE s (id SMALLSERIAL)", "SMALLSERIAL"),
        ("CREATE TABLE s (ids INT[])", "array type"),
        ("SELECT ARRAY[1, 2]", "ARRAY[...]"),
        ("CREATE TABLE s (doc JSONB)", "JSONB type"),
        ("CREATE TABLE s (doc JSON)", "JSON type"),
        ("CREATE UNLOGGED TABLE s (a INT)", "UNLOGGED"),
        ("CREATE TABLE s (a INT) INHERITS (users)", "inheritance"),
        ("CREATE TABLE s (id INT GENERATED ALWAYS AS IDENTITY)", "GENERATED ALWAYS AS IDENTITY"),
        ("CREATE INDEX users_level ON users (level)", "CREATE INDEX"),
        ("CREATE SEQUENCE ids", "CREATE SEQUENCE"),
        ("CREATE TRIGGER t AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION f()", "CREATE TRIGGER"),
        ("CREATE FUNCTION f() RETURNS INT LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$", "LANGUAGE plpgsql"),
        ("CREATE EXTENSION hstore", "CREATE EXTENSION"),
        ("COPY users TO 's3://b/users'", "COPY ... TO"),
        ("COPY users FROM STDIN", "COPY ... FROM STDIN"),
        ("COPY users FROM '/tmp/users.csv'", "COPY from a local file"),
    ],
)
def test_sql_redshift_rejects_is_refused_with_its_name(sql, construct):
    with pytest.raises(UnsupportedFeature, match="not supported by Amazon Redshift") as refused:
        translate(sql)
    assert construct in str(refused.value)
    assert refused.value.sqlstate == "0A000"


@pytest.mark.parametrize(
    ("sql", "construct"),
    [
        ("UNLOAD ('SELECT * FROM users') TO 's3://b/users' IAM_ROLE 'arn'", "UNLOAD"),
        ("COPY users FROM 'dynamodb://users' IAM_ROLE 'arn' READRATIO 50", "COPY from a source other than Amazon S3"),
    ],
)
def test_what_the_local_redshift_does_not_do_is_refused(sql, construct):
    with pytest.raises(UnsupportedFeature, match=f"{construct} is not supported by the local Redshift"):
        translate(sql)


def test_what_redshift_accepts_is_not_refused(conn):
    run(
        conn,
        "CREATE MATERIALIZED VIEW level_counts AS SELECT level, count(*) AS n FROM users GROUP BY level;"
        "CREATE OR REPLACE PROCEDURE noop() AS $$ BEGIN NULL; END; $$ LANGUAGE plpgsql; CALL noop();"
        "CREATE FUNCTION twice(INT) RETURNS INT STABLE AS $$ SELECT $1 * 2 $$ LANGUAGE sql",
    )
    assert one(conn, "SELECT twice(21)") == 42
