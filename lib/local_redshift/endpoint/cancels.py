"""Cancel requests: which backend a client's (process id, secret key) pair may cancel."""

from __future__ import annotations

import logging
import threading
from typing import Protocol

log = logging.getLogger(__name__)


class Cancellable(Protocol):
    def cancel(self) -> None: ...


class CancelRegistry:
    """The running sessions' cancel handles by their (backend pid, key); safe to use from any thread."""

    def __init__(self) -> None:
        self._handles: dict[tuple[int, int], Cancellable] = {}
        self._lock = threading.Lock()

    def add(self, pid: int, key: int, handle: Cancellable) -> None:
        with self._lock:
            self._handles[(pid, key)] = handle

    def remove(self, pid: int, key: int) -> None:
        with self._lock:
            self._handles.pop((pid, key), None)

    def __len__(self) -> int:
        return len(self._handles)

    def cancel(self, pid: int, key: int) -> None:
        """A client's CancelRequest: cancel the matching backend's running query, if any."""
        with self._lock:
            handle = self._handles.get((pid, key))
        if handle is not None:
            log.info("cancelling the query of backend %s", pid)
            handle.cancel()
