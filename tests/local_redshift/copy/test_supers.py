"""COPY into SUPER columns without a server: each value's serialization, the JSON mappings that fill SUPER columns
('auto', 'auto ignorecase', JSONPaths, 'noshred'), text and CSV fields read as JSON, and the load errors of what a
SUPER column cannot take.

Pages: "Using COPY to load data into SUPER columns" (COPY_JSON), "DECIMAL_SCALE function" (a SUPER number keeps its
scale), "Limitations" (SUPER_LIMITS: nesting depth 1000), "Load error reference" (1224).
"""

from __future__ import annotations

import orjson
import pytest

from local_redshift.copy.errors import CopyError, LoadError
from local_redshift.copy.grammar import parse_copy
from local_redshift.copy.rows import Rejected, RowPlan, Rows, convert_files
from local_redshift.copy.supers import (
    MAX_DEPTH,
    NOSHRED_COLUMNS,
    check_noshred,
    loads,
    parse_field,
    plain_values,
    serialized,
)
from local_redshift.copy.target import Column

COPY_JSON = "https://docs.aws.amazon.com/redshift/latest/dg/copy_json.html"
DECIMAL_SCALE = "https://docs.aws.amazon.com/redshift/latest/dg/r_decimal_scale.html"
SUPER_LIMITS = "https://docs.aws.amazon.com/redshift/latest/dg/limitations-super.html"
LOAD_ERRORS = "https://docs.aws.amazon.com/redshift/latest/dg/r_Load_Error_Reference.html"

_ROLE = "arn:aws:iam::123456789012:role/r"


def column(name: str, type_name: str, modifier: int = -1) -> Column:
    return Column(name, type_name, modifier, False, identity=False, generated=False)


def rows_of(parameters: str, columns: tuple[Column, ...], data: bytes, paths=None) -> list[str]:
    """The COPY text rows one file gives under the statement's parameters (rejected records left out)."""
    plan = RowPlan(parse_copy(f"COPY t FROM 's3://b/p' IAM_ROLE '{_ROLE}' {parameters}"), columns, paths)
    [file_rows] = convert_files(plan, [data])
    assert file_rows.failure is None
    return [line for part in file_rows.parts if isinstance(part, Rows) for line in part.text.decode().splitlines()]


def rejected_of(parameters: str, columns: tuple[Column, ...], data: bytes) -> list[Rejected]:
    plan = RowPlan(parse_copy(f"COPY t FROM 's3://b/p' IAM_ROLE '{_ROLE}' {parameters} MAXERROR 10"), columns)
    [file_rows] = convert_files(plan, [data])
    return [part for part in file_rows.parts if isinstance(part, Rejected)]


# --- a value's serialization ---


@pytest.mark.parametrize(
    "text, expected",
    [
        # The page's own document: JSON_PARSE('[10001,10002,"abc"]') prints [10001,10002,"abc"] (JSON_PARSE.html).
        ('[10001, 10002, "abc"]', '[10001,10002,"abc"]'),
        # Object keys in their order, no whitespace outside strings, a string scalar with its quotes.
        ('{ "r_name" : "AFRICA", "a b": [ true, false, null ] }', '{"r_name":"AFRICA","a b":[true,false,null]}'),
        ('"2001-09-08"', '"2001-09-08"'),
        # A number as written: 1.50 keeps its scale (DECIMAL_SCALE), and so do exponents and wide integers.
        ('{"price": 1.50, "f": 1E5, "g": -0.0, "big": 123456789012345678901234567890}',
         '{"price":1.50,"f":1E5,"g":-0.0,"big":123456789012345678901234567890}'),
        ('"1.50 is text"', '"1.50 is text"'),
        ('"tab\\there \\"quoted\\" \\u00e9"', '"tab\\there \\"quoted\\" é"'),
    ],
)  # fmt: skip
def test_a_value_is_stored_as_its_compact_serialization(text, expected):
    assert serialized(loads(text.encode())) == expected
    assert serialized(parse_field(text)) == expected


def test_loads_reads_and_refuses_as_orjson_does():
    assert loads(b'{"a": 1, "b": "x"}') == orjson.loads(b'{"a": 1, "b": "x"}')
    for bad in (b"[NaN]", b'{"a": Infinity}', b"[1,]", b'"\\ud800"'):
        with pytest.raises(orjson.JSONDecodeError):
            loads(bad)


def test_nesting_up_to_the_limit_loads_and_deeper_is_1224():
    # SUPER_LIMITS: "The maximum nesting depth for arrays and structures of the SUPER data type is 1000."
    deepest = "[" * MAX_DEPTH + "1.50" + "]" * MAX_DEPTH
    assert serialized(parse_field(deepest)) == deepest  # deeper than orjson writes (254 levels)
    objects = '{"a":' * 300 + "[]" + "}" * 300
    assert serialized(parse_field(objects)) == objects
    with pytest.raises(LoadError) as refused:
        serialized(parse_field("[" + deepest + "]"))
    assert (refused.value.code, refused.value.reason) == (1224, "SUPER value nested deeper than 1000 levels")


def test_text_that_is_not_json_is_1224_with_its_value():
    # LOAD_ERRORS: 1224, the input data is in a malformed JSON format or SUPER data type.
    with pytest.raises(LoadError) as refused:
        parse_field("{'single': 'quotes'}")
    assert refused.value.code == 1224
    assert refused.value.reason.startswith("Invalid JSON for a SUPER value: ")
    assert refused.value.raw_value == "{'single': 'quotes'}"


def test_the_other_columns_of_a_record_see_the_values_orjson_reads():
    record = loads(b'{"d": 1.50, "s": {"x": 2.50, "y": [1E2]}, "v": {"x": 2.50}, "n": 123456789012345678901}')
    values = plain_values(lambda found: [found["d"], found["s"], found["v"], found["n"]], [False, True, False, False])
    plain = values(record)
    assert plain[0] == 1.5 and plain[2] == {"x": 2.5} and plain[3] == 123456789012345678901.0
    assert serialized(plain[1]) == '{"x":2.50,"y":[1E2]}'


# --- the JSON mappings ---

REGION_NATION = (
    b'{"r_regionkey": 0, "r_name": "AFRICA", "r_comment": "lar deposits", '
    b'"r_nations": [{"n_comment": " haggle", "n_nationkey": 0, "n_name": "ALGERIA"}]}\n'
)
"""A record of the pages' region_nation data (copy_json.html's examples), cut short."""


def test_auto_ingests_nested_values_as_super_values():
    # COPY_JSON: "COPY matches the top-level JSON attributes with column names and allows nested values to be
    # ingested as SUPER values, such as JSON arrays and objects."
    columns = (column("r_regionkey", "int2"), column("r_name", "varchar", 24), column("r_nations", "super"))
    assert rows_of("FORMAT JSON 'auto'", columns, REGION_NATION) == [
        '0\tAFRICA\t[{"n_comment":" haggle","n_nationkey":0,"n_name":"ALGERIA"}]'
    ]


def test_auto_ignorecase_and_scalars_nulls_and_empty_strings():
    # COPY_JSON: "When the JSON attribute names are in mixed upper and lower cases, specify the auto ignorecase
    # option"; a scalar attribute is a SUPER scalar (a string with its quotes), a missing or null one is NULL.
    columns = (column("id", "int4"), column("doc", "super"))
    data = b'{"ID": 1, "Doc": "abc"}\n{"id": 2, "doc": ""}\n{"id": 3}\n{"id": 4, "DOC": null}\n{"id": 5, "doc": 2.50}'
    assert rows_of("FORMAT JSON 'auto ignorecase'", columns, data) == [
        '1\t"abc"', '2\t""', "3\t\\N", "4\t\\N", "5\t2.50"
    ]  # fmt: skip


def test_jsonpaths_map_attributes_to_super_columns_by_position():
    # COPY_JSON: the nations table (regionkey smallint, name varchar, comment super, nations super) and its
    # jsonpaths file "$.r_regionkey", "$.r_name", "$.r_comment", "$.r_nations".
    columns = (
        column("regionkey", "int2"), column("name", "varchar", 24), column("comment", "super"),
        column("nations", "super"),
    )  # fmt: skip
    paths = (("r_regionkey",), ("r_name",), ("r_comment",), ("r_nations", 0))
    assert rows_of("FORMAT JSON 's3://b/paths.json'", columns, REGION_NATION, paths) == [
        '0\tAFRICA\t"lar deposits"\t{"n_comment":" haggle","n_nationkey":0,"n_name":"ALGERIA"}'
    ]


def test_noshred_stores_each_whole_document_in_the_one_super_column():
    # COPY_JSON: "After COPY has successfully ingested the JSON, your table has a rdata SUPER data column that
    # contains the data of the entire JSON object." Records on one line or several, objects or arrays.
    data = REGION_NATION + b'{\n  "r_regionkey": 1,\n  "r_name": "AMERICA\\tTAB", "x": 1.10\n}\n[1, 2.0]\n'
    assert rows_of("FORMAT JSON 'noshred'", (column("rdata", "super"),), data) == [
        '{"r_regionkey":0,"r_name":"AFRICA","r_comment":"lar deposits",'
        '"r_nations":[{"n_comment":" haggle","n_nationkey":0,"n_name":"ALGERIA"}]}',
        '{"r_regionkey":1,"r_name":"AMERICA\\\\tTAB","x":1.10}',
        "[1,2.0]",
    ]


def test_noshred_needs_a_single_super_column():
    check_noshred((column("rdata", "super"),))
    for columns in ((column("rdata", "varchar"),), (column("id", "int4"), column("rdata", "super"))):
        with pytest.raises(CopyError) as refused:
            check_noshred(columns)
        assert refused.value.message == NOSHRED_COLUMNS


def test_a_super_value_too_deep_is_a_load_error_of_its_record_and_column():
    columns = (column("id", "int4"), column("doc", "super"))
    deep = b"[" * 1001 + b"]" * 1001
    [refused] = rejected_of("FORMAT JSON 'auto'", columns, b'{"id": 1, "doc": ' + deep + b"}\n")
    assert (refused.code, refused.column, refused.reason) == (1224, 1, "SUPER value nested deeper than 1000 levels")


# --- text and CSV ---


def test_csv_and_delimited_fields_hold_the_json_of_the_super_value():
    # COPY_JSON: "Amazon Redshift represents SUPER columns in text and CSV formats as single-line JSON objects. The
    # double quotation marks used for escaping in CSV require no intervention from users. However, for text format,
    # when the chosen delimiter might also appear in a SUPER field, use the ESCAPE option".
    columns = (column("id", "int4"), column("doc", "super"))
    csv = b'1,"{""a"": [1, 2.50], ""b"": ""x,y""}"\n2,"""abc"""\n3,\n4,null\n5,12\n'
    assert rows_of("CSV", columns, csv) == [
        '1\t{"a":[1,2.50],"b":"x,y"}', '2\t"abc"', "3\t\\N", "4\tnull", "5\t12"
    ]  # fmt: skip
    text = b'1,{"a":1\\,"b":"\\\\u00e9 \\\\\\\\"}\n2,\\N\n'  # ESCAPE: a backslash before a comma, before a backslash
    assert rows_of("DELIMITER ',' ESCAPE", columns, text) == ['1\t{"a":1,"b":"é \\\\\\\\"}', "2\t\\N"]


def test_a_field_that_is_not_json_is_1224_of_its_record_and_column():
    columns = (column("id", "int4"), column("doc", "super"))
    [refused] = rejected_of("CSV", columns, b'1,"{""a"": 1}"\n2,abc\n')
    assert (refused.line_number, refused.code, refused.column, refused.raw_value) == (2, 1224, 1, "abc")
