"""What an `UNLOAD ('select ...') TO 's3://...'` statement asks for, typed: grammar.parse_unload reads it into these."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from local_redshift.copy.options import Authorization

MEGABYTE = 1024 * 1024
DEFAULT_MAX_FILE_SIZE = int(6.2 * 1024) * MEGABYTE
"""6.2 GB, the largest data file UNLOAD writes (and its default)."""


class Format(enum.Enum):
    """The data format of the unloaded files."""

    TEXT = "text"  # delimited text, the default
    CSV = "CSV"
    FIXEDWIDTH = "FIXEDWIDTH"
    JSON = "JSON"
    PARQUET = "PARQUET"


@dataclass(frozen=True)
class UnloadOptions:
    """Everything the statement asks for, validated."""

    query: str  # the SELECT, its doubled quotes undone
    destination: str  # s3://bucket/name-prefix
    authorization: Authorization
    format: Format = Format.TEXT
    delimiter: str | None = None  # None: '|' for text, ',' for CSV
    fixed_widths: tuple[tuple[str, int], ...] = ()  # FIXEDWIDTH 'column:width,...'
    add_quotes: bool = False
    escape: bool = False
    null_as: str | None = None
    header: bool = False
    compression: str | None = None  # "gzip", "bzip2" or "zstd"
    extension: str | None = None
    parallel: bool = True
    max_file_size: int = DEFAULT_MAX_FILE_SIZE  # bytes
    manifest: bool = False
    manifest_verbose: bool = False
    allow_overwrite: bool = False
    clean_path: bool = False
    partition_by: tuple[str, ...] = ()
    partition_include: bool = False
    region: str | None = None
    case_sensitive: bool = False  # the session's enable_case_sensitive_identifier, which the query is translated with
