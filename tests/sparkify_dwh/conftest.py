"""Fixtures of the tutorial library's tests: the real moto server, S3 clients, and sandboxed configurations."""

from __future__ import annotations

import dataclasses
import itertools
import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import boto3
import pytest
from moto.server import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import make_server

from local_redshift import aws_clients
from local_redshift.aws_server import WithClusterDirectory
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


@pytest.fixture(scope="session")
def stand_in_endpoint(moto_endpoint: str) -> Iterator[str]:
    """The URL of the project's AWS stand-in (moto, plus Redshift Serverless and the Data API) run in this process
    on 127.0.0.1, beside the moto server (whose state it shares); no Redshift endpoint runs behind it."""
    app = WithClusterDirectory(DomainDispatcherApplication(create_backend_app), endpoint_port=5439)  # dwh.cfg's
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=MotoRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


def account_session() -> boto3.Session:
    """A boto3 session of the stand-in in an AWS account of its own (moto keeps each account's resources apart)."""
    account = f"{uuid.uuid4().int % 10**12:012d}"
    session = aws_clients.session(REGION)

    def in_that_account(request: Any, **_: Any) -> None:
        request.headers["x-moto-account-id"] = account

    session.events.register("before-sign", in_that_account)
    return session


@pytest.fixture(params=["provisioned", "serverless"])
def deployment(request: pytest.FixtureRequest) -> str:
    """Each deployment of `[DWH] DWH_DEPLOYMENT`, for tests that must hold in both."""
    return request.param


@pytest.fixture
def sandbox(stand_in_endpoint: str) -> tuple[Config, boto3.Session]:
    """The committed dwh.cfg pointed at the AWS stand-in, and a boto3 session in an AWS account of its own."""
    environ = {
        "SPARKIFY_LOCAL_AWS_PORT": str(urlsplit(stand_in_endpoint).port),
        "SPARKIFY_DWH_DB_PASSWORD": "Sandbox1pass",
    }
    return load_config(REPO_ROOT / "dwh.cfg", environ=environ), account_session()


@pytest.fixture
def serverless_sandbox(sandbox: tuple[Config, boto3.Session]) -> tuple[Config, boto3.Session]:
    """The sandbox with `DWH_DEPLOYMENT = serverless`: a namespace and workgroup instead of a cluster."""
    config, session = sandbox
    return dataclasses.replace(config, dwh=dataclasses.replace(config.dwh, deployment="serverless")), session


def stack_config(local_stack: Any, **settings: str) -> Config:
    """The committed dwh.cfg pointed at a running local stack, with a password of its own and `settings`
    (environment variables) on top."""
    stack = local_stack.settings
    environ = {
        "SPARKIFY_MODE": "local",
        "SPARKIFY_LOCAL_STATE_DIR": str(stack.state_dir),
        "SPARKIFY_LOCAL_AWS_PORT": str(stack.aws_port),
        "SPARKIFY_LOCAL_POSTGRES_PORT": str(stack.postgres_port),
        "SPARKIFY_DWH_PORT": str(stack.endpoint_port),
        "SPARKIFY_DWH_DB_PASSWORD": f"Wh{uuid.uuid4().hex[:12]}",
        **settings,
    }
    return load_config(REPO_ROOT / "dwh.cfg", environ=environ)


@pytest.fixture(scope="session")
def warehouse_config(local_stack: Any) -> Config:
    """The committed dwh.cfg pointed at the session's local stack, with its role and cluster created (by the
    library, as notebooks 01 and 02 do) and the default sample seeded."""
    config = stack_config(local_stack)
    cluster.create(config, iam.ensure_role(config))
    local.seed_default(config, progress=False)
    return config
