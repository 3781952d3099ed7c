"""Byte-level helpers for the endpoint's unit tests: socket pairs, the backend's messages, reading frames, and the
session's handlers served over them with scripted COPY and UNLOAD outcomes."""

from __future__ import annotations

import re
import socket
import struct
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from local_redshift.endpoint import messages
from local_redshift.endpoint.codes import Backend, Frontend, Target
from local_redshift.endpoint.copying import report
from local_redshift.endpoint.framing import ConnectionClosed, Reader, cstring, frame
from local_redshift.endpoint.handlers import Handlers
from local_redshift.endpoint.query_log import SessionQueries
from local_redshift.endpoint.relay import Relay
from local_redshift.endpoint.row_checks import CheckedRelay
from local_redshift.errors import RedshiftError

_SENTINEL = b"!\0\0\0\4"  # a frame no PostgreSQL message has the type of: marks the end of a test's output


@dataclass
class Wires:
    """A relay between two socket pairs: the test plays the client on `client` and PostgreSQL on `backend`.

    What reaches the client is collected by a thread, so that the relay never blocks on a full socket.
    """

    relay: CheckedRelay
    client: socket.socket
    backend: socket.socket
    _received: bytearray
    _collector: threading.Thread

    def backend_says(self, *frames: bytes) -> None:
        """Queue PostgreSQL's answer (written by a thread: it may be larger than a socket's buffer)."""
        threading.Thread(target=self.backend.sendall, args=(b"".join(frames),), daemon=True).start()

    def client_got(self) -> list[bytes]:
        """Every frame the relay sent the client since the last call."""
        self.relay.flush()
        self.relay.client.sendall(_SENTINEL)
        deadline = time.monotonic() + 10
        while not self._received.endswith(_SENTINEL):
            assert time.monotonic() < deadline, "the relay's output never ended"
            time.sleep(0.001)
        data = bytes(self._received[: -len(_SENTINEL)])
        self._received.clear()
        return split(data)

    def backend_got(self) -> list[bytes]:
        """Every whole frame sent to the backend so far."""
        return split(_drain(self.backend))


@contextmanager
def wires() -> Iterator[Wires]:
    client_peer, client_end = socket.socketpair()
    backend_peer, backend_end = socket.socketpair()
    received = bytearray()

    def collect() -> None:
        while chunk := client_peer.recv(1 << 20):
            received.extend(chunk)

    collector = threading.Thread(target=collect, daemon=True)
    collector.start()
    try:
        yield Wires(CheckedRelay(client_end, backend_end), client_peer, backend_peer, received, collector)
    finally:
        client_end.close()
        collector.join(5)
        for sock in (client_peer, backend_peer, backend_end):
            sock.close()


def _drain(sock: socket.socket) -> bytes:
    sock.setblocking(False)
    data = bytearray()
    try:
        while chunk := sock.recv(1 << 20):
            data += chunk
    except BlockingIOError:
        pass
    finally:
        sock.setblocking(True)
    return bytes(data)


def split(data: bytes) -> list[bytes]:
    """The frames of a byte string of whole messages."""
    frames, position = [], 0
    while position < len(data):
        (length,) = struct.unpack_from("!i", data, position + 1)
        frames.append(data[position : position + 1 + length])
        position += 1 + length
    assert position == len(data), "a partial frame"
    return frames


def kinds(frames: list[bytes]) -> str:
    return "".join(chr(f[0]) for f in frames)


def row_description(*names: str) -> bytes:
    fields = b"".join(cstring(n) + struct.pack("!ihihih", 0, 0, 25, -1, -1, 0) for n in names)
    return frame(Backend.ROW_DESCRIPTION, struct.pack("!h", len(names)) + fields)


def data_row(*values: str | None) -> bytes:
    body = struct.pack("!h", len(values))
    for value in values:
        body += struct.pack("!i", -1) if value is None else struct.pack("!i", len(value.encode())) + value.encode()
    return frame(Backend.DATA_ROW, body)


def notice(message: str) -> bytes:
    fields = {"S": "NOTICE", "V": "NOTICE", "C": "00000", "M": message}
    return frame(Backend.NOTICE_RESPONSE, messages.error_response(fields)[5:])


PARSE_COMPLETE = messages.PARSE_COMPLETE
BIND_COMPLETE = messages.BIND_COMPLETE
CLOSE_COMPLETE = messages.CLOSE_COMPLETE
NO_DATA = messages.NO_DATA
COPY_IN_RESPONSE = frame(Backend.COPY_IN_RESPONSE, b"\0\0\0")
READY = messages.ready_for_query("I")
IN_TRANSACTION = messages.ready_for_query("T")
FAILED_TRANSACTION = messages.ready_for_query("E")


_RAISED = re.compile(r"raise_error\('([^']*)', '((?:[^']|'')*)'")


class FakePostgres(threading.Thread):
    """Just enough of PostgreSQL's side of the protocol for the endpoint's handlers, on a socket: named
    statements (a second Parse of a name fails with 42P05, as PostgreSQL's does), errors that skip everything up
    to Sync, and statements calling raise_error failing with the error they raise (PL/pgSQL context included)."""

    def __init__(self, sock: socket.socket) -> None:
        super().__init__(daemon=True)
        self.sock = sock
        self.statements: dict[str, str] = {}
        self.portals: dict[str, str] = {}
        self.skipping = False
        self.received: list[bytes] = []

    def run(self) -> None:
        reader = Reader(self.sock)
        while True:
            try:
                kind, message = reader.message()
            except (ConnectionClosed, OSError):
                return
            self.received.append(message)
            if answer := self._answer(kind, message):
                self.sock.sendall(answer)

    def _answer(self, kind: int, message: bytes) -> bytes:
        if kind == Frontend.SYNC:
            self.skipping = False
            return READY
        if kind == Frontend.QUERY:
            return self._execute(messages.first_string(message)) + READY
        if self.skipping or kind == Frontend.FLUSH:
            return b""
        if kind == Frontend.PARSE:
            name, text, _ = messages.parse_fields(message)
            if name and name in self.statements:
                self.skipping = True
                return messages.error("42P05", f'prepared statement "{name}" already exists')
            self.statements[name] = text
            return PARSE_COMPLETE
        if kind == Frontend.BIND:
            portal, statement = messages.bind_names(message)
            self.portals[portal] = self.statements[statement]
            return BIND_COMPLETE
        if kind == Frontend.DESCRIBE:
            return NO_DATA
        if kind == Frontend.EXECUTE:
            answer = self._execute(self.portals[messages.first_string(message)])
            self.skipping = answer.startswith(b"E")
            return answer
        if kind == Frontend.CLOSE:
            target, name = messages.target(message)
            (self.statements if target == "S" else self.portals).pop(name, None)
            return CLOSE_COMPLETE
        raise AssertionError(f"unexpected message {chr(kind)}")

    @staticmethod
    def _execute(sql: str) -> bytes:
        raised = _RAISED.search(sql)
        if raised is None:
            return messages.command_complete("SELECT 1")
        fields = {"S": "ERROR", "V": "ERROR", "C": raised[1], "M": raised[2].replace("''", "'")}
        fields["W"] = "PL/pgSQL function redshift_system.raise_error(text,text,text) line 3 at RAISE"
        return messages.error_response(fields)


class Unrecorded:
    """A query history that counts query ids and writes nothing, for handlers run without a cluster."""

    def __init__(self) -> None:
        self._ids = 0

    def next_id(self, postgres_database: str) -> int:
        self._ids += 1
        return self._ids

    def record(self, record: object) -> int:
        return 0

    def wait_for(self, ticket: int) -> None:
        return None


def unrecorded_queries() -> SessionQueries:
    """A session's part of no history."""
    return SessionQueries(Unrecorded(), "", "", "", 0)


class ScriptedRuns:
    """The session's COPY path (`statement` "COPY") or UNLOAD path ("UNLOAD"), whose statements complete with the
    scripted row counts or fail with the scripted errors, reported as the real path reports them."""

    def __init__(self, relay: Relay, outcomes: list[int | RedshiftError], statement: str) -> None:
        self.relay, self.outcomes, self.statement = relay, outcomes, statement

    def run_or_report(self, options: object, extended: bool) -> int | None:
        assert self.statement == "COPY", f"a COPY where only {self.statement} is scripted"
        return self._next(extended)

    def unload_or_report(self, options: object, extended: bool) -> int | None:
        assert self.statement == "UNLOAD", f"an UNLOAD where only {self.statement} is scripted"
        return self._next(extended)

    def _next(self, extended: bool) -> int | None:
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, int):
            return outcome
        report(self.relay, outcome, extended)
        return None


class NoUsers:
    """The session's user statements' path, where none is scripted."""

    def run_or_report(self, statement: object, extended: bool) -> str | None:
        raise AssertionError("a user statement where none is scripted")


def serve(w: Wires, runs: ScriptedRuns, *client_messages: bytes) -> list[bytes]:
    """Send the client's messages (then Terminate) through the handlers; what the client got back."""
    handlers = Handlers(w.relay, runs, unrecorded_queries(), NoUsers())
    w.client.sendall(b"".join(client_messages) + frame(ord("X")))
    handlers.serve(Reader(w.relay.client))
    return w.client_got()


def extended(sql: str) -> list[bytes]:
    """A client's one-shot statement in extended mode, as redshift_connector sends it."""
    describe = frame(ord("D"), Target.PORTAL.encode() + b"\0")
    return [messages.parse("", sql), messages.bind("", ""), describe, messages.execute(""), messages.SYNC]
