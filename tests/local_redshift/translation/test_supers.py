"""SUPER ("SUPER type", "Navigation", "Unnesting queries"): how the translator tells a SUPER path from a qualified
column, and what it writes for the catalog (catalog_sql/48_super.sql). What the values then are is the conformance
cases' (cases_super.py), through the running endpoint."""

from __future__ import annotations

import pytest

from local_redshift.translation import UnsupportedFeature, translate


def postgres(sql: str) -> str:
    [statement] = translate(sql)
    return statement.postgres[0]


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT t.a FROM t",
        "SELECT public.t.a FROM public.t",
        "SELECT x.a FROM public.t AS x",
        "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.b = t.a)",
        "UPDATE t SET a = 1 WHERE t.b = 2",
        "DELETE FROM t USING u WHERE t.a = u.a",
        "SELECT t.* FROM t",
    ],
)
def test_a_column_qualified_by_a_relation_of_its_query_is_a_column(sql):
    assert "super_attribute" not in postgres(sql)


@pytest.mark.parametrize(
    ("sql", "path"),
    [
        ("SELECT doc.a FROM t", "redshift_system.super_attribute(doc, 'a')"),
        ("SELECT t.doc.a FROM t", "redshift_system.super_attribute(t.doc, 'a')"),
        ("SELECT x.doc.A FROM t AS x", "redshift_system.super_attribute(x.doc, 'A')"),  # folded by the catalog
        ("SELECT public.t.doc.a FROM public.t", "redshift_system.super_attribute(public.t.doc, 'a')"),
        (
            "SELECT c.c_orders[0].o_orderkey FROM customer_orders_lineitem AS c",
            "redshift_system.super_attribute(redshift_system.super_element(c.c_orders, 0), 'o_orderkey')",
        ),
        ("SELECT doc['Key'] FROM t", "redshift_system.super_element(doc, 'Key')"),
    ],
)
def test_a_dotted_name_past_a_column_navigates_into_it(sql, path):
    assert path in postgres(sql)


def test_a_query_of_the_catalog_keeps_postgresqls_array_subscripts():
    assert postgres("SELECT i.indkey[0] FROM pg_index AS i") == "SELECT i.indkey[1] FROM pg_index AS i"


def test_unnesting_ranges_over_the_elements_and_their_positions():
    sql = "SELECT o.o_orderkey, i FROM customer_orders_lineitem AS c, c.c_orders AS o AT i"
    assert postgres(sql) == (
        'SELECT redshift_system.super_attribute("o"."o", \'o_orderkey\'), i FROM customer_orders_lineitem AS c,'
        ' redshift_system.super_elements(c.c_orders) AS "o"("o", "i")'
    )


def test_unpivoting_ranges_over_the_attributes_and_their_names():
    sql = "SELECT k, v FROM t AS c, UNPIVOT c.doc AS v AT k"
    assert postgres(sql) == 'SELECT k, "v" FROM t AS c, redshift_system.super_attributes(c.doc) AS "v"("v", "k")'


def test_a_string_compared_with_a_path_is_a_string_scalar():
    assert postgres("SELECT 1 FROM t WHERE t.doc.status = 'P'") == (
        "SELECT 1 FROM t WHERE redshift_system.super_attribute(t.doc, 'status') = redshift_system.super_of_text('P')"
    )


def test_string_literals_stored_by_insert_and_update_are_typed_for_their_columns():
    assert postgres("INSERT INTO t VALUES (1, 'abc')") == (
        "INSERT INTO t VALUES (1, CAST('abc' AS redshift_system.literal))"
    )
    assert postgres("UPDATE t SET s = 'x' WHERE id = 1") == (
        "UPDATE t SET s = CAST('x' AS redshift_system.literal) WHERE id = 1"
    )


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("SELECT 'abc'::SUPER", "SELECT redshift_system.super_of_text('abc')"),
        ("SELECT 5::SUPER", "SELECT CAST(5 AS redshift_system.super)"),
        ("SELECT ARRAY(1, 'a')", "SELECT redshift_system.super_array(CAST(ARRAY[CAST(1 AS redshift_system.super),"
         " redshift_system.super_of_text('a')] AS redshift_system.super[]))"),
        ("SELECT ARRAY()", "SELECT redshift_system.super_array(CAST(ARRAY[] AS redshift_system.super[]))"),
        ("SELECT JSON_PARSE('[1]')", "SELECT redshift_system.json_parse('[1]')"),
        ("SELECT ARRAY_CONTAINS(a, 'red')",
         "SELECT redshift_system.array_contains(a, redshift_system.super_of_text('red'))"),
        ("SELECT +a", "SELECT redshift_system.unary_plus(a)"),
    ],
)  # fmt: skip
def test_the_super_constructs_are_the_catalogs(sql, expected):
    assert postgres(sql) == expected


def test_the_arguments_of_array_and_object_are_translated_too():
    assert "GETDATE" not in postgres("SELECT ARRAY(GETDATE()), OBJECT('a', GETDATE())")


@pytest.mark.parametrize(
    ("sql", "construct"),
    [
        ("SELECT SIZE(s) FROM t", "The SUPER function SIZE"),
        ("SELECT OBJECT_TRANSFORM(s KEEP '\"a\"') FROM t", "The SUPER function OBJECT_TRANSFORM"),
    ],
)
def test_a_super_function_not_built_is_refused_by_name(sql, construct):
    with pytest.raises(UnsupportedFeature) as refused:
        translate(sql)
    assert refused.value.message.startswith(f"{construct} is not supported by the local Redshift")
