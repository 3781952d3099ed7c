"""Every log the stack writes in its state folder is bounded: past its size (LOCAL_REDSHIFT_LOG_BYTES, lowered here)
it is renamed `<name>.1`, a few older ones are kept, and writing goes on in a new file."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg
import pytest

from local_redshift import logs
from tests.local_redshift.conftest import create_cluster
from tests.support import running_stack

SIZE = 4096


def test_a_log_past_its_size_is_renamed_and_the_older_ones_shift(tmp_path: Path) -> None:
    log = tmp_path / "x.log"
    log.write_text("a" * 10)
    assert not logs.rotate_past_size(log, 11)
    for generation in range(logs.KEPT + 2):
        log.write_text(str(generation) * 11)
        assert logs.rotate_past_size(log, 11)
    assert not log.exists()  # the process that writes it opens a new one
    kept = sorted(path.name for path in tmp_path.iterdir())
    assert kept == [f"x.log.{n}" for n in range(1, logs.KEPT + 1)]
    assert (tmp_path / "x.log.1").read_text() == str(logs.KEPT + 1) * 11  # the newest
    assert not logs.rotate_past_size(tmp_path / "absent.log", 1)


def test_the_size_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(logs.SIZE_VARIABLE, raising=False)
    assert logs.max_bytes() == 10 * 1024 * 1024
    monkeypatch.setenv(logs.SIZE_VARIABLE, "2048")
    assert logs.max_bytes() == 2048
    for bad in ("12", "10MiB", "-5"):
        monkeypatch.setenv(logs.SIZE_VARIABLE, bad)
        with pytest.raises(ValueError, match=logs.SIZE_VARIABLE):
            logs.max_bytes()


def test_a_process_log_rotates_and_what_it_prints_follows_the_current_file(tmp_path: Path) -> None:
    log = tmp_path / "p.log"
    program = (
        "import logging, sys, pathlib\n"
        "from local_redshift import logs\n"
        f"logs.log_to(pathlib.Path({str(log)!r}))\n"
        "for n in range(200):\n"
        "    logging.info('line %03d %s', n, 'x' * 60)\n"
        "print('printed at the end', file=sys.stderr, flush=True)\n"
    )
    environment = {**os.environ, logs.SIZE_VARIABLE: str(SIZE)}
    subprocess.run([sys.executable, "-c", program], check=True, env=environment, timeout=60)
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["p.log", *(f"p.log.{n}" for n in range(1, logs.KEPT + 1))]
    for path in tmp_path.iterdir():
        assert path.stat().st_size <= SIZE, path
    current = log.read_text()
    assert "line 199" in current and current.endswith("printed at the end\n")


@pytest.mark.server
def test_the_stacks_logs_rotate_and_go_on(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:
    monkeypatch.setenv(logs.SIZE_VARIABLE, str(SIZE))  # the stack's processes inherit it
    password = f"Sx{uuid.uuid4().hex}"
    with running_stack(tmp_path_factory.mktemp("rotating-stack")) as stack:
        login = create_cluster(stack, f"rotating-{uuid.uuid4().hex[:6]}")
        for _ in range(50):  # each login: lines of the endpoint's and of the stand-in's
            with login.psycopg(autocommit=True) as connection:
                for n in range(4):  # each failing statement: a line of PostgreSQL's
                    with pytest.raises(psycopg.errors.UndefinedColumn):
                        connection.execute(f"SELECT no_such_column_{n}")
        with login.psycopg(autocommit=True) as connection:
            connection.execute(f"CREATE USER rotated_user PASSWORD '{password}'")
            with pytest.raises(psycopg.Error):
                connection.execute(f"CREATE USER rotated_user PASSWORD '{password}'")
        # the warehouse's folder: its postgres.log may be renamed this moment, the new one not yet written
        [folder] = {path.parent for path in (stack.settings.state_dir / "warehouses").glob("*/postgres.log*")}
        postgres_log = folder / "postgres.log"
        _wait_for(postgres_log.with_name("postgres.log.1"))  # the endpoint renames it within a few seconds

        marker = uuid.uuid4().hex
        later = create_cluster(stack, f"after-{marker[:8]}")
        with later.psycopg(autocommit=True) as connection, pytest.raises(psycopg.errors.UndefinedColumn):
            connection.execute(f"SELECT after_rotation_{marker}")
        [later_log] = [p for p in postgres_log.parent.parent.glob("*/postgres.log") if p != postgres_log]
        # the collector writes on, in a new file: what it writes right after the rename still goes to the renamed
        # file (the lines of one read from its pipe go together), and what comes next to the new one
        deadline, text = time.monotonic() + 20, f"after_rotation_{marker}"
        with login.psycopg(autocommit=True) as connection:
            while not (postgres_log.exists() and text in postgres_log.read_text(errors="replace")):
                assert time.monotonic() < deadline, f"the collector wrote nothing more into a new {postgres_log}"
                with pytest.raises(psycopg.errors.UndefinedColumn):
                    connection.execute(f"SELECT after_rotation_{marker}")
                time.sleep(0.2)
        _wait_for_text(later_log, f"after_rotation_{marker}")
        _wait_for_text(stack.endpoint_log, f"after-{marker[:8]}")  # the endpoint's login line, after its rotation

        state = stack.settings.state_dir
        for log in (stack.endpoint_log, stack.moto_log, postgres_log):
            rotated = sorted(path.name for path in log.parent.glob(log.name + ".*"))
            assert rotated and set(rotated) <= {f"{log.name}.{n}" for n in range(1, logs.KEPT + 1)}, log
            # a process log rotates before a line would pass the size; PostgreSQL's may outgrow it by what it
            # writes between two of the endpoint's looks (twice a second)
            bound = 8 * SIZE if log is postgres_log else SIZE
            for path in (log, *log.parent.glob(log.name + ".*")):
                assert path.stat().st_size <= bound, path
        for path in state.rglob("*.log*"):
            assert password not in path.read_text(errors="replace"), path


def _wait_for(path: Path, patience: float = 20.0) -> None:
    deadline = time.monotonic() + patience
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} did not appear"
        time.sleep(0.2)


def _wait_for_text(path: Path, text: str, patience: float = 20.0) -> None:
    deadline = time.monotonic() + patience
    while not (path.exists() and text in path.read_text(errors="replace")):
        assert time.monotonic() < deadline, f"{text!r} not in {path}"
        time.sleep(0.2)
