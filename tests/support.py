"""What tests and benchmarks share: the repository's places, free ports, a local stack of one's own, clients of the
AWS stand-in, the Redshift trust policy, and the course's own SQL read from the files the tutorial runs."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from local_redshift import aws_clients
from local_redshift.stack import LocalStack, StackSettings
from sparkify_dwh import sql

REPO_ROOT = Path(__file__).resolve().parents[1]
UDACITY_SAMPLE = REPO_ROOT.parent / "shared" / "udacity_sample"
S3_READ_ONLY = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
REDSHIFT_TRUST = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "redshift.amazonaws.com"}, "Action": "sts:AssumeRole"}],
}

_given_ports: set[int] = set()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now, and not one this process handed out before."""
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port not in _given_ports:
            _given_ports.add(port)
            return port


@contextmanager
def running_stack(home: Path) -> Iterator[LocalStack]:
    """A whole local stack (the AWS stand-in, the warehouses, the Redshift endpoint) with its state in `home`, on
    free loopback ports, up for the `with` block and down after it."""
    stack = LocalStack(
        StackSettings(home / "state", aws_port=free_port(), postgres_port=free_port(), endpoint_port=free_port())
    )
    stack.up()
    try:
        yield stack
    finally:
        stack.down()


def stand_in_client(service: str, endpoint_url: str, region: str | None = None) -> Any:
    """A boto3 client of the local AWS stand-in at `endpoint_url`."""
    return aws_clients.client(service, endpoint_url, region)


def course_statement(layer: str, name: str, verb: str, **params: str) -> str:
    """The one statement of a course SQL file that starts with `verb` (e.g. the COPY of `copy_staging_events`)."""
    [statement] = [s for s in sql.statements(course_sql(layer, name, **params)) if s.upper().startswith(verb)]
    return statement


def staging_params(bucket: str, role_arn: str, region: str = "us-west-2") -> dict[str, str]:
    """The placeholders of the course's staging COPY files, for a bucket laid out as the course's."""
    return {
        "log_data": f"s3://{bucket}/log_data",
        "log_jsonpath": f"s3://{bucket}/log_json_path.json",
        "song_data": f"s3://{bucket}/song_data",
        "role_arn": role_arn,
        "region": region,
    }


def course_sql(layer: str, name: str, **params: str) -> str:
    """The text of one of the course's SQL files (e.g. `course_sql("staging", "copy_staging_events", ...)`),
    with its placeholders filled from `params`."""
    return sql.render(sql.find(layer, name).text, params)
