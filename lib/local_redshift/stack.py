"""The local stand-in for AWS: a moto server and an embedded PostgreSQL, as background processes.

`up` is idempotent, `status` reports each component, `down` stops exactly the processes `up` started, by pid.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from local_redshift.postgres import PostgresError, PostgresServer
from local_redshift.processes import PidFile, ProcessError, port_open, start_detached, stop, wait_for_port

log = logging.getLogger(__name__)

HOST = "127.0.0.1"
MOTO_MARKER = "moto.server"


class StackError(RuntimeError):
    """A component could not be brought up or down; the message says why and how to recover."""


@dataclass(frozen=True)
class StackSettings:
    """Where the stack keeps its state and which loopback ports it uses."""

    state_dir: Path
    aws_port: int
    postgres_port: int

    @property
    def aws_endpoint(self) -> str:
        return f"http://{HOST}:{self.aws_port}"


@dataclass(frozen=True)
class ComponentStatus:
    """One component as `status` reports it."""

    name: str
    pid: int | None
    address: str
    healthy: bool

    def line(self) -> str:
        state = "running" if self.healthy else "stopped"
        return f"{self.name:<10} {state:<8} pid={self.pid or '-':<8} {self.address}"


class LocalStack:
    """The moto server (IAM, S3, EC2, Redshift APIs) and PostgreSQL, started detached so they outlive the caller."""

    def __init__(self, settings: StackSettings) -> None:
        self.settings = settings
        self.postgres = PostgresServer(settings.state_dir / "postgres", settings.postgres_port, HOST)
        self._moto_pid = PidFile(settings.state_dir / "moto.pid", MOTO_MARKER)

    @property
    def moto_log(self) -> Path:
        return self.settings.state_dir / "moto.log"

    def up(self) -> list[ComponentStatus]:
        """Start whatever is not running yet; fast when all is up."""
        self.settings.state_dir.mkdir(parents=True, exist_ok=True)
        self._start_moto()
        self._start_postgres()
        return self.status()

    def _start_moto(self) -> None:
        port = self.settings.aws_port
        if self._moto_pid.live_pid():
            return
        if port_open(HOST, port):
            raise StackError(
                f"port {port} on {HOST} is taken by a program that is not this stack's moto server; "
                f"stop that program or choose another port with SPARKIFY_LOCAL_AWS_PORT"
            )
        pid = start_detached(
            [sys.executable, "-m", MOTO_MARKER, "-H", HOST, "-p", str(port)],
            self.moto_log,
            env={"MOTO_IAM_LOAD_MANAGED_POLICIES": "true"},
        )
        self._moto_pid.write(pid)
        try:
            wait_for_port(HOST, port, pid, self.moto_log)
        except ProcessError as error:
            self._moto_pid.path.unlink(missing_ok=True)
            raise StackError(f"moto server: {error}") from error
        log.info("moto server up on %s:%s (pid %s)", HOST, port, pid)

    def _start_postgres(self) -> None:
        if self.postgres.pid():
            return
        if port_open(HOST, self.settings.postgres_port):
            raise StackError(
                f"port {self.settings.postgres_port} on {HOST} is taken by another program; "
                f"stop it or choose another port with SPARKIFY_LOCAL_POSTGRES_PORT"
            )
        try:
            pid = self.postgres.start()
        except PostgresError as error:
            raise StackError(f"PostgreSQL: {error}") from error
        log.info("PostgreSQL up on %s:%s (pid %s)", HOST, self.settings.postgres_port, pid)

    def status(self) -> list[ComponentStatus]:
        """Each component with its pid, address and whether it answers."""
        moto_pid = self._moto_pid.live_pid()
        pg_pid = self.postgres.pid()
        return [
            ComponentStatus(
                "moto", moto_pid, self.settings.aws_endpoint,
                bool(moto_pid) and port_open(HOST, self.settings.aws_port),
            ),
            ComponentStatus(
                "postgres", pg_pid, f"{HOST}:{self.settings.postgres_port}",
                bool(pg_pid) and port_open(HOST, self.settings.postgres_port),
            ),
        ]

    def down(self) -> list[ComponentStatus]:
        """Stop the processes this stack started (by pid); safe to run when nothing runs."""
        if pid := self._moto_pid.live_pid():
            stop(pid)
            log.info("moto server stopped (pid %s)", pid)
        self._moto_pid.path.unlink(missing_ok=True)
        try:
            self.postgres.stop()
        except PostgresError as error:
            raise StackError(f"PostgreSQL: {error}") from error
        return self.status()
