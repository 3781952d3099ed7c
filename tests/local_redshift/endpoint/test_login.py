"""The startup phase over a socket pair: SSL refused without a TLS context, TLS with one, md5 login against the
clusters, cancel requests, the limits of entry."""

from __future__ import annotations

import hashlib
import socket
import ssl
import struct
import threading
from collections.abc import Iterator

import pytest

from local_redshift.endpoint import messages, tls
from local_redshift.endpoint.admission import Admission
from local_redshift.endpoint.cancels import CancelRegistry
from local_redshift.endpoint.clusters import Cluster, ClusterDirectory, LoginRefused
from local_redshift.endpoint.codes import Startup
from local_redshift.endpoint.framing import MAX_STARTUP, ConnectionClosed, Reader, cstring, frame
from local_redshift.endpoint.login import CancelServed, log_in

PASSWORD = "Passw0rd"
CLUSTER = Cluster(
    identifier="dwhcluster",
    account_id="123456789012",
    region="us-west-2",
    database="dev",
    master_username="awsuser",
    md5_verifier=hashlib.md5((PASSWORD + "awsuser").encode()).hexdigest(),
    status="available",
    created="2026-12-01T00:00:00Z",
    iam_roles=(),
)


class Directory:
    """The clusters the stand-in would list, without the stand-in."""

    candidates = ClusterDirectory.candidates

    def __init__(self, *clusters: Cluster) -> None:
        self._clusters = list(clusters)

    def holds(self, cluster: Cluster, database: str) -> bool:
        return False  # no database made by CREATE DATABASE

    def clusters(self) -> list[Cluster]:
        return self._clusters

    def users(self, cluster: Cluster, user: str) -> list[str]:
        """The users the clusters created: `bob`, with PASSWORD, in every cluster."""
        return [hashlib.md5((PASSWORD + "bob").encode()).hexdigest()] if user == "bob" else []

    def database_for(self, cluster: Cluster, clusters: list[Cluster]) -> str:
        return cluster.postgres_database


def _startup(code: int, body: bytes = b"") -> bytes:
    payload = struct.pack("!i", code) + body
    return struct.pack("!i", len(payload) + 4) + payload


def _hello(user: str = "awsuser", database: str = "dev") -> bytes:
    return _startup(Startup.PROTOCOL_3, f"user\0{user}\0database\0{database}\0\0".encode())


def _answer(salt: bytes, password: str = PASSWORD, user: str = "awsuser") -> bytes:
    inner = hashlib.md5((password + user).encode()).hexdigest()
    return frame(ord("p"), cstring("md5" + hashlib.md5(inner.encode() + salt).hexdigest()))


@pytest.fixture
def pair() -> Iterator[tuple[socket.socket, socket.socket]]:
    server, client = socket.socketpair()
    with server, client:
        yield server, client


def _client(sock: socket.socket, *before: bytes, password: str = PASSWORD) -> threading.Thread:
    """A client that sends `before`, then answers the md5 challenge (if one comes)."""

    def talk() -> None:
        sock.sendall(b"".join(before))
        reader = Reader(sock)
        if before and before[-1][4:8] == struct.pack("!i", Startup.SSL_REQUEST):
            assert sock.recv(1) == messages.SSL_REFUSED
            sock.sendall(_hello())
        try:
            kind, challenge = reader.message()
        except (ConnectionClosed, OSError):  # refused before the challenge (the test may have closed the socket)
            return
        if kind == ord("R"):
            sock.sendall(_answer(challenge[9:13], password))

    thread = threading.Thread(target=talk, daemon=True)
    thread.start()
    return thread


def test_the_right_password_admits_the_client_to_its_cluster(pair):
    server, client = pair
    _client(client, _hello())
    login = log_in(Reader(server), Directory(CLUSTER), CancelRegistry(), Admission())
    assert login.cluster == CLUSTER and login.user == "awsuser"
    assert login.postgres_database == CLUSTER.postgres_database


def test_a_user_the_cluster_created_is_admitted_with_the_verifier_it_answered_to(pair):
    server, client = pair
    threading.Thread(target=lambda: _talk_as(client, "bob"), daemon=True).start()
    login = log_in(Reader(server), Directory(CLUSTER), CancelRegistry(), Admission())
    assert login.cluster == CLUSTER and login.user == "bob"
    assert login.verifier == hashlib.md5((PASSWORD + "bob").encode()).hexdigest()


def test_a_user_no_cluster_created_is_refused(pair):
    server, client = pair
    threading.Thread(target=lambda: _talk_as(client, "carol"), daemon=True).start()
    with pytest.raises(LoginRefused, match='password authentication failed for user "carol"'):
        log_in(Reader(server), Directory(CLUSTER), CancelRegistry(), Admission())


def _talk_as(sock: socket.socket, user: str, database: str = "dev") -> None:
    sock.sendall(_hello(user=user, database=database))
    try:
        kind, challenge = Reader(sock).message()
    except (ConnectionClosed, OSError):  # refused before the challenge (the test may have closed the socket)
        return
    if kind == ord("R"):
        sock.sendall(_answer(challenge[9:13], user=user))


def test_without_a_tls_context_ssl_is_refused_then_the_login_goes_on_in_the_clear(pair):
    server, client = pair
    _client(client, _startup(Startup.SSL_REQUEST))
    assert log_in(Reader(server), Directory(CLUSTER), CancelRegistry(), Admission()).user == "awsuser"


def test_a_wrong_password_is_refused_as_postgresql_refuses_it(pair):
    server, client = pair
    _client(client, _hello(), password="guess")
    with pytest.raises(LoginRefused, match='password authentication failed for user "awsuser"') as refused:
        log_in(Reader(server), Directory(CLUSTER), CancelRegistry(), Admission())
    assert refused.value.sqlstate == "28P01"


def test_a_database_the_cluster_does_not_have_is_refused(pair):
    server, client = pair
    _client(client, _hello(database="prod"))
    with pytest.raises(LoginRefused, match='database "prod" does not exist'):
        log_in(Reader(server), Directory(CLUSTER), CancelRegistry(), Admission())


def test_a_database_made_by_create_database_admits_the_client_to_its_cluster(pair):
    class WithSales(Directory):
        def holds(self, cluster: Cluster, database: str) -> bool:
            return database == "sales"

    server, client = pair
    _client(client, _hello(database="sales"))
    login = log_in(Reader(server), WithSales(CLUSTER), CancelRegistry(), Admission())
    assert (login.cluster, login.database, login.dbname) == (CLUSTER, "sales", "sales")
    assert login.postgres_database == CLUSTER.postgres_database  # the cluster's warehouse


def test_a_user_the_cluster_created_is_admitted_to_a_database_made_by_create_database(pair):
    class WithSales(Directory):
        def holds(self, cluster: Cluster, database: str) -> bool:
            return database == "sales"

    server, client = pair
    threading.Thread(target=lambda: _talk_as(client, "bob", database="sales"), daemon=True).start()
    login = log_in(Reader(server), WithSales(CLUSTER), CancelRegistry(), Admission())
    assert (login.user, login.database, login.dbname) == ("bob", "sales", "sales")
    assert login.verifier == hashlib.md5((PASSWORD + "bob").encode()).hexdigest()


def test_a_user_the_cluster_created_is_no_login_of_a_database_it_lacks(pair):
    server, client = pair
    threading.Thread(target=lambda: _talk_as(client, "bob", database="analytics"), daemon=True).start()
    with pytest.raises(LoginRefused, match='no cluster in the local AWS stand-in has database "analytics"'):
        log_in(Reader(server), Directory(CLUSTER), CancelRegistry(), Admission())


def test_a_cancel_request_cancels_the_named_backend_and_ends_the_connection(pair):
    server, client = pair
    cancelled = []
    registry = CancelRegistry()
    registry.add(4242, 99, type("Handle", (), {"cancel": lambda self: cancelled.append(True)})())
    client.sendall(_startup(Startup.CANCEL_REQUEST, struct.pack("!ii", 4242, 99)))
    with pytest.raises(CancelServed):
        log_in(Reader(server), Directory(CLUSTER), registry, Admission())
    assert cancelled == [True]


def test_an_unknown_protocol_version_is_refused(pair):
    server, client = pair
    client.sendall(_startup(0x00020000))
    with pytest.raises(LoginRefused, match=r"unsupported frontend protocol 2\.0"):
        log_in(Reader(server), Directory(CLUSTER), CancelRegistry(), Admission())


def test_with_a_tls_context_the_login_goes_on_over_tls(pair, tmp_path):
    server, client = pair
    admission = Admission(tls.server_context(tmp_path))
    trusting = ssl.create_default_context(cafile=tmp_path / tls.CERTIFICATE)

    def talk() -> None:
        client.sendall(_startup(Startup.SSL_REQUEST))
        assert client.recv(1) == messages.SSL_ACCEPTED
        secure = trusting.wrap_socket(client, server_hostname="localhost")
        secure.sendall(_hello())
        _, challenge = Reader(secure).message()
        secure.sendall(_answer(challenge[9:13]))

    threading.Thread(target=talk, daemon=True).start()
    reader = Reader(server)
    assert log_in(reader, Directory(CLUSTER), CancelRegistry(), admission).user == "awsuser"
    assert isinstance(reader.sock, ssl.SSLSocket)


def test_a_password_message_longer_than_the_limit_ends_the_connection_unread(pair):
    server, client = pair
    client.sendall(_hello())
    client.sendall(b"p" + struct.pack("!i", MAX_STARTUP + 1))
    with pytest.raises(ConnectionClosed):
        log_in(Reader(server), Directory(CLUSTER), CancelRegistry(), Admission())


def test_a_cluster_with_all_its_sessions_refuses_one_more_as_redshift_does(pair):
    server, client = pair
    admission = Admission(per_cluster=1)
    admission.enter(CLUSTER.postgres_database)
    _client(client, _hello())
    with pytest.raises(LoginRefused, match='connection limit "1" exceeded for non-bootstrap users') as refused:
        log_in(Reader(server), Directory(CLUSTER), CancelRegistry(), admission)
    assert refused.value.sqlstate == "53300"
    admission.leave(CLUSTER.postgres_database)
    admission.enter(CLUSTER.postgres_database)  # the place left is free again


def test_a_silent_client_times_out(pair):
    server, _client_socket = pair
    with pytest.raises(TimeoutError):
        log_in(Reader(server), Directory(CLUSTER), CancelRegistry(), Admission(handshake_seconds=0.2))
