"""What both benchmarks share: a throwaway local stack on free loopback ports with one cluster, and its clients.

with bench_stack() as bench:
    bench.redshift_connector()   # through the local Redshift endpoint
    bench.direct()               # psycopg straight to the cluster's PostgreSQL database
"""

from __future__ import annotations

import json
import os
import platform
import secrets
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import redshift_connector

from local_redshift import stand_in_token
from local_redshift.endpoint.clusters import ClusterDirectory
from local_redshift.stack import HOST, LocalStack, StackSettings
from tests.support import REDSHIFT_TRUST, S3_READ_ONLY, free_port, stand_in_client

REGION = "us-west-2"
CLUSTER = "bench"
DATABASE = "dev"
USER = "awsuser"
RESULTS = Path(__file__).resolve().parent / "results"


@dataclass(frozen=True)
class Bench:
    """A running stack with one cluster (`dev`, `awsuser`) whose attached role may read S3."""

    stack: LocalStack
    password: str
    role_arn: str
    postgres_database: str

    def aws(self, service: str) -> Any:
        """A boto3 client of the stack's AWS stand-in."""
        return aws_client(self.stack, service)

    def redshift_connector(self) -> Any:
        """redshift_connector through the endpoint, autocommit on."""
        connection = redshift_connector.connect(
            host=HOST, port=self.stack.settings.endpoint_port, database=DATABASE, user=USER,
            password=self.password, ssl=False,
        )  # fmt: skip
        connection.autocommit = True
        return connection

    def psycopg(self) -> psycopg.Connection:
        """psycopg through the endpoint, autocommit on."""
        return _endpoint_login(self.stack, self.password)

    @property
    def direct_conninfo(self) -> str:
        """libpq connection string straight to the cluster's PostgreSQL database (its server's superuser)."""
        return self.stack.warehouse(CLUSTER).conninfo(self.postgres_database)

    def direct(self) -> psycopg.Connection:
        """psycopg straight to the cluster's PostgreSQL database, autocommit on."""
        return psycopg.connect(self.direct_conninfo, autocommit=True)

    def endpoint_pid(self) -> int:
        return int((self.stack.settings.state_dir / "endpoint.pid").read_text().strip())


@contextmanager
def bench_stack() -> Iterator[Bench]:
    """Start a stack in a temporary folder, create the role and the cluster, and stop it all afterwards."""
    with tempfile.TemporaryDirectory(prefix="sparkify-bench-") as home:
        settings = StackSettings(
            Path(home) / "state", aws_port=free_port(), postgres_port=free_port(), endpoint_port=free_port()
        )
        stack = LocalStack(settings)
        try:
            stack.up()
            yield _with_cluster(stack)
        except BaseException:
            _show_tail(stack.endpoint_log)
            raise
        finally:
            stack.down()


def aws_client(stack: LocalStack, service: str) -> Any:
    """A boto3 client of the stack's AWS stand-in."""
    return stand_in_client(service, stack.settings.aws_endpoint, REGION)


def _endpoint_login(stack: LocalStack, password: str) -> psycopg.Connection:
    """Unencrypted, like the direct connection (the embedded PostgreSQL has no TLS): the relay is what is measured."""
    return psycopg.connect(
        host=HOST, port=stack.settings.endpoint_port, dbname=DATABASE, user=USER, password=password,
        autocommit=True, sslmode="disable",
    )  # fmt: skip


def _with_cluster(stack: LocalStack) -> Bench:
    iam = aws_client(stack, "iam")
    role_arn = iam.create_role(RoleName="benchRole", AssumeRolePolicyDocument=json.dumps(REDSHIFT_TRUST))["Role"]["Arn"]
    iam.attach_role_policy(RoleName="benchRole", PolicyArn=S3_READ_ONLY)
    password = "Pw" + secrets.token_hex(8)
    aws_client(stack, "redshift").create_cluster(
        ClusterIdentifier=CLUSTER, NodeType="ra3.large", ClusterType="single-node", MasterUsername=USER,
        MasterUserPassword=password, DBName=DATABASE, IamRoles=[role_arn],
    )  # fmt: skip
    _endpoint_login(stack, password).close()  # the first login creates the cluster's database
    directory = ClusterDirectory(stack.settings.aws_endpoint, stack.warehouses, stand_in_token.read(stack.token_file))
    cluster = next(cluster for cluster in directory.clusters() if cluster.identifier == CLUSTER)
    return Bench(stack, password, role_arn, cluster.postgres_database)


def _show_tail(log_file: Path, lines: int = 20) -> None:
    """The end of a log, on stderr, before the temporary folder holding it goes."""
    if log_file.exists():
        tail = log_file.read_text(errors="replace").splitlines()[-lines:]
        print(f"--- last lines of {log_file.name} ---", *tail, sep="\n", file=sys.stderr)


def machine() -> dict[str, Any]:
    """The machine the figures come from; the load average (1, 5, 15 min) shows what else ran meanwhile."""
    return {
        "cpu_count": os.cpu_count(),
        "load_average": [round(load, 2) for load in os.getloadavg()],
        "python": platform.python_version(),
    }


def write_result(name: str, result: dict[str, Any]) -> Path:
    """Write `result` as benchmarks/results/<name>.json; its path."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    return path
