"""Connecting through the endpoint: SSL refused, md5 login against the cluster, and the cluster's life."""

import os
import subprocess
import uuid

import psycopg
import pytest
import redshift_connector

from local_redshift.postgres import binaries
from tests.local_redshift.conftest import create_cluster, stack_client

pytestmark = pytest.mark.server  # one test starts a local stack of its own; the others use `local_stack`


def test_redshift_connector_logs_in_with_md5_and_reports_the_session(cluster):
    with cluster.redshift_connector() as connection:
        cursor = connection.cursor()
        cursor.execute("SELECT current_user, session_user, 1 + 1")
        assert cursor.fetchone() == [cluster.user, cluster.user, 2]
        cursor.execute("CREATE TEMP TABLE owned (n INT)")
        cursor.execute("SELECT tableowner FROM pg_tables WHERE tablename = 'owned'")
        assert cursor.fetchone() == [cluster.user]


def test_redshift_connector_refuses_a_certificate_it_does_not_trust(cluster):
    """Its default (ssl=True, verify-ca) checks the chain: the stack's certificate must be made a root for it
    (test_endpoint_admission.py shows how)."""
    with pytest.raises(redshift_connector.InterfaceError, match="certificate verify failed"):
        redshift_connector.connect(
            host=cluster.host, port=cluster.port, database=cluster.database, user=cluster.user,
            password=cluster.password, ssl=True,
        )  # fmt: skip


def test_psycopg_preferring_ssl_gets_tls(cluster):
    with cluster.psycopg(sslmode="prefer") as connection:
        assert connection.pgconn.ssl_in_use
        assert connection.execute("SELECT 42").fetchone() == (42,)


def test_psql_client_runs_a_query(cluster):
    psql = binaries() / "psql"
    result = subprocess.run(
        [str(psql), "-h", cluster.host, "-p", str(cluster.port), "-U", cluster.user, "-d", cluster.database,
         "-At", "-c", "SELECT 'hello from psql'"],
        env={**os.environ, "PGPASSWORD": cluster.password}, capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "hello from psql"


@pytest.mark.parametrize(
    ("change", "sqlstate", "message"),
    [
        ({"password": "Wrong0ne"}, "28P01", 'password authentication failed for user "awsuser"'),
        ({"user": "nobody"}, "28000", 'password authentication failed for user "nobody"'),
        ({"database": "nodb"}, "3D000", 'database "nodb" does not exist'),
    ],
)
def test_wrong_login_fails_with_a_clear_message(cluster, change, sqlstate, message):
    settings = {
        "host": cluster.host,
        "port": cluster.port,
        "dbname": cluster.database,
        "user": cluster.user,
        "password": cluster.password,
        **change,
    }
    settings["dbname"] = settings.pop("database", settings["dbname"])
    with pytest.raises(psycopg.OperationalError, match=message):
        psycopg.connect(**settings)


def test_a_deleted_cluster_refuses_connections_and_a_recreated_one_starts_empty(local_stack, cluster):
    """`cluster` stays: with no cluster left at all, a login is refused with another message (the next test's)."""
    identifier = f"life-{uuid.uuid4().hex[:8]}"
    login = create_cluster(local_stack, identifier, database="lifedb", user="lifeuser")
    with login.psycopg(autocommit=True) as connection:
        connection.execute("CREATE TABLE kept (id INT)")
        connection.execute("INSERT INTO kept VALUES (1)")
        assert connection.execute("SELECT current_database()").fetchone() == ("lifedb",)
        database = connection.execute("SELECT pg_catalog.current_database()").fetchone()[0]
    redshift = stack_client(local_stack, "redshift")
    redshift.delete_cluster(ClusterIdentifier=identifier, SkipFinalClusterSnapshot=True)
    with pytest.raises(psycopg.OperationalError, match="lifedb"):
        login.psycopg()
    again = create_cluster(local_stack, identifier, database="lifedb", user="lifeuser")
    with again.psycopg() as connection:
        assert connection.execute("SELECT pg_catalog.current_database()").fetchone()[0] != database
        with pytest.raises(psycopg.errors.UndefinedTable):
            connection.execute("SELECT * FROM kept")
    assert database not in local_stack.warehouses.names()  # the deleted cluster's server and data are gone
    assert not (local_stack.warehouses.folder / database).exists()
    redshift.delete_cluster(ClusterIdentifier=identifier, SkipFinalClusterSnapshot=True)


def test_no_cluster_at_all_is_explained(tmp_path_factory):
    from tests.support import running_stack

    refused = pytest.raises(psycopg.OperationalError, match=r"no Redshift cluster exists .* create one first")
    with running_stack(tmp_path_factory.mktemp("empty-stack")) as stack, refused:
        psycopg.connect(host="127.0.0.1", port=stack.settings.endpoint_port, dbname="dev", user="u", password="p")


def test_a_cluster_that_is_not_available_refuses_connections_until_it_is(local_stack):
    identifier = f"paused-{uuid.uuid4().hex[:8]}"
    login = create_cluster(local_stack, identifier, database="pauseddb", user="pauser")
    redshift = stack_client(local_stack, "redshift")
    redshift.pause_cluster(ClusterIdentifier=identifier)
    with pytest.raises(
        psycopg.OperationalError, match=f'cluster "{identifier}" is paused: connect once it is available'
    ):
        login.psycopg()
    redshift.resume_cluster(ClusterIdentifier=identifier)
    with login.psycopg() as connection:
        assert connection.execute("SELECT current_user").fetchone() == ("pauser",)
    redshift.delete_cluster(ClusterIdentifier=identifier, SkipFinalClusterSnapshot=True)
