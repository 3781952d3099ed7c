"""No secret reaches the stack's logs: passwords of users and keys of COPY, whether the statement works or fails."""

from __future__ import annotations

import uuid

import psycopg
import pytest


def test_passwords_and_keys_never_reach_the_state_folders_logs(local_stack, cluster):
    password = f"Sx{uuid.uuid4().hex}"
    secret_key = f"K{uuid.uuid4().hex}"
    user = f"log_{uuid.uuid4().hex[:8]}"
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute(f"CREATE USER {user} PASSWORD '{password}'")
        with pytest.raises(psycopg.Error):  # a failing statement, which PostgreSQL would log with its text
            connection.execute(f"CREATE USER {user} PASSWORD '{password}'")
        connection.execute(f"ALTER USER {user} PASSWORD '{password}x'")
        connection.execute("CREATE TABLE logged_copy (a INT)")
        with pytest.raises(psycopg.Error):
            connection.execute(
                "COPY logged_copy FROM 's3://no-such-bucket/x' "
                f"CREDENTIALS 'aws_access_key_id=AKIAEXAMPLE;aws_secret_access_key={secret_key}' FORMAT AS JSON 'auto'"
            )
        connection.execute(f"DROP USER {user}")
    logs = [path for path in local_stack.settings.state_dir.rglob("*.log*")]
    assert logs, "the stack keeps logs in its state folder"
    for path in logs:
        text = path.read_text(errors="replace")
        assert password not in text, path
        assert secret_key not in text, path
