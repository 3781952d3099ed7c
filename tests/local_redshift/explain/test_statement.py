"""Which statements EXPLAIN takes (the EXPLAIN page: "You can use EXPLAIN only for the following commands: SELECT,
SELECT INTO, CREATE TABLE AS, INSERT, UPDATE, DELETE"; https://docs.aws.amazon.com/redshift/latest/dg/r_EXPLAIN.html),
and how the translation hands them to the endpoint."""

from __future__ import annotations

import pytest

from local_redshift.errors import SqlState, UnsupportedFeature
from local_redshift.translation import translate


@pytest.mark.parametrize(
    ("sql", "explained"),
    [
        ("EXPLAIN SELECT 1", "SELECT 1"),
        ("explain verbose select a from t", "SELECT a FROM t"),
        ("EXPLAIN WITH x AS (SELECT 1 AS a) SELECT a FROM x", "WITH x AS (SELECT 1 AS a) SELECT a FROM x"),
        ("EXPLAIN INSERT INTO t SELECT * FROM s", "INSERT INTO t SELECT * FROM s"),
        ("EXPLAIN UPDATE t SET a = 1", "UPDATE t SET a = 1"),
        ("EXPLAIN DELETE FROM t WHERE a = 1", "DELETE FROM t WHERE a = 1"),
    ],
)
def test_explain_keeps_the_translation_of_the_statement_it_explains(sql, explained):
    [statement] = translate(sql)
    assert statement.postgres == []
    assert statement.explain == explained


def test_the_statement_explained_is_translated_as_it_would_be_alone():
    sql = "SELECT GETDATE(), NVL(a, 0) FROM t"
    [statement] = translate(f"EXPLAIN {sql}")
    assert statement.explain == translate(sql)[0].postgres[0]


def test_create_table_as_is_explained():
    [statement] = translate("EXPLAIN CREATE TABLE t2 AS SELECT * FROM t")
    assert statement.explain is not None and statement.explain.upper().startswith("CREATE TABLE T2 AS SELECT")


@pytest.mark.parametrize(
    ("sql", "construct"),
    [
        ("EXPLAIN CREATE TABLE t (a INT)", "EXPLAIN CREATE TABLE"),
        ("EXPLAIN DROP TABLE t", "EXPLAIN DROP TABLE"),
        ("EXPLAIN VACUUM", "EXPLAIN VACUUM"),
        ("EXPLAIN ANALYZE SELECT 1", "EXPLAIN ANALYZE"),  # the syntax is EXPLAIN [ VERBOSE ] query
        ("EXPLAIN (FORMAT JSON) SELECT 1", "EXPLAIN with a list of options"),
    ],
)
def test_explain_refuses_what_redshift_cannot_explain(sql, construct):
    with pytest.raises(UnsupportedFeature) as refused:
        translate(sql)
    assert refused.value.message.startswith(f"{construct} is not supported by Amazon Redshift")
    assert refused.value.sqlstate is SqlState.FEATURE_NOT_SUPPORTED
