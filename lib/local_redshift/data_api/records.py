"""A statement's result as the Data API returns it: ColumnMetadata and typed Records (JSON), or CSV.

Values are read as the server's text. As the Data API does, integers come back as longValue, floating-point
numbers as doubleValue, booleans as booleanValue, NULL as isNull, and every other type (DECIMAL, CHAR, VARCHAR,
DATE, TIMESTAMP...) as stringValue in Redshift's text form.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from local_redshift.data_api.exceptions import RESULT_TOO_LARGE, ROW_TOO_LARGE

MAX_ROW_BYTES = 64 * 1024
MAX_RESULT_BYTES = 500 * 1024 * 1024

# PostgreSQL type OIDs by the names Redshift gives them (pg_type.typname)
TYPE_NAMES = {
    16: "bool", 18: "char", 19: "name", 20: "int8", 21: "int2", 23: "int4", 25: "text", 26: "oid", 700: "float4",
    701: "float8", 1042: "bpchar", 1043: "varchar", 1082: "date", 1083: "time", 1114: "timestamp",
    1184: "timestamptz", 1186: "interval", 1266: "timetz", 1700: "numeric",
}  # fmt: skip
_LONG = {20, 21, 23, 26}
_DOUBLE = {700, 701}
_SIGNED = _LONG | _DOUBLE | {1700}
_CHARACTER = {18, 19, 25, 1042, 1043}


class ResultTooLarge(Exception):
    """A row or the whole result exceeds the Data API's limits."""


@dataclass(frozen=True)
class Result:
    """The rows of a statement, as text, with their columns."""

    columns: list[dict[str, Any]]
    oids: list[int]
    rows: list[list[str | None]]
    size: int

    def records(self, start: int, end: int) -> list[list[dict[str, Any]]]:
        """Rows start..end as typed Fields."""
        return [[_field(oid, value) for oid, value in zip(self.oids, row, strict=True)] for row in self.rows[start:end]]

    def csv(self, start: int, end: int, header: bool) -> str:
        """Rows start..end as CSV text, the first page with the column names."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        if header:
            writer.writerow([column["name"] for column in self.columns])
        writer.writerows([["" if value is None else value for value in row] for row in self.rows[start:end]])
        return out.getvalue()


def read_result(pgresult: Any, tables: dict[int, tuple[str, str]]) -> Result:
    """The rows of a libpq result (psycopg's pgresult), with the schema and table of each column (`tables` by
    table OID). Raises ResultTooLarge past the Data API's limits."""
    width = pgresult.nfields
    oids = [pgresult.ftype(i) for i in range(width)]
    columns = [_column(pgresult, i, tables) for i in range(width)]
    rows: list[list[str | None]] = []
    size = 0
    for r in range(pgresult.ntuples):
        raw = [pgresult.get_value(r, i) for i in range(width)]
        row_size = sum(len(value) for value in raw if value is not None)
        if row_size > MAX_ROW_BYTES:
            raise ResultTooLarge(ROW_TOO_LARGE)
        size += row_size
        if size > MAX_RESULT_BYTES:
            raise ResultTooLarge(RESULT_TOO_LARGE)
        rows.append([None if value is None else value.decode() for value in raw])
    return Result(columns, oids, rows, size)


def _field(oid: int, value: str | None) -> dict[str, Any]:
    if value is None:
        return {"isNull": True}
    if oid in _LONG:
        return {"longValue": int(value)}
    if oid in _DOUBLE:
        return {"doubleValue": float(value)}
    if oid == 16:
        return {"booleanValue": value == "t"}
    return {"stringValue": value}


def _column(pgresult: Any, index: int, tables: dict[int, tuple[str, str]]) -> dict[str, Any]:
    oid, modifier = pgresult.ftype(index), pgresult.fmod(index)
    name = pgresult.fname(index).decode()
    precision, scale = 0, 0
    if oid == 1700 and modifier >= 4:
        precision, scale = ((modifier - 4) >> 16) & 0xFFFF, (modifier - 4) & 0xFFFF
    elif oid in (1042, 1043) and modifier >= 4:
        precision = modifier - 4
    elif pgresult.fsize(index) > 0:
        precision = {20: 19, 21: 5, 23: 10, 26: 10, 700: 8, 701: 17, 16: 1}.get(oid, 0)
    schema, table = tables.get(pgresult.ftable(index), ("", ""))
    return {
        "name": name, "label": name, "typeName": TYPE_NAMES.get(oid, str(oid)), "length": 0,
        "precision": precision, "scale": scale, "nullable": 1, "isSigned": oid in _SIGNED,
        "isCaseSensitive": oid in _CHARACTER, "isCurrency": False, "schemaName": schema, "tableName": table,
    }  # fmt: skip
