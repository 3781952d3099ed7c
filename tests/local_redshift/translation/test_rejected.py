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
