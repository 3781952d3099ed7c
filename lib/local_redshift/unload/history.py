"""What an UNLOAD leaves behind: PG_LAST_UNLOAD_ID and PG_LAST_UNLOAD_COUNT in the session, its SYS_UNLOAD_HISTORY
row and, for each data file it wrote, a row of STL_UNLOAD_LOG and SYS_UNLOAD_DETAIL (catalog_sql/31_unloads.sql).

The session's two values are set in its transaction, as COPY's are: when the UNLOAD begins to unload (after its
statement, credentials, bucket, query and destination were checked) the id becomes the UNLOAD's and the count 0,
and the count becomes the rows unloaded when it completes. A rolled-back transaction takes both back; an UNLOAD
refused before it began changes neither (PG_LAST_UNLOAD_ID.html, PG_LAST_UNLOAD_COUNT.html). The log rows are
written over the backend's own connection, so that an aborted UNLOAD shows too: the history row 'running' from the
beginning, with the files written so far, and as it ended; the file rows when it ends.

The pages show "Text" as the file format of a delimited unload; "CSV", "JSON" and "Parquet" are the local
Redshift's words for the others, and compression_type is the compression parameter's keyword, or NONE.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from local_redshift.copy.interfaces import Backend, ClusterContext
from local_redshift.copy.load_history import IN_TRANSACTION_BLOCK, utc_now
from local_redshift.unload.layout import DataFile
from local_redshift.unload.options import Format, UnloadOptions

FILE_FORMATS = {
    Format.TEXT: "Text",
    Format.FIXEDWIDTH: "Text",
    Format.CSV: "CSV",
    Format.JSON: "JSON",
    Format.PARQUET: "Parquet",
}


@dataclass(frozen=True)
class _WrittenFile:
    url: str
    slice: int
    rows: int
    size: int
    finished: datetime = field(default_factory=utc_now)


@dataclass
class UnloadHistory:
    """One UNLOAD that began to unload: who, where, since when, and the files it has written so far."""

    options: UnloadOptions
    cluster: ClusterContext
    user_id: int
    transaction_id: int | None
    started: datetime
    files: list[_WrittenFile] = field(default_factory=list)

    def wrote(self, url: str, file: DataFile) -> None:
        """A data file is in S3 (the manifest is not one)."""
        self.files.append(_WrittenFile(url, file.slice, file.row_count, len(file.body)))

    def write_running(self, backend: Backend) -> None:
        """Write the history row of the UNLOAD still unloading, with the files written so far."""
        rows = sum(file.rows for file in self.files)
        backend.log_load({"unload_history": [self._history("running", None, rows, None)]})

    def write(self, backend: Backend, *, unloaded_rows: int | None, error: str | None = None) -> None:
        """Write the history row (completed with its rows, else aborted with `error`) and a row per file written."""
        file_format = FILE_FORMATS[self.options.format]
        status = "aborted" if unloaded_rows is None else "completed"
        rows = {"unload_history": [self._history(status, utc_now(), unloaded_rows or 0, error)]}
        if self.files:
            rows["unload_files"] = [
                {
                    "query_id": self.cluster.query_id,
                    "user_id": self.user_id,
                    "transaction_id": self.transaction_id,
                    "session_id": self.cluster.session_id,
                    "slice": file.slice,
                    "path": file.url,
                    "start_time": self.started,
                    "end_time": file.finished,
                    "line_count": file.rows,
                    "transfer_size": file.size,
                    "file_format": file_format,
                }
                for file in self.files
            ]
        backend.log_load(rows)

    def _history(self, status: str, ended: datetime | None, unloaded_rows: int, error: str | None) -> dict:
        return {
            "query_id": self.cluster.query_id,
            "user_id": self.user_id,
            "transaction_id": self.transaction_id,
            "session_id": self.cluster.session_id,
            "database_name": self.cluster.database,
            "status": status,
            "start_time": self.started,
            "end_time": ended,
            "file_format": FILE_FORMATS[self.options.format],
            "compression_type": (self.options.compression or "none").upper(),
            "unloaded_location": self.options.destination,
            "unloaded_rows": unloaded_rows,
            "unloaded_files_count": len(self.files),
            "unloaded_files_size": sum(file.size for file in self.files),
            "error_message": error,
        }


def begin_unload(backend: Backend, options: UnloadOptions, cluster: ClusterContext) -> UnloadHistory:
    """The UNLOAD begins to unload: PG_LAST_UNLOAD_ID gives it and PG_LAST_UNLOAD_COUNT 0 from now on."""
    started = utc_now()
    [(_, _, transaction_id, user_id)] = backend.fetch(
        f"SELECT pg_catalog.set_config('redshift.last_unload_id', '{int(cluster.query_id)}', false),"
        " pg_catalog.set_config('redshift.last_unload_count', '0', false),"
        f" CASE WHEN {IN_TRANSACTION_BLOCK} THEN pg_catalog.txid_current() END,"
        " (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)"
    )
    return UnloadHistory(
        options, cluster, int(user_id or 0), None if transaction_id is None else int(transaction_id), started
    )


def complete_unload(backend: Backend, history: UnloadHistory, unloaded_rows: int) -> None:
    """The UNLOAD completed: PG_LAST_UNLOAD_COUNT gives its rows, and its history is written."""
    backend.fetch(f"SELECT pg_catalog.set_config('redshift.last_unload_count', '{int(unloaded_rows)}', false)")
    history.write(backend, unloaded_rows=unloaded_rows)
