"""From a data file's bytes to COPY text rows: split into records, map to the target columns, convert.

This is the load's per-value work, done in worker processes (copy.workers): a RowPlan says everything it needs
and pickles, so a worker builds the readers and converters from it once; each file comes back as its parts, in
order: runs of COPY text rows (with the ordinal of each row's record in the file) and rejected records (the
LoadError and the column that refused the record). Nothing here counts errors: the loader does, in order.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from local_redshift.copy.conversion import Converter, column_converter
from local_redshift.copy.errors import CopyError, LoadError
from local_redshift.copy.json_records import Record, read_records
from local_redshift.copy.jsonpaths import Path
from local_redshift.copy.load_history import line_count
from local_redshift.copy.mapping import ColumnValues, by_name, by_paths
from local_redshift.copy.options import CopyOptions
from local_redshift.copy.parquet import parquet_records
from local_redshift.copy.target import Column
from local_redshift.copy.text_conversion import fill_values, text_converter
from local_redshift.copy.text_records import text_records

try:
    from operator import call
except ImportError:  # Python 3.10

    def call(function: Callable[[Any], str], argument: Any) -> str:
        return function(argument)


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
    return [_compiled(plan).file_rows(data) for data in files]


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
        self.records = _record_reader(options, columns)
        self._column_values = _column_values(plan)

    def file_rows(self, data: bytes) -> FileRows:
        parts: list[Rows | Rejected] = []
        rows: list[str] = []
        ordinals = array("L")
        size = 0
        converters, column_values = self._converters, self._column_values
        try:
            for ordinal, record in enumerate(self.records(data)):
                if record.error is not None:
                    parts.append(_rejected(ordinal, record, record.error, -1))
                    continue
                try:
                    row = "\t".join(map(call, converters, column_values(record.value))) + "\n"
                except LoadError as error:
                    parts.append(self._refused(ordinal, record, error))
                    continue
                rows.append(row)
                ordinals.append(ordinal)
                size += len(row)
                if size >= CHUNK_BYTES:
                    parts.append(Rows("".join(rows).encode(), ordinals))
                    rows, ordinals, size = [], array("L"), 0
        except CopyError as error:
            if rows:
                parts.append(Rows("".join(rows).encode(), ordinals))
            return FileRows(parts, line_count(data), error)
        if rows:
            parts.append(Rows("".join(rows).encode(), ordinals))
        return FileRows(parts, line_count(data), None)

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


def _rejected(ordinal: int, record: Record, error: LoadError, column: int) -> Rejected:
    return Rejected(
        ordinal, record.line_number, record.raw, int(error.code), error.reason, error.raw_value, error.position, column
    )


def _column_values(plan: RowPlan) -> ColumnValues:
    """How records map to the columns: text and Parquet fields in order; JSON by name or by the JSONPaths file."""
    options = plan.options
    if options.text is not None or options.parquet:
        return _fields
    if plan.paths is not None:
        return by_paths(plan.paths)
    return by_name([column.name for column in plan.columns], ignore_case=options.json.ignore_case)


def _record_reader(options: CopyOptions, columns: Sequence[Column]) -> Callable[[bytes], Iterator[Record]]:
    """data file -> its records, as the data format says."""
    replacement, skip_lines, text_format = options.accept_invalid_chars, options.ignore_header, options.text
    if options.parquet:
        return lambda data: parquet_records(data, columns=len(columns))
    if text_format is None:
        return lambda data: read_records(data, replacement=replacement, skip_lines=skip_lines)
    missing = fill_values(columns)
    return lambda data: text_records(
        data, text_format, columns=len(columns), missing=missing, replacement=replacement, skip_lines=skip_lines
    )
