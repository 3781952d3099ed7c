"""The cluster's IAM role against the real moto server: what it trusts, what it may do, and that it is made once."""

import json

import boto3
import pytest
from botocore.stub import Stubber

from sparkify_dwh import iam
from sparkify_dwh.config import load_config
from sparkify_dwh.resources import ResourceError
from tests.support import REPO_ROOT, free_port


@pytest.fixture
def iam_client(sandbox, moto_endpoint):
    return sandbox[1].client("iam", endpoint_url=moto_endpoint)


def one_sentence(error: Exception) -> str:
    text = str(error)
    assert "\n" not in text and "Traceback" not in text and len(text) < 300
    return text


def test_the_role_trusts_redshift_only_and_may_only_read_s3(sandbox, iam_client):
    config, _ = sandbox
    arn = iam.ensure_role(config, iam=iam_client)
    role = iam_client.get_role(RoleName="dwhRole")["Role"]
    assert arn == role["Arn"] and arn.endswith(":role/dwhRole")
    assert role["AssumeRolePolicyDocument"] == {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "redshift.amazonaws.com"}, "Action": "sts:AssumeRole"},
        ],
    }
    attached = iam_client.list_attached_role_policies(RoleName="dwhRole")["AttachedPolicies"]
    assert [p["PolicyArn"] for p in attached] == ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]
    assert iam_client.list_role_policies(RoleName="dwhRole")["PolicyNames"] == []


def test_a_second_call_reuses_the_role(sandbox, iam_client):
    config, session = sandbox
    first = iam.ensure_role(config, boto_session=session)
    role_id = iam_client.get_role(RoleName="dwhRole")["Role"]["RoleId"]
    assert iam.ensure_role(config, boto_session=session) == first
    assert iam_client.get_role(RoleName="dwhRole")["Role"]["RoleId"] == role_id
    assert len(iam_client.list_attached_role_policies(RoleName="dwhRole")["AttachedPolicies"]) == 1
    assert iam.role_arn(config, boto_session=session) == first


def test_a_role_of_the_same_name_trusting_another_service_is_not_taken_over(sandbox, iam_client):
    config, _ = sandbox
    trusts_ec2 = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}],
    }
    iam_client.create_role(RoleName="dwhRole", AssumeRolePolicyDocument=json.dumps(trusts_ec2))
    with pytest.raises(ResourceError) as raised:
        iam.ensure_role(config, iam=iam_client)
    assert "does not trust redshift.amazonaws.com; set another [DWH] DWH_IAM_ROLE_NAME" in one_sentence(raised.value)
    assert iam_client.list_attached_role_policies(RoleName="dwhRole")["AttachedPolicies"] == []


def test_delete_detaches_first_and_is_safe_twice(sandbox, iam_client):
    config, session = sandbox
    iam.ensure_role(config, boto_session=session)
    assert iam.delete_role(config, boto_session=session) is True
    assert iam.delete_role(config, boto_session=session) is False
    assert iam.role_arn(config, boto_session=session) is None
    names = [r["RoleName"] for r in iam_client.list_roles()["Roles"]]
    assert "dwhRole" not in names


def test_missing_credentials_on_aws_are_one_sentence(monkeypatch, tmp_path):
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    config = load_config(
        REPO_ROOT / "dwh.cfg", environ={"SPARKIFY_MODE": "aws", "SPARKIFY_DWH_DB_PASSWORD": "Sandbox1pass"}
    )
    with pytest.raises(ResourceError) as raised:
        iam.ensure_role(config)
    assert one_sentence(raised.value) == (
        "cannot create the IAM role 'dwhRole': no AWS credentials found; set AWS_PROFILE (or run `aws sso login`), "
        "or set SPARKIFY_MODE=local to work offline"
    )


def test_an_expired_token_is_one_sentence(sandbox):
    """moto never expires a token, so this one answer is stubbed."""
    config, _ = sandbox
    client = boto3.client("iam", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
    with Stubber(client) as stubber:
        stubber.add_client_error("get_role", service_error_code="ExpiredToken", http_status_code=403)
        with pytest.raises(ResourceError) as raised:
            iam.role_arn(config, iam=client)
    assert one_sentence(raised.value) == (
        "cannot look up the IAM role 'dwhRole': your AWS session token has expired; renew it (`aws sso login`) "
        "and retry"
    )


def test_a_stopped_local_stack_is_one_sentence():
    port = free_port()
    config = load_config(
        REPO_ROOT / "dwh.cfg",
        environ={"SPARKIFY_LOCAL_AWS_PORT": str(port), "SPARKIFY_DWH_DB_PASSWORD": "Sandbox1pass"},
    )
    with pytest.raises(ResourceError) as raised:
        iam.ensure_role(config)
    assert (
        f"nothing answers at 127.0.0.1:{port}; start the local stack with `make up` or `sparkify-dwh local up`"
        in one_sentence(raised.value)
    )
