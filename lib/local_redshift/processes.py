"""Background processes that outlive their caller: start detached, track by pid file, stop by pid."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Mapping, Sequence
from pathlib import Path


class ProcessError(RuntimeError):
    """A background process could not be started or stopped; the message says what to do."""


def port_open(host: str, port: int, timeout: float = 0.2) -> bool:
    """True when something accepts TCP connections at host:port."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def alive(pid: int) -> bool:
    """True while a process with this pid exists and is not a zombie."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except (FileNotFoundError, IndexError):
        return True


def command_line(pid: int) -> str:
    """The process's command line, or '' when it cannot be read."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


class PidFile:
    """A pid file naming one process of ours; `marker` is a string its command line must hold."""

    def __init__(self, path: Path, marker: str) -> None:
        self.path, self.marker = path, marker

    def live_pid(self) -> int | None:
        """The recorded pid if that process still runs and is ours; a stale file is removed."""
        try:
            pid = int(self.path.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        if alive(pid) and self.marker in command_line(pid):
            return pid
        self.path.unlink(missing_ok=True)
        return None

    def write(self, pid: int) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(f"{pid}\n")


def start_detached(
    argv: Sequence[str], log_file: Path, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> int:
    """Start `argv` in its own session, output to `log_file`, and return its pid without waiting for it."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    with open(log_file, "ab") as out:
        process = subprocess.Popen(
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
            cwd=cwd,
            start_new_session=True,
            close_fds=True,
        )
    return process.pid


def wait_for_port(host: str, port: int, pid: int, log_file: Path, timeout: float = 30.0) -> None:
    """Wait until `pid` accepts connections on host:port; fail with the log's last lines if it dies or stalls."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if port_open(host, port):
            return
        if not alive(pid):
            raise ProcessError(f"the process exited before listening on {host}:{port}:\n{tail(log_file)}")
        time.sleep(0.05)
    stop(pid)
    raise ProcessError(f"nothing listened on {host}:{port} after {timeout:.0f}s:\n{tail(log_file)}")


def stop(pid: int, timeout: float = 10.0) -> None:
    """Stop one process by pid: SIGTERM, then SIGKILL if it lingers."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not alive(pid):
                _reap(pid)
                return
            time.sleep(0.05)
    raise ProcessError(f"process {pid} did not stop")


def _reap(pid: int) -> None:
    """Collect the exit status when the process is our own child (so no zombie is left)."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def tail(path: Path, lines: int = 10) -> str:
    """The last lines of a log file, for error messages."""
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return f"(no log at {path})"
