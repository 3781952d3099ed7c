"""Semantics: how names resolve (aliases in WHERE, HAVING, the select list, GROUP BY and ORDER BY), the implicit
conversions of "Type compatibility and conversion", and how character strings compare and fit their columns.

The pages' examples run on the TICKIT tables; each case here makes a tiny table holding rows from which the page's
stated rule gives the result (said so where the rows are not the page's own).
"""

import datetime
from decimal import Decimal

from tests.local_redshift.conformance.case import DEVELOPER_GUIDE, Case, Refused, Rows

WHERE = DEVELOPER_GUIDE + "r_WHERE_clause.html"
SELECT_LIST = DEVELOPER_GUIDE + "r_SELECT_list.html"
HAVING = DEVELOPER_GUIDE + "r_HAVING_clause.html"
GROUP_BY = DEVELOPER_GUIDE + "r_GROUP_BY_clause.html"
ORDER_BY = DEVELOPER_GUIDE + "r_ORDER_BY_clause.html"
CONVERSION = DEVELOPER_GUIDE + "r_Type_conversion.html"
SUBSTRING = DEVELOPER_GUIDE + "r_SUBSTRING.html"
CHARACTER_TYPES = DEVELOPER_GUIDE + "r_Character_types.html"
CHARACTER_EXAMPLES = DEVELOPER_GUIDE + "r_Examples_with_character_types.html"
ALTER_TABLE = DEVELOPER_GUIDE + "r_ALTER_TABLE.html"

# Three sales of two events (rows of our own; the rules of the pages give the results).
_SALES = (
    "CREATE TABLE sales (salesid INT, qtysold INT, eventname VARCHAR(20))",
    "INSERT INTO sales VALUES (1, 2, 'Macbeth'), (2, 4, 'Mamma Mia!'), (3, 1, 'Macbeth')",
)

_NAME_CASES = [
    Case(
        id="sem-where-alias-of-an-expression",
        page=WHERE,  # "You can use aliases in the WHERE clause to reference select list expressions."
        setup=_SALES,
        sql="SELECT salesid, qtysold * 10 AS tens FROM sales WHERE tens > 15 ORDER BY salesid",
        expect=Rows([(1, 20), (2, 40)]),
    ),
    Case(
        id="sem-where-alias-of-a-function",
        page=WHERE,
        setup=_SALES,
        sql="SELECT salesid, upper(eventname) AS shout FROM sales WHERE shout = 'MACBETH' ORDER BY salesid",
        expect=Rows([(1, "MACBETH"), (3, "MACBETH")]),
    ),
    Case(
        id="sem-where-alias-beside-a-column-predicate",
        page=WHERE,
        setup=_SALES,
        sql="SELECT salesid, qtysold * 10 AS tens FROM sales WHERE tens > 15 AND eventname = 'Macbeth'",
        expect=Rows([(1, 20)]),
    ),
    Case(
        id="sem-where-alias-inside-a-subquery",
        page=WHERE,
        setup=_SALES,
        sql="SELECT q FROM (SELECT qtysold + 1 AS q FROM sales WHERE q > 2) AS s ORDER BY q",
        expect=Rows([(3,), (5,)]),
    ),
    Case(
        id="sem-where-alias-with-distinct",
        page=WHERE,
        setup=_SALES,
        sql="SELECT DISTINCT qtysold * 0 AS zero FROM sales WHERE zero = 0",
        expect=Rows([(0,)]),
    ),
    Case(
        id="sem-where-column-of-the-aliass-name-takes-priority",
        # The SELECT list page: "If there is a column with the same name defined in the FROM clause as the
        # previously aliased expression, the column in the FROM clause takes priority"; WHERE resolves so too.
        page=SELECT_LIST,
        setup=_SALES,
        sql="SELECT upper(eventname) AS eventname FROM sales WHERE eventname = 'Macbeth'",
        expect=Rows([("MACBETH",), ("MACBETH",)]),
    ),
    Case(
        id="sem-lateral-alias-page-example",
        page=SELECT_LIST,  # select clicks / impressions as probability, round(100 * probability, 1) as percentage
        setup=("CREATE TABLE raw_data (clicks FLOAT, impressions FLOAT)", "INSERT INTO raw_data VALUES (1, 4)"),
        sql="select clicks / impressions as probability, round(100 * probability, 1) as percentage from raw_data",
        expect=Rows([(0.25, 25.0)]),
    ),
    Case(
        id="sem-lateral-alias-used-twice",
        page=SELECT_LIST,  # "You can use an alias in other expressions defined after it in the same target list."
        setup=_SALES,
        sql="SELECT qtysold * 2 AS twice, twice + 1 AS more, more * 10 AS most FROM sales WHERE salesid = 2",
        expect=Rows([(8, 9, 90)]),
    ),
    Case(
        id="sem-lateral-alias-column-of-the-same-name-takes-priority",
        page=SELECT_LIST,  # the column in the FROM clause takes priority over the earlier alias of its name
        setup=_SALES,
        sql="SELECT upper(eventname) AS eventname, eventname || '!' AS shout FROM sales WHERE salesid = 1",
        expect=Rows([("MACBETH", "Macbeth!")]),
    ),
    Case(
        id="sem-lateral-alias-qualified-column-takes-priority",
        page=SELECT_LIST,
        setup=_SALES,
        sql="SELECT sales.qtysold * 10 AS qtysold, qtysold + 1 AS next FROM sales WHERE salesid = 1",
        expect=Rows([(20, 3)]),
    ),
    Case(
        id="sem-having-alias-of-an-aggregate",
        # The HAVING page no longer counts a select-list alias among what a HAVING clause can't specify (only
        # an ordinal number).
        page=HAVING,
        setup=_SALES,
        sql="SELECT eventname, sum(qtysold) AS total FROM sales GROUP BY eventname HAVING total > 3",
        expect=Rows([("Mamma Mia!", 4)]),
    ),
    Case(
        id="sem-having-aggregate-not-in-the-select-list",
        page=HAVING,  # "the HAVING condition is applied to an aggregate that isn't specified in the select list"
        setup=_SALES,
        sql="SELECT eventname FROM sales GROUP BY 1 HAVING count(*) > 1",
        expect=Rows([("Macbeth",)]),
    ),
    Case(
        id="sem-group-by-ordinals",
        page=GROUP_BY,  # "Expressions in the GROUP BY clause can also reference the select list by using ordinal
        # numbers"
        setup=_SALES,
        sql="SELECT eventname, sum(qtysold) AS total FROM sales GROUP BY 1 ORDER BY 2",
        expect=Rows([("Macbeth", 3), ("Mamma Mia!", 4)]),
    ),
    Case(
        id="sem-group-by-columns-and-ordinals-mixed",
        page=GROUP_BY,
        setup=_SALES,
        sql="SELECT eventname, qtysold > 1 AS many, count(*) FROM sales GROUP BY eventname, 2 ORDER BY 1, 2",
        expect=Rows([("Macbeth", False, 1), ("Macbeth", True, 1), ("Mamma Mia!", True, 1)]),
    ),
    Case(
        id="sem-order-by-ordinal",
        page=ORDER_BY,  # "Ordinal numbers that represent the position of select list entries"
        setup=_SALES,
        sql="SELECT salesid, qtysold FROM sales ORDER BY 2 DESC",
        expect=Rows([(2, 4), (1, 2), (3, 1)]),
    ),
    Case(
        id="sem-order-by-alias",
        page=ORDER_BY,  # "Aliases that define select list entries"
        setup=_SALES,
        sql="SELECT salesid, qtysold * 10 AS tens FROM sales ORDER BY tens",
        expect=Rows([(3, 10), (1, 20), (2, 40)]),
    ),
    Case(
        id="sem-order-by-column-not-in-the-select-list",
        page=ORDER_BY,  # "Columns that are not in the select list"
        setup=_SALES,
        sql="SELECT salesid FROM sales ORDER BY qtysold",
        expect=Rows([(3,), (1,), (2,)]),
    ),
    Case(
        id="sem-order-by-expression-of-columns",
        page=ORDER_BY,  # "Expressions formed from one or more columns that exist in the tables referenced"
        setup=_SALES,
        sql="SELECT salesid FROM sales ORDER BY salesid * -1",
        expect=Rows([(3,), (2,), (1,)]),
    ),
    Case(
        id="sem-order-by-nulls-last-ascending",
        page=ORDER_BY,  # "NULL values are considered 'higher' than all other values"
        setup=("CREATE TABLE n (v INT)", "INSERT INTO n VALUES (2), (NULL), (1)"),
        sql="SELECT v FROM n ORDER BY v",
        expect=Rows([(1,), (2,), (None,)]),
    ),
    Case(
        id="sem-order-by-nulls-first-descending",
        page=ORDER_BY,
        setup=("CREATE TABLE n (v INT)", "INSERT INTO n VALUES (2), (NULL), (1)"),
        sql="SELECT v FROM n ORDER BY v DESC",
        expect=Rows([(None,), (2,), (1,)]),
    ),
    Case(
        id="sem-order-by-nulls-first-option",
        page=ORDER_BY,
        setup=("CREATE TABLE n (v INT)", "INSERT INTO n VALUES (2), (NULL), (1)"),
        sql="SELECT v FROM n ORDER BY v NULLS FIRST",
        expect=Rows([(None,), (1,), (2,)]),
    ),
]

# Staging rows whose ts is a VARCHAR of epoch milliseconds, as some learners declare it.
_EPOCHS = ("CREATE TABLE staging_events (ts VARCHAR(20))", "INSERT INTO staging_events VALUES ('1541903636000')")
# Codes kept as strings, compared with numbers.
_CODES = ("CREATE TABLE codes (code VARCHAR(5))", "INSERT INTO codes VALUES ('5'), ('05'), ('10')")
# Rows from the SUBSTRING page's LISTING example.
_LISTING = (
    "CREATE TABLE listing (listid INT, listtime TIMESTAMP)",
    "INSERT INTO listing VALUES (1, '2008-01-24 06:43:29'), (2, '2008-03-05 12:25:29'), (3, '2008-11-01 07:35:33')",
)
_NUMBERS = (
    "CREATE TABLE numbers (n INT, d DATE)",
    "INSERT INTO numbers VALUES (123456, '2008-06-01'), (7, '2009-12-31')",
)

_CONVERSION_CASES = [
    Case(
        id="sem-varchar-epoch-milliseconds-as-a-timestamp",
        # A character string converts to a numeric value when it is an appropriate literal; 1541903636000 ms
        # after the epoch is 2018-11-11 02:33:56.
        page=CONVERSION,
        setup=_EPOCHS,
        sql="SELECT TIMESTAMP 'epoch' + ts/1000 * INTERVAL '1 second' FROM staging_events",
        expect=Rows([(datetime.datetime(2018, 11, 11, 2, 33, 56),)]),
    ),
    Case(
        id="sem-varchar-divided-by-an-integer",
        page=CONVERSION,
        setup=_EPOCHS,
        sql="SELECT ts / 1000 FROM staging_events",
        expect=Rows([(1541903636,)]),
    ),
    Case(
        id="sem-varchar-plus-an-integer",
        page=CONVERSION,
        setup=("CREATE TABLE s (v VARCHAR(10))", "INSERT INTO s VALUES ('41')"),
        sql="SELECT v + 1, 1 + v, v * 2, v - 1 FROM s",
        expect=Rows([(42, 42, 82, 40)]),
    ),
    Case(
        id="sem-varchar-with-blanks-in-arithmetic",
        page=CONVERSION,  # "any leading or trailing spaces are ignored"
        setup=("CREATE TABLE s (v VARCHAR(10))", "INSERT INTO s VALUES ('  41 ')"),
        sql="SELECT v + 1 FROM s",
        expect=Rows([(42,)]),
    ),
    Case(
        id="sem-char-in-arithmetic",
        page=CONVERSION,
        setup=("CREATE TABLE s (v CHAR(4))", "INSERT INTO s VALUES ('12')"),
        sql="SELECT v * 3 FROM s",
        expect=Rows([(36,)]),
    ),
    Case(
        id="sem-varchar-not-a-number-in-arithmetic-refused",
        page=CONVERSION,  # "you cannot cast the string 'ABC' to any numeric type"
        setup=("CREATE TABLE s (v VARCHAR(10))", "INSERT INTO s VALUES ('ABC')"),
        sql="SELECT v + 1 FROM s",
        expect=Refused("22P02", '"ABC"'),
    ),
    Case(
        id="sem-varchar-compared-with-a-number-as-strings",
        page=CONVERSION,  # "If you compare numeric values with character strings, the numeric values are
        # converted to character strings": '05' is not the string '5'.
        setup=_CODES,
        sql="SELECT code FROM codes WHERE code = 5",
        expect=Rows([("5",)]),
    ),
    Case(
        id="sem-varchar-ordered-against-a-number-as-strings",
        page=CONVERSION,  # as strings, '10' and '05' sort before '2'
        setup=_CODES,
        sql="SELECT code FROM codes WHERE code > 2",
        expect=Rows([("5",)]),
    ),
    Case(
        id="sem-number-compared-with-a-varchar",
        page=CONVERSION,
        setup=_CODES,
        sql="SELECT code FROM codes WHERE 10 = code",
        expect=Rows([("10",)]),
    ),
    Case(
        id="sem-varchar-in-a-list-of-numbers",
        page=CONVERSION,  # "Evaluation of predicates, such as LIKE and IN"
        setup=_CODES,
        sql="SELECT code FROM codes WHERE code IN (5, 10) ORDER BY code",
        expect=Rows([("10",), ("5",)]),
    ),
    Case(
        id="sem-integer-column-compared-with-varchar-column",
        page=CONVERSION,
        setup=("CREATE TABLE pairs (n INT, s VARCHAR(5))", "INSERT INTO pairs VALUES (10, '10'), (9, '09')"),
        sql="SELECT n FROM pairs WHERE n = s",
        expect=Rows([(10,)]),
    ),
    Case(
        id="sem-cast-of-a-number-string-to-decimal",
        page=CONVERSION,  # "you can cast the strings '1.0' or '5.9' to decimal values"
        sql="SELECT CAST('5.9' AS DECIMAL(2,1)), CAST('1.0' AS DECIMAL(2,1))",
        expect=Rows([(Decimal("5.9"), Decimal("1.0"))]),
    ),
    Case(
        id="sem-cast-of-abc-to-a-number-refused",
        page=CONVERSION,
        sql="SELECT CAST('ABC' AS INTEGER)",
        expect=Refused("22P02", '"ABC"'),
    ),
    Case(
        id="sem-string-with-blanks-to-a-date",
        page=CONVERSION,  # "any leading or trailing spaces are ignored"
        sql="SELECT CAST('  2008-06-01  ' AS DATE)",
        expect=Rows([(datetime.date(2008, 6, 1),)]),
    ),
    Case(
        id="sem-string-with-blanks-to-a-timestamp",
        page=CONVERSION,
        sql="SELECT CAST(' 2008-06-01 14:30:00 ' AS TIMESTAMP)",
        expect=Rows([(datetime.datetime(2008, 6, 1, 14, 30),)]),
    ),
    Case(
        id="sem-string-with-blanks-to-a-number",
        page=CONVERSION,
        sql="SELECT CAST(' 42 ' AS INTEGER)",
        expect=Rows([(42,)]),
    ),
    Case(
        id="sem-date-to-varchar",
        page=CONVERSION,  # "you can convert a date, timestamp, or numeric value to a ... character string"
        sql="SELECT CAST(DATE '2008-06-01' AS VARCHAR(10)), CAST(2008 AS CHAR(4))",
        expect=Rows([("2008-06-01", "2008")]),
    ),
    Case(
        id="sem-decimal-inserted-into-an-integer-column-is-rounded",
        page=CONVERSION,  # "you can insert a decimal value into an integer column. The decimal is rounded"
        setup=("CREATE TABLE whole (n INT)", "INSERT INTO whole VALUES (3.7)"),
        sql="SELECT n FROM whole",
        expect=Rows([(4,)]),
    ),
    Case(
        id="sem-number-extracted-from-a-date-into-an-integer-column",
        page=CONVERSION,  # "you can extract a numeric value, such as 2008, from a date and insert that value"
        setup=("CREATE TABLE years (y INT)", "INSERT INTO years SELECT extract(year FROM DATE '2008-06-01')"),
        sql="SELECT y FROM years",
        expect=Rows([(2008,)]),
    ),
    Case(
        id="sem-decimal-too-wide-for-its-column-refused",
        page=CONVERSION,  # "a decimal value with a precision of 5 does not fit into a decimal column ... of 4"
        setup=("CREATE TABLE narrow (d DECIMAL(4,0))",),
        sql="INSERT INTO narrow VALUES (12345)",
        expect=Refused("22003", "overflow"),
    ),
    Case(
        id="sem-like-on-a-timestamp",
        page=CONVERSION,  # LIKE is among the conversions; a timestamp converts to a character string
        setup=_LISTING,
        sql="SELECT listid FROM listing WHERE listtime LIKE '2008-0%' ORDER BY listid",
        expect=Rows([(1,), (2,)]),
    ),
    Case(
        id="sem-like-on-an-integer",
        page=CONVERSION,
        setup=_NUMBERS,
        sql="SELECT n FROM numbers WHERE n LIKE '12%'",
        expect=Rows([(123456,)]),
    ),
    Case(
        id="sem-not-like-on-an-integer",
        page=CONVERSION,
        setup=_NUMBERS,
        sql="SELECT n FROM numbers WHERE n NOT LIKE '12%'",
        expect=Rows([(7,)]),
    ),
    Case(
        id="sem-ilike-on-a-date",
        page=CONVERSION,
        setup=_NUMBERS,
        sql="SELECT n FROM numbers WHERE d ILIKE '%-12-31'",
        expect=Rows([(7,)]),
    ),
    Case(
        id="sem-substring-of-a-timestamp-page-example",
        page=SUBSTRING,  # "Non-character data types are treated like a string"
        setup=_LISTING,
        sql="select listid, listtime, substring(listtime, 6, 2) as month from listing order by 1, 2, 3 limit 10",
        expect=Rows(
            [
                (1, datetime.datetime(2008, 1, 24, 6, 43, 29), "01"),
                (2, datetime.datetime(2008, 3, 5, 12, 25, 29), "03"),
                (3, datetime.datetime(2008, 11, 1, 7, 35, 33), "11"),
            ]
        ),
    ),
    Case(
        id="sem-substring-from-for-of-a-timestamp-page-example",
        page=SUBSTRING,
        setup=_LISTING,
        sql="select listid, substring(listtime from 6 for 2) as month from listing order by 1, 2 limit 10",
        expect=Rows([(1, "01"), (2, "03"), (3, "11")]),
    ),
    Case(
        id="sem-substring-of-a-number",
        page=SUBSTRING,
        setup=_NUMBERS,
        sql="SELECT substring(n, 2, 3), substring(d, 6) FROM numbers WHERE n > 100",
        expect=Rows([("234", "06-01")]),
    ),
]

# The Developer Guide's ADDRESS table (Examples with character types).
_ADDRESS = (
    "create table address(address_id integer, address1 varchar(100), address2 varchar(50), district varchar(20), "
    "city_name char(20), state char(2), postal_code char(5))",
)
_TWO_ADDRESSES = (
    *_ADDRESS,
    "insert into address(address1) values('9516 Magnolia Boulevard')",
    "insert into address(address1) values('9516 Magnolia Boulevard  ')",
)

_COMPARISON_CASES = [
    Case(
        id="sem-empty-string-equals-a-blank",
        page=CHARACTER_TYPES,  # "Trailing spaces in VARCHAR and CHAR values are treated as semantically
        # insignificant when values are compared"
        sql="SELECT '' <> ' ', '' = ' '",
        expect=Rows([(False, True)]),
    ),
    Case(
        id="sem-literals-differing-in-trailing-blanks-are-equal",
        page=CHARACTER_TYPES,
        sql="SELECT 'abc' = 'abc   ', 'abc  ' < 'abc', 'abc' >= 'abc '",
        expect=Rows([(True, False, True)]),
    ),
    Case(
        id="sem-string-function-result-compared-ignoring-trailing-blanks",
        page=CHARACTER_TYPES,
        setup=_SALES,
        sql="SELECT salesid FROM sales WHERE upper(eventname) = 'MACBETH  ' AND eventname || '!' <> 'Macbeth! '",
        expect=Rows([]),
    ),
    Case(
        id="sem-string-function-result-equal-ignoring-trailing-blanks",
        page=CHARACTER_TYPES,
        setup=_SALES,
        sql="SELECT salesid FROM sales WHERE lower(eventname) = 'macbeth ' ORDER BY salesid",
        expect=Rows([(1,), (3,)]),
    ),
    Case(
        id="sem-string-in-a-list-ignoring-trailing-blanks",
        page=CHARACTER_TYPES,
        sql="SELECT 'a ' IN ('a', 'b'), upper('b') IN ('B  ')",
        expect=Rows([(True, True)]),
    ),
    Case(
        id="sem-varchar-trailing-blanks-page-example",
        page=CHARACTER_EXAMPLES,  # "these two inserted addresses match"
        setup=_TWO_ADDRESSES,
        sql="select count(*) from address where address1='9516 Magnolia Boulevard'",
        expect=Rows([(2,)]),
    ),
    Case(
        id="sem-varchar-length-counts-trailing-blanks-page-example",
        page=CHARACTER_EXAMPLES,  # "The LENGTH function recognizes trailing blanks in VARCHAR columns"
        setup=_TWO_ADDRESSES,
        sql="select length(address1) from address order by 1",
        expect=Rows([(23,), (25,)]),
    ),
    Case(
        id="sem-char-length-leaves-out-trailing-blanks-page-example",
        page=CHARACTER_EXAMPLES,  # "Augusta in the CITY_NAME column ... would always return a length of 7"
        setup=(*_ADDRESS, "insert into address(city_name) values('Augusta   ')"),
        sql="select length(city_name) from address",
        expect=Rows([(7,)]),
    ),
    Case(
        id="sem-char-value-too-long-page-example",
        page=CHARACTER_EXAMPLES,
        setup=_ADDRESS,
        sql="insert into address(city_name) values('City of South San Francisco')",
        expect=Refused("22001", "value too long for type character(20)"),
    ),
    Case(
        id="sem-char-cast-truncates-page-example",
        page=CHARACTER_EXAMPLES,  # "the first 20 characters of the string (City of South San Fr) would be loaded"
        setup=(*_ADDRESS, "insert into address(city_name) values('City of South San Francisco'::char(20))"),
        sql="select city_name from address",
        expect=Rows([("City of South San Fr",)]),
    ),
    Case(
        id="sem-varchar-value-too-long-refused",
        page=CHARACTER_TYPES,  # "An attempt to store a longer string into a column of these types results in an error"
        setup=_ADDRESS,
        sql="insert into address(district) values('Greater Los Angeles Area')",
        expect=Refused("22001", "value too long for type character varying(20)"),
    ),
    Case(
        id="sem-varchar-extra-blanks-are-truncated",
        page=CHARACTER_TYPES,  # "unless the extra characters are all spaces ... the string is truncated"
        setup=("CREATE TABLE v (s VARCHAR(3))", "INSERT INTO v VALUES ('abc     ')"),
        sql="SELECT s, length(s) FROM v",
        expect=Rows([("abc", 3)]),
    ),
    Case(
        id="sem-varchar-holds-four-three-byte-characters",
        page=CHARACTER_TYPES,  # "a VARCHAR(12) column can contain ... 4 three-byte characters"
        setup=("CREATE TABLE v (s VARCHAR(12))", "INSERT INTO v VALUES ('日本語字')"),
        sql="SELECT s, length(s), octet_length(s) FROM v",
        expect=Rows([("日本語字", 4, 12)]),
    ),
    Case(
        id="sem-varchar-counts-bytes-not-characters",
        page=CHARACTER_TYPES,  # "CHAR and VARCHAR data types are defined in terms of bytes, not characters"
        setup=("CREATE TABLE v (s VARCHAR(12))",),
        sql="INSERT INTO v VALUES ('日本語字典')",
        expect=Refused("22001", "value too long for type character varying(12)"),
    ),
    Case(
        id="sem-varchar-holds-six-two-byte-characters",
        page=CHARACTER_TYPES,  # "12 single-byte characters, 6 two-byte characters"
        setup=("CREATE TABLE v (s VARCHAR(12))", "INSERT INTO v VALUES ('éééééé'), ('abcdefghijkl')"),
        sql="SELECT octet_length(s) FROM v",
        expect=Rows([(12,), (12,)]),
    ),
    Case(
        id="sem-varchar-refuses-seven-two-byte-characters",
        page=CHARACTER_TYPES,
        setup=("CREATE TABLE v (s VARCHAR(12))",),
        sql="INSERT INTO v VALUES ('ééééééé')",
        expect=Refused("22001", "value too long for type character varying(12)"),
    ),
    Case(
        id="sem-varchar-holds-three-four-byte-characters",
        page=CHARACTER_TYPES,  # "or 3 four-byte characters"
        setup=("CREATE TABLE v (s VARCHAR(12))", "INSERT INTO v VALUES ('😀😀😀')"),
        sql="SELECT length(s), octet_length(s) FROM v",
        expect=Rows([(3, 12)]),
    ),
    Case(
        id="sem-varchar-multibyte-update-too-long-refused",
        page=CHARACTER_TYPES,
        setup=("CREATE TABLE v (s VARCHAR(4))", "INSERT INTO v VALUES ('ab')"),
        sql="UPDATE v SET s = 'ééé'",
        expect=Refused("22001", "value too long for type character varying(4)"),
    ),
    Case(
        id="sem-varchar-without-length-holds-256-bytes",
        page=CHARACTER_TYPES,  # "the default length is 256": 129 two-byte characters are 258 bytes
        setup=("CREATE TABLE v (s VARCHAR)",),
        sql="INSERT INTO v VALUES (repeat('é', 129))",
        expect=Refused("22001", "value too long for type character varying(256)"),
    ),
    Case(
        id="sem-nvarchar-counts-bytes",
        page=CHARACTER_TYPES,  # NVARCHAR columns "are stored in the specified number of bytes"
        setup=("CREATE TABLE v (s NVARCHAR(4))",),
        sql="INSERT INTO v VALUES ('ééé')",
        expect=Refused("22001", "value too long for type character varying(4)"),
    ),
    Case(
        id="sem-cast-to-varchar-keeps-bytes-page-example",
        page=SUBSTRING,  # "The following example extracts the first 5 bytes from the string 'Fourscore and seven'"
        sql="select cast('Fourscore and seven' as varchar(5))",
        expect=Rows([("Fours",)]),
    ),
    Case(
        id="sem-cast-to-varchar-keeps-bytes-of-multibyte-characters",
        page=SUBSTRING,  # the first 6 bytes of three three-byte characters are the first two characters
        sql="select cast('日本語' as varchar(6)), cast('français' as varchar(4))",
        expect=Rows([("日本", "fran")]),
    ),
    Case(
        id="sem-varchar-length-and-octet-length",
        page=CHARACTER_TYPES,  # a VARCHAR(9) holds 'français': 8 characters, 9 bytes
        setup=("CREATE TABLE v (s VARCHAR(9))", "INSERT INTO v VALUES ('français')"),
        sql="SELECT length(s), octet_length(s) FROM v",
        expect=Rows([(8, 9)]),
    ),
    Case(
        id="sem-added-varchar-column-counts-bytes",
        page=ALTER_TABLE,  # ADD COLUMN with a VARCHAR(n) type: n bytes, as in CREATE TABLE
        setup=("CREATE TABLE v (n INT)", "ALTER TABLE v ADD COLUMN s VARCHAR(2)"),
        sql="INSERT INTO v (s) VALUES ('éé')",
        expect=Refused("22001", "value too long for type character varying(2)"),
    ),
    Case(
        id="sem-widened-varchar-column-holds-more-bytes",
        page=ALTER_TABLE,  # "ALTER COLUMN column_name TYPE updated_varchar_data_type_size"
        setup=(
            "CREATE TABLE v (s VARCHAR(2))",
            "ALTER TABLE v ALTER COLUMN s TYPE VARCHAR(4)",
            "INSERT INTO v VALUES ('éé')",
        ),
        sql="SELECT octet_length(s) FROM v",
        expect=Rows([(4,)]),
    ),
    Case(
        id="sem-widened-varchar-column-still-counts-bytes",
        page=ALTER_TABLE,
        setup=("CREATE TABLE v (s VARCHAR(2))", "ALTER TABLE v ALTER COLUMN s TYPE VARCHAR(4)"),
        sql="INSERT INTO v VALUES ('ééé')",
        expect=Refused("22001", "value too long for type character varying(4)"),
    ),
    Case(
        id="sem-varchar-equals-char-ignoring-blanks",
        page=CHARACTER_TYPES,  # "VARCHAR column strings ... and CHAR column strings are comparable"
        setup=(*_ADDRESS, "insert into address(address1, city_name) values('Augusta  ', 'Augusta')"),
        sql="select count(*) from address where address1 = city_name and city_name = address1",
        expect=Rows([(1,)]),
    ),
    Case(
        id="sem-varchar-in-list-ignores-trailing-blanks",
        page=CHARACTER_TYPES,
        setup=_TWO_ADDRESSES,
        sql="select count(*) from address where address1 in ('9516 Magnolia Boulevard', 'Main Street')",
        expect=Rows([(2,)]),
    ),
    Case(
        id="sem-varchar-group-by-ignores-trailing-blanks",
        page=CHARACTER_TYPES,  # grouping compares the values: the two addresses fall in one group
        setup=_TWO_ADDRESSES,
        sql="select count(*) from (select address1 from address group by address1) as groups",
        expect=Rows([(1,)]),
    ),
    Case(
        id="sem-varchar-count-distinct-ignores-trailing-blanks",
        page=CHARACTER_TYPES,
        setup=_TWO_ADDRESSES,
        sql="select count(distinct address1) from address",
        expect=Rows([(1,)]),
    ),
    Case(
        id="sem-varchar-join-ignores-trailing-blanks",
        page=CHARACTER_TYPES,
        setup=(
            *_TWO_ADDRESSES,
            "CREATE TABLE streets (street VARCHAR(40), zone INT)",
            "INSERT INTO streets VALUES ('9516 Magnolia Boulevard ', 7)",
        ),
        sql="select count(*), min(zone) from address join streets on address1 = street",
        expect=Rows([(2, 7)]),
    ),
    Case(
        id="sem-varchar-nullif-ignores-trailing-blanks",
        page=CHARACTER_TYPES,
        setup=_TWO_ADDRESSES,
        sql="select count(nullif(address1, '9516 Magnolia Boulevard')) from address",
        expect=Rows([(0,)]),
    ),
    Case(
        id="sem-char-comparison-ignores-trailing-blanks",
        page=CHARACTER_TYPES,  # "They are disregarded when you compare two CHAR values"
        sql="SELECT CAST('a' AS CHAR(3)) = CAST('a    ' AS CHAR(5))",
        expect=Rows([(True,)]),
    ),
    Case(
        id="sem-char-to-varchar-drops-trailing-blanks",
        page=CHARACTER_TYPES,  # "removed when you convert a CHAR value to another string type"
        sql="SELECT CAST(CAST('ab' AS CHAR(5)) AS VARCHAR(5)) || '|'",
        expect=Rows([("ab|",)]),
    ),
    Case(
        id="sem-char-without-length-is-char-1",
        page=CHARACTER_TYPES,  # "A CHAR column without a length specification results in a CHAR(1) column"
        setup=("CREATE TABLE c (flag CHAR)",),
        sql="INSERT INTO c VALUES ('ab')",
        expect=Refused("22001", "value too long for type character(1)"),
    ),
]

CASES = [*_NAME_CASES, *_CONVERSION_CASES, *_COMPARISON_CASES]
