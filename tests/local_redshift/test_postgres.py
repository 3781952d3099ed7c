"""The embedded PostgreSQL: password required, loopback only, and started again after it was killed."""

import os
import signal
import subprocess
import time
from pathlib import Path

import psycopg
import pytest

from local_redshift.postgres import PostgresServer, binaries
from local_redshift.processes import alive
from tests.support import free_port


def test_accepts_the_superuser_with_its_password(postgres):
    with psycopg.connect(postgres.conninfo()) as conn:
        assert conn.execute("select current_setting('listen_addresses')").fetchone() == ("127.0.0.1",)


def test_refuses_a_wrong_password(postgres):
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(f"host=127.0.0.1 port={postgres.port} user=postgres password=wrong dbname=postgres")


def test_a_pid_file_naming_a_zombie_is_no_running_server(tmp_path):
    zombie = subprocess.Popen(["true"])  # exits at once and stays a zombie until it is waited for
    try:
        while Path(f"/proc/{zombie.pid}/stat").read_text().split()[2] != "Z":
            time.sleep(0.01)
        server = PostgresServer(tmp_path / "postgres", free_port())
        server.data_dir.mkdir(parents=True)
        (server.data_dir / "postmaster.pid").write_text(f"{zombie.pid}\n{server.data_dir}\n")
        assert server.pid() is None
    finally:
        zombie.wait()


@pytest.mark.server
def test_a_server_killed_without_shutdown_starts_again(tmp_path):
    home = tmp_path / "pg"
    home.mkdir()
    server = PostgresServer(home / "postgres", free_port())
    first = server.start()
    try:
        os.kill(first, signal.SIGKILL)
        while alive(first):
            time.sleep(0.05)
        assert (server.data_dir / "postmaster.pid").exists()  # left behind, naming the killed server
        second = server.start()
        assert second != first
        with psycopg.connect(server.conninfo()) as connection:
            assert connection.execute("SELECT 1").fetchone() == (1,)
    finally:
        server.stop()


@pytest.mark.server
@pytest.mark.skipif(os.geteuid() != 0, reason="PostgreSQL runs in a user namespace only when the stack runs as root")
def test_as_root_a_server_in_private_folders_runs_and_no_folder_changes_mode_or_owner(tmp_path):
    private = tmp_path / "home" / "clone"
    private.mkdir(parents=True, mode=0o700)
    (tmp_path / "home").chmod(0o700)  # like root's home folder, or a `mktemp -d`
    watched = [tmp_path, tmp_path / "home", private, *binaries().parents]
    before = {folder: (folder.stat().st_mode, folder.stat().st_uid) for folder in watched}
    server = PostgresServer(private / "postgres", free_port())
    try:
        server.start()
        with psycopg.connect(server.conninfo()) as connection:
            assert connection.execute("SELECT 1").fetchone() == (1,)
        server.stop()
        for parent, _, names in os.walk(server.home):  # as an earlier version left it: owned by a system user
            for path in (parent, *(os.path.join(parent, name) for name in names)):
                os.chown(path, 4242, 4242, follow_symlinks=False)
        server.start()
        with psycopg.connect(server.conninfo()) as connection:
            assert connection.execute("SELECT 2").fetchone() == (2,)
    finally:
        server.stop()
    assert {folder: (folder.stat().st_mode, folder.stat().st_uid) for folder in watched} == before
    assert server.data_dir.stat().st_uid == 0


def test_conninfo_quotes_a_database_name_with_spaces(tmp_path):
    # "Names and identifiers": a delimited identifier (a database's name too) may contain spaces; libpq reads a
    # connection string's unquoted value only up to a space
    server = PostgresServer(tmp_path / "server", port=5499)
    server.password_file.write_text("secret\n")
    info = psycopg.conninfo.conninfo_to_dict(server.conninfo("təst cat好log"))
    assert (info["dbname"], info["password"], info["port"]) == ("təst cat好log", "secret", "5499")
