"""Values as Redshift sends and reads them where PostgreSQL's format differs: what a result row's values become for
the client, and what a Bind's parameters become for PostgreSQL.

What redshift_connector reads (its `redshift_connector/utils/type_utils.py`, the format codes it asks for in Bind):
- INTERVAL YEAR TO MONTH (1188), in binary: the months, a 32-bit integer; INTERVAL DAY TO SECOND (1190): the
  microseconds, a 64-bit integer; INTERVAL (1186): the microseconds, 64 bits, then the months, 32 bits (PostgreSQL
  8.0's interval, which had no days). PostgreSQL sends all three as microseconds, days and months (16 bytes).
- VARBYTE (6551), asked for as text: its hexadecimal digits up to EXTENDED_RESULT_METADATA, its bytes themselves from
  BINARY on (the driver then reads the value as text).
- NUMERIC (1700) from BINARY on, asked for in binary: the value times ten to its scale, a 64-bit integer for a
  precision up to 18, else 128 bits. The endpoint asks PostgreSQL for the text and scales it.
- HLLSKETCH (2935): a sketch as Redshift prints it; one the local Redshift built itself (stored behind the prefix
  `local:`, catalog_sql/49_hllsketch.sql) is refused, in either format: its indices come from PostgreSQL's hash.
- aclitem[] (1034, the ACL columns of the pg_ catalog tables), asked for in binary from BINARY on: an array in
  PostgreSQL's binary layout whose elements are each ACL item's text (the driver reads aclitem, 1033, as text);
  PostgreSQL has no binary form of aclitem, so the endpoint asks for the array's text and lays it out.
A Bind's interval parameters come in the driver's formats (1188: 32-bit months, 1190: 64-bit microseconds, 1186:
microseconds and months) and go to PostgreSQL as its interval; a string parameter of no declared type where a VARBYTE
goes is the string's UTF-8 bytes ("When casting with CHAR and VARCHAR the UTF-8 format is used", VARBYTE type), where
PostgreSQL would read it as the catalog type's hexadecimal digits.
"""

from __future__ import annotations

import functools
import struct
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Context, Decimal

from local_redshift.endpoint import messages
from local_redshift.endpoint.codes import Backend
from local_redshift.endpoint.framing import INT16, INT32, frame
from local_redshift.endpoint.type_codes import (
    HLLSKETCH,
    INTERVAL,
    INTERVALD2S,
    INTERVALY2M,
    NUMERIC,
    UNSTATED_NUMERIC,
    VARBYTE,
    Column,
    TypeCodes,
    columns_of,
    numeric_precision,
    numeric_scale,
)
from local_redshift.errors import HLLSKETCH_BUILT_LOCALLY, UNSTATED_NUMERIC_OVERFLOW, RedshiftError, SqlState

TEXT, BINARY = 0, 1
UNKNOWN = 705
_POSTGRES_INTERVAL = struct.Struct("!qii")  # microseconds, days, months
_LEGACY_INTERVAL = struct.Struct("!qi")  # microseconds, months (redshift_connector's 1186)
_MONTHS, _MICROSECONDS = struct.Struct("!i"), struct.Struct("!q")
_DAY = 86_400_000_000  # microseconds
_WIDE = Context(prec=80)  # room for NUMERIC(38, s) scaled: decimal's default 28 digits are too few
_INTERVAL_OIDS = {INTERVALY2M: INTERVAL, INTERVALD2S: INTERVAL}  # declared parameter types PostgreSQL lacks
ACLITEM, ACLITEM_ARRAY = 1033, 1034
_ARRAY_HEADER = struct.Struct("!iiiii")  # dimensions, has nulls, element type, length, lower bound

Convert = Callable[[bytes], bytes]


def _interval_months(value: bytes) -> bytes:
    _, _, months = _POSTGRES_INTERVAL.unpack(value)
    return _MONTHS.pack(months)


def _interval_microseconds(value: bytes) -> bytes:
    microseconds, days, _ = _POSTGRES_INTERVAL.unpack(value)
    return _MICROSECONDS.pack(microseconds + days * _DAY)


def _legacy_interval(value: bytes) -> bytes:
    microseconds, days, months = _POSTGRES_INTERVAL.unpack(value)
    return _LEGACY_INTERVAL.pack(microseconds + days * _DAY, months)


def _varbyte_bytes(value: bytes) -> bytes:
    return bytes.fromhex(value.decode("ascii"))


def _array_elements(text: str) -> list[str | None]:
    """The elements of a one-dimensional array in PostgreSQL's text form ({a,"b c",NULL})."""
    elements: list[str | None] = []
    body, pos = text[1:-1], 0
    while pos < len(body):
        if body[pos] == '"':
            chars, pos = [], pos + 1
            while body[pos] != '"':
                if body[pos] == "\\":
                    pos += 1
                chars.append(body[pos])
                pos += 1
            elements.append("".join(chars))
            pos += 2  # the closing quote and the comma
        else:
            end = body.find(",", pos)
            end = len(body) if end < 0 else end
            word = body[pos:end]
            elements.append(None if word == "NULL" else word)
            pos = end + 1
    return elements


def _aclitem_array(value: bytes) -> bytes:
    elements = _array_elements(value.decode("utf-8"))
    if not elements:
        return struct.pack("!iii", 0, 0, ACLITEM)  # no dimensions
    has_nulls = int(any(element is None for element in elements))
    out = bytearray(_ARRAY_HEADER.pack(1, has_nulls, ACLITEM, len(elements), 1))
    for element in elements:
        data = None if element is None else element.encode("utf-8")
        out += INT32.pack(-1) if data is None else INT32.pack(len(data)) + data
    return bytes(out)


def printed_sketch(value: bytes) -> bytes:
    """An HLLSKETCH as it is printed; one the local Redshift built is refused."""
    if value.startswith(b"local:"):
        raise RedshiftError(HLLSKETCH_BUILT_LOCALLY, sqlstate=SqlState.FEATURE_NOT_SUPPORTED)
    return value


def _scaled_numeric(typmod: int) -> Convert:
    precision, scale = (numeric_precision(typmod), numeric_scale(typmod)) if typmod >= 0 else UNSTATED_NUMERIC
    size, unit = (8 if precision <= 18 else 16), Decimal(1).scaleb(-scale)

    def convert(value: bytes) -> bytes:
        try:
            exact = Decimal(value.decode("ascii"))
            scaled = exact.quantize(unit, rounding=ROUND_HALF_UP, context=_WIDE).scaleb(scale, context=_WIDE)
            return int(scaled).to_bytes(size, "big", signed=True)
        except (ArithmeticError, ValueError):  # too many digits (OverflowError, InvalidOperation), or NaN
            message = UNSTATED_NUMERIC_OVERFLOW.format(value=value.decode(), precision=precision, scale=scale)
            raise RedshiftError(message, sqlstate=SqlState.NUMERIC_VALUE_OUT_OF_RANGE) from None

    return convert


def column_conversion(codes: TypeCodes, column: Column, client_format: int) -> Convert | None:
    """How a value of `column`, asked for by the client in `client_format`, becomes Redshift's; None: as it is."""
    redshift = codes.redshift_oid(column)
    if redshift == HLLSKETCH:
        return printed_sketch
    if client_format == BINARY:
        if redshift == INTERVALY2M:
            return _interval_months
        if redshift == INTERVALD2S:
            return _interval_microseconds
        if redshift == INTERVAL:
            return _legacy_interval
        if redshift == NUMERIC and codes.binary:
            return _scaled_numeric(column.typmod)
        if redshift == ACLITEM_ARRAY:
            return _aclitem_array
    elif redshift == VARBYTE and codes.binary:
        return _varbyte_bytes
    return None


def postgres_format(codes: TypeCodes, column: Column, client_format: int) -> int:
    """The format the endpoint asks PostgreSQL for: text for a NUMERIC it scales itself and for aclitem[]."""
    converted = column.oid == ACLITEM_ARRAY or (codes.binary and column.oid == NUMERIC)
    return TEXT if converted and client_format == BINARY else client_format


class RowConversion:
    """What the values of one portal's rows become; built from its columns and the formats its Bind asked for."""

    def __init__(self, codes: TypeCodes, columns: list[Column], formats: list[int]) -> None:
        self.converts = [
            column_conversion(codes, column, messages.format_of(formats, index)) for index, column in enumerate(columns)
        ]
        self.needed = any(self.converts)

    def row(self, data: bytes) -> bytes:
        """A DataRow frame with its values converted."""
        (count,) = INT16.unpack_from(data, 5)
        out, pos = bytearray(data[5:7]), 7
        for index in range(count):
            (length,) = INT32.unpack_from(data, pos)
            pos += 4
            convert = self.converts[index] if index < len(self.converts) else None
            if length < 0:
                out += INT32.pack(-1)
                continue
            value = data[pos : pos + length]
            pos += length
            if convert is not None:
                value = convert(value)
            out += INT32.pack(len(value)) + value
        return frame(Backend.DATA_ROW, bytes(out))

    def observe(self, kind: int, data: bytes) -> bytes:
        return self.row(data) if kind == Backend.DATA_ROW else data


def sketch_checks(codes: TypeCodes) -> Callable[[bytes], Callable[[int, bytes], bytes] | None]:
    """RowDescription -> what checks the rows it announces (sketch_check), remembered for each description, as a
    session describes the same results again and again."""
    remembered = functools.lru_cache(maxsize=256)(functools.partial(sketch_check, codes))
    return lambda description: remembered(bytes(description))


def sketch_check(codes: TypeCodes, description: bytes) -> Callable[[int, bytes], bytes] | None:
    """What checks the rows a simple query's RowDescription (`description`) announces: its HLLSKETCH values are
    printed_sketch's; None without an HLLSKETCH column."""
    places = {place for place, column in enumerate(columns_of(description)) if codes.redshift_oid(column) == HLLSKETCH}
    if not places:
        return None

    def check(kind: int, data: bytes) -> bytes:
        if kind != Backend.DATA_ROW:
            return data
        (count,), pos = INT16.unpack_from(data, 5), 7
        for place in range(count):
            (length,) = INT32.unpack_from(data, pos)
            pos += 4
            if length > 0:
                if place in places:
                    printed_sketch(data[pos : pos + length])
                pos += length
        return data

    return check


def postgres_parameter_types(oids: list[int]) -> list[int]:
    """A Parse's parameter types as PostgreSQL knows them (Redshift's interval types are its interval)."""
    return [_INTERVAL_OIDS.get(oid, oid) for oid in oids]


def _postgres_interval(declared: int, value: bytes) -> bytes:
    if declared == INTERVALY2M:
        return _POSTGRES_INTERVAL.pack(0, 0, _MONTHS.unpack(value)[0])
    if declared == INTERVALD2S:
        (microseconds,) = _MICROSECONDS.unpack(value)
    else:
        microseconds, months = _LEGACY_INTERVAL.unpack(value)
        if months:
            return _POSTGRES_INTERVAL.pack(microseconds, 0, months)
    days = -(-microseconds // _DAY) if microseconds < 0 else microseconds // _DAY  # whole days, toward zero
    return _POSTGRES_INTERVAL.pack(microseconds - days * _DAY, days, 0)


def _resolved_as(resolved: list[int] | None, index: int, oid: int | None) -> bool:
    return oid is not None and resolved is not None and index < len(resolved) and resolved[index] == oid


def postgres_bind(bind: messages.Bind, declared: list[int], resolved: list[int] | None, codes: TypeCodes) -> bool:
    """Convert `bind`'s parameters in place for PostgreSQL (`declared`: the Parse's types, `resolved`: the
    ParameterDescription's, when known); True when any changed."""
    changed = False
    for index, value in enumerate(bind.values):
        if value is None:
            continue
        oid = declared[index] if index < len(declared) else 0
        binary = messages.format_of(bind.parameter_formats, index) == BINARY
        if binary and oid in (INTERVAL, INTERVALY2M, INTERVALD2S) and len(value) != _POSTGRES_INTERVAL.size:
            bind.values[index], changed = _postgres_interval(oid, value), True
        elif not binary and oid in (0, UNKNOWN) and _resolved_as(resolved, index, codes.varbyte):
            bind.values[index], changed = value.hex().encode("ascii"), True
    return changed
