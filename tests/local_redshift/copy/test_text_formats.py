"""COPY of delimited text, CSV and fixed-width files, without servers: the grammar of their parameters, the records
and fields a file splits into, the conversions of text fields and ENCODING.

Expected values come from the Amazon Redshift Database Developer Guide: "Data format parameters"
(copy-parameters-data-format), "Data conversion parameters" (copy-parameters-data-conversion), "Load error
reference" (r_Load_Error_Reference), "Tutorial: Loading data from Amazon S3" (tutorial-loading-data) and the
Getting Started guide's TICKIT load (rs-gsg-create-sample-db).
"""

from __future__ import annotations

import codecs

import pytest

from local_redshift.copy import CopyError, parse_copy
from local_redshift.copy import text_records as text_records_module
from local_redshift.copy.conversion import NULL, column_converter
from local_redshift.copy.errors import LoadError
from local_redshift.copy.options import CSV, DELIMITED, FIXEDWIDTH, CopyOptions
from local_redshift.copy.source import S3Object
from local_redshift.copy.target import Column
from local_redshift.copy.text_conversion import fill_values, text_converter
from local_redshift.copy.text_records import text_records
from local_redshift.copy.transcoding import WRONG_ENCODING, in_utf8
from local_redshift.errors import LoadErrorCode

BASE = "COPY t FROM 's3://b/p' IAM_ROLE 'arn:aws:iam::123456789012:role/r' "


def options(parameters: str = "") -> CopyOptions:
    return parse_copy(BASE + parameters)


def records(data: bytes, parameters: str = "", columns: int = 2, **reading) -> list:
    text = options(parameters)
    return list(
        text_records(
            data,
            text.text,
            columns=columns,
            replacement=reading.get("replacement", text.accept_invalid_chars),
            skip_lines=text.ignore_header,
        )
    )


def fields(data: bytes, parameters: str = "", columns: int = 2) -> list[list[str | None]]:
    found = records(data, parameters, columns)
    assert [record.error for record in found] == [None] * len(found)
    return [record.value for record in found]


def errors(data: bytes, parameters: str = "", columns: int = 2) -> list[tuple[int, int, str]]:
    return [
        (record.line_number, record.error.code, record.error.reason)
        for record in records(data, parameters, columns)
        if record.error
    ]


# --- the grammar of the text formats' parameters (Data format parameters) ---


def test_without_a_format_the_data_is_pipe_delimited_text_with_backslash_n_for_null():
    """ "By default, the COPY command expects the source data to be character-delimited UTF-8 text. The default
    delimiter is a pipe character ( | )"; "The default null_string is '\\N'"."""
    text = options().text
    assert (text.kind, text.delimiter, text.null_as, text.escape) == (DELIMITED, "|", "\\N", False)


@pytest.mark.parametrize(
    ("parameters", "delimiter", "quote"),
    [
        ("CSV", ",", '"'),  # "When the CSV parameter is used, the default delimiter is a comma"
        ("FORMAT AS CSV", ",", '"'),
        ("CSV QUOTE AS '%'", ",", "%"),
        ("CSV QUOTE '%' DELIMITER ';'", ";", "%"),
        ("FORMAT CSV DELIMITER AS '|'", "|", '"'),
    ],
)
def test_csv_defaults_to_comma_and_double_quote(parameters, delimiter, quote):
    text = options(parameters).text
    assert (text.kind, text.delimiter, text.quote) == (CSV, delimiter, quote)


@pytest.mark.parametrize(
    ("written", "delimiter"),
    [("'\\t'", "\t"), ("'\\011'", "\t"), ("'|'", "|"), ("','", ","), ("AS '\\001'", "\x01"), ("'\\\\'", "\\")],
)
def test_delimiter_is_one_ascii_character_also_in_octal(written, delimiter):
    """ "such as a pipe character ( | ), a comma ( , ), or a tab ( \\t ). ... ASCII characters can also be represented
    in octal, using the format '\\ddd'"."""
    assert options(f"DELIMITER {written}").text.delimiter == delimiter


@pytest.mark.parametrize(
    ("written", "null"),
    [("'\\000'", "\0"), ("'\\0'", "\0"), ("'\\N'", "\\N"), ("''", ""), ("AS 'NULL'", "NULL"), ("'\\\\N'", "\\N")],
)
def test_null_as_reads_nul_as_backslash_zero_and_keeps_backslash_n(written, null):
    """NULL AS: "you can use NULL AS to replace the null terminator with NULL by specifying '\\0' or '\\000'"."""
    assert options(f"NULL {written}").text.null_as == null


def test_fixedwidth_spec_gives_one_width_per_label_whatever_the_labels():
    """The tutorial's spec, its 'c_region :12' label with a space included."""
    spec = "c_custkey:10, c_name:25, c_address:25, c_city:10, c_nation:15, c_region :12, c_phone:15,c_mktsegment:10"
    text = options(f"FIXEDWIDTH '{spec}'").text
    assert (text.kind, text.widths) == (FIXEDWIDTH, (10, 25, 25, 10, 15, 12, 15, 10))


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        # "CSV cannot be used with FIXEDWIDTH, REMOVEQUOTES, or ESCAPE."
        ("CSV FIXEDWIDTH 'a:1'", "CSV cannot be used with FIXEDWIDTH"),
        ("CSV REMOVEQUOTES", "CSV cannot be used with REMOVEQUOTES"),
        ("ESCAPE FORMAT AS CSV", "CSV cannot be used with ESCAPE"),
        # "The QUOTE parameter can be used only with the CSV parameter."
        ("QUOTE '%'", "QUOTE can be used only with CSV"),
        # "DELIMITER cannot be used with FIXEDWIDTH."; ESCAPE: "You cannot use the ESCAPE parameter for FIXEDWIDTH"
        ("FIXEDWIDTH 'a:1' DELIMITER ','", "FIXEDWIDTH cannot be used with DELIMITER"),
        ("FIXEDWIDTH 'a:1' ESCAPE", "FIXEDWIDTH cannot be used with ESCAPE"),
        # "Specifies the single ASCII character that is used to separate fields"
        ("DELIMITER '||'", "DELIMITER must be a single ASCII character other than newline and NUL, not '||'"),
        ("DELIMITER 'é'", "DELIMITER must be a single ASCII character other than newline and NUL, not 'é'"),
        ("CSV QUOTE ','", "QUOTE and DELIMITER must be different characters"),
        ("FIXEDWIDTH 'a'", "Invalid FIXEDWIDTH spec 'a': expected 'label:width, ...' with positive widths"),
        ("FIXEDWIDTH 'a:0'", "Invalid FIXEDWIDTH spec 'a:0': expected 'label:width, ...' with positive widths"),
        ("CSV CSV", "conflicting or redundant options: CSV is given twice"),
        ("ENCODING LATIN1", "Invalid ENCODING 'LATIN1': use UTF8, UTF16, UTF16LE or UTF16BE"),
    ],
)
def test_combinations_the_pages_rule_out_are_refused(parameters, message):
    with pytest.raises(CopyError) as refused:
        options(parameters)
    assert (refused.value.sqlstate, refused.value.message) == ("42601", message)


def test_load_operation_and_conversion_parameters_are_read_with_text_formats():
    """ "Data load operations": COMPUPDATE and STATUPDATE are accepted (nothing to do locally)."""
    read = options(
        "DELIMITER '\\t' COMPUPDATE OFF STATUPDATE ON MAXERROR 10 IGNOREHEADER 1 ACCEPTINVCHARS AS '^' "
        "DATEFORMAT 'auto' TIMEFORMAT 'epochsecs' ENCODING UTF16LE FILLRECORD IGNOREBLANKLINES TRIMBLANKS ROUNDEC"
    )
    assert (read.max_errors, read.ignore_header, read.accept_invalid_chars, read.encoding) == (10, 1, "^", "utf16le")
    assert (read.text.fill_record, read.text.ignore_blank_lines, read.trim_blanks, read.round_decimals) == (
        True,
        True,
        True,
        True,
    )


# --- delimited text ---


def test_pipe_delimited_lines_split_into_fields_and_backslash_n_is_null():
    assert fields(b"1|one\n2|\\N\n3|\n") == [["1", "one"], ["2", None], ["3", ""]]


def test_the_last_line_needs_no_newline_and_a_cr_is_data_in_delimited_text():
    """ESCAPE: "to escape newline characters in data that originates from Microsoft Windows platforms, you might
    need to use two escape characters: one for the carriage return and one for the line feed" (a CR is data)."""
    assert fields(b"1|one\r\n2|two") == [["1", "one\r"], ["2", "two"]]


def test_escape_loads_the_character_after_a_backslash_as_data():
    """The page's four rows (ESCAPE, REMOVEQUOTES for row 4), pipe-delimited; the loaded column 2 is the character
    after each backslash, the leading space of each field kept."""
    data = (
        b"1|The quick brown fox\\\njumped over the lazy dog.\n"
        b"2| A\\\\B\\\\C\n"
        b"3| A \\| B \\| C\n"
        b"4| 'A Midsummer Night\\'s Dream'\n"
    )
    assert fields(data, "ESCAPE REMOVEQUOTES") == [
        ["1", "The quick brown fox\njumped over the lazy dog."],
        ["2", " A\\B\\C"],
        ["3", " A | B | C"],
        ["4", "A Midsummer Night's Dream"],
    ]


def test_escape_does_not_read_octal_and_without_escape_a_backslash_is_data():
    """ "if your source data contains the octal line feed value (\\012) ... Amazon Redshift loads the value 012"."""
    assert fields(b"1|a\\012b\n", "ESCAPE") == [["1", "a012b"]]
    assert fields(b"1|a\\012b\n") == [["1", "a\\012b"]]


def test_with_escape_backslash_n_and_escaped_backslash_n_are_both_null():
    """ "The default null string, \\N, works as is, but it can also be escaped in the input data as \\\\N. As long as
    you don't specify an alternative null string with the NULL AS parameter, \\N and \\\\N produce the same
    results"."""
    assert fields(b"1|\\N\n2|\\\\N\n", "ESCAPE") == [["1", None], ["2", None]]
    assert fields(b"1|\\N\n2|\\\\N\n3|x\n", "ESCAPE NULL AS 'x'") == [["1", "N"], ["2", "\\N"], ["3", None]]


def test_removequotes_keeps_delimiters_inside_quotes_and_refuses_a_missing_end_quote():
    """ "All characters within the quotation marks, including delimiters, are retained. If a string has a beginning
    single or double quotation mark but no corresponding ending mark, the COPY command fails to load that row"."""
    data = b"1|\"a|b\"\n2|'c'\n3|'open\n4|plain\n"
    assert [record.value for record in records(data, "REMOVEQUOTES")] == [
        ["1", "a|b"],
        ["2", "c"],
        None,
        ["4", "plain"],
    ]
    assert errors(data, "REMOVEQUOTES") == [(3, 1214, "Delimited value missing end quote")]


def test_extra_and_missing_fields_are_load_errors_1202_and_1214():
    """1202 "Input data had more columns than were defined in the DDL"; 1214 "Delimiter not found"."""
    assert errors(b"1|a|b\n2\n3|c\n") == [(1, 1202, "Extra column(s) found"), (2, 1214, "Delimiter not found")]


def test_a_delimiter_that_ends_the_line_adds_no_field():
    """ "Load data from a file with default values" (COPY examples) loads venue_noseats.txt's '1|Toyota
    Park|Bridgeview|IL|' into the four columns of its column list."""
    assert fields(b"1|Toyota Park|Bridgeview|IL|\n", columns=4) == [["1", "Toyota Park", "Bridgeview", "IL"]]
    assert fields(b"1|a||\n", columns=3) == [["1", "a", ""]]
    assert errors(b"1|a||\n", columns=2) == [(1, 1202, "Extra column(s) found")]


def test_fillrecord_fills_the_missing_last_columns_with_empty_fields():
    """FILLRECORD: "The missing columns are filled with either zero-length strings or NULLs, as appropriate for the
    data types of the columns" (the converters make an empty field NULL for types other than CHAR and VARCHAR)."""
    assert fields(b"1\n2|b|\n", "FILLRECORD", columns=3) == [["1", "", ""], ["2", "b", ""]]


def test_fillrecord_gives_varchar_an_empty_string_and_char_and_other_types_null():
    """ "if EMPTYASNULL is not present and the column is a VARCHAR, zero-length strings are loaded"; the page's
    example: "The missing CHAR values would be loaded as NULL values"."""
    names = ("varchar", "bpchar", "int4", "date")
    columns = [Column(name, name, -1, not_null=False, identity=False, generated=False) for name in names]
    missing = fill_values(columns)
    assert missing == ("", None, None, None)
    found = text_records(b"a\n", options("FILLRECORD").text, columns=4, missing=missing)
    assert [record.value for record in found] == [["a", None, None, None]]


def test_ignoreheader_skips_lines_and_line_numbers_count_them():
    found = records(b"id|name\n1|x\n2\n", "IGNOREHEADER 1")
    assert [(record.line_number, record.value) for record in found] == [(2, ["1", "x"]), (3, None)]


def test_blank_lines_are_records_unless_ignoreblanklines():
    """IGNOREBLANKLINES: "Ignores blank lines that only contain a line feed in a data file"."""
    assert errors(b"1|a\n\n2|b\n") == [(2, 1214, "Delimiter not found")]
    assert fields(b"1|a\n\n2|b\n", "IGNOREBLANKLINES") == [["1", "a"], ["2", "b"]]


# --- NUL (Data conversion parameters: NULL AS; the tutorial's PART table) ---


PART_WITH_NUL = b'15,NUL next,\x00,MFGR#47,MFGR#3438,indigo,"LARGE ANODIZED BRASS",45,LG CASE\n'


def test_nul_ends_a_record_so_the_tutorials_part_line_fails_without_null_as():
    """ "By default, COPY treats a NUL terminator character as an EOR character and terminates the record"; the
    tutorial's STL_LOAD_ERRORS row shows the line text '15,NUL next,' and 'Missing newline: Unexpected character
    0x2c f...' (0x2c is the comma after the NUL)."""
    [record] = records(PART_WITH_NUL, "CSV", columns=9)
    assert record.raw == b"15,NUL next,"
    assert record.error.reason == "Missing newline: Unexpected character 0x2c found at location 13"


def test_null_as_backslash_000_loads_a_field_of_only_nul_as_null():
    """`csv null as '\\000'` loads the tutorial's row with p_mfgr NULL."""
    assert fields(PART_WITH_NUL, "CSV NULL AS '\\000'", columns=9) == [
        ["15", "NUL next", None, "MFGR#47", "MFGR#3438", "indigo", "LARGE ANODIZED BRASS", "45", "LG CASE"]
    ]


# --- CSV ---


def test_csv_quotes_hold_delimiters_and_doubled_quotes_as_the_tutorial_shows():
    """The tutorial's PART excerpt: "PROMO, POLISHED BRASS" and "MEDIUM ""BURNISHED"" TIN"."""
    data = (
        b'22,floral beige,MFGR#4,MFGR#44,MFGR#4421,medium,"PROMO, POLISHED BRASS",19,LG DRUM\n'
        b'23,bisque slate,MFGR#4,MFGR#41,MFGR#4137,firebrick,"MEDIUM ""BURNISHED"" TIN",42,JUMBO JAR\n'
    )
    assert [row[6] for row in fields(data, "CSV", columns=9)] == ["PROMO, POLISHED BRASS", 'MEDIUM "BURNISHED" TIN']


def test_csv_quoted_values_hold_newlines_and_carriage_returns_and_lines_may_end_with_crlf():
    """ "To automatically escape delimiters, newline characters, and carriage returns, enclose the field in the
    character specified by the QUOTE parameter"."""
    found = records(b'1,"two\r\nlines"\r\n2,"A ""quoted"" word"\r\n3,x\n', "CSV")
    assert [(record.line_number, record.value) for record in found] == [
        (1, ["1", "two\r\nlines"]),
        (3, ["2", 'A "quoted" word']),
        (4, ["3", "x"]),
    ]


def test_csv_ignores_white_space_between_delimiters_and_quotes_but_a_tab_delimiter_is_no_white_space():
    """ "When a field is enclosed in quotes, white space between the delimiters and the quote characters is ignored.
    If the delimiter is a white space character, such as a tab, the delimiter is not treated as white space"."""
    assert fields(b'1,  "a"  \n', "CSV") == [["1", "a"]]
    assert fields(b'1\t"a"\n', "CSV DELIMITER '\\t'") == [["1", "a"]]


def test_csv_with_another_quote_character_needs_no_escaped_double_quotes():
    """ "If you use the QUOTE parameter to define a quote character other than double quotation mark, you don't need
    to escape double quotation marks within the field"."""
    assert fields(b'1,%say "hi", then%\n', "CSV QUOTE AS '%'") == [["1", 'say "hi", then']]


def test_csv_null_string_is_matched_unquoted_and_an_unclosed_quote_is_a_load_error():
    assert fields(b'1,\\N\n2,""\n', "CSV") == [["1", None], ["2", ""]]
    assert errors(b'1,"open\n2,x\n', "CSV") == [(1, 1214, "Delimited value missing end quote")]


# --- FIXEDWIDTH ---

VENUE_SPEC = "FIXEDWIDTH 'venueid:3,venuename:25,venuecity:12,venuestate:2,venueseats:6'"


def test_fixedwidth_cuts_each_line_into_its_widths():
    """The COPY examples' venue spec (3, 25, 12, 2, 6 characters)."""
    line = b"1  Toyota Park              Bridgeview  IL0     \n"
    assert fields(line, VENUE_SPEC, columns=5) == [["1  ", "Toyota Park".ljust(25), "Bridgeview  ", "IL", "0     "]]


def test_fixedwidth_widths_count_characters_not_bytes():
    """ENCODING: "Fixed-width data files must use UTF-8 encoding. The field widths are based on the number of
    characters, not the number of bytes"."""
    assert fields("1 é  x\n".encode(), "FIXEDWIDTH 'a:2,b:3,c:1'", columns=3) == [["1 ", "é  ", "x"]]


def test_fixedwidth_short_lines_leave_their_last_fields_short_or_empty():
    """The tutorial's log file lines ('#Load file', 'Complete') reach the first column, which refuses them
    (field text 'customer-f' for the line 'customer-fw.tbl': the first 10 characters)."""
    assert fields(b"customer-fw.tbl\nComplete\n", "FIXEDWIDTH 'k:10,name:25'") == [
        ["customer-f", "w.tbl"],
        ["Complete", ""],
    ]


# --- invalid UTF-8 and the conversions of text fields (Data conversion parameters) ---

_MODIFIERS = {"varchar(10)": ("varchar", 14), "char(2)": ("bpchar", 6), "numeric(8,2)": ("numeric", (8 << 16 | 2) + 4)}


def converted(type_name: str, value: str | None, parameters: str = "") -> str:
    name, modifier = _MODIFIERS.get(type_name, (type_name, -1))
    column = Column("c", name, modifier, not_null=False, identity=False, generated=False)
    return text_converter(column, options(parameters))(value)


def refused(type_name: str, value: str | None, parameters: str = "") -> LoadError:
    with pytest.raises(LoadError) as failure:
        converted(type_name, value, parameters)
    return failure.value


def test_invalid_utf8_in_a_varchar_field_is_1220_with_each_bad_byte_shown_as_a_period():
    """The tutorial's CUSTOMER errors: c_address, 1220, field text with a period for each invalid byte; the reason
    as "Multibyte character load errors" words it for VARCHAR ('String contains invalid or unsupported UTF-8
    codepoints. Bad UTF-8 hex sequence: a4 (error 3)'; the tutorial's excerpt spells it UTF8)."""
    [record] = records(b"1|Mayag\xe9ez\n")
    error = refused("varchar(10)", record.value[1])
    assert (error.code, error.raw_value) == (LoadErrorCode.INVALID_UTF8, "Mayag.ez")
    assert (
        error.reason == "String contains invalid or unsupported UTF-8 codepoints. Bad UTF-8 hex sequence: e9 (error 4)"
    )


def test_acceptinvchars_replaces_each_invalid_byte_with_its_character():
    """ "COPY replaces each invalid UTF-8 character with a string of equal length consisting of the character
    specified by replacement_char"; the default is '?'."""
    assert fields(b"1|a\xe9\xffz\n", "ACCEPTINVCHARS AS '^'") == [["1", "a^^z"]]
    assert fields(b"1|a\xe9z\n", "ACCEPTINVCHARS") == [["1", "a?z"]]


@pytest.mark.parametrize(
    ("type_name", "value", "parameters", "field"),
    [
        # EMPTYASNULL: "load empty CHAR and VARCHAR fields as NULL. Empty fields for other data types, such as INT,
        # are always loaded with NULL".
        ("varchar(10)", "", "", ""),
        ("varchar(10)", "", "EMPTYASNULL", NULL),
        ("int4", "", "", NULL),
        # BLANKSASNULL: "Loads blank fields, which consist of only white space characters, as NULL ... The default
        # behavior, without this option, is to load the space characters as is".
        ("varchar(10)", "   ", "", "   "),
        ("varchar(10)", "   ", "BLANKSASNULL", NULL),
        ("int4", "   ", "", NULL),
        # TRIMBLANKS: "Removes the trailing white space characters from a VARCHAR string".
        ("varchar(10)", "ab   ", "TRIMBLANKS", "ab"),
        # TRUNCATECOLUMNS truncates to the column's length.
        ("varchar(10)", "abcdefghijklm", "TRUNCATECOLUMNS", "abcdefghij"),
        # ROUNDEC: "if a value of 20.259 is loaded into a DECIMAL(8,2) column, COPY truncates the value to 20.25 by
        # default. If ROUNDEC is specified, COPY rounds the value to 20.26".
        ("numeric(8,2)", "20.259", "", "20.25"),
        ("numeric(8,2)", "20.259", "ROUNDEC", "20.26"),
        # DATEFORMAT: "an alternative valid format is 'MM-DD-YYYY'"; 'auto' reads the formats of "Using automatic
        # recognition with DATEFORMAT and TIMEFORMAT" (its CAST example: 'J2345678' is 1710-02-23).
        ("date", "12-31-2008", "DATEFORMAT 'MM-DD-YYYY'", "2008-12-31"),
        ("date", "J2345678", "DATEFORMAT 'auto'", "1710-02-23"),
        ("date", "1996.008", "DATEFORMAT 'auto'", "1996-01-08"),
        ("date", "1992-01-04", "DATEFORMAT 'auto'", "1992-01-04"),
        ("timestamp", "19960108 040809", "TIMEFORMAT 'auto'", "1996-01-08 04:08:09"),
        # The Getting Started guide's SALES load: timeformat 'MM/DD/YYYY HH:MI:SS'.
        ("timestamp", "2/18/2008 02:36:48", "TIMEFORMAT 'MM/DD/YYYY HH:MI:SS'", "2008-02-18 02:36:48"),
        ("timestamp", "1230768000", "TIMEFORMAT 'epochsecs'", "2009-01-01 00:00:00"),
        ("timestamp", "1230768000123", "TIMEFORMAT 'epochmillisecs'", "2009-01-01 00:00:00.123000"),
        # ACCEPTANYDATE: "If the date format for the data does not match the DATEFORMAT specification, Amazon
        # Redshift inserts a NULL value into that field".
        ("date", "00/00/00", "ACCEPTANYDATE DATEFORMAT 'MM/DD/YY'", NULL),
        # TICKIT's users file writes booleans as TRUE/FALSE.
        ("bool", "TRUE", "", "t"),
        ("bool", "false", "", "f"),
        ("char(2)", "IL", "", "IL"),
        ("int2", "15", "", "15"),
    ],
)
def test_text_fields_convert_as_the_conversion_parameters_say(type_name, value, parameters, field):
    assert converted(type_name, value, parameters) == field


@pytest.mark.parametrize(
    ("type_name", "value", "parameters", "code", "reason"),
    [
        # 1204 "Input data exceeded the acceptable range for the data type"
        ("varchar(10)", "abcdefghijklm", "", 1204, "String length exceeds DDL length"),
        # 1207 "Data contained a value outside of the expected range of 0-9": the tutorial's log file line.
        ("int4", "#Load file", "", 1207, "Invalid digit, Value '#', Pos 0, Type: Integer"),
        ("date", "12/31/2008", "", 1205, "Invalid date format - Invalid digit encountered"),
        ("timestamp", "2/18/2008 02:36:48", "", 1206, "Invalid timestamp format or value [YYYY-MM-DD HH:MI:SS]"),
    ],
)
def test_text_fields_a_column_cannot_take_are_the_reference_s_load_errors(type_name, value, parameters, code, reason):
    error = refused(type_name, value, parameters)
    assert (error.code, error.reason) == (code, reason)


def test_a_json_number_with_a_zero_fraction_is_an_invalid_digit_in_an_integer_column():
    """Decided from the "Load error reference": 1207 is "Data contained a value outside of the expected range of
    0-9", and the '.' of 1.0 is outside it; "COPY from JSON format" names no exception for integer columns (its
    "Loss of numeric precision" section is about numeric columns). So 1.0 is refused, as the text '1.0' is."""
    column = Column("c", "int4", -1, not_null=False, identity=False, generated=False)
    with pytest.raises(LoadError) as failure:
        column_converter(column, parse_copy(BASE + "JSON 'auto'"))(1.0)
    assert (failure.value.code, failure.value.reason) == (1207, "Invalid digit, Value '.', Pos 1, Type: Integer")
    assert refused("int4", "1.0").reason == "Invalid digit, Value '.', Pos 1, Type: Integer"


# --- ENCODING ---

FILE = S3Object("b", "data.txt")


def transcoded(data: bytes, encoding: str) -> bytes:
    return next(in_utf8((file for file in [(FILE, data)]), encoding, 1))[1]


def test_utf16_files_are_read_into_utf8():
    """ "If you specify UTF16, then your data must have a byte order mark (BOM). If you know whether your UTF-16
    data is little-endian (LE) or big-endian (BE), you can use UTF16LE or UTF16BE, regardless of the presence of a
    BOM"."""
    text = "1|é\n"
    assert transcoded(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "utf16") == text.encode()
    assert transcoded(codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "utf16") == text.encode()
    assert transcoded(text.encode("utf-16-le"), "utf16le") == text.encode()
    assert transcoded(codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "utf16be") == text.encode()
    assert transcoded(text.encode(), "utf8") == text.encode()


def test_utf16_without_a_byte_order_mark_is_the_wrong_encoding():
    """1221 "The encoding of the file is not the same as that specified in the COPY command"."""
    with pytest.raises(CopyError) as failure:
        transcoded("1|a\n".encode("utf-16-le"), "utf16")
    assert failure.value.message == WRONG_ENCODING
    assert "code:      1221" in failure.value.detail


def test_a_file_splits_into_the_same_records_whatever_the_block_it_is_split_in(monkeypatch):
    """Lines are split a block at a time (memory stays near the file's size); a block edge changes nothing."""
    data = b'1,"two\nlines"\n\n3,x\n4,"y"\n5,\n'
    whole = [
        (record.line_number, record.value, record.error and record.error.reason) for record in records(data, "CSV")
    ]
    for block in (1, 2, 3, 5, 8):
        monkeypatch.setattr(text_records_module, "LINES_BLOCK", block)
        found = records(data, "CSV")
        assert [(record.line_number, record.value, record.error and record.error.reason) for record in found] == whole
    assert [line for line, _, _ in whole] == [1, 3, 4, 5, 6]
