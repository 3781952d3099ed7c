"""The AWS stand-in's state outlives it: after `local down` + `local up`, or `kill -9` of the stand-in and `up`, a
role, a cluster (the same identity, so its loaded table is found again), S3 objects, an ingress rule, a namespace
with its workgroup are all still there. Only deleting a cluster deletes its data; a damaged state file is
reported, set aside, and does not stop `up`."""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import stat
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest

from local_redshift.processes import alive
from local_redshift.stack import LocalStack
from tests.local_redshift.conftest import Login, create_cluster, s3_reading_role, stack_client
from tests.local_redshift.serverless.workgroups import Workgroup, create_workgroup
from tests.support import running_stack

pytestmark = pytest.mark.server  # starts local stacks of their own

ROWS = [(1, "one"), (2, "two"), (3, "three")]


@pytest.fixture
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStack]:
    with running_stack(tmp_path_factory.mktemp("durable-stack")) as stack:
        yield stack


@dataclass(frozen=True)
class Built:
    """What a learner made in the stand-in, and what the stand-in answered about it then."""

    role: dict
    login: Login
    cluster: dict
    bucket: str
    objects: dict[str, bytes]
    group_id: str
    rules: list
    workgroup: Workgroup
    namespace: dict


def build(stack: LocalStack) -> Built:
    """A role, a bucket with objects, a cluster with a table loaded by COPY, an ingress rule, a namespace and its
    workgroup with a table of its own."""
    name = f"durable-{uuid.uuid4().hex[:8]}"
    role_arn = s3_reading_role(stack, name)
    s3 = stack_client(stack, "s3")
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    objects = {
        "rows/part-0.json": b"\n".join(json.dumps({"n": n, "word": w}).encode() for n, w in ROWS[:2]),
        "rows/part-1.json": json.dumps({"n": ROWS[2][0], "word": ROWS[2][1]}).encode(),
    }
    for key, body in objects.items():
        s3.put_object(Bucket=name, Key=key, Body=body)
    ec2 = stack_client(stack, "ec2")
    group_id = ec2.describe_security_groups(GroupNames=["default"])["SecurityGroups"][0]["GroupId"]
    ec2.authorize_security_group_ingress(
        GroupId=group_id, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 5439, "ToPort": 5439,
                                          "IpRanges": [{"CidrIp": "192.0.2.7/32"}]}],
    )  # fmt: skip
    login = create_cluster(stack, name, IamRoles=[role_arn], VpcSecurityGroupIds=[group_id])
    with login.psycopg(autocommit=True) as connection:
        connection.execute("CREATE TABLE words (n INT, word VARCHAR(16))")
        connection.execute(
            f"COPY words FROM 's3://{name}/rows/' IAM_ROLE '{role_arn}' FORMAT AS JSON 'auto' REGION 'us-west-2'"
        )
    workgroup = create_workgroup(stack, "durable")
    with workgroup.connect() as connection:
        connection.execute("CREATE TABLE kept (n INT)")
        connection.execute("INSERT INTO kept VALUES (42)")
    return Built(
        role=stack_client(stack, "iam").get_role(RoleName=role_arn.rpartition("/")[2])["Role"],
        login=login,
        cluster=_cluster(stack, name),
        bucket=name,
        objects=objects,
        group_id=group_id,
        rules=_rules(stack, group_id),
        workgroup=workgroup,
        namespace=stack_client(stack, "redshift-serverless").get_namespace(namespaceName=workgroup.namespace)[
            "namespace"
        ],
    )


def _cluster(stack: LocalStack, identifier: str) -> dict:
    return stack_client(stack, "redshift").describe_clusters(ClusterIdentifier=identifier)["Clusters"][0]


def _rules(stack: LocalStack, group_id: str) -> list:
    group = stack_client(stack, "ec2").describe_security_groups(GroupIds=[group_id])["SecurityGroups"][0]
    return group["IpPermissions"]


def assert_all_there(stack: LocalStack, built: Built) -> None:
    """Everything `build` made is there again, with the same identities and the same data."""
    iam = stack_client(stack, "iam")
    role = iam.get_role(RoleName=built.role["RoleName"])["Role"]
    assert (role["Arn"], role["RoleId"], role["CreateDate"]) == (
        built.role["Arn"], built.role["RoleId"], built.role["CreateDate"],
    )  # fmt: skip
    attached = iam.list_attached_role_policies(RoleName=built.role["RoleName"])["AttachedPolicies"]
    assert [p["PolicyName"] for p in attached] == ["AmazonS3ReadOnlyAccess"]
    s3 = stack_client(stack, "s3")
    for key, body in built.objects.items():
        assert s3.get_object(Bucket=built.bucket, Key=key)["Body"].read() == body
    cluster = _cluster(stack, built.login.identifier)
    for field in ("ClusterCreateTime", "MasterUsername", "DBName", "IamRoles", "VpcSecurityGroups"):
        assert cluster[field] == built.cluster[field], field
    assert _rules(stack, built.group_id) == built.rules
    with built.login.psycopg() as connection:
        assert connection.execute("SELECT n, word FROM words ORDER BY n").fetchall() == ROWS
    namespace = stack_client(stack, "redshift-serverless").get_namespace(namespaceName=built.workgroup.namespace)
    assert namespace["namespace"]["namespaceId"] == built.namespace["namespaceId"]
    with built.workgroup.connect() as connection:
        assert connection.execute("SELECT n FROM kept").fetchall() == [(42,)]


def test_everything_is_there_after_down_and_up_and_the_state_is_private(stack: LocalStack) -> None:
    built = build(stack)
    stack.down()
    stack.up()
    assert_all_there(stack, built)
    folder = stack.aws_state
    files = [path for path in folder.rglob("*") if path.is_file()]
    assert files
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for log_file in stack.settings.state_dir.rglob("*.log*"):
        text = log_file.read_text(errors="replace")
        assert built.login.password not in text and built.workgroup.password not in text, log_file


def test_everything_is_there_after_kill_9_of_the_stand_in_and_up(stack: LocalStack) -> None:
    built = build(stack)
    [moto] = [component for component in stack.status() if component.name == "moto"]
    os.kill(moto.pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while alive(moto.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    stack.up()
    assert_all_there(stack, built)


def test_only_deleting_the_cluster_deletes_its_data(stack: LocalStack) -> None:
    built = build(stack)
    old_database = _databases(stack)
    stack_client(stack, "redshift").delete_cluster(
        ClusterIdentifier=built.login.identifier, SkipFinalClusterSnapshot=True
    )
    stack.down()
    stack.up()
    again = create_cluster(stack, built.login.identifier, IamRoles=[built.role["Arn"]])
    with again.psycopg(autocommit=True) as connection, pytest.raises(psycopg.errors.UndefinedTable):
        connection.execute("SELECT n FROM words")
    dropped = old_database - _databases(stack)
    assert len(dropped) == 1, "the deleted cluster's database, and it alone, is gone"
    with built.workgroup.connect() as connection:  # the namespace's data is untouched
        assert connection.execute("SELECT n FROM kept").fetchall() == [(42,)]


def _databases(stack: LocalStack) -> set[str]:
    """The clusters' data: one warehouse (a server of its own) per cluster, named by its database."""
    return set(stack.warehouses.names())


def test_a_damaged_state_file_is_reported_and_set_aside(stack: LocalStack, caplog: pytest.LogCaptureFixture) -> None:
    built = build(stack)
    stack.down()
    [clusters] = (stack.aws_state / "redshift").glob("*/us-west-2.pickle")
    clusters.write_bytes(clusters.read_bytes()[:100])  # a partial file, as a full disk leaves it
    [objects] = (stack.aws_state / "s3").glob("*/*.objects")
    damaged_object = sorted(objects.iterdir())[0]
    damaged_object.write_bytes(b"not a pickle")
    with caplog.at_level(logging.WARNING, logger="local_redshift.stack"):
        stack.up()
    notices = [record.getMessage() for record in caplog.records if "AWS stand-in" in record.getMessage()]
    assert any("could not restore the Redshift clusters" in notice for notice in notices), notices
    assert any("could not restore 1 S3 object versions" in notice for notice in notices), notices
    assert not clusters.exists()
    account = clusters.parent.name
    assert sorted(path.name.rpartition(".")[0] for path in (stack.aws_state / "damaged").iterdir()) == [
        f"redshift_{account}_us-west-2.pickle",
        f"s3_{account}_aws.objects_{damaged_object.name}",
    ]
    assert stack_client(stack, "redshift").describe_clusters()["Clusters"] == []  # gone, and the stand-in serves
    iam = stack_client(stack, "iam")
    assert iam.get_role(RoleName=built.role["RoleName"])["Role"]["RoleId"] == built.role["RoleId"]
    s3 = stack_client(stack, "s3")
    kept = [o["Key"] for o in s3.list_objects_v2(Bucket=built.bucket).get("Contents", [])]
    assert len(kept) == len(built.objects) - 1
    for key in kept:
        assert s3.get_object(Bucket=built.bucket, Key=key)["Body"].read() == built.objects[key]
    stack.down()
    stack.up()  # the damaged files are aside: the next start restores the rest and reports nothing
    assert not (stack.aws_state / "not-restored.txt").exists()
    assert iam.get_role(RoleName=built.role["RoleName"])["Role"]["RoleId"] == built.role["RoleId"]


def test_removing_the_state_folder_resets_the_stand_in(stack: LocalStack) -> None:
    """What the README says to reset it: `local down`, remove the folder, `local up`."""
    create_cluster(stack, f"reset-{uuid.uuid4().hex[:8]}")
    stack.down()
    shutil.rmtree(stack.aws_state)
    stack.up()
    assert stack_client(stack, "redshift").describe_clusters()["Clusters"] == []


def test_a_damaged_s3_index_is_set_aside_with_its_objects(stack: LocalStack, caplog: pytest.LogCaptureFixture) -> None:
    s3 = stack_client(stack, "s3")
    bucket = f"index-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    s3.put_object(Bucket=bucket, Key="kept.json", Body=b'{"n": 1}')
    stack.down()
    [index] = (stack.aws_state / "s3").glob("*/aws.pickle")
    index.write_bytes(b"")  # empty, as a crash before any write would leave it
    with caplog.at_level(logging.WARNING, logger="local_redshift.stack"):
        stack.up()
    assert any("could not restore the S3 buckets and objects" in r.getMessage() for r in caplog.records)
    aside = sorted(path.name.rpartition(".")[0] for path in (stack.aws_state / "damaged").iterdir())
    assert aside == [f"s3_{index.parent.name}_aws.objects", f"s3_{index.parent.name}_aws.pickle"]
    assert [b["Name"] for b in s3.list_buckets()["Buckets"]] == []
