"""SHOW DATABASES, SCHEMAS, TABLES and COLUMNS through the endpoint, with the columns and rows their pages show."""

from __future__ import annotations

import psycopg
import pytest


@pytest.fixture
def conn(cluster):
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute("DROP SCHEMA IF EXISTS tools_show CASCADE")
        connection.execute("CREATE SCHEMA tools_show")
        connection.execute("CREATE TABLE tools_show.tb (id INT NOT NULL, name VARCHAR(20), price DECIMAL(8,2))")
        connection.execute("CREATE TABLE tools_show.tb2 (id INT)")
        yield connection
        connection.execute("DROP SCHEMA IF EXISTS tools_show CASCADE")


def columns(cursor: psycopg.Cursor) -> list[str]:
    return [column.name for column in cursor.description or []]


def test_show_databases_lists_the_clusters_database(cluster, conn):
    # SHOW DATABASES: the databases of SVV_REDSHIFT_DATABASES (its page's example: dev | 1 | local | ...)
    cursor = conn.execute("SHOW DATABASES")
    assert columns(cursor)[:3] == ["database_name", "database_owner", "database_type"]
    assert [(row[0], row[2]) for row in cursor.fetchall()] == [(cluster.database, "local")]
    assert conn.execute("SHOW DATABASES LIKE 'no%'").fetchall() == []


def test_show_schemas_from_database(cluster, conn):
    # SHOW SCHEMAS's page: database_name | schema_name | schema_owner | schema_type | schema_acl | source_database |
    # schema_option, one row per schema
    cursor = conn.execute(f"SHOW SCHEMAS FROM DATABASE {cluster.database} LIKE 'tools_sh%'")
    assert columns(cursor) == [
        "database_name", "schema_name", "schema_owner", "schema_type", "schema_acl", "source_database", "schema_option"
    ]  # fmt: skip
    assert [(row[0], row[1], row[3]) for row in cursor.fetchall()] == [(cluster.database, "tools_show", "local")]


def test_show_tables_from_schema(cluster, conn):
    # SHOW TABLES's page, its example: SHOW TABLES FROM SCHEMA dev.public lists dev | public | tb | TABLE | |
    cursor = conn.execute(f"SHOW TABLES FROM SCHEMA {cluster.database}.tools_show")
    assert columns(cursor) == ["database_name", "schema_name", "table_name", "table_type", "table_acl", "remarks"]
    assert [row[:4] for row in cursor.fetchall()] == [
        (cluster.database, "tools_show", "tb", "TABLE"),
        (cluster.database, "tools_show", "tb2", "TABLE"),
    ]
    limited = conn.execute(f"SHOW TABLES FROM SCHEMA {cluster.database}.tools_show LIKE 'tb%' LIMIT 1")
    assert [row[2] for row in limited.fetchall()] == ["tb"]


def test_show_columns_from_table(cluster, conn):
    # SHOW COLUMNS's page: one row per column, in their order, with the attributes of SVV_ALL_COLUMNS
    cursor = conn.execute(f"SHOW COLUMNS FROM TABLE {cluster.database}.tools_show.tb")
    assert columns(cursor) == [
        "database_name", "schema_name", "table_name", "column_name", "ordinal_position", "column_default",
        "is_nullable", "data_type", "character_maximum_length", "numeric_precision", "numeric_scale", "remarks",
    ]  # fmt: skip
    rows = cursor.fetchall()
    assert [(row[3], row[4], row[6], row[7]) for row in rows] == [
        ("id", 1, "NO", "integer"),
        ("name", 2, "YES", "character varying"),
        ("price", 3, "YES", "numeric"),
    ]
    assert rows[1][8] == 20  # VARCHAR(20)
    assert rows[2][9:11] == (8, 2)  # DECIMAL(8,2)
    like = conn.execute(f"SHOW COLUMNS FROM TABLE {cluster.database}.tools_show.tb LIKE 'p%'")
    assert [row[3] for row in like.fetchall()] == ["price"]


def test_show_of_another_database_does_not_exist(conn):
    with pytest.raises(psycopg.errors.InvalidCatalogName, match='database "otherdb" does not exist'):
        conn.execute("SHOW TABLES FROM SCHEMA otherdb.public")
