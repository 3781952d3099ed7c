"""A table column of a type Redshift lacks is refused in Redshift's words first: 'Column "t.c" has unsupported type
"serial".' (the types: the Developer Guide's c_unsupported-postgresql-datatypes.html; the words: what Redshift
answers CREATE TABLE with, as redshift_connector's integration tests expect them), then naming the construct."""

from __future__ import annotations

import pytest

from local_redshift.translation import UnsupportedFeature, translate


@pytest.mark.parametrize(
    ("sql", "sentence", "construct"),
    [
        ("CREATE TEMPORARY TABLE t1 (a serial)", 'Column "t1.a" has unsupported type "serial".', "SERIAL"),
        ("CREATE TABLE s.t1 (id INT, a UUID)", 'Column "t1.a" has unsupported type "uuid".', "The UUID type"),
        ("CREATE TABLE t1 (a INT[])", 'Column "t1.a" has unsupported type "int[]".', "The array type"),
        ("CREATE TABLE t1 (a OID)", 'Column "t1.a" has unsupported type "oid".', "The OID type"),
        ("CREATE TABLE t1 (a TSQUERY)", 'Column "t1.a" has unsupported type "tsquery".', "The TSQUERY type"),
        ("ALTER TABLE t1 ADD COLUMN b MONEY", 'Column "t1.b" has unsupported type "money".', "The MONEY type"),
        ("CREATE TABLE t1 (a record)", 'Column "t1.a" has unsupported type "record".', "The RECORD pseudo-type"),
        ("CREATE TABLE t1 (a void)", 'Column "t1.a" has unsupported type "void".', "The VOID pseudo-type"),
        # ANY and TRIGGER, which sqlglot reads as keywords; OPAQUE, a pseudo-type of PostgreSQL 8.0
        ("CREATE TEMPORARY TABLE t1 (a any)", 'Column "t1.a" has unsupported type "any".', "The ANY pseudo-type"),
        ("CREATE TABLE t1 (a trigger)", 'Column "t1.a" has unsupported type "trigger".', "The TRIGGER pseudo-type"),
        ("ALTER TABLE t1 ADD COLUMN b any", 'Column "t1.b" has unsupported type "any".', "The ANY pseudo-type"),
        ("CREATE TABLE t1 (a opaque)", 'Column "t1.a" has unsupported type "opaque".', "The OPAQUE pseudo-type"),
        ("CREATE TEMPORARY TABLE t1 (a bytea)", 'Column "t1.a" has unsupported type "bytea".', "The BYTEA type"),
        ("CREATE TEMPORARY TABLE t1 (a bit varying)", 'Column "t1.a" has unsupported type "bit".', "The BIT type"),
        # "Interval data types and literals": a column is INTERVAL YEAR TO MONTH or INTERVAL DAY TO SECOND
        (
            "CREATE TEMPORARY TABLE t1 (a interval)",
            'Column "t1.a" has unsupported type "interval".',
            "An INTERVAL column without fields",
        ),
    ],
)
def test_a_table_column_of_an_unsupported_type_is_refused_in_redshifts_words(sql, sentence, construct):
    with pytest.raises(UnsupportedFeature) as refused:
        translate(sql)
    assert refused.value.message.startswith(f"{sentence} {construct} is not supported by Amazon Redshift")
    assert refused.value.sqlstate == "0A000"


def test_the_same_type_outside_a_table_is_refused_by_name_only():
    with pytest.raises(UnsupportedFeature, match=r"^The UUID type is not supported by Amazon Redshift$"):
        translate("SELECT '00000000-0000-0000-0000-000000000000'::uuid")


def test_a_functions_pseudo_types_are_not_columns():
    [statement] = translate("CREATE FUNCTION f() RETURNS void AS $$ SELECT 1 $$ LANGUAGE sql")
    assert "RETURNS void" in statement.postgres[0]


def test_any_is_still_read_as_the_comparison_outside_a_column():
    [statement] = translate("SELECT 1 WHERE 1 = ANY (SELECT 1)")
    assert statement.postgres == ["SELECT 1 WHERE 1 = ANY (SELECT 1)"]


def test_varbyte_and_interval_columns_with_fields_are_kept():
    [table] = translate("CREATE TABLE t1 (a VARBINARY(4), b INTERVAL YEAR TO MONTH, c INTERVALD2S)")
    assert "b INTERVAL YEAR TO MONTH, c INTERVAL DAY TO SECOND" in table.postgres[0]
    [cast] = translate("SELECT '1 day'::interval")  # an interval without fields outside a table
    assert cast.postgres == ["SELECT CAST('1 day' AS INTERVAL)"]
