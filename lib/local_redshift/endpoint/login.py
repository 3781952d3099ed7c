"""The start of a connection: TLS when asked for (GSS encryption refused), cancel requests passed on, md5 login
against a cluster (as its master user or a user it created), within the endpoint's rules of entry."""

from __future__ import annotations

import hashlib
import os
import ssl
import struct
from dataclasses import dataclass

from local_redshift.endpoint import messages
from local_redshift.endpoint.admission import Admission
from local_redshift.endpoint.cancels import CancelRegistry
from local_redshift.endpoint.clusters import Cluster, ClusterDirectory, LoginRefused, password_failed
from local_redshift.endpoint.codes import Frontend, Startup
from local_redshift.endpoint.framing import MAX_STARTUP, Reader
from local_redshift.errors import SqlState


@dataclass(frozen=True)
class Login:
    """A client admitted to a cluster."""

    user: str
    cluster: Cluster
    postgres_database: str  # the cluster's, which names its warehouse
    parameters: dict[str, str]
    database: str  # the one connected to: the cluster's own, or one made by CREATE DATABASE
    verifier: str | None = None  # a user the cluster created: the verifier its password matched (None: the master)

    @property
    def dbname(self) -> str:
        """The PostgreSQL database connected to (one made by CREATE DATABASE has its Redshift name there too)."""
        return self.postgres_database if self.database == self.cluster.database else self.database


def log_in(reader: Reader, directory: ClusterDirectory, cancels: CancelRegistry, admission: Admission) -> Login:
    """Run the startup phase on the reader's socket (which becomes a TLS socket if the client asks for TLS); the
    admitted login, counted in by `admission`, or LoginRefused (a cancel request is served and refused too).

    The whole phase has `admission.handshake_seconds` (TimeoutError after it) and every message a size limit."""
    reader.sock.settimeout(admission.handshake_seconds)
    parameters = _startup(reader, cancels, admission)
    user = parameters.get("user", "")
    database = parameters.get("database") or user
    clusters = directory.clusters()
    candidates = directory.candidates(clusters, user, database)
    salt = os.urandom(4)
    reader.sock.sendall(messages.md5_request(salt))
    kind, frame = reader.message(limit=MAX_STARTUP)
    answer = messages.first_string(frame) if kind == Frontend.PASSWORD else ""
    key = next((key for key in candidates if answer == _md5_answer(key.verifier, salt)), None)
    if key is None:
        raise LoginRefused(SqlState.INVALID_PASSWORD, password_failed(user))
    postgres_database = directory.database_for(key.cluster, clusters)
    login = Login(user, key.cluster, postgres_database, parameters, database, None if key.master else key.verifier)
    admission.enter(login.postgres_database)
    reader.sock.settimeout(None)
    return login


class CancelServed(Exception):
    """The connection was a cancel request: served, and nothing more to do."""


def _startup(reader: Reader, cancels: CancelRegistry, admission: Admission) -> dict[str, str]:
    while True:
        code, body = reader.startup()
        if code == Startup.SSL_REQUEST and admission.tls is not None and not isinstance(reader.sock, ssl.SSLSocket):
            _start_tls(reader, admission.tls)
            continue
        if code in (Startup.SSL_REQUEST, Startup.GSSENC_REQUEST):
            reader.sock.sendall(messages.SSL_REFUSED)
            continue
        if code == Startup.CANCEL_REQUEST and len(body) >= 8:
            cancels.cancel(*struct.unpack("!ii", body[:8]))
            raise CancelServed
        if code != Startup.PROTOCOL_3:
            raise LoginRefused(
                SqlState.PROTOCOL_VIOLATION, f"unsupported frontend protocol {code >> 16}.{code & 0xFFFF}"
            )
        return messages.startup_parameters(body)


def _start_tls(reader: Reader, context: ssl.SSLContext) -> None:
    """Answer an SSLRequest with TLS: the client's next bytes are its TLS handshake, and all after it encrypted."""
    if reader.buffered():  # bytes sent before the handshake would pass for encrypted ones (CVE-2021-23214)
        raise LoginRefused(SqlState.PROTOCOL_VIOLATION, "received unencrypted data after SSL request")
    reader.sock.sendall(messages.SSL_ACCEPTED)
    reader.sock = context.wrap_socket(reader.sock, server_side=True)


def _md5_answer(verifier: str, salt: bytes) -> str:
    """What a client that knows the password sends: 'md5' + md5(md5(password + user) + salt)."""
    return "md5" + hashlib.md5(verifier.encode() + salt).hexdigest()
