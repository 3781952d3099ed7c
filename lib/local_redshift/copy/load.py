"""COPY from S3 (JSON, delimited text, CSV, fixed-width) into a table of the embedded PostgreSQL: the entry point
the endpoint calls.

The load streams: files are fetched a few ahead and handed, a bounded number of batches ahead, to worker
processes (copy.workers) that split them into records, map them to the target columns and convert them
(copy.rows); their COPY text comes back in file order and is written in chunks through the client's own
session (`COPY ... FROM STDIN`), never row by row. Bad records go to stl_load_errors, counted here in file
order; once there are more than MAXERROR the chunk stream raises, PostgreSQL cancels the COPY and the table
is as before. Other sessions can watch it run: its SYS_LOAD_HISTORY row (copy.load_history) and its STV_LOAD_STATE
rows (copy.load_state) are written as it begins and brought up to date as it reads its files.
"""

from __future__ import annotations

import logging
import re
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import replace
from itertools import islice

from local_redshift.copy.authorization import authorize
from local_redshift.copy.errors import CopyError, LoadError, aws_error
from local_redshift.copy.interfaces import AwsClients, Backend, ClusterContext
from local_redshift.copy.jsonpaths import Path, parse_jsonpaths_file
from local_redshift.copy.load_errors import LoadErrorLog, Origin
from local_redshift.copy.load_history import (
    FILE_FORMAT,
    TEXT_FILE_FORMATS,
    LoadHistory,
    LoadOutcome,
    RunningReports,
    ScannedFile,
    begin_load,
    utc_now,
)
from local_redshift.copy.load_state import LoadState, slice_count
from local_redshift.copy.options import CopyOptions, IamRole
from local_redshift.copy.rows import CHUNK_BYTES, FileRows, Rejected, RowPlan, Rows, convert_files, records
from local_redshift.copy.source import S3Object, S3Source
from local_redshift.copy.supers import check_noshred
from local_redshift.copy.target import Column, TargetTable, describe_table, load_columns, quote_identifier
from local_redshift.copy.transcoding import in_utf8
from local_redshift.copy.workers import submit, worker_count
from local_redshift.errors import (
    DATA_EXCEPTION_CLASS,
    INTEGRITY_CONSTRAINT_VIOLATION_CLASS,
    BackendError,
    LoadErrorCode,
    SqlState,
)

log = logging.getLogger(__name__)

REMEMBERED_BYTES = 64 * CHUNK_BYTES
"""How much of the COPY text sent last keeps its rows' origins, to name the record PostgreSQL refuses."""
BATCHES_PER_WORKER = 2
"""Batches of files handed to the workers ahead of the one being sent, per worker."""
BATCH_BYTES = 1024 * 1024
BATCH_FILES = 256
"""Consecutive small files go to a worker together, up to about BATCH_BYTES or BATCH_FILES files."""

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
    if options.json.noshred and options.text is None and not options.parquet:
        check_noshred(columns)
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
    # The workers need no credentials: the plan they get has none.
    plan = RowPlan(
        replace(options, authorization=IamRole(None)), columns, _jsonpaths(options, columns, source, cluster)
    )
    files = list(source.data_files(options.source_url, manifest=options.manifest))
    history = LoadHistory(
        table, cluster, options.source_url, started, begin_load(backend, cluster.query_id), _file_format(options)
    )
    errors = LoadErrorLog(backend, table, cluster, started, options.max_errors)
    listed = [(file.url, source.sizes.get(file, 0)) for file in files]
    state = LoadState(backend, cluster, table.user_id, listed, slices=slice_count(backend),
                      compressed=options.compression is not None)  # fmt: skip
    reports = RunningReports(lambda: history.write_running(backend, stream.running_outcome()), "COPY")
    stream = _RowStream(plan, errors, state, reports)
    reports.now()
    state.write()
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


def _jsonpaths(
    options: CopyOptions, columns: Sequence[Column], source: S3Source, cluster: ClusterContext
) -> tuple[Path, ...] | None:
    """The paths of the JSONPaths file (read now, before any data); None when fields map by name or position."""
    url = options.json.jsonpaths_url
    if options.text is not None or options.parquet or url is None:
        return None
    paths = parse_jsonpaths_file(source.read(S3Object.parse(url), context=f"JSONPaths file: {url}"), url)
    if paths is None:
        log.info('JSONPaths file %s has no "jsonpaths" key: mapping fields by name', url)
        return None
    if len(paths) != len(columns):
        message = (
            "Number of jsonpaths and the number of columns should match. "
            f"JSONPath size: {len(paths)}, Number of columns in table or column list: {len(columns)}"
        )
        raise aws_error(message, context=url, query_id=cluster.query_id)
    return tuple(paths)


def _file_format(options: CopyOptions) -> str:
    """The data format as SYS_LOAD_HISTORY names it."""
    return FILE_FORMAT if options.text is None else TEXT_FILE_FORMATS[options.text.kind]


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


def _converted(plan: RowPlan, files: Iterable[tuple[S3Object, bytes]]) -> Iterator[tuple[S3Object, bytes, FileRows]]:
    """Each file with its rows, in order, converted by the workers a bounded number of batches ahead."""
    in_flight: deque[tuple[list[tuple[S3Object, bytes]] | Exception, Future[list[FileRows]] | None]] = deque()
    ahead = BATCHES_PER_WORKER * worker_count()
    try:
        for batch in _batches(files):
            future = None if isinstance(batch, Exception) else submit(convert_files, plan, [data for _, data in batch])
            in_flight.append((batch, future))
            if len(in_flight) > ahead:
                yield from _with_rows(*in_flight.popleft())
        while in_flight:
            yield from _with_rows(*in_flight.popleft())
    finally:
        for _, future in in_flight:
            if future is not None:
                future.cancel()


def _with_rows(
    batch: list[tuple[S3Object, bytes]] | Exception, future: Future[list[FileRows]] | None
) -> Iterator[tuple[S3Object, bytes, FileRows]]:
    if isinstance(batch, Exception):
        raise batch
    for (location, data), rows in zip(batch, future.result(), strict=True):  # type: ignore[union-attr]
        yield location, data, rows


def _batches(files: Iterable[tuple[S3Object, bytes]]) -> Iterator[list[tuple[S3Object, bytes]] | Exception]:
    """Consecutive files in batches of about BATCH_BYTES (a large file is a batch of its own). A file that could
    not be read (S3, decompression, ENCODING) ends the batches with its error, to be raised in its turn, after the
    records of the files before it."""
    batch: list[tuple[S3Object, bytes]] = []
    size = 0
    try:
        for location, data in files:
            batch.append((location, data))
            size += len(data)
            if size >= BATCH_BYTES or len(batch) >= BATCH_FILES:
                yield batch
                batch, size = [], 0
    except Exception as error:
        if batch:
            yield batch
        yield error
        return
    if batch:
        yield batch


class _RowStream:
    """The workers' rows -> chunks of COPY text, counting bad records in file order and remembering the origins of
    the rows sent last."""

    def __init__(self, plan: RowPlan, errors: LoadErrorLog, state: LoadState, reports: RunningReports) -> None:
        """`state` and `reports` hear of each file read; `state` of the records sent too."""
        self.plan = plan
        self.columns = plan.columns
        self.errors = errors
        self._state = state
        self._reports = reports
        self._recent: deque[tuple[int, str, bytes, Rows]] = deque()
        self._remembered = 0
        self.rows_sent = 0
        self.scanned: list[ScannedFile] = []
        self.files = 0
        self.file_bytes = 0
        self.bytes_sent = 0

    def chunks(self, files: Iterable[tuple[S3Object, bytes]]) -> Iterator[bytes]:
        """COPY text in chunks of about CHUNK_BYTES; raises CopyError once the errors exceed MAXERROR."""
        pending: list[bytes] = []
        size = 0
        converted = _converted(self.plan, files)
        try:
            for location, data, file_rows in converted:
                self.files += 1
                self.file_bytes += len(data)
                filename = location.url
                for part in file_rows.parts:
                    if part.__class__ is Rejected:
                        self._reject(filename, part)  # type: ignore[arg-type]
                        continue
                    self._remember(filename, data, part)  # type: ignore[arg-type]
                    self._state.sent(self.rows_sent)
                    pending.append(part.text)  # type: ignore[union-attr]
                    size += len(part.text)  # type: ignore[union-attr]
                    if size >= CHUNK_BYTES:
                        yield self._sent(pending)
                        pending, size = [], 0
                if file_rows.failure is not None:
                    raise file_rows.failure
                self.scanned.append(ScannedFile(filename, file_rows.lines))
                self._state.loaded(self.files - 1, len(data), file_rows.lines)
                self._reports.after_file()
            if pending:
                yield self._sent(pending)
        finally:
            converted.close()

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

    def running_outcome(self) -> LoadOutcome:
        """The load so far, for its running history row (rows sent so far count as loaded, but with NOLOAD)."""
        loaded = 0 if self.plan.options.no_load else self.rows_sent
        return self.outcome(completed=False, files_loaded=False, loaded_rows=loaded)

    def origin_of_row(self, row_number: int) -> Origin | None:
        """The origin of the n-th row sent (1-based), if it is among the rows remembered."""
        for first_row, filename, data, rows in self._recent:
            if first_row < row_number <= first_row + len(rows.ordinals):
                ordinal = rows.ordinals[row_number - first_row - 1]
                record = next(islice(records(self.plan, data), ordinal, None))
                return Origin(filename, record.line_number, record.raw)
        return None

    def _sent(self, pending: list[bytes]) -> bytes:
        chunk = b"".join(pending)
        self.bytes_sent += len(chunk)
        return chunk

    def _remember(self, filename: str, data: bytes, rows: Rows) -> None:
        self._recent.append((self.rows_sent, filename, data, rows))
        self.rows_sent += len(rows.ordinals)
        self._remembered += len(rows.text)
        while self._remembered > REMEMBERED_BYTES and len(self._recent) > 1:
            self._remembered -= len(self._recent.popleft()[3].text)

    def _reject(self, filename: str, rejected: Rejected) -> None:
        column = self.columns[rejected.column] if rejected.column >= 0 else None
        self.errors.reject(Origin(filename, rejected.line_number, rejected.raw), rejected.load_error(), column)
