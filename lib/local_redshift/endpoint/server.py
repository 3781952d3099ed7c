"""The endpoint's listener: one thread per client session, cancel requests routed to the right backend."""

from __future__ import annotations

import logging
import signal
import socket
import threading
from typing import Any

import boto3

from local_redshift.endpoint.clusters import ClusterDirectory
from local_redshift.endpoint.session import Session
from local_redshift.postgres import PostgresServer

log = logging.getLogger(__name__)


class Endpoint:
    """Listens on host:port and serves every client in a session of its own."""

    def __init__(self, host: str, port: int, aws_endpoint: str, postgres: PostgresServer) -> None:
        self.host, self.port = host, port
        self.aws_endpoint = aws_endpoint
        self.directory = ClusterDirectory(aws_endpoint, postgres)
        self.cancels: dict[tuple[int, int], Any] = {}
        self._clients: dict[tuple[str, str | None], Any] = {}
        self._clients_lock = threading.Lock()

    def aws(self, service: str, region: str | None) -> Any:
        """A boto3 client of the local AWS stand-in, for COPY (clients are thread-safe and kept)."""
        with self._clients_lock:
            key = (service, region)
            if key not in self._clients:
                self._clients[key] = boto3.client(
                    service,
                    region_name=region or "us-east-1",
                    endpoint_url=self.aws_endpoint,
                    aws_access_key_id="testing",
                    aws_secret_access_key="testing",
                )
            return self._clients[key]

    def cancel(self, pid: int, key: int) -> None:
        """A client's CancelRequest: cancel the matching backend's running query, if any."""
        if (handle := self.cancels.get((pid, key))) is not None:
            log.info("cancelling the query of backend %s", pid)
            handle.cancel()

    def serve_forever(self) -> None:
        """Accept clients until SIGTERM or SIGINT."""
        listener = socket.create_server((self.host, self.port), backlog=128)
        signal.signal(signal.SIGTERM, _exit)
        log.info("local Redshift endpoint listening on %s:%s", self.host, self.port)
        try:
            while True:
                client, _ = listener.accept()
                client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                threading.Thread(target=Session(client, self).run, daemon=True).start()
        except KeyboardInterrupt:
            pass
        finally:
            listener.close()
            log.info("local Redshift endpoint stopped")


def _exit(*_: object) -> None:
    raise KeyboardInterrupt
