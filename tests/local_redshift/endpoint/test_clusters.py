"""The warehouses the endpoint keeps for the clusters: a catalog made by an earlier build is refreshed at the next
login, the cluster's tables kept."""

from __future__ import annotations

import uuid

import psycopg

from local_redshift.catalog import version
from tests.local_redshift.conftest import create_cluster


def test_a_warehouse_made_by_an_earlier_build_gets_this_builds_catalog_and_keeps_its_tables(local_stack):
    login = create_cluster(local_stack, f"refresh-{uuid.uuid4().hex[:8]}")
    with login.psycopg(autocommit=True) as connection:
        connection.execute("CREATE TABLE kept (n INT)")
        connection.execute("INSERT INTO kept VALUES (7)")
        database = connection.execute("SELECT pg_catalog.current_database()").fetchone()[0]
    assert local_stack.warehouses.catalog_version(database) == version()
    server = local_stack.warehouse(login.identifier)
    with psycopg.connect(server.conninfo(database), autocommit=True) as admin:  # as an earlier build left it:
        admin.execute("DROP FUNCTION redshift_system.check_database(text)")  # a catalog without a later function
    (local_stack.warehouses.folder / database / "ready").write_text("")  # and no catalog version kept

    with login.psycopg() as connection:
        assert connection.execute("SELECT n FROM dev.public.kept").fetchone() == (7,)  # three-part names check it
    assert local_stack.warehouses.catalog_version(database) == version()
