"""Faults in the middle of a COPY: the endpoint, PostgreSQL or the AWS stand-in dies; after `up` again the table
is untouched (never half-loaded), and the same COPY then completes."""

from __future__ import annotations

import os
import signal
import threading
import time
import uuid
from collections.abc import Iterator

import psycopg
import pytest

from local_redshift.stack import LocalStack
from tests.local_redshift.conftest import Login, create_cluster, s3_reading_role, stack_client
from tests.support import running_stack

pytestmark = pytest.mark.server  # starts a local stack of its own

ROWS = 400_000
FILES = 40


@pytest.fixture
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStack]:
    with running_stack(tmp_path_factory.mktemp("fault-stack")) as stack:
        yield stack


def prepare(stack: LocalStack) -> tuple[Login, str]:
    """A role, a cluster with it, a bucket holding many files, an empty table; the login and the COPY."""
    s3 = stack_client(stack, "s3")
    name = f"fault-{uuid.uuid4().hex[:8]}"
    role = s3_reading_role(stack, name)
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    per_file = ROWS // FILES  # many files: the COPY keeps reading S3 while it loads
    for part in range(FILES):
        numbers = range(part * per_file, (part + 1) * per_file)
        s3.put_object(
            Bucket=name,
            Key=f"big/part-{part:03d}.json",
            Body=b"\n".join(b'{"n": %d, "word": "w%d"}' % (i, i) for i in numbers),
        )
    login = create_cluster(stack, name, IamRoles=[role])
    with login.psycopg(autocommit=True) as connection:
        connection.execute("CREATE TABLE numbers (n INT, word VARCHAR(16))")
    return login, f"COPY numbers FROM 's3://{name}/big/' IAM_ROLE '{role}' FORMAT AS JSON 'auto' REGION 'us-west-2'"


def copy_in_background(login: Login, copy: str) -> dict[str, object]:
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            with login.redshift_connector() as connection:
                connection.cursor().execute(copy)
                connection.commit()
                outcome["loaded"] = True
        except Exception as error:
            outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    outcome["thread"] = thread
    return outcome


def wait_until_loading(stack: LocalStack, cluster: str) -> None:
    """Until the cluster's PostgreSQL server is receiving the COPY's rows."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with psycopg.connect(stack.warehouse(cluster).conninfo()) as admin:
            if admin.execute("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY %FROM STDIN%'").fetchone()[
                0
            ]:
                return
        time.sleep(0.02)
    pytest.fail("the COPY never reached PostgreSQL")


def pid_of(stack: LocalStack, component: str, cluster: str) -> int | None:
    """The component's pid; for "postgres", the cluster's own server's."""
    if component == "postgres":
        return stack.warehouse(cluster).pid()
    return next(c.pid for c in stack.status() if c.name == component)


@pytest.mark.parametrize(
    ("component", "sig"),
    [("endpoint", signal.SIGKILL), ("postgres", signal.SIGQUIT), ("moto", signal.SIGKILL)],
    ids=["endpoint-killed", "postgres-crashed", "aws-stand-in-killed"],
)
def test_a_component_dying_mid_copy_leaves_the_table_untouched_and_the_copy_can_run_again(stack, component, sig):
    login, copy = prepare(stack)
    outcome = copy_in_background(login, copy)
    wait_until_loading(stack, login.identifier)
    pid = pid_of(stack, component, login.identifier)
    assert pid is not None
    os.kill(pid, sig)  # SIGQUIT: PostgreSQL's immediate shutdown, as in a crash
    outcome["thread"].join(60)
    assert "error" in outcome and "loaded" not in outcome
    deadline = time.monotonic() + 30
    while pid_of(stack, component, login.identifier) and time.monotonic() < deadline:
        time.sleep(0.1)
    stack.up()
    if component == "moto":  # the stand-in's state died with it: the cluster must be created again
        login, copy = prepare(stack)
    with login.psycopg(autocommit=True) as connection:
        assert connection.execute("SELECT count(*) FROM numbers").fetchone() == (0,)
        connection.execute(copy)
        assert connection.execute("SELECT count(*), count(DISTINCT n) FROM numbers").fetchone() == (ROWS, ROWS)
