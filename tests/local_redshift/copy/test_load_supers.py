"""COPY into SUPER columns end to end against a real moto server and a real PostgreSQL, whose catalog has the
redshift_system.super type (catalog_sql/48_super.sql): what each format stores, 'noshred''s one column, and the
STL_LOAD_ERRORS row of a value a SUPER column cannot take. The stored text is read as `doc::json::text` (a SUPER cast
to text is a scalar's text, NULL for an object or array).

Pages: "Using COPY to load data into SUPER columns" (https://docs.aws.amazon.com/redshift/latest/dg/copy_json.html),
"Load error reference" (https://docs.aws.amazon.com/redshift/latest/dg/r_Load_Error_Reference.html: 1224).
"""

from __future__ import annotations

import io

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from local_redshift.copy import CopyError
from local_redshift.copy.supers import NOSHRED_COLUMNS

SUPER_TABLE = "CREATE TABLE t (id int, doc redshift_system.super)"
STORED = "SELECT id, doc::json::text FROM t ORDER BY id"
FAILED = "Load into table 't' failed.  Check 'stl_load_errors' system table for details."


def test_json_auto_stores_each_value_as_its_serialization(harness):
    harness.execute(SUPER_TABLE)
    harness.put("t.json", b'{"id": 1, "doc": {"b": [1.50, "x\\ty"], "a": null}}\n{"id": 2, "doc": "abc"}\n{"id": 3}')
    assert harness.copy("COPY t FROM 's3://{bucket}/t.json' IAM_ROLE '{role}' FORMAT JSON 'auto'") == 3
    assert harness.execute(STORED) == [(1, '{"b":[1.50,"x\\ty"],"a":null}'), (2, '"abc"'), (3, None)]


def test_noshred_loads_whole_documents_into_the_one_super_column(harness):
    harness.execute("CREATE TABLE region_nations_noshred (rdata redshift_system.super)")
    harness.put("rn.json", b'{"r_regionkey": 0,\n "r_name": "AFRICA"}\n[1, {"n": 2.0}]\n')
    copy = "COPY region_nations_noshred FROM 's3://{bucket}/rn.json' IAM_ROLE '{role}' FORMAT JSON 'noshred'"
    assert harness.copy(copy) == 2
    assert harness.execute("SELECT rdata::json::text FROM region_nations_noshred") == [
        ('{"r_regionkey":0,"r_name":"AFRICA"}',), ('[1,{"n":2.0}]',)
    ]  # fmt: skip


@pytest.mark.parametrize("table", ["CREATE TABLE t (id int, doc redshift_system.super)", "CREATE TABLE t (doc text)"])
def test_noshred_into_anything_but_one_super_column_is_refused(harness, table):
    harness.execute(table)
    harness.put("t.json", b'{"id": 1}')
    with pytest.raises(CopyError) as refused:
        harness.copy("COPY t FROM 's3://{bucket}/t.json' IAM_ROLE '{role}' FORMAT JSON 'noshred'")
    assert refused.value.message == NOSHRED_COLUMNS


def test_a_csv_field_that_is_not_json_is_a_load_error_of_its_record(harness):
    harness.execute(SUPER_TABLE)
    harness.put("t.csv", b'1,"{""a"": 1}"\n2,not json\n3,"[1, 2]"\n')
    copy = "COPY t FROM 's3://{bucket}/t.csv' IAM_ROLE '{role}' CSV"
    with pytest.raises(CopyError) as failed:
        harness.copy(copy)
    assert failed.value.message == FAILED
    assert harness.execute("SELECT count(*) FROM t") == [(0,)]
    assert harness.copy(copy + " MAXERROR 1") == 2
    assert harness.execute(STORED) == [(1, '{"a":1}'), (3, "[1,2]")]
    error = harness.load_errors()[-1]
    assert (error["line_number"], error["colname"].strip(), error["type"].strip(), error["err_code"]) == (
        2, "doc", "super", 1224
    )  # fmt: skip
    assert (error["raw_line"].strip(), error["raw_field_value"].strip()) == ("2,not json", "not json")


def test_parquet_with_serializetojson_loads_a_struct_column(harness):
    harness.execute(SUPER_TABLE)
    table = pa.table({
        "id": pa.array([1, 2], pa.int32()),
        "doc": pa.array([{"name": "AFRICA", "keys": [0, 5]}, None],
                        pa.struct([("name", pa.string()), ("keys", pa.list_(pa.int64()))])),
    })  # fmt: skip
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    harness.put("t.parquet", buffer.getvalue())
    harness.copy("COPY t FROM 's3://{bucket}/t.parquet' IAM_ROLE '{role}' FORMAT AS PARQUET SERIALIZETOJSON")
    assert harness.execute(STORED) == [(1, '{"name":"AFRICA","keys":[0,5]}'), (2, None)]
