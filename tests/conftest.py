"""Fixtures shared by every test: real servers on 127.0.0.1, started once per session and stopped after."""

from __future__ import annotations

import logging
import os
import secrets
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from moto.server import ThreadedMotoServer

from local_redshift.postgres import PostgresServer
from local_redshift.stack import LocalStack, StackSettings

REPO_ROOT = Path(__file__).resolve().parents[1]
UDACITY_SAMPLE = REPO_ROOT.parent / "shared" / "udacity_sample"


_given_ports: set[int] = set()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now, and not one this session handed out before."""
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port not in _given_ports:
            _given_ports.add(port)
            return port


def stack_environment(state_dir: Path) -> dict[str, str]:
    """Settings (as environment variables) pointing the tutorial at a local stack of its own: its state folder,
    free ports, and a password of its own."""
    return {
        "SPARKIFY_MODE": "local",
        "SPARKIFY_LOCAL_STATE_DIR": str(state_dir),
        "SPARKIFY_LOCAL_AWS_PORT": str(free_port()),
        "SPARKIFY_LOCAL_POSTGRES_PORT": str(free_port()),
        "SPARKIFY_DWH_PORT": str(free_port()),
        "SPARKIFY_DWH_DB_PASSWORD": f"Pw{secrets.token_hex(8)}x1",
    }


@pytest.fixture(scope="session")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PostgresServer]:
    """A throwaway embedded PostgreSQL (superuser `postgres`); use `postgres.conninfo(dbname)` to connect."""
    home = tmp_path_factory.mktemp("pg")
    home.chmod(0o755)
    server = PostgresServer(home / "postgres", free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """The URL of an in-process moto server (all AWS APIs, managed policies loaded) on 127.0.0.1."""
    os.environ["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true"  # read when moto's IAM backend starts
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request drowns failure reports
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture(scope="session")
def udacity_sample() -> Path:
    """The course's real sample data, beside the repository; tests that need it skip where it is absent."""
    if not (UDACITY_SAMPLE / "log_data").is_dir():
        pytest.skip(f"the course sample is not at {UDACITY_SAMPLE} (only present in the development workspace)")
    return UDACITY_SAMPLE


@pytest.fixture(scope="session")
def local_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStack]:
    """The whole local stack (moto, PostgreSQL, the Redshift endpoint) on free loopback ports, for the session."""
    home = tmp_path_factory.mktemp("local-stack")
    home.chmod(0o755)
    stack = LocalStack(
        StackSettings(home / "state", aws_port=free_port(), postgres_port=free_port(), endpoint_port=free_port())
    )
    stack.up()
    yield stack
    stack.down()
