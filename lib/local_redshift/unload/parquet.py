"""UNLOAD ... FORMAT AS PARQUET: the rows of one file as Apache Parquet (version 1.0, SNAPPY row groups).

PostgreSQL gives every value as text; each column is converted once to the Arrow type of its Redshift type:
SMALLINT, INTEGER, BIGINT as 16-, 32- and 64-bit integers, REAL and DOUBLE PRECISION as floats, DECIMAL(p, s)
as decimal(p, s), BOOLEAN, DATE, TIMESTAMP as themselves, TIMESTAMPTZ as a timestamp without its time zone
(the FORMAT AS PARQUET usage notes), SUPER as Parquet's JSON type ("Amazon Redshift represents SUPER columns in
Parquet as the JSON data type", "Unloading semistructured data"), and the character types and everything else as
strings.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable, Sequence
from decimal import Decimal

import pyarrow as pa
import pyarrow.parquet as pq

from local_redshift.unload.columns import ResultColumn

_INTEGERS = {"int2": pa.int16(), "int4": pa.int32(), "int8": pa.int64()}
_FLOATS = {"float4": pa.float32(), "float8": pa.float64()}
_UNCONSTRAINED_PRECISION = 38
"""DECIMAL's largest precision: a NUMERIC PostgreSQL computed without one (a SUM, say) is written with it."""


def parquet_file(columns: Sequence[ResultColumn], rows: Sequence[Sequence[str | None]]) -> bytes:
    """The rows as one Parquet file."""
    arrays, fields = [], []
    for index, column in enumerate(columns):
        values = [row[index] for row in rows]
        arrow_type, convert = _arrow_type(column, values)
        arrays.append(pa.array([None if value is None else convert(value) for value in values], type=arrow_type))
        fields.append(pa.field(column.name, arrow_type))
    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_arrays(arrays, schema=pa.schema(fields)), buffer, version="1.0", compression="snappy")
    return buffer.getvalue()


def _arrow_type(column: ResultColumn, values: Sequence[str | None]) -> tuple[pa.DataType, Callable[[str], object]]:
    kind = column.type_name
    if kind in _INTEGERS:
        return _INTEGERS[kind], int
    if kind in _FLOATS:
        return _FLOATS[kind], float
    if kind == "numeric":
        described = column.manifest_type()
        precision = described.get("precision")
        if precision is None:
            scale = max((len(value.partition(".")[2]) for value in values if value is not None), default=0)
            return pa.decimal128(_UNCONSTRAINED_PRECISION, scale), Decimal
        return pa.decimal128(int(precision), int(described.get("scale", 0))), Decimal  # type: ignore[call-overload]
    if kind == "bool":
        return pa.bool_(), lambda value: value == "t"
    if kind == "date":
        return pa.date32(), datetime.date.fromisoformat
    if kind in ("timestamp", "timestamptz"):
        return pa.timestamp("us"), _timestamp
    if column.is_super:
        return pa.json_(), str
    return pa.string(), str


def _timestamp(text: str) -> datetime.datetime:
    """PostgreSQL's ISO text (timestamptz in the session's zone, its offset dropped) as a naive datetime."""
    parsed = datetime.datetime.fromisoformat(text if len(text) < 3 or text[-3] not in "+-" else text + ":00")
    return parsed.replace(tzinfo=None)
