"""The stack's logs in its state folder, each bounded: past `max_bytes()` a log is renamed `<name>.1` (the one before
becomes `<name>.2`, and so on up to KEPT; the oldest is deleted) and writing goes on in a new `<name>`.

The endpoint and the AWS stand-in rotate their own logs (`log_to`). Each warehouse's PostgreSQL writes its log
through its logging collector, which opens a new file once the current one has been renamed past the size
(postgres.py sets `log_rotation_size`); the endpoint renames them (`PostgresLogKeeper`). 10 MiB and 3 old files
keep a few days of a busy learner's lines (a failing statement logs about 200 bytes) within 40 MiB per log; the
environment variable LOCAL_REDSHIFT_LOG_BYTES, read when a process starts, sets another size (at least 1024).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import threading
from pathlib import Path

SIZE_VARIABLE = "LOCAL_REDSHIFT_LOG_BYTES"
DEFAULT_BYTES = 10 * 1024 * 1024
KEPT = 3  # older files kept beside each log
_SMALLEST = 1024  # PostgreSQL's log_rotation_size counts in kB
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_CHECK_SECONDS = 0.5  # how often the PostgreSQL logs are looked at: a log outgrows its size by at most this long


def max_bytes() -> int:
    """The size past which a log is rotated: LOCAL_REDSHIFT_LOG_BYTES, else 10 MiB."""
    value = os.environ.get(SIZE_VARIABLE, "").strip()
    if not value:
        return DEFAULT_BYTES
    if not value.isdigit() or int(value) < _SMALLEST:
        raise ValueError(f"environment variable {SIZE_VARIABLE} = {value!r}: expected a whole number of bytes, "
                         f"at least {_SMALLEST}")  # fmt: skip
    return int(value)


class _FollowedRotatingFile(logging.handlers.RotatingFileHandler):
    """A size-rotated log that the process's stdout and stderr follow: what is printed rather than logged (a
    thread's traceback, a warning) lands in the current file, and a rotated file is never written to again."""

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        for descriptor in (1, 2):
            os.dup2(stream.fileno(), descriptor)
        return stream


def log_to(path: Path | None) -> None:
    """Log INFO and up to `path`, rotated by size (to stderr when None)."""
    if path is None:
        logging.basicConfig(level=logging.INFO, format=_FORMAT)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = _FollowedRotatingFile(path, maxBytes=max_bytes(), backupCount=KEPT, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    logging.basicConfig(level=logging.INFO, handlers=[handler])


def rotate_past_size(path: Path, size: int) -> bool:
    """Rename `path` to `<path>.1` (shifting the older ones, the oldest deleted) when it has reached `size`."""
    try:
        if path.stat().st_size < size:
            return False
    except FileNotFoundError:
        return False
    for older in range(KEPT - 1, 0, -1):
        source = path.with_name(f"{path.name}.{older}")
        if source.exists():
            source.replace(path.with_name(f"{path.name}.{older + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))
    return True


class PostgresLogKeeper(threading.Thread):
    """Twice a second, renames each warehouse's `postgres.log` (under `folder`) that has reached its size:
    its server's logging collector then writes on in a new one."""

    def __init__(self, folder: Path, pattern: str = "*/postgres.log") -> None:
        super().__init__(name="postgres-log-keeper", daemon=True)
        self.folder, self.pattern, self.size = folder, pattern, max_bytes()
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(_CHECK_SECONDS):
            self.check()

    def check(self) -> None:
        for path in self.folder.glob(self.pattern):
            try:
                rotate_past_size(path, self.size)
            except OSError as error:  # a full disk, a warehouse deleted meanwhile: tried again next time
                logging.getLogger(__name__).warning("could not rotate %s: %s", path, error)
