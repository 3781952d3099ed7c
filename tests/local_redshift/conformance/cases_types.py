"""Data types as their Developer Guide pages describe them: VARBYTE with its operators and functions, the interval
types YEAR TO MONTH and DAY TO SECOND, and TIME and TIMETZ.

A VARBYTE value is printed as the hexadecimal digits of its bytes ("Amazon Redshift uses the hex format to print
VARBYTE values"), so a client reads the text the pages print. An interval is read as text, as the interval page
says to ("When you use the interval data type in SQL, cast it to text to see the expected interval style").
Where a page states a rule without printing a result, the expected value follows from the rule (the comment says so).
"""

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
]
"""The data types' cases."""
