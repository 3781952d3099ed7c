"""Fixtures shared by every test: real servers on 127.0.0.1, started once per session and stopped after.

Tests that start or use a server are marked `server`: every test that needs one of SERVER_FIXTURES (directly or
through another fixture), and the modules and tests that start servers themselves (`pytest.mark.server`).
`pytest -m "not server"` (`make check`) is the fast tier; a run that selects no `server` test starts no server,
and a test that tries to anyway fails (see `refuse_servers`).
"""

from __future__ import annotations

import itertools
import logging
import os
import secrets
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from moto.server import ThreadedMotoServer

from local_redshift.postgres import PostgresServer
from local_redshift.stack import LocalStack
from tests.support import REPO_ROOT, UDACITY_SAMPLE, free_port, running_stack

__all__ = ["REPO_ROOT", "UDACITY_SAMPLE", "free_port", "stack_environment"]

SERVER_FIXTURES = frozenset({"postgres", "moto_endpoint", "local_stack"})
"""The session's servers; a test needing any of them, even through other fixtures, is a `server` test."""

_NO_SERVERS = pytest.StashKey[bool]()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark `server` every test whose fixture closure holds a server fixture (this runs before `-m` selects)."""
    for item in items:
        if SERVER_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.server)


def pytest_collection_finish(session: pytest.Session) -> None:
    """A run that selected no `server` test (the fast tier) may start none: `refuse_servers` sees to it."""
    session.config.stash[_NO_SERVERS] = not any(item.get_closest_marker("server") for item in session.items)


_SERVER_PROGRAMS = frozenset({"pg_ctl", "postgres", "initdb"})
_SERVER_MODULES = frozenset({"local_redshift.endpoint", "local_redshift.aws_server", "moto.server"})


def _starts_a_server(args: object) -> bool:
    """Whether a command line starts a server: PostgreSQL, the AWS stand-in, the endpoint, `sparkify-dwh local up`
    (or `python -m sparkify_dwh.cli local up`), or an nbmake run (whose notebooks start the stack)."""
    if isinstance(args, (str, bytes, os.PathLike)):
        args = [args]
    words = [os.fsdecode(word) for word in args]
    pairs = list(itertools.pairwise(words))
    return (
        bool(words and Path(words[0]).name in _SERVER_PROGRAMS)
        or "--nbmake" in words
        or ("local", "up") in pairs
        or any(flag == "-m" and module in _SERVER_MODULES for flag, module in pairs)
    )


class _ServerRefused(RuntimeError):
    pass


def _refuse(what: str):
    def refused(*_: object, **__: object) -> None:
        raise _ServerRefused(
            f"{what} in a run that selected no `server` test: the test needs the `server` marker (a server fixture,"
            " or `pytestmark = pytest.mark.server` in a module that starts servers itself); see tests/conftest.py"
        )

    return refused


class _GuardedPopen(subprocess.Popen):
    """subprocess.Popen that refuses the command lines that start servers."""

    def __init__(self, args, *rest, **options):
        if _starts_a_server(args):
            _refuse(f"starting a server ({args!r})")()
        super().__init__(args, *rest, **options)


@pytest.fixture(scope="session", autouse=True)
def refuse_servers(request: pytest.FixtureRequest) -> Iterator[None]:
    """In a run without `server` tests, starting a server raises instead: a mis-marked test fails loudly."""
    if not request.config.stash.get(_NO_SERVERS, False):
        yield
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(PostgresServer, "start", _refuse("PostgresServer.start"))
        patch.setattr(LocalStack, "up", _refuse("LocalStack.up"))
        patch.setattr(ThreadedMotoServer, "start", _refuse("ThreadedMotoServer.start"))
        patch.setattr(subprocess, "Popen", _GuardedPopen)
        yield


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
    with running_stack(tmp_path_factory.mktemp("local-stack")) as stack:
        yield stack
