"""Redshift's own type codes in RowDescription, where PostgreSQL's differ, so that a client picks Redshift's converter.

redshift_connector chooses how to read a column by the type oid of its RowDescription field (its
`redshift_connector/utils/oids.py`): VARBYTE is 6551, GEOMETRY 3000 and SUPER 4000 (both read as text), INTERVAL YEAR TO
MONTH 1188, INTERVAL DAY TO SECOND 1190. HLLSKETCH is 2935 (Redshift's JDBC driver, `com.amazon.redshift.core.Oid`;
redshift_connector does not list it, and reads it as text). In the cluster's PostgreSQL a VARBYTE is the catalog type
redshift_system.varbyte, a GEOMETRY redshift_system.geometry, a SUPER redshift_system.super and an HLLSKETCH
redshift_system.hllsketch, whose oids differ from
one warehouse to the next, and both interval types are PostgreSQL's interval (1186), told apart by the type modifier:
its range bits say which fields the column has (YEAR, MONTH for YEAR TO MONTH; DAY to SECOND otherwise). An interval
without fields (INTERVAL '1 day', a difference of timestamps) stays 1186, as Redshift's does.

From BINARY (version 2) on, a NUMERIC reaches redshift_connector as an integer scaled by the column's scale, which it
reads from the type modifier; a NUMERIC whose precision and scale PostgreSQL does not state (typmod -1: TO_NUMBER, a
computation the translator leaves untyped) is described as NUMERIC(38,18), the scale its values are then rounded to.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from local_redshift.endpoint.codes import Backend
from local_redshift.endpoint.framing import INT16, INT32, frame

NUMERIC = 1700
INTERVAL = 1186
INTERVALY2M = 1188
INTERVALD2S = 1190
VARBYTE = 6551
GEOMETRY = 3000
SUPER = 4000
HLLSKETCH = 2935
UNSTATED_NUMERIC = (38, 18)  # precision and scale of a NUMERIC PostgreSQL gives no type modifier
_SIZES = {
    INTERVALY2M: 4,
    INTERVALD2S: 8,
    VARBYTE: -1,
    GEOMETRY: -1,
    SUPER: -1,
    HLLSKETCH: -1,
}  # pg_type.typlen as Redshift's types have it
_YEAR_MONTH_RANGE = (1 << 2) | (1 << 1)  # PostgreSQL's interval range bits YEAR and MONTH (datetime.h)
_FULL_RANGE = 0x7FFF
_FIELD = struct.Struct("!ihihih")  # after a field's name: table oid, column number, type oid, size, modifier, format


def numeric_typmod(precision: int, scale: int) -> int:
    """The type modifier of NUMERIC(precision, scale), as PostgreSQL and Redshift write it."""
    return ((precision << 16) | scale) + 4


def numeric_scale(typmod: int) -> int:
    """The scale of a NUMERIC's type modifier (what redshift_connector reads it with)."""
    return (typmod - 4) & 0xFFFF


def numeric_precision(typmod: int) -> int:
    return ((typmod - 4) >> 16) & 0xFFFF


def interval_kind(typmod: int) -> int:
    """1188, 1190 or 1186: the Redshift interval type of a PostgreSQL interval with this type modifier."""
    fields = (typmod >> 16) & _FULL_RANGE if typmod >= 0 else _FULL_RANGE
    if fields in (0, _FULL_RANGE):
        return INTERVAL
    return INTERVALY2M if not fields & ~_YEAR_MONTH_RANGE else INTERVALD2S


@dataclass(frozen=True)
class Column:
    """One result column as PostgreSQL describes it."""

    oid: int
    typmod: int


@dataclass(frozen=True)
class TypeCodes:
    """The type codes of one session: its warehouse's VARBYTE, GEOMETRY, SUPER and HLLSKETCH oids, and whether
    NUMERIC goes scaled (BINARY)."""

    varbyte: int | None = None
    binary: bool = False
    geometry: int | None = None
    super: int | None = None
    hllsketch: int | None = None

    def redshift_oid(self, column: Column) -> int:
        """The oid Redshift gives a column PostgreSQL describes as `column`."""
        if column.oid == INTERVAL:
            return interval_kind(column.typmod)
        if column.oid == self.varbyte:
            return VARBYTE
        if column.oid == self.geometry:
            return GEOMETRY
        if column.oid == self.super:
            return SUPER
        if column.oid == self.hllsketch:
            return HLLSKETCH
        return column.oid

    def redshift_typmod(self, column: Column) -> int:
        if self.binary and column.oid == NUMERIC and column.typmod < 0:
            return numeric_typmod(*UNSTATED_NUMERIC)
        return column.typmod

    def row_description(self, data: bytes) -> bytes:
        """A RowDescription frame (`data`) with Redshift's type codes."""
        (count,) = INT16.unpack_from(data, 5)
        out, pos = bytearray(data[:7]), 7
        for _ in range(count):
            name_end = data.index(b"\0", pos) + 1
            table, number, oid, size, typmod, format_code = _FIELD.unpack_from(data, name_end)
            column = Column(oid, typmod)
            redshift = self.redshift_oid(column)
            size = _SIZES.get(redshift, size) if redshift != oid else size
            out += data[pos:name_end] + _FIELD.pack(
                table, number, redshift, size, self.redshift_typmod(column), format_code
            )
            pos = name_end + _FIELD.size
        return frame(Backend.ROW_DESCRIPTION, bytes(out[5:]))

    def rewrite(self, data: bytes) -> bytes:
        """`data` (whole messages) with each RowDescription given Redshift's type codes."""
        if b"T" not in data:  # no RowDescription (its type byte) anywhere
            return data
        out, pos, end = bytearray(), 0, len(data)
        while pos < end:
            after = pos + 1 + INT32.unpack_from(data, pos + 1)[0]
            message = data[pos:after]
            out += self.row_description(message) if data[pos] == Backend.ROW_DESCRIPTION else message
            pos = after
        return bytes(out)


def columns_of(data: bytes) -> list[Column]:
    """The columns of a RowDescription frame, as PostgreSQL describes them."""
    (count,) = INT16.unpack_from(data, 5)
    columns, pos = [], 7
    for _ in range(count):
        name_end = data.index(b"\0", pos) + 1
        _, _, oid, _, typmod, _ = _FIELD.unpack_from(data, name_end)
        columns.append(Column(oid, typmod))
        pos = name_end + _FIELD.size
    return columns
