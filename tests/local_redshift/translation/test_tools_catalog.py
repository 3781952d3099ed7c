"""The catalog queries the tools send, translated (fast tier): three-part names, INFORMATION_SCHEMA, Redshift's
catalog tables and functions, `WHERE 1`."""

from __future__ import annotations

import re

import pytest

from local_redshift.errors import RedshiftError, UnsupportedFeature
from local_redshift.translation import translate


def postgres(sql: str) -> list[str]:
    [statement] = translate(sql)
    return statement.postgres


# "Querying data across databases": database_name.schema_name.object_name. The cluster's database is read as the
# two-part name; the statement is then checked to name the cluster's database (the local Redshift has no other).
@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("SELECT * FROM dev.public.t", "SELECT * FROM public.t"),
        ('INSERT INTO "DEV".public.t VALUES (1)', "INSERT INTO public.t VALUES (1)"),
        ("SELECT dev.public.t.a FROM dev.public.t", "SELECT public.t.a FROM public.t"),
    ],
)
def test_three_part_names_read_as_two_part_names_then_check_the_database(sql, expected):
    assert postgres(sql) == [expected, "SELECT redshift_system.check_database('dev')"]


def test_information_schema_reads_the_catalogs_copy_under_the_views_name():
    assert postgres("SELECT table_catalog FROM information_schema.tables WHERE information_schema.tables.x = 1") == [
        "SELECT table_catalog FROM redshift_system.information_schema_tables AS tables WHERE tables.x = 1"
    ]


def test_catalog_tables_with_redshift_columns_read_the_catalogs_versions():
    sql = (
        "SELECT c.reldiststyle, format_encoding(a.attencodingtype::integer), pg_catalog.pg_class.relname"
        " FROM pg_catalog.pg_class c JOIN pg_attribute a ON a.attrelid = c.oid JOIN pg_user u ON u.usesysid = 1"
    )
    assert postgres(sql) == [
        "SELECT c.reldiststyle, redshift_system.format_encoding(CAST(a.attencodingtype AS INT)), pg_class.relname"
        " FROM redshift_system.pg_class AS c JOIN redshift_system.pg_attribute AS a ON a.attrelid = c.oid"
        " JOIN redshift_system.pg_user AS u ON u.usesysid = 1"
    ]


def test_late_binding_view_columns_keep_their_column_definition_list():
    # PG_GET_LATE_BINDING_VIEW_COLS's page, its second example (NAME columns: the leader node's catalog query)
    [sql] = postgres(
        "select * from pg_get_late_binding_view_cols() cols(view_schema name, view_name name, col_name name,"
        " col_type varchar, col_num int)"
    )
    assert sql.startswith("SELECT * FROM redshift_system.pg_get_late_binding_view_cols() AS cols(view_schema NAME")


@pytest.mark.parametrize(("literal", "condition"), [("1", "TRUE"), ("0", "FALSE")])
def test_one_and_zero_as_conditions_are_the_boolean_literals(literal, condition):
    # Boolean type: '1' and '0' are valid literals for true and false (sqlalchemy-redshift writes `WHERE 1 AND ...`)
    assert postgres(f"SELECT 1 FROM pg_class WHERE {literal} AND relname = 'x'") == [
        f"SELECT 1 FROM redshift_system.pg_class WHERE {condition} AND relname = 'x'"
    ]


def test_array_constructor_only_in_catalog_queries():
    assert postgres("SELECT array[1::smallint] FROM pg_catalog.pg_class UNION SELECT 1 FROM svv_external_columns")
    with pytest.raises(UnsupportedFeature, match=r"ARRAY\[\.\.\.\] is not supported by Amazon Redshift"):
        translate("SELECT array[1] FROM sales")


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        (
            "SHOW DATABASES LIKE 'd%' LIMIT 3",
            "SELECT * FROM redshift_system.svv_redshift_databases WHERE database_name LIKE 'd%'"
            " ORDER BY database_name LIMIT 3",
        ),
        (
            'SHOW COLUMNS FROM TABLE dev."Public".t',
            "SELECT database_name, schema_name, table_name, column_name, ordinal_position, column_default,"
            " is_nullable, data_type, character_maximum_length, numeric_precision, numeric_scale, remarks,"
            ' sort_key_type, sort_key, dist_key, encoding, "collation" FROM redshift_system.show_columns'
            " WHERE database_name = 'dev' AND schema_name = 'public' AND table_name = 't' ORDER BY ordinal_position",
        ),
    ],
)
def test_show_reads_the_views_its_page_names(sql, expected):
    assert postgres(sql)[0] == expected


def test_show_in_another_form_is_refused_naming_it():
    with pytest.raises(RedshiftError, match="could not read 'SHOW TABLES FROM dev' as SHOW TABLES"):
        translate("SHOW TABLES FROM dev")


def test_placeholders_without_spaces_are_parameters_not_dollar_quotes():
    # dbt-redshift's seeds insert `values (%s,%s),(%s,%s)`, which redshift_connector sends as $1,$2
    assert postgres('insert into "dev"."s"."t" ("a", "b") values ($1,$2),($3,$4)')[0] == (
        'INSERT INTO "s"."t" ("a", "b") VALUES ($1, $2), ($3, $4)'
    )
    assert postgres("select '$1,$2', $tag$ $1,$2 $tag$") == ["SELECT '$1,$2', ' $1,$2 '"]


def test_privilege_of_a_system_view_names_it_in_the_catalogs_schema():
    # dbt-redshift's docs generate: has_table_privilege(current_user, 'svv_table_info', 'SELECT')
    assert postgres("select has_table_privilege(current_user, 'svv_table_info', 'SELECT')") == [
        "SELECT redshift_system.has_table_privilege(CURRENT_USER, 'redshift_system.svv_table_info', 'SELECT')"
    ]


@pytest.mark.parametrize(
    ("sql", "where"),
    [
        ("SELECT 1 +", 'line 1, column 10, near "+"'),
        ("SELECT 1;\nSELECT a b c FROM t", 'line 2, column 12, near "c"'),
        ("CREATE TABLE t (a INT) NOT A CLAUSE", 'line 1, column 1, near "CREATE"'),  # read only as a command
    ],
)
def test_a_statement_the_translator_cannot_read_is_refused_saying_where(sql, where):
    with pytest.raises(RedshiftError, match=re.escape(f"the local Redshift could not read the statement at {where}")):
        translate(sql)


@pytest.mark.parametrize("sql", ["SHOW search_path", "VACUUM", "CALL p()", "RESET query_group"])
def test_utility_commands_postgresql_reads_as_redshift_does_pass_as_written(sql):
    assert postgres(sql)[0].upper().split()[0] == sql.split()[0]
