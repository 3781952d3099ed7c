"""The catalog tables and views the tools read, through the endpoint: Redshift's columns of PG_CLASS, PG_ATTRIBUTE
and PG_CONSTRAINT, PG_USER, FORMAT_ENCODING(), PG_GET_LATE_BINDING_VIEW_COLS(), the empty SVV_EXTERNAL_* views."""

from __future__ import annotations

import pytest


@pytest.fixture
def conn(cluster):
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute("DROP SCHEMA IF EXISTS tools_catalog CASCADE")
        connection.execute("CREATE SCHEMA tools_catalog")
        connection.execute(
            "CREATE TABLE tools_catalog.songs (song_id VARCHAR(18) PRIMARY KEY DISTKEY, title VARCHAR(200) ENCODE zstd,"
            " year INT) SORTKEY (year)"
        )
        yield connection
        connection.execute("DROP SCHEMA IF EXISTS tools_catalog CASCADE")


def test_pg_class_and_pg_attribute_have_the_tables_design(conn):
    # PG_CLASS_INFO's page: reldiststyle 1 is KEY; attisdistkey, attsortkeyord and the encoding per column
    assert conn.execute("SELECT reldiststyle FROM pg_class WHERE oid = 'tools_catalog.songs'::regclass").fetchall() == [
        (1,)
    ]
    attributes = conn.execute(
        "SELECT attname, attisdistkey, attsortkeyord, format_encoding(attencodingtype::integer) FROM pg_attribute"
        " WHERE attrelid = 'tools_catalog.songs'::regclass AND attnum > 0 ORDER BY attnum"
    ).fetchall()
    # ENCODE zstd as declared; the sort key column RAW ('none'); the others as PG_TABLE_DEF shows Redshift's defaults
    assert attributes == [("song_id", True, 0, "lzo"), ("title", False, 0, "zstd"), ("year", False, 1, "none")]


def test_an_informational_primary_key_is_listed_not_enforced(conn):
    conn.execute("INSERT INTO tools_catalog.songs VALUES ('S1', 'a', 1), ('S1', 'b', 2)")  # not enforced
    keys = conn.execute(
        "SELECT contype, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'tools_catalog.songs'::regclass"
    ).fetchall()
    assert keys == [("p", "PRIMARY KEY (song_id)")]


def test_pg_user_lists_the_master_user(cluster, conn):
    assert conn.execute("SELECT usename, usesuper FROM pg_user WHERE usename = current_user").fetchall() == [
        (cluster.user, True)
    ]


def test_late_binding_view_columns(conn):
    conn.execute(
        "CREATE VIEW tools_catalog.songs_lbv AS SELECT song_id, year FROM tools_catalog.songs WITH NO SCHEMA BINDING"
    )
    # PG_GET_LATE_BINDING_VIEW_COLS's page, its example in table form
    columns = conn.execute(
        "SELECT * FROM pg_get_late_binding_view_cols() cols(view_schema name, view_name name, col_name name,"
        " col_type varchar, col_num int) WHERE view_schema = 'tools_catalog'"
    ).fetchall()
    assert columns == [
        ("tools_catalog", "songs_lbv", "song_id", "character varying(18)", 1),
        ("tools_catalog", "songs_lbv", "year", "integer", 2),
    ]


@pytest.mark.parametrize(
    "view", ["svv_external_schemas", "svv_external_tables", "svv_external_columns", "svv_external_partitions"]
)
def test_external_views_are_empty(conn, view):
    assert conn.execute(f"SELECT count(*) FROM {view}").fetchall() == [(0,)]


def test_svv_redshift_columns_show_the_design(cluster, conn):
    # SVV_REDSHIFT_COLUMNS: encoding, distkey and sortkey per column, as PG_TABLE_DEF shows them
    columns = conn.execute(
        "SELECT database_name, column_name, data_type, encoding, distkey, sortkey FROM svv_redshift_columns"
        " WHERE schema_name = 'tools_catalog' AND table_name = 'songs' ORDER BY ordinal_position"
    ).fetchall()
    assert columns == [
        (cluster.database, "song_id", "character varying(18)", "lzo", True, 0),
        (cluster.database, "title", "character varying(200)", "zstd", False, 0),
        (cluster.database, "year", "integer", "none", False, 1),
    ]
    tables = conn.execute("SELECT table_type FROM svv_redshift_tables WHERE schema_name = 'tools_catalog'")
    assert tables.fetchall() == [("TABLE",)]
