"""Malformed input without servers: each reaches the loader as a load error in Redshift's words, never as an
exception of another kind.

Pages: "Multibyte character load errors" (multi-byte-character-load-errors: "If a line in your load data contains a
character that is not valid for the column data type, COPY returns an error and logs a row in the STL_LOAD_ERRORS
system log table with error number 1220"), STL_LOAD_ERRORS (r_STL_LOAD_ERRORS: type is character(10)).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from local_redshift.copy import parse_copy
from local_redshift.copy.errors import LoadError
from local_redshift.copy.interfaces import ClusterContext
from local_redshift.copy.load_errors import LoadErrorLog, Origin
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
