"""The processes that parse and convert a COPY's files (local_redshift.copy.workers): started once and kept for the
endpoint's life, and gone with the endpoint, even when it is killed with SIGKILL (no orphans)."""

from __future__ import annotations

import os
import signal
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from local_redshift.stack import LocalStack
from tests.local_redshift.conftest import create_cluster, s3_reading_role, stack_client
from tests.support import running_stack

pytestmark = pytest.mark.server  # starts a local stack of its own

FILES = 4
ROWS_PER_FILE = 1000


@pytest.fixture
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStack]:
    with running_stack(tmp_path_factory.mktemp("workers-stack")) as stack:
        yield stack


def descendants(pid: int) -> set[int]:
    """The live processes under `pid`, from the PPid lines of /proc."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (status := _status(int(entry.name))):
            parents.setdefault(int(status["PPid"]), []).append(int(entry.name))
    found: set[int] = set()
    queue = [pid]
    while queue:
        children = parents.get(queue.pop(), [])
        found.update(children)
        queue += children
    return found


def alive(pid: int) -> bool:
    """The process exists and is not a zombie waiting to be reaped."""
    status = _status(pid)
    return status is not None and not status["State"].startswith("Z")


def _status(pid: int) -> dict[str, str] | None:
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return dict(line.split(":\t", 1) for line in lines if ":\t" in line)


def endpoint_pid(stack: LocalStack) -> int:
    return next(component.pid for component in stack.status() if component.name == "endpoint")


def test_copy_workers_are_kept_between_copies_and_die_with_a_killed_endpoint(stack):
    s3 = stack_client(stack, "s3")
    name = f"workers-{uuid.uuid4().hex[:8]}"
    role = s3_reading_role(stack, name)
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    for part in range(FILES):
        numbers = range(part * ROWS_PER_FILE, (part + 1) * ROWS_PER_FILE)
        s3.put_object(Bucket=name, Key=f"data/part-{part}.json", Body=b"\n".join(b'{"n": %d}' % i for i in numbers))
    login = create_cluster(stack, name, IamRoles=[role])
    copy = f"COPY numbers FROM 's3://{name}/data/' IAM_ROLE '{role}' FORMAT AS JSON 'auto' REGION 'us-west-2'"
    endpoint = endpoint_pid(stack)
    with login.psycopg(autocommit=True) as connection:
        connection.execute("CREATE TABLE numbers (n INT)")
        connection.execute(copy)
        workers = descendants(endpoint)
        connection.execute(copy)
        assert descendants(endpoint) == workers  # the same processes served the second COPY
        assert connection.execute("SELECT count(*), count(DISTINCT n) FROM numbers").fetchone() == (
            2 * FILES * ROWS_PER_FILE,
            FILES * ROWS_PER_FILE,
        )
    assert workers, "the COPY ran in worker processes under the endpoint"
    os.kill(endpoint, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if alive(pid)], "worker processes outlived the endpoint"
