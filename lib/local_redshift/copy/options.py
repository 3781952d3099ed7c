"""What a `COPY ... FROM 's3://...'` statement asks for, typed: grammar.parse_copy reads the statement into these."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IamRole:
    """Role-based access: the cluster assumes `arn` (None: the cluster's default role)."""

    arn: str | None


@dataclass(frozen=True)
class AccessKeys:
    """Key-based access: the user's own access key (and session token for temporary keys)."""

    access_key_id: str
    secret_access_key: str
    session_token: str | None = None


Authorization = IamRole | AccessKeys


@dataclass(frozen=True)
class JsonMapping:
    """How JSON fields map to columns: by name ('auto', optionally ignoring case), by a JSONPaths file, or not at all
    ('noshred': each document is the value of the one SUPER column, copy.supers)."""

    ignore_case: bool = False
    jsonpaths_url: str | None = None
    noshred: bool = False


@dataclass(frozen=True)
class TextFormat:
    """How a text data file splits into records and fields: delimited text, CSV or fixed-width."""

    kind: str  # DELIMITED, CSV or FIXEDWIDTH
    delimiter: str = "|"
    quote: str = '"'
    null_as: str = "\\N"
    escape: bool = False
    remove_quotes: bool = False
    fill_record: bool = False
    ignore_blank_lines: bool = False
    widths: tuple[int, ...] = ()  # FIXEDWIDTH: the width of each column, in characters


DELIMITED, CSV, FIXEDWIDTH = "delimited", "csv", "fixedwidth"


@dataclass(frozen=True)
class CopyOptions:
    """Everything the statement asks for, validated."""

    schema: str | None
    table: str
    columns: tuple[str, ...] | None
    source_url: str
    authorization: Authorization
    json: JsonMapping
    text: TextFormat | None = None  # None: the data is JSON
    parquet: bool = False  # FORMAT AS PARQUET: columns by position (copy/parquet.py); text is None then
    serialize_to_json: bool = False  # SERIALIZETOJSON: any Parquet column loads into a SUPER column as JSON
    encoding: str = "utf8"  # the data files' encoding: utf8, utf16, utf16le or utf16be
    region: str | None = None
    manifest: bool = False
    compression: str | None = None
    timeformat: str | None = None
    dateformat: str | None = None
    empty_as_null: bool = False
    blanks_as_null: bool = False
    truncate_columns: bool = False
    trim_blanks: bool = False
    round_decimals: bool = False
    explicit_ids: bool = False
    accept_any_date: bool = False
    accept_invalid_chars: str | None = None
    max_errors: int = 0
    ignore_header: int = 0
    no_load: bool = False
