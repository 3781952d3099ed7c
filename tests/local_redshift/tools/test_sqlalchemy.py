"""SQLAlchemy's Inspector (sqlalchemy-redshift's dialect over redshift_connector) and pandas through the endpoint."""

from __future__ import annotations

import pandas as pd
import pytest
import sqlalchemy as sa

SCHEMA = "tools_sa"


@pytest.fixture(scope="module")
def engine(cluster):
    engine = sa.create_engine(cluster.sqlalchemy_url(), connect_args={"ssl": False})
    with engine.begin() as conn:
        conn.execute(sa.text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
        conn.execute(sa.text(f"CREATE SCHEMA {SCHEMA}"))
        conn.execute(
            sa.text(
                f"CREATE TABLE {SCHEMA}.songplays (songplay_id INT PRIMARY KEY, song_id VARCHAR(18) DISTKEY,"
                " start_time TIMESTAMP NOT NULL, level VARCHAR(10) ENCODE zstd) COMPOUND SORTKEY (start_time, level)"
            )
        )
        conn.execute(sa.text(f"CREATE TABLE {SCHEMA}.time (start_time TIMESTAMP, hour INT) DISTSTYLE ALL"))
        conn.execute(sa.text(f"CREATE TABLE {SCHEMA}.venues (venue_id INT, location GEOMETRY)"))
        conn.execute(
            sa.text(
                f"CREATE TABLE {SCHEMA}.users (user_id INT, level VARCHAR(10)) INTERLEAVED SORTKEY (user_id, level)"
            )
        )
    yield engine
    with engine.begin() as conn:
        conn.execute(sa.text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
    engine.dispose()


def test_table_names_and_has_table(engine):
    inspector = sa.inspect(engine)
    assert sorted(inspector.get_table_names(schema=SCHEMA)) == ["songplays", "time", "users", "venues"]
    assert inspector.has_table("songplays", schema=SCHEMA)
    assert not inspector.has_table("artists", schema=SCHEMA)


def test_table_options_are_the_tables_distribution_and_sort_keys(engine):
    # The dialect's get_table_options: reldiststyle 1 is KEY, 8 ALL (PG_CLASS_INFO's page); the key columns from
    # pg_attribute's attisdistkey and attsortkeyord (negative for every second column of an interleaved key)
    inspector = sa.inspect(engine)
    assert inspector.get_table_options("songplays", schema=SCHEMA) == {
        "redshift_diststyle": "KEY",
        "redshift_distkey": "song_id",
        "redshift_sortkey": ("start_time", "level"),
        "redshift_interleaved_sortkey": None,
    }
    assert inspector.get_table_options("time", schema=SCHEMA)["redshift_diststyle"] == "ALL"
    interleaved = inspector.get_table_options("users", schema=SCHEMA)
    assert interleaved["redshift_sortkey"] is None
    assert interleaved["redshift_interleaved_sortkey"] == ("user_id", "level")


def test_primary_key(engine):
    # CREATE TABLE: PRIMARY KEY is informational (not enforced), and the catalog keeps it
    constraint = sa.inspect(engine).get_pk_constraint("songplays", schema=SCHEMA)
    assert constraint["constrained_columns"] == ["songplay_id"]


def test_columns(engine):
    columns = sa.inspect(engine).get_columns("songplays", schema=SCHEMA)
    assert [column["name"] for column in columns] == ["songplay_id", "song_id", "start_time", "level"]


def test_a_geometry_column_reflects_as_the_dialects_geometry(engine):
    # "Data types" (c_Supported_data_types.html) names the type GEOMETRY; the dialect reads it by that name
    # (its own test_custom_types_reflection_inspection creates a GEOMETRY column and reflects it)
    from sqlalchemy_redshift.dialect import GEOMETRY

    columns = sa.inspect(engine).get_columns("venues", schema=SCHEMA)
    assert [(column["name"], type(column["type"])) for column in columns] == [
        ("venue_id", sa.INTEGER), ("location", GEOMETRY),
    ]  # fmt: skip


def test_pandas_to_sql_multi_then_read_back(engine):
    frame = pd.DataFrame({"artist_id": ["AR1", "AR2", "AR3"], "name": ["Ann", None, "Cy"], "lat": [1.5, 2.25, None]})
    with engine.begin() as conn:
        assert frame.to_sql("artists", conn, schema=SCHEMA, index=False, method="multi") == 3
    with engine.connect() as conn:
        back = pd.read_sql_query(f"SELECT * FROM {SCHEMA}.artists ORDER BY artist_id", conn)
    pd.testing.assert_frame_equal(back, frame)


def test_pandas_read_sql_table(engine):
    with engine.connect() as conn:
        pd.read_sql_table("time", conn, schema=SCHEMA)
