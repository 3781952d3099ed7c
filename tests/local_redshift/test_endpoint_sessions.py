"""Sessions: many at once and each isolated, a client that leaves frees its backend, a cancel request works."""

import os
import socket
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest

SESSIONS = 32


def wait_for(condition, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_32_concurrent_sessions_each_isolated_in_its_own_backend(cluster):
    barrier = threading.Barrier(SESSIONS)

    def session(number: int) -> tuple[int, int, list]:
        with cluster.redshift_connector() as connection:
            cursor = connection.cursor()
            cursor.execute("CREATE TEMP TABLE mine (n INT)")
            cursor.execute("INSERT INTO mine VALUES (%s)", (number,))
            barrier.wait(timeout=60)  # all sessions are open at once here
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
            cursor.execute("SELECT n FROM mine")
            return number, pid, cursor.fetchall()

    with ThreadPoolExecutor(SESSIONS) as pool:
        results = list(pool.map(session, range(SESSIONS)))
    assert [rows for _, _, rows in results] == [([number],) for number in range(SESSIONS)]
    assert len({pid for _, pid, _ in results}) == SESSIONS


def test_a_client_that_disconnects_mid_query_frees_its_backend(cluster, local_stack):
    marker = f"left-{uuid.uuid4().hex}"  # its backend, told from every other session's (some may still be ending)
    connection = cluster.psycopg()
    raw = socket.socket(fileno=os.dup(connection.pgconn.socket))  # shutting it down drops the client's connection
    connection.pgconn.send_query(f"SELECT pg_sleep(60), '{marker}'".encode())
    connection.pgconn.flush()
    assert wait_for(lambda: running(local_stack, cluster, marker) == 1)
    raw.shutdown(socket.SHUT_RDWR)
    raw.close()
    assert wait_for(lambda: running(local_stack, cluster, marker) == 0), "the backend outlived its client"
    connection.close()


def running(local_stack, cluster, marker: str) -> int:
    """Client backends of the cluster's server running the query that holds `marker`."""
    with psycopg.connect(local_stack.warehouse(cluster.identifier).conninfo()) as admin:
        return admin.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"
            " AND strpos(query, %s) > 0",
            [marker],
        ).fetchone()[0]


def test_a_cancel_request_stops_the_running_query(cluster):
    with cluster.psycopg(autocommit=True) as connection:
        timer = threading.Timer(0.5, connection.cancel_safe)
        timer.start()
        started = time.monotonic()
        with pytest.raises(psycopg.errors.QueryCanceled):
            connection.execute("SELECT pg_sleep(30)")
        assert time.monotonic() - started < 10
        assert connection.execute("SELECT 1").fetchone() == (1,)


def test_transactions_are_serializable_as_on_redshift(cluster):
    with cluster.psycopg(autocommit=True) as setup:
        setup.execute("CREATE TABLE IF NOT EXISTS reloaded (n INT)")
    with cluster.psycopg() as first, cluster.psycopg() as second:
        assert first.execute("SHOW transaction_isolation").fetchone() == ("serializable",)
        for connection in (first, second):  # both read and rewrite the same rows
            connection.execute("SELECT count(*) FROM reloaded")
            connection.execute("DELETE FROM reloaded")
        first.execute("INSERT INTO reloaded VALUES (1)")
        second.execute("INSERT INTO reloaded VALUES (2)")
        first.commit()
        with pytest.raises(psycopg.errors.SerializationFailure):
            second.commit()
