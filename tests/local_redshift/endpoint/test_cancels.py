"""The cancel registry: a request cancels only the backend whose process id and key it names."""

from __future__ import annotations

import threading

from local_redshift.endpoint.cancels import CancelRegistry


class Handle:
    def __init__(self) -> None:
        self.cancelled = 0

    def cancel(self) -> None:
        self.cancelled += 1


def test_only_the_matching_pid_and_key_cancel():
    registry, handle = CancelRegistry(), Handle()
    registry.add(101, 7, handle)
    registry.cancel(101, 8)
    registry.cancel(102, 7)
    assert handle.cancelled == 0
    registry.cancel(101, 7)
    assert handle.cancelled == 1


def test_a_removed_session_cannot_be_cancelled():
    registry, handle = CancelRegistry(), Handle()
    registry.add(101, 7, handle)
    registry.remove(101, 7)
    registry.cancel(101, 7)
    assert handle.cancelled == 0


def test_sessions_come_and_go_from_many_threads():
    registry = CancelRegistry()

    def churn(base: int) -> None:
        for n in range(500):
            registry.add(base + n, n, Handle())
            registry.cancel(base + n, n)
            registry.remove(base + n, n)

    threads = [threading.Thread(target=churn, args=(1000 * t,)) for t in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(registry) == 0
