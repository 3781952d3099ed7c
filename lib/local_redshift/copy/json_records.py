"""Split a JSON data file into its root-level records and parse each with orjson.

A data file holds objects (or arrays) one after another, separated by nothing but white space.
The fast path takes the common layout, one record per line; at the first line that is not a whole
record it hands the rest of the file to a scanner that follows brackets and strings to find where
each record ends. Every problem becomes a record carrying a LoadError, never an exception, so the
loader can count it against MAXERROR and carry on.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import orjson

from local_redshift.copy.errors import LoadError
from local_redshift.errors import LoadErrorCode

MAX_RECORD_BYTES = 4 * 1024 * 1024
"""Redshift's limit for one JSON object or array, braces included."""


UTF8_BOM = b"\xef\xbb\xbf"
_STRUCTURE = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\]]', re.DOTALL)
_NOT_WHITESPACE = re.compile(rb"\S")
_STRAY_TEXT = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[^\s{\["]+|"')
_OPENING = frozenset(b"{[")
_QUOTE = ord('"')

# UnicodeDecodeError reasons -> the error numbers Redshift appends to its invalid UTF-8 message.
_UTF8_ERROR_NUMBERS = {"invalid start byte": 3, "invalid continuation byte": 4, "unexpected end of data": 2}


@dataclass(slots=True)
class Record:
    """One root-level JSON value of a file: parsed (`value`) or refused (`error`)."""

    line_number: int
    raw: bytes
    value: Any = None
    error: LoadError | None = None


Loads = Callable[[bytes | str], Any]
"""orjson.loads, or what reads as it does (copy.supers.loads keeps the text of numbers for SUPER columns)."""


def read_records(
    data: bytes, *, replacement: str | None = None, skip_lines: int = 0, loads: Loads = orjson.loads
) -> Iterator[Record]:
    """The records of one file in order; `replacement` replaces invalid UTF-8 bytes (ACCEPTINVCHARS)."""
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    offset = _offset_after_lines(data, skip_lines)
    line_number = skip_lines
    for line in (data[offset:] if offset else data).split(b"\n"):
        line_number += 1
        if not line or line.isspace():
            offset += len(line) + 1
            continue
        try:
            value = loads(line) if len(line) <= MAX_RECORD_BYTES else None
        except orjson.JSONDecodeError:
            value = None
        if value.__class__ is dict or value.__class__ is list:
            yield Record(line_number, line, value)
            offset += len(line) + 1
            continue
        yield from _scan(data, offset, line_number, replacement, loads)
        return


def _offset_after_lines(data: bytes, count: int) -> int:
    """Where the data starts once `count` lines are skipped (IGNOREHEADER)."""
    offset = 0
    for _ in range(count):
        newline = data.find(b"\n", offset)
        if newline < 0:
            return len(data)
        offset = newline + 1
    return offset


def _scan(data: bytes, position: int, line_number: int, replacement: str | None, loads: Loads) -> Iterator[Record]:
    """Records from `position` on, whatever their layout; `line_number` is the line `position` is on."""
    counted = position
    while True:
        start_match = _NOT_WHITESPACE.search(data, position)
        if start_match is None:
            return
        start = start_match.start()
        if data[start] not in _OPENING:
            end = _STRAY_TEXT.match(data, start).end()
            error = LoadError(LoadErrorCode.INVALID_INPUT_LINE, "Invalid JSON: text outside of a JSON object or array")
        else:
            end = _record_end(data, start)
            error = None
            if end is None:
                end = len(data)
                error = LoadError(LoadErrorCode.INVALID_INPUT_LINE, "Invalid JSON: the object or array is not closed")
            elif end - start > MAX_RECORD_BYTES:
                error = LoadError(
                    LoadErrorCode.INVALID_INPUT_LINE,
                    f"Invalid JSON: the object or array exceeds {MAX_RECORD_BYTES} bytes",
                )
        line_number += data.count(b"\n", counted, end)
        counted = end
        raw = data[start:end]
        yield Record(line_number, raw, error=error) if error else _parse_record(raw, line_number, replacement, loads)
        position = end


def _record_end(data: bytes, start: int) -> int | None:
    """The offset just past the object or array opening at `start`; None when the data ends first."""
    depth = 0
    for match in _STRUCTURE.finditer(data, start):
        if data[match.start()] == _QUOTE:
            continue
        depth += 1 if data[match.start()] in _OPENING else -1
        if depth == 0:
            return match.end()
    return None


def _parse_record(raw: bytes, line_number: int, replacement: str | None, loads: Loads) -> Record:
    """Parse one record's text, repairing invalid UTF-8 with `replacement` when one is given."""
    try:
        return _checked(Record(line_number, raw, loads(raw)))
    except orjson.JSONDecodeError as syntax_error:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as bad_bytes:
            if replacement is None:
                return Record(line_number, raw, error=invalid_utf8(bad_bytes))
            return _parse_repaired(raw, line_number, replacement, loads)
        return Record(
            line_number, raw, error=LoadError(LoadErrorCode.INVALID_INPUT_LINE, f"Invalid JSON: {syntax_error.msg}")
        )


def _parse_repaired(raw: bytes, line_number: int, replacement: str, loads: Loads) -> Record:
    text = raw.decode("utf-8", errors=_replacement_handler(replacement))
    try:
        return _checked(Record(line_number, raw, loads(text)))
    except orjson.JSONDecodeError as syntax_error:
        return Record(
            line_number, raw, error=LoadError(LoadErrorCode.INVALID_INPUT_LINE, f"Invalid JSON: {syntax_error.msg}")
        )


def _checked(record: Record) -> Record:
    if record.value.__class__ is not dict and record.value.__class__ is not list:
        record.error = LoadError(
            LoadErrorCode.INVALID_INPUT_LINE, "Invalid JSON: a record must be an object or an array"
        )
        record.value = None
    return record


def invalid_utf8(error: UnicodeDecodeError) -> LoadError:
    """Redshift's 1220 error for the first invalid byte sequence of a string."""
    sequence = error.object[error.start : error.end].hex(" ")
    number = _UTF8_ERROR_NUMBERS.get(error.reason, 3)
    return LoadError(
        LoadErrorCode.INVALID_UTF8,
        f"String contains invalid or unsupported UTF-8 codepoints. Bad UTF-8 hex sequence: {sequence} (error {number})",
        raw_value=sequence,
    )


def _replacement_handler(replacement: str) -> str:
    """The name of a codecs error handler that puts `replacement` in place of each invalid byte."""
    name = f"local_redshift.copy.acceptinvchars.{ord(replacement)}"
    try:
        codecs.lookup_error(name)
    except LookupError:
        codecs.register_error(name, lambda error: (replacement * (error.end - error.start), error.end))
    return name
