"""HLLSKETCH through the running endpoint, as the drivers and the tools meet it: the type code, the catalog's name for
the type, SQLAlchemy's reflection, and the refusal to print a sketch the local Redshift built. What sketches and the
HyperLogLog functions give is the conformance cases' (cases_hllsketch.py).

Redshift sends HLLSKETCH as type code 2935 (its JDBC driver's `com.amazon.redshift.core.Oid.HLLSKETCH`);
redshift_connector has no converter of its own for it and reads the text, the sketch as Redshift prints it
(r_HLLSKTECH_type.html: `{"logm":15,"sparse":{"indices":[4878,9559,14523],"values":[1,2,1]}}`).
"""

from __future__ import annotations

import uuid

import psycopg
import pytest

HLLSKETCH = 2935
SKETCH = '{"logm":15,"sparse":{"indices":[4878,9559,14523],"values":[1,2,1]}}'  # r_HLLSKTECH_type.html
BUILT_LOCALLY = "The local Redshift cannot print an HLLSKETCH it built"


@pytest.fixture(scope="module")
def hll_cluster(local_stack):
    """A cluster of its own: sqlalchemy-redshift's test makes its table t1 in schema public."""
    from tests.local_redshift.conftest import create_cluster

    return create_cluster(local_stack, f"hll-{uuid.uuid4().hex[:8]}")


@pytest.fixture
def schema(hll_cluster):
    name = f"h_{uuid.uuid4().hex[:10]}"
    with hll_cluster.psycopg(autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
        conn.execute(f"CREATE TABLE {name}.sketches (id INT, sketch HLLSKETCH)")
        conn.execute(f"INSERT INTO {name}.sketches VALUES (1, '{SKETCH}')")
        conn.execute(f"INSERT INTO {name}.sketches SELECT 2, hll_create_sketch(n) FROM (SELECT 1 AS n UNION SELECT 2)")
    return name


@pytest.mark.parametrize("version", [0, 1, 2])
def test_redshift_connector_reads_a_sketch_as_printed_under_type_code_2935(hll_cluster, schema, version):
    with hll_cluster.redshift_connector(client_protocol_version=version) as connection:
        cursor = connection.cursor()
        cursor.execute(f"SELECT sketch FROM {schema}.sketches WHERE id = 1")
        assert list(cursor.fetchall()) == [[SKETCH]]
        assert [column[1] for column in cursor.description] == [HLLSKETCH]
        cursor.execute(f"SELECT hll_cardinality(sketch) FROM {schema}.sketches ORDER BY id")
        assert list(cursor.fetchall()) == [[3], [2]]


@pytest.mark.parametrize("version", [0, 2])
def test_a_sketch_built_locally_is_refused_to_redshift_connector_and_the_session_goes_on(hll_cluster, schema, version):
    with hll_cluster.redshift_connector(client_protocol_version=version) as connection:
        cursor = connection.cursor()
        with pytest.raises(Exception, match=BUILT_LOCALLY):
            cursor.execute(f"SELECT sketch FROM {schema}.sketches WHERE id = 2")
        connection.rollback()
        cursor.execute("SELECT 1")
        assert list(cursor.fetchall()) == [[1]]


def test_a_sketch_built_locally_is_refused_to_psycopg_with_and_without_parameters(hll_cluster, schema):
    with hll_cluster.psycopg(autocommit=True) as conn:
        for parameters in (None, (2,)):
            with pytest.raises(psycopg.errors.FeatureNotSupported, match=BUILT_LOCALLY):
                conn.execute(f"SELECT id, sketch FROM {schema}.sketches WHERE id = %s" if parameters else
                             f"SELECT id, sketch FROM {schema}.sketches WHERE id = 2", parameters)  # fmt: skip
        assert conn.execute(
            f"SELECT hll_cardinality(sketch) FROM {schema}.sketches WHERE id = %s", (2,)
        ).fetchone() == (2,)
        copied = conn.execute(f"CREATE TABLE {schema}.kept AS SELECT sketch FROM {schema}.sketches").statusmessage
        assert copied == "SELECT 2"  # stored, not printed: CTAS and INSERT keep a sketch built locally


def test_a_value_that_is_no_sketch_is_refused_naming_the_type(hll_cluster, schema):
    with hll_cluster.psycopg(autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InvalidTextRepresentation, match="invalid input for type hllsketch"):
            conn.execute(f"INSERT INTO {schema}.sketches VALUES (3, 'not a sketch')")
        with pytest.raises(psycopg.errors.InvalidTextRepresentation, match="invalid input for type hllsketch"):
            conn.execute(f"INSERT INTO {schema}.sketches VALUES (3, %s)", ("not a sketch",))


def test_the_catalog_names_the_type_hllsketch(hll_cluster, schema):
    with hll_cluster.psycopg(autocommit=True) as conn:
        rows = conn.execute(
            f"SELECT column_name, data_type FROM svv_columns WHERE table_schema = '{schema}' ORDER BY ordinal_position"
        ).fetchall()
        redshift_rows = conn.execute(
            f"SELECT column_name, data_type FROM svv_redshift_columns WHERE schema_name = '{schema}'"
            " ORDER BY ordinal_position"
        ).fetchall()
        formatted = conn.execute(
            f"SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '{schema}.sketches'::regclass"
            " AND attname = 'sketch'"
        ).fetchone()
        conn.execute(f"SET search_path TO {schema}")  # PG_TABLE_DEF lists the tables of the search path's schemas
        typed = conn.execute(f"SELECT \"column\", type FROM pg_table_def WHERE schemaname = '{schema}'").fetchall()
    assert rows == [("id", "integer"), ("sketch", "hllsketch")]
    assert redshift_rows == [("id", "integer"), ("sketch", "hllsketch")]
    assert formatted == ("hllsketch",)
    assert ("sketch", "hllsketch") in typed


def test_sqlalchemy_reflects_an_hllsketch_column(hll_cluster):
    """sqlalchemy-redshift's test_custom_types_reflection_inspection[HLLSKETCH]: t1(id INTEGER PRIMARY KEY, name
    VARCHAR, test_col HLLSKETCH) in schema public, reflected as its dialect's HLLSKETCH."""
    import sqlalchemy as sa
    from sqlalchemy_redshift.dialect import HLLSKETCH as SqlalchemyHllsketch

    engine = sa.create_engine(hll_cluster.sqlalchemy_url(), connect_args={"ssl": False})
    metadata = sa.MetaData()
    sa.Table(
        "t1", metadata, sa.Column("id", sa.INTEGER, primary_key=True), sa.Column("name", sa.VARCHAR),
        sa.Column("test_col", SqlalchemyHllsketch), schema="public",
    )  # fmt: skip
    try:
        metadata.create_all(engine)
        inspect = sa.inspect(engine)
        assert isinstance(inspect.get_columns("t1", schema="public")[2]["type"], SqlalchemyHllsketch)
    finally:
        metadata.drop_all(engine)
        engine.dispose()


def test_a_sketch_goes_in_as_a_drivers_string_parameter_or_from_a_select(hll_cluster, schema):
    # r_HLLSKTECH_type.html's sparse sketch, bound by redshift_connector (a VARCHAR) and selected as a string
    with hll_cluster.redshift_connector() as connection:
        cursor = connection.cursor()
        cursor.execute(f"INSERT INTO {schema}.sketches VALUES (3, %s)", (SKETCH,))
        cursor.execute(f"INSERT INTO {schema}.sketches SELECT 4, '{SKETCH}'")
        cursor.execute(f"SELECT sketch, hll_cardinality(sketch) FROM {schema}.sketches WHERE id > 2 ORDER BY id")
        assert list(cursor.fetchall()) == [[SKETCH, 3], [SKETCH, 3]]
        connection.rollback()


def test_what_the_pages_do_not_lay_out_is_refused_by_name(hll_cluster):
    """A dense sketch's Base64 bytes are not laid out by any page ("ABAABA...", r_HLLSKTECH_type.html): it prints as
    written, its registers are refused; a cast to a character type is not among what takes a sketch (Considerations:
    COUNT, COALESCE, NVL, CASE)."""
    with hll_cluster.psycopg(autocommit=True) as conn:
        assert conn.execute("SELECT 'ABAABAAAAAAA'::hllsketch").fetchone() == ("ABAABAAAAAAA",)
        with pytest.raises(
            psycopg.errors.FeatureNotSupported, match="registers of a dense HLLSKETCH are not supported"
        ):
            conn.execute("SELECT hll_cardinality('ABAABAAAAAAA'::hllsketch)")
        with pytest.raises(psycopg.errors.FeatureNotSupported, match="HLLSKETCH cast to a character type"):
            conn.execute(f"SELECT '{SKETCH}'::hllsketch::varchar")
