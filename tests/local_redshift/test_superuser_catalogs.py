"""The master user reads every catalog table, PG_STATISTIC and PG_LARGEOBJECT included, in each database of its
cluster (r_superusers.html: "The admin user, which is the user you created when you launched the cluster, is a
superuser"; "Superusers can view all catalog tables"), though it is no superuser of the PostgreSQL server."""

from __future__ import annotations

import uuid

import psycopg
import pytest

from tests.local_redshift.conftest import Login, create_cluster

TABLES = ["pg_statistic", "pg_largeobject"]


@pytest.fixture(scope="module")
def cluster(local_stack) -> Login:
    return create_cluster(local_stack, f"catalogs-{uuid.uuid4().hex[:8]}")


def readable(login: Login, table: str) -> bool:
    with login.psycopg(autocommit=True) as connection:
        connection.execute(f"SELECT * FROM {table} LIMIT 1").fetchall()
    return True


@pytest.mark.parametrize("table", TABLES)
def test_the_master_user_reads_the_catalog_table(cluster, table):
    assert readable(cluster, table)


@pytest.mark.parametrize("protocol", [0, 1, 2])
def test_the_master_user_reads_pg_statistic_through_redshift_connector_in_each_protocol(cluster, protocol):
    # the values PG_STATISTIC holds after ANALYZE (r_ANALYZE.html: ANALYZE "updates table statistics")
    with cluster.redshift_connector(client_protocol_version=protocol) as connection:
        cursor = connection.cursor()
        cursor.execute("CREATE TEMP TABLE analyzed (n INT)")
        cursor.execute("INSERT INTO analyzed VALUES (1), (2), (3)")
        cursor.execute("ANALYZE analyzed")
        cursor.execute("SELECT * FROM pg_statistic")
        assert cursor.fetchall()
        cursor.execute("SELECT * FROM pg_largeobject")
        cursor.fetchall()


def test_the_master_user_reads_them_in_a_database_made_by_create_database(cluster):
    name = f"made_{uuid.uuid4().hex[:8]}"
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    made = Login(cluster.port, name, cluster.user, cluster.password, cluster.identifier)
    assert all(readable(made, table) for table in TABLES)


def test_a_warehouse_made_by_an_earlier_build_gets_the_grant_at_its_next_login(local_stack):
    login = create_cluster(local_stack, f"catalogs-old-{uuid.uuid4().hex[:8]}")
    with login.psycopg(autocommit=True) as connection:
        database = connection.execute("SELECT pg_catalog.current_database()").fetchone()[0]
    with psycopg.connect(local_stack.warehouse(login.identifier).conninfo(database), autocommit=True) as admin:
        admin.execute(f'REVOKE SELECT ON pg_statistic, pg_largeobject FROM "{login.user}"')  # as an earlier build
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        readable(login, "pg_statistic")
    (local_stack.warehouses.folder / database / "ready").write_text("")  # and no catalog version kept
    assert all(readable(login, table) for table in TABLES)
