"""A full disk: the statement that hits it gets Redshift's words for it, a login while the cluster's server is down
for want of space says so in one sentence, and once space is freed the next login starts the server again with the
data all there.

The stack's state folder is on a small tmpfs mounted for the test (root only: it skips, saying why, elsewhere); a
ballast file beside it is the space a learner would free.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

from local_redshift.errors import DISK_FULL_HINT, DISK_FULL_STOPPED
from tests.local_redshift.conftest import Login, create_cluster
from tests.support import running_stack

pytestmark = pytest.mark.server  # starts a local stack of its own

DISK_MIB = 192  # the template and one warehouse (about 40 MiB each), the ballast, and room to fill
BALLAST_MIB = 32  # more than PostgreSQL needs to start again after a full disk stopped it (a 16 MiB WAL segment)
KEPT_ROWS = 1000


@pytest.fixture
def small_disk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A tmpfs of DISK_MIB, mounted for the test and always unmounted after it."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system for the state folder needs root")
    if shutil.which("mount") is None or shutil.which("umount") is None:
        pytest.skip("mount and umount are not installed")
    folder = tmp_path_factory.mktemp("small-disk")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DISK_MIB}m,mode=0755", "tmpfs", str(folder)],
        capture_output=True, text=True,
    )  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (a container without CAP_SYS_ADMIN?): {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "--lazy", str(folder)], check=True)  # a process of the stack still there


def test_a_full_disk_is_said_so_and_the_data_is_all_there_once_space_is_freed(small_disk: Path) -> None:
    with running_stack(small_disk) as stack:
        login = create_cluster(stack, f"full-disk-{uuid.uuid4().hex[:6]}")
        with login.psycopg(autocommit=True) as connection:
            connection.execute("CREATE TABLE kept (id INTEGER, word VARCHAR(32))")
            connection.execute(
                f"INSERT INTO kept SELECT g, 'word ' || g FROM generate_series(1, {KEPT_ROWS}) AS g"
            )  # fmt: skip
            connection.execute("CREATE TABLE filler (word VARCHAR(1024))")
        ballast = small_disk / "ballast"
        with open(ballast, "wb") as out:
            out.write(b"\0" * BALLAST_MIB * 2**20)  # written, not sparse: tmpfs counts the pages

        error = _fill(login)
        # the words of Redshift's error; STL_DISK_FULL_DIAG "logs information about errors recorded when the disk is
        # full" (https://docs.aws.amazon.com/redshift/latest/dg/r_STL_DISK_FULL_DIAG.html); SQLSTATE 53100 is
        # PostgreSQL's disk_full. The statement's own backend may hit the full disk (PostgreSQL's words then follow
        # in the detail), or another one (the endpoint's bookkeeping), which stops the server under the statement.
        assert error.sqlstate == "53100", error
        assert error.diag.message_primary == "Disk Full"
        assert error.diag.message_hint == DISK_FULL_HINT
        detail = error.diag.message_detail or ""
        assert "No space left on device" in detail or detail == DISK_FULL_STOPPED, detail

        server = stack.warehouse(login.identifier)
        _write_wal_until_stopped(login, lambda: server.pid() is None)
        with pytest.raises(psycopg.OperationalError) as refused:
            login.psycopg().close()
        said = str(refused.value)
        assert "the disk holding the local Redshift's state folder" in said and "is full (" in said, said
        assert " MiB free)" in said and "free space on that disk, then connect again" in said, said

        ballast.unlink()  # the learner frees space
        with login.psycopg(autocommit=True) as connection:
            rows = connection.execute("SELECT COUNT(*), SUM(id), MAX(word) FROM kept").fetchone()
        assert rows == (KEPT_ROWS, KEPT_ROWS * (KEPT_ROWS + 1) // 2, "word 999")


def _fill(login: Login) -> psycopg.Error:
    """Insert until the disk is full; the error the statement that hit it got."""
    with login.psycopg(autocommit=True) as connection:
        for _ in range(DISK_MIB // 8):
            try:
                connection.execute(
                    "INSERT INTO filler SELECT REPEAT(MD5(g::VARCHAR), 30) FROM generate_series(1, 8000) AS g"
                )  # about 8 MiB of rows and as much WAL
            except psycopg.Error as error:
                return error
    raise AssertionError(f"{DISK_MIB} MiB were written without filling a {DISK_MIB} MiB disk")


def _write_wal_until_stopped(login: Login, stopped: Callable[[], bool], patience: float = 60.0) -> None:
    """Write WAL and no new data pages until PostgreSQL stops for want of a WAL segment. The statement that hit the
    full disk may have failed to extend a table's file, which leaves the server running; deleting the filler's rows
    and rolling back writes a WAL record per row in pages already on disk."""
    deadline = time.monotonic() + patience
    while not stopped():
        assert time.monotonic() < deadline, "PostgreSQL stops: it cannot write its WAL"
        try:
            with login.psycopg() as connection:
                connection.execute("DELETE FROM filler")
                connection.rollback()
        except psycopg.Error:
            time.sleep(0.2)  # the server is going, or gone
