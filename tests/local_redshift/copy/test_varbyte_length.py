"""A VARBYTE(n) field of more than n bytes is load error 1204 of its record ("Input data exceeded the acceptable range
for the data type", Load error reference), found by the column's converter, not by PostgreSQL's constraint."""

from __future__ import annotations

import pytest

from local_redshift.copy.conversion import column_converter
from local_redshift.copy.errors import LoadError
from local_redshift.copy.options import CopyOptions, IamRole, JsonMapping
from local_redshift.copy.target import Column

OPTIONS = CopyOptions(
    schema=None, table="t", columns=None, source_url="s3://b/p", authorization=IamRole("r"), json=JsonMapping()
)


def _convert(limit: int | None, value: str) -> str:
    column = Column("c", "varbyte", -1, False, identity=False, generated=False, varbyte_bytes=limit)
    return column_converter(column, OPTIONS)(value)


def test_n_bytes_load_and_one_more_is_1204():
    assert _convert(3, "ABCDEF") == "abcdef"
    with pytest.raises(LoadError) as refused:
        _convert(2, "abcdef")
    assert (refused.value.code, refused.value.raw_value) == (1204, "abcdef")


def test_a_varbyte_without_a_declared_length_takes_what_the_type_takes():
    assert _convert(None, "ab" * 100) == "ab" * 100
