"""The worker processes that parse and convert a COPY's files, so that the load uses every core.

One pool serves the endpoint for its whole life, shared by its sessions: started at the first COPY, its workers
are forked from a fork server (a clean single-threaded process that has already imported the converters), so a
worker starts in milliseconds. A worker dies with the endpoint: the fork server exits when the endpoint's end of
its "alive" pipe closes (also on `kill -9`; the workers close their copies), and each worker asks the kernel to
kill it when its parent, the fork server, goes. A pool that
broke (a worker killed) is replaced at the next COPY.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import forkserver
from typing import Any

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1
_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None


def worker_count() -> int:
    """One worker per core this process may run on."""
    return max(1, len(os.sched_getaffinity(0)))


def submit(function: Any, *args: Any) -> Future:
    """Run `function(*args)` in a worker (function and arguments must pickle)."""
    global _pool
    with _lock:
        if _pool is None:
            _pool = _start()
        try:
            return _pool.submit(function, *args)
        except BrokenProcessPool:
            log.warning("COPY worker pool broken (a worker died): starting a new one")
            _pool.shutdown(wait=False, cancel_futures=True)
            _pool = _start()
            return _pool.submit(function, *args)


def _start() -> ProcessPoolExecutor:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["local_redshift.copy.rows"])
    count = worker_count()
    log.info("starting %d COPY worker processes", count)
    return ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=_die_with_parent)


def _die_with_parent() -> None:
    """Let go of the fork server's "alive" pipe (a worker starts no process, and while it holds that pipe the fork
    server would outlive the endpoint), and ask the kernel for SIGKILL when the parent (the fork server) exits;
    exit now if it already has."""
    served = forkserver._forkserver
    if served._forkserver_alive_fd is not None:
        os.close(served._forkserver_alive_fd)
        served._forkserver_alive_fd = None
    parent = os.getppid()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the worker exits when its call queue breaks
        return
    if os.getppid() != parent:
        os._exit(1)
