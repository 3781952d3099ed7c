"""Fixtures for the COPY tests: a real moto server, a real PostgreSQL database, and a psycopg Backend."""

from __future__ import annotations

import functools
import importlib.util
import itertools
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

import orjson
import psycopg
import pytest

from local_redshift.copy import ClusterContext, parse_copy, run_copy
from local_redshift.copy.load_errors import RowWriter
from local_redshift.errors import BackendError
from tests.support import REDSHIFT_TRUST, S3_READ_ONLY, stand_in_client

ACCOUNT = "123456789012"
REGION = "us-west-2"
COPY_DATABASE = "copy_tests"

_query_ids = itertools.count(1000)


@pytest.fixture(scope="session")
def copy_aws(moto_endpoint: str) -> Callable[[str, str | None], Any]:
    """The `aws(service, region)` client factory the endpoint hands to run_copy, pointed at moto (one client per
    service and region: boto3 clients are thread-safe, and making one costs more than most COPYs here)."""
    return functools.cache(lambda service, region: stand_in_client(service, moto_endpoint, region))


@pytest.fixture(scope="session")
def copy_database(postgres) -> str:
    """A database with the catalog objects COPY writes to; its libpq connection string."""
    with psycopg.connect(postgres.conninfo(), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {COPY_DATABASE}")
        admin.execute(f"CREATE DATABASE {COPY_DATABASE}")
    conninfo = postgres.conninfo(COPY_DATABASE)
    with psycopg.connect(conninfo, autocommit=True) as connection:
        _install_catalog(connection)
    return conninfo


def _install_catalog(connection: psycopg.Connection) -> None:
    """The real catalog when it exists; else the one table COPY writes to."""
    if importlib.util.find_spec("local_redshift.catalog") is not None:
        from local_redshift.catalog import install

        install(connection)
        return
    connection.execute("CREATE SCHEMA IF NOT EXISTS redshift_system")
    connection.execute(
        "CREATE TABLE IF NOT EXISTS redshift_system.stl_load_errors (userid integer, slice integer, tbl integer,"
        " starttime timestamp, session integer, query integer, filename varchar(256), line_number bigint,"
        " colname varchar(127), type varchar(10), col_length varchar(10), position integer,"
        " raw_line varchar(1024), raw_field_value varchar(1024), err_code integer, err_reason varchar(100),"
        " is_partial integer, start_offset bigint)"
    )


class PsycopgBackend:
    """The Backend protocol over a real PostgreSQL session, as the endpoint provides it: what PostgreSQL refuses
    is raised as BackendError."""

    def __init__(self, connection: psycopg.Connection, log_conninfo: str) -> None:
        self.connection = connection
        self.log_conninfo = log_conninfo

    def fetch(self, sql: str) -> list[tuple]:
        try:
            with self.connection.cursor() as cursor:
                cursor.execute(sql)
                if cursor.description is None:
                    return []
                return [tuple(None if value is None else str(value) for value in row) for row in cursor.fetchall()]
        except psycopg.Error as error:
            raise backend_error(error) from error

    def copy_in(self, sql: str, chunks: Iterable[bytes]) -> int:
        try:
            with self.connection.cursor() as cursor:
                with cursor.copy(sql) as copy:
                    for chunk in chunks:
                        copy.write(chunk)
                return cursor.rowcount
        except psycopg.Error as error:
            raise backend_error(error) from error

    def log_load(self, rows: Mapping[str, list[dict]]) -> None:
        writer = RowWriter(self.log_conninfo)
        try:
            writer(rows)
        finally:
            writer.close()


def backend_error(error: psycopg.Error) -> BackendError:
    """A psycopg error as the endpoint reports PostgreSQL's: its ErrorResponse fields by their one-letter codes."""
    diagnostic = error.diag
    fields = {
        "C": diagnostic.sqlstate,
        "M": diagnostic.message_primary,
        "D": diagnostic.message_detail,
        "c": diagnostic.column_name,
        "W": diagnostic.context,
    }
    return BackendError({code: value for code, value in fields.items() if value is not None})


@dataclass
class CopyHarness:
    """One test's world: a schema of its own, a bucket of its own, a role attached to the cluster."""

    backend: PsycopgBackend
    cluster: ClusterContext
    aws: Callable[[str, str | None], Any]
    bucket: str
    role_arn: str

    @property
    def connection(self) -> psycopg.Connection:
        return self.backend.connection

    def execute(self, sql: str) -> list[tuple]:
        cursor = self.connection.execute(sql)
        return cursor.fetchall() if cursor.description else []

    def put(self, key: str, body: bytes | str | list[dict], bucket: str | None = None) -> str:
        """Upload an object (a list of dicts becomes newline-delimited JSON); return its s3:// URL."""
        if isinstance(body, list):
            body = b"\n".join(orjson.dumps(item) for item in body)
        data = body.encode() if isinstance(body, str) else body
        self.aws("s3", REGION).put_object(Bucket=bucket or self.bucket, Key=key, Body=data)
        return f"s3://{bucket or self.bucket}/{key}"

    def copy(self, sql: str, **cluster_changes: Any) -> int:
        """Run a COPY statement (written with {bucket} and {role} placeholders) through parse_copy and run_copy."""
        options = parse_copy(sql.format(bucket=self.bucket, role=self.role_arn))
        return run_copy(options, self.backend, replace(self.cluster, **cluster_changes), self.aws)

    def make_bucket(self, name: str | None = None, region: str = REGION) -> str:
        return make_bucket(self.aws, name or f"copy-{uuid.uuid4().hex[:12]}", region)

    def make_role(self, **policies: Any) -> str:
        return make_role(self.aws, **policies)

    def load_errors(self) -> list[dict]:
        """This test's stl_load_errors rows, in the order they were found."""
        with psycopg.connect(self.backend.log_conninfo) as connection:
            cursor = connection.execute(
                "SELECT * FROM redshift_system.stl_load_errors WHERE query = %s ORDER BY filename, line_number",
                [self.cluster.query_id],
            )
            names = [column.name for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def make_bucket(aws: Callable[[str, str | None], Any], name: str, region: str = REGION) -> str:
    client = aws("s3", region)
    if region == "us-east-1":
        client.create_bucket(Bucket=name)
    else:
        client.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": region})
    return name


def make_role(
    aws: Callable[[str, str | None], Any],
    *,
    trust: dict | None = None,
    managed: tuple[str, ...] = (S3_READ_ONLY,),
    inline: dict | None = None,
) -> str:
    """A new IAM role (trusting Redshift unless told otherwise) with the given policies; its ARN."""
    iam = aws("iam", None)
    name = f"copy-role-{uuid.uuid4().hex[:12]}"
    arn = iam.create_role(RoleName=name, AssumeRolePolicyDocument=orjson.dumps(trust or REDSHIFT_TRUST).decode())[
        "Role"
    ]["Arn"]
    for policy in managed:
        iam.attach_role_policy(RoleName=name, PolicyArn=policy)
    if inline is not None:
        iam.put_role_policy(RoleName=name, PolicyName="inline", PolicyDocument=orjson.dumps(inline).decode())
    return arn


@pytest.fixture(scope="session")
def copy_bucket_factory(copy_aws: Callable[[str, str | None], Any]) -> Callable[[str, str], str]:
    """make_bucket(name, region) for session-scoped fixtures."""
    return lambda name, region=REGION: make_bucket(copy_aws, name, region)


@pytest.fixture
def harness(copy_database: str, copy_aws: Callable[[str, str | None], Any]) -> Iterator[CopyHarness]:
    """A fresh schema (first on the search_path), bucket and attached role for one test."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(copy_database, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
        connection.execute(f"SET search_path TO {schema}, public")
        role_arn = make_role(copy_aws)
        cluster = ClusterContext(
            identifier="sparkify",
            database=COPY_DATABASE,
            db_user="awsuser",
            region=REGION,
            account_id=ACCOUNT,
            iam_roles=(role_arn,),
            session_id=4242,
            query_id=next(_query_ids),
        )
        bucket = make_bucket(copy_aws, f"copy-{uuid.uuid4().hex[:12]}")
        yield CopyHarness(PsycopgBackend(connection, copy_database), cluster, copy_aws, bucket, role_arn)
        connection.execute(f"DROP SCHEMA {schema} CASCADE")
