"""The text formats UNLOAD writes, one line per row: delimited text, CSV, fixed-width and JSON.

Values come from PostgreSQL as text (None for NULL), which is how UNLOAD turns every type into text; each
format then lays them out as the UNLOAD page's parameters say. A SUPER value's text is its JSON serialization,
written as it is; a NULL SUPER is `null` whatever NULL AS says ("Amazon Redshift exports the SUPER data columns
using the JSON format and represents it as null as determined by the JSON format. As a result, SUPER data columns
ignore the NULL [AS] option", "Unloading semistructured data", https://docs.aws.amazon.com/redshift/latest/dg/
unload-super.html), and ESCAPE escapes SUPER fields as it does CHAR and VARCHAR ones ("when the chosen delimiter
might also appear in a SUPER field, use the ESCAPE option during COPY and UNLOAD", copy_json.html).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import orjson

from local_redshift.unload.columns import ResultColumn
from local_redshift.unload.errors import UnloadError
from local_redshift.unload.options import Format, UnloadOptions

Line = Callable[[Sequence[str | None]], str]
"""A row's values -> its line, newline included."""

_NUMBER_TYPES = frozenset({"int2", "int4", "int8", "float4", "float8", "numeric"})
_JSON_TYPES = frozenset({"json", "jsonb", "super"})
_SUPER_NULL = "null"
_NOT_A_JSON_NUMBER = frozenset({"NaN", "Infinity", "-Infinity"})


def line_writer(options: UnloadOptions, columns: Sequence[ResultColumn]) -> tuple[Line, str | None]:
    """How each row is written, and the header line (None without HEADER)."""
    if options.format is Format.JSON:
        return _json_line(columns), None
    if options.format is Format.FIXEDWIDTH:
        return _fixed_width_line(options, columns), None
    field = _csv_field(options) if options.format is Format.CSV else _text_field(options)
    delimiter = options.delimiter or ("," if options.format is Format.CSV else "|")
    null = options.null_as if options.null_as is not None else ""
    nulls = [_SUPER_NULL if column.is_super else null for column in columns]
    character = [column.is_character or column.is_super for column in columns]

    def line(values: Sequence[str | None]) -> str:
        return (
            delimiter.join(
                null_field if value is None else field(value, is_character)
                for value, is_character, null_field in zip(values, character, nulls, strict=True)
            )
            + "\n"
        )

    header = None
    if options.header:  # the text options apply to the header line too (the HEADER parameter)
        header = delimiter.join(field(column.name, True) for column in columns) + "\n"
    return line, header


def _text_field(options: UnloadOptions) -> Callable[[str, bool], str]:
    """Delimited text: ESCAPE puts a backslash before linefeed, carriage return, the delimiter, the backslash and
    (with ADDQUOTES) the double quotation mark in CHAR and VARCHAR values; ADDQUOTES encloses every field."""
    delimiter = options.delimiter or "|"
    specials = "\n\r\\" + delimiter + ('"' if options.add_quotes else "")
    escaped = re.compile("[" + re.escape(specials) + "]") if options.escape else None
    quote = '"' if options.add_quotes else ""

    def field(value: str, is_character: bool) -> str:
        if escaped is not None and is_character:
            value = escaped.sub(lambda special: "\\" + special.group(), value)
        return f"{quote}{value}{quote}"

    return field


def _csv_field(options: UnloadOptions) -> Callable[[str, bool], str]:
    """CSV: a field holding the delimiter, a double quotation mark, a newline or a carriage return is enclosed in
    double quotation marks, each double quotation mark in it doubled (the FORMAT AS CSV parameter); ADDQUOTES
    encloses every field."""
    needs_quotes = re.compile("[" + re.escape('"\n\r' + (options.delimiter or ",")) + "]")
    always = options.add_quotes

    def field(value: str, _: bool) -> str:
        if always or needs_quotes.search(value):
            return '"' + value.replace('"', '""') + '"'
        return value

    return field


def _fixed_width_line(options: UnloadOptions, columns: Sequence[ResultColumn]) -> Line:
    """Each value left-aligned in its column's width; NULL as blanks, or the NULL AS string if it fits (else an
    empty field for non-character columns and an error for character columns: the NULL AS parameter)."""
    widths = [width for _, width in options.fixed_widths]
    if len(widths) != len(columns):
        raise UnloadError(f"FIXEDWIDTH gives {len(widths)} column widths for a query of {len(columns)} columns")
    nulls = []
    for column, width in zip(columns, widths, strict=True):
        null = _SUPER_NULL if column.is_super else options.null_as if options.null_as is not None else ""
        if len(null) > width:
            if column.is_character:
                raise UnloadError(f"NULL AS '{null}' is wider than the FIXEDWIDTH width {width} of {column.name}")
            null = ""
        nulls.append(null.ljust(width))

    def line(values: Sequence[str | None]) -> str:
        fields = []
        for value, width, null, column in zip(values, widths, nulls, columns, strict=True):
            if value is None:
                fields.append(null)
            elif len(value) > width:  # FIXEDWIDTH doesn't truncate data
                raise UnloadError(f"Value of {column.name} is wider than its FIXEDWIDTH width {width}: '{value}'")
            else:
                fields.append(value.ljust(width))
        return "".join(fields) + "\n"

    return line


def _json_line(columns: Sequence[ResultColumn]) -> Line:
    """One JSON object per row: numbers as numbers, booleans as t or f, NULL as null (the FORMAT AS JSON
    parameter); json columns nested as they are, everything else a string."""
    names = [column.name for column in columns]
    if len(set(names)) != len(names):
        raise UnloadError("UNLOAD to JSON needs a unique name for each column of the query")
    keys = [orjson.dumps(name).decode() for name in names]
    kinds = [column.type_name for column in columns]

    def encode(value: str | None, kind: str) -> str:
        if value is None:
            return "null"
        if (kind in _NUMBER_TYPES and value not in _NOT_A_JSON_NUMBER) or kind in _JSON_TYPES:
            return value
        return orjson.dumps(value).decode()

    def line(values: Sequence[str | None]) -> str:
        members = ",".join(f"{key}:{encode(value, kind)}" for key, value, kind in zip(keys, values, kinds, strict=True))
        return "{" + members + "}\n"

    return line
