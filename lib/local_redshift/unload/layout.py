"""Which files an UNLOAD writes and what each holds: partitions, slices, parts, names and compression.

With PARALLEL ON (the default) each slice of the cluster writes its share of the rows to
`<prefix><slice>_part_<part>` (`0000_part_00`, `0001_part_00`, ...); with PARALLEL OFF one writer writes
`<prefix>000`, `<prefix>001`, ... A new part starts when a file would pass MAXFILESIZE. PARTITION BY puts each
partition's files in `<prefix><column>=<value>/` folders (Apache Hive's layout, which writes the characters of a
path such as `:` and `/` as %XX). The names end in the EXTENSION given, else `.parquet` for Parquet, else the
compression's `.gz`, `.bz2` or `.zst` (the UNLOAD page and its examples).
"""

from __future__ import annotations

import bz2
import gzip
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pyarrow as pa

from local_redshift.copy.load_state import DEFAULT_SLICES
from local_redshift.unload.columns import ResultColumn
from local_redshift.unload.errors import UnloadError
from local_redshift.unload.options import Format, UnloadOptions
from local_redshift.unload.parquet import parquet_file
from local_redshift.unload.text_formats import line_writer

HIVE_DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__"
"""The partition of rows whose partition key is NULL (the PARTITION BY usage notes)."""

_EXTENSIONS = {"gzip": ".gz", "bzip2": ".bz2", "zstd": ".zst"}
ROW_GROUP_BYTES = 32 * 1024 * 1024
"""Parquet files are cut in whole 32 MB row groups: MAXFILESIZE is rounded down to a multiple of it."""
_HIVE_ESCAPED = frozenset("\"#%'*/:=?\\\x7f{[]^") | frozenset(chr(code) for code in range(1, 32))
"""The characters Apache Hive writes as %XX in a partition folder's name."""

Row = Sequence[str | None]


@dataclass(frozen=True)
class DataFile:
    """One file to write: its key relative to the destination, its bytes, the lines it counts, and the slice that
    writes it (0 with PARALLEL OFF)."""

    name: str
    body: bytes
    record_count: int  # rows, and the header line if there is one (MANIFEST VERBOSE counts it)
    slice: int = 0
    header: bool = False

    @property
    def row_count(self) -> int:
        """The rows of the query in the file (its lines without the header)."""
        return self.record_count - self.header


def data_files(
    options: UnloadOptions, columns: Sequence[ResultColumn], rows: Sequence[Row], slices: int = DEFAULT_SLICES
) -> Iterator[DataFile]:
    """Every file of the unload, partition by partition, slice by slice (of `slices`), part by part."""
    kept = written_columns(options, columns)
    kept_columns = [columns[index] for index in kept]
    header = options.header and options.format in (Format.TEXT, Format.CSV)  # the others refuse HEADER
    for folder, partition_rows in _partitions(options, columns, rows):
        projected = (
            [[row[index] for index in kept] for row in partition_rows] if len(kept) < len(columns) else partition_rows
        )
        for writer, share in enumerate(_shares(options, projected, slices)):
            for part, body, count in _parts(options, kept_columns, share):
                number = f"{writer:04d}_part_{part:02d}" if options.parallel else f"{part:03d}"
                yield DataFile(folder + number + _extension(options), body, count, writer, header)


def written_columns(options: UnloadOptions, columns: Sequence[ResultColumn]) -> list[int]:
    """The columns written to the files: partition columns are left out unless INCLUDE."""
    names = [column.name for column in columns]
    for name in options.partition_by:
        if name not in names:
            raise UnloadError(f'PARTITION BY column "{name}" is not a column of the query')
    if options.partition_include:
        return list(range(len(columns)))
    kept = [index for index, name in enumerate(names) if name not in options.partition_by]
    if not kept:
        raise UnloadError("UNLOAD with PARTITION BY needs at least one column that is not a partition column")
    return kept


def _partitions(
    options: UnloadOptions, columns: Sequence[ResultColumn], rows: Sequence[Row]
) -> list[tuple[str, list[Row]]]:
    """The rows of each partition folder ('' without PARTITION BY), in the order partitions first appear."""
    if not options.partition_by:
        return [("", list(rows))]
    names = [column.name for column in columns]
    keys = [names.index(name) for name in options.partition_by]
    partitions: dict[str, list[Row]] = {}
    for row in rows:
        folder = "".join(f"{names[index]}={_partition_value(row[index])}/" for index in keys)
        partitions.setdefault(folder, []).append(row)
    return list(partitions.items())


def _partition_value(value: str | None) -> str:
    if value is None:
        return HIVE_DEFAULT_PARTITION
    return "".join(f"%{ord(char):02X}" if char in _HIVE_ESCAPED else char for char in value)


def _shares(options: UnloadOptions, rows: Sequence[Row], slices: int) -> list[Sequence[Row]]:
    """The rows each writer writes: with PARALLEL ON each slice takes a consecutive share (slices without rows
    write nothing), with PARALLEL OFF one writer takes them all, in the query's order."""
    if not options.parallel:
        return [rows]
    size = -(-len(rows) // slices)
    return [rows[start : start + size] for start in range(0, len(rows), size)] if rows else []


def _parts(
    options: UnloadOptions, columns: Sequence[ResultColumn], rows: Sequence[Row]
) -> Iterator[tuple[int, bytes, int]]:
    """One writer's files: (part number, bytes, lines), a new part whenever MAXFILESIZE would be passed."""
    limit = options.max_file_size
    if options.format is Format.PARQUET:
        limit = max(ROW_GROUP_BYTES, limit - limit % ROW_GROUP_BYTES)  # the FORMAT AS PARQUET usage notes
        start, size = 0, 0
        part = 0
        for index, row in enumerate(rows):
            row_size = sum(len(value) for value in row if value is not None) + len(row)
            if size + row_size > limit and index > start:
                yield part, parquet_file(columns, rows[start:index]), index - start
                part, start, size = part + 1, index, 0
            size += row_size
        yield part, parquet_file(columns, rows[start:]), len(rows) - start
        return
    line, header = line_writer(options, columns)
    head = header.encode() if header is not None else b""
    lines: list[bytes] = []
    size = len(head)
    part = 0
    for row in rows:
        encoded = line(row).encode()
        if size + len(encoded) > limit and lines:
            yield part, _compressed(options, head + b"".join(lines)), len(lines) + bool(head)
            part, lines, size = part + 1, [], len(head)
        lines.append(encoded)
        size += len(encoded)
    yield part, _compressed(options, head + b"".join(lines)), len(lines) + bool(head)


def _compressed(options: UnloadOptions, data: bytes) -> bytes:
    if options.compression == "gzip":
        return gzip.compress(data)
    if options.compression == "bzip2":
        return bz2.compress(data)
    if options.compression == "zstd":
        return pa.compress(data, codec="zstd", asbytes=True)
    return data


def _extension(options: UnloadOptions) -> str:
    if options.extension:
        return "." + options.extension.lstrip(".")
    if options.format is Format.PARQUET:
        return ".parquet"
    return _EXTENSIONS.get(options.compression or "", "")
