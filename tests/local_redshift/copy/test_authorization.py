"""Who may COPY: the role must exist, trust Redshift, be attached to the cluster and allow S3 reads."""

from __future__ import annotations

import pytest

from local_redshift.copy import CopyError

NOT_AUTHORIZED = (
    "User arn:aws:redshift:us-west-2:123456789012:dbuser:sparkify/awsuser is not authorized to assume IAM Role {role}"
)
ACCESS_DENIED = "S3ServiceException:Access Denied,Status 403,Error AccessDenied"
WITH_ROLE = "COPY numbers FROM 's3://{{bucket}}/numbers.json' IAM_ROLE '{role}' FORMAT AS JSON 'auto'"


@pytest.fixture
def numbers(harness):
    harness.execute("CREATE TABLE numbers (n integer)")
    harness.put("numbers.json", [{"n": 1}])
    return harness


def refused(harness, role: str, **cluster_changes) -> CopyError:
    with pytest.raises(CopyError) as failure:
        harness.copy(WITH_ROLE.format(role=role), **cluster_changes)
    return failure.value


def assert_not_authorized(error: CopyError, role: str) -> None:
    assert error.sqlstate == "XX000"
    assert error.message == NOT_AUTHORIZED.format(role=role)
    assert "code:      8001" in error.detail
    assert f"context:   IAM Role={role}" in error.detail


def test_attached_role_with_s3_read_only_access_loads(numbers):
    assert numbers.copy(WITH_ROLE.format(role=numbers.role_arn)) == 1


def test_a_role_that_does_not_exist(numbers):
    role = "arn:aws:iam::123456789012:role/nobody"
    assert_not_authorized(refused(numbers, role, iam_roles=(role,)), role)


def test_a_role_that_does_not_trust_redshift(numbers):
    ec2_only = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}],
    }
    role = numbers.make_role(trust=ec2_only)
    assert_not_authorized(refused(numbers, role, iam_roles=(role,)), role)


def test_a_role_not_attached_to_the_cluster(numbers):
    role = numbers.make_role()
    assert_not_authorized(refused(numbers, role), role)


def test_a_malformed_role_arn(numbers):
    assert_not_authorized(refused(numbers, "not-an-arn"), "not-an-arn")


def test_a_role_without_s3_read_is_denied(numbers):
    role = numbers.make_role(managed=())
    error = refused(numbers, role, iam_roles=(role,))
    assert error.message == ACCESS_DENIED
    assert "s3:ListBucket" in error.detail
    assert numbers.execute("SELECT count(*) FROM numbers") == [(0,)]


def test_an_inline_policy_can_grant_the_reads(numbers):
    inline = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": f"arn:aws:s3:::{numbers.bucket}"},
            {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": f"arn:aws:s3:::{numbers.bucket}/*"},
        ],
    }
    role = numbers.make_role(managed=(), inline=inline)
    assert numbers.copy(WITH_ROLE.format(role=role), iam_roles=(role,)) == 1


def test_listing_without_reading_objects_is_denied_at_the_first_object(numbers):
    inline = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:List*", "Resource": "*"}]}
    role = numbers.make_role(managed=(), inline=inline)
    error = refused(numbers, role, iam_roles=(role,))
    assert error.message == ACCESS_DENIED
    assert "s3:GetObject" in error.detail


def test_an_explicit_deny_wins(numbers):
    deny = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Deny", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{numbers.bucket}/numbers*"}
        ],
    }
    role = numbers.make_role(inline=deny)
    assert refused(numbers, role, iam_roles=(role,)).message == ACCESS_DENIED


def test_iam_role_default_is_the_role_attached_to_the_cluster(numbers):
    assert numbers.copy("COPY numbers FROM 's3://{bucket}/numbers.json' IAM_ROLE default JSON 'auto'") == 1
    with pytest.raises(CopyError, match="No default IAM role"):
        numbers.copy("COPY numbers FROM 's3://{bucket}/numbers.json' IAM_ROLE default JSON 'auto'", iam_roles=())


@pytest.mark.parametrize(
    "credentials",
    [
        "ACCESS_KEY_ID 'AKIAEXAMPLE' SECRET_ACCESS_KEY 'secret'",
        "CREDENTIALS 'aws_access_key_id=AKIAEXAMPLE;aws_secret_access_key=secret'",
    ],
)
def test_access_keys_are_accepted_without_role_checks(numbers, credentials):
    assert (
        numbers.copy(f"COPY numbers FROM 's3://{{bucket}}/numbers.json' {credentials} JSON 'auto'", iam_roles=()) == 1
    )
