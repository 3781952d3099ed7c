"""The warehouses: one PostgreSQL server per cluster, so that each cluster's master user, its users and its data
live in a server of their own (PostgreSQL's roles belong to a whole server, a Redshift cluster's to the cluster).

Each warehouse is a folder under the stack's state folder, named after the cluster's PostgreSQL database: its data
folder (a copy of a template made by initdb once), its log, its loopback port, its master user's password
(0600, read by the endpoint alone) and the logins of the users its cluster created. A warehouse starts when its
cluster is first logged in to and with `local up`, stops with `local down`, and is deleted only with its cluster.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import socket
import threading
from pathlib import Path

from local_redshift.logins import Logins, kept_secret
from local_redshift.postgres import PostgresError, PostgresServer
from local_redshift.processes import port_open, tail

log = logging.getLogger(__name__)

TEMPLATE = "template"
_PORT_FILE = "port"
_CLUSTER_FILE = "cluster"
_MASTER_PASSWORD_FILE = "master.password"
_READY_FILE = "ready"
_PORTS_TRIED = 1000
_NO_SPACE = os.strerror(errno.ENOSPC)  # "No space left on device", as PostgreSQL logs it
_ROOM_TO_START = 16 * 1024 * 1024  # a WAL segment: a server that was stopped by a full disk needs one to start


class Warehouses:
    """The warehouses kept in `folder`, on loopback ports from `first_port` up."""

    def __init__(self, folder: Path, first_port: int, host: str = "127.0.0.1") -> None:
        self.folder = folder
        self.first_port = first_port
        self.host = host
        self.template = PostgresServer(folder / TEMPLATE, 0, host)  # initdb only: never started
        self._lock = threading.Lock()
        self._logins_lock = threading.Lock()

    def names(self) -> list[str]:
        """Every warehouse kept, by name (its cluster's PostgreSQL database)."""
        if not self.folder.is_dir():
            return []
        return sorted(p.name for p in self.folder.iterdir() if p.is_dir() and p.name != TEMPLATE)

    def server(self, name: str) -> PostgresServer:
        """The warehouse's server, on the port it last ran on (0 before it first started)."""
        home = self.folder / name
        try:
            port = int((home / _PORT_FILE).read_text())
        except (FileNotFoundError, ValueError):
            port = 0
        return PostgresServer(home, port, self.host, template=self.template)

    def of_cluster(self, identifier: str) -> PostgresServer:
        """The server of the cluster named `identifier` (of the newest such cluster, if one was made again)."""
        homes = [self.folder / name for name in self.names() if self.cluster_of(name) == identifier]
        if not homes:
            raise LookupError(f"no warehouse of cluster {identifier!r} in {self.folder}: has it been logged in to?")
        return self.server(max(homes, key=lambda home: (home / _CLUSTER_FILE).stat().st_mtime).name)

    def cluster_of(self, name: str) -> str:
        """The identifier of the cluster the warehouse was made for ('' when not known)."""
        try:
            return (self.folder / name / _CLUSTER_FILE).read_text().strip()
        except FileNotFoundError:
            return ""

    def start(self, name: str, cluster: str = "") -> PostgresServer:
        """Start the warehouse (made from the template when new) unless it runs; the running server."""
        with self._lock:
            server = self.server(name)
            if server.pid():
                return server
            server.home.mkdir(parents=True, exist_ok=True)
            if cluster and not (server.home / _CLUSTER_FILE).exists():
                (server.home / _CLUSTER_FILE).write_text(cluster + "\n")
            port = server.port if server.port and not port_open(self.host, server.port) else self._free_port(name)
            (server.home / _PORT_FILE).write_text(f"{port}\n")
            server = PostgresServer(server.home, port, self.host, template=self.template)
            pid = server.start()
            log.info("warehouse %s up on %s:%s (pid %s)", name, self.host, port, pid)
            return server

    def stop_all(self) -> None:
        for name in self.names():
            self.server(name).stop()

    def remove(self, name: str) -> None:
        """Stop the warehouse and delete its folder: its cluster no longer exists."""
        with self._lock:
            self.server(name).stop()
            shutil.rmtree(self.folder / name, ignore_errors=True)

    def is_ready(self, name: str) -> bool:
        """Whether the warehouse's database, master user and catalog have been made."""
        return (self.folder / name / _READY_FILE).exists()

    def free_if_full(self, name: str) -> int | None:
        """When the warehouse's server could not start for want of disk space (its log's last lines say so, or the
        disk has less room than a WAL segment): the bytes free on the disk of the warehouses; else None."""
        free = shutil.disk_usage(self.folder).free
        return free if free < _ROOM_TO_START or _NO_SPACE in tail(self.server(name).log_file) else None

    def mark_ready(self, name: str, catalog_version: str) -> None:
        """The warehouse is made, with the catalog of `catalog_version` (local_redshift.catalog.version)."""
        (self.folder / name / _READY_FILE).write_text(catalog_version + "\n")

    def catalog_version(self, name: str) -> str:
        """The version of the catalog the warehouse was made or last refreshed with ('' before versions were kept)."""
        try:
            return (self.folder / name / _READY_FILE).read_text().strip()
        except FileNotFoundError:
            return ""

    def master_password(self, name: str) -> str:
        """The password the endpoint logs the cluster's master user in with (made on first use, 0600)."""
        return kept_secret(self.folder / name / _MASTER_PASSWORD_FILE)

    def logins(self, name: str) -> Logins:
        """The logins of the users the warehouse's cluster created (local_redshift.logins)."""
        return Logins(self.folder / name, self._logins_lock)

    def _free_port(self, name: str) -> int:
        """The first port from `first_port` up that no other warehouse has and nothing listens on."""
        taken = {self.server(other).port for other in self.names() if other != name}
        for port in range(self.first_port, min(self.first_port + _PORTS_TRIED, 65536)):
            if port not in taken and not port_open(self.host, port) and _bindable(self.host, port):
                return port
        raise PostgresError(
            f"no free port for a cluster's PostgreSQL from {self.first_port} on {self.host}: "
            "choose another first port with SPARKIFY_LOCAL_POSTGRES_PORT"
        )


def _bindable(host: str, port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True
