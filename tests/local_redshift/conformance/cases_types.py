"""Data types as their Developer Guide pages describe them: VARBYTE with its operators and functions, the interval
types YEAR TO MONTH and DAY TO SECOND, and TIME and TIMETZ.

A VARBYTE value is printed as the hexadecimal digits of its bytes ("Amazon Redshift uses the hex format to print
VARBYTE values"), so a client reads the text the pages print. An interval is read as text, as the interval page
says to ("When you use the interval data type in SQL, cast it to text to see the expected interval style").
Where a page states a rule without printing a result, the expected value follows from the rule (the comment says so).
"""

import datetime

from tests.local_redshift.conformance.case import DEVELOPER_GUIDE, Case, Refused, Rows

VARBYTE = DEVELOPER_GUIDE + "r_VARBYTE_type.html"
VARBYTE_OPERATORS = DEVELOPER_GUIDE + "r_VARBYTE_OPERATORS.html"
FROM_HEX = DEVELOPER_GUIDE + "r_FROM_HEX.html"
TO_HEX = DEVELOPER_GUIDE + "r_TO_HEX.html"
FROM_VARBYTE = DEVELOPER_GUIDE + "r_FROM_VARBYTE.html"
TO_VARBYTE = DEVELOPER_GUIDE + "r_TO_VARBYTE.html"
GETBIT = DEVELOPER_GUIDE + "r_GETBIT.html"
LEN = DEVELOPER_GUIDE + "r_LEN.html"
OCTET_LENGTH = DEVELOPER_GUIDE + "r_OCTET_LENGTH.html"
SUBSTRING = DEVELOPER_GUIDE + "r_SUBSTRING.html"
INTERVALS = DEVELOPER_GUIDE + "r_interval_data_types.html"
COMPOSITE_LITERALS = DEVELOPER_GUIDE + "r_interval_forbid_composite_literals.html"
DATETIME_TYPES = DEVELOPER_GUIDE + "r_Datetime_types.html"
DATETIME_EXAMPLES = DEVELOPER_GUIDE + "r_Examples_with_datetime_types.html"

_SAMPLE_INTERVALS = (
    "create table sample_intervals (y2m interval month, h2m interval hour to minute)",
    "insert into sample_intervals values (interval '20' month, interval '2 days 1:1:1.123456' day to second)",
)
_CHAR_TABLE = ("create table t (c char(10))", "insert into t values ('aa'), ('abc')")
_VARBYTE_TABLES = (
    "create table keys (k varbyte(4), name varchar(10))",
    "create table vals (k varbinary(4), val int)",
    "insert into keys values (from_hex('0a0b'), 'ten'), (from_hex('ff'), 'max')",
    "insert into vals values (from_hex('0a0b'), 1), (from_hex('0a'), 2)",
)


def _value(case_id: str, page: str, sql: str, *values: object, setup: tuple[str, ...] = ()) -> Case:
    """A case whose statement returns one row of `values`."""
    return Case(id=case_id, page=page, sql=sql, expect=Rows([tuple(values)]), setup=setup)


CASES = [
    # --- VARBYTE type -------------------------------------------------------------------------------------------
    _value("vb-from-hex-prints-hex", VARBYTE, "select from_hex('6162')", "6162"),
    _value("vb-varchar-cast-is-utf8", VARBYTE, "select 'abc'::varbyte", "616263"),
    Case(
        id="vb-char-cast-keeps-padding",
        page=VARBYTE,
        setup=_CHAR_TABLE,
        sql="select c::varbyte from t",
        expect=Rows([("61612020202020202020",), ("61626320202020202020",)], ordered=False),
    ),
    _value("vb-smallint-is-two-bytes", VARBYTE, "select 5::smallint::varbyte", "0005"),
    _value("vb-integer-is-four-bytes", VARBYTE, "select 5::int::varbyte", "00000005"),
    _value("vb-bigint-is-eight-bytes", VARBYTE, "select 5::bigint::varbyte", "0000000000000005"),
    # The page's workaround for the query editor; 6162 is 'ab' in UTF-8 ("When casting with CHAR and VARCHAR the
    # UTF-8 format is used").
    _value("vb-cast-to-varchar-is-utf8", VARBYTE, "select to_varbyte('6162', 'hex')::varchar", "ab"),
    # Derived from the casts both ways: the bytes of an INTEGER cast back give the INTEGER.
    _value("vb-integer-round-trip", VARBYTE, "select (-2)::int::varbyte::int, 258::smallint::varbyte", -2, "0102"),
    # "Use a VARBYTE, VARBINARY, or BINARY VARYING column"; a column holds at most n bytes.
    Case(
        id="vb-synonyms-as-columns",
        page=VARBYTE,
        setup=(
            "create table b (x varbyte(2), y varbinary(2), z binary varying(2))",
            "insert into b values (from_hex('0102'), from_hex('03'), 'ab'::varbyte)",
        ),
        sql="select x, y, z from b",
        expect=Rows([("0102", "03", "6162")]),
    ),
    Case(
        id="vb-column-holds-n-bytes",
        page=VARBYTE,
        setup=("create table b (x varbyte(2))",),
        sql="insert into b values (from_hex('010203'))",
        expect=Refused("22001", "too long"),
    ),
    # A string written into a VARBYTE column is read as hexadecimal digits, as VARBYTE values print and load; one that
    # is not is refused by the local Redshift (a cast, 'abc'::varbyte, gives its UTF-8 bytes).
    Case(
        id="vb-column-string-not-hexadecimal",
        page=VARBYTE,
        setup=("create table b (x varbyte(4))",),
        sql="insert into b values ('abc')",
        expect=Refused("0A000", "not supported by the local Redshift"),
    ),
    _value(
        "vb-column-hexadecimal-string",
        VARBYTE,
        "select x from b",
        "6162",
        setup=("create table b (x varbyte(4))", "insert into b values ('6162')"),
    ),
    # "The default is 64,000" bytes.
    Case(
        id="vb-default-is-64000-bytes",
        page=VARBYTE,
        setup=("create table b (x varbyte)", "insert into b values (from_hex(repeat('ab', 64000)))"),
        sql="insert into b values (from_hex(repeat('ab', 64001)))",
        expect=Refused("22001", "too long"),
    ),
    # "The maximum number of bytes (n) can range from 1 - 16,777,216."
    _value(
        "vb-largest-length",
        VARBYTE,
        "select count(*) from b",
        0,
        setup=("create table b (x varbyte(16777216))",),
    ),
    Case(
        id="vb-length-above-the-maximum",
        page=VARBYTE,
        sql="create table b (x varbyte(16777217))",
        expect=Refused("22023", "16777216", by_translation=True),
    ),
    Case(
        id="vb-length-zero",
        page=VARBYTE,
        sql="create table b (x varbyte(0))",
        expect=Refused("22023", "1 to 16777216", by_translation=True),
    ),
    # "Joining tables on VARBYTE columns."
    Case(
        id="vb-join-on-varbyte",
        page=VARBYTE,
        setup=_VARBYTE_TABLES,
        sql="select name, val from keys join vals on keys.k = vals.k",
        expect=Rows([("ten", 1)]),
    ),
    Case(
        id="vb-group-and-order-by-varbyte",
        page=VARBYTE,
        setup=_VARBYTE_TABLES,
        sql="select k, count(*) from vals group by k order by k desc",
        expect=Rows([("0a0b", 1), ("0a", 1)]),
    ),
    Case(
        id="vb-no-distkey",
        page=VARBYTE,
        sql="create table b (x varbyte distkey, y int)",
        expect=Refused("0A000", "A VARBYTE column as a sort key or a distribution key", by_translation=True),
    ),
    Case(
        id="vb-no-sortkey",
        page=VARBYTE,
        sql="create table b (x varbyte, y int) sortkey (x)",
        expect=Refused("0A000", "A VARBYTE column as a sort key or a distribution key", by_translation=True),
    ),
    # --- VARBYTE operators --------------------------------------------------------------------------------------
    _value("vb-less-than", VARBYTE_OPERATORS, "SELECT 'a'::VARBYTE < 'b'::VARBYTE AS less_than", True),
    _value("vb-equal", VARBYTE_OPERATORS, "SELECT 'a'::VARBYTE = 'b'::VARBYTE AS equal", False),
    # The other comparisons of the page's table, on 'a' (61) and 'b' (62).
    _value(
        "vb-other-comparisons",
        VARBYTE_OPERATORS,
        "select 'a'::varbyte <= 'a'::varbyte, 'b'::varbyte > 'a'::varbyte, 'a'::varbyte >= 'b'::varbyte, "
        "'a'::varbyte != 'b'::varbyte, 'a'::varbyte <> 'a'::varbyte",
        True,
        True,
        False,
        True,
        False,
    ),
    _value("vb-concat-operator", VARBYTE_OPERATORS, "SELECT 'a'::VARBYTE || 'b'::VARBYTE AS concat", "6162"),
    _value("vb-plus-concatenates", VARBYTE_OPERATORS, "SELECT 'a'::VARBYTE + 'b'::VARBYTE AS concat", "6162"),
    _value("vb-bitwise-not", VARBYTE_OPERATORS, "SELECT FROM_VARBYTE(~'a'::VARBYTE, 'binary')", "10011110"),
    _value(
        "vb-bitwise-and", VARBYTE_OPERATORS, "SELECT FROM_VARBYTE('a'::VARBYTE & 'b'::VARBYTE, 'binary')", "01100000"
    ),
    # 01100001 | 01100010 and 01100001 # 01100010, by the operators' rule.
    _value(
        "vb-bitwise-or-and-xor",
        VARBYTE_OPERATORS,
        "SELECT FROM_VARBYTE('a'::VARBYTE | 'b'::VARBYTE, 'binary'), "
        "FROM_VARBYTE('a'::VARBYTE # 'b'::VARBYTE, 'binary')",
        "01100011",
        "00000011",
    ),
    # "If one or both inputs is null, the result is null."
    _value(
        "vb-null-operands",
        VARBYTE_OPERATORS,
        "select 'a'::varbyte || null::varbyte, null::varbyte = 'a'::varbyte",
        None,
        None,
    ),
    # CONCAT is among the functions the VARBYTE page lists for VARBYTE: the two values' bytes one after the other.
    _value("vb-concat-function", VARBYTE, "select concat('a'::varbyte, 'b'::varbyte)", "6162"),
    # --- VARBYTE functions --------------------------------------------------------------------------------------
    _value("vb-to-hex-of-a-number", TO_HEX, "SELECT TO_HEX(2147676847)", "8002f2af"),
    _value("vb-to-hex-of-varbyte", TO_HEX, "SELECT TO_HEX('abc'::VARBYTE)", "616263"),
    _value(
        "vb-to-hex-into-varchar",
        TO_HEX,
        "SELECT vc FROM t",
        "616263",
        setup=("CREATE TABLE t (vc VARCHAR)", "INSERT INTO t SELECT TO_HEX('abc'::VARBYTE)"),
    ),
    _value(
        "vb-varbyte-into-varchar-is-utf8",
        TO_HEX,
        "SELECT vc FROM t",
        "abc",
        setup=("CREATE TABLE t (vc VARCHAR)", "INSERT INTO t SELECT 'abc'::VARBYTE::VARCHAR"),
    ),
    _value("vb-from-varbyte-hex", FROM_VARBYTE, "select from_varbyte('ab', 'hex')", "6162"),
    _value("vb-from-varbyte-binary", FROM_VARBYTE, "select from_varbyte(from_hex('4d'), 'binary')", "01001101"),
    # "Case insensitive valid values are hex, binary, utf-8, and utf8"; 6162 is 'ab' in UTF-8.
    _value(
        "vb-from-varbyte-utf8",
        FROM_VARBYTE,
        "select from_varbyte(from_hex('6162'), 'UTF-8'), from_varbyte(from_hex('6162'), 'Utf8')",
        "ab",
        "ab",
    ),
    _value("vb-to-varbyte-hex", TO_VARBYTE, "select to_varbyte('6162', 'hex')", "6162"),
    _value("vb-to-varbyte-binary", TO_VARBYTE, "select to_varbyte('01001101', 'binary')", "4d"),
    _value("vb-to-varbyte-utf8", TO_VARBYTE, "select to_varbyte('a', 'utf8')", "61"),
    _value("vb-to-varbyte-odd-hex", TO_VARBYTE, "select to_varbyte('4', 'hex')", "04"),
    _value("vb-to-varbyte-format-case", TO_VARBYTE, "select to_varbyte('6162', 'HEX')", "6162"),
    _value("vb-getbit", GETBIT, "select getbit(from_hex('4d'), 2)", 1),
    _value(
        "vb-getbit-eight-bits",
        GETBIT,
        "select getbit(from_hex('4d'), 7), getbit(from_hex('4d'), 6), getbit(from_hex('4d'), 5), "
        "getbit(from_hex('4d'), 4), getbit(from_hex('4d'), 3), getbit(from_hex('4d'), 2), "
        "getbit(from_hex('4d'), 1), getbit(from_hex('4d'), 0)",
        0,
        1,
        0,
        0,
        1,
        1,
        0,
        1,
    ),
    # "indexed from the rightmost bit (least significant bit)": bit 8 of 0100 is the last bit of the first byte.
    _value("vb-getbit-across-bytes", GETBIT, "select getbit(from_hex('0100'), 8), getbit(from_hex('0100'), 0)", 1, 0),
    _value(
        "vb-len-counts-bytes",
        LEN,
        "SELECT LEN(CAST('français' AS VARBYTE)) as bytes, LEN('français')",
        9,
        8,
    ),
    _value("vb-octet-length", OCTET_LENGTH, "SELECT OCTET_LENGTH(CAST('français' AS VARBYTE))", 9),
    # The SUBSTRING page's rule for a VARBYTE: start and length count bytes.
    _value(
        "vb-substring-of-bytes",
        SUBSTRING,
        "select substring(from_hex('616263'), 2, 1), substring(from_hex('616263'), 2), "
        "substr(from_hex('616263'), 1, 2)",
        "62",
        "6263",
        "6162",
    ),
    # --- Interval data types and literals ----------------------------------------------------------------------
    # "Interval styles": postgres, the default, and postgres_verbose and sql_standard.
    _value(
        "iv-postgres-style",
        INTERVALS,
        "select INTERVAL '1-2' YEAR TO MONTH::text, INTERVAL '1 2:3:4.5678' DAY TO SECOND::text",
        "1 year 2 mons",
        "1 day 02:03:04.5678",
    ),
    _value(
        "iv-postgres-verbose-style",
        INTERVALS,
        "select INTERVAL '1-2' YEAR TO MONTH::text",
        "@ 1 year 2 mons",
        setup=("SET IntervalStyle to 'postgres_verbose'",),
    ),
    _value(
        "iv-sql-standard-style",
        INTERVALS,
        "select INTERVAL '1-2' YEAR TO MONTH::text, INTERVAL '1 2:3:4.5678' DAY TO SECOND::text",
        "1-2",
        "1 2:03:04.5678",
        setup=("SET IntervalStyle to 'sql_standard'",),
    ),
    # "Examples of interval data type".
    _value(
        "iv-columns",
        INTERVALS,
        "select y2m::text, h2m::text from sample_intervals",
        "1 year 8 mons",
        "2 days 01:01:00",
        setup=_SAMPLE_INTERVALS,
    ),
    _value(
        "iv-columns-updated",
        INTERVALS,
        "select y2m::text, h2m::text from sample_intervals",
        "2 years",
        "2 days 01:01:00",
        setup=(
            *_SAMPLE_INTERVALS,
            "update sample_intervals set y2m = interval '2' year where y2m = interval '1-8' year to month",
        ),
    ),
    Case(
        id="iv-columns-deleted",
        page=INTERVALS,
        setup=(*_SAMPLE_INTERVALS, "delete from sample_intervals where h2m = interval '2 1:1:0' day to second"),
        sql="select * from sample_intervals",
        expect=Rows([]),
    ),
    # SECOND(3) "allows only three fractional digits", as the literal SECOND (3) rounds 1.234567 to 1.235.
    _value(
        "iv-column-fractional-precision",
        INTERVALS,
        "select a::text, b::text from t",
        "1 year 2 mons",
        "1 day 02:03:04.568",
        setup=(
            "create table t (a interval year to month, b interval day to second(3))",
            "insert into t values (interval '1-2' year to month, interval '1 2:3:4.5678' day to second)",
        ),
    ),
    # "Examples of interval literals", printed in the postgres style (1 year 0 months is '1 year').
    _value("iv-one-year", INTERVALS, "select INTERVAL '1' YEAR::text", "1 year"),
    _value("iv-truncated-to-the-qualifier", INTERVALS, "select INTERVAL '13 months' YEAR::text", "1 year"),
    _value("iv-leftover-units-kept", INTERVALS, "select INTERVAL '13 months' MONTH::text", "1 year 1 mon"),
    _value("iv-fractional-precision", INTERVALS, "select INTERVAL '1.234567' SECOND (3)::text", "00:00:01.235"),
    _value("iv-six-fractional-digits", INTERVALS, "select INTERVAL '1.23456789' SECOND::text", "00:00:01.234567"),
    _value("iv-minute-to-second", INTERVALS, "select INTERVAL '2:2' MINUTE TO SECOND::text", "00:02:02"),
    _value("iv-hour-to-minute", INTERVALS, "select INTERVAL '2:2' HOUR TO MINUTE::text", "02:02:00"),
    _value(
        "iv-abbreviated-units",
        INTERVALS,
        "select INTERVAL '5s' SECOND::text, INTERVAL '5 HOURS' HOUR::text, INTERVAL '5 h' HOUR::text",
        "00:00:05",
        "05:00:00",
        "05:00:00",
    ),
    _value(
        "iv-smaller-units-discarded",
        INTERVALS,
        "select INTERVAL '1 day 1 hour 1 minute 1.123 seconds' MINUTE::text",
        "1 day 01:01:00",
    ),
    # The Arguments: '23' MONTH, '-2' DAY, '1-2' MONTH and '13 day 1 hour 1 minute 1.123 seconds' SECOND.
    _value(
        "iv-numbers-take-the-qualifier-unit",
        INTERVALS,
        "select INTERVAL '23' MONTH::text, INTERVAL '-2' DAY::text, INTERVAL '1-2' MONTH::text, "
        "INTERVAL '13 day 1 hour 1 minute 1.123 seconds' SECOND::text",
        "1 year 11 mons",
        "-2 days",
        "1 year 2 mons",
        "13 days 01:01:01.123",
    ),
    Case(
        id="iv-composite-literal-refused",
        page=COMPOSITE_LITERALS,
        sql="SELECT INTERVAL '1 year 1 day' DAY TO SECOND",
        expect=Refused("22007", "Interval Day To Second literal cannot contain year-month parts"),
    ),
    _value(
        "iv-composite-literal-truncated",
        COMPOSITE_LITERALS,
        "SELECT INTERVAL '1 year 1 day' DAY TO SECOND::text",
        "1 day",
        setup=('SET interval_forbid_composite_literals to "false"',),
    ),
    # "Interval arithmetic": a date plus or minus a YEAR TO MONTH interval is a date, plus a DAY TO SECOND one a
    # timestamp; an interval plus a date is a date.
    _value(
        "iv-date-plus-year-to-month-is-a-date",
        INTERVALS,
        "select date '2008-01-15' + interval '1-2' year to month, date '2008-03-15' - interval '2' month, "
        "interval '1' year + date '2008-01-15'",
        datetime.date(2009, 3, 15),
        datetime.date(2008, 1, 15),
        datetime.date(2009, 1, 15),
    ),
    _value(
        "iv-date-plus-day-to-second-is-a-timestamp",
        INTERVALS,
        "select date '2008-01-15' + interval '1 12:00:00' day to second",
        datetime.datetime(2008, 1, 16, 12),
    ),
    _value(
        "iv-interval-arithmetic",
        INTERVALS,
        "select (interval '1-2' year to month - interval '2' month)::text, "
        "(interval '3' day * 2)::text, (interval '3' day / 2)::text",
        "1 year",
        "6 days",
        "1 day 12:00:00",
    ),
    _value(
        "iv-date-differences",
        INTERVALS,
        "select date '2008-01-15' - date '2008-01-01', (date '2008-01-02' - timestamp '2008-01-01 12:00:00')::text, "
        "date '2008-01-15' - 14",
        14,
        "12:00:00",
        datetime.date(2008, 1, 1),
    ),
    # --- TIME and TIMETZ ----------------------------------------------------------------------------------------
    Case(
        id="tm-time-and-timetz-formats",
        page=DATETIME_EXAMPLES,
        setup=(
            "create table timetable (start_time time, end_time timetz)",
            "insert into timetable values ('19:11:19','20:41:19 UTC')",
            "insert into timetable values ('191119', '204119 UTC')",
        ),
        sql="select start_time::text, end_time::text from timetable order by 1",
        expect=Rows([("19:11:19", "20:41:19+00"), ("19:11:19", "20:41:19+00")]),
    ),
    # "TIME ... 00:00:00 to 24:00:00".
    _value(
        "tm-time-24-00-00",
        DATETIME_TYPES,
        "select '24:00:00'::time::text, '24:00:00'::time > '23:59:59.999999'::time",
        "24:00:00",
        True,
    ),
    _value(
        "tm-time-column-holds-24-00-00",
        DATETIME_TYPES,
        "select t::text from times order by t",
        "24:00:00",
        setup=("create table times (t time)", "insert into times values ('24:00:00')"),
    ),
    Case(
        id="tm-time-past-24-00-00",
        page=DATETIME_TYPES,
        sql="select '24:00:01'::time",
        expect=Refused("22008", "out of range"),
    ),
    # "TIME columns store values with up to a maximum of six digits of precision for fractional seconds."
    _value(
        "tm-six-fractional-digits",
        DATETIME_TYPES,
        "select '10:00:00.1234564'::time::text, '10:00:00.1234564+00'::timetz::text",
        "10:00:00.123456",
        "10:00:00.123456+00",
    ),
]
"""The data types' cases."""
