"""Malformed input without servers: each reaches the loader as a load error in Redshift's words, never as an
exception of another kind.

Pages: "Multibyte character load errors" (multi-byte-character-load-errors: "If a line in your load data contains a
character that is not valid for the column data type, COPY returns an error and logs a row in the STL_LOAD_ERRORS
system log table with error number 1220"), STL_LOAD_ERRORS (r_STL_LOAD_ERRORS: type is character(10)), "COPY from
columnar data formats" (copy-usage_notes-copy-from-columnar).
"""

from __future__ import annotations

import io
from datetime import datetime

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from local_redshift.copy import CopyError, parse_copy
from local_redshift.copy.errors import LoadError
from local_redshift.copy.interfaces import ClusterContext
from local_redshift.copy.load_errors import LoadErrorLog, Origin
from local_redshift.copy.parquet import parquet_records
from local_redshift.copy.target import Column, TargetTable
from local_redshift.copy.text_conversion import text_converter
from local_redshift.copy.text_records import decode
from local_redshift.errors import LoadErrorCode

BASE = "COPY t FROM 's3://b/p' IAM_ROLE 'arn:aws:iam::123456789012:role/r' "
TYPES = [
    "int2", "int4", "int8", "numeric", "float4", "float8", "bool", "date", "timestamp", "timestamptz", "time",
    "timetz", "varbyte", "interval", "varchar", "bpchar", "text",
]  # fmt: skip


def _column(type_name: str) -> Column:
    return Column("c", type_name, -1, not_null=False, identity=False, generated=False)


@pytest.mark.parametrize("type_name", TYPES)
@pytest.mark.parametrize("field", [b"x\xe9y", b"1\xff", b"\xc3"])
def test_an_invalid_byte_is_1220_in_a_column_of_any_type(type_name, field):
    value = decode(field, None)
    with pytest.raises(LoadError) as refused:
        text_converter(_column(type_name), parse_copy(BASE))(value)
    assert refused.value.code == LoadErrorCode.INVALID_UTF8
    assert refused.value.raw_value == field.decode("latin-1").translate({byte: "." for byte in range(128, 256)})


class _Logged:
    def __init__(self) -> None:
        self.rows: list[dict] = []

    def log_load(self, rows) -> None:
        self.rows += rows["stl_load_errors"]


def test_a_type_name_longer_than_the_type_column_is_cut_to_its_ten_characters():
    backend = _Logged()
    cluster = ClusterContext("c", "dev", "u", "us-west-2", "123456789012", (), 1, 1)
    log = LoadErrorLog(backend, TargetTable(1, "public", "t", (), 1), cluster, datetime(2024, 1, 1), 10)  # type: ignore[arg-type]
    log.reject(Origin("s3://b/p", 1, b"x"), LoadError(LoadErrorCode.INVALID_TIMESTAMP, "bad"), _column("timestamptz"))
    log.flush()
    assert [row["type"] for row in backend.rows] == ["timestampt"]


def _parquet(table: pa.Table) -> bytes:
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


def test_a_parquet_file_whose_pages_cannot_be_read_is_not_a_valid_parquet_file():
    # its footer reads, its data does not: the COPY fails ("COPY from columnar data formats": "If COPY encounters
    # an error while loading, the command fails")
    data = _parquet(pa.table({"a": list(range(1000)), "b": [f"v{i}" for i in range(1000)]}))
    damaged = data[:100] + b"\xff" * 300 + data[400:]
    with pytest.raises(CopyError, match="The file is not a valid Parquet file"):
        list(parquet_records(damaged, columns=2))


def test_a_parquet_date_past_the_year_9999_reaches_its_column_as_text():
    # Python's dates end with the year 9999; the value goes on as Arrow writes it, for the column's conversion to
    # judge, instead of failing the reader
    table = pa.table({
        "day": pa.array([3000000], pa.date32()),
        "at": pa.array([253402300800000000], pa.timestamp("us")),
    })  # fmt: skip
    [record] = parquet_records(_parquet(table), columns=2)
    assert record.value == ["10183-09-21", "10000-01-01 00:00:00.000000"]
