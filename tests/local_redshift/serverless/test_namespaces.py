"""Namespaces of Redshift Serverless in the stand-in, through a real boto3 client: the shapes, statuses and errors
of the botocore service model (redshift-serverless 2021-04-21) and the API reference's defaults."""

from __future__ import annotations

import uuid

import pytest
from botocore.exceptions import ClientError

from tests.local_redshift.conftest import stack_client

ROLE = "arn:aws:iam::123456789012:role/{}"


@pytest.fixture(scope="module")
def serverless(local_stack):
    return stack_client(local_stack, "redshift-serverless")


def _name(prefix: str = "ns") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def _code(error: pytest.ExceptionInfo[ClientError]) -> str:
    return error.value.response["Error"]["Code"]


def test_a_namespace_is_available_with_the_database_dev_by_default(serverless):
    name = _name()
    roles = [ROLE.format("loader"), ROLE.format("other")]
    created = serverless.create_namespace(
        namespaceName=name, adminUsername="admin", adminUserPassword="Secret123x", iamRoles=roles,
        defaultIamRoleArn=roles[0],
    )["namespace"]  # fmt: skip
    # CreateNamespace: dbName "The name of the first database created in the namespace" defaults to dev
    assert created["namespaceName"] == name
    assert created["dbName"] == "dev"
    assert created["adminUsername"] == "admin"
    assert created["iamRoles"] == roles
    assert created["defaultIamRoleArn"] == roles[0]
    assert created["status"] == "AVAILABLE"
    assert created["namespaceArn"].endswith(f":namespace/{created['namespaceId']}")
    assert "adminUserPassword" not in created
    assert serverless.get_namespace(namespaceName=name)["namespace"]["namespaceId"] == created["namespaceId"]
    listed = [n["namespaceName"] for n in serverless.list_namespaces()["namespaces"]]
    assert name in listed


def test_update_changes_the_roles_and_delete_answers_deleting_then_the_namespace_is_gone(serverless):
    name = _name()
    serverless.create_namespace(namespaceName=name, dbName="sparkify")
    updated = serverless.update_namespace(
        namespaceName=name, iamRoles=[ROLE.format("a"), ROLE.format("b")], defaultIamRoleArn=ROLE.format("b")
    )["namespace"]
    assert updated["iamRoles"] == [ROLE.format("a"), ROLE.format("b")]
    assert updated["defaultIamRoleArn"] == ROLE.format("b")
    assert updated["dbName"] == "sparkify"
    assert updated["status"] == "MODIFYING"
    assert serverless.get_namespace(namespaceName=name)["namespace"]["status"] == "AVAILABLE"
    assert serverless.delete_namespace(namespaceName=name)["namespace"]["status"] == "DELETING"
    with pytest.raises(ClientError) as gone:
        serverless.get_namespace(namespaceName=name)
    assert _code(gone) == "ResourceNotFoundException"


def test_the_model_s_errors(serverless):
    name = _name()
    serverless.create_namespace(namespaceName=name)
    with pytest.raises(ClientError) as duplicate:
        serverless.create_namespace(namespaceName=name)
    assert _code(duplicate) == "ConflictException"
    with pytest.raises(ClientError) as upper_case:  # NamespaceName's pattern: ^[a-z0-9-]+$
        serverless.create_namespace(namespaceName="Not-Valid")
    assert _code(upper_case) == "ValidationException"
    with pytest.raises(ClientError) as weak:  # the admin password needs upper, lower case and a digit
        serverless.create_namespace(namespaceName=_name(), adminUsername="admin", adminUserPassword="alllowercase")
    assert _code(weak) == "ValidationException"
    with pytest.raises(ClientError) as default_role:
        serverless.create_namespace(namespaceName=_name(), defaultIamRoleArn=ROLE.format("not-attached"))
    assert _code(default_role) == "ValidationException"
    with pytest.raises(ClientError) as missing:
        serverless.delete_namespace(namespaceName=_name("absent"))
    assert _code(missing) == "ResourceNotFoundException"


def test_list_namespaces_pages_with_next_token(serverless):
    for _ in range(3):
        serverless.create_namespace(namespaceName=_name("paged"))
    seen, token = [], None
    while True:
        page = serverless.list_namespaces(maxResults=2, **({"nextToken": token} if token else {}))
        assert len(page["namespaces"]) <= 2
        seen += [n["namespaceName"] for n in page["namespaces"]]
        if not (token := page.get("nextToken")):
            break
    assert len(seen) == len(set(seen)) >= 3
