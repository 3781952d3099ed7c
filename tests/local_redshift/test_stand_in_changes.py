"""Which requests the AWS stand-in saves its state after: the changing ones, for the service and region their
signature names (fast tier: WSGI environs, no server)."""

from __future__ import annotations

import io

import pytest

from local_redshift.stand_in_changes import Change, change_of

SIGNED = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261201/{region}/{service}/aws4_request, SignedHeaders=host"
FORM = "application/x-www-form-urlencoded; charset=utf-8"


def environ(method: str, service: str = "ec2", region: str = "us-west-2", body: bytes = b"", **extra: str) -> dict:
    return {
        "REQUEST_METHOD": method, "HTTP_AUTHORIZATION": SIGNED.format(region=region, service=service),
        "CONTENT_LENGTH": str(len(body)), "wsgi.input": io.BytesIO(body), "QUERY_STRING": "", **extra,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("request_environ", "expected"),
    [
        (environ("GET", "s3"), None),
        (environ("HEAD", "s3"), None),
        (environ("PUT", "s3", "us-west-2"), Change("s3", "us-west-2")),
        (environ("DELETE", "s3", "eu-west-1"), Change("s3", "eu-west-1")),
        (environ("POST", body=b"Action=DescribeSecurityGroups&Version=2016-11-15", CONTENT_TYPE=FORM), None),
        (
            environ("POST", body=b"Action=AuthorizeSecurityGroupIngress&GroupId=sg-1", CONTENT_TYPE=FORM),
            Change("ec2", "us-west-2"),
        ),
        (environ("POST", "iam", "us-east-1", b"Action=GetRole&RoleName=r", CONTENT_TYPE=FORM), None),
        (
            environ("POST", "redshift-serverless", HTTP_X_AMZ_TARGET="RedshiftServerless.GetCredentials"),
            Change("redshift-serverless", "us-west-2"),
        ),
        (environ("POST", "redshift-serverless", HTTP_X_AMZ_TARGET="RedshiftServerless.ListWorkgroups"), None),
        ({"REQUEST_METHOD": "POST", "QUERY_STRING": "", "wsgi.input": io.BytesIO()}, Change(None, None)),
    ],
    ids=[
        "get",
        "head",
        "put-object",
        "delete-object",
        "describe",
        "authorize-ingress",
        "get-role",
        "get-credentials-issues-a-user",
        "list",
        "unsigned-means-anything",
    ],
)
def test_what_a_request_may_change(request_environ: dict, expected: Change | None) -> None:
    assert change_of(request_environ) == expected


def test_a_form_body_read_to_find_the_action_is_put_back_for_moto() -> None:
    body = b"Action=CreateRole&RoleName=r"
    request = environ("POST", "iam", "us-east-1", body, CONTENT_TYPE=FORM)
    assert change_of(request) == Change("iam", "us-east-1")
    assert request["wsgi.input"].read() == body
