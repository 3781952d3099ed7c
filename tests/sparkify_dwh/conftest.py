"""Fixtures of the tutorial library's tests: the real moto server, S3 clients, and sandboxed configurations."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import boto3
import pytest

from local_redshift import aws_clients
from sparkify_dwh import cluster, iam, local
from sparkify_dwh.config import Config, load_config
from sparkify_dwh.sampledata import BucketLayout, GeneratorOptions, iter_objects
from tests.support import REPO_ROOT, stand_in_client

REGION = "us-west-2"
_bucket_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def s3_client(moto_endpoint: str) -> Any:
    """A boto3 S3 client of the moto server, with dummy credentials."""
    return stand_in_client("s3", moto_endpoint, REGION)


@pytest.fixture
def fresh_layout() -> BucketLayout:
    """The course layout in a bucket no other test uses (moto's state lives as long as the server)."""
    bucket = f"sparkify-sample-{next(_bucket_numbers)}"
    return BucketLayout.from_uris(
        song_data=f"s3://{bucket}/song_data",
        log_data=f"s3://{bucket}/log_data",
        log_jsonpath=f"s3://{bucket}/log_json_path.json",
    )


@pytest.fixture
def bucket_listing(s3_client: Any) -> Callable[[str], dict[str, str]]:
    """Key -> ETag of every object of a bucket."""

    def listing(bucket: str) -> dict[str, str]:
        pages = s3_client.get_paginator("list_objects_v2").paginate(Bucket=bucket)
        return {item["Key"]: item["ETag"] for page in pages for item in page.get("Contents", ())}

    return listing


@pytest.fixture(scope="session")
def default_objects() -> list[tuple[str, bytes]]:
    """The default data set (scale 1), generated once."""
    return list(iter_objects(GeneratorOptions()))


@pytest.fixture
def sandbox(moto_endpoint: str) -> tuple[Config, boto3.Session]:
    """The committed dwh.cfg pointed at the moto server, and a boto3 session in an AWS account of its own."""
    account = f"{uuid.uuid4().int % 10**12:012d}"
    session = aws_clients.session(REGION)

    def in_that_account(request: Any, **_: Any) -> None:
        request.headers["x-moto-account-id"] = account  # moto keeps each account's resources apart

    session.events.register("before-sign", in_that_account)
    environ = {"SPARKIFY_LOCAL_AWS_PORT": str(urlsplit(moto_endpoint).port), "SPARKIFY_DWH_DB_PASSWORD": "Sandbox1pass"}
    return load_config(REPO_ROOT / "dwh.cfg", environ=environ), session


@pytest.fixture(scope="session")
def warehouse_config(local_stack: Any) -> Config:
    """The committed dwh.cfg pointed at the session's local stack, with its role and cluster created (by the
    library, as notebooks 01 and 02 do) and the default sample seeded."""
    settings = local_stack.settings
    environ = {
        "SPARKIFY_MODE": "local",
        "SPARKIFY_LOCAL_STATE_DIR": str(settings.state_dir),
        "SPARKIFY_LOCAL_AWS_PORT": str(settings.aws_port),
        "SPARKIFY_LOCAL_POSTGRES_PORT": str(settings.postgres_port),
        "SPARKIFY_DWH_PORT": str(settings.endpoint_port),
        "SPARKIFY_DWH_DB_PASSWORD": f"Wh{uuid.uuid4().hex[:12]}",
    }
    config = load_config(REPO_ROOT / "dwh.cfg", environ=environ)
    cluster.create(config, iam.ensure_role(config))
    local.seed_default(config, progress=False)
    return config
