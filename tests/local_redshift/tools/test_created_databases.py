"""Databases made with CREATE DATABASE in a cluster, through the endpoint: "After you have created the SALESDB
database, you can connect to the new database from your SQL client. Use the same connection parameters as you used for
your current connection, but change the database name" ("Create a database"); DROP DATABASE deletes it."""

from __future__ import annotations

import dataclasses
import uuid

import psycopg
import pytest

from tests.local_redshift.serverless.workgroups import create_workgroup


@pytest.fixture
def database(cluster):
    name = f"salesdb_{uuid.uuid4().hex[:8]}"
    with cluster.psycopg(autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield dataclasses.replace(cluster, database=name)
    with cluster.psycopg(autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")


def test_a_created_database_takes_logins_of_the_clusters_users_and_has_the_catalog(database):
    with database.psycopg(autocommit=True) as conn:
        assert conn.execute("SELECT current_database()").fetchone() == (database.database,)
        conn.execute("CREATE TABLE sales (id INT DISTKEY, sold DATE) SORTKEY (sold)")
        conn.execute("INSERT INTO sales VALUES (1, '2008-01-05')")
        design = conn.execute(
            "SELECT \"column\", distkey, sortkey FROM pg_table_def WHERE tablename = 'sales' ORDER BY 1"
        )
        assert design.fetchall() == [("id", True, 0), ("sold", False, 1)]
    with database.redshift_connector() as conn:
        cursor = conn.cursor()
        cursor.execute("SELECT count(*) FROM sales")
        assert cursor.fetchall() == ([1],)


def test_its_tables_are_its_own(cluster, database):
    with database.psycopg(autocommit=True) as conn:
        conn.execute("CREATE TABLE only_here (a INT)")
    with cluster.psycopg() as conn, pytest.raises(psycopg.errors.UndefinedTable):
        conn.execute("SELECT * FROM only_here")


def test_a_dropped_database_takes_no_logins(cluster, database):
    with cluster.psycopg(autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {database.database}")
    with pytest.raises(psycopg.OperationalError, match=f'database "{database.database}" does not exist'):
        database.psycopg().close()


@pytest.mark.parametrize("name", ["postgres", "template1", "template0"])
def test_the_servers_own_databases_take_no_logins(cluster, name):
    with pytest.raises(psycopg.OperationalError, match=f'database "{name}" does not exist'):
        dataclasses.replace(cluster, database=name).psycopg().close()


def test_a_database_created_in_a_serverless_namespace_is_the_namespaces(local_stack):
    # the Serverless rules hold in it as in the namespace's own database: STL views refused, SYS views answer
    workgroup = create_workgroup(local_stack, "createdb")
    with workgroup.connect() as conn:
        conn.execute("CREATE DATABASE ordersdb")
    with dataclasses.replace(workgroup, database="ordersdb").connect() as conn:
        assert conn.execute("SELECT current_database()").fetchone() == ("ordersdb",)
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied for relation stl_query"):
            conn.execute("SELECT * FROM stl_query")
