"""COPY ... FORMAT AS PARQUET into SUPER columns (no server): what each Parquet column type gives a SUPER column, with
and without SERIALIZETOJSON.

Pages: "Using COPY to load data into SUPER columns" (COPY_JSON: "By specifying SERIALIZETOJSON in the COPY command,
you can load any column type in the file that aligns with a SUPER column in the table as SUPER. This includes
structure and array types"; dates and times go into SUPER as varchar), "Unloading semistructured data"
(UNLOAD_SUPER: "Amazon Redshift represents SUPER columns in Parquet as the JSON data type ... ingest them back to
Amazon Redshift using the COPY command").
"""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from local_redshift.copy.conversion import column_converter
from local_redshift.copy.errors import CopyError, LoadError
from local_redshift.copy.grammar import parse_copy
from local_redshift.copy.parquet import parquet_records
from local_redshift.copy.target import Column

COPY_JSON = "https://docs.aws.amazon.com/redshift/latest/dg/copy_json.html"
UNLOAD_SUPER = "https://docs.aws.amazon.com/redshift/latest/dg/unload-super.html"

_SUPER = Column("doc", "super", -1, False, identity=False, generated=False)
_PARQUET = parse_copy("COPY t FROM 's3://b/p' IAM_ROLE 'r' FORMAT AS PARQUET")


def _parquet(table: pa.Table) -> bytes:
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


def super_fields(array: pa.Array, *, serialize_to_json: bool) -> list[str]:
    """What one Parquet column gives a SUPER column, row by row, as COPY text fields."""
    data = _parquet(pa.table({"doc": array}))
    convert = column_converter(_SUPER, _PARQUET)
    records = parquet_records(data, columns=1, supers=(True,), serialize_to_json=serialize_to_json)
    return [convert(record.value[0]) for record in records]


def test_a_parquet_json_column_loads_as_the_super_values_it_holds():
    # UNLOAD_SUPER: SUPER unloads as Parquet's JSON type, and COPY ingests it back.
    array = pa.array(['{"a": [1, 2.50]}', '"abc"', None], pa.json_())
    for serialize_to_json in (False, True):
        assert super_fields(array, serialize_to_json=serialize_to_json) == ['{"a":[1,2.50]}', '"abc"', "\\N"]


def test_a_string_column_without_serializetojson_holds_json_text_as_a_text_field_does():
    assert super_fields(pa.array(['{"a":1}', "[1, 2]"]), serialize_to_json=False) == ['{"a":1}', "[1,2]"]
    data = _parquet(pa.table({"doc": ["not json"]}))
    [record] = parquet_records(data, columns=1, supers=(True,))
    with pytest.raises(LoadError) as refused:
        column_converter(_SUPER, _PARQUET)(record.value[0])
    assert (refused.value.code, refused.value.raw_value) == (1224, "not json")


def test_serializetojson_loads_structs_lists_and_maps_as_super_values():
    # COPY_JSON: SERIALIZETOJSON loads any column type, "structure and array types" included.
    struct = pa.array(
        [{"r_name": "AFRICA", "price": Decimal("1.50"), "on": datetime.date(1992, 1, 1), "n": [1, 2]}, None],
        pa.struct([("r_name", pa.string()), ("price", pa.decimal128(5, 2)), ("on", pa.date32()),
                   ("n", pa.list_(pa.int32()))]),
    )  # fmt: skip
    assert super_fields(struct, serialize_to_json=True) == [
        '{"r_name":"AFRICA","price":1.50,"on":"1992-01-01","n":[1,2]}',
        "\\N",
    ]
    mapping = pa.array([[("k", 1), ("l", 2)]], pa.map_(pa.string(), pa.int64()))
    assert super_fields(mapping, serialize_to_json=True) == ['{"k":1,"l":2}']


def test_serializetojson_loads_scalars_as_super_scalars():
    assert super_fields(pa.array(["abc", "[1]"]), serialize_to_json=True) == ['"abc"', '"[1]"']
    assert super_fields(pa.array([7, None], pa.int64()), serialize_to_json=True) == ["7", "\\N"]
    assert super_fields(pa.array([Decimal("12.50")], pa.decimal128(8, 2)), serialize_to_json=True) == ["12.50"]
    assert super_fields(pa.array([True]), serialize_to_json=True) == ["true"]
    at = pa.array([datetime.datetime(2000, 1, 1, 12, 30)], pa.timestamp("us"))
    assert super_fields(at, serialize_to_json=True) == ['"2000-01-01 12:30:00"']


def test_a_nested_column_into_super_needs_serializetojson():
    data = _parquet(pa.table({"doc": pa.array([[1, 2]], pa.list_(pa.int32()))}))
    with pytest.raises(CopyError) as refused:
        list(parquet_records(data, columns=1, supers=(True,)))
    assert refused.value.message == (
        "Column doc of the Parquet file is of the nested type list<element: int32>: load it into a SUPER column with"
        " SERIALIZETOJSON"
    )
