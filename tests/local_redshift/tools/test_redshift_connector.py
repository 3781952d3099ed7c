"""redshift_connector's metadata API and row counts against the endpoint, as the driver's own source reads them."""

from __future__ import annotations

import dataclasses

import pytest


@pytest.fixture
def connection(cluster):
    with cluster.redshift_connector() as connection:
        connection.autocommit = True
        cursor = connection.cursor()
        cursor.execute("DROP SCHEMA IF EXISTS tools_rc CASCADE")
        cursor.execute("CREATE SCHEMA tools_rc")
        cursor.execute("CREATE TABLE tools_rc.songs (song_id VARCHAR(18) NOT NULL, duration DOUBLE PRECISION)")
        cursor.execute("CREATE VIEW tools_rc.long_songs AS SELECT song_id FROM tools_rc.songs WHERE duration > 300")
        yield connection
        cursor.execute("DROP SCHEMA IF EXISTS tools_rc CASCADE")


def test_server_version_is_redshifts(connection):
    # "Amazon Redshift and PostgreSQL": Redshift is based on PostgreSQL 8.0.2
    assert (b"server_version", b"8.0.2") in connection.parameter_statuses


def test_select_has_no_row_count_insert_has(connection):
    # redshift_connector counts the rows of INSERT, DELETE, UPDATE and MOVE only from servers below 8.2 (Redshift)
    cursor = connection.cursor()
    cursor.execute("INSERT INTO tools_rc.songs VALUES ('a', 1), ('b', 2)")
    assert cursor.rowcount == 2
    cursor.execute("SELECT * FROM tools_rc.songs")
    assert cursor.rowcount == -1
    assert cursor.redshift_rowcount == 2  # the driver counts the rows it fetched
    assert len(cursor.fetchall()) == 2


def test_get_schemas_lists_the_schema_in_the_clusters_database(cluster, connection):
    schemas = connection.cursor().get_schemas(schema_pattern="tools_rc")
    assert [tuple(row) for row in schemas] == [("tools_rc", cluster.database)]


def test_get_tables_lists_the_table_and_the_view(cluster, connection):
    tables = connection.cursor().get_tables(schema_pattern="tools_rc")
    assert sorted((row[0], row[1], row[2], row[3]) for row in tables) == [
        (cluster.database, "tools_rc", "long_songs", "VIEW"),
        (cluster.database, "tools_rc", "songs", "TABLE"),
    ]


def test_get_columns_describes_the_columns(cluster, connection):
    columns = connection.cursor().get_columns(schema_pattern="tools_rc", tablename_pattern="songs")
    # TYPE_NAME, COLUMN_SIZE and IS_NULLABLE as the driver's own query maps the data types (float8: 17 digits)
    described = [(row[0], row[1], row[2], row[3], row[5], row[6], row[17]) for row in columns]
    assert described == [
        (cluster.database, "tools_rc", "songs", "song_id", "varchar", 18, "NO"),
        (cluster.database, "tools_rc", "songs", "duration", "float8", 17, "YES"),
    ]


def test_get_procedures_lists_a_stored_procedure(connection):
    cursor = connection.cursor()
    cursor.execute("CREATE PROCEDURE tools_rc.add_song(id VARCHAR) AS $$ BEGIN NULL; END; $$ LANGUAGE plpgsql")
    procedures = cursor.get_procedures(schema_pattern="tools_rc")
    assert [(row[1], row[2]) for row in procedures] == [("tools_rc", "add_song")]


def test_the_metadata_api_takes_the_show_path(connection):
    # redshift_connector's Cursor.get_show_discovery_version reads the ParameterStatus show_discovery; from 4 every
    # metadata call runs the SHOW commands (below it they raise or fall back to the driver's older queries)
    assert connection.cursor().get_show_discovery_version() == 4


def test_get_primary_and_imported_keys(cluster, connection):
    # the driver's get_primary_keys and get_imported_keys read SHOW CONSTRAINTS (TABLE_CAT ... KEY_SEQ, PK_NAME)
    cursor = connection.cursor()
    cursor.execute("CREATE TABLE tools_rc.artists (artist_id VARCHAR(18) PRIMARY KEY)")
    cursor.execute(
        "CREATE TABLE tools_rc.tracks (id INT PRIMARY KEY, artist_id VARCHAR(18) REFERENCES tools_rc.artists)"
    )
    keys = cursor.get_primary_keys(schema="tools_rc", table="tracks")
    assert [tuple(row) for row in keys] == [(cluster.database, "tools_rc", "tracks", "id", 1, "tracks_pkey")]
    [imported] = cursor.get_imported_keys(schema="tools_rc", table="tracks")
    assert (imported[2], imported[3], imported[6], imported[7], imported[11], imported[12]) == (
        "artists",
        "artist_id",
        "tracks",
        "artist_id",
        "tracks_artist_id_fkey",
        "artists_pkey",
    )


def test_get_function_columns_lists_the_result_and_the_arguments(connection):
    # the driver's get_function_columns: a function's RETURN column (position 0), then its IN parameters
    cursor = connection.cursor()
    cursor.execute(
        "CREATE FUNCTION tools_rc.plus(a INT, b INT) RETURNS INT STABLE AS $$ SELECT $1 + $2 $$ LANGUAGE sql"
    )
    columns = cursor.get_function_columns(schema_pattern="tools_rc", function_name_pattern="plus")
    assert [(row[3], row[6], row[14]) for row in columns] == [("", "int4", 0), ("a", "int4", 1), ("b", "int4", 2)]


def test_with_every_database_in_its_metadata_the_driver_lists_another_database_of_the_cluster(cluster, connection):
    # With database_metadata_current_db_only=False the driver's metadata spans the cluster's databases (the server
    # sends datashare_enabled on): SHOW DATABASES, then SHOW SCHEMAS FROM DATABASE %s and SHOW TABLES FROM SCHEMA
    # %s.%s with the names bound; SHOW SCHEMAS's and SHOW TABLES's pages list what the database they name holds
    cursor = connection.cursor()
    cursor.execute("DROP DATABASE IF EXISTS tools_rc_other")
    cursor.execute("CREATE DATABASE tools_rc_other")
    try:
        other = dataclasses.replace(cluster, database="tools_rc_other")
        with other.redshift_connector() as there:
            there.autocommit = True
            there.cursor().execute("CREATE SCHEMA rc_there")
            there.cursor().execute("CREATE TABLE rc_there.plays (play_id INT)")
        with cluster.redshift_connector(database_metadata_current_db_only=False) as spanning:
            assert not spanning.is_single_database_metadata
            metadata = spanning.cursor()
            catalogs = [row[0] for row in metadata.get_catalogs()]
            assert {cluster.database, "tools_rc_other"} <= set(catalogs)
            schemas = metadata.get_schemas(catalog="tools_rc_other", schema_pattern="rc_there")
            assert [tuple(row) for row in schemas] == [("rc_there", "tools_rc_other")]
            tables = metadata.get_tables(catalog="tools_rc_other", schema_pattern="rc_there")
            assert [(row[0], row[1], row[2], row[3]) for row in tables] == [
                ("tools_rc_other", "rc_there", "plays", "TABLE")
            ]
            here = metadata.get_tables(catalog=cluster.database, schema_pattern="tools_rc", table_name_pattern="songs")
            assert [(row[0], row[2]) for row in here] == [(cluster.database, "songs")]
    finally:
        cursor.execute("DROP DATABASE tools_rc_other FORCE")
