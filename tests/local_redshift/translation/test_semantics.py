"""Semantics beyond what a conformance case shows: where the conversion and comparison operators are found, that
the normal types keep their plans, and what the alias and byte-length rules leave alone."""

from __future__ import annotations

import psycopg
import pytest

from local_redshift.catalog import install
from local_redshift.translation import translate
from tests.local_redshift.translation.support import column_names, one, run


def _plan(conn: psycopg.Connection, sql: str) -> str:
    [statement] = translate(sql)
    return "\n".join(row[0] for row in conn.execute(f"EXPLAIN {statement.postgres[0]}".encode()))


def test_the_operators_are_found_whatever_the_search_path(conn):
    run(conn, "CREATE TABLE IF NOT EXISTS epochs (ts VARCHAR(20)); TRUNCATE epochs")
    run(conn, "INSERT INTO epochs VALUES ('1541903636000')")
    run(conn, "CREATE SCHEMA IF NOT EXISTS elsewhere; SET search_path TO elsewhere")
    try:
        assert one(conn, "SELECT public.epochs.ts / 1000 FROM public.epochs") == 1541903636
        assert one(conn, "SELECT count(*) FROM public.epochs WHERE ts = 1541903636000") == 1
        assert one(conn, "SELECT CAST('a' AS VARCHAR) = CAST('a  ' AS VARCHAR)") is True
    finally:
        run(conn, "SET search_path TO public")


def test_installing_the_catalog_again_keeps_the_operators(conn):
    operators = "SELECT count(*) FROM pg_operator WHERE oprcode::text LIKE 'redshift_system.%'"
    before = one(conn, operators)
    install(conn)
    assert before > 0 and one(conn, operators) == before
    assert one(conn, "SELECT count(*) FROM pg_operator WHERE oprnamespace <> 'pg_catalog'::regnamespace") == 0
    assert one(conn, "SELECT CAST('41' AS VARCHAR) + 1") == 42


def test_varchar_equality_keeps_hash_joins_and_hash_aggregation(conn):
    run(conn, "CREATE TABLE IF NOT EXISTS streets (street VARCHAR(40), zone INT)")
    assert "Hash Join" in _plan(conn, "SELECT a.zone FROM streets a JOIN streets b ON a.street = b.street")
    assert "HashAggregate" in _plan(conn, "SELECT street, count(*) FROM streets GROUP BY street")


def test_numbers_and_text_keep_their_own_operators(conn):
    assert run(conn, "SELECT 7 / 2, 7 % 3, 'b' > 'a', CAST(1 AS BIGINT) = CAST(1 AS NUMERIC)") == [(3, 1, True, True)]
    # text the translator cannot see is a string (COALESCE of strings) keeps PostgreSQL's comparison: a known
    # difference
    assert one(conn, "SELECT coalesce('a', 'b') = 'a '") is False


def test_a_correlated_subquery_does_not_see_the_outer_alias():
    [statement] = translate("SELECT a AS x FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.c = x)")
    assert statement.postgres[0] == "SELECT a AS x FROM t WHERE EXISTS(SELECT 1 FROM u WHERE u.c = x)"


@pytest.mark.parametrize(
    "sql",
    [
        "CREATE PROCEDURE p(a VARCHAR(5)) AS $$ BEGIN NULL; END; $$ LANGUAGE plpgsql",
        "CREATE TABLE t (a CHAR(5), b INT)",
        "SELECT CAST('abc' AS VARCHAR(2))",
    ],
)
def test_only_varchar_columns_of_tables_get_a_byte_check(sql):
    assert "varchar_too_long" not in translate(sql)[0].postgres[0]


def test_a_null_fits_any_varchar(conn):
    run(conn, "CREATE TABLE IF NOT EXISTS nullable (s VARCHAR(1)); TRUNCATE nullable")
    run(conn, "INSERT INTO nullable VALUES (NULL), ('a')")
    assert one(conn, "SELECT count(*) FROM nullable") == 2


def test_a_cast_to_varchar_keeps_its_column_name_and_nulls(conn):
    assert column_names(conn, "select cast('Fourscore and seven' as varchar(5))") == ["varchar"]
    assert one(conn, "SELECT CAST(NULL AS VARCHAR(3))") is None
