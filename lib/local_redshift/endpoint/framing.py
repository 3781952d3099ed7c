"""Framing of the PostgreSQL v3 protocol: bytes in, whole messages out, and the fields inside a message."""

from __future__ import annotations

import socket
import ssl
import struct
import time
from collections.abc import Callable

INT16 = struct.Struct("!h")
INT32 = struct.Struct("!i")
_LENGTH_AT = 1  # a message: its type byte, then its length (which counts itself but not the type byte)
_HEADER = 5
_RECEIVE = 262144
MAX_STARTUP = 10_000  # bytes a message before login may have: a startup packet, a password


class ConnectionClosed(Exception):
    """The peer closed the connection."""


class Reader:
    """Reads length-framed messages from a socket through a buffer."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self._buffer = bytearray()
        self._pos = 0

    def _fill(self) -> None:
        self._append(self.sock.recv(_RECEIVE))

    def _append(self, data: bytes) -> None:
        if not data:
            raise ConnectionClosed
        if self._pos and self._pos > len(self._buffer) // 2:
            del self._buffer[: self._pos]
            self._pos = 0
        self._buffer += data

    def fill_soon(self, seconds: float) -> bool:
        """Wait up to `seconds` for more bytes without sleeping (a sleeping thread is slow to wake); True if some
        came. Worth it only where the peer answers within microseconds. Over TLS only decrypted bytes count."""
        if isinstance(self.sock, ssl.SSLSocket):
            if not self.sock.pending():
                return False
            self._fill()
            return True
        deadline = time.perf_counter() + seconds
        while True:
            try:
                data = self.sock.recv(_RECEIVE, socket.MSG_DONTWAIT)
            except BlockingIOError:
                if time.perf_counter() >= deadline:
                    return False
                continue
            self._append(data)
            return True

    def _take(self, count: int) -> bytes:
        while len(self._buffer) - self._pos < count:
            self._fill()
        chunk = bytes(self._buffer[self._pos : self._pos + count])
        self._pos += count
        return chunk

    def buffered(self) -> bool:
        """True when a whole or partial message is already in the buffer."""
        return len(self._buffer) > self._pos

    def startup(self) -> tuple[int, bytes]:
        """A startup-phase packet (no type byte): its code and the rest of its body."""
        (length,) = INT32.unpack(self._take(4))
        if not 8 <= length <= MAX_STARTUP:
            raise ConnectionClosed
        body = self._take(length - 4)
        return INT32.unpack(body[:4])[0], body[4:]

    def message(self, limit: int | None = None) -> tuple[int, bytes]:
        """The next message: its type byte and its whole frame (type byte and length included). A message longer
        than `limit` bytes ends the connection (ConnectionClosed) before it is read."""
        while len(self._buffer) - self._pos < _HEADER:
            self._fill()
        (length,) = INT32.unpack_from(self._buffer, self._pos + _LENGTH_AT)
        if limit is not None and length > limit:
            raise ConnectionClosed
        while len(self._buffer) - self._pos < 1 + length:
            self._fill()  # may move the unread bytes to the front: positions are taken after it
        start = self._pos
        self._pos = start + 1 + length
        return self._buffer[start], bytes(self._buffer[start : self._pos])

    def pass_run(self, kinds: bytes, write: Callable[[memoryview], None], *, stop: bool = False) -> None:
        """Hand `write` the whole messages at the head of the buffer, undecoded, in one piece: those whose type
        is in `kinds`, or with `stop`, those whose type is not.

        This is how results cross the endpoint: their frames are walked by length only, never copied one by one.
        """
        buffer, position, end = self._buffer, self._pos, len(self._buffer)
        unpack, start = INT32.unpack_from, position
        while position + _HEADER <= end and (buffer[position] in kinds) is not stop:
            after = position + 1 + unpack(buffer, position + _LENGTH_AT)[0]
            if after > end:
                break
            position = after
        if position > start:
            with memoryview(buffer) as view:
                write(view[start:position])
            self._pos = position


def frame(kind: int, body: bytes = b"") -> bytes:
    """One message: type byte, length, body."""
    return bytes((kind,)) + INT32.pack(len(body) + 4) + body


def cstring(value: str) -> bytes:
    return value.encode() + b"\0"


class BodyReader:
    """Reads the fields of one message body in order."""

    def __init__(self, data: bytes, offset: int = _HEADER) -> None:
        self.data, self.pos = data, offset

    def string(self) -> str:
        end = self.data.index(b"\0", self.pos)
        value = self.data[self.pos : end].decode("utf-8", "replace")
        self.pos = end + 1
        return value

    def int16(self) -> int:
        (value,) = INT16.unpack_from(self.data, self.pos)
        self.pos += 2
        return value

    def int32(self) -> int:
        (value,) = INT32.unpack_from(self.data, self.pos)
        self.pos += 4
        return value

    def byte(self) -> str:
        value = chr(self.data[self.pos])
        self.pos += 1
        return value

    def at_end(self) -> bool:
        return self.pos >= len(self.data) or self.data[self.pos] == 0
