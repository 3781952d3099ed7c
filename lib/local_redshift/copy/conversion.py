"""Per-column converters: from a JSON value to one field of PostgreSQL's COPY text format.

Each target column gets one function, chosen once from its type and the COPY options, so loading a
row does no type dispatch beyond the JSON value's own class. A converter returns the field already
escaped for COPY text format (backslash, tab, newline and carriage return) or NULL (`\\N`), and raises
LoadError with Redshift's error code and reason for a value the column cannot take.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

import orjson

from local_redshift.copy.datetimes import date_converter, timestamp_converter
from local_redshift.copy.errors import LoadError
from local_redshift.copy.hllsketches import sketch_field
from local_redshift.copy.intervals import interval_converter
from local_redshift.copy.options import CopyOptions
from local_redshift.copy.supers import SUPER, parse_field, serialized
from local_redshift.copy.target import Column
from local_redshift.copy.times import time_converter
from local_redshift.errors import LoadErrorCode, UnsupportedFeature

NULL = "\\N"


Converter = Callable[[Any], str]

_ESCAPED = re.compile(r"[\\\t\n\r]")
_SPECIAL = re.compile(r"[\\\t\n\r\0]")
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_DIGITS = "0123456789"
_NUMBER_CHARACTERS = "0123456789.eE+-"
_FLOAT_WORDS = {"nan", "infinity", "+infinity", "-infinity", "inf", "+inf", "-inf"}
_TRUE_WORDS = {"t", "true", "y", "yes", "1"}
_FALSE_WORDS = {"f", "false", "n", "no", "0"}
_INTEGER_TYPES = {"int2": ("Short", 16), "int4": ("Integer", 32), "int8": ("Long", 64)}
_FLOAT4_LIMIT = 3.4028235e38
_FLOAT4_TINIEST = 1.401298464324817e-45 / 2
_FLOAT8_TINIEST = 5e-324
"""Below half the least subnormal a REAL holds, and below the least a DOUBLE PRECISION holds, a number reads as 0."""
_NONZERO = re.compile(r"^[^eE]*[1-9]")
_CHARACTER_TYPES = {"varchar", "bpchar", "text"}
_JSON_TYPES = {"json", "jsonb"}
_HEX_BYTES = re.compile(r"(?:[0-9a-fA-F]{2})*")


def column_converter(column: Column, options: CopyOptions) -> Converter:
    """The converter for one target column under the statement's options."""
    converter = _converter_for_type(column, options)
    return _required(converter) if column.not_null else converter


def _escape(text: str) -> str:
    """`text` as a COPY text-format field."""
    return text.translate(_ESCAPES) if _ESCAPED.search(text) else text


def _json_text(value: Any) -> str:
    """How a JSON value reads as text: strings as they are, numbers and booleans as written, the rest as JSON."""
    kind = value.__class__
    if kind is str:
        return value
    if kind is bool:
        return "true" if value else "false"
    if kind is int or kind is float:
        return repr(value)
    return _json_document(value)


def _converter_for_type(column: Column, options: CopyOptions) -> Converter:
    kind = column.type_name
    if kind in _CHARACTER_TYPES:
        return _character(column, options)
    if kind in _INTEGER_TYPES:
        return _integer(*_INTEGER_TYPES[kind])
    if kind in ("float4", "float8"):
        return _float(single=kind == "float4")
    if kind == "numeric":
        return _blank_is_null(_decimal(column.precision_and_scale, round_half_up=options.round_decimals))
    if kind == "bool":
        return _blank_is_null(_boolean)
    if kind in ("timestamp", "timestamptz"):
        return _blank_is_null(
            timestamp_converter(
                options.timeformat, with_time_zone=kind == "timestamptz", accept_any=options.accept_any_date
            )
        )
    if kind == "date":
        return _blank_is_null(date_converter(options.dateformat, accept_any=options.accept_any_date))
    if kind in ("time", "timetz"):
        return _blank_is_null(time_converter(options.timeformat, with_time_zone=kind == "timetz"))
    if kind == "interval":
        return _blank_is_null(interval_converter(column))
    if kind in _JSON_TYPES:
        return lambda value: NULL if value is None else _escape(_json_document(value))
    if kind == SUPER:
        return _super_field if options.text is not None else _super_value
    if kind == "varbyte":
        return _blank_is_null(_varbyte(column.varbyte_bytes))
    if kind == "hllsketch":
        return _blank_is_null(sketch_field)
    if kind == "geometry":  # the catalog's type: its text is stored as it is, unread, so it is refused
        raise UnsupportedFeature.of(
            "COPY into a GEOMETRY column",
            by="the local Redshift",
            hint="COPY the hexadecimal EWKB into a VARCHAR column, then INSERT ... SELECT ST_GeomFromEWKB(...)",
        )
    replacement = options.accept_invalid_chars
    return _blank_is_null(lambda value: _escape(_without_nul(_json_text(value), replacement)))


def _json_document(value: Any) -> str:
    try:
        return orjson.dumps(value).decode()
    except orjson.JSONEncodeError as error:
        raise LoadError(
            LoadErrorCode.INVALID_INPUT_LINE, f"Invalid JSON: cannot load the value as text ({error})"
        ) from None


def _super_value(value: Any) -> str:
    """A JSON (or Parquet) value in a SUPER column: its serialization (copy.supers)."""
    return NULL if value is None else _escape(serialized(value))


def _super_field(field: str | None) -> str:
    """A text field in a SUPER column: the JSON it holds ("Amazon Redshift represents SUPER columns in text and CSV
    formats as" JSON, copy_json.html); an empty or blank field is NULL, as in the other columns that are not CHAR or
    VARCHAR."""
    if field is None or not field or field.isspace():
        return NULL
    return _escape(serialized(parse_field(field)))


def _required(converter: Converter) -> Converter:
    def convert(value: Any) -> str:
        field = converter(value)
        if field == NULL:
            raise LoadError(LoadErrorCode.MISSING_NOT_NULL, "Missing data for not-null field")
        return field

    return convert


def _blank_is_null(converter: Callable[[Any], str | None]) -> Converter:
    """Columns that are not CHAR or VARCHAR load NULL for null, empty and blank values (and ACCEPTANYDATE)."""

    def convert(value: Any) -> str:
        if value is None or (value.__class__ is str and (not value or value.isspace())):
            return NULL
        field = converter(value)
        return NULL if field is None else field

    return convert


def _character(column: Column, options: CopyOptions) -> Converter:
    limit = column.length
    quick_limit = limit // 4 if limit is not None else None
    fixed_width = column.type_name == "bpchar"
    trim = options.trim_blanks and not fixed_width
    empty_field = NULL if options.empty_as_null else ""
    blanks_as_null = options.blanks_as_null
    truncate = options.truncate_columns
    replacement = options.accept_invalid_chars
    special = _SPECIAL.search

    def convert(value: Any) -> str:
        if value.__class__ is str:
            text = value
        elif value is None:
            return NULL
        else:
            text = _json_text(value)
        if trim:
            text = text.rstrip()
        if not text:
            return empty_field
        if blanks_as_null and text.isspace():
            return NULL
        if fixed_width and not text.isascii():
            raise _multibyte_in_char(text)
        if quick_limit is not None and len(text) > quick_limit:
            encoded = text.encode()
            if len(encoded) > limit:
                if not truncate:
                    raise LoadError(LoadErrorCode.STRING_TOO_LONG, "String length exceeds DDL length", raw_value=text)
                text = encoded[:limit].decode("utf-8", "ignore")
        if special(text) is not None:
            text = _escape(_without_nul(text, replacement))
        return text

    return convert


def _without_nul(text: str, replacement: str | None) -> str:
    """PostgreSQL text cannot hold NUL: replaced under ACCEPTINVCHARS, refused otherwise."""
    if "\0" not in text:
        return text
    if replacement is None:
        raise LoadError(
            LoadErrorCode.INVALID_UTF8,
            "String contains invalid or unsupported UTF-8 codepoints. Bad UTF-8 hex sequence: 00 (error 4)",
            raw_value=text.replace("\0", "\\0"),
        )
    return text.replace("\0", replacement)


def _multibyte_in_char(text: str) -> LoadError:
    character = next(char for char in text if not char.isascii())
    sequence = character.encode().hex(" ")
    return LoadError(
        LoadErrorCode.INVALID_UTF8,
        f"Multibyte character not supported for CHAR (Hint: Try using VARCHAR). Invalid char: {sequence}",
        raw_value=text,
    )


def _invalid_digit(text: str, allowed: str, type_label: str) -> LoadError:
    """Redshift's 1207: the first character that does not belong to a number, and where it is."""
    stripped = text.strip()
    position = next(
        (
            index
            for index, character in enumerate(stripped)
            if character not in allowed and not (index == 0 and character in "+-")
        ),
        max(len(stripped) - 1, 0),
    )
    bad = stripped[position] if stripped else ""
    return LoadError(
        LoadErrorCode.INVALID_DIGIT,
        f"Invalid digit, Value '{bad}', Pos {position}, Type: {type_label}",
        raw_value=text,
        position=position,
    )


def _integer(type_label: str, bits: int) -> Converter:
    low, high = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    overflow = f"Overflow ({type_label} valid range {low} to {high})"

    def convert(value: Any) -> str:
        if value.__class__ is int:
            number = value
        elif value is None:
            return NULL
        else:
            text = value.strip() if value.__class__ is str else _json_text(value)
            if not text:
                return NULL
            if not _INTEGER.fullmatch(text):
                raise _invalid_digit(text, _DIGITS, type_label)
            number = int(text)
        if number < low or number > high:
            raise LoadError(LoadErrorCode.INVALID_INPUT_LINE, overflow, raw_value=str(number))
        return str(number)

    return convert


def _float(*, single: bool) -> Converter:
    """REAL and DOUBLE PRECISION. A number past the type's range is an overflow of its record (1216), as is one whose
    digits the type reads as zero (PostgreSQL refuses both, "out of range", which failed the whole load)."""
    type_label = "Real" if single else "Double"
    limit = _FLOAT4_LIMIT if single else sys.float_info.max
    overflow = f"Overflow ({type_label} valid range {-limit} to {limit})"
    underflow = f"Underflow ({type_label}: the value is too small to be held and is not zero)"

    def convert(value: Any) -> str:
        kind = value.__class__
        if kind is float or kind is int:
            number = value
            text = repr(value)
        elif value is None:
            return NULL
        else:
            text = value.strip() if kind is str else _json_text(value)
            if not text:
                return NULL
            if text.lower() in _FLOAT_WORDS:
                return text
            if not _DECIMAL.fullmatch(text):
                raise _invalid_digit(text, _NUMBER_CHARACTERS, type_label)
            number = float(text)
            if abs(number) < (_FLOAT4_TINIEST if single else _FLOAT8_TINIEST) and _NONZERO.search(text) is not None:
                raise LoadError(LoadErrorCode.INVALID_INPUT_LINE, underflow, raw_value=text)
        if abs(number) > limit:
            raise LoadError(LoadErrorCode.INVALID_INPUT_LINE, overflow, raw_value=text)
        return text

    return convert


def _decimal(precision_and_scale: tuple[int, int] | None, *, round_half_up: bool) -> Converter:
    rounding = ROUND_HALF_UP if round_half_up else ROUND_DOWN

    def convert(value: Any) -> str:
        kind = value.__class__
        text = value.strip() if kind is str else _json_text(value)
        if kind is bool or not _DECIMAL.fullmatch(text):
            raise _invalid_digit(text, _NUMBER_CHARACTERS, "Decimal")
        number = Decimal(text)
        if precision_and_scale is None:
            return format(number, "f")
        precision, scale = precision_and_scale
        try:
            number = number.quantize(Decimal(1).scaleb(-scale), rounding=rounding)
        except InvalidOperation:
            number = None
        if number is None or abs(number) >= Decimal(10) ** (precision - scale):
            raise LoadError(
                LoadErrorCode.INVALID_INPUT_LINE,
                f"Numeric data overflow (result precision) for NUMERIC({precision},{scale})",
                raw_value=text,
            )
        return format(number, "f")

    return convert


def _varbyte(limit: int | None) -> Converter:
    """A VARBYTE field is its bytes' hexadecimal digits ("the data is loaded from a file in hexadecimal representation
    of the VARBYTE data", Loading a column of the VARBYTE data type), kept in lowercase as the catalog's type holds
    them. The page names no error for other text: it is refused as an input line that is not valid. More bytes than
    VARBYTE(n) holds is 1204, "Input data exceeded the acceptable range for the data type" (the load error
    reference; TRUNCATECOLUMNS "applies only to columns with a VARCHAR or CHAR data type"), checked here so that it
    is a load error of its record, not PostgreSQL's refusal of the whole load by the column's constraint."""
    too_long = f"Input data exceeded the acceptable range for the data type VARBYTE({limit})"

    def convert(value: Any) -> str:
        text = value.strip() if value.__class__ is str else _json_text(value)
        if not _HEX_BYTES.fullmatch(text):
            raise LoadError(LoadErrorCode.INVALID_INPUT_LINE, "Invalid hexadecimal data for VARBYTE", raw_value=text)
        if limit is not None and len(text) > 2 * limit:
            raise LoadError(LoadErrorCode.STRING_TOO_LONG, too_long, raw_value=text)
        return text.lower()

    return convert


def _boolean(value: Any) -> str:
    kind = value.__class__
    if kind is bool:
        return "t" if value else "f"
    text = (value.strip() if kind is str else _json_text(value)).lower()
    if text in _TRUE_WORDS:
        return "t"
    if text in _FALSE_WORDS:
        return "f"
    raise LoadError(
        LoadErrorCode.INVALID_BOOLEAN, f"Invalid boolean value '{_json_text(value)}'", raw_value=_json_text(value)
    )
