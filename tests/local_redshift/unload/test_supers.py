"""UNLOAD of SUPER columns (no server): the text formats write each value's serialization, NULL as null whatever
NULL AS says, ESCAPE escapes SUPER fields; JSON nests them; Parquet writes its JSON type; MANIFEST VERBOSE names the
type.

Pages: "Unloading semistructured data" (UNLOAD_SUPER: "Amazon Redshift exports the SUPER data columns using the JSON
format and represents it as null as determined by the JSON format. As a result, SUPER data columns ignore the NULL
[AS] option used in UNLOAD commands"; "Amazon Redshift represents SUPER columns in Parquet as the JSON data type"),
"Using COPY to load data into SUPER columns" (COPY_JSON: "for text format, when the chosen delimiter might also
appear in a SUPER field, use the ESCAPE option during COPY and UNLOAD").
"""

from __future__ import annotations

import io
import json

import pyarrow as pa
import pyarrow.parquet as pq

from local_redshift.copy.options import IamRole
from local_redshift.unload.columns import ResultColumn
from local_redshift.unload.layout import data_files
from local_redshift.unload.manifest import manifest
from local_redshift.unload.options import Format, UnloadOptions

UNLOAD_SUPER = "https://docs.aws.amazon.com/redshift/latest/dg/unload-super.html"
COPY_JSON = "https://docs.aws.amazon.com/redshift/latest/dg/copy_json.html"

ID = ResultColumn("id", "int4", "integer")
DOC = ResultColumn("doc", "super", "redshift_system.super")
ROWS = [("1", '{"r_name":"AFRICA","n":[0,5]}'), ("2", '"a|b\\\\c"'), ("3", None)]


def _body(columns=(ID, DOC), rows=ROWS, **given) -> bytes:
    options = UnloadOptions(
        query="select 1", destination="s3://b/p_", authorization=IamRole(None), parallel=False, **given
    )
    [file] = data_files(options, list(columns), rows)
    return file.body


def test_text_writes_the_serialization_and_null_whatever_null_as_says():
    assert _body(null_as="NULL") == b'1|{"r_name":"AFRICA","n":[0,5]}\n2|"a|b\\\\c"\n3|null\n'
    assert _body(rows=[(None, None)]) == b"|null\n"


def test_escape_escapes_the_delimiter_in_a_super_field():
    assert _body(escape=True) == b'1|{"r_name":"AFRICA","n":[0,5]}\n2|"a\\|b\\\\\\\\c"\n3|null\n'


def test_csv_quotes_a_super_field_as_any_other():
    assert _body(format=Format.CSV) == b'1,"{""r_name"":""AFRICA"",""n"":[0,5]}"\n2,"""a|b\\\\c"""\n3,null\n'


def test_json_nests_the_super_value():
    lines = _body(format=Format.JSON).decode().splitlines()
    assert [json.loads(line) for line in lines] == [
        {"id": 1, "doc": {"r_name": "AFRICA", "n": [0, 5]}}, {"id": 2, "doc": "a|b\\c"}, {"id": 3, "doc": None}
    ]  # fmt: skip


def test_fixedwidth_writes_null_for_a_null_super():
    body = _body(format=Format.FIXEDWIDTH, fixed_widths=(("id", 2), ("doc", 6)), rows=[("1", "[1]"), ("2", None)])
    assert body == b"1 [1]   \n2 null  \n"


def test_parquet_writes_super_as_the_json_type():
    table = pq.read_table(io.BytesIO(_body(format=Format.PARQUET)))
    assert isinstance(table.schema.field("doc").type, pa.JsonType)
    assert table.column("doc").to_pylist() == ['{"r_name":"AFRICA","n":[0,5]}', '"a|b\\\\c"', None]
    assert "(JSON)" in str(pq.ParquetFile(io.BytesIO(_body(format=Format.PARQUET))).schema)


def test_manifest_verbose_names_the_super_type():
    document = json.loads(manifest("s3://b/p_", [], [ID, DOC], verbose=True))
    assert document["schema"]["elements"] == [
        {"name": "id", "type": {"base": "integer"}}, {"name": "doc", "type": {"base": "super"}}
    ]  # fmt: skip
