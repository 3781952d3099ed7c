"""The row function (the compiled kernel's and the interpreter's) and the JSON line loop give what the per-column
converters and read_records give.

They only make the per-value work cheaper: the expected rows and load errors here are the converters' own (whose
values test_conversion checks against the Developer Guide), never the function's.
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta

import orjson
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from local_redshift.copy.conversion import column_converter
from local_redshift.copy.datetimes import EPOCH_SCALES, epoch_text
from local_redshift.copy.errors import LoadError
from local_redshift.copy.grammar import parse_copy
from local_redshift.copy.mapping import by_name
from local_redshift.copy.row_function import ESCAPED_SPECIAL, RowKernel, row_function
from local_redshift.copy.rows import Rejected, RowPlan, Rows, convert_files, records
from local_redshift.copy.target import Column

_STATEMENT = "COPY t FROM 's3://b/p' IAM_ROLE 'arn:aws:iam::123456789012:role/r' FORMAT AS JSON 'auto' "
_OPTIONS = [
    "",
    "TRUNCATECOLUMNS BLANKSASNULL EMPTYASNULL TIMEFORMAT 'epochmillisecs'",
    "TRIMBLANKS TIMEFORMAT 'epochsecs' ACCEPTANYDATE",
    "ACCEPTINVCHARS ROUNDEC",
]
_COLUMNS = (
    ("varchar", 8 + 4),
    ("varchar", 3 + 4),
    ("varchar", -1),
    ("bpchar", 2 + 4),
    ("text", -1),
    ("int2", -1),
    ("int4", -1),
    ("int8", -1),
    ("float4", -1),
    ("float8", -1),
    ("numeric", ((6 << 16) | 2) + 4),
    ("bool", -1),
    ("timestamp", -1),
    ("timestamptz", -1),
    ("date", -1),
    ("jsonb", -1),
)
_EPOCH = datetime(1970, 1, 1)

_texts = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", " ", "a\tb", "a\\b", "\\N", "é" * 3, "\u3000", "12", "007", "-5", "99999", "2147483648"]),
)
_values = st.one_of(
    st.none(),
    _texts,
    st.integers(min_value=-(2**64), max_value=2**64),
    st.sampled_from([0, 2**31 - 1, 2**31, -(2**15) - 1, 253402300799999, 253402300800000, -62135596800000]),
    st.floats(allow_nan=False),
    st.booleans(),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
)


def _columns(not_null: bool) -> tuple[Column, ...]:
    return tuple(
        Column(f"c{index}", kind, modifier, not_null and index % 2 == 0, identity=False, generated=False)
        for index, (kind, modifier) in enumerate(_COLUMNS)
    )


def _by_converters(converters, values) -> str | tuple[int, str, str]:
    try:
        return "\t".join(convert(value) for convert, value in zip(converters, values, strict=True)) + "\n"
    except LoadError as error:
        return int(error.code), error.reason, error.raw_value


KERNELS = [
    pytest.param(False, id="interpreted"),
    pytest.param(True, id="kernel", marks=pytest.mark.skipif(RowKernel is None, reason="the row kernel is not built")),
]


def test_the_kernel_is_built_where_a_c_compiler_is():
    if not (shutil.which("cc") or shutil.which("gcc")):
        pytest.skip("no C compiler here: COPY runs the interpreted row function")
    assert RowKernel is not None, "the install built no row kernel (lib/local_redshift/copy/_row_kernel.c)"


@pytest.mark.parametrize("compiled", KERNELS)
@settings(max_examples=300, deadline=None)
@given(
    option=st.sampled_from(_OPTIONS),
    not_null=st.booleans(),
    values=st.lists(_values, min_size=len(_COLUMNS), max_size=len(_COLUMNS)),
)
def test_rows_and_load_errors_are_the_converters(compiled, option, not_null, values):
    options = parse_copy(_STATEMENT + option)
    columns = _columns(not_null)
    converters = [column_converter(column, options) for column in columns]
    convert_row = row_function(columns, converters, options, compiled=compiled)
    # `clean` as the loader finds it: from the record's JSON text.
    clean = ESCAPED_SPECIAL(json.dumps(values, ensure_ascii=False).encode()) is None
    try:
        row = convert_row(values, clean)
    except LoadError as error:
        row = int(error.code), error.reason, error.raw_value
    assert row == _by_converters(converters, values)


@pytest.mark.parametrize("compiled", KERNELS)
@settings(max_examples=300, deadline=None)
@given(
    record=st.one_of(
        st.dictionaries(st.sampled_from(["c0", "c5", "c9", "C0", "other"]), _values, max_size=5),
        st.lists(_values, max_size=3),
        _values,
    ),
    ignore_case=st.booleans(),
)
@example(record={"c9": float("inf")}, ignore_case=False)  # infinity in a FLOAT8 column is an Overflow, both ways
def test_a_record_maps_to_the_rows_its_mapping_gives(compiled, record, ignore_case):
    options = parse_copy(_STATEMENT)
    columns = _columns(False)
    converters = [column_converter(column, options) for column in columns]
    mapping = by_name([column.name for column in columns], ignore_case=ignore_case)
    convert_row = row_function(columns, converters, options, column_values=mapping, compiled=compiled)
    try:
        expected = _by_converters(converters, mapping(record))
    except LoadError as error:
        expected = int(error.code), error.reason, error.raw_value
    clean = ESCAPED_SPECIAL(json.dumps(record, ensure_ascii=False).encode()) is None
    try:
        row = convert_row(record, clean)
    except LoadError as error:
        row = int(error.code), error.reason, error.raw_value
    assert row == expected


@pytest.mark.parametrize(
    "json_text",
    [b'["a\\tb"]', b'["a\\\\b"]', b'["a\\nb"]', b'["a\\rb"]', b'["\\u0000"]', b'["\\u000A"]', b'["\\u005c"]',
     b'["\\u0009"]', b'["\\u000d"]'],
)  # fmt: skip
def test_a_json_text_that_escapes_a_special_character_is_not_clean(json_text):
    assert ESCAPED_SPECIAL(json_text) is not None


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_a_clean_json_text_holds_no_string_to_escape(text):
    for json_text in (orjson.dumps([text]), json.dumps([text]).encode()):
        if ESCAPED_SPECIAL(json_text) is None:
            assert not any(character in orjson.loads(json_text)[0] for character in "\\\t\n\r\0")


@pytest.mark.skipif(RowKernel is None, reason="the row kernel is not built")
@pytest.mark.parametrize("kind", ["timestamp", "timestamptz"])
@pytest.mark.parametrize("timeformat", sorted(EPOCH_SCALES))
def test_the_kernels_epoch_text_is_epoch_texts(kind, timeformat):
    options = parse_copy(_STATEMENT + f"TIMEFORMAT '{timeformat}'")
    [column] = columns = (Column("ts", kind, -1, False, identity=False, generated=False),)
    kernel = row_function(columns, [column_converter(column, options)], options, compiled=True)
    text, low, high = epoch_text(EPOCH_SCALES[timeformat])
    suffix = "+00" if kind == "timestamptz" else ""

    @settings(max_examples=2000, deadline=None)
    @given(st.one_of(st.integers(low, high), st.sampled_from([low, high, -1, 0, 1, 86_399_999, -86_400_001])))
    def the_same(count):
        assert kernel([count], True) == text(count) + suffix + "\n"

    the_same()


@pytest.mark.parametrize("timeformat", sorted(EPOCH_SCALES))
def test_epoch_text_is_the_datetime_isoformat(timeformat):
    scale = EPOCH_SCALES[timeformat]
    text, low, high = epoch_text(scale)
    step = 1_000_000 // scale
    for count in (low, low + 1, -1, 0, 1, 999, 1541033449, 1541033449747, high - 1, high):
        if count > high:
            continue
        assert text(count) == (_EPOCH + timedelta(microseconds=count * step)).isoformat(" ")
    with pytest.raises(OverflowError):
        _EPOCH + timedelta(microseconds=(high + 1) * step)
    with pytest.raises(OverflowError):
        _EPOCH + timedelta(microseconds=(low - 1) * step)


_LINES = [
    b'{"a": "x", "b": 1}',
    b'{"a": "tab\\there", "b": 2}',
    b'{"a": "too long for varchar(8)", "b": 3}',
    b'{"a": "y", "b": "not a number"}',
    b"",
    b"   ",
    b"[1, 2]",
    b'{"a": "z",\n "b": 4}',
    b'{"a": "\xff"}',
    b"5",
    b'{"a": "w"',
]


@settings(max_examples=200, deadline=None)
@given(
    lines=st.lists(st.sampled_from(_LINES), max_size=12),
    option=st.sampled_from(["", "IGNOREHEADER 1", "ACCEPTINVCHARS MAXERROR 10", "TRUNCATECOLUMNS"]),
    bom=st.booleans(),
)
def test_the_json_line_loop_reads_the_records_read_records_reads(lines, option, bom):
    columns = (Column("a", "varchar", 8 + 4, False, False, False), Column("b", "int4", -1, False, False, False))
    plan = RowPlan(parse_copy(_STATEMENT + option), columns)
    data = (b"\xef\xbb\xbf" if bom else b"") + b"\n".join(lines)
    [file_rows] = convert_files(plan, [data])
    converters = [column_converter(column, plan.options) for column in columns]
    column_values = by_name([column.name for column in columns], ignore_case=False)
    expected_rows, expected_rejected = [], []
    for ordinal, record in enumerate(records(plan, data)):
        try:
            row = None if record.error else _by_converters(converters, column_values(record.value))
        except LoadError:
            row = None
        if isinstance(row, str):
            expected_rows.append((ordinal, row))
        else:
            expected_rejected.append((ordinal, record.line_number, record.raw))
    rows = [part for part in file_rows.parts if isinstance(part, Rows)]
    texts = [text + "\n" for text in b"".join(part.text for part in rows).decode().split("\n")[:-1]]
    assert list(zip([o for part in rows for o in part.ordinals], texts, strict=True)) == expected_rows
    rejected = [(part.ordinal, part.line_number, part.raw) for part in file_rows.parts if isinstance(part, Rejected)]
    assert rejected == expected_rejected
