"""Splitting JSON data files into records, JSONPaths files, and mapping records to columns."""

from __future__ import annotations

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from local_redshift.copy import CopyError
from local_redshift.copy.errors import LoadError
from local_redshift.copy.json_records import MAX_RECORD_BYTES, Record, read_records
from local_redshift.copy.jsonpaths import parse_expression, parse_jsonpaths_file
from local_redshift.copy.mapping import NOT_AN_ARRAY, NOT_AN_OBJECT, by_name, by_paths


def records(data: bytes, **options) -> list[Record]:
    return list(read_records(data, **options))


def test_one_object_per_line():
    found = records(b'{"a": 1}\n\n{"a": 2}\r\n  {"a": 3}\n')
    assert [(record.line_number, record.value) for record in found] == [(1, {"a": 1}), (3, {"a": 2}), (4, {"a": 3})]


def test_objects_over_several_lines_and_several_on_one_line():
    data = b'{"a": 1}\n{\n  "a": 2,\n  "b": {"c": [1, 2]}\n}\n{"a": 3} {"a": 4}{"a": 5}\n[6, "x"]'
    found = records(data)
    assert [record.value for record in found] == [
        {"a": 1},
        {"a": 2, "b": {"c": [1, 2]}},
        {"a": 3},
        {"a": 4},
        {"a": 5},
        [6, "x"],
    ]
    assert [record.line_number for record in found] == [1, 5, 6, 6, 6, 7], "the last line of each record"


def test_strings_with_brackets_and_escaped_quotes_do_not_end_a_record_early():
    data = b'{\n"a": "}]\\" {[",\n"b": 1}'
    assert [record.value for record in records(data)] == [{"a": '}]" {[', "b": 1}]


def test_text_between_records_is_one_error_each_and_loading_goes_on():
    found = records(b'{"a": 1},{"a": 2}\nnonsense here\n{"a": 3}')
    assert [record.value for record in found if record.error is None] == [{"a": 1}, {"a": 2}, {"a": 3}]
    errors = [record for record in found if record.error is not None]
    assert [(record.raw, record.error.code) for record in errors] == [
        (b",", 1216),
        (b"nonsense", 1216),
        (b"here", 1216),
    ]


@pytest.mark.parametrize(
    "data, reason",
    [
        (b'{"a": 1', "Invalid JSON: the object or array is not closed"),
        (b'{"a" 1}', "Invalid JSON: "),
        (b'"just a string"', "Invalid JSON: text outside of a JSON object or array"),
        (b'{"a": NaN}', "Invalid JSON: "),
    ],
)
def test_malformed_records(data, reason):
    [record] = records(data)
    assert record.error.code == 1216 and record.error.reason.startswith(reason)


def test_a_record_larger_than_4_mb_is_refused():
    huge = b'{"a": "' + b"x" * MAX_RECORD_BYTES + b'"}\n{"a": 1}'
    found = records(huge)
    assert "exceeds 4194304 bytes" in found[0].error.reason
    assert found[1].value == {"a": 1}


def test_invalid_utf8_is_error_1220_unless_replaced():
    data = b'{"a": "caf\xe9!"}'
    [refused] = records(data)
    assert refused.error.code == 1220
    assert refused.error.reason == (
        "String contains invalid or unsupported UTF-8 codepoints. Bad UTF-8 hex sequence: e9 (error 4)"
    )
    [replaced] = records(data, replacement="^")
    assert replaced.value == {"a": "caf^!"}


def test_byte_order_mark_and_header_lines_are_skipped():
    data = b'\xef\xbb\xbfheader line\n{"a": 1}\n{"a": 2}'
    assert [record.value for record in records(data, skip_lines=1)] == [{"a": 1}, {"a": 2}]
    assert [record.line_number for record in records(data, skip_lines=2)] == [3]


def test_empty_and_blank_files_have_no_records():
    assert records(b"") == [] and records(b" \n\t\r\n") == []


bad_inputs = st.one_of(
    st.binary(max_size=300),
    st.builds(
        lambda value, cut: orjson.dumps(value)[:cut],
        st.recursive(
            st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=False) | st.text(),
            lambda children: (
                st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
            ),
            max_leaves=20,
        ),
        st.integers(min_value=0, max_value=200),
    ),
    st.builds(lambda depth: b"[" * depth + b"]" * depth, st.integers(min_value=1, max_value=3000)),
    st.builds(lambda text: b"\xef\xbb\xbf" + text.encode(), st.text(max_size=50)),
    st.builds(lambda junk: b'{"a": "' + junk + b'"}', st.binary(max_size=20)),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=bad_inputs, replacement=st.sampled_from([None, "?"]))
def test_any_input_gives_records_never_an_exception(data: bytes, replacement: str | None):
    for record in read_records(data, replacement=replacement):
        assert (record.value is None) != (record.error is None)
        assert isinstance(record.value, (dict, list)) or isinstance(record.error, LoadError)


@pytest.mark.parametrize(
    "expression, steps",
    [
        ("$['artist']", ("artist",)),
        ("$['store']['book'][0]", ("store", "book", 0)),
        ('$["a b"]', ("a b",)),
        ("$.store.book.title", ("store", "book", "title")),
        ("$.location[0].name", ("location", 0, "name")),
        ("$[1]", (1,)),
        ("$[0].id", (0, "id")),
    ],
)
def test_jsonpath_expressions(expression, steps):
    assert parse_expression(expression) == steps


@pytest.mark.parametrize("expression", ["$", "artist", "$['a'].b", "$.*", "$..a", "$.a[x]", "$.a[?(@.b)]", "$['a'"])
def test_jsonpath_expressions_redshift_refuses(expression):
    with pytest.raises(CopyError, match="Invalid JSONPath format: Supported notations are"):
        parse_expression(expression)


def test_jsonpaths_file():
    data = b'{"jsonpaths": ["$[\'a\']", "$.b.c"]}'
    assert parse_jsonpaths_file(data, "s3://b/paths.json") == [("a",), ("b", "c")]
    assert parse_jsonpaths_file(b'{"paths": ["$.a"]}', "s3://b/p") is None, "any other key: COPY maps by name"


@pytest.mark.parametrize(
    "data, why",
    [
        (b'{"jsonpaths": ["$.a"]', "not one well-formed JSON object"),
        (b'{"jsonpaths": ["$.a"]} {"jsonpaths": []}', "not one well-formed JSON object"),
        (b'[["$.a"]]', "single JSON object"),
        (b'{"jsonpaths": "$.a"}', "must be an array"),
        (b'{"jsonpaths": ["$.a", ""]}', "non-empty string"),
        (b'{"jsonpaths": ["$.a", 3]}', "non-empty string"),
    ],
)
def test_malformed_jsonpaths_files(data, why):
    with pytest.raises(CopyError, match=why):
        parse_jsonpaths_file(data, "s3://b/paths.json")


def test_mapping_by_name_is_case_sensitive_unless_told_otherwise():
    record = {"firstName": "Ada", "lastname": "Lovelace", "extra": 1}
    assert by_name(["firstname", "lastname", "missing"], ignore_case=False)(record) == [None, "Lovelace", None]
    assert by_name(["firstname", "lastname"], ignore_case=True)(record) == ["Ada", "Lovelace"]


def test_mapping_by_paths_walks_objects_and_arrays():
    values = by_paths([("a", "b"), ("list", 1), ("list", 0, "x"), ("gone", "deeper")])
    assert values({"a": {"b": 1}, "list": [{"x": "first"}, 2]}) == [1, 2, "first", None]
    assert by_paths([(0,), (2,)])(["x", "y", "z"]) == ["x", "z"]


@pytest.mark.parametrize(
    "record, paths, reason",
    [
        ([1, 2], [("a",)], NOT_AN_OBJECT),
        ({"a": "text"}, [("a", "b")], NOT_AN_OBJECT),
        ({"a": [1]}, [("a", 3)], NOT_AN_ARRAY),
        ({"a": {"b": 1}}, [("a", 0)], NOT_AN_ARRAY),
    ],
)
def test_mapping_errors(record, paths, reason):
    with pytest.raises(LoadError, match=reason.replace(".", r"\.")):
        by_paths(paths)(record)
