"""COPY's Parquet reader (no server): rows by position, values as the converters read them, the column count."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from local_redshift.copy.errors import CopyError
from local_redshift.copy.grammar import parse_copy
from local_redshift.copy.parquet import parquet_records


def _parquet(table: pa.Table) -> bytes:
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


def test_rows_come_in_order_with_their_values_as_the_converters_read_them():
    table = pa.table({
        "b": pa.array([1, None], pa.int32()),
        "a": pa.array(["one", ""]),
        "price": pa.array([Decimal("12.50"), Decimal("-0.01")], pa.decimal128(8, 2)),
        "day": pa.array([datetime.date(2008, 1, 4), None], pa.date32()),
        "at": pa.array([datetime.datetime(2000, 1, 1, 0, 0, 0, 500000), None], pa.timestamp("us")),
        "ok": pa.array([True, False]),
    })  # fmt: skip
    records = list(parquet_records(_parquet(table), columns=6))
    assert [record.line_number for record in records] == [1, 2]
    assert records[0].value == [1, "one", "12.50", "2008-01-04", "2000-01-01 00:00:00.500000", True]
    assert records[1].value == [None, "", "-0.01", None, None, False]


def test_the_number_of_columns_must_match():
    # "COPY from columnar data formats": the number of columns in the table and in the file must match.
    with pytest.raises(CopyError, match="number of columns"):
        list(parquet_records(_parquet(pa.table({"a": [1]})), columns=2))


def test_a_file_that_is_not_parquet_fails_the_copy():
    with pytest.raises(CopyError, match="not a valid Parquet file"):
        list(parquet_records(b"1|2\n", columns=2))


def test_format_as_parquet_in_the_copy_grammar():
    options = parse_copy("COPY t FROM 's3://b/p' IAM_ROLE 'arn:aws:iam::0123456789012:role/R' FORMAT AS PARQUET")
    assert options.parquet and options.text is None
    with pytest.raises(CopyError, match="DATEFORMAT is not supported with FORMAT AS PARQUET"):
        parse_copy("COPY t FROM 's3://b/p' IAM_ROLE 'r' PARQUET DATEFORMAT 'auto'")
