"""Per-column converters: JSON values to COPY text fields, and the load errors Redshift gives."""

from __future__ import annotations

import pytest

from local_redshift.copy.conversion import NULL, column_converter
from local_redshift.copy.errors import LoadError
from local_redshift.copy.options import CSV, CopyOptions, IamRole, JsonMapping, TextFormat
from local_redshift.copy.target import Column

_MODIFIERS = {"varchar(5)": ("varchar", 9), "char(1)": ("bpchar", 5), "numeric(5,2)": ("numeric", (5 << 16 | 2) + 4)}


def column(type_name: str, *, not_null: bool = False) -> Column:
    name, modifier = _MODIFIERS.get(type_name, (type_name, -1))
    return Column("c", name, modifier, not_null, identity=False, generated=False)


def convert(type_name: str, value, *, not_null: bool = False, **options) -> str:
    settings = CopyOptions(
        schema=None,
        table="t",
        columns=None,
        source_url="s3://b/p",
        authorization=IamRole("r"),
        json=JsonMapping(),
        **options,
    )
    return column_converter(column(type_name, not_null=not_null), settings)(value)


def refusal(type_name: str, value, **options) -> tuple[int, str]:
    with pytest.raises(LoadError) as refused:
        convert(type_name, value, **options)
    return refused.value.code, refused.value.reason


@pytest.mark.parametrize(
    "value, field",
    [
        ("plain", "plain"),
        ("tab\there", "tab\\there"),
        ("line\nbreak\r", "line\\nbreak\\r"),
        ("back\\slash", "back\\\\slash"),
        (None, NULL),
        ("", ""),
        ("   ", "   "),
        (42, "42"),
        (1.5, "1.5"),
        (True, "true"),
        ({"b": [1, "x"]}, '{"b":[1,"x"]}'),
        ("\\N", "\\\\N"),
    ],
)
def test_text_values(value, field):
    assert convert("text", value) == field


def test_empty_and_blank_strings_with_emptyasnull_and_blanksasnull():
    assert convert("varchar(5)", "", empty_as_null=True) == NULL
    assert convert("varchar(5)", "  ", empty_as_null=True) == "  "
    assert convert("varchar(5)", "  ", blanks_as_null=True) == NULL
    assert convert("varchar(5)", "", blanks_as_null=True) == ""


def test_varchar_length_is_counted_in_bytes():
    assert convert("varchar(5)", "héllo"[:4]) == "héll"
    assert refusal("varchar(5)", "héllo") == (1204, "String length exceeds DDL length")


def test_truncatecolumns_cuts_at_a_character_boundary():
    assert convert("varchar(5)", "abcdefg", truncate_columns=True) == "abcde"
    assert convert("varchar(5)", "abcdé", truncate_columns=True) == "abcd", "é takes 2 bytes: no half character"
    assert convert("varchar(5)", "€€", truncate_columns=True) == "€"


def test_char_takes_single_byte_characters_only():
    assert convert("char(1)", "M") == "M"
    assert refusal("char(1)", "é") == (
        1220,
        "Multibyte character not supported for CHAR (Hint: Try using VARCHAR). Invalid char: c3 a9",
    )


def test_nul_is_refused_or_replaced():
    assert refusal("text", "a\0b")[0] == 1220
    assert convert("text", "a\0b", accept_invalid_chars="?") == "a?b"


def test_trimblanks_removes_trailing_white_space():
    assert convert("varchar(5)", "ab   ", trim_blanks=True) == "ab"


@pytest.mark.parametrize(
    "type_name, value, field",
    [
        ("int4", 7, "7"),
        ("int4", "-12", "-12"),
        ("int4", " 3 ", "3"),
        ("int4", "", NULL),
        ("int4", "  ", NULL),
        ("int4", None, NULL),
        ("int2", 32767, "32767"),
        ("int8", 9223372036854775807, "9223372036854775807"),
        ("float8", 246.30812, "246.30812"),
        ("float8", 1540919166796.0, "1540919166796.0"),
        ("float8", 3, "3"),
        ("float8", "1e3", "1e3"),
        ("float8", "NaN", "NaN"),
        ("float4", 1.5, "1.5"),
        ("numeric(5,2)", "20.259", "20.25"),
        ("numeric(5,2)", 7, "7.00"),
        ("numeric", "1.5e2", "150"),
        ("bool", True, "t"),
        ("bool", False, "f"),
        ("bool", "yes", "t"),
        ("bool", 0, "f"),
        ("bool", "", NULL),
    ],
)
def test_numbers_and_booleans(type_name, value, field):
    assert convert(type_name, value) == field


def test_roundec_rounds_instead_of_truncating():
    assert convert("numeric(5,2)", "20.259", round_decimals=True) == "20.26"


@pytest.mark.parametrize(
    "type_name, value, refused",
    [
        ("int4", "12a", (1207, "Invalid digit, Value 'a', Pos 2, Type: Integer")),
        ("int4", 1.5, (1207, "Invalid digit, Value '.', Pos 1, Type: Integer")),
        ("int2", "x", (1207, "Invalid digit, Value 'x', Pos 0, Type: Short")),
        ("int8", True, (1207, "Invalid digit, Value 't', Pos 0, Type: Long")),
        ("int4", 2147483648, (1216, "Overflow (Integer valid range -2147483648 to 2147483647)")),
        ("int2", "-32769", (1216, "Overflow (Short valid range -32768 to 32767)")),
        (
            "int8",
            9223372036854775808,
            (1216, "Overflow (Long valid range -9223372036854775808 to 9223372036854775807)"),
        ),
        ("float8", "12,5", (1207, "Invalid digit, Value ',', Pos 2, Type: Double")),
        ("float4", 1e39, (1216, "Overflow (Real valid range -3.4028235e+38 to 3.4028235e+38)")),
        ("numeric(5,2)", "1000", (1216, "Numeric data overflow (result precision) for NUMERIC(5,2)")),
        ("numeric(5,2)", "abc", (1207, "Invalid digit, Value 'a', Pos 0, Type: Decimal")),
        ("bool", "maybe", (1210, "Invalid boolean value 'maybe'")),
    ],
)
def test_values_a_column_refuses(type_name, value, refused):
    assert refusal(type_name, value) == refused


def test_not_null_column_refuses_missing_data():
    assert refusal("int4", "", not_null=True) == (1213, "Missing data for not-null field")
    assert convert("varchar(5)", "", not_null=True) == "", "an empty string is data"


@pytest.mark.parametrize(
    "timeformat, value, field",
    [
        ("epochmillisecs", 1541105830796, "2018-11-01 20:57:10.796000"),
        ("epochmillisecs", "1541105830796", "2018-11-01 20:57:10.796000"),
        ("epochsecs", 1541105830, "2018-11-01 20:57:10"),
        ("epochsecs", 1541105830.5, "2018-11-01 20:57:10.500000"),
        (None, "2018-11-01 20:57:10", "2018-11-01 20:57:10"),
        (None, "2018-11-01T20:57:10.25", "2018-11-01 20:57:10.250000"),
        (None, "2018-11-01", "2018-11-01 00:00:00"),
        ("auto", "2019-02-11T05:09:12.195Z", "2019-02-11 05:09:12.195000"),
        ("auto", "19960108 040809", "1996-01-08 04:08:09"),
        ("auto", "J2451187", "1999-01-08 00:00:00"),
        ("auto", "Jan-08-1995", "1995-01-08 00:00:00"),
        ("MM/DD/YYYY HH12:MI:SS AM", "11/01/2018 09:57:10 PM", "2018-11-01 21:57:10"),
        ("DD MON YY HH24.MI", "01 Nov 18 21.57", "2018-11-01 21:57:00"),
        ("epochmillisecs", "", NULL),
    ],
)
def test_timestamps(timeformat, value, field):
    assert convert("timestamp", value, timeformat=timeformat) == field


def test_timestamptz_is_utc_unless_the_value_says_otherwise():
    assert convert("timestamptz", 0, timeformat="epochsecs") == "1970-01-01 00:00:00+00"
    assert convert("timestamptz", "2018-11-01 20:57:10-08") == "2018-11-01 20:57:10-08:00"


@pytest.mark.parametrize(
    "timeformat, value",
    [
        ("epochmillisecs", "soon"),
        ("epochmillisecs", True),
        (None, "01/11/2018"),
        (None, 1541105830796),
        ("YYYY-MM-DD HH24:MI:SS", "2018-13-01 00:00:00"),
    ],
)
def test_bad_timestamps_are_error_1206(timeformat, value):
    code, reason = refusal("timestamp", value, timeformat=timeformat)
    assert code == 1206 and reason.startswith("Invalid timestamp format or value [")


def test_acceptanydate_loads_null_for_what_it_cannot_read():
    assert convert("timestamp", "never", accept_any_date=True) == NULL
    assert convert("date", "00/00/00", accept_any_date=True, dateformat="MM/DD/YY") == NULL


@pytest.mark.parametrize(
    "dateformat, value, field",
    [
        (None, "2018-11-01", "2018-11-01"),
        ("MM/DD/YYYY", "12/31/1999", "1999-12-31"),
        ("auto", "12/31/1999", "1999-12-31"),
        ("YYYYMMDD", "20181101", "2018-11-01"),
        (None, " ", NULL),
    ],
)
def test_dates(dateformat, value, field):
    assert convert("date", value, dateformat=dateformat) == field


def test_bad_dates_are_error_1205():
    assert refusal("date", "18-1-1") == (1205, "Invalid Date Format - length must be 10 or more")
    assert refusal("date", "2018-13-01") == (1205, "Invalid date format - Invalid digit encountered")


def test_json_columns_take_any_value_as_json():
    assert convert("jsonb", {"a": "\t"}) == '{"a":"\\\\t"}'
    assert convert("jsonb", "text") == '"text"'


def test_super_columns_take_a_json_value_as_its_serialization():
    # "Using COPY to load data into SUPER columns" (https://docs.aws.amazon.com/redshift/latest/dg/copy_json.html):
    # nested values "ingested as SUPER values"; a scalar keeps its JSON form, a string its quotes (copy.supers).
    assert convert("super", {"a": "\t", "b": [1, None, True]}) == '{"a":"\\\\t","b":[1,null,true]}'
    assert convert("super", "text") == '"text"'
    assert convert("super", "") == '""'
    assert convert("super", None) == NULL
    assert refusal("super", None, not_null=True) == (1213, "Missing data for not-null field")


def test_super_columns_read_a_text_field_as_json():
    # The same page: "Amazon Redshift represents SUPER columns in text and CSV formats as" JSON; an empty or blank
    # field is NULL, as in any column that is not CHAR or VARCHAR.
    csv = TextFormat(CSV, delimiter=",")
    assert convert("super", '{"a" : [1, 2.50]}', text=csv) == '{"a":[1,2.50]}'
    assert convert("super", '"text"', text=csv) == '"text"'
    assert convert("super", "", text=csv) == NULL
    assert convert("super", "  ", text=csv) == NULL
    assert refusal("super", "text", text=csv)[0] == 1224


def test_varbyte_fields_are_hexadecimal_digits_kept_in_lowercase():
    assert convert("varbyte", "6162") == "6162"
    assert convert("varbyte", "4D0A") == "4d0a"
    assert convert("varbyte", "") == NULL
    assert convert("varbyte", None) == NULL


@pytest.mark.parametrize("value", ["abc", "zz", "61 62"])
def test_varbyte_fields_that_are_not_whole_bytes_of_hexadecimal_digits_are_refused(value):
    code, reason = refusal("varbyte", value)
    assert code == 1216
    assert "hexadecimal" in reason
