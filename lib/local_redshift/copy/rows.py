"""From a data file's bytes to COPY text rows: split into records, map to the target columns, convert.

This is the load's per-value work, done in worker processes (copy.workers): a RowPlan says everything it needs
and pickles, so a worker builds the readers and converters from it once; each file comes back as its parts, in
order: runs of COPY text rows (with the ordinal of each row's record in the file) and rejected records (the
LoadError and the column that refused the record). Nothing here counts errors: the loader does, in order.
A row is one call of the plan's compiled row function (copy.row_function); JSON files of one record a line are
read in one loop that makes no Record for a record that loads.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import orjson

from local_redshift.copy.conversion import Converter, column_converter
from local_redshift.copy.errors import CopyError, LoadError
from local_redshift.copy.json_records import MAX_RECORD_BYTES, UTF8_BOM, Loads, Record, read_records
from local_redshift.copy.jsonpaths import Path
from local_redshift.copy.load_history import line_count
from local_redshift.copy.mapping import ColumnValues, by_name, by_paths
from local_redshift.copy.options import CopyOptions
from local_redshift.copy.parquet import parquet_records
from local_redshift.copy.row_function import ESCAPED_SPECIAL, row_function
from local_redshift.copy.supers import SUPER, plain_values
from local_redshift.copy.supers import loads as keeping_numbers
from local_redshift.copy.target import Column
from local_redshift.copy.text_conversion import fill_values, text_converter
from local_redshift.copy.text_records import text_records

CHUNK_BYTES = 128 * 1024
"""How much COPY text a run of rows holds at most (about)."""


@dataclass(frozen=True)
class RowPlan:
    """What turns a COPY's files into rows: the statement's options, the columns loaded, and the JSONPaths file's
    paths (None: JSON maps by name, text and Parquet by position)."""

    options: CopyOptions
    columns: tuple[Column, ...]
    paths: tuple[Path, ...] | None = None


class Rows(NamedTuple):
    """A run of COPY text rows, and the ordinal (0-based, in the file) of the record each row came from."""

    text: bytes
    ordinals: array


class Rejected(NamedTuple):
    """A record that did not load: where it is, why, and the column that refused it (-1: none)."""

    ordinal: int
    line_number: int
    raw: bytes
    code: int
    reason: str
    raw_value: str
    position: int
    column: int

    def load_error(self) -> LoadError:
        return LoadError(self.code, self.reason, raw_value=self.raw_value, position=self.position)  # type: ignore[arg-type]


class FileRows(NamedTuple):
    """One file's parts in order, its line count, and the CopyError that ends the load at this file, if any."""

    parts: list[Rows | Rejected]
    lines: int
    failure: CopyError | None


def convert_files(plan: RowPlan, files: Sequence[bytes]) -> list[FileRows]:
    """The rows of each file, in order (what a worker runs)."""
    converting = _compiled(plan)
    return [converting.file_rows(data) for data in files]


def records(plan: RowPlan, data: bytes) -> Iterator[Record]:
    """The records of one file, as the plan reads them."""
    return _compiled(plan).records(data)


@lru_cache(maxsize=8)
def _compiled(plan: RowPlan) -> _Converting:
    return _Converting(plan)


def _fields(fields: list[str | None]) -> list[str | None]:
    """A text record's fields, one per column already."""
    return fields


class _Converting:
    """A plan's record reader, column mapping and per-column converters, built once."""

    def __init__(self, plan: RowPlan) -> None:
        options, columns = plan.options, plan.columns
        self._columns = columns
        converter = column_converter if options.text is None else text_converter
        self._converters: tuple[Converter, ...] = tuple(converter(column, options) for column in columns)
        # A JSON record's text shows whether its strings need escaping, unless ACCEPTINVCHARS puts a backslash in.
        self._scan_raw = options.text is None and not options.parquet and options.accept_invalid_chars != "\\"
        self._skip_lines = options.ignore_header
        self._json_lines = options.text is None and not options.parquet
        self._loads = _loads(plan)
        self._read = _record_reader(options, columns, self._loads)
        self._column_values = _column_values(plan)
        self._row = row_function(
            columns, self._converters, options, json_values=options.text is None, column_values=self._column_values
        )

    def records(self, data: bytes, first_line: int | None = None) -> Iterator[Record]:
        """The records of one file, from its line `first_line` (0-based; by default the first after IGNOREHEADER)."""
        return self._read(data, self._skip_lines if first_line is None else first_line)

    def file_rows(self, data: bytes) -> FileRows:
        parts = _Parts(self._scan_raw and ESCAPED_SPECIAL(data) is None)
        try:
            first_line, first_ordinal = self._json_line_rows(data, parts) if self._json_lines else (self._skip_lines, 0)
            if first_line is not None:
                self._record_rows(data, first_line, first_ordinal, parts)
        except CopyError as error:
            return FileRows(parts.done(), line_count(data), error)
        return FileRows(parts.done(), line_count(data), None)

    def _json_line_rows(self, data: bytes, parts: _Parts) -> tuple[int | None, int]:
        """JSON records one a line, read as read_records reads them but without a Record each, up to the first line
        that is not one: (that line's index, its record's ordinal) for read_records to go on from, or (None, ...)."""
        if data.startswith(UTF8_BOM):
            return self._skip_lines, 0
        convert_row, scan_raw, escaped = self._row, self._scan_raw, ESCAPED_SPECIAL
        rows, ordinals, size, clean_file, loads = parts.rows, parts.ordinals, parts.size, parts.clean_file, self._loads
        lines = data.split(b"\n")
        ordinal = 0
        try:
            for index in range(self._skip_lines, len(lines)):
                line = lines[index]
                try:
                    value = loads(line) if len(line) <= MAX_RECORD_BYTES else None
                except orjson.JSONDecodeError:
                    if not line or line.isspace():
                        continue
                    return index, ordinal
                if value.__class__ is not dict and value.__class__ is not list:
                    return index, ordinal
                try:
                    row = convert_row(value, clean_file or (scan_raw and escaped(line) is None))
                except LoadError as error:
                    parts.append(self._refused(ordinal, Record(index + 1, line, value), error))
                else:
                    rows.append(row)
                    ordinals.append(ordinal)
                    size += len(row)
                    if size >= CHUNK_BYTES:
                        rows, ordinals, size = parts.flush()
                ordinal += 1
            return None, ordinal
        finally:
            parts.size = size

    def _record_rows(self, data: bytes, first_line: int, first_ordinal: int, parts: _Parts) -> None:
        """The records from line `first_line` on, whatever their layout (the record reader's)."""
        convert_row, scan_raw, escaped = self._row, self._scan_raw, ESCAPED_SPECIAL
        rows, ordinals, size, clean_file = parts.rows, parts.ordinals, parts.size, parts.clean_file
        try:
            for ordinal, record in enumerate(self.records(data, first_line), first_ordinal):
                if record.error is not None:
                    parts.append(_rejected(ordinal, record, record.error, -1))
                    continue
                try:
                    row = convert_row(record.value, clean_file or (scan_raw and escaped(record.raw) is None))
                except LoadError as error:
                    parts.append(self._refused(ordinal, record, error))
                    continue
                rows.append(row)
                ordinals.append(ordinal)
                size += len(row)
                if size >= CHUNK_BYTES:
                    rows, ordinals, size = parts.flush()
        finally:
            parts.size = size

    def _refused(self, ordinal: int, record: Record, error: LoadError) -> Rejected:
        """Find which column refused the record (the slow path, errors only)."""
        try:
            values = self._column_values(record.value)
        except LoadError as error:
            return _rejected(ordinal, record, error, -1)
        for index, (convert, field) in enumerate(zip(self._converters, values, strict=True)):
            try:
                convert(field)
            except LoadError as refusal:
                return _rejected(ordinal, record, refusal, index)
        return _rejected(ordinal, record, error, -1)


class _Parts:
    """One file's parts so far, and the rows not yet in one (the loops keep `size` to themselves until they end).
    `clean_file`: no JSON string of the file needs escaping."""

    def __init__(self, clean_file: bool) -> None:
        self.clean_file = clean_file
        self._parts: list[Rows | Rejected] = []
        self.append = self._parts.append
        self.rows: list[str] = []
        self.ordinals = array("L")
        self.size = 0

    def flush(self) -> tuple[list[str], array, int]:
        """Put the pending rows in a part; the new (empty) pending rows, ordinals and size."""
        if self.rows:
            self._parts.append(Rows("".join(self.rows).encode(), self.ordinals))
        self.rows, self.ordinals, self.size = [], array("L"), 0
        return self.rows, self.ordinals, 0

    def done(self) -> list[Rows | Rejected]:
        self.flush()
        return self._parts


def _rejected(ordinal: int, record: Record, error: LoadError, column: int) -> Rejected:
    return Rejected(
        ordinal, record.line_number, record.raw, int(error.code), error.reason, error.raw_value, error.position, column
    )


def _supers(columns: Sequence[Column]) -> tuple[bool, ...]:
    return tuple(column.type_name == SUPER for column in columns)


def _loads(plan: RowPlan) -> Loads:
    """How a JSON record is read: keeping the text of its numbers when there is a SUPER column to load them into."""
    return keeping_numbers if any(_supers(plan.columns)) else orjson.loads


def _column_values(plan: RowPlan) -> ColumnValues:
    """How records map to the columns: text and Parquet fields in order; JSON by name or by the JSONPaths file, or
    ('noshred') the whole record to the one SUPER column."""
    options = plan.options
    if options.text is not None or options.parquet:
        return _fields
    if options.json.noshred:
        return lambda record: [record]
    if plan.paths is not None:
        by_column = by_paths(plan.paths)
    else:
        by_column = by_name([column.name for column in plan.columns], ignore_case=options.json.ignore_case)
    supers = _supers(plan.columns)
    return plain_values(by_column, supers) if any(supers) else by_column


def _record_reader(
    options: CopyOptions, columns: Sequence[Column], loads: Loads
) -> Callable[[bytes, int], Iterator[Record]]:
    """(data file, lines to skip) -> its records, as the data format says."""
    replacement, text_format = options.accept_invalid_chars, options.text
    if options.parquet:
        supers = _supers(columns)
        serialize = options.serialize_to_json
        return lambda data, _skip_lines: parquet_records(
            data, columns=len(columns), supers=supers, serialize_to_json=serialize
        )
    if text_format is None:
        return lambda data, skip_lines: read_records(data, replacement=replacement, skip_lines=skip_lines, loads=loads)
    missing = fill_values(columns)
    return lambda data, skip_lines: text_records(
        data, text_format, columns=len(columns), missing=missing, replacement=replacement, skip_lines=skip_lines
    )
