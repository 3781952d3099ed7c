"""A damaged state file of the AWS stand-in never costs data: the stack comes up, says what happened, and keeps the
warehouses of the clusters (and namespaces) it could not restore, however often one logs in or restarts; only
deleting a cluster through the API deletes its warehouse. Issue 16: "only deleting a cluster deletes its data"."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

import psycopg
import pytest

from local_redshift.stack import LocalStack
from tests.local_redshift.conftest import create_cluster, stack_client
from tests.local_redshift.serverless.workgroups import create_workgroup
from tests.support import running_stack

pytestmark = pytest.mark.server  # starts local stacks of their own

ROWS = [(1, "one"), (2, "two")]
DAMAGES: dict[str, Callable[[bytes, str], bytes]] = {
    "truncated": lambda data, _: data[: len(data) // 3],  # as a full disk leaves it
    "garbage": lambda data, _: b"\x00\xffnot a pickle at all" * 64,
    "another version": lambda _, module: f"c{module}\nClassOfAnotherVersion\n)\x81.".encode(),
}


def _warehouse_rows(stack: LocalStack, name: str, table: str) -> list[tuple]:
    """A table of a warehouse, read as its server's superuser (no cluster needed)."""
    with psycopg.connect(stack.warehouses.server(name).conninfo(name)) as connection:
        return connection.execute(f"SELECT * FROM public.{table} ORDER BY 1").fetchall()


def _damage(stack: LocalStack, damage: Callable[[bytes, str], bytes]) -> None:
    [clusters] = (stack.aws_state / "redshift").glob("*/us-west-2.pickle")
    clusters.write_bytes(damage(clusters.read_bytes(), "moto.redshift.models"))
    namespaces = stack.aws_state / "redshift-serverless.pickle"
    namespaces.write_bytes(damage(namespaces.read_bytes(), "local_redshift.serverless.models"))


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_state_file_loses_no_data(tmp_path_factory, caplog, damage: str) -> None:
    with running_stack(tmp_path_factory.mktemp("damaged-state")) as stack:
        kept = create_cluster(stack, f"kept-{uuid.uuid4().hex[:8]}", database="keptdb", user="keeper")
        with kept.psycopg(autocommit=True) as connection:
            connection.execute("CREATE TABLE words (n INT, word VARCHAR(16))")
            connection.execute("INSERT INTO words VALUES (1, 'one'), (2, 'two')")
        workgroup = create_workgroup(stack, "kept")
        with workgroup.connect() as connection:
            connection.execute("CREATE TABLE kept (n INT)")
            connection.execute("INSERT INTO kept VALUES (42)")
        warehouses = set(stack.warehouses.names())
        [of_cluster] = [name for name in warehouses if stack.warehouses.cluster_of(name) == kept.identifier]
        [of_namespace] = warehouses - {of_cluster}
        stack.down()
        _damage(stack, DAMAGES[damage])

        with caplog.at_level(logging.WARNING, logger="local_redshift.stack"):
            stack.up()
        notices = [record.getMessage() for record in caplog.records if "AWS stand-in" in record.getMessage()]
        for what in ("Redshift clusters", "Redshift Serverless namespaces and workgroups"):
            [notice] = [notice for notice in notices if f"could not restore the {what}" in notice]
            assert notice.endswith(", and their data is kept (only deleting a cluster deletes it)"), notice
            assert "kept as damaged/" in notice, notice
        assert len(list((stack.aws_state / "damaged").iterdir())) == 2
        assert set(stack.warehouses.names()) == warehouses

        other = create_cluster(stack, f"other-{uuid.uuid4().hex[:8]}")
        with other.psycopg() as connection:  # a login lists the clusters: the missing ones keep their data
            assert connection.execute("SELECT 1").fetchone() == (1,)
        with pytest.raises(psycopg.OperationalError, match=r'no cluster .* has database "keptdb"'):
            kept.psycopg()  # the stand-in lost the cluster: the login says so
        assert warehouses < set(stack.warehouses.names())

        stack.down()  # re-creating nothing, and restarting, still loses nothing
        stack.up()
        with other.psycopg() as connection:
            assert connection.execute("SELECT 1").fetchone() == (1,)
        assert warehouses < set(stack.warehouses.names())
        assert _warehouse_rows(stack, of_cluster, "words") == ROWS
        assert _warehouse_rows(stack, of_namespace, "kept") == [(42,)]

        again = create_cluster(stack, kept.identifier, database="keptdb", user="keeper")
        with again.psycopg() as connection, pytest.raises(psycopg.errors.UndefinedTable):
            connection.execute("SELECT * FROM words")  # made anew under the same name: a new, empty database
        assert _warehouse_rows(stack, of_cluster, "words") == ROWS

        [of_other] = [
            name for name in stack.warehouses.names() if stack.warehouses.cluster_of(name) == other.identifier
        ]
        stack_client(stack, "redshift").delete_cluster(
            ClusterIdentifier=other.identifier, SkipFinalClusterSnapshot=True
        )
        stack.down()  # the deletion is recorded on disk: it outlives a restart
        stack.up()
        with again.psycopg() as connection:  # the next login deletes the deleted cluster's warehouse, and it alone
            assert connection.execute("SELECT 1").fetchone() == (1,)
        names = set(stack.warehouses.names())
        assert of_other not in names and not (stack.warehouses.folder / of_other).exists()
        assert warehouses < names


def test_deleting_a_namespace_deletes_its_data_and_deleting_its_workgroup_does_not(local_stack, cluster) -> None:
    """ "If you want to delete a namespace with an associated workgroup, you have to first delete the workgroup";
    "You can keep your data by creating a manual snapshot prior to completing the delete operation" (Redshift
    management guide, "Deleting a namespace"): the data belongs to the namespace, and goes with it."""
    workgroup = create_workgroup(local_stack, "deleted")
    with workgroup.connect() as connection:
        connection.execute("CREATE TABLE kept (n INT)")
        connection.execute("INSERT INTO kept VALUES (7)")
    warehouses = local_stack.warehouses
    [name] = [n for n in warehouses.names() if warehouses.cluster_of(n) == workgroup.name]
    serverless = stack_client(local_stack, "redshift-serverless")
    serverless.delete_workgroup(workgroupName=workgroup.name)
    with cluster.psycopg():  # a login: the warehouses of deleted clusters go
        pass
    assert _warehouse_rows(local_stack, name, "kept") == [(7,)]
    serverless.delete_namespace(namespaceName=workgroup.namespace)
    with cluster.psycopg():
        pass
    assert name not in warehouses.names() and not (warehouses.folder / name).exists()
