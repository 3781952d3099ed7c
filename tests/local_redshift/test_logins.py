"""The logins a warehouse keeps of its users: whole files, 0600, verifiers in step with what committed."""

from __future__ import annotations

import stat
import threading

from local_redshift.logins import KEY_FILE, LOGINS_FILE, Logins, md5_verifier


def test_a_committed_password_replaces_the_others_and_one_in_a_block_is_kept_beside_them(tmp_path):
    logins = Logins(tmp_path, threading.Lock())
    logins.set("bob", "v1", committed=True)
    logins.set("bob", "v2", committed=False)  # its block may roll back: v1 may still hold
    assert logins.verifiers("bob") == ["v1", "v2"]
    logins.set("bob", "v3", committed=True)
    assert logins.verifiers("bob") == ["v3"]
    logins.set("bob", None, committed=True)  # PASSWORD DISABLE
    assert logins.verifiers("bob") == []


def test_a_drop_forgets_the_user_once_committed(tmp_path):
    logins = Logins(tmp_path, threading.Lock())
    logins.set("bob", "v1", committed=True)
    logins.forget("bob", committed=False)  # may roll back
    assert logins.verifiers("bob") == ["v1"]
    logins.forget("bob", committed=True)
    assert logins.verifiers("bob") == [] and logins.verifiers("nobody") == []


def test_the_role_password_depends_on_the_user_the_verifier_and_the_warehouses_key(tmp_path):
    logins = Logins(tmp_path / "a", threading.Lock())
    password = logins.role_password("bob", "v1")
    assert password == logins.role_password("bob", "v1")
    assert password not in (logins.role_password("bob", "v2"), logins.role_password("bobv", "1"))
    assert password != Logins(tmp_path / "b", threading.Lock()).role_password("bob", "v1")


def test_the_files_are_readable_by_their_owner_alone(tmp_path):
    logins = Logins(tmp_path, threading.Lock())
    logins.role_password("bob", "v1")
    logins.set("bob", "v1", committed=True)
    for name in (KEY_FILE, LOGINS_FILE):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600
    assert not list(tmp_path.glob("*.partial"))


def test_the_verifier_is_md5_of_password_and_user_name():
    """r_CREATE_USER.html: for password 'ez' and user 'user1', md5('ezuser1') = 153c434b4b77c89e6b94f12c5393af5b."""
    assert md5_verifier("ez", "user1") == "153c434b4b77c89e6b94f12c5393af5b"
