"""The local stack: up, status, idempotence, stale pid files, a taken port, down; and a boto3 round trip."""

import json
import socket

import psycopg
import pytest

from local_redshift.postgres import PostgresServer
from local_redshift.processes import alive, port_open
from local_redshift.stack import LocalStack, StackError, StackSettings
from tests.support import REDSHIFT_TRUST, S3_READ_ONLY, free_port, stand_in_client

pytestmark = pytest.mark.server  # starts a local stack of its own


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    state = tmp_path_factory.mktemp("stack")
    stack = LocalStack(
        StackSettings(
            state_dir=state / "state", aws_port=free_port(), postgres_port=free_port(), endpoint_port=free_port()
        )
    )
    yield stack
    stack.down()


def client(stack, service):
    return stand_in_client(service, stack.settings.aws_endpoint, "us-west-2")


def test_up_is_idempotent_and_reports_each_component(stack):
    first = stack.up()
    assert [c.name for c in first] == ["moto", "endpoint"] and all(c.healthy for c in first)  # no warehouse yet
    assert all(c.address.startswith(("127.0.0.1", "http://127.0.0.1")) for c in first)
    assert [c.pid for c in stack.up()] == [c.pid for c in first]


def test_boto3_round_trip_through_moto(stack):
    stack.up()
    iam = client(stack, "iam")
    role = iam.create_role(RoleName="dwhRole", AssumeRolePolicyDocument=json.dumps(REDSHIFT_TRUST))["Role"]
    iam.attach_role_policy(RoleName="dwhRole", PolicyArn=S3_READ_ONLY)
    attached = iam.list_attached_role_policies(RoleName="dwhRole")["AttachedPolicies"]
    assert [p["PolicyName"] for p in attached] == ["AmazonS3ReadOnlyAccess"]
    s3 = client(stack, "s3")
    s3.create_bucket(Bucket="round-trip", CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    s3.put_object(Bucket="round-trip", Key="k.json", Body=b"{}")
    assert [o["Key"] for o in s3.list_objects_v2(Bucket="round-trip")["Contents"]] == ["k.json"]
    redshift = client(stack, "redshift")
    redshift.create_cluster(
        ClusterIdentifier="c1",
        NodeType="ra3.large",
        ClusterType="single-node",
        MasterUsername="u",
        MasterUserPassword="Passw0rd1",
        DBName="dwh",
        IamRoles=[role["Arn"]],
    )
    cluster = redshift.describe_clusters(ClusterIdentifier="c1")["Clusters"][0]
    assert cluster["ClusterStatus"] == "available" and cluster["IamRoles"][0]["IamRoleArn"] == role["Arn"]


def test_stale_pid_file_is_recovered(stack):
    stack.down()
    (stack.settings.state_dir / "moto.pid").write_text("999999\n")
    assert stack.status()[0].pid is None
    assert all(c.healthy for c in stack.up())


def test_taken_port_gives_a_clear_message(tmp_path):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        other = LocalStack(
            StackSettings(state_dir=tmp_path, aws_port=port, postgres_port=free_port(), endpoint_port=free_port())
        )
        with pytest.raises(StackError, match=f"port {port} on 127.0.0.1 is taken .* SPARKIFY_LOCAL_AWS_PORT"):
            other.up()


def test_down_stops_every_process(stack):
    pids = [c.pid for c in stack.up()]
    after = stack.down()
    assert not any(c.healthy or c.pid for c in after)
    assert not any(alive(pid) for pid in pids)
    settings = stack.settings
    assert not any(
        port_open("127.0.0.1", port) for port in (settings.aws_port, settings.postgres_port, settings.endpoint_port)
    )


def listening_addresses(port: int) -> set[str]:
    """The local addresses of the TCP sockets listening on `port`, read from /proc/net/tcp and tcp6."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as lines:
            for line in list(lines)[1:]:
                local, state = line.split()[1], line.split()[3]
                address, hex_port = local.rsplit(":", 1)
                if state == "0A" and int(hex_port, 16) == port:
                    found.add(address)
    return found


def test_every_listener_is_on_loopback_and_the_databases_want_a_password(stack):
    stack.up()
    settings = stack.settings
    refused = r"password authentication failed|no Redshift cluster|no cluster in the local AWS stand-in has"
    with pytest.raises(psycopg.OperationalError, match=refused):  # the clusters of earlier tests are kept
        psycopg.connect(host="127.0.0.1", port=settings.endpoint_port, user="postgres", password="", dbname="dev")
    # a password of its own: the clusters of earlier tests, with the same user and database, are kept
    client(stack, "redshift").create_cluster(
        ClusterIdentifier="listened", NodeType="ra3.large", ClusterType="single-node", MasterUsername="u",
        MasterUserPassword="Passw0rd7", DBName="dwh",
    )  # fmt: skip
    psycopg.connect(
        host="127.0.0.1", port=settings.endpoint_port, user="u", password="Passw0rd7", dbname="dwh"
    ).close()  # the first login starts the cluster's warehouse
    warehouse = stack.warehouse("listened")
    for port in (settings.aws_port, warehouse.port, settings.endpoint_port):
        assert listening_addresses(port) == {"0100007F"}, f"port {port} listens beyond 127.0.0.1"
    for user in ("postgres", "u"):
        with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
            psycopg.connect(host="127.0.0.1", port=warehouse.port, user=user, password="Passw0rd7", dbname="postgres")


def test_down_stops_each_clusters_server_and_up_starts_it_again(stack):
    stack.up()
    client(stack, "redshift").create_cluster(
        ClusterIdentifier="restarted", NodeType="ra3.large", ClusterType="single-node", MasterUsername="u",
        MasterUserPassword="Passw0rd2", DBName="dwh",
    )  # fmt: skip
    psycopg.connect(
        host="127.0.0.1", port=stack.settings.endpoint_port, user="u", password="Passw0rd2", dbname="dwh"
    ).close()
    running = stack.warehouse("restarted")
    assert running.pid() and any(
        c.name == "postgres" and c.healthy and "restarted" in c.address for c in stack.status()
    )
    stack.down()
    assert running.pid() is None and not any(c.healthy or c.pid for c in stack.status())
    assert any(c.name == "postgres" and c.healthy and "restarted" in c.address for c in stack.up())
    assert stack.warehouse("restarted").port == running.port


def test_an_unexpected_failure_of_up_stops_what_it_started_too(tmp_path, monkeypatch):
    """Seen in a clone whose folder hid PostgreSQL's binaries: initdb raised PermissionError and moto kept running."""
    stack = LocalStack(StackSettings(tmp_path / "state", free_port(), free_port(), free_port()))

    def unreachable(*_args: object) -> None:
        raise PermissionError("Permission denied: initdb")

    monkeypatch.setattr(PostgresServer, "ensure_initialized", unreachable)
    with pytest.raises(PermissionError):
        stack.up()
    assert not any(c.healthy or c.pid for c in stack.status())


def test_a_failed_up_stops_what_it_started(tmp_path):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        other = LocalStack(
            StackSettings(tmp_path / "state", aws_port=free_port(), postgres_port=free_port(), endpoint_port=port)
        )
        with pytest.raises(StackError, match=f"port {port} on 127.0.0.1 is taken .* SPARKIFY_DWH_PORT"):
            other.up()
    assert not any(c.healthy or c.pid for c in other.status())
