"""The logins of the users a cluster creates (CREATE USER): the md5 verifiers, md5(password + user name), the
endpoint accepts for each user, and the password each gives the user's PostgreSQL role. The client's password never
reaches PostgreSQL: the role's password is derived from the verifier and a key of the warehouse's own.

Both files live in the warehouse's folder, 0600, each written whole or not at all. A verifier is recorded once
PostgreSQL accepted the statement that set the role's password from it; which verifier holds is PostgreSQL's to
say, since only the committed password opens the role: a CREATE or ALTER USER rolled back leaves a verifier behind
whose role password PostgreSQL refuses. A statement that committed (it ran outside a transaction block) replaces the
user's verifiers; one inside a block is kept beside them until a committed one replaces them all.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
from pathlib import Path

LOGINS_FILE = "users.json"
KEY_FILE = "users.key"
KEPT_PER_USER = 8  # verifiers kept for a user whose statements ran in transaction blocks, newest last


def kept_secret(path: Path) -> str:
    """The secret kept in `path` (0600), made on first use; whole or not at all."""
    try:
        if secret := path.read_text().strip():
            return secret
    except FileNotFoundError:
        pass
    secret = secrets.token_urlsafe(24)
    _write_private(path, secret)
    return secret


def _write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    partial.touch(mode=0o600)
    partial.write_text(text)
    partial.replace(path)


def md5_verifier(password: str, user: str) -> str:
    """What Redshift keeps of a clear-text password (r_CREATE_USER.html): md5(password + user name), in hex."""
    return hashlib.md5((password + user).encode()).hexdigest()


class Logins:
    """The logins of one warehouse's users, kept in its folder `home`."""

    def __init__(self, home: Path, lock: threading.Lock) -> None:
        self.home = home
        self._lock = lock

    def verifiers(self, user: str) -> list[str]:
        """The verifiers a login as `user` may answer to (newest last)."""
        return list(self._read().get(user, []))

    def role_password(self, user: str, verifier: str) -> str:
        """The password of the PostgreSQL role of `user` while `verifier` holds."""
        with self._lock:  # made once, whichever session asks first
            key = kept_secret(self.home / KEY_FILE).encode()
        return hmac.new(key, f"{user}\0{verifier}".encode(), hashlib.sha256).hexdigest()

    def set(self, user: str, verifier: str | None, committed: bool) -> None:
        """Record that `user`'s password is now `verifier`'s (None: disabled, no login)."""
        with self._lock:
            users = self._read()
            kept = [] if committed else [v for v in users.get(user, []) if v != verifier]
            kept += [verifier] if verifier else []
            self._store(users, user, kept[-KEPT_PER_USER:])

    def forget(self, user: str, committed: bool) -> None:
        """The user was dropped (or renamed away from `user`): once committed, its logins go."""
        if committed:
            with self._lock:
                self._store(self._read(), user, [])

    def _read(self) -> dict[str, list[str]]:
        try:
            return json.loads((self.home / LOGINS_FILE).read_text())
        except FileNotFoundError:
            return {}

    def _store(self, users: dict[str, list[str]], user: str, verifiers: list[str]) -> None:
        if verifiers:
            users[user] = verifiers
        else:
            users.pop(user, None)
        _write_private(self.home / LOGINS_FILE, json.dumps(users, indent=1, sort_keys=True))
