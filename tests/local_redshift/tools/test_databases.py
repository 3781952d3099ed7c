"""The cluster's database as clients see it through the endpoint: by its own name in three-part names,
CURRENT_DATABASE(), INFORMATION_SCHEMA and PG_DATABASE; never the PostgreSQL database holding it."""

from __future__ import annotations

import psycopg
import pytest


@pytest.fixture
def conn(cluster):
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute("DROP SCHEMA IF EXISTS tools_databases CASCADE")
        connection.execute("CREATE SCHEMA tools_databases")
        yield connection
        connection.execute("DROP SCHEMA IF EXISTS tools_databases CASCADE")


def test_three_part_names_of_the_clusters_database_read_and_write(cluster, conn):
    # "Querying data across databases": database_name.schema_name.object_name, here the connected database
    database = cluster.database
    conn.execute(f"CREATE TABLE {database}.tools_databases.t (a INT)")
    conn.execute(f"INSERT INTO {database}.tools_databases.t VALUES (1), (2)")
    conn.execute(f"UPDATE {database}.tools_databases.t SET a = a + 10 WHERE a = 2")
    rows = conn.execute(f"SELECT {database}.tools_databases.t.a FROM {database}.tools_databases.t ORDER BY 1")
    assert rows.fetchall() == [(1,), (12,)]


def test_another_database_in_a_three_part_name_does_not_exist(conn):
    conn.execute("CREATE TABLE tools_databases.t (a INT)")
    with pytest.raises(psycopg.errors.InvalidCatalogName, match='database "otherdb" does not exist'):
        conn.execute("INSERT INTO otherdb.tools_databases.t VALUES (1)")
    with pytest.raises(psycopg.errors.InvalidCatalogName, match='database "otherdb" does not exist'):
        conn.execute("SELECT * FROM otherdb.tools_databases.t")
    assert conn.execute("SELECT count(*) FROM tools_databases.t").fetchone() == (0,)  # the INSERT rolled back


def test_current_database_information_schema_and_pg_database_name_the_clusters_database(cluster, conn):
    conn.execute("CREATE TABLE tools_databases.t (a INT)")
    assert conn.execute("SELECT current_database()").fetchone() == (cluster.database,)
    tables = conn.execute(
        "SELECT DISTINCT table_catalog FROM information_schema.tables WHERE table_schema = 'tools_databases'"
    )
    assert tables.fetchall() == [(cluster.database,)]
    columns = conn.execute("SELECT DISTINCT table_catalog FROM information_schema.columns WHERE table_name = 't'")
    assert columns.fetchall() == [(cluster.database,)]
    schemata = conn.execute("SELECT catalog_name FROM information_schema.schemata WHERE schema_name = 'public'")
    assert schemata.fetchall() == [(cluster.database,)]
    assert conn.execute("SELECT datname FROM pg_database").fetchall() == [(cluster.database,)]
