"""STL_CONNECTION_LOG's rows of a login, written before the client may query (its first query may read them), over
a short connection of the endpoint's own to the cluster's database; the leaving is written by the session's own
backend (PostgresBackend.log_leaving), or, for a session of a database made by CREATE DATABASE (whose backend's
database holds no row of its login), over such a connection too."""

from __future__ import annotations

import logging
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass

import psycopg

log = logging.getLogger(__name__)

AUTHENTICATED, INITIATING, DISCONNECTING = "authenticated", "initiating session", "disconnecting session"
_INSERT = (
    "INSERT INTO redshift_system.connection_history VALUES"
    " (%s, (to_timestamp(%s) AT TIME ZONE 'UTC'), %s, %s, %s, %s, %s, 'password', %s, %s, %s, %s, %s, %s, %s)"
)


@dataclass(frozen=True)
class Connection:
    """One client's connection as the log describes it."""

    postgres_database: str
    session_id: int
    database: str
    user: str
    host: str
    port: str
    ssl_version: str
    ssl_cipher: str
    application_name: str
    os_version: str
    driver_version: str
    protocol_version: int
    started: float
    elsewhere: bool = False  # connected to a database made by CREATE DATABASE, not to the cluster's own


def describe(client: socket.socket, parameters: dict[str, str], **known: object) -> Connection:
    """A connection from its client socket and startup parameters, and what the session knows (`known`)."""
    try:
        host, port = client.getpeername()[:2]
    except OSError:
        host, port = "", ""
    version, cipher = "", ""
    if isinstance(client, ssl.SSLSocket):
        version, cipher = client.version() or "", (client.cipher() or ("",))[0]
    return Connection(
        host=str(host), port=str(port), ssl_version=version, ssl_cipher=cipher,
        application_name=parameters.get("application_name", ""), os_version=parameters.get("os_version", ""),
        driver_version=parameters.get("driver_version", ""), started=time.time(), **known,  # type: ignore[arg-type]
    )  # fmt: skip


class ConnectionLog:
    """Writes logins, each over a short connection of the endpoint's own (a lasting one would be a session of the
    cluster's for as long as the endpoint runs: STV_SESSIONS would show it)."""

    def __init__(self, conninfo: Callable[[str], str]) -> None:
        self._conninfo = conninfo

    def logged_in(self, connection: Connection) -> None:
        self._write(connection, (AUTHENTICATED, INITIATING), 0)

    def logged_out(self, connection: Connection, duration: int) -> None:
        """The leaving of a session whose backend cannot write it (Connection.elsewhere)."""
        self._write(connection, (DISCONNECTING,), duration)

    @staticmethod
    def duration(connection: Connection) -> int:
        """Microseconds since the login."""
        return int((time.time() - connection.started) * 1_000_000)

    def _write(self, connection: Connection, events: tuple[str, ...], duration: int) -> None:
        c, now = connection, time.time()
        rows = [
            (event, now, c.host, c.port, c.session_id, c.database, c.user, duration, c.ssl_version, c.ssl_cipher,
             c.application_name, c.os_version, c.driver_version, c.protocol_version)
            for event in events
        ]  # fmt: skip
        try:
            with psycopg.connect(self._conninfo(c.postgres_database), autocommit=True) as log_connection:
                log_connection.execute("SET synchronous_commit = off")  # a log row need not wait for the disk
                log_connection.cursor().executemany(_INSERT, rows)
        except psycopg.Error as error:
            log.warning("connection log: %s of session %s not written: %s", events, c.session_id, error)
