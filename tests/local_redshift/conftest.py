"""Fixtures of the endpoint tests: logins to clusters of the running local stack (the COPY tests' are copy/'s)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

import psycopg
import pytest

from tests.support import REDSHIFT_TRUST, S3_READ_ONLY, stand_in_client

REGION = "us-west-2"


@dataclass(frozen=True)
class Login:
    """How a client reaches one cluster through the local Redshift endpoint."""

    port: int
    database: str
    user: str
    password: str
    identifier: str
    host: str = "127.0.0.1"

    def redshift_connector(self, **options: Any) -> Any:
        import redshift_connector

        return redshift_connector.connect(
            host=self.host, port=self.port, database=self.database, user=self.user, password=self.password,
            ssl=False, **options,
        )  # fmt: skip

    def psycopg(self, **options: Any) -> psycopg.Connection:
        return psycopg.connect(
            host=self.host, port=self.port, dbname=self.database, user=self.user, password=self.password, **options
        )

    def sqlalchemy_url(self) -> Any:
        from sqlalchemy.engine import URL

        return URL.create(
            "redshift+redshift_connector", username=self.user, password=self.password, host=self.host,
            port=self.port, database=self.database,
        )  # fmt: skip


def stack_client(stack: Any, service: str) -> Any:
    """A boto3 client of the stack's AWS stand-in, in the clusters' region."""
    return stand_in_client(service, stack.settings.aws_endpoint, REGION)


def s3_reading_role(stack: Any, prefix: str) -> str:
    """A new role of the stack's stand-in that Redshift may assume and that may read S3; its ARN."""
    name = f"{prefix}-{uuid.uuid4().hex[:8]}"
    iam = stack_client(stack, "iam")
    role = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(REDSHIFT_TRUST))["Role"]["Arn"]
    iam.attach_role_policy(RoleName=name, PolicyArn=S3_READ_ONLY)
    return role


def run(login: Login, *statements: str) -> list[tuple]:
    """Run the statements in turn, autocommitted, through psycopg; the last one's rows."""
    rows: list[tuple] = []
    with login.psycopg(autocommit=True) as connection:
        for statement in statements:
            cursor = connection.execute(statement)
            rows = cursor.fetchall() if cursor.description else []
    return rows


def create_cluster(stack: Any, identifier: str, **options: Any) -> Login:
    """A new cluster in the stack's AWS stand-in; its login."""
    login = Login(
        port=stack.settings.endpoint_port, database=options.pop("database", "dev"),
        user=options.pop("user", "awsuser"), password=f"Pw{uuid.uuid4().hex[:12]}", identifier=identifier,
    )  # fmt: skip
    shape = {"NodeType": "ra3.large", "ClusterType": "single-node", **options}
    stack_client(stack, "redshift").create_cluster(
        ClusterIdentifier=identifier, MasterUsername=login.user, MasterUserPassword=login.password,
        DBName=login.database, **shape,
    )  # fmt: skip
    return login


@pytest.fixture(scope="session")
def cluster(local_stack: Any) -> Login:
    """One cluster shared by the endpoint tests (each test works in tables or schemas of its own)."""
    return create_cluster(local_stack, "endpoint-tests")
