"""Who may start a session: TLS when the client asks for it, a time limit on the handshake, and a connection limit
per cluster, so that one cluster's clients never take the backends every other cluster needs."""

from __future__ import annotations

import collections
import ssl
import threading
from dataclasses import dataclass, field

from local_redshift.endpoint.clusters import LoginRefused
from local_redshift.errors import SqlState

HANDSHAKE_SECONDS = 30.0  # from connecting to being logged in (PostgreSQL's authentication_timeout is 60 s)
SESSIONS_PER_CLUSTER = 100  # Redshift allows 500 (2,000 on larger nodes); PostgreSQL here serves every cluster


@dataclass
class Admission:
    """The endpoint's rules of entry, shared by every session."""

    tls: ssl.SSLContext | None = None
    handshake_seconds: float = HANDSHAKE_SECONDS
    per_cluster: int = SESSIONS_PER_CLUSTER
    _sessions: collections.Counter[str] = field(default_factory=collections.Counter)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def enter(self, cluster: str) -> None:
        """Count a session of `cluster` in, or refuse it as Redshift does when the cluster is full."""
        with self._lock:
            if self._sessions[cluster] >= self.per_cluster:
                message = f'connection limit "{self.per_cluster}" exceeded for non-bootstrap users'
                raise LoginRefused(SqlState.TOO_MANY_CONNECTIONS, message)
            self._sessions[cluster] += 1

    def leave(self, cluster: str) -> None:
        with self._lock:
            self._sessions[cluster] -= 1
            if self._sessions[cluster] <= 0:
                del self._sessions[cluster]
