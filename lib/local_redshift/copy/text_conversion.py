"""Per-column converters for the fields of text formats: conversion.column_converter's, with Redshift's check
that a field holds valid UTF-8, whatever its column's type ("If a line in your load data contains a character that
is not valid for the column data type, COPY returns an error and logs a row in the STL_LOAD_ERRORS system log table
with error number 1220", Multibyte character load errors). ACCEPTINVCHARS has already replaced the bad bytes: the
column's own conversion judges what the replacement makes of the field."""

from __future__ import annotations

from collections.abc import Sequence

from local_redshift.copy.conversion import Converter, column_converter
from local_redshift.copy.errors import LoadError
from local_redshift.copy.json_records import invalid_utf8
from local_redshift.copy.options import CopyOptions
from local_redshift.copy.target import Column
from local_redshift.copy.text_records import INVALID_BYTE, encoded
from local_redshift.errors import LoadErrorCode

_VARYING_TYPES = {"varchar", "text"}


def text_converter(column: Column, options: CopyOptions) -> Converter:
    """The converter of one column for text fields (str, or None for NULL)."""
    converter = column_converter(column, options)

    def convert(value: str | None) -> str:  # the check costs nothing for ASCII fields
        if value is not None and not value.isascii() and INVALID_BYTE.search(value):
            raise _invalid_field(value)
        return converter(value)

    return convert


def fill_values(columns: Sequence[Column]) -> tuple[str | None, ...]:
    """What FILLRECORD puts in each column a record has no field for: "zero-length strings or NULLs, as appropriate
    for the data types" ('' for VARCHAR, which EMPTYASNULL makes NULL; NULL for the rest, CHAR included)."""
    return tuple("" if column.type_name in _VARYING_TYPES else None for column in columns)


def _invalid_field(value: str) -> LoadError:
    """1220 for the first invalid byte sequence of a field; its raw value shows each invalid byte as a period."""
    raw_value = INVALID_BYTE.sub(".", value)
    try:
        encoded(value).decode("utf-8")
    except UnicodeDecodeError as error:
        found = invalid_utf8(error)
        return LoadError(found.code, found.reason, raw_value=raw_value)
    return LoadError(
        LoadErrorCode.INVALID_UTF8, "String contains invalid or unsupported UTF-8 codepoints", raw_value=raw_value
    )
