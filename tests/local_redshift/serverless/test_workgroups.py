"""Workgroups of Redshift Serverless in the stand-in: lifecycle, statuses, errors, GetCredentials, and the
workgroup's endpoint (the local Redshift endpoint) serving each namespace's own data."""

from __future__ import annotations

import datetime
import uuid

import psycopg
import pytest
from botocore.exceptions import ClientError

from tests.local_redshift.conftest import stack_client
from tests.local_redshift.serverless.workgroups import create_workgroup


@pytest.fixture(scope="module")
def serverless(local_stack):
    return stack_client(local_stack, "redshift-serverless")


@pytest.fixture(scope="module")
def workgroup(local_stack):
    return create_workgroup(local_stack, "wg")


def _code(error: pytest.ExceptionInfo[ClientError]) -> str:
    return error.value.response["Error"]["Code"]


def test_create_answers_creating_then_the_workgroup_is_available_at_the_local_endpoint(local_stack, serverless):
    namespace = f"life-{uuid.uuid4().hex[:8]}"
    serverless.create_namespace(namespaceName=namespace)
    created = serverless.create_workgroup(workgroupName=f"{namespace}-wg", namespaceName=namespace)["workgroup"]
    assert created["status"] == "CREATING"
    assert created["namespaceName"] == namespace
    assert created["baseCapacity"] == 128  # the API reference's default base capacity, in RPUs
    found = serverless.get_workgroup(workgroupName=f"{namespace}-wg")["workgroup"]
    assert found["status"] == "AVAILABLE"
    assert found["endpoint"]["address"] == "127.0.0.1"
    assert found["endpoint"]["port"] == local_stack.settings.endpoint_port
    assert f"{namespace}-wg" in [w["workgroupName"] for w in serverless.list_workgroups()["workgroups"]]
    updated = serverless.update_workgroup(workgroupName=f"{namespace}-wg", baseCapacity=8)["workgroup"]
    assert (updated["status"], updated["baseCapacity"]) == ("MODIFYING", 8)
    assert serverless.get_workgroup(workgroupName=f"{namespace}-wg")["workgroup"]["status"] == "AVAILABLE"
    with pytest.raises(ClientError) as busy:  # a namespace with a workgroup cannot be deleted
        serverless.delete_namespace(namespaceName=namespace)
    assert _code(busy) == "ConflictException"
    assert serverless.delete_workgroup(workgroupName=f"{namespace}-wg")["workgroup"]["status"] == "DELETING"
    with pytest.raises(ClientError) as gone:
        serverless.get_workgroup(workgroupName=f"{namespace}-wg")
    assert _code(gone) == "ResourceNotFoundException"
    serverless.delete_namespace(namespaceName=namespace)


def test_the_model_s_errors(serverless, workgroup):
    with pytest.raises(ClientError) as duplicate:
        serverless.create_workgroup(workgroupName=workgroup.name, namespaceName=workgroup.namespace)
    assert _code(duplicate) == "ConflictException"
    with pytest.raises(ClientError) as second:
        serverless.create_workgroup(workgroupName=f"{workgroup.namespace}-two", namespaceName=workgroup.namespace)
    assert _code(second) == "ConflictException"
    with pytest.raises(ClientError) as no_namespace:
        serverless.create_workgroup(workgroupName="orphan-wg", namespaceName="no-such-namespace")
    assert _code(no_namespace) == "ResourceNotFoundException"
    namespace = f"cap-{uuid.uuid4().hex[:8]}"
    serverless.create_namespace(namespaceName=namespace)
    with pytest.raises(ClientError) as capacity:  # base capacity: 8 to 512 RPUs in units of 8
        serverless.create_workgroup(workgroupName=f"{namespace}-wg", namespaceName=namespace, baseCapacity=12)
    assert _code(capacity) == "ValidationException"
    with pytest.raises(ClientError) as credentials:
        serverless.get_credentials(workgroupName="no-such-workgroup")
    assert _code(credentials) == "ResourceNotFoundException"


def test_get_credentials_gives_a_temporary_iam_user_that_logs_in(serverless, workgroup):
    before = datetime.datetime.now(datetime.UTC)
    credentials = serverless.get_credentials(workgroupName=workgroup.name)
    # GetCredentials: the temporary password expires in 900 seconds by default
    remaining = (credentials["expiration"] - before).total_seconds()
    assert 880 <= remaining <= 910
    assert credentials["dbUser"].startswith("IAM:")
    with workgroup.connect(credentials["dbUser"], credentials["dbPassword"]) as connection:
        assert connection.execute("SELECT current_user").fetchone() == (credentials["dbUser"],)
    longer = serverless.get_credentials(workgroupName=workgroup.name, durationSeconds=3600)
    assert 3580 <= (longer["expiration"] - before).total_seconds() <= 3610
    with pytest.raises(ClientError) as short:  # between 900 and 3600 seconds
        serverless.get_credentials(workgroupName=workgroup.name, durationSeconds=899)
    assert _code(short) == "ValidationException"


def test_a_wrong_password_is_refused(workgroup):
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        workgroup.connect(password="Wrong1234x")


def test_each_workgroup_has_its_own_data_and_the_namespace_keeps_it(local_stack, serverless):
    first, second = create_workgroup(local_stack, "own"), create_workgroup(local_stack, "own")
    with first.connect() as connection:
        connection.execute("CREATE TABLE kept (n integer)")
        connection.execute("INSERT INTO kept VALUES (1)")
    with second.connect() as connection, pytest.raises(psycopg.errors.UndefinedTable):
        connection.execute("SELECT n FROM kept")
    # the data of Redshift Serverless belongs to the namespace: a new workgroup of it finds the table again
    serverless.delete_workgroup(workgroupName=first.name)
    serverless.create_workgroup(workgroupName=f"{first.namespace}-new", namespaceName=first.namespace)
    serverless.get_workgroup(workgroupName=f"{first.namespace}-new")
    with first.connect() as connection:
        assert connection.execute("SELECT n FROM kept").fetchall() == [(1,)]
