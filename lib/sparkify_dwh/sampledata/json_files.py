"""JSON data files as COPY reads them (objects one after another), streamed: memory stays bounded by one object.

A file is read a chunk at a time. The common layout, one object per line, is parsed line by line; anything else
(pretty-printed objects, several on a line) is split by following brackets and strings. JSON strings cannot hold a
raw newline, so a chunk is only searched up to its last newline and a string is never cut in two. Each object is
parsed with orjson and checked against two limits: Redshift's 4 MB per JSON object, and a nesting depth.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

import orjson

MAX_OBJECT_BYTES = 4 * 1024 * 1024
"""Redshift: "The maximum size of a JSON object in Amazon Redshift is 4 MB" (Developer Guide, copy_json)."""
MAX_DEPTH = 128
"""Nesting deeper than this is refused (the course's objects are flat); it bounds the work one object costs."""
CHUNK_BYTES = 1024 * 1024

_UTF8_BOM = b"\xef\xbb\xbf"
_STRUCTURE = re.compile(rb'"[^"\\\n]*(?:\\.[^"\\\n]*)*"|[{}\[\]]')
_NOT_WHITESPACE = re.compile(rb"[^ \t\r\n]")
_OPENING = frozenset(b"{[")
_QUOTE = ord('"')


class _Window:
    """The unread part of a stream, `data[pos:]`, refilled a chunk at a time; `line` is the line `pos` is on."""

    def __init__(self, stream: BinaryIO, chunk_size: int) -> None:
        self.stream, self.chunk_size = stream, chunk_size
        self.data, self.pos, self.line, self.eof, self.started = b"", 0, 1, False, False

    def more(self) -> bool:
        """Append the next chunk, dropping what was consumed; False at the end of the stream."""
        first = not self.started
        self.started = True
        size = max(self.chunk_size, len(_UTF8_BOM)) if first else self.chunk_size  # the BOM in one piece
        chunk = b"" if self.eof else self.stream.read(size)
        if not chunk:
            self.eof = True
            return False
        if first and chunk.startswith(_UTF8_BOM):
            chunk = chunk[len(_UTF8_BOM) :]
        self.data, self.pos = self.data[self.pos :] + chunk, 0
        return True

    def advance(self, end: int) -> None:
        self.line += self.data.count(b"\n", self.pos, end)
        self.pos = end


def read_json_objects(stream: BinaryIO, chunk_size: int = CHUNK_BYTES) -> Iterator[dict[str, Any]]:
    """The JSON objects of a stream that holds one or several of them, concatenated, one at a time.

    Raises ValueError, naming the line, when the stream is not UTF-8 JSON, holds something other than objects, an
    object larger than MAX_OBJECT_BYTES or nested deeper than MAX_DEPTH, or holds nothing.
    """
    window, count = _Window(stream, chunk_size), 0
    while True:
        start = _NOT_WHITESPACE.search(window.data, window.pos)
        if start is None:
            window.advance(len(window.data))
            if window.more():
                continue
            break
        window.advance(start.start())
        value, end = _next_value(window)
        if value.__class__ is not dict:
            raise ValueError(f"line {window.line}: a JSON array where a JSON object was expected")
        window.advance(end)
        count += 1
        yield value
    if count == 0:
        raise ValueError("no JSON object in the file")


def iter_json_objects(body: bytes) -> Iterator[dict[str, Any]]:
    """The JSON objects of a file's body held in memory (see `read_json_objects`)."""
    return read_json_objects(io.BytesIO(body))


def _next_value(window: _Window) -> tuple[Any, int]:
    """The object or array starting at `window.pos`, and the offset just past it (reading more when needed)."""
    while True:
        data, pos = window.data, window.pos
        if data[pos] not in _OPENING:
            text = data[pos : pos + 20].decode("utf-8", "replace")
            raise ValueError(f"line {window.line}: {text!r}... is outside any JSON object")
        newline = data.find(b"\n", pos)
        if 0 <= newline - pos <= MAX_OBJECT_BYTES:
            try:
                value = orjson.loads(data[pos:newline])
            except orjson.JSONDecodeError:
                value = None  # not one whole value on this line: split it by its brackets below
            if value.__class__ is dict or value.__class__ is list:
                _check_depth(data, pos, newline, window.line)
                return value, newline
        limit = len(data) if window.eof else data.rfind(b"\n") + 1
        end, depth = _scan(data, pos, limit)
        if end is not None:
            if end - pos > MAX_OBJECT_BYTES:
                raise ValueError(f"line {window.line}: a JSON object larger than {MAX_OBJECT_BYTES:,} bytes (4 MB)")
            if depth > MAX_DEPTH:
                raise ValueError(f"line {window.line}: JSON nested deeper than {MAX_DEPTH} levels")
            return _parse(data[pos:end], window.line), end
        if limit - pos > MAX_OBJECT_BYTES:
            raise ValueError(f"line {window.line}: a JSON object larger than {MAX_OBJECT_BYTES:,} bytes (4 MB)")
        if window.eof:
            raise ValueError(f"line {window.line}: the JSON object is not closed before the end of the file")
        window.more()  # at the end of the stream it only sets `eof`: the next pass searches up to the end


def _scan(data: bytes, start: int, stop: int) -> tuple[int | None, int]:
    """Where the value opening at `start` ends (None when not before `stop`), and the deepest nesting seen."""
    depth = deepest = 0
    for match in _STRUCTURE.finditer(data, start, stop):
        byte = data[match.start()]
        if byte == _QUOTE:
            continue
        depth += 1 if byte in _OPENING else -1
        deepest = max(deepest, depth)
        if depth == 0:
            return match.end(), deepest
    return None, deepest


def _check_depth(data: bytes, start: int, end: int, line: int) -> None:
    """Refuse nesting deeper than MAX_DEPTH; counting brackets first keeps the flat common case cheap."""
    openings = data.count(b"{", start, end) + data.count(b"[", start, end)
    if openings > MAX_DEPTH and _scan(data, start, end)[1] > MAX_DEPTH:
        raise ValueError(f"line {line}: JSON nested deeper than {MAX_DEPTH} levels")


def _parse(raw: bytes, line: int) -> Any:
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as bad:
            raise ValueError(f"line {line}: byte 0x{raw[bad.start]:02x} is not UTF-8") from None
        raise ValueError(f"line {line}: {error.msg}") from None
