"""Numbers: the types the translation reads off a statement, and the catalog's AVG, SUM, ROUND and TRUNC."""

from __future__ import annotations

import psycopg
import pytest
import sqlglot

from local_redshift.translation import translate
from local_redshift.translation.numbers import numeric_type
from local_redshift.translation.parser import LocalRedshift
from tests.local_redshift.translation.support import one, run


def _type_of(expression: str) -> tuple[str, int, int] | None:
    return numeric_type(sqlglot.parse_one(f"SELECT {expression}", dialect=LocalRedshift).expressions[0])


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("7", ("integer", 10, 0)),
        ("9000000000", ("integer", 19, 0)),
        ("48.2891", ("decimal", 6, 4)),
        ("0.5", ("decimal", 1, 1)),
        ("1e3", ("float", 0, 0)),
        ("CAST(x AS DECIMAL(8,2))", ("decimal", 8, 2)),
        ("CAST(x AS SMALLINT)", ("integer", 5, 0)),
        ("CAST(x AS DECIMAL(8,2)) / CAST(y AS DECIMAL(8,2))", ("decimal", 17, 9)),
        ("-(CAST(x AS DECIMAL(8,2)) * 2)", ("decimal", 19, 2)),
        ("x * 2", None),  # a column's type is not in the statement
    ],
)
def test_numeric_type_of_literals_casts_and_computations(expression, expected):
    assert _type_of(expression) == expected


def test_decimal_without_precision_is_decimal_18_0():
    [statement] = translate("SELECT CAST(x AS NUMERIC), x::decimal FROM t")
    assert statement.postgres[0] == "SELECT CAST(x AS DECIMAL(18, 0)), CAST(x AS DECIMAL(18, 0)) FROM t"


def test_a_computation_of_columns_is_left_to_postgresql():
    [statement] = translate("SELECT a / b, a * 1.5 FROM t")
    assert statement.postgres[0] == "SELECT a / b, a * 1.5 FROM t"


def test_avg_and_sum_are_the_catalogs(conn: psycopg.Connection):
    assert run(conn, "SELECT avg(x), sum(x) FROM (SELECT -1 AS x UNION ALL SELECT -2)") == [(-1, -3)]  # toward 0
    assert run(conn, "SELECT avg(x), sum(x) FROM (SELECT CAST(NULL AS REAL) AS x)") == [(None, None)]
    assert one(conn, "SELECT avg(x) FROM (SELECT 9223372036854775807 AS x UNION ALL SELECT 9223372036854775805)") == (
        9223372036854775806
    )


def test_a_bigint_sum_out_of_range_is_an_error(conn: psycopg.Connection):
    with pytest.raises(psycopg.errors.NumericValueOutOfRange):
        one(conn, "SELECT sum(x) FROM (SELECT 9223372036854775807 AS x UNION ALL SELECT 1)")


def test_round_and_trunc_to_places_keep_integer_types(conn: psycopg.Connection):
    assert run(conn, "SELECT ROUND(1234, -2), TRUNC(CAST(1299 AS BIGINT), -2)") == [(1200, 1200)]
