"""HLLSKETCH ("HLLSKETCH type", r_HLLSKTECH_type.html) is the catalog's type, and the HyperLogLog functions are the
catalog's (catalog_sql/49_hllsketch.sql), which the conformance cases (cases_hllsketch.py) and the endpoint tests
(test_endpoint_hllsketch.py) run."""

from __future__ import annotations

import pytest

from local_redshift.translation import translate


def postgres(sql: str) -> str:
    [statement] = translate(sql)
    return statement.postgres[0]


def test_an_hllsketch_column_is_of_the_catalog_type_and_checks_what_it_is_given():
    # "CREATE TABLE t1 (sketch hllsketch, a bigint);" (Loading the HLLSKETCH data type, copy-usage_notes-hll.html)
    assert postgres("CREATE TABLE t1 (sketch hllsketch, a bigint)") == (
        "CREATE TABLE t1 (sketch redshift_system.hllsketch CONSTRAINT sketch_hllsketch"
        " CHECK (redshift_system.hllsketch_checked(sketch)), a BIGINT)"
    )


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        # HLL function (r_HLL_function.html): "SELECT hll(an_int) AS cardinality FROM a_table;"
        (
            "SELECT hll(an_int) AS cardinality FROM a_table",
            "SELECT redshift_system.hll(an_int) AS cardinality FROM a_table",
        ),
        # HLL_COMBINE_SKETCHES (r_HLL_COMBINE_SKETCHES.html) takes Hll_create_sketch(NULL): an untyped NULL
        ("SELECT Hll_create_sketch(NULL)", "SELECT redshift_system.hll_create_sketch(CAST(NULL AS TEXT))"),
        ("SELECT hll('a')", "SELECT redshift_system.hll(CAST('a' AS TEXT))"),
        (
            "SELECT hll_cardinality(hll_combine(sketch)) FROM hll_table",
            "SELECT redshift_system.hll_cardinality(redshift_system.hll_combine(sketch)) FROM hll_table",
        ),
        ("SELECT hll_combine_sketches(x, y) FROM t", "SELECT redshift_system.hll_combine_sketches(x, y) FROM t"),
        # A sketch's printed form (r_HLLSKTECH_type.html) cast: read as text, then checked by the catalog's cast.
        ("SELECT 'ABAABA=='::hllsketch", "SELECT CAST(CAST('ABAABA==' AS TEXT) AS redshift_system.hllsketch)"),
    ],
)
def test_the_hyperloglog_functions_are_the_catalogs(sql, expected):
    assert postgres(sql) == expected
