"""Redshift's UNLOAD grammar: `parse_unload(text)` reads an UNLOAD statement, once, into UnloadOptions.

    UNLOAD ('select-statement') TO 's3://object-path/name-prefix' authorization [ option [ ... ] ]

The tokens are the COPY grammar's (sqlglot's Redshift tokenizer: strings unquoted, their doubled quotes and
backslash escapes read); the authorization is COPY's, read by COPY's own rules. The options may come in any
order; each option's handler in _OPTIONS reads what follows its keyword. What the UNLOAD page says cannot be
combined is refused once all are read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from local_redshift.copy.grammar import _Kind, _Reader, _Token, _tokens, _unexpected
from local_redshift.copy.parameters import Parameter, _authorization, _credential
from local_redshift.unload.errors import conflict, syntax_error, unsupported
from local_redshift.unload.options import DEFAULT_MAX_FILE_SIZE, MEGABYTE, Format, UnloadOptions

_UNLOAD = re.compile(r"\s*unload\b", re.IGNORECASE)
_UNITS = {"MB": MEGABYTE, "GB": 1024 * MEGABYTE}
_MIN_FILE_SIZE = 5 * MEGABYTE
_ROW_GROUP_SIZES = (32 * MEGABYTE, 128 * MEGABYTE)
_SWITCH = {"ON": True, "TRUE": True, "OFF": False, "FALSE": False}
_PARQUET_EXCLUDES = ("DELIMITER", "FIXEDWIDTH", "ADDQUOTES", "ESCAPE", "NULL AS", "HEADER", "GZIP", "BZIP2", "ZSTD")
_JSON_EXCLUDES = ("DELIMITER", "HEADER", "FIXEDWIDTH", "ADDQUOTES", "ESCAPE", "NULL AS")
_COMPRESSIONS = {"GZIP": "gzip", "BZIP2": "bzip2", "ZSTD": "zstd"}
_FORMATS = {"CSV": Format.CSV, "PARQUET": Format.PARQUET, "JSON": Format.JSON}


@dataclass
class _Settings:
    """What the options read so far have set."""

    options: dict[str, object] = field(default_factory=dict)  # UnloadOptions fields by name
    credentials: dict[str, str] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)  # the options as named on the UNLOAD page, in order

    def note(self, name: str) -> None:
        if name in self.written:
            raise syntax_error(f"conflicting or redundant options: {name} is given twice")
        self.written.append(name)


def parse_unload(text: str) -> UnloadOptions:
    """Read and validate an `UNLOAD ('select ...') TO 's3://...'` statement (with or without the semicolon).

    Raises UnloadError (or COPY's CopyError for the authorization) with Redshift's SQLSTATE and words.
    """
    keyword = _UNLOAD.match(text)
    if keyword is None:
        raise syntax_error("UNLOAD statement expected")
    reader = _Reader(_tokens(text[keyword.end() :]))
    query = _query(reader)
    destination = _destination(reader)
    settings = _Settings()
    while (token := reader.take()) is not None:
        name = token.keyword or token.text.upper()
        handler = _OPTIONS.get(name)
        if handler is None:
            raise _unexpected(token)
        handler(reader, settings, name)
    _check(settings)
    options = UnloadOptions(
        query=query,
        destination=destination,
        authorization=_authorization(settings.credentials),
        **settings.options,  # type: ignore[arg-type]
    )
    if options.partition_by and not destination.endswith("/"):
        options = replace(options, destination=destination + "/")  # the page: a slash is added if needed
    return options


def _query(reader: _Reader) -> str:
    opening = reader.take()
    if opening is None or not opening.is_symbol("("):
        raise _unexpected(opening)
    query = reader.take()
    if query is None or query.kind is not _Kind.STRING:
        raise syntax_error("UNLOAD needs its query as a quoted string: UNLOAD ('select ...')")
    closing = reader.take()
    if closing is None or not closing.is_symbol(")"):
        raise _unexpected(closing)
    return query.text


def _destination(reader: _Reader) -> str:
    to, target = reader.take(), reader.take()
    if to is None or to.keyword != "TO":
        raise _unexpected(to)
    if target is None or target.kind is not _Kind.STRING:
        raise _unexpected(target)
    bucket = target.text.removeprefix("s3://").partition("/")[0]
    if not target.text.startswith("s3://") or not bucket:
        raise syntax_error(f"Invalid S3 URL '{target.text}': UNLOAD writes to s3://bucket/name-prefix")
    return target.text


def _argument(reader: _Reader, name: str) -> _Token:
    """The argument after `name` (after an optional AS): a quoted string, a number or a bare word."""
    reader.take_as()
    token = reader.take()
    if token is None:
        raise syntax_error(f"syntax error at end of input: {name} needs an argument")
    if token.kind not in (_Kind.STRING, _Kind.NUMBER, _Kind.WORD) or token.keyword in _OPTIONS:
        raise _unexpected(token)
    return token


def _next_is(reader: _Reader, *words: str) -> str | None:
    """Take the next token if it is one of `words`; the word taken."""
    token = reader.peek()
    if token is not None and token.keyword in words:
        reader.take()
        return token.keyword
    return None


Handler = Callable[[_Reader, _Settings, str], None]


def _flag(field_name: str) -> Handler:
    def handle(_: _Reader, settings: _Settings, name: str) -> None:
        settings.note(name)
        settings.options[field_name] = True

    return handle


def _format(reader: _Reader, settings: _Settings, name: str) -> None:
    if name == "FORMAT":
        reader.take_as()
        token = reader.take()
        if token is None or token.keyword not in _FORMATS:
            raise _unexpected(token)
        name = token.keyword
    _set_format(settings, name, _FORMATS[name])


def _set_format(settings: _Settings, name: str, data_format: Format) -> None:
    given = settings.options.get("format")
    if given is not None:
        raise conflict(given.value if isinstance(given, Format) else str(given), name)
    settings.note(name)
    settings.options["format"] = data_format


def _fixedwidth(reader: _Reader, settings: _Settings, name: str) -> None:
    spec = _argument(reader, name).text
    _set_format(settings, name, Format.FIXEDWIDTH)
    widths = []
    for item in filter(None, (part.strip() for part in spec.split(","))):
        label, _, width = item.rpartition(":")
        if not label or not width.isdigit() or int(width) < 1:
            raise syntax_error(f"Invalid FIXEDWIDTH spec '{spec}': expected 'colID1:colWidth1,colID2:colWidth2,...'")
        widths.append((label.strip(), int(width)))
    if not widths:
        raise syntax_error(f"Invalid FIXEDWIDTH spec '{spec}': expected 'colID1:colWidth1,colID2:colWidth2,...'")
    settings.options["fixed_widths"] = tuple(widths)


def _delimiter(reader: _Reader, settings: _Settings, name: str) -> None:
    delimiter = _argument(reader, name).text
    settings.note(name)
    if len(delimiter) != 1 or not delimiter.isascii() or delimiter in "\n\r\0":
        raise syntax_error(f"DELIMITER must be a single ASCII character, not '{delimiter}'")
    settings.options["delimiter"] = delimiter


def _null_as(reader: _Reader, settings: _Settings, _: str) -> None:
    settings.note("NULL AS")
    settings.options["null_as"] = _argument(reader, "NULL AS").text


def _string(field_name: str) -> Handler:
    def handle(reader: _Reader, settings: _Settings, name: str) -> None:
        token = _argument(reader, name)
        settings.note(name)
        if token.kind is not _Kind.STRING:
            raise _unexpected(token)
        settings.options[field_name] = token.text

    return handle


def _manifest(reader: _Reader, settings: _Settings, name: str) -> None:
    settings.note(name)
    settings.options["manifest"] = True
    settings.options["manifest_verbose"] = _next_is(reader, "VERBOSE") is not None


def _compression(_: _Reader, settings: _Settings, name: str) -> None:
    given = settings.options.get("compression")
    if given is not None:
        raise conflict(str(given).upper(), name)
    settings.note(name)
    settings.options["compression"] = _COMPRESSIONS[name]


def _parallel(reader: _Reader, settings: _Settings, name: str) -> None:
    settings.note(name)
    switch = _next_is(reader, *_SWITCH)
    settings.options["parallel"] = True if switch is None else _SWITCH[switch]


def _size(reader: _Reader, name: str) -> int:
    """`size [MB | GB]` in bytes (MB when no unit is written)."""
    token = _argument(reader, name)
    try:
        number = Decimal(token.text)
    except InvalidOperation:
        raise _unexpected(token) from None
    unit = _next_is(reader, *_UNITS) or "MB"
    return int(number * _UNITS[unit])


def _max_file_size(reader: _Reader, settings: _Settings, name: str) -> None:
    settings.note(name)
    size = _size(reader, name)
    if not _MIN_FILE_SIZE <= size <= DEFAULT_MAX_FILE_SIZE:
        raise syntax_error("MAXFILESIZE must be between 5 MB and 6.2 GB")
    settings.options["max_file_size"] = size


def _row_group_size(reader: _Reader, settings: _Settings, name: str) -> None:
    """Accepted with PARQUET and otherwise ignored: pyarrow chooses the row groups of the local Redshift."""
    settings.note(name)
    if not _ROW_GROUP_SIZES[0] <= _size(reader, name) <= _ROW_GROUP_SIZES[1]:
        raise syntax_error("ROWGROUPSIZE must be between 32 MB and 128 MB")


def _partition_by(reader: _Reader, settings: _Settings, name: str) -> None:
    if name == "PARTITION" and _next_is(reader, "BY") is None:
        raise _unexpected(reader.peek())
    settings.note("PARTITION BY")
    opening = reader.take()
    if opening is None or not opening.is_symbol("("):
        raise _unexpected(opening)
    columns = []
    while True:
        token = reader.take()
        if token is None or token.kind not in (_Kind.WORD, _Kind.NAME):
            if token is not None and token.kind is _Kind.STRING:
                raise syntax_error("Amazon Redshift doesn't support string literals in PARTITION BY clauses")
            raise _unexpected(token)
        columns.append(token.text.lower() if token.kind is _Kind.WORD else token.text)
        separator = reader.take()
        if separator is not None and separator.is_symbol(")"):
            break
        if separator is None or not separator.is_symbol(","):
            raise _unexpected(separator)
    settings.options["partition_by"] = tuple(columns)
    settings.options["partition_include"] = _next_is(reader, "INCLUDE") is not None


def _encrypted(reader: _Reader, settings: _Settings, name: str) -> None:
    """ENCRYPTED AUTO: the bucket's default key, else SSE-S3, as every UNLOAD; client-side keys are refused."""
    settings.note(name)
    if _next_is(reader, "AUTO") is None:
        raise unsupported("client-side encryption (ENCRYPTED without AUTO)")


def _refused(what: str) -> Handler:
    def handle(_: _Reader, __: _Settings, ___: str) -> None:
        raise unsupported(what)

    return handle


def _authorizing(reader: _Reader, settings: _Settings, name: str) -> None:
    if name == "WITH":  # [WITH] CREDENTIALS
        token = reader.peek()
        if token is None or token.keyword != "CREDENTIALS":
            raise _unexpected(token)
        return
    token = _argument(reader, name)
    _credential(settings, Parameter(name, token.text))  # type: ignore[arg-type]


_OPTIONS: dict[str, Handler] = {
    "IAM_ROLE": _authorizing,
    "CREDENTIALS": _authorizing,
    "WITH": _authorizing,
    "ACCESS_KEY_ID": _authorizing,
    "SECRET_ACCESS_KEY": _authorizing,
    "SESSION_TOKEN": _authorizing,
    "FORMAT": _format,
    "CSV": _format,
    "PARQUET": _format,
    "JSON": _format,
    "FIXEDWIDTH": _fixedwidth,
    "PARTITION BY": _partition_by,
    "PARTITION": _partition_by,
    "MANIFEST": _manifest,
    "HEADER": _flag("header"),
    "DELIMITER": _delimiter,
    "ENCRYPTED": _encrypted,
    "KMS_KEY_ID": _refused("KMS_KEY_ID"),
    "MASTER_SYMMETRIC_KEY": _refused("client-side encryption (MASTER_SYMMETRIC_KEY)"),
    "BZIP2": _compression,
    "GZIP": _compression,
    "ZSTD": _compression,
    "ADDQUOTES": _flag("add_quotes"),
    "NULL": _null_as,
    "ESCAPE": _flag("escape"),
    "ALLOWOVERWRITE": _flag("allow_overwrite"),
    "CLEANPATH": _flag("clean_path"),
    "PARALLEL": _parallel,
    "MAXFILESIZE": _max_file_size,
    "ROWGROUPSIZE": _row_group_size,
    "REGION": _string("region"),
    "EXTENSION": _string("extension"),
}
"""Every keyword an UNLOAD option may start with, and the handler that reads the option."""


def _check(settings: _Settings) -> None:
    """What the UNLOAD page says cannot be combined."""
    written = settings.written
    data_format = settings.options.get("format", Format.TEXT)
    excluded = {
        Format.PARQUET: _PARQUET_EXCLUDES,
        Format.JSON: _JSON_EXCLUDES,
        Format.FIXEDWIDTH: ("DELIMITER", "HEADER"),
    }
    for name in excluded.get(data_format, ()):  # type: ignore[call-overload]
        if name in written:
            raise conflict(name, data_format.value)  # type: ignore[union-attr]
    if "CLEANPATH" in written and "ALLOWOVERWRITE" in written:
        raise conflict("CLEANPATH", "ALLOWOVERWRITE")
    if "ROWGROUPSIZE" in written and data_format is not Format.PARQUET:
        raise syntax_error("ROWGROUPSIZE can be used only with PARQUET")
