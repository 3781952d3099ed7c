"""The embedded PostgreSQL: password required, loopback only, and started again after it was killed."""

import os
import signal
import subprocess
import time
from pathlib import Path

import psycopg
import pytest

from local_redshift.postgres import PostgresServer
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
    home.chmod(0o755)
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
