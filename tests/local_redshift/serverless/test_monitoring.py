"""A workgroup's SQL as Redshift Serverless answers it: the STL, STV, SVCS and SVL views are refused ("You can't
query STL, STV, SVCS, SVL, and some SVV system tables and views with Amazon Redshift Serverless", the management
guide's page on monitoring Serverless), the SYS monitoring views answer, and `IAM_ROLE default` assumes the
namespace's default IAM role."""

from __future__ import annotations

import json
import uuid

import psycopg
import pytest

from tests.local_redshift.conftest import REGION, s3_reading_role, stack_client
from tests.local_redshift.serverless.workgroups import create_workgroup
from tests.support import REDSHIFT_TRUST


@pytest.fixture(scope="module")
def workgroup(local_stack):
    return create_workgroup(local_stack, "monitor")


@pytest.mark.parametrize("view", ["stl_load_errors", "stl_query", "stv_sessions", "svl_query_summary"])
def test_the_provisioned_only_views_are_refused(workgroup, view):
    with workgroup.connect() as connection, pytest.raises(psycopg.errors.InsufficientPrivilege) as refused:
        connection.execute(f"SELECT * FROM {view}")
    assert f"permission denied for relation {view}" in str(refused.value)
    assert "SYS" in (refused.value.diag.message_hint or "")


def test_sys_query_history_lists_the_workgroup_s_statements(workgroup):
    table = f"h_{uuid.uuid4().hex[:8]}"
    with workgroup.connect() as connection:
        connection.execute(f"CREATE TABLE {table} (n integer)")
        connection.execute(f"SELECT count(*) FROM {table}")
        texts = [row[0].strip() for row in connection.execute(
            "SELECT query_text FROM sys_query_history ORDER BY query_id"
        )]  # fmt: skip
    assert f"CREATE TABLE {table} (n integer)" in texts
    assert f"SELECT count(*) FROM {table}" in texts


def _bucket(stack, rows: bytes) -> str:
    bucket = f"monitor-{uuid.uuid4().hex[:8]}"
    s3 = stack_client(stack, "s3")
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    s3.put_object(Bucket=bucket, Key="data/part-0.csv", Body=rows)
    return bucket


def test_iam_role_default_assumes_the_namespace_s_default_role(local_stack):
    iam = stack_client(local_stack, "iam")
    no_s3 = iam.create_role(RoleName=f"no-s3-{uuid.uuid4().hex[:8]}",
                            AssumeRolePolicyDocument=json.dumps(REDSHIFT_TRUST))["Role"]["Arn"]  # fmt: skip
    reader = s3_reading_role(local_stack, "monitor-reader")
    workgroup = create_workgroup(local_stack, "defrole", iamRoles=[no_s3, reader], defaultIamRoleArn=reader)
    bucket = _bucket(local_stack, b"1\n2\n3\n")
    with workgroup.connect() as connection:
        connection.execute("CREATE TABLE loaded (n integer)")
        connection.execute(f"COPY loaded FROM 's3://{bucket}/data/' IAM_ROLE default CSV REGION '{REGION}'")
        assert connection.execute("SELECT count(*) FROM loaded").fetchone() == (3,)


def test_without_a_role_iam_role_default_fails(local_stack, workgroup):
    bucket = _bucket(local_stack, b"1\n")
    with workgroup.connect() as connection:
        connection.execute("CREATE TABLE unloaded (n integer)")
        with pytest.raises(psycopg.Error, match="No default IAM role"):
            connection.execute(f"COPY unloaded FROM 's3://{bucket}/data/' IAM_ROLE default CSV REGION '{REGION}'")


def test_a_failed_copy_is_read_from_sys_load_error_detail(local_stack):
    workgroup = create_workgroup(local_stack, "loaderr", iamRoles=[role := s3_reading_role(local_stack, "le")],
                                 defaultIamRoleArn=role)  # fmt: skip
    bucket = _bucket(local_stack, b"1\nx\n")
    with workgroup.connect() as connection:
        connection.execute("CREATE TABLE numbers (n integer)")
        with pytest.raises(psycopg.Error, match="Load into table 'numbers' failed"):
            connection.execute(f"COPY numbers FROM 's3://{bucket}/data/' IAM_ROLE default CSV REGION '{REGION}'")
        found = connection.execute(
            "SELECT line_number, trim(column_name), error_code FROM sys_load_error_detail"
        ).fetchall()
    # the Load error reference: 1207, a value outside of the expected range of 0-9 (the 'x' of line 2)
    assert found == [(2, "n", 1207)]
