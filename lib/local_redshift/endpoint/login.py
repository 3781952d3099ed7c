"""The start of a connection: SSL and GSS refused, cancel requests passed on, md5 login against a cluster."""

from __future__ import annotations

import hashlib
import os
import socket
import struct
from dataclasses import dataclass

from local_redshift.endpoint import messages
from local_redshift.endpoint.cancels import CancelRegistry
from local_redshift.endpoint.clusters import Cluster, ClusterDirectory, LoginRefused, password_failed
from local_redshift.endpoint.codes import Frontend, Startup
from local_redshift.endpoint.framing import Reader
from local_redshift.errors import SqlState


@dataclass(frozen=True)
class Login:
    """A client admitted to a cluster."""

    user: str
    cluster: Cluster
    postgres_database: str
    parameters: dict[str, str]


def log_in(client: socket.socket, reader: Reader, directory: ClusterDirectory, cancels: CancelRegistry) -> Login:
    """Run the startup phase; the admitted login, or LoginRefused (a cancel request is served and refused too)."""
    parameters = _startup(client, reader, cancels)
    user = parameters.get("user", "")
    database = parameters.get("database") or user
    clusters = directory.clusters()
    candidates = directory.candidates(clusters, user, database)
    salt = os.urandom(4)
    client.sendall(messages.md5_request(salt))
    kind, frame = reader.message()
    answer = messages.first_string(frame) if kind == Frontend.PASSWORD else ""
    cluster = next((c for c in candidates if answer == _md5_answer(c.md5_verifier, salt)), None)
    if cluster is None:
        raise LoginRefused(SqlState.INVALID_PASSWORD, password_failed(user))
    return Login(user, cluster, directory.database_for(cluster, clusters), parameters)


class CancelServed(Exception):
    """The connection was a cancel request: served, and nothing more to do."""


def _startup(client: socket.socket, reader: Reader, cancels: CancelRegistry) -> dict[str, str]:
    while True:
        code, body = reader.startup()
        if code in (Startup.SSL_REQUEST, Startup.GSSENC_REQUEST):
            client.sendall(messages.SSL_REFUSED)
            continue
        if code == Startup.CANCEL_REQUEST and len(body) >= 8:
            cancels.cancel(*struct.unpack("!ii", body[:8]))
            raise CancelServed
        if code != Startup.PROTOCOL_3:
            raise LoginRefused(
                SqlState.PROTOCOL_VIOLATION, f"unsupported frontend protocol {code >> 16}.{code & 0xFFFF}"
            )
        return messages.startup_parameters(body)


def _md5_answer(verifier: str, salt: bytes) -> str:
    """What a client that knows the password sends: 'md5' + md5(md5(password + user) + salt)."""
    return "md5" + hashlib.md5(verifier.encode() + salt).hexdigest()
