"""STV_LOAD_STATE: the state of a COPY as it loads, one row per slice of the cluster (r_STV_LOAD_STATE.html).

The files are dealt to the slices in turn, in the order the load reads them. A slice's row counts its files, their
bytes as S3 lists them (those of compressed files in the *_compressed columns, bytes_to_load 0, and bytes_loaded
the bytes once decompressed, as the page says) and the lines of the files it has loaded, and names the file it
loads now. The rows are written when the load begins and "after every million records are loaded", on the
backend's own connection; they stay after the load, as the page's example reads them with PG_LAST_COPY_ID().
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from local_redshift.copy.interfaces import Backend, ClusterContext
from local_redshift.copy.load_history import report_running, utc_now

RECORDS_PER_UPDATE = 1_000_000
"""The rows are brought up to date after every million records loaded (the page)."""
DEFAULT_SLICES = 2
"""The slices of the tutorial's cluster (one ra3.large node), when the catalog does not model them."""


def slice_count(backend: Backend) -> int:
    """The cluster's slices as the catalog models them (redshift_system.slice_count), else DEFAULT_SLICES."""
    [(function,)] = backend.fetch("SELECT pg_catalog.to_regprocedure('redshift_system.slice_count()')::text")
    if function is None:
        return DEFAULT_SLICES
    [(count,)] = backend.fetch("SELECT redshift_system.slice_count()")
    return int(count)


@dataclass
class _Slice:
    files: list[tuple[str, int]] = field(default_factory=list)  # (url, size as listed)
    complete: int = 0
    bytes_loaded: int = 0  # decompressed
    lines: int = 0


class LoadState:
    """The slices' rows of one COPY."""

    def __init__(
        self, backend: Backend, cluster: ClusterContext, user_id: int, files: Sequence[tuple[str, int]], *,
        slices: int, compressed: bool,
    ) -> None:  # fmt: skip
        self._backend, self._cluster, self._user_id, self._compressed = backend, cluster, user_id, compressed
        self._slices = [_Slice() for _ in range(max(1, slices))]
        for index, file in enumerate(files):
            self._slices[index % len(self._slices)].files.append(file)
        self._next_update = RECORDS_PER_UPDATE

    def sent(self, records: int) -> None:
        """`records` records have been loaded so far: the rows are written again each time a million more have."""
        if records >= self._next_update:
            self._next_update = (records // RECORDS_PER_UPDATE + 1) * RECORDS_PER_UPDATE
            self.write()

    def loaded(self, index: int, data_bytes: int, lines: int) -> None:
        """The load has read the `index`-th file (0-based) to its end: `data_bytes` once decompressed."""
        part = self._slices[index % len(self._slices)]
        part.bytes_loaded += data_bytes
        part.lines += lines
        part.complete += 1

    def write(self) -> None:
        """Write every slice's row as it is now (a row replaces the one of its slice)."""
        now = utc_now()
        rows = [self._row(number, part, now) for number, part in enumerate(self._slices)]
        report_running(lambda: self._backend.log_load({"load_state": rows}), "COPY")

    def _row(self, number: int, part: _Slice, now: object) -> dict:
        listed = sum(size for _, size in part.files)
        done = sum(size for _, size in part.files[: part.complete])  # as listed
        return {
            "userid": self._user_id,
            "session": self._cluster.session_id,
            "query": self._cluster.query_id,
            "slice": number,
            "pid": self._cluster.session_id,
            "recordtime": now,
            "bytes_to_load": 0 if self._compressed else listed,
            "bytes_loaded": part.bytes_loaded if self._compressed else done,
            "bytes_to_load_compressed": listed if self._compressed else 0,
            "bytes_loaded_compressed": done if self._compressed else 0,
            "lines": part.lines,
            "num_files": len(part.files),
            "num_files_complete": part.complete,
            "current_file": part.files[part.complete][0] if part.complete < len(part.files) else "",
            "pct_complete": done * 100 // listed if listed else 0,
        }
