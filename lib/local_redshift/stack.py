"""The local stack: the AWS stand-in (moto), the warehouses (an embedded PostgreSQL server per cluster) and the
Redshift endpoint, as background processes.

`up` is idempotent, `status` reports each component, `down` stops exactly the processes `up` started, by pid.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from local_redshift import stand_in_token
from local_redshift.postgres import PostgresError, PostgresServer
from local_redshift.processes import PidFile, ProcessError, port_open, start_detached, stop, wait_for_port
from local_redshift.stand_in_state import notices as stand_in_notices
from local_redshift.warehouses import Warehouses

log = logging.getLogger(__name__)

HOST = "127.0.0.1"
AWS_MARKER = "local_redshift.aws_server"
ENDPOINT_MARKER = "local_redshift.endpoint"


class StackError(RuntimeError):
    """A component could not be brought up or down; the message says why and how to recover."""


@dataclass(frozen=True)
class StackSettings:
    """Where the stack keeps its state and which loopback ports it uses (the warehouses' from `postgres_port` up)."""

    state_dir: Path
    aws_port: int
    postgres_port: int
    endpoint_port: int

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
    """The moto server (IAM, S3, EC2, Redshift APIs), the warehouses and the Redshift endpoint, started detached so
    they outlive the caller."""

    def __init__(self, settings: StackSettings) -> None:
        self.settings = settings
        self.warehouses = Warehouses(settings.state_dir / "warehouses", settings.postgres_port, HOST)
        self._moto_pid = PidFile(settings.state_dir / "moto.pid", AWS_MARKER)
        self._endpoint_pid = PidFile(settings.state_dir / "endpoint.pid", ENDPOINT_MARKER)

    @property
    def moto_log(self) -> Path:
        return self.settings.state_dir / "moto.log"

    @property
    def endpoint_log(self) -> Path:
        return self.settings.state_dir / "endpoint.log"

    def warehouse(self, cluster: str) -> PostgresServer:
        """The PostgreSQL server of the cluster named `cluster` (made at its first login); its `conninfo(dbname)`
        connects as the server's superuser, and the cluster's data is in database `Cluster.postgres_database`."""
        return self.warehouses.of_cluster(cluster)

    @property
    def aws_state(self) -> Path:
        """The AWS stand-in's state (local_redshift.stand_in_state): remove it, stack down, to start afresh."""
        return self.settings.state_dir / "aws"

    @property
    def token_file(self) -> Path:
        """The token the stand-in's own routes require of the endpoint (local_redshift.stand_in_token), 0600."""
        return self.settings.state_dir / "stand-in.token"

    @property
    def tls_folder(self) -> Path:
        """The endpoint's TLS certificate (endpoint.crt: the root for verify-ca) and its key."""
        return self.settings.state_dir / "tls"

    def up(self) -> list[ComponentStatus]:
        """Start whatever is not running yet; fast when all is up. When a component cannot start, the ones this
        call started are stopped again (those already running are left alone)."""
        self.settings.state_dir.mkdir(parents=True, exist_ok=True)
        stand_in_token.ensure(self.token_file)
        started: list[Callable[[], None]] = []
        try:
            if self._start(
                "moto server", self._moto_pid, self.settings.aws_port, "SPARKIFY_LOCAL_AWS_PORT",
                [
                    sys.executable, "-m", AWS_MARKER, "--port", str(self.settings.aws_port),
                    "--endpoint-port", str(self.settings.endpoint_port), "--state-dir", str(self.aws_state),
                    "--token-file", str(self.token_file),
                    "--log-file", str(self.moto_log),
                ],
                self.moto_log, {"MOTO_IAM_LOAD_MANAGED_POLICIES": "true"},
            ):  # fmt: skip
                started.append(lambda: self._stop("moto server", self._moto_pid))
                for notice in stand_in_notices(self.aws_state):
                    log.warning("AWS stand-in: %s", notice)
            started += self._start_warehouses()
            self._start(
                "endpoint", self._endpoint_pid, self.settings.endpoint_port, "SPARKIFY_DWH_PORT",
                [
                    sys.executable, "-m", ENDPOINT_MARKER, "--port", str(self.settings.endpoint_port),
                    "--aws-endpoint", self.settings.aws_endpoint, "--warehouses", str(self.warehouses.folder),
                    "--postgres-port", str(self.settings.postgres_port), "--tls-folder", str(self.tls_folder),
                    "--token-file", str(self.token_file),
                    "--log-file", str(self.endpoint_log),
                ],
                self.endpoint_log, {},
            )  # fmt: skip
        except BaseException:  # whatever failed (a StackError, PostgreSQL's binaries out of reach...), nothing is left
            for stop_component in reversed(started):
                stop_component()
            raise
        return self.status()

    def _start(
        self, name: str, pid_file: PidFile, port: int, setting: str, argv: list[str], log_file: Path,
        env: dict[str, str],
    ) -> bool:  # fmt: skip
        """Start one process unless it runs; True when this call started it."""
        if pid_file.live_pid():
            return False
        self._wait_until_free(port, name, setting)
        pid = start_detached(argv, log_file, env=env)
        pid_file.write(pid)
        try:
            wait_for_port(HOST, port, pid, log_file)
        except ProcessError as error:
            pid_file.path.unlink(missing_ok=True)
            raise StackError(f"{name}: {error}") from error
        log.info("%s up on %s:%s (pid %s)", name, HOST, port, pid)
        return True

    def _start_warehouses(self) -> list[Callable[[], None]]:
        """Start the warehouses kept that do not run; how to stop those this call started."""
        started: list[Callable[[], None]] = []
        try:
            self.warehouses.template.ensure_initialized()  # the first cluster's login then only copies it
            for name in self.warehouses.names():
                if self.warehouses.is_ready(name) and not self.warehouses.server(name).pid():
                    started.append(self.warehouses.start(name).stop)
        except PostgresError as error:
            for stop_warehouse in reversed(started):
                stop_warehouse()
            raise StackError(f"PostgreSQL: {error}") from error
        return started

    @staticmethod
    def _wait_until_free(port: int, name: str, setting: str, patience: float = 5.0) -> None:
        """A component that just died may hold its port for a moment; anything else there is an error."""
        deadline = time.monotonic() + patience
        while port_open(HOST, port):
            if time.monotonic() > deadline:
                raise StackError(
                    f"port {port} on {HOST} is taken by a program that is not this stack's {name}; "
                    f"stop that program or choose another port with {setting}"
                )
            time.sleep(0.1)

    def _stop(self, name: str, pid_file: PidFile) -> None:
        if pid := pid_file.live_pid():
            stop(pid)
            log.info("%s stopped (pid %s)", name, pid)
        pid_file.path.unlink(missing_ok=True)

    def status(self) -> list[ComponentStatus]:
        """Each component with its pid, address and whether it answers."""
        moto_pid = self._moto_pid.live_pid()
        endpoint_pid = self._endpoint_pid.live_pid()
        warehouses = []
        for name in self.warehouses.names():
            server = self.warehouses.server(name)
            pid = server.pid()
            cluster = self.warehouses.cluster_of(name) or name
            address = f"{HOST}:{server.port} (cluster {cluster})"
            warehouses.append(ComponentStatus("postgres", pid, address, bool(pid) and port_open(HOST, server.port)))
        return [
            ComponentStatus(
                "moto",
                moto_pid,
                self.settings.aws_endpoint,
                bool(moto_pid) and port_open(HOST, self.settings.aws_port),
            ),
            *warehouses,
            ComponentStatus(
                "endpoint",
                endpoint_pid,
                f"{HOST}:{self.settings.endpoint_port}",
                bool(endpoint_pid) and port_open(HOST, self.settings.endpoint_port),
            ),
        ]

    def down(self) -> list[ComponentStatus]:
        """Stop the processes this stack started (by pid); safe to run when nothing runs."""
        self._stop("endpoint", self._endpoint_pid)
        self._stop("moto server", self._moto_pid)
        try:
            self.warehouses.stop_all()
        except PostgresError as error:
            raise StackError(f"PostgreSQL: {error}") from error
        return self.status()
