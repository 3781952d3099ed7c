"""One client's session: login, then every message relayed to the client's own PostgreSQL backend, with
Redshift SQL translated on the way and COPY from S3 run by the endpoint itself.

Statements PostgreSQL cannot prepare as one (COPY from S3, several statements in one Parse) are "virtual": the
session answers Parse, Bind, Describe and Close for them itself and runs them when they are executed. Errors
the endpoint finds (SQL that Redshift rejects, a failing COPY) are raised by PostgreSQL itself, so the
transaction and protocol state are exactly what they would be for any other failing statement.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import ssl
from dataclasses import dataclass

import psycopg

from local_redshift.copy import AwsClients
from local_redshift.endpoint import messages, protocol
from local_redshift.endpoint.admission import Admission
from local_redshift.endpoint.backend import PostgresBackend
from local_redshift.endpoint.cancels import CancelRegistry
from local_redshift.endpoint.clusters import ClusterDirectory, LoginRefused, password_failed
from local_redshift.endpoint.codes import ErrorField
from local_redshift.endpoint.connection_log import Connection, ConnectionLog, describe
from local_redshift.endpoint.copying import CopyPath
from local_redshift.endpoint.databases import SessionDatabases
from local_redshift.endpoint.framing import ConnectionClosed, Reader
from local_redshift.endpoint.handlers import Handlers
from local_redshift.endpoint.login import CancelServed, log_in
from local_redshift.endpoint.query_log import QueryLog, SessionQueries
from local_redshift.endpoint.relay import (
    BackendGone,
    ClientGone,
)
from local_redshift.endpoint.row_checks import CheckedRelay
from local_redshift.endpoint.shown import ShownPath
from local_redshift.endpoint.type_codes import TypeCodes
from local_redshift.endpoint.users import UserPath
from local_redshift.endpoint.value_formats import sketch_checks
from local_redshift.errors import DISK_FULL_HINT, DISK_FULL_MESSAGE, DISK_FULL_STOPPED, SqlState

log = logging.getLogger(__name__)

_TLS_GOODBYE = 1.0  # seconds a TLS session waits for the client's close_notify in return when it ends


@dataclass(frozen=True)
class Services:
    """What every session shares: the clusters, the cancel registry, clients of the AWS stand-in, the query log,
    the rules of entry, the connection log."""

    directory: ClusterDirectory
    cancels: CancelRegistry
    aws: AwsClients
    queries: QueryLog
    admission: Admission
    connections: ConnectionLog


class Session:
    """A client connection and its PostgreSQL backend, for the life of the connection."""

    def __init__(self, client: socket.socket, services: Services) -> None:
        self.services = services
        self.reader = Reader(client)
        self.backend: PostgresBackend | None = None
        self.handlers: Handlers | None = None
        self._copies: CopyPath | None = None
        self._admitted: str | None = None  # the cluster (its PostgreSQL database) the session is counted in
        self._connection: Connection | None = None  # as the connection log has it

    @property
    def client(self) -> socket.socket:
        """The client's socket: a TLS socket once the client has asked for TLS."""
        return self.reader.sock

    def run(self) -> None:
        """Serve the client until it leaves; then free the backend."""
        busy = False
        try:
            if not self._open():
                return
            busy = True
            assert self.handlers is not None
            self.handlers.serve(self.reader)
            busy = False
        except BackendGone:
            busy = False
            self._backend_gone()
        except (ClientGone, ConnectionClosed, ConnectionError):
            pid = self.backend.pid if self.backend else "-"
            log.log(logging.INFO if busy else logging.DEBUG, "client of backend %s left", pid)
        except Exception:
            log.exception("session of backend %s failed", self.backend.pid if self.backend else "-")
            self._send_fatal(SqlState.INTERNAL_ERROR, "the local Redshift endpoint failed; see its log")
        finally:
            self._close(cancel=busy)

    def _open(self) -> bool:
        """Log the client in and open its backend; False when it is not admitted (it has been told why)."""
        services = self.services
        try:
            login = log_in(self.reader, services.directory, services.cancels, services.admission)
        except CancelServed:
            return False
        except LoginRefused as refusal:
            self._send_fatal(refusal.sqlstate, str(refusal))
            return False
        except (TimeoutError, ssl.SSLError) as error:
            log.info("a client did not complete its login: %s", error)
            return False
        self._admitted = login.postgres_database
        directory = self.services.directory
        conninfo = directory.login_conninfo(login.postgres_database, login.user, login.verifier, login.dbname)
        application = login.parameters.get("application_name", "")
        try:
            backend = PostgresBackend(conninfo, application, login.cluster.settings)
        except psycopg.OperationalError as error:
            if login.verifier is not None:  # a user's password PostgreSQL did not commit, or expired (VALID UNTIL)
                self._send_fatal(*_refusal(login.user, error))
                return False
            # a session may have changed the master user's password in PostgreSQL
            directory.restore_master(login.postgres_database, login.user)
            backend = PostgresBackend(conninfo, application, login.cluster.settings)
        self.backend = backend
        self.services.cancels.add(backend.pid, backend.key, backend)
        relay = CheckedRelay(self.client, backend.socket)
        relay.database = (login.postgres_database, login.cluster.database)
        queries = SessionQueries(
            self.services.queries, login.postgres_database, login.user, login.database, backend.pid,
            elsewhere=login.dbname != login.postgres_database,
        )  # fmt: skip
        copies = CopyPath(
            relay, login, self.services.directory, self.services.aws, backend.pid, queries.current_query_id
        )
        databases = SessionDatabases(login.database, login.cluster.database, login.postgres_database)
        users = UserPath(relay, login, self.services.directory)
        shown = ShownPath(login, self.services.directory)
        version = protocol.granted(login.parameters)
        oids = backend.catalog_type_oids()
        binary = (version or 0) >= protocol.BINARY
        codes = TypeCodes(
            oids.get("varbyte"), binary=binary, geometry=oids.get("geometry"), super=oids.get("super"),
            hllsketch=oids.get("hllsketch"),
        )  # fmt: skip
        self._copies = copies
        self.handlers = Handlers(relay, copies, queries, users, databases, codes=codes, shown=shown)
        relay.describe_rows_with(protocol.row_descriptions(codes, version, login.database))
        if codes.hllsketch is not None:
            relay.check_rows_with(sketch_checks(codes))
        self._connection = describe(
            self.client, login.parameters, postgres_database=login.postgres_database, session_id=backend.pid,
            database=login.database, user=login.user, protocol_version=version or 0,
            elsewhere=login.dbname != login.postgres_database,
        )  # fmt: skip
        self.services.connections.logged_in(self._connection)
        self.client.sendall(backend.welcome(b"" if version is None else protocol.grant_status(version)))
        log.info("user %s connected to cluster %s (backend %s)", login.user, login.cluster.identifier, backend.pid)
        return True

    def _close(self, cancel: bool) -> None:
        if self._copies is not None:
            self._copies.close()
        if self._admitted is not None:
            self.services.admission.leave(self._admitted)
        if self.backend is not None:
            self.services.cancels.remove(self.backend.pid, self.backend.key)
            if cancel:
                self.backend.cancel()
            elif self._connection is not None and self._connection.elsewhere:
                self.services.connections.logged_out(self._connection, ConnectionLog.duration(self._connection))
            elif self._connection is not None:
                self.backend.log_leaving(ConnectionLog.duration(self._connection))
            self.backend.close()
        if isinstance(self.client, ssl.SSLSocket):  # TLS ends with close_notify: a client reads it as the end
            with contextlib.suppress(OSError, ValueError):
                self.client.settimeout(_TLS_GOODBYE)
                self.client.unwrap()
        self.client.close()

    def _backend_gone(self) -> None:
        """The backend went in the middle of the session; when a full disk stopped its server, the client is told."""
        log.info("backend %s ended its connection", self.backend.pid if self.backend else "-")
        if self._admitted and self.services.directory.warehouses.free_if_full(self._admitted) is not None:
            fields = messages.fields_of(SqlState.DISK_FULL, DISK_FULL_MESSAGE, "FATAL", detail=DISK_FULL_STOPPED)
            with contextlib.suppress(OSError):
                self.client.sendall(messages.error_response({**fields, ErrorField.HINT: DISK_FULL_HINT}))

    def _send_fatal(self, sqlstate: SqlState, message: str) -> None:
        with contextlib.suppress(OSError):
            self.client.sendall(messages.error(sqlstate, message, severity="FATAL"))


def _refusal(user: str, error: psycopg.OperationalError) -> tuple[SqlState, str]:
    """Why a user's backend could not be opened: too many connections of its CONNECTION LIMIT, in PostgreSQL's
    words, or its password, which PostgreSQL refused."""
    if isinstance(error, psycopg.errors.TooManyConnections) or "too many connections" in str(error):
        return SqlState.TOO_MANY_CONNECTIONS, f'too many connections for role "{user}"'
    return SqlState.INVALID_PASSWORD, password_failed(user)
