"""enable_case_sensitive_identifier through the endpoint, kept by the session across statements and protocols
(r_enable_case_sensitive_identifier.html), with redshift_connector and psycopg."""

from __future__ import annotations

import uuid

import psycopg
import pytest
import redshift_connector

PAGE = "https://docs.aws.amazon.com/redshift/latest/dg/r_enable_case_sensitive_identifier.html"
SET_PAGE = "https://docs.aws.amazon.com/redshift/latest/dg/r_SET.html"


def test_the_page_s_examples_with_redshift_connector(cluster):
    # PAGE, Examples (names made this test's own): the mixed-case table and the folded one are two tables while the
    # setting is on; a result column keeps the case it is named with; after RESET the quoted name folds again
    suffix = uuid.uuid4().hex[:6]
    mixed, mixed2 = f"MixedCasedTable{suffix}", f"MixedCasedTable2{suffix}"
    with cluster.redshift_connector() as connection:
        connection.autocommit = True
        cursor = connection.cursor()
        cursor.execute("SET enable_case_sensitive_identifier TO true")
        cursor.execute(f'CREATE TABLE "{mixed}" ("MixedCasedColumn" int)')
        cursor.execute(f"CREATE TABLE {mixed} (MixedCasedColumn int)")
        cursor.execute(f'SELECT "MixedCasedColumn" FROM "{mixed}"')
        assert [column[0] for column in cursor.description] == ["MixedCasedColumn"]
        cursor.execute(f"SELECT MixedCasedColumn FROM {mixed}")
        assert [column[0] for column in cursor.description] == ["mixedcasedcolumn"]
        cursor.execute(f"SELECT count(*) FROM pg_tables WHERE lower(tablename) = lower('{mixed}')")
        assert cursor.fetchone() == [2]
        cursor.execute("RESET enable_case_sensitive_identifier")
        cursor.execute(f'CREATE TABLE "{mixed2}" ("MixedCasedColumn" int)')
        with pytest.raises(redshift_connector.ProgrammingError, match=f'"{mixed2.lower()}" already exists'):
            cursor.execute(f"CREATE TABLE {mixed2} (MixedCasedColumn int)")
        cursor.execute(f'SELECT "MixedCasedColumn" FROM "{mixed2}"')
        assert [column[0] for column in cursor.description] == ["mixedcasedcolumn"]


def test_the_setting_holds_across_simple_queries_and_for_this_session_alone(cluster):
    table = f"Orders{uuid.uuid4().hex[:6]}"
    with cluster.psycopg(autocommit=True) as connection, cluster.psycopg(autocommit=True) as other:
        connection.execute(
            f'SET enable_case_sensitive_identifier TO true; CREATE TABLE "{table}" ("Id" int DISTKEY SORTKEY);'
            f'INSERT INTO "{table}" VALUES (7)'
        )
        assert connection.execute(f'SELECT "Id" FROM "{table}"').fetchall() == [(7,)]
        # the table design names the column as it is kept (PG_TABLE_DEF lists it)
        design = connection.execute(
            f"SELECT \"column\", distkey, sortkey FROM pg_table_def WHERE tablename = '{table}'"
        ).fetchall()
        assert design == [("Id", True, 1)]
        # another session folds as the default says: the quoted name is the lower-case one, which does not exist
        with pytest.raises(psycopg.errors.UndefinedTable, match=f'"{table.lower()}" does not exist'):
            other.execute(f'SELECT "Id" FROM "{table}"')
        connection.execute("SET downcase_delimited_identifier TO on")
        with pytest.raises(psycopg.errors.UndefinedTable, match=f'"{table.lower()}" does not exist'):
            connection.execute(f'SELECT "Id" FROM "{table}"')


def test_a_quoted_super_attribute_keeps_its_case_while_the_setting_is_on(cluster):
    # r_enable_case_sensitive_super_attribute.html: a quoted attribute name with enable_case_sensitive_identifier
    # true keeps its case, whatever enable_case_sensitive_super_attribute says
    table = f"docs_{uuid.uuid4().hex[:6]}"
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute(f"CREATE TABLE {table} (col SUPER)")
        connection.execute(f"""INSERT INTO {table} VALUES (json_parse('{{"A": "HELLO", "a": "123"}}'))""")
        assert connection.execute(f'SELECT col."A" FROM {table}').fetchone() == ('"123"',)
        connection.execute("SET enable_case_sensitive_identifier TO true")
        assert connection.execute(f'SELECT col."A", col.A FROM {table}').fetchone() == ('"HELLO"', '"123"')


def test_a_quoted_schema_in_set_search_path_folds_as_it_did_when_made(cluster):
    # "Names and identifiers" (r_names.html): delimited identifiers fold to lower case too, so "Staging" is staging
    schema = f"Staging{uuid.uuid4().hex[:6]}"
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"; CREATE TABLE "{schema}".events (id int)')
        connection.execute(f'SET search_path TO "{schema}", public')
        assert connection.execute("SELECT count(*) FROM events").fetchone() == (0,)
        assert connection.execute(f"SELECT count(*) FROM {schema.lower()}.events").fetchone() == (0,)


@pytest.fixture
def mixed_case_table(cluster):
    """A table whose quoted name keeps its case ("Orders..."): found by that name only while the setting is on."""
    table = f"Orders{uuid.uuid4().hex[:6]}"
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute(f'SET enable_case_sensitive_identifier TO true; CREATE TABLE "{table}" (id int); RESET ALL')
    return table


def test_a_set_in_a_rolled_back_transaction_is_taken_back_in_the_simple_protocol(cluster, mixed_case_table):
    # SET_PAGE: SET overrides a setting "for the duration of the current session or transaction only"; as in the
    # PostgreSQL Redshift derives from, a SET in a transaction that is rolled back does not outlast it
    select = f'SELECT count(*) FROM "{mixed_case_table}"'
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute("BEGIN; SET enable_case_sensitive_identifier TO true")
        assert connection.execute(select).fetchone() == (0,)
        connection.execute("ROLLBACK")
        with pytest.raises(psycopg.errors.UndefinedTable, match=f'"{mixed_case_table.lower()}" does not exist'):
            connection.execute(select)
        connection.execute("BEGIN; SET enable_case_sensitive_identifier TO true; COMMIT")
        assert connection.execute(select).fetchone() == (0,)


def test_a_set_local_lasts_until_its_transaction_ends(cluster, mixed_case_table):
    # SET_PAGE: LOCAL "Specifies that the setting is valid for the current transaction"
    select = f'SELECT count(*) FROM "{mixed_case_table}"'
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute("BEGIN")
        connection.execute("SET LOCAL enable_case_sensitive_identifier TO true")
        assert connection.execute(select).fetchone() == (0,)
        connection.execute("COMMIT")
        with pytest.raises(psycopg.errors.UndefinedTable, match=f'"{mixed_case_table.lower()}" does not exist'):
            connection.execute(select)


def test_a_rollback_takes_the_set_back_with_redshift_connector(cluster, mixed_case_table):
    # the extended protocol: the driver's own transaction, ended by connection.rollback()
    select = f'SELECT count(*) FROM "{mixed_case_table}"'
    with cluster.redshift_connector() as connection:
        cursor = connection.cursor()
        cursor.execute("SET enable_case_sensitive_identifier TO true")
        cursor.execute(select)
        assert cursor.fetchone() == [0]
        connection.rollback()
        with pytest.raises(redshift_connector.ProgrammingError, match=f'"{mixed_case_table.lower()}" does not exist'):
            cursor.execute(select)
        connection.rollback()
        cursor.execute("SET enable_case_sensitive_identifier TO true")
        connection.commit()
        cursor.execute(select)
        assert cursor.fetchone() == [0]
