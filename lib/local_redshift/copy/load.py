"""COPY from S3 (JSON, delimited text, CSV, fixed-width) into a table of the embedded PostgreSQL: the entry point
the endpoint calls.

The load streams: files are fetched a few ahead, split into records, mapped to the target columns,
converted by per-column converters and written as COPY text-format chunks through the client's own
session (`COPY ... FROM STDIN`), never row by row. Bad records go to stl_load_errors; once there are
more than MAXERROR the chunk stream raises, PostgreSQL cancels the COPY and the table is as before.
"""

from __future__ import annotations

import logging
import re
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from local_redshift.copy.authorization import authorize
from local_redshift.copy.conversion import Converter, column_converter
from local_redshift.copy.errors import CopyError, LoadError, aws_error
from local_redshift.copy.interfaces import AwsClients, Backend, ClusterContext
from local_redshift.copy.json_records import Record, read_records
from local_redshift.copy.jsonpaths import parse_jsonpaths_file
from local_redshift.copy.load_errors import LoadErrorLog, Origin
from local_redshift.copy.load_history import (
    FILE_FORMAT,
    TEXT_FILE_FORMATS,
    LoadHistory,
    LoadOutcome,
    ScannedFile,
    begin_load,
    line_count,
    utc_now,
)
from local_redshift.copy.mapping import ColumnValues, by_name, by_paths
from local_redshift.copy.options import CopyOptions
from local_redshift.copy.parquet import parquet_records
from local_redshift.copy.source import S3Object, S3Source
from local_redshift.copy.target import Column, TargetTable, describe_table, load_columns, quote_identifier
from local_redshift.copy.text_conversion import fill_values, text_converter
from local_redshift.copy.text_records import text_records
from local_redshift.copy.transcoding import in_utf8
from local_redshift.errors import (
    DATA_EXCEPTION_CLASS,
    INTEGRITY_CONSTRAINT_VIOLATION_CLASS,
    BackendError,
    LoadErrorCode,
    SqlState,
)

try:
    from operator import call
except ImportError:  # Python 3.10

    def call(function: Callable[[Any], str], argument: Any) -> str:
        return function(argument)


log = logging.getLogger(__name__)

CHUNK_BYTES = 128 * 1024
"""How much COPY text is sent to PostgreSQL at a time."""

CHUNKS_REMEMBERED = 64
"""How many recent chunks keep their rows' origins, to name the record PostgreSQL refuses."""

_REFUSED_ROW_CLASSES = (DATA_EXCEPTION_CLASS, INTEGRITY_CONSTRAINT_VIOLATION_CLASS)
"""PostgreSQL errors about one row's values: a load error of that row, not a failure of the statement."""
_COPY_LINE = re.compile(r"line (\d+)")
_COPY_COLUMN = re.compile(r"line \d+, column (.+?):")


def run_copy(options: CopyOptions, backend: Backend, cluster: ClusterContext, aws: AwsClients) -> int:
    """Load what a COPY statement (read by grammar.parse_copy) asks for into its table over the client's session;
    return the number of rows loaded.

    Raises CopyError (sqlstate, message, detail) when the statement fails, or the backend's BackendError.
    """
    started = utc_now()
    clock = time.perf_counter()
    table = describe_table(backend, options.schema, options.table)
    columns = load_columns(table, options.columns, explicit_ids=options.explicit_ids)
    if not columns:
        raise CopyError(f"COPY into '{table.name}' has no column to load")
    if options.text is not None and options.text.widths and len(options.text.widths) != len(columns):
        raise CopyError(
            f"FIXEDWIDTH gives {len(options.text.widths)} widths for {len(columns)} columns of '{table.name}'",
            sqlstate=SqlState.SYNTAX_ERROR,
        )
    permissions = authorize(options.authorization, cluster, aws)
    region = options.region or cluster.region
    source = S3Source(
        aws("s3", region),
        region=region,
        region_given=options.region is not None,
        permissions=permissions,
        query_id=cluster.query_id,
    )
    column_values = _column_values(options, columns, source, cluster)
    files = source.data_files(options.source_url, manifest=options.manifest)
    history = LoadHistory(
        table, cluster, options.source_url, started, begin_load(backend, cluster.query_id), _file_format(options)
    )
    errors = LoadErrorLog(backend, table, cluster, started, options.max_errors)
    stream = _RowStream(options, columns, column_values, errors)
    try:
        fetched = in_utf8(source.fetch(files, compression=options.compression), options.encoding, cluster.query_id)
        loaded = _load(options, backend, table, fetched, stream)
    except Exception:
        errors.flush()
        history.write(backend, stream.outcome(completed=False, files_loaded=False, loaded_rows=0))
        raise
    errors.flush()
    backend.fetch(f"SELECT pg_catalog.set_config('redshift.last_copy_count', '{int(loaded)}', false)")
    history.write(backend, stream.outcome(completed=True, files_loaded=not options.no_load, loaded_rows=loaded))
    elapsed = time.perf_counter() - clock
    log.info(
        "Load into table '%s' completed, %d record(s) loaded successfully, %d could not be loaded"
        " (%d files, %.2f s, %.0f rows/s)",
        table.name,
        loaded,
        errors.count,
        stream.files,
        elapsed,
        loaded / elapsed if elapsed else 0.0,
    )
    return loaded


def _column_values(
    options: CopyOptions, columns: Sequence[Column], source: S3Source, cluster: ClusterContext
) -> ColumnValues:
    """How records map to the columns: text fields in order; JSON by name, or by the JSONPaths file (read now,
    before any data)."""
    if options.text is not None or options.parquet:
        return _fields
    names = [column.name for column in columns]
    url = options.json.jsonpaths_url
    if url is None:
        return by_name(names, ignore_case=options.json.ignore_case)
    paths = parse_jsonpaths_file(source.read(S3Object.parse(url), context=f"JSONPaths file: {url}"), url)
    if paths is None:
        log.info('JSONPaths file %s has no "jsonpaths" key: mapping fields by name', url)
        return by_name(names, ignore_case=False)
    if len(paths) != len(columns):
        message = (
            "Number of jsonpaths and the number of columns should match. "
            f"JSONPath size: {len(paths)}, Number of columns in table or column list: {len(columns)}"
        )
        raise aws_error(message, context=url, query_id=cluster.query_id)
    return by_paths(paths)


def _file_format(options: CopyOptions) -> str:
    """The data format as SYS_LOAD_HISTORY names it."""
    return FILE_FORMAT if options.text is None else TEXT_FILE_FORMATS[options.text.kind]


def _fields(fields: list[str | None]) -> list[str | None]:
    """A text record's fields, one per column already."""
    return fields


def _load(
    options: CopyOptions, backend: Backend, table: TargetTable, fetched: Iterator[tuple[S3Object, bytes]],
    stream: _RowStream,
) -> int:  # fmt: skip
    """Stream the files into the table (with NOLOAD: only check them); the number of rows loaded."""
    chunks = stream.chunks(fetched)
    column_list = ", ".join(quote_identifier(column.name) for column in stream.columns)
    try:
        if options.no_load:
            return _validate_only(chunks)
        return backend.copy_in(f"COPY {table.qualified_name} ({column_list}) FROM STDIN", chunks)
    except BackendError as error:
        if not error.sqlstate.startswith(_REFUSED_ROW_CLASSES):
            raise
        raise _refused_by_database(error, stream, table) from None
    finally:
        chunks.close()
        fetched.close()


def _validate_only(chunks: Iterable[bytes]) -> int:
    """NOLOAD: check every record, load nothing."""
    for _ in chunks:
        pass
    return 0


def _refused_by_database(error: BackendError, stream: _RowStream, table: TargetTable) -> CopyError:
    """A row PostgreSQL refused (a constraint, a type it could not read): one load error, and the failure."""
    message = error.message
    context = error.context or ""
    named = _COPY_COLUMN.search(context)
    column_name = error.column_name or (named.group(1) if named else None)
    line = _COPY_LINE.search(context)
    origin = stream.origin_of_row(int(line.group(1))) if line else None
    column = next((candidate for candidate in stream.columns if candidate.name == column_name), None)
    if error.sqlstate == SqlState.NOT_NULL_VIOLATION:
        load_error = LoadError(LoadErrorCode.MISSING_NOT_NULL, "Missing data for not-null field")
    else:
        load_error = LoadError(LoadErrorCode.INVALID_INPUT_LINE, message)
    log.info("PostgreSQL refused a row of the load into %s: %s", table.name, message)
    return stream.errors.fail_with(origin or Origin("", 0, b""), load_error, column)


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


class _RowStream:
    """Records -> COPY text rows -> chunks, remembering the origins of the rows of recent chunks."""

    def __init__(
        self, options: CopyOptions, columns: Sequence[Column], column_values: ColumnValues, errors: LoadErrorLog
    ) -> None:
        self.columns = tuple(columns)
        converter = column_converter if options.text is None else text_converter
        self._converters: tuple[Converter, ...] = tuple(converter(column, options) for column in columns)
        self._records = _record_reader(options, self.columns)
        self._column_values = column_values
        self.errors = errors
        self._recent: deque[tuple[int, list[tuple[str, int, bytes]]]] = deque(maxlen=CHUNKS_REMEMBERED)
        self.scanned: list[ScannedFile] = []
        self.files = 0
        self.file_bytes = 0
        self.bytes_sent = 0

    def chunks(self, files: Iterable[tuple[S3Object, bytes]]) -> Iterator[bytes]:
        """COPY text in chunks of about CHUNK_BYTES; raises CopyError once the errors exceed MAXERROR."""
        rows: list[str] = []
        origins: list[tuple[str, int, bytes]] = []
        size = 0
        rows_sent = 0
        converters = self._converters
        column_values = self._column_values
        for location, data in files:
            self.files += 1
            self.file_bytes += len(data)
            filename = location.url
            for record in self._records(data):
                if record.error is not None:
                    self.errors.reject(Origin(filename, record.line_number, record.raw), record.error, None)
                    continue
                try:
                    row = "\t".join(map(call, converters, column_values(record.value))) + "\n"
                except LoadError:
                    self._reject_row(Origin(filename, record.line_number, record.raw), record.value)
                    continue
                rows.append(row)
                origins.append((filename, record.line_number, record.raw))
                size += len(row)
                if size >= CHUNK_BYTES:
                    self._recent.append((rows_sent, origins))
                    rows_sent += len(rows)
                    yield self._sent(rows)
                    rows, origins, size = [], [], 0
            self.scanned.append(ScannedFile(filename, line_count(data)))
        if rows:
            self._recent.append((rows_sent, origins))
            yield self._sent(rows)

    def outcome(self, *, completed: bool, files_loaded: bool, loaded_rows: int) -> LoadOutcome:
        """How the load ended, for its history: what was read, what went into the table."""
        return LoadOutcome(
            completed=completed,
            files_loaded=files_loaded,
            loaded_rows=loaded_rows,
            loaded_bytes=self.bytes_sent if loaded_rows else 0,
            file_count=self.files,
            file_bytes=self.file_bytes,
            scanned=self.scanned,
            errors=self.errors.count,
        )

    def _sent(self, rows: list[str]) -> bytes:
        chunk = "".join(rows).encode()
        self.bytes_sent += len(chunk)
        return chunk

    def origin_of_row(self, row_number: int) -> Origin | None:
        """The origin of the n-th row sent (1-based), if its chunk is still remembered."""
        for first_row, origins in self._recent:
            if first_row < row_number <= first_row + len(origins):
                return Origin(*origins[row_number - first_row - 1])
        return None

    def _reject_row(self, origin: Origin, value: Any) -> None:
        """Find which column refused the record (the slow path, errors only) and log it."""
        try:
            values = self._column_values(value)
        except LoadError as error:
            self.errors.reject(origin, error, None)
            return
        for column, convert, field in zip(self.columns, self._converters, values, strict=True):
            try:
                convert(field)
            except LoadError as error:
                self.errors.reject(origin, error, column)
                return
