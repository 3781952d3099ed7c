"""What Amazon Redshift rejects and what the local Redshift does not do: refused by name."""

from __future__ import annotations

import pytest

from local_redshift.translation import UnsupportedFeature, translate
from tests.local_redshift.translation.support import one, run


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
        # the guide's banner: no new Python UDFs from Patch 198, none used after June 30, 2026
        ("CREATE FUNCTION f(a INT) RETURNS INT STABLE AS $$ return a $$ LANGUAGE plpythonu", "LANGUAGE plpythonu"),
        ("CREATE EXTENSION hstore", "CREATE EXTENSION"),
        ("COPY users TO 's3://b/users'", "COPY ... TO"),
        ("COPY users FROM STDIN", "COPY ... FROM STDIN"),
        ("COPY users FROM '/tmp/users.csv'", "COPY from a local file"),
        # Unsupported PostgreSQL data types
        ("CREATE TABLE s (id UUID)", "The UUID type"),
        ("SELECT '1.00'::money", "The MONEY type"),
        ("CREATE TABLE s (ip INET)", "The INET type"),
        ("CREATE TABLE s (h HSTORE)", "The HSTORE type"),
        ("SELECT '<a/>'::xml", "The XML type"),
        ("CREATE TABLE s (b BIT)", "The BIT type"),
        ("CREATE TABLE s (p POINT)", "The POINT type"),
        ("CREATE TABLE s (r INT4RANGE)", "The INT4RANGE type"),
        ("CREATE TABLE s (r TSTZMULTIRANGE)", "The TSTZMULTIRANGE type"),
        ("CREATE TYPE mood AS ENUM ('sad', 'happy')", "CREATE TYPE"),
        ("CREATE TABLE s (o OID)", "The OID type"),
        ("ALTER TABLE users ADD COLUMN r REGCLASS", "The REGCLASS type"),
        ("CREATE TABLE s (n NAME)", "The NAME type"),
        ('CREATE TABLE s (c "char")', 'The "char" type'),
        ("CREATE TYPE pair AS (a INT, b INT)", "CREATE TYPE"),
        # Unsupported PostgreSQL features
        ("CREATE TABLE s (a INT) PARTITION BY LIST (a)", "Table partitioning (PARTITION BY)"),
        ("CREATE TABLE s (a INT) PARTITION BY HASH (a)", "Table partitioning (PARTITION BY)"),
        ("CREATE TABLE s1 PARTITION OF s FOR VALUES FROM (1) TO (10)", "Table partitioning (PARTITION OF)"),
        ("CREATE TABLE s (a INT) TABLESPACE fast", "TABLESPACE"),
        ("CREATE TABLESPACE fast LOCATION '/ssd'", "CREATE TABLESPACE"),
        ("CREATE TABLE s (a INT CHECK (a > 0))", "A CHECK constraint"),
        ("CREATE TABLE s (a INT, CONSTRAINT positive CHECK (a > 0))", "A CHECK constraint"),
        ("ALTER TABLE users ADD CONSTRAINT positive CHECK (user_id > 0)", "A CHECK constraint"),
        ("CREATE TABLE s (a INT, EXCLUDE USING gist (a WITH =))", "An exclusion constraint (EXCLUDE)"),
        ("SELECT ROW(1, 'a')", "A row constructor"),
        ('SELECT first_name COLLATE "C" FROM users', "A locale-specific or user-defined collation"),
        ('CREATE TABLE s (a VARCHAR(10) COLLATE "en_US")', "A locale-specific or user-defined collation"),
        ("SELECT a FROM (VALUES (1), (2)) AS v (a)", "A VALUES list used as a constant table"),
        ("VALUES (1)", "A VALUES list used as a constant table"),
        ("CREATE FUNCTION f() RETURNS TABLE (a INT) AS $$ SELECT 1 $$ LANGUAGE sql", "A table function"),
        ("CREATE OR REPLACE FUNCTION f() RETURNS SETOF INT AS $$ SELECT 1 $$ LANGUAGE sql", "A table function"),
        ("CREATE FOREIGN TABLE f (a INT) SERVER s", "CREATE FOREIGN TABLE"),
        ("CREATE SERVER s FOREIGN DATA WRAPPER w", "CREATE SERVER"),
        ("CREATE USER MAPPING FOR bob SERVER s", "CREATE USER MAPPING"),
        ("LISTEN loads", "LISTEN"),
        ("UNLISTEN loads", "UNLISTEN"),
        ("NOTIFY loads", "NOTIFY"),
        # Window frames: ROWS only, and required with ORDER BY in an aggregate
        ("SELECT SUM(level) OVER (ORDER BY level RANGE UNBOUNDED PRECEDING) FROM users", "A RANGE window frame"),
        ("SELECT SUM(user_id) OVER (ORDER BY user_id GROUPS 1 PRECEDING) FROM users", "A GROUPS window frame"),
        (
            "SELECT SUM(user_id) OVER (ORDER BY user_id ROWS UNBOUNDED PRECEDING EXCLUDE TIES) FROM users",
            "EXCLUDE in a window frame",
        ),
        ("SELECT COUNT(*) OVER (PARTITION BY level ORDER BY user_id) FROM users", "ORDER BY and no frame clause"),
        ("SELECT VAR_POP(user_id) OVER (ORDER BY user_id) FROM users", "ORDER BY and no frame clause"),
        # Unsupported PostgreSQL functions
        ("SELECT STRING_AGG(first_name, ',') FROM users", "STRING_AGG()"),
        ("SELECT STRING_AGG(first_name, ',' ORDER BY first_name) FROM users", "STRING_AGG()"),
        ("SELECT ARRAY_AGG(user_id) FROM users", "ARRAY_AGG()"),
        ("SELECT EVERY(user_id > 0) FROM users", "EVERY()"),
        ("SELECT XMLAGG(first_name) FROM users", "XMLAGG()"),
        ("SELECT CORR(user_id, user_id) FROM users", "CORR()"),
        ("SELECT COVAR_SAMP(user_id, user_id) FROM users", "COVAR_SAMP()"),
        ("SELECT REGR_SXY(user_id, user_id) FROM users", "REGR_SXY()"),
        ("SELECT ARRAY_PREPEND(1, NULL)", "ARRAY_PREPEND()"),
        ("SELECT CARDINALITY(NULL)", "CARDINALITY()"),
        ("SELECT TRANSACTION_TIMESTAMP()", "TRANSACTION_TIMESTAMP()"),
        ("SELECT JUSTIFY_INTERVAL(INTERVAL '1 month')", "JUSTIFY_INTERVAL()"),
        ("SELECT DIV(9, 4)", "DIV()"),
        ("SELECT WIDTH_BUCKET(5, 0, 10, 5)", "WIDTH_BUCKET()"),
        ("SELECT CONVERT_FROM('abc', 'UTF8')", "CONVERT_FROM()"),
        ("SELECT FORMAT('%s', 1)", "FORMAT()"),
        ("SELECT REGEXP_SPLIT_TO_ARRAY('a b', ' ')", "REGEXP_SPLIT_TO_ARRAY()"),
        ("SELECT CURRENT_CATALOG", "CURRENT_CATALOG"),
        ("SELECT PG_TRIGGER_DEPTH()", "PG_TRIGGER_DEPTH()"),
        ("SELECT user_id IS NOT DISTINCT FROM NULL FROM users", "IS NOT DISTINCT FROM"),
        ("SELECT SETVAL('ids', 1)", "SETVAL()"),
        ("SELECT PG_TRY_ADVISORY_XACT_LOCK(1)", "PG_TRY_ADVISORY_XACT_LOCK()"),
        ("SELECT PG_TOTAL_RELATION_SIZE('users')", "PG_TOTAL_RELATION_SIZE()"),
        ("SELECT PG_LS_DIR('.')", "PG_LS_DIR()"),
        ("SELECT TXID_CURRENT_SNAPSHOT()", "TXID_CURRENT_SNAPSHOT()"),
        ("SELECT ENUM_RANGE(NULL)", "ENUM_RANGE()"),
        ("SELECT TO_TSQUERY('a')", "TO_TSQUERY()"),
        ("SELECT first_name @@ 'a' FROM users", "The text search operator @@"),
        ("SELECT XPATH('/a', NULL)", "XPATH()"),
        ("SELECT NETMASK(NULL)", "NETMASK()"),
        ("SELECT AREA(NULL)", "AREA()"),
        ("SELECT SUPPRESS_REDUNDANT_UPDATES_TRIGGER()", "SUPPRESS_REDUNDANT_UPDATES_TRIGGER()"),
        ("ROLLBACK TO SAVEPOINT before_load", "ROLLBACK TO SAVEPOINT"),
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
        ("COPY users FROM 'dynamodb://users' IAM_ROLE 'arn' READRATIO 50", "COPY from a source other than Amazon S3"),
        ("CREATE EXTERNAL SCHEMA ext FROM REDSHIFT DATABASE 'src' SCHEMA 'public'", "CREATE EXTERNAL SCHEMA"),
    ],
)
def test_what_the_local_redshift_does_not_do_is_refused(sql, construct):
    with pytest.raises(UnsupportedFeature, match=f"{construct} is not supported by the local Redshift"):
        translate(sql)


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT LISTAGG(first_name, ',') FROM users",
        "SELECT LISTAGG(DISTINCT first_name, ',') WITHIN GROUP (ORDER BY first_name) FROM users",
        "SELECT CONVERT(INTEGER, '2008')",
        "SELECT VERSION()",
        "SELECT SPLIT_TO_ARRAY('a,b', ',')",
        "SELECT PG_CANCEL_BACKEND(1)",
        "SELECT HAS_TABLE_PRIVILEGE('users', 'select')",
        "SELECT LOWER('A'), UPPER('a'), LENGTH('a')",
        "SELECT SUM(user_id) OVER (ORDER BY user_id ROWS UNBOUNDED PRECEDING) FROM users",
        "SELECT SUM(user_id) OVER (PARTITION BY level) FROM users",
        "SELECT ROW_NUMBER() OVER (ORDER BY user_id), RANK() OVER (ORDER BY user_id) FROM users",
        "SELECT 9 / 4",
        "INSERT INTO users (user_id) VALUES (1), (2)",
        "CREATE TABLE s (v VARBYTE(10), t TIME, i INTERVAL DAY TO SECOND)",  # GEOMETRY, SUPER: test_unbuilt_types
        "CREATE EXTERNAL TABLE spectrum.s (a INT) PARTITIONED BY (d DATE) STORED AS PARQUET LOCATION 's3://b/s/'",
        "WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r",
        "ROLLBACK",
        "SELECT 'users'::regclass::oid, 'a'::name, 'a'::\"char\"",
        "CREATE TABLE s (c CHAR, v VARCHAR)",
        "SELECT COLLATE(first_name, 'case_insensitive') FROM users",
    ],
)
def test_the_lookalikes_redshift_has_are_not_refused(sql):
    assert translate(sql)


def test_what_redshift_accepts_is_not_refused(conn):
    run(
        conn,
        "CREATE MATERIALIZED VIEW level_counts AS SELECT level, count(*) AS n FROM users GROUP BY level;"
        "CREATE OR REPLACE PROCEDURE noop() AS $$ BEGIN NULL; END; $$ LANGUAGE plpgsql; CALL noop();"
        "CREATE FUNCTION twice(INT) RETURNS INT STABLE AS $$ SELECT $1 * 2 $$ LANGUAGE sql",
    )
    assert one(conn, "SELECT twice(21)") == 42
