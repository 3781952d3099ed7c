"""SUPER through the running endpoint, as the drivers and the tools meet it: the type code, parameters, the catalog's
name for the type, and what is refused. What SUPER values are is the conformance cases' (cases_super.py).

redshift_connector reads type code 4000 as SUPER, a value it keeps as text (its `redshift_connector/utils/oids.py`);
the text is the value's JSON as Redshift prints it (JSON_PARSE.html: `[10001,10002,"abc"]`).
"""

from __future__ import annotations

import uuid

import psycopg
import pytest

SUPER = 4000
DOCUMENT = '{"name":"Joe","orders":[{"key":1,"status":"P"},{"key":2,"status":"F"}]}'


@pytest.fixture
def schema(cluster):
    name = f"s_{uuid.uuid4().hex[:10]}"
    with cluster.psycopg(autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
        conn.execute(f"CREATE TABLE {name}.docs (id INT, doc SUPER)")
        conn.execute(f"INSERT INTO {name}.docs VALUES (1, JSON_PARSE('{DOCUMENT}')), (2, 'just a string')")
    return name


@pytest.mark.parametrize("version", [0, 1, 2])
def test_redshift_connector_reads_a_super_as_its_json_under_type_code_4000(cluster, schema, version):
    with cluster.redshift_connector(client_protocol_version=version) as connection:
        cursor = connection.cursor()
        cursor.execute(f"SELECT doc, doc.orders[1].status, JSON_TYPEOF(doc) FROM {schema}.docs ORDER BY id")
        assert list(cursor.fetchall()) == [[DOCUMENT, '"F"', "object"], ['"just a string"', None, "string"]]
        assert [column[1] for column in cursor.description] == [SUPER, SUPER, 1043]


def test_a_parameter_is_parsed_and_compared_as_redshift_does(cluster, schema):
    with cluster.psycopg(autocommit=True) as conn:
        parsed = conn.execute("SELECT JSON_PARSE(%s)", ('[1, "a"]',)).fetchone()[0]
        matched = conn.execute(f"SELECT id FROM {schema}.docs WHERE doc.name = %s::VARCHAR", ("Joe",)).fetchall()
    assert (parsed, matched) == ('[1,"a"]', [(1,)])


def test_the_catalog_names_the_type_super(cluster, schema):
    with cluster.psycopg(autocommit=True) as conn:
        rows = conn.execute(
            f"SELECT column_name, data_type FROM svv_columns WHERE table_schema = '{schema}' ORDER BY ordinal_position"
        ).fetchall()
        conn.execute(f"SET search_path TO {schema}")  # PG_TABLE_DEF lists the tables of the search path's schemas
        typed = conn.execute(f"SELECT \"column\", type FROM pg_table_def WHERE schemaname = '{schema}'").fetchall()
    assert rows == [("id", "integer"), ("doc", "super")]
    assert ("doc", "super") in typed


def test_sqlalchemy_reflects_a_super_column(cluster, schema):
    import sqlalchemy as sa
    from sqlalchemy_redshift.dialect import SUPER as SqlalchemySuper

    engine = sa.create_engine(cluster.sqlalchemy_url(), connect_args={"ssl": False})
    try:
        columns = sa.inspect(engine).get_columns("docs", schema=schema)
    finally:
        engine.dispose()
    assert isinstance(columns[1]["type"], SqlalchemySuper)


def test_an_untyped_string_given_a_whole_super_column_says_what_to_write(cluster, schema):
    with cluster.psycopg(autocommit=True) as conn, pytest.raises(psycopg.errors.InvalidTextRepresentation) as refused:
        conn.execute(f"SELECT id FROM {schema}.docs WHERE doc = 'just a string'")
    assert "write 'text'::VARCHAR for a string scalar, or JSON_PARSE('...') for a document" in str(refused.value)


def test_a_date_does_not_cast_to_super_in_redshifts_words(cluster):
    # limitations-super.html: "ERROR:  cannot cast type date to super".
    with cluster.psycopg(autocommit=True) as conn, pytest.raises(psycopg.errors.CannotCoerce) as refused:
        conn.execute("SELECT '2019-09-09'::date::super")
    assert str(refused.value).startswith("cannot cast type date to super")
