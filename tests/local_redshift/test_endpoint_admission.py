"""Who gets in, through the running endpoint: TLS for the clients that ask for it, a time limit on the handshake,
size limits before login, a connection limit per cluster, and room for new clients under many idle connections."""

from __future__ import annotations

import socket
import struct
import subprocess
import sys
import time
import uuid

import psycopg
import pytest
import redshift_connector

from local_redshift.endpoint.admission import SESSIONS_PER_CLUSTER
from local_redshift.endpoint.tls import CERTIFICATE
from tests.local_redshift.conftest import create_cluster
from tests.support import free_port

HOST = "127.0.0.1"
# Redshift's words when a cluster has all the connections it allows (AWS Knowledge Center, "connection limits"):
# https://aws.amazon.com/premiumsupport/knowledge-center/manage-connection-limits-redshift/
CONNECTION_LIMIT_WORDS = "exceeded for non-bootstrap users"


def _startup_packet(user: str, database: str) -> bytes:
    body = struct.pack("!i", 196608) + b"".join(
        f"{k}\0{v}\0".encode() for k, v in (("user", user), ("database", database))
    )
    return struct.pack("!i", len(body) + 5) + body + b"\0"


def _closed_within(sock: socket.socket, seconds: float) -> bool:
    """Whether the peer closes `sock` within `seconds` (whatever it sends first is read and dropped)."""
    sock.settimeout(seconds)
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            if not sock.recv(65536):
                return True
    except (TimeoutError, ConnectionError):
        return False
    return False


def test_psycopg_with_sslmode_require_connects_over_tls(cluster):
    with cluster.psycopg(sslmode="require", autocommit=True) as connection:
        assert connection.pgconn.ssl_in_use
        rows = connection.execute("SELECT n FROM generate_series(1, 20000) AS n").fetchall()
    assert len(rows) == 20000 and rows[-1] == (20000,)


def test_redshift_connector_with_ssl_true_and_sslmode_require_connects(local_stack, cluster, monkeypatch):
    """redshift_connector verifies the server whatever the sslmode (it reads 'require' as verify-ca), against its
    Redshift CA bundle and OpenSSL's default roots, which SSL_CERT_FILE names: the stack's certificate here."""
    monkeypatch.setenv("SSL_CERT_FILE", str(local_stack.tls_folder / CERTIFICATE))
    connection = redshift_connector.connect(
        host=cluster.host, port=cluster.port, database=cluster.database, user=cluster.user,
        password=cluster.password, ssl=True, sslmode="require",
    )  # fmt: skip
    try:
        cursor = connection.cursor()
        cursor.execute("SELECT %s + 1", (41,))
        assert [list(row) for row in cursor.fetchall()] == [[42]]
    finally:
        connection.close()


def test_verify_full_holds_with_the_stacks_certificate_as_root(local_stack, cluster):
    root = local_stack.tls_folder / CERTIFICATE
    with cluster.psycopg(sslmode="verify-full", sslrootcert=str(root), autocommit=True) as connection:
        assert connection.execute("SELECT 1").fetchone() == (1,)


def test_the_certificate_key_is_readable_by_its_owner_only(local_stack, cluster):
    with cluster.psycopg(sslmode="require"):
        pass
    assert (local_stack.tls_folder / "endpoint.key").stat().st_mode & 0o077 == 0


def test_bytes_sent_before_the_tls_handshake_are_refused(cluster):
    with socket.create_connection((HOST, cluster.port)) as sock:
        sock.sendall(struct.pack("!ii", 8, 80877103) + _startup_packet(cluster.user, cluster.database))
        answer = sock.recv(65536)
    assert answer[:1] == b"E" and b"unencrypted data after SSL request" in answer


def test_a_password_message_of_any_declared_length_ends_the_connection_unread(cluster):
    with socket.create_connection((HOST, cluster.port)) as sock:
        sock.sendall(_startup_packet(cluster.user, cluster.database))
        assert sock.recv(65536)[:1] == b"R"  # the md5 request
        sock.sendall(b"p" + struct.pack("!i", 200 * 1024 * 1024) + b"x" * 1000)
        assert _closed_within(sock, 10)


def test_a_stalled_handshake_is_closed(local_stack, cluster):
    """A second endpoint of the same stack with a 1-second handshake limit (the stack's own has 30 s)."""
    port = free_port()
    endpoint = subprocess.Popen(
        [
            sys.executable, "-m", "local_redshift.endpoint", "--port", str(port),
            "--aws-endpoint", local_stack.settings.aws_endpoint, "--warehouses", str(local_stack.warehouses.folder),
            "--postgres-port", str(local_stack.settings.postgres_port), "--tls-folder", str(local_stack.tls_folder),
            "--token-file", str(local_stack.token_file),
            "--handshake-timeout", "1",
        ],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                silent = socket.create_connection((HOST, port))
                break
            except ConnectionRefusedError:
                time.sleep(0.1)
        with silent, socket.create_connection((HOST, port)) as half_way:
            half_way.sendall(_startup_packet(cluster.user, cluster.database))  # then no password
            assert _closed_within(silent, 15)
            assert _closed_within(half_way, 15)
        with psycopg.connect(
            host=HOST, port=port, dbname=cluster.database, user=cluster.user, password=cluster.password
        ) as connection:
            assert connection.execute("SELECT 1").fetchone() == (1,)
    finally:
        endpoint.terminate()
        endpoint.wait(timeout=30)


def test_many_idle_connections_leave_room_for_a_new_client(cluster):
    idle = []
    try:
        for _ in range(1100):
            idle.append(socket.create_connection((HOST, cluster.port)))
        with cluster.psycopg(connect_timeout=30) as connection:
            assert connection.execute("SELECT 1").fetchone() == (1,)
    finally:
        for sock in idle:
            sock.close()


def test_a_cluster_has_a_connection_limit_and_other_clusters_still_get_in(local_stack):
    full = create_cluster(local_stack, f"limit-{uuid.uuid4().hex[:8]}")
    other = create_cluster(local_stack, f"limit-{uuid.uuid4().hex[:8]}")
    sessions = []
    try:
        for _ in range(SESSIONS_PER_CLUSTER):
            sessions.append(full.psycopg())
        with pytest.raises(psycopg.OperationalError) as refused:
            full.psycopg()
        assert CONNECTION_LIMIT_WORDS in str(refused.value)
        assert f'connection limit "{SESSIONS_PER_CLUSTER}"' in str(refused.value)
        with other.psycopg() as connection:
            assert connection.execute("SELECT 1").fetchone() == (1,)
        sessions.pop().close()
        with full.psycopg() as connection:  # a session that leaves frees its place
            assert connection.execute("SELECT 1").fetchone() == (1,)
    finally:
        for session in sessions:
            session.close()
