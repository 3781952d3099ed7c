"""The PostgreSQL v3 wire protocol as the endpoint needs it: framing, reading the messages it inspects, and
writing the messages it answers itself."""

from __future__ import annotations

import socket
import struct

PROTOCOL_3 = 196608
SSL_REQUEST = 80877103
GSSENC_REQUEST = 80877104
CANCEL_REQUEST = 80877102

_INT32 = struct.Struct("!i")
_HEADER = struct.Struct("!ci")


class ConnectionClosed(Exception):
    """The peer closed the connection."""


class Reader:
    """Reads length-framed messages from a socket through a buffer."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self._buffer = bytearray()
        self._pos = 0

    def _fill(self) -> None:
        if self._pos and self._pos > len(self._buffer) // 2:
            del self._buffer[: self._pos]
            self._pos = 0
        data = self.sock.recv(262144)
        if not data:
            raise ConnectionClosed
        self._buffer += data

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
        (length,) = _INT32.unpack(self._take(4))
        if not 8 <= length <= 10_000:
            raise ConnectionClosed
        body = self._take(length - 4)
        return _INT32.unpack(body[:4])[0], body[4:]

    def message(self) -> tuple[str, bytes]:
        """The next message: its type and its whole frame (type byte and length included)."""
        while len(self._buffer) - self._pos < 5:
            self._fill()
        kind, length = _HEADER.unpack_from(self._buffer, self._pos)
        while len(self._buffer) - self._pos < 1 + length:
            self._fill()  # may move the unread bytes to the front: positions are taken after it
        end = self._pos + 1 + length
        frame = bytes(self._buffer[self._pos : end])
        self._pos = end
        return kind.decode(), frame


def frame(kind: bytes, body: bytes = b"") -> bytes:
    """One message: type byte, length, body."""
    return kind + _INT32.pack(len(body) + 4) + body


def cstring(value: str) -> bytes:
    return value.encode() + b"\0"


class BodyReader:
    """Reads the fields of one message body in order."""

    def __init__(self, data: bytes, offset: int = 5) -> None:
        self.data, self.pos = data, offset

    def string(self) -> str:
        end = self.data.index(b"\0", self.pos)
        value = self.data[self.pos : end].decode("utf-8", "replace")
        self.pos = end + 1
        return value

    def int16(self) -> int:
        (value,) = struct.unpack_from("!h", self.data, self.pos)
        self.pos += 2
        return value

    def int32(self) -> int:
        (value,) = struct.unpack_from("!i", self.data, self.pos)
        self.pos += 4
        return value

    def byte(self) -> str:
        value = chr(self.data[self.pos])
        self.pos += 1
        return value


def startup_parameters(body: bytes) -> dict[str, str]:
    """The name/value pairs of a StartupMessage body (after the protocol code)."""
    parts = body.split(b"\0")
    return {parts[i].decode(): parts[i + 1].decode() for i in range(0, len(parts) - 1, 2) if parts[i]}


def parse_message(data: bytes) -> tuple[str, str, list[int]]:
    """Parse: statement name, query text, parameter type oids."""
    body = BodyReader(data)
    name, query = body.string(), body.string()
    return name, query, [body.int32() for _ in range(body.int16())]


def bind_names(data: bytes) -> tuple[str, str]:
    """Bind: portal name, statement name."""
    body = BodyReader(data)
    return body.string(), body.string()


def target(data: bytes) -> tuple[str, str]:
    """Describe or Close: 'S' (statement) or 'P' (portal), and the name."""
    body = BodyReader(data)
    return body.byte(), body.string()


def portal_of_execute(data: bytes) -> str:
    return BodyReader(data).string()


def query_text(data: bytes) -> str:
    return BodyReader(data).string()


def password(data: bytes) -> str:
    return BodyReader(data).string()


def error_fields(data: bytes) -> dict[str, str]:
    """The fields of an ErrorResponse or NoticeResponse, by their one-letter codes."""
    fields, body = {}, BodyReader(data)
    while body.pos < len(data) and data[body.pos] != 0:
        code = body.byte()
        fields[code] = body.string()
    return fields


def error_response(fields: dict[str, str]) -> bytes:
    return frame(b"E", b"".join(code.encode() + cstring(value) for code, value in fields.items()) + b"\0")


def error(sqlstate: str, message: str, severity: str = "ERROR", detail: str | None = None) -> bytes:
    """An ErrorResponse made by the endpoint itself."""
    fields = {"S": severity, "V": severity, "C": sqlstate, "M": message}
    if detail:
        fields["D"] = detail
    return error_response(fields)


def data_row_values(data: bytes) -> tuple[str | None, ...]:
    """The values of a DataRow in text format."""
    count, pos, values = struct.unpack_from("!h", data, 5)[0], 7, []
    for _ in range(count):
        (length,) = _INT32.unpack_from(data, pos)
        pos += 4
        if length < 0:
            values.append(None)
        else:
            values.append(data[pos : pos + length].decode("utf-8", "replace"))
            pos += length
    return tuple(values)


def command_tag(data: bytes) -> str:
    return BodyReader(data).string()


def query(sql: str) -> bytes:
    return frame(b"Q", cstring(sql))


def parse(name: str, sql: str) -> bytes:
    return frame(b"P", cstring(name) + cstring(sql) + b"\0\0")


def bind(portal: str, statement: str) -> bytes:
    return frame(b"B", cstring(portal) + cstring(statement) + b"\0\0" + b"\0\0" + b"\0\0")


def execute(portal: str) -> bytes:
    return frame(b"E", cstring(portal) + _INT32.pack(0))


def close(kind: str, name: str) -> bytes:
    return frame(b"C", kind.encode() + cstring(name))


def copy_data(chunk: bytes) -> bytes:
    return frame(b"d", chunk)


def copy_fail(reason: str) -> bytes:
    return frame(b"f", cstring(reason))


def command_complete(tag: str) -> bytes:
    return frame(b"C", cstring(tag))


def ready_for_query(status: str) -> bytes:
    return frame(b"Z", status.encode())


def parameter_status(name: str, value: str) -> bytes:
    return frame(b"S", cstring(name) + cstring(value))


def backend_key_data(pid: int, key: int) -> bytes:
    return frame(b"K", struct.pack("!ii", pid, key))


def md5_request(salt: bytes) -> bytes:
    return frame(b"R", _INT32.pack(5) + salt)


AUTHENTICATION_OK = frame(b"R", _INT32.pack(0))
PARSE_COMPLETE = frame(b"1")
BIND_COMPLETE = frame(b"2")
CLOSE_COMPLETE = frame(b"3")
NO_DATA = frame(b"n")
NO_PARAMETERS = frame(b"t", b"\0\0")
FLUSH = frame(b"H")
SYNC = frame(b"S")
COPY_DONE = frame(b"c")
