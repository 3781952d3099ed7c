"""The client's own PostgreSQL backend: logged in as the cluster's master user (an ordinary role of the cluster's
own server, never a superuser), then spoken to on its raw socket."""

from __future__ import annotations

import contextlib
import os
import socket
import struct

import psycopg

from local_redshift.endpoint import messages

SERVER_VERSION = "8.0.2"  # what Redshift reports ("Amazon Redshift and PostgreSQL": based on PostgreSQL 8.0.2)
SHOW_DISCOVERY = "4"
"""The ParameterStatus show_discovery: the SHOW commands the server answers, by which redshift_connector's metadata API
(Cursor.get_show_discovery_version) chooses SHOW over its older catalog queries. 4 is the driver's SHOW path of
every metadata call (SHOW DATABASES ... SHOW PARAMETERS, translation/show.py); 5 would add batch forms (SHOW ... FROM
DATABASE) that no page of the guide describes."""
DATASHARE_ENABLED = "on"
"""The ParameterStatus datashare_enabled, by which redshift_connector reads that the server's metadata spans databases
(Connection._is_multi_databases_catalog_enable_in_server): with database_metadata_current_db_only=False its metadata
API lists every database of the cluster (SHOW ... FROM DATABASE, endpoint/shown.py). No page says what Redshift
sends; external_database (datashares of other clusters) is not sent: the local Redshift has none."""
ISOLATION = "serializable"  # Redshift's: concurrent writers of the same rows fail instead of both winning
_SETTINGS = {"default_transaction_isolation": ISOLATION}
REPORTED_PARAMETERS = (
    "server_version", "server_encoding", "client_encoding", "DateStyle", "IntervalStyle", "TimeZone",
    "integer_datetimes", "standard_conforming_strings", "is_superuser", "session_authorization",
    "application_name",
)  # fmt: skip


class PostgresBackend:
    """One PostgreSQL session, opened by psycopg (login, settings) and then used through its socket."""

    def __init__(self, conninfo: str, application_name: str, settings: dict[str, str]) -> None:
        options = " ".join(f"-c {name}={value}" for name, value in {**settings, **_SETTINGS}.items())
        self.connection = psycopg.connect(
            conninfo, autocommit=True, application_name=application_name[:63], options=options
        )
        pgconn = self.connection.pgconn
        self.socket = socket.socket(fileno=os.dup(pgconn.socket))
        self.socket.setblocking(True)  # shared with libpq, which made it non-blocking and no longer reads it
        self.pid = pgconn.backend_pid
        self.key = struct.unpack("!i", os.urandom(4))[0]  # the client's cancel key: ours, not the backend's
        self._cancel = pgconn.get_cancel()

    @property
    def database(self) -> str:
        return self.connection.info.dbname

    def catalog_type_oids(self) -> dict[str, int]:
        """The oids of the warehouse's own types (the catalog's redshift_system.varbyte, .geometry, .super,
        .hllsketch)."""
        with contextlib.suppress(psycopg.Error):
            rows = self.connection.execute(
                "SELECT typname, oid FROM pg_catalog.pg_type"
                " WHERE typname IN ('varbyte', 'geometry', 'super', 'hllsketch')"
                " AND typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'redshift_system')"
            ).fetchall()
            return {name: int(oid) for name, oid in rows}
        return {}

    def cancel(self) -> None:
        """Cancel the backend's running query, if any."""
        with contextlib.suppress(psycopg.Error):
            self._cancel.cancel()

    def welcome(self, statuses: bytes = b"") -> bytes:
        """What the client gets once admitted: AuthenticationOk, the parameters (then `statuses`, ParameterStatus
        messages of the endpoint's own), its cancel key, ReadyForQuery."""
        message = bytearray(messages.AUTHENTICATION_OK)
        for name in REPORTED_PARAMETERS:
            value = self.connection.pgconn.parameter_status(name.encode())
            if name == "server_version":
                value = SERVER_VERSION.encode()  # clients count the rows of SELECT by it: Redshift's do not
            if value is not None:
                message += messages.parameter_status(name, value.decode())
        message += messages.parameter_status("show_discovery", SHOW_DISCOVERY)
        message += messages.parameter_status("datashare_enabled", DATASHARE_ENABLED)
        message += statuses
        message += messages.backend_key_data(self.pid, self.key)
        message += messages.ready_for_query("I")
        return bytes(message)

    def log_leaving(self, duration: int) -> None:
        """Write STL_CONNECTION_LOG's 'disconnecting session' row of this session, when it is idle between requests
        (a transaction the client left open is rolled back first, as leaving would)."""
        with contextlib.suppress(psycopg.Error):
            self.connection.execute("ROLLBACK")
            self.connection.execute("SELECT redshift_system.log_disconnect(%s)", [duration])

    def close(self) -> None:
        self.socket.close()
        self.connection.close()
