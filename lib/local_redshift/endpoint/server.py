"""The endpoint's listener: one thread per client session."""

from __future__ import annotations

import contextlib
import logging
import resource
import signal
import socket
import threading
from pathlib import Path
from typing import Any

from botocore.config import Config

from local_redshift import aws_clients
from local_redshift.endpoint import tls
from local_redshift.endpoint.admission import HANDSHAKE_SECONDS, Admission
from local_redshift.endpoint.cancels import CancelRegistry
from local_redshift.endpoint.clusters import ClusterDirectory
from local_redshift.endpoint.connection_log import ConnectionLog
from local_redshift.endpoint.query_log import QueryLog
from local_redshift.endpoint.session import Services, Session
from local_redshift.warehouses import Warehouses

log = logging.getLogger(__name__)


_LOOPBACK = Config(response_checksum_validation="when_required")
"""The stand-in is on this machine: a COPY does not compute a CRC32 of every object it reads (TCP checks them)."""


class AwsClientCache:
    """boto3 clients of the AWS stand-in for COPY, one per service and region (clients are thread-safe)."""

    def __init__(self, endpoint_url: str) -> None:
        self._endpoint_url = endpoint_url
        self._clients: dict[tuple[str, str | None], Any] = {}
        self._lock = threading.Lock()

    def __call__(self, service: str, region: str | None) -> Any:
        with self._lock:
            key = (service, region)
            if key not in self._clients:
                self._clients[key] = aws_clients.client(service, self._endpoint_url, region, _LOOPBACK)
            return self._clients[key]


class Endpoint:
    """Listens on host:port and serves every client in a session of its own."""

    def __init__(
        self, host: str, port: int, aws_endpoint: str, warehouses: Warehouses, *, tls_folder: Path,
        stand_in_token: str, handshake_seconds: float = HANDSHAKE_SECONDS,
    ) -> None:  # fmt: skip
        self.host, self.port = host, port
        directory = ClusterDirectory(aws_endpoint, warehouses, stand_in_token)
        self.services = Services(
            directory,
            CancelRegistry(),
            AwsClientCache(aws_endpoint),
            QueryLog(directory.bookkeeping_conninfo),
            Admission(tls.server_context(tls_folder), handshake_seconds),
            ConnectionLog(directory.bookkeeping_conninfo),
        )

    def serve_forever(self) -> None:
        """Accept clients until SIGTERM or SIGINT."""
        _allow_open_files()
        listener = socket.create_server((self.host, self.port), backlog=128)
        signal.signal(signal.SIGTERM, _exit)
        log.info("local Redshift endpoint listening on %s:%s", self.host, self.port)
        try:
            while True:
                client, _ = listener.accept()
                client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                threading.Thread(target=Session(client, self.services).run, daemon=True).start()
        except KeyboardInterrupt:
            pass
        finally:
            listener.close()
            self.services.queries.stop()
            log.info("local Redshift endpoint stopped")


def _allow_open_files() -> None:
    """Raise the limit of open files to the most allowed: every idle client holds one (1,024 is a common default)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != hard:
        with contextlib.suppress(ValueError, OSError):  # an unlimited hard limit is not a soft one Linux takes
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def _exit(*_: object) -> None:
    raise KeyboardInterrupt
