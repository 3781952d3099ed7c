"""COPY ... FORMAT AS PARQUET: the rows of a Parquet data file as records whose values go to the target columns
by position ("COPY from columnar data formats": the file's columns in order, as many as the table or column list).

Each value comes out as the JSON loader's converters read values (copy.conversion): integers, floats, booleans
and strings as they are, decimals, dates and timestamps as their ISO text, nested values as lists and objects.
A column loaded into a SUPER column comes out as a SUPER value (copy.supers): a Parquet JSON column's text (how
UNLOAD writes SUPER, "Unloading semistructured data") and a string column's as the JSON they hold, as a text file's
SUPER field is read; with SERIALIZETOJSON any column, nested ones included, as its JSON ("Using COPY to load data
into SUPER columns": "you can load any column type in the file that aligns with a SUPER column in the table as
SUPER. This includes structure and array types"), a string as a JSON string, a decimal as written, and a date or time
as its text (the page: "Amazon Redshift converts them to varchar upon encoding them in SUPER"). Without it a nested
column cannot go into a SUPER column.
The file is read one row group batch at a time, so memory holds a batch, not the whole file's rows.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from local_redshift.copy.errors import CopyError
from local_redshift.copy.json_records import Record
from local_redshift.copy.supers import JsonText, WrittenNumber

BATCH_ROWS = 8192
_RAW_LIMIT = 1024


def parquet_records(
    data: bytes, *, columns: int, supers: Sequence[bool] = (), serialize_to_json: bool = False
) -> Iterator[Record]:
    """The rows of one Parquet file in order, each a Record whose value is the row's values (line_number: the row);
    `supers` says which of the target columns are SUPER columns."""
    try:
        parquet = pq.ParquetFile(io.BytesIO(data))
    except (pa.ArrowException, OSError) as error:
        raise _not_parquet(error) from None
    found = len(parquet.schema_arrow)
    if found != columns:
        raise CopyError(
            "The number of columns in the target table (or column list) and the number of columns in the Parquet"
            f" file must match: {columns} in the table, {found} in the file"
        )
    readers = [
        _super_reader(field, serialize_to_json) if is_super else _loadable
        for field, is_super in zip(parquet.schema_arrow, supers or [False] * columns, strict=True)
    ]
    number = 0
    for batch in _batches(parquet):
        for row in zip(*(_values(column) for column in batch.columns), strict=True):
            number += 1
            values = [read(value) for read, value in zip(readers, row, strict=True)]
            raw = "|".join("" if value is None else str(value) for value in values)[:_RAW_LIMIT]
            yield Record(number, raw.encode(), values)


def _batches(parquet: pq.ParquetFile) -> Iterator[pa.RecordBatch]:
    """The file's row batches; a page that cannot be read (its footer could) is the file's failure."""
    batches = parquet.iter_batches(batch_size=BATCH_ROWS)
    while True:
        try:
            batch = next(batches, None)
        except (pa.ArrowException, OSError) as error:
            raise _not_parquet(error) from None
        if batch is None:
            return
        yield batch


def _values(column: pa.Array) -> list[Any]:
    """A column's values as Python's; dates and times Python cannot hold (past the year 9999) as Arrow's text of
    them, which the column's conversion then refuses as it refuses any text it cannot read."""
    try:
        return column.to_pylist()
    except (OverflowError, ValueError):
        return column.cast(pa.string()).to_pylist()


def _not_parquet(error: Exception) -> CopyError:
    return CopyError(f"The file is not a valid Parquet file: {error}")


def _loadable(value: Any) -> Any:
    """A Parquet value as the converters read it."""
    kind = value.__class__
    if kind is Decimal:
        return format(value, "f")
    if kind is datetime.datetime:
        if value.tzinfo is not None:
            value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        return value.isoformat(" ")
    if kind is datetime.date or kind is datetime.time:
        return value.isoformat()
    if kind is bytes:
        return value.hex()
    return value


def _super_reader(field: pa.Field, serialize_to_json: bool) -> Callable[[Any], Any]:
    """How a value of the file's column `field` reads as a SUPER value."""
    kind = field.type
    if isinstance(kind, pa.JsonType) or (not serialize_to_json and _is_text(kind)):
        return lambda value: None if value is None else JsonText(value)
    if not serialize_to_json and pa.types.is_nested(kind):
        raise CopyError(
            f"Column {field.name} of the Parquet file is of the nested type {kind}: load it into a SUPER column with"
            " SERIALIZETOJSON"
        )
    return _json_ready


def _json_ready(value: Any) -> Any:
    """A Parquet value (a struct as a dict, a map as a list of pairs) as a SUPER value."""
    kind = value.__class__
    if kind is dict:
        return {key: _json_ready(member) for key, member in value.items()}
    if kind is list:
        if value and all(element.__class__ is tuple for element in value):  # a map's entries
            return {str(key): _json_ready(member) for key, member in value}
        return [_json_ready(element) for element in value]
    if kind is Decimal:
        return WrittenNumber(format(value, "f"))
    return _loadable(value)


def _is_text(kind: pa.DataType) -> bool:
    return pa.types.is_string(kind) or pa.types.is_large_string(kind)
