"""The serverless deployment through the functions notebooks 02 and 06 call (`cluster.*`), with real boto3 clients
against the AWS stand-in: a namespace and its workgroup are created, reused, waited for, described and deleted; and
on the whole local stack, the warehouse connection and the SQL files that suit a workgroup."""

import dataclasses

import pytest

from sparkify_dwh import cluster, data_api, iam, serverless, sql, warehouse
from tests.sparkify_dwh.conftest import account_session, stack_config


def client(session, config):
    return session.client("redshift-serverless", endpoint_url=f"http://127.0.0.1:{config.local.aws_port}")


def test_before_create_the_workgroup_is_missing_in_one_sentence(serverless_sandbox):
    config, session = serverless_sandbox
    assert cluster.describe(config, boto_session=session) is None
    with pytest.raises(serverless.WorkgroupNotFound, match=r"no workgroup 'dwh-workgroup' exists yet .* 02_cluster"):
        cluster.require(config, boto_session=session)
    with pytest.raises(serverless.WorkgroupNotFound):
        cluster.endpoint(config, boto_session=session)
    assert cluster.delete(config, boto_session=session, progress=False) is False


def test_create_makes_the_namespace_with_its_default_role_and_the_workgroup(serverless_sandbox):
    config, session = serverless_sandbox
    role_arn = iam.ensure_role(config, boto_session=session)
    created = cluster.create(config, role_arn, boto_session=session)
    assert created["workgroupName"] == "dwh-workgroup" and cluster.status(created) in ("CREATING", "AVAILABLE")
    namespace = client(session, config).get_namespace(namespaceName="dwh-namespace")["namespace"]
    assert (namespace["dbName"], namespace["adminUsername"]) == ("dwh", "dwhuser")
    assert (namespace["iamRoles"], namespace["defaultIamRoleArn"]) == ([role_arn], role_arn)
    found = cluster.wait_available(config, boto_session=session, progress=False)
    assert cluster.status(found) == "AVAILABLE"
    assert (found["baseCapacity"], found["port"], found["publiclyAccessible"]) == (8, config.dwh.port, True)
    assert cluster.endpoint(config, boto_session=session) == ("127.0.0.1", config.dwh.port)
    assert cluster.attached_role_arn(config, boto_session=session) == role_arn
    shown = cluster.properties(found)["value"]
    assert shown["namespaceName"] == "dwh-namespace" and shown["baseCapacity"] == "8 RPUs"
    assert shown["defaultIamRoleArn"] == role_arn and shown["dbName"] == "dwh"


def test_create_again_reuses_both_and_makes_the_role_the_default(serverless_sandbox):
    config, session = serverless_sandbox
    role_arn = iam.ensure_role(config, boto_session=session)
    serverless_client = client(session, config)
    serverless_client.create_namespace(namespaceName="dwh-namespace", dbName="dwh")  # made elsewhere, without a role
    cluster.create(config, role_arn, boto_session=session)
    first = serverless_client.get_workgroup(workgroupName="dwh-workgroup")["workgroup"]["workgroupId"]
    again = cluster.create(config, role_arn, boto_session=session)
    assert again["workgroupId"] == first
    assert serverless_client.get_namespace(namespaceName="dwh-namespace")["namespace"]["defaultIamRoleArn"] == role_arn


def test_delete_removes_the_workgroup_then_the_namespace(serverless_sandbox):
    config, session = serverless_sandbox
    cluster.create(config, iam.ensure_role(config, boto_session=session), boto_session=session)
    assert cluster.delete(config, boto_session=session, progress=False, sleep=lambda _: None) is True
    serverless_client = client(session, config)
    assert serverless_client.list_workgroups()["workgroups"] == []
    assert serverless_client.list_namespaces()["namespaces"] == []
    assert cluster.delete(config, boto_session=session, progress=False) is False


def test_the_data_api_targets_the_workgroup(serverless_sandbox):
    config, _ = serverless_sandbox
    assert data_api.target(config) == {"WorkgroupName": "dwh-workgroup", "Database": "dwh"}
    provisioned = data_api.target(
        dataclasses.replace(config, dwh=dataclasses.replace(config.dwh, deployment="provisioned"))
    )
    assert provisioned == {"ClusterIdentifier": "dwhcluster", "Database": "dwh", "DbUser": "dwhuser"}


def test_sql_files_have_a_serverless_variant_where_a_workgroup_refuses_the_view():
    assert "stl_load_errors" in sql.find("inspect", "load_errors").text
    assert "FROM sys_load_error_detail" in sql.find("inspect", "load_errors", "serverless").text
    assert sql.find("inspect", "slice_rows", "serverless").relative == "inspect/serverless/15_slice_rows.sql"
    assert sql.find("inspect", "row_counts", "serverless") == sql.find("inspect", "row_counts")  # no variant
    assert sql.show("inspect", "load_errors", "serverless").title == "inspect/serverless/03_load_errors.sql"


def test_on_a_workgroup_the_connection_and_the_inspect_queries_suit_serverless(local_stack):
    config, session = stack_config(local_stack, SPARKIFY_DWH_DEPLOYMENT="serverless"), account_session()
    cluster.create(config, iam.ensure_role(config, boto_session=session), boto_session=session)
    cluster.wait_available(config, boto_session=session, progress=False)
    try:
        assert warehouse.first_query(config, boto_session=session)["database_name"].tolist() == ["dwh"]
        with warehouse.connect(config, boto_session=session) as connection:
            assert warehouse.deployment(connection) == "serverless"
            errors = warehouse.query_file(connection, "inspect", "load_errors")  # STL_LOAD_ERRORS is refused here
            assert list(errors.columns)[:4] == ["starttime", "filename", "line_number", "colname"]
            with pytest.raises(warehouse.WarehouseError, match="permission denied for relation stl_load_errors"):
                warehouse.query(connection, sql.find("inspect", "load_errors").text)
    finally:
        assert cluster.delete(config, boto_session=session, progress=False) is True
