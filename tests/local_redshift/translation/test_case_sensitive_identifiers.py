"""enable_case_sensitive_identifier (r_enable_case_sensitive_identifier.html) and its retiring twin
downcase_delimited_identifier (r_downcase_delimited_identifier.html): while it is on, "Quoted" names of databases,
schemas, tables and columns keep their case; unquoted names fold to lower case always."""

from __future__ import annotations

import pytest

from local_redshift.errors import RedshiftError, SqlState
from local_redshift.translation import translate

PAGE = "https://docs.aws.amazon.com/redshift/latest/dg/r_enable_case_sensitive_identifier.html"


def postgres(sql: str, case_sensitive: bool = False) -> list[str]:
    return [statement.postgres[0] for statement in translate(sql, case_sensitive)]


def test_the_page_s_examples_keep_the_case_of_quoted_names_until_the_setting_is_reset():
    # PAGE, Examples: after SET ... TO true, "MixedCasedTable" and MixedCasedTable are two tables; after RESET,
    # "MixedCasedTable2" is mixedcasedtable2
    assert postgres(
        "SET enable_case_sensitive_identifier TO true;"
        'CREATE TABLE "MixedCasedTable" ("MixedCasedColumn" int);'
        "CREATE TABLE MixedCasedTable (MixedCasedColumn int);"
        'SELECT "MixedCasedColumn" FROM "MixedCasedTable";'
        "RESET enable_case_sensitive_identifier;"
        'SELECT "MixedCasedColumn" FROM "MixedCasedTable2"'
    ) == [
        "SET redshift.enable_case_sensitive_identifier = TRUE",
        'CREATE TABLE "MixedCasedTable" ("MixedCasedColumn" INT)',
        "CREATE TABLE MixedCasedTable (MixedCasedColumn INT)",  # unquoted: PostgreSQL folds it, as Redshift does
        'SELECT "MixedCasedColumn" FROM "MixedCasedTable"',
        "RESET redshift.enable_case_sensitive_identifier",
        'SELECT "mixedcasedcolumn" FROM "mixedcasedtable2"',
    ]


@pytest.mark.parametrize(
    ("setting", "case_sensitive"),
    [
        ("SET enable_case_sensitive_identifier TO true", True),
        ("SET enable_case_sensitive_identifier = on", True),
        ("SET enable_case_sensitive_identifier TO 'TRUE'", True),
        ("SET SESSION enable_case_sensitive_identifier TO 1", True),
        ("SET enable_case_sensitive_identifier TO false", False),
        ("SET enable_case_sensitive_identifier TO DEFAULT", False),  # PAGE: false is the default
        ("RESET enable_case_sensitive_identifier", False),
        ("RESET ALL", False),
        ("SET downcase_delimited_identifier TO off", True),  # "To use case-sensitive identifiers, set ... off"
        ("SET downcase_delimited_identifier TO on", False),
        ("RESET downcase_delimited_identifier", False),
    ],
)
def test_what_each_setting_statement_leaves_the_session_with(setting, case_sensitive):
    [statement] = translate(setting, case_sensitive=not case_sensitive)
    assert statement.case_sensitive is case_sensitive
    [after] = translate('SELECT "Aa" FROM "Bb"', statement.case_sensitive)
    assert after.postgres[0] == ('SELECT "Aa" FROM "Bb"' if case_sensitive else 'SELECT "aa" FROM "bb"')


def test_statements_that_set_nothing_leave_the_setting_alone():
    assert [statement.case_sensitive for statement in translate("SELECT 1; SET search_path TO public")] == [None] * 2


def test_a_value_that_is_not_a_boolean_is_refused():
    with pytest.raises(RedshiftError, match='parameter "enable_case_sensitive_identifier" requires a Boolean value'):
        translate("SET enable_case_sensitive_identifier TO maybe")
    with pytest.raises(RedshiftError) as refused:
        translate("SET downcase_delimited_identifier TO 2")
    assert refused.value.sqlstate == SqlState.INVALID_PARAMETER_VALUE


@pytest.mark.parametrize(
    ("setting", "kept"),
    [
        ("SET enable_case_sensitive_identifier TO true", "'on', false"),
        # r_SET.html: LOCAL "Specifies that the setting is valid for the current transaction"
        ("SET LOCAL enable_case_sensitive_identifier TO true", "'on', true"),
        ("SET LOCAL downcase_delimited_identifier TO on", "'off', true"),
        ("RESET downcase_delimited_identifier", "'off', false"),
    ],
)
def test_the_setting_is_kept_in_the_transaction_for_the_session_to_read_back(setting, kept):
    # what PostgreSQL keeps of it follows the transaction (a ROLLBACK, a lapsed SET LOCAL), as the setting itself does
    [statement] = translate(setting)
    assert statement.postgres[-1] == f"SELECT set_config('redshift.identifiers_keep_case', {kept})"


@pytest.mark.parametrize(
    ("sql", "kept", "folded"),
    [
        # "names of databases, schemas, tables, and columns" (PAGE), wherever the translator reads them itself
        ('SHOW TABLES FROM SCHEMA dev."Sales"', "schema_name = 'Sales'", "schema_name = 'sales'"),
        ('SHOW COLUMNS FROM TABLE dev.public."Orders"', "table_name = 'Orders'", "table_name = 'orders'"),
        ('GRANT SELECT ON "Orders" TO bob', '"Orders"', '"orders"'),
        ('GRANT ALL ON ALL TABLES IN SCHEMA "Sales" TO bob', "'\"Sales\"'", "'\"sales\"'"),
        ('ALTER TABLE "Orders" APPEND FROM "Staged"', '"Orders"', '"orders"'),
    ],
)
def test_names_the_translator_reads_itself_keep_their_case_too(sql, kept, folded):
    def text(case_sensitive: bool) -> str:
        [statement] = translate(sql, case_sensitive)
        return " ".join([*statement.postgres, statement.user.text if statement.user else ""])

    assert kept in text(True) and folded not in text(True)
    assert folded in text(False)


def test_the_table_design_names_the_columns_as_they_are_kept():
    sql = 'CREATE TABLE "T" ("Key" int DISTKEY, "Day" date SORTKEY, Other int)'
    [statement] = translate(sql, case_sensitive=True)
    assert "'Key'" in statement.postgres[1] and "'Day'" in statement.postgres[1]
    [statement] = translate(sql)
    assert "'key'" in statement.postgres[1] and "'day'" in statement.postgres[1]


def test_a_quoted_super_attribute_keeps_its_case_while_the_setting_is_on():
    # r_enable_case_sensitive_super_attribute.html: "When you enclose an attribute name in double quotation marks and
    # set enable_case_sensitive_identifier to true, case is always preserved"
    [kept] = postgres('SELECT t.doc."Aa", t.doc.Bb FROM t', case_sensitive=True)
    assert "super_element(t.doc, 'Aa')" in kept and "super_attribute(t.doc, 'Bb')" in kept  # the catalog folds Bb
    [folded] = postgres('SELECT t.doc."Aa" FROM t')
    assert "super_attribute" in folded and "'aa'" in folded


def test_unload_translates_its_query_with_the_setting_the_session_had():
    [set_on, unload] = translate(
        "SET enable_case_sensitive_identifier TO true;"
        "UNLOAD ('SELECT * FROM \"Orders\"') TO 's3://b/p' IAM_ROLE 'arn:aws:iam::123456789012:role/r'"
    )
    assert set_on.case_sensitive and unload.unload is not None and unload.unload.case_sensitive


@pytest.mark.parametrize("case_sensitive", [False, True])
def test_a_quoted_user_name_keeps_its_case_whatever_the_setting(case_sensitive):
    # PAGE: "The case of a username enclosed in double quotation marks is always preserved regardless of the setting"
    [grant] = postgres('GRANT SELECT ON "Orders" TO "Bob", GROUP "Clerks"', case_sensitive)
    orders = '"Orders"' if case_sensitive else '"orders"'
    assert grant == f'GRANT SELECT ON {orders} TO "Bob", GROUP "Clerks"'


@pytest.mark.parametrize(
    ("sql", "folded", "kept"),
    [
        # statements passed to PostgreSQL as written fold their "Quoted" names too ("Names and identifiers", r_names:
        # "ASCII letters in standard and delimited identifiers are case-insensitive and are folded to lowercase"),
        # unless the setting is on; a user's, group's or role's name keeps its case (PAGE)
        ('SET search_path TO "Staging", public', 'SET search_path TO "staging", public', None),
        ('CREATE SCHEMA "Sales" AUTHORIZATION "Bob"', 'CREATE SCHEMA "sales" AUTHORIZATION "Bob"', None),
        ('ALTER TABLE "Orders" OWNER TO "Bob"', 'ALTER TABLE "orders" OWNER TO "Bob"', None),
        ('ALTER SCHEMA "Sales" RENAME TO "Shop"', 'ALTER SCHEMA "sales" RENAME TO "shop"', None),
        (
            'GRANT SELECT ON ALL TABLES IN SCHEMA "Sales" TO "Bob", GROUP "Clerks"',
            'GRANT SELECT ON ALL TABLES IN SCHEMA "sales" TO "Bob", GROUP "Clerks"',
            None,
        ),
        ('LOCK "Orders", "Lines"', 'LOCK "orders", "lines"', None),
        ('CALL "Refresh"(\'A"b\')', 'CALL "refresh"(\'A"b\')', None),  # a string keeps what it holds
        ('VACUUM "Orders"', 'VACUUM "orders"', 'VACUUM "Orders"'),
    ],
)
def test_statements_passed_as_written_read_quoted_names_as_the_setting_says(sql, folded, kept):
    assert postgres(sql) == [folded]
    assert postgres(sql, case_sensitive=True) == [kept or sql]


def test_explain_translates_its_statement_with_the_session_s_setting():
    [explain] = translate('EXPLAIN SELECT "Aa" FROM "Bb"', case_sensitive=True)
    assert explain.explain == 'SELECT "Aa" FROM "Bb"'
    [explain] = translate('EXPLAIN SELECT "Aa" FROM "Bb"')
    assert explain.explain == 'SELECT "aa" FROM "bb"'


@pytest.mark.parametrize("case_sensitive", [False, True])
def test_a_database_owner_s_quoted_name_keeps_its_case_whatever_the_setting(case_sensitive):
    # PAGE: a quoted username is always preserved; r_CREATE_DATABASE and r_ALTER_DATABASE: OWNER [=] db_owner
    [create] = postgres('CREATE DATABASE "Sales" OWNER "Bob"', case_sensitive)
    assert ('"Sales"' if case_sensitive else '"sales"') in create and 'OWNER "Bob"' in create
    [alter] = postgres('ALTER DATABASE "Sales" OWNER TO "Bob"', case_sensitive)
    assert 'OWNER TO "Bob"' in alter
