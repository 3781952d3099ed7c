"""Date and time functions and datetime format strings, as their pages say: TO_TIMESTAMP and TO_DATE (non-strict by
default), TO_CHAR and TO_NUMBER, MONTHS_BETWEEN, NEXT_DAY, LAST_DAY, DATE_PART_YEAR, ADD_MONTHS, TRUNC, the *_CMP
functions, DATEADD, DATEDIFF, DATE_PART, DATE_TRUNC and EXTRACT with their date parts, CONVERT_TIMEZONE, the current
date and time, date and time arithmetic and interval literals.

Where a page's example reads the TICKIT sample tables (EVENT, SALES, LISTING, DATE), the setup makes a tiny table
holding the example's own rows, so the page's result is the expected one.
"""

import datetime
from decimal import Decimal

from tests.local_redshift.conformance.case import DEVELOPER_GUIDE, Case, Refused, Rows

UTC = datetime.UTC
TO_TIMESTAMP = DEVELOPER_GUIDE + "r_TO_TIMESTAMP.html"
TO_DATE = DEVELOPER_GUIDE + "r_TO_DATE_function.html"
TO_CHAR = DEVELOPER_GUIDE + "r_TO_CHAR.html"
FORMAT_STRINGS = DEVELOPER_GUIDE + "r_FORMAT_strings.html"
NUMERIC_FORMAT_STRINGS = DEVELOPER_GUIDE + "r_Numeric_formating.html"
TO_NUMBER = DEVELOPER_GUIDE + "r_TO_NUMBER.html"
MONTHS_BETWEEN = DEVELOPER_GUIDE + "r_MONTHS_BETWEEN_function.html"
NEXT_DAY = DEVELOPER_GUIDE + "r_NEXT_DAY.html"
LAST_DAY = DEVELOPER_GUIDE + "r_LAST_DAY.html"
DATE_PART_YEAR = DEVELOPER_GUIDE + "r_DATE_PART_YEAR.html"
ADD_MONTHS = DEVELOPER_GUIDE + "r_ADD_MONTHS.html"
TRUNC = DEVELOPER_GUIDE + "r_TRUNC.html"
TRUNC_DATE = DEVELOPER_GUIDE + "r_TRUNC_date.html"
DATE_CMP = DEVELOPER_GUIDE + "r_DATE_CMP.html"
DATE_CMP_TIMESTAMP = DEVELOPER_GUIDE + "r_DATE_CMP_TIMESTAMP.html"
TIMESTAMP_CMP = DEVELOPER_GUIDE + "r_TIMESTAMP_CMP.html"
INTERVAL_CMP = DEVELOPER_GUIDE + "r_INTERVAL_CMP.html"
DATEADD = DEVELOPER_GUIDE + "r_DATEADD_function.html"
DATEDIFF = DEVELOPER_GUIDE + "r_DATEDIFF_function.html"
DATE_PART = DEVELOPER_GUIDE + "r_DATE_PART_function.html"
DATE_TRUNC = DEVELOPER_GUIDE + "r_DATE_TRUNC.html"
EXTRACT = DEVELOPER_GUIDE + "r_EXTRACT_function.html"
DATE_PARTS = DEVELOPER_GUIDE + "r_Dateparts_for_datetime_functions.html"
CONVERT_TIMEZONE = DEVELOPER_GUIDE + "CONVERT_TIMEZONE.html"
TIMEOFDAY = DEVELOPER_GUIDE + "r_TIMEOFDAY_function.html"
DATE_FUNCTIONS = DEVELOPER_GUIDE + "Date_functions_header.html"
DATE_PLUS_TIME = DEVELOPER_GUIDE + "r_DATE-CONCATENATE_function.html"
INTERVALS = DEVELOPER_GUIDE + "r_interval_literals.html"

_EVENT = (
    "CREATE TABLE event (eventid INTEGER, eventname VARCHAR(200), starttime TIMESTAMP)",
    "INSERT INTO event VALUES (1, 'Mamma Mia!', '2008-01-25 14:30:00'), (2, 'Nas', '2008-01-01 20:00:00')",
)
# The first and last showings of the MONTHS_BETWEEN page's five events.
_SHOWINGS = (
    "CREATE TABLE event (eventname VARCHAR(200), starttime TIMESTAMP)",
    "INSERT INTO event VALUES ('.38 Special', '2008-01-21 19:30:00'), ('.38 Special', '2008-12-25 15:00:00'),"
    " ('3 Doors Down', '2008-01-03 15:00:00'), ('3 Doors Down', '2008-12-01 19:30:00'),"
    " ('70s Soul Jam', '2008-01-16 19:30:00'), ('70s Soul Jam', '2008-12-07 14:00:00'),"
    " ('A Bronx Tale', '2008-01-21 19:00:00'), ('A Bronx Tale', '2008-12-15 15:00:00'),"
    " ('A Catered Affair', '2008-01-08 19:30:00'), ('A Catered Affair', '2008-12-19 19:00:00')",
)
_LISTING = (
    "CREATE TABLE listing (listid INTEGER, listtime TIMESTAMP)",
    "INSERT INTO listing VALUES (1, '2008-01-24 06:43:29'), (3, '2008-11-01 07:35:33'), (10, '2008-06-17 09:44:54'),"
    " (16, '2008-08-24 09:36:12')",
)
_SALES = (
    "CREATE TABLE sales (salesid INTEGER, listid INTEGER, pricepaid DECIMAL(8,2), commission DECIMAL(8,2),"
    " saletime TIMESTAMP)",
    "INSERT INTO sales VALUES (1, 1, 728.00, 109.20, '2008-02-18 02:36:48'), (784, 3, 741.00, 111.15,"
    " '2008-11-09 10:00:00')",
)
_DATES = (
    "CREATE TABLE date (dateid SMALLINT, caldate DATE)",
    "INSERT INTO date VALUES (3, '2008-01-03'), (4, '2008-01-04'), (5, '2008-01-05')",
)
_CALDATE = ("CREATE TABLE date (caldate DATE)", "INSERT INTO date VALUES ('12-31-2008')")
_TIME_TEST = (
    "CREATE TABLE time_test (id INTEGER, time_val TIME)",
    "INSERT INTO time_test VALUES (1, '20:00:00'), (2, '00:00:00.5550'), (3, '00:58:00')",
)
_TIMETZ_TEST = (
    "CREATE TABLE timetz_test (id INTEGER, timetz_val TIMETZ)",
    "INSERT INTO timetz_test VALUES (1, '04:00:00+00'), (2, '00:00:00.5550+00'), (3, '05:58:00+00')",
)


def _timestamp(*fields: int) -> datetime.datetime:
    return datetime.datetime(*fields)


TO_TIMESTAMP_CASES = [
    Case(
        id="dt-to-timestamp-hour-24-rolls-over-to-the-next-day",
        page=TO_TIMESTAMP,
        sql="SELECT TO_TIMESTAMP('2011-12-18 24:38:15', 'YYYY-MM-DD HH24:MI:SS')",
        expect=Rows([(datetime.datetime(2011, 12, 19, 0, 38, 15, tzinfo=UTC),)]),
    ),
    Case(
        id="dt-to-timestamp-strict-refuses-hour-24",
        page=TO_TIMESTAMP,
        sql="SELECT to_timestamp('2011-12-18 24:38:15', 'YYYY-MM-DD HH24:MI:SS', TRUE)",
        expect=Refused("22008", "date/time field time value out of range: 24:38:15.0"),
    ),
    Case(
        id="dt-to-timestamp-of-a-year-alone",
        page=TO_TIMESTAMP,
        sql="SELECT TO_TIMESTAMP('2017','YYYY')",
        expect=Rows([(datetime.datetime(2017, 1, 1, tzinfo=UTC),)]),
    ),
    Case(
        id="dt-to-timestamp-of-an-empty-string",
        page=TO_TIMESTAMP,
        sql="SELECT TO_TIMESTAMP('', 'YYYY-MM-DD HH24:MI:SS')",
        expect=Rows([(datetime.datetime(1, 1, 1, tzinfo=UTC),)]),
    ),
    # The page's sysdate example: the seconds of SYSDATE, as a TIMESTAMPTZ.
    Case(
        id="dt-to-timestamp-of-sysdate-keeps-its-seconds",
        page=TO_TIMESTAMP,
        sql="SELECT to_timestamp(sysdate, 'YYYY-MM-DD HH24:MI:SS') = date_trunc('second', sysdate)",
        expect=Rows([(True,)]),
    ),
    # Derived from the is_strict rule: overflow values are accepted (minute 60 is the next hour).
    Case(
        id="dt-to-timestamp-minute-60-rolls-over",
        page=TO_TIMESTAMP,
        sql="SELECT TO_TIMESTAMP('2011-12-18 10:60:00', 'YYYY-MM-DD HH24:MI:SS')",
        expect=Rows([(datetime.datetime(2011, 12, 18, 11, 0, tzinfo=UTC),)]),
    ),
    # Derived from the format strings page: HH12 with the meridian indicator PM, MONTH a month's name.
    Case(
        id="dt-to-timestamp-reads-hh12-and-pm",
        page=FORMAT_STRINGS,
        sql="SELECT TO_TIMESTAMP('2009-12-31 11:15PM', 'YYYY-MM-DD HH12:MIPM')",
        expect=Rows([(datetime.datetime(2009, 12, 31, 23, 15, tzinfo=UTC),)]),
    ),
    Case(
        id="dt-to-timestamp-reads-a-month-name",
        page=FORMAT_STRINGS,
        sql="SELECT TO_TIMESTAMP('DECEMBER 31 2009 08:05', 'MONTH DD YYYY HH24:MI')",
        expect=Rows([(datetime.datetime(2009, 12, 31, 8, 5, tzinfo=UTC),)]),
    ),
]

TO_DATE_CASES = [
    Case(
        id="dt-to-timestamp-refuses-a-time-zone-format",
        page=TO_TIMESTAMP,
        sql="SELECT TO_TIMESTAMP('2011-12-18 04:38:15 PST', 'YYYY-MM-DD HH24:MI:SS TZ')",
        expect=Refused("0A000", "(TZ, tz or OF) are not supported as input"),
    ),
    Case(
        id="dt-to-date-dd-mon-yyyy",
        page=TO_DATE,
        sql="select to_date('02 Oct 2001', 'DD Mon YYYY')",
        expect=Rows([(datetime.date(2001, 10, 2),)]),
    ),
    Case(
        id="dt-to-date-june-31-is-july-1",
        page=TO_DATE,
        sql="select to_date('20010631', 'YYYYMMDD', FALSE)",
        expect=Rows([(datetime.date(2001, 7, 1),)]),
    ),
    Case(
        id="dt-to-date-is-not-strict-by-default",
        page=TO_DATE,
        sql="select to_date('20010631', 'YYYYMMDD')",
        expect=Rows([(datetime.date(2001, 7, 1),)]),
    ),
    Case(
        id="dt-to-date-strict-refuses-june-31",
        page=TO_DATE,
        sql="select to_date('20010631', 'YYYYMMDD', TRUE)",
        expect=Refused("22008", "date/time field date value out of range: 2001-6-31"),
    ),
    Case(
        id="dt-to-date-with-separators",
        page=TO_DATE,
        sql="select to_date('12/31/2008', 'MM/DD/YYYY')",
        expect=Rows([(datetime.date(2008, 12, 31),)]),
    ),
]

TO_CHAR_CASES = [
    Case(
        id="dt-to-char-month-padded-to-nine-and-day-name",
        page=TO_CHAR,
        sql="select to_char(timestamp '2009-12-31 23:15:59', 'MONTH-DY-DD-YYYY HH12:MIPM')",
        expect=Rows([("DECEMBER -THU-31-2009 11:15PM",)]),
    ),
    Case(
        id="dt-to-char-day-of-year",
        page=TO_CHAR,
        sql="select to_char(timestamp '2009-12-31 23:15:59', 'DDD')",
        expect=Rows([("365",)]),
    ),
    Case(
        id="dt-to-char-iso-day-of-week",
        page=TO_CHAR,
        sql="select to_char(timestamp '2022-05-16 23:15:59', 'ID')",
        expect=Rows([("1",)]),
    ),
    # The format strings page: MONTH is blank-padded to 9 characters.
    Case(
        id="dt-to-char-month-of-a-date",
        page=TO_CHAR,
        sql="select to_char(date '2009-12-31', 'MONTH')",
        expect=Rows([("DECEMBER ",)]),
    ),
    Case(
        id="dt-to-char-hh12-mi-ss-of-a-column",
        page=TO_CHAR,
        setup=_EVENT,
        sql="select to_char(starttime, 'HH12:MI:SS') from event where eventid = 1",
        expect=Rows([("02:30:00",)]),
    ),
    Case(
        id="dt-to-char-mon-dd-yyyy-hh12-mi-pm",
        page=TO_CHAR,
        setup=_EVENT,
        sql="select starttime, to_char(starttime, 'MON-DD-YYYY HH12:MIPM') from event where eventid=1",
        expect=Rows([(_timestamp(2008, 1, 25, 14, 30), "JAN-25-2008 02:30PM")]),
    ),
    Case(
        id="dt-to-char-hh24-mi-ss",
        page=TO_CHAR,
        sql="select to_char(timestamp '2009-12-31 23:15:59','HH24:MI:SS')",
        expect=Rows([("23:15:59",)]),
    ),
    Case(
        id="dt-to-char-century",
        page=TO_CHAR,
        setup=_SALES,
        sql="select salesid, saletime, to_char(saletime, 'cc') from sales where salesid = 1",
        expect=Rows([(1, _timestamp(2008, 2, 18, 2, 36, 48), "21")]),
    ),
    Case(
        id="dt-to-char-time-zone-of-a-timestamp",
        page=TO_CHAR,
        setup=_EVENT,
        sql="select to_char(starttime, 'HH12:MI:SS TZ') from event where eventid = 1",
        expect=Rows([("02:30:00 UTC",)]),
    ),
    # The format strings page: uppercase, mixed-case and lowercase names, months padded to 9, MON to 3.
    Case(
        id="dt-to-char-month-name-cases",
        page=FORMAT_STRINGS,
        sql="select to_char(date '2009-05-31', 'MONTH|Month|month|MON|Mon|mon')",
        expect=Rows([("MAY      |May      |may      |MAY|May|may",)]),
    ),
    Case(
        id="dt-to-char-day-name-cases",
        page=FORMAT_STRINGS,
        sql="select to_char(date '2009-12-31', 'DAY|Day|day|DY|Dy|dy')",
        expect=Rows([("THURSDAY |Thursday |thursday |THU|Thu|thu",)]),
    ),
    Case(
        id="dt-to-char-d-counts-sunday-as-1",
        page=FORMAT_STRINGS,
        sql="select to_char(date '2022-05-15', 'D'), to_char(date '2022-05-21', 'D')",
        expect=Rows([("1", "7")]),
    ),
    Case(
        id="dt-to-char-quarter-and-weeks",
        page=FORMAT_STRINGS,
        sql="select to_char(date '2009-12-31', 'Q IW WW W')",
        expect=Rows([("4 53 53 5",)]),
    ),
    Case(
        id="dt-to-char-year-with-comma-and-short-years",
        page=FORMAT_STRINGS,
        sql="select to_char(date '2009-12-31', 'Y,YYY|YYY|YY|Y')",
        expect=Rows([("2,009|009|09|9",)]),
    ),
    Case(
        id="dt-to-char-roman-month",
        page=FORMAT_STRINGS,
        sql="select trim(to_char(date '2009-12-31', 'RM')), trim(to_char(date '2009-04-01', 'rm'))",
        expect=Rows([("XII", "iv")]),
    ),
    Case(
        id="dt-to-char-meridian-indicators",
        page=FORMAT_STRINGS,
        sql="select to_char(timestamp '2009-12-31 09:05:00', 'HH:MI AM'), "
        "to_char(timestamp '2009-12-31 21:05:00', 'HH12:MI p.m.')",
        expect=Rows([("09:05 AM", "09:05 p.m.")]),
    ),
    Case(
        id="dt-to-char-era-and-iso-year",
        page=FORMAT_STRINGS,
        sql="select to_char(date '2010-01-01', 'AD IYYY YYYY')",
        expect=Rows([("AD 2009 2010",)]),
    ),
    # Derived: a string literal that implicitly converts to a timestamp (the TO_CHAR page's arguments).
    Case(
        id="dt-to-char-of-a-timestamp-string",
        page=TO_CHAR,
        sql="select to_char('2009-12-31 23:15:59', 'YYYY-MM-DD HH24')",
        expect=Rows([("2009-12-31 23",)]),
    ),
    Case(
        id="dt-to-char-number-with-trailing-sign",
        page=TO_CHAR,
        sql="select to_char(-125.8, '999D99S')",
        expect=Rows([("125.80-",)]),
    ),
    # The page's roman numerals (shown right-aligned in a wide column): trimmed here.
    Case(
        id="dt-to-char-roman-numerals-of-a-difference",
        page=TO_CHAR,
        setup=_SALES,
        sql="select salesid, pricepaid, commission, (pricepaid - commission) as difference,"
        " trim(to_char(pricepaid - commission, 'rn')) from sales where salesid = 1",
        expect=Rows([(1, Decimal("728.00"), Decimal("109.20"), Decimal("618.80"), "dcxix")]),
    ),
    Case(
        id="dt-to-char-currency-symbol",
        page=TO_CHAR,
        setup=_SALES,
        sql="select to_char(pricepaid - commission, 'l99999D99') from sales where salesid = 1",
        expect=Rows([("$   618.80",)]),
    ),
    # The TO_CHAR page: "TO_CHAR inserts a space to the left of the numeral string".
    Case(
        id="dt-to-char-number-gets-a-space-on-the-left",
        page=TO_CHAR,
        sql="select to_char(125.8, '999.99'), to_char(5, '000')",
        expect=Rows([(" 125.80", " 005")]),
    ),
    Case(
        id="dt-to-char-group-separator",
        page=NUMERIC_FORMAT_STRINGS,
        sql="select to_char(12454.8, '99G999D9'), to_char(-12454.8, '99,999.9')",
        expect=Rows([(" 12,454.8", "-12,454.8")]),
    ),
    Case(
        id="dt-to-number-with-trailing-sign",
        page=TO_NUMBER,
        sql="select to_number('12,454.8-', '99G999D9S')",
        expect=Rows([(Decimal("-12454.8"),)]),
    ),
    Case(
        id="dt-to-number-decimal-point-position",
        page=TO_NUMBER,
        sql="select to_number('12.345','99D999')",
        expect=Rows([(Decimal("12.345"),)]),
    ),
]

DATE_FUNCTION_CASES = [
    Case(
        id="dt-months-between-same-day-is-whole",
        page=MONTHS_BETWEEN,
        sql="select months_between('1969-01-18', '1969-03-18') as months",
        expect=Rows([(-2.0,)]),
    ),
    # The page shows two decimals; rounded to two here.
    Case(
        id="dt-months-between-fraction-of-a-31-day-month",
        page=MONTHS_BETWEEN,
        setup=_SHOWINGS,
        sql="select eventname, round(months_between(max(starttime), min(starttime))::decimal(18,6), 2) as month_diff"
        " from event group by eventname order by eventname limit 5",
        expect=Rows(
            [
                (".38 Special", Decimal("11.12")),
                ("3 Doors Down", Decimal("10.94")),
                ("70s Soul Jam", Decimal("10.70")),
                ("A Bronx Tale", Decimal("10.80")),
                ("A Catered Affair", Decimal("11.35")),
            ]
        ),
    ),
    # Derived from the page's rule: both last days of their months, or the same day whatever the times.
    Case(
        id="dt-months-between-last-days-and-same-days-are-whole",
        page=MONTHS_BETWEEN,
        sql="select months_between('2014-09-30', '2014-08-31'), "
        "months_between('2014-02-15 10:00:00', '2014-01-15 20:00:00')",
        expect=Rows([(1.0, 1.0)]),
    ),
    Case(
        id="dt-months-between-null",
        page=MONTHS_BETWEEN,
        sql="select months_between(NULL, '2014-01-01')",
        expect=Rows([(None,)]),
    ),
    Case(
        id="dt-next-day-tuesday",
        page=NEXT_DAY,
        sql="select next_day('2014-08-20','Tuesday')",
        expect=Rows([(datetime.date(2014, 8, 26),)]),
    ),
    Case(
        id="dt-next-day-abbreviation-of-a-timestamp",
        page=NEXT_DAY,
        setup=(
            "CREATE TABLE listing (listtime TIMESTAMP)",
            "INSERT INTO listing VALUES ('2008-01-01 05:54:44')",
        ),
        sql="select listtime, next_day(listtime, 'Tue') from listing limit 1",
        expect=Rows([(_timestamp(2008, 1, 1, 5, 54, 44), datetime.date(2008, 1, 8))]),
    ),
    Case(
        id="dt-next-day-same-weekday-is-a-week-later",
        page=NEXT_DAY,
        sql="select next_day('2014-08-26', 'tu'), next_day(date '2008-07-06', 'MONDAY'), next_day('2008-07-03', 'm')",
        expect=Rows([(datetime.date(2014, 9, 2), datetime.date(2008, 7, 7), datetime.date(2008, 7, 7))]),
    ),
    Case(
        id="dt-last-day-of-sysdate",
        page=LAST_DAY,
        sql="select last_day(sysdate) = dateadd(day, -1, dateadd(month, 1, date_trunc('month', sysdate)))::date",
        expect=Rows([(True,)]),
    ),
    Case(
        id="dt-last-day-days-remaining",
        page=LAST_DAY,
        setup=(
            "CREATE TABLE sales (qtysold SMALLINT, saletime TIMESTAMP)",
            "INSERT INTO sales VALUES (2, '2008-02-25 10:00:00'), (3, '2008-02-29 01:00:00'),"
            " (4, '2008-02-29 23:00:00'), (5, '2008-02-01 12:00:00')",
        ),
        sql='select datediff(day, saletime, last_day(saletime)) as "Days Remaining", sum(qtysold) from sales'
        " where datediff(day, saletime, last_day(saletime)) < 7 group by 1 order by 1",
        expect=Rows([(0, 7), (4, 2)]),
    ),
    Case(
        id="dt-date-part-year-of-a-column",
        page=DATE_PART_YEAR,
        setup=_DATES,
        sql="select caldate, date_part_year(caldate) from date order by dateid limit 2",
        expect=Rows([(datetime.date(2008, 1, 3), 2008), (datetime.date(2008, 1, 4), 2008)]),
    ),
    Case(
        id="dt-add-months-to-a-shorter-month",
        page=ADD_MONTHS,
        sql="select add_months('2008-03-31',1)",
        expect=Rows([(_timestamp(2008, 4, 30),)]),
    ),
    Case(
        id="dt-add-months-from-a-last-day",
        page=ADD_MONTHS,
        sql="select add_months('2008-04-30',1)",
        expect=Rows([(_timestamp(2008, 5, 31),)]),
    ),
    Case(
        id="dt-add-months-inside-trunc",
        page=ADD_MONTHS,
        setup=_DATES,
        sql="select distinct trunc(add_months(caldate, 12)) as calplus12, trunc(caldate) as cal from date"
        " order by 1 asc limit 1",
        expect=Rows([(datetime.date(2009, 1, 3), datetime.date(2008, 1, 3))]),
    ),
    Case(
        id="dt-trunc-of-a-timestamp-is-a-date",
        page=TRUNC_DATE,
        setup=_EVENT,
        sql="select trunc(starttime) from event order by eventid limit 1",
        expect=Rows([(datetime.date(2008, 1, 25),)]),
    ),
    Case(
        id="dt-trunc-of-sysdate-is-current-date",
        page=TRUNC_DATE,
        sql="select trunc(sysdate) = current_date",
        expect=Rows([(True,)]),
    ),
    Case(
        id="dt-trunc-of-a-number-to-places",
        page=TRUNC,
        setup=_SALES,
        sql="select commission, trunc(commission), trunc(commission,1), trunc(commission,-1) from sales"
        " where salesid=784",
        expect=Rows([(Decimal("111.15"), Decimal("111"), Decimal("111.1"), Decimal("110"))]),
    ),
    Case(
        id="dt-date-cmp",
        page=DATE_CMP,
        setup=_DATES,
        sql="select caldate, '2008-01-04', date_cmp(caldate,'2008-01-04') from date order by dateid",
        expect=Rows(
            [
                (datetime.date(2008, 1, 3), "2008-01-04", -1),
                (datetime.date(2008, 1, 4), "2008-01-04", 0),
                (datetime.date(2008, 1, 5), "2008-01-04", 1),
            ]
        ),
    ),
    Case(
        id="dt-date-cmp-timestamp",
        page=DATE_CMP_TIMESTAMP,
        setup=_LISTING,
        sql="select listid, date_cmp_timestamp('2008-06-18', listtime) from listing where listid in (1, 3, 10)"
        " order by 1",
        expect=Rows([(1, 1), (3, -1), (10, 1)]),
    ),
    Case(
        id="dt-timestamp-cmp",
        page=TIMESTAMP_CMP,
        setup=(*_LISTING, *_SALES),
        sql="select listing.listid, timestamp_cmp(listing.listtime, sales.saletime), "
        "timestamp_cmp(listtime, listtime) from listing, sales where listing.listid = sales.listid order by 1",
        expect=Rows([(1, -1, 0), (3, -1, 0)]),
    ),
    # Derived from the pages' rule (0 when equal, 1 when the first is greater, -1 when the second is), the
    # TIMESTAMPTZ values compared as instants.
    Case(
        id="dt-timestamp-cmp-date",
        page=DEVELOPER_GUIDE + "r_TIMESTAMP_CMP_DATE.html",
        sql="select timestamp_cmp_date(timestamp '2008-01-01 10:00:00', date '2008-01-01'), "
        "timestamp_cmp_date(timestamp '2008-01-01 00:00:00', '2008-01-01')",
        expect=Rows([(1, 0)]),
    ),
    Case(
        id="dt-timestamptz-cmp-compares-instants",
        page=DEVELOPER_GUIDE + "r_TIMESTAMPTZ_CMP.html",
        sql="select timestamptz_cmp(timestamptz '2008-01-01 10:00:00+00', timestamptz '2008-01-01 02:00:00-08'), "
        "timestamptz_cmp(timestamptz '2008-01-01 10:00:00+00', timestamptz '2008-01-01 10:00:00-08')",
        expect=Rows([(0, -1)]),
    ),
    Case(
        id="dt-date-cmp-timestamptz",
        page=DEVELOPER_GUIDE + "r_DATE_CMP_TIMESTAMPTZ.html",
        sql="select date_cmp_timestamptz(date '2008-01-02', timestamptz '2008-01-01 23:00:00+00')",
        expect=Rows([(1,)]),
    ),
    Case(
        id="dt-interval-cmp-3-days-and-1-year",
        page=INTERVAL_CMP,
        sql="select interval_cmp('3 days','1 year')",
        expect=Rows([(-1,)]),
    ),
    Case(
        id="dt-interval-cmp-7-days-and-1-week",
        page=INTERVAL_CMP,
        sql="select interval_cmp('7 days','1 week')",
        expect=Rows([(0,)]),
    ),
]

DATE_PART_CASES = [
    Case(
        id="dt-dateadd-30-days-to-a-date-column",
        page=DATEADD,
        setup=("CREATE TABLE date (dateid SMALLINT, caldate DATE)", "INSERT INTO date VALUES (1, '2008-11-01')"),
        sql="select dateadd(day,30,caldate) as novplus30 from date order by dateid",
        expect=Rows([(_timestamp(2008, 12, 1),)]),
    ),
    Case(
        id="dt-dateadd-18-months",
        page=DATEADD,
        sql="select dateadd(month,18,'2008-02-28')",
        expect=Rows([(_timestamp(2009, 8, 28),)]),
    ),
    Case(
        id="dt-dateadd-m-is-minutes",
        page=DATEADD,
        sql="select dateadd(m,30,'2008-02-28')",
        expect=Rows([(_timestamp(2008, 2, 28, 0, 30),)]),
    ),
    Case(
        id="dt-dateadd-a-month-keeps-the-day",
        page=DATEADD,
        sql="select dateadd(month,1,'2008-04-30')",
        expect=Rows([(_timestamp(2008, 5, 30),)]),
    ),
    Case(
        id="dt-dateadd-12-months-from-february-29",
        page=DATEADD,
        sql="select dateadd(month,12,'2016-02-29')",
        expect=Rows([(_timestamp(2017, 2, 28),)]),
    ),
    Case(
        id="dt-dateadd-a-year-from-february-29",
        page=DATEADD,
        sql="select dateadd(year, 1, '2016-02-29')",
        expect=Rows([(_timestamp(2017, 3, 1),)]),
    ),
    Case(
        id="dt-dateadd-hours-to-a-time",
        page=DATEADD,
        sql="select dateadd(hour, 8, time '13:24:55'), dateadd(hour, 12, time '13:24:55')",
        expect=Rows([(datetime.time(21, 24, 55), datetime.time(1, 24, 55))]),
    ),
    Case(
        id="dt-dateadd-minutes-to-a-time-column",
        page=DATEADD,
        setup=_TIME_TEST,
        sql="select dateadd(minute,5,time_val) as minplus5 from time_test order by id",
        expect=Rows([(datetime.time(20, 5),), (datetime.time(0, 5, 0, 555000),), (datetime.time(1, 3),)]),
    ),
    Case(
        id="dt-dateadd-hours-to-a-timetz-in-utc",
        page=DATEADD,
        sql="select dateadd(hour, 2, timetz '13:24:55 PST')",
        expect=Rows([(datetime.time(23, 24, 55, tzinfo=UTC),)]),
    ),
    Case(
        id="dt-dateadd-date-part-abbreviations",
        page=DATE_PARTS,
        sql="select dateadd(w, 1, '2008-01-01'), dateadd(qtr, 1, '2008-01-01'), dateadd(ms, 5, '2008-01-01'),"
        " dateadd(decs, 1, '2008-01-01'), dateadd(hrs, 1, '2008-01-01')",
        expect=Rows(
            [
                (
                    _timestamp(2008, 1, 8),
                    _timestamp(2008, 4, 1),
                    _timestamp(2008, 1, 1, 0, 0, 0, 5000),
                    _timestamp(2018, 1, 1),
                    _timestamp(2008, 1, 1, 1),
                )
            ]
        ),
    ),
    Case(
        id="dt-datediff-weeks",
        page=DATEDIFF,
        sql="select datediff(week,'2009-01-01','2009-12-31') as numweeks",
        expect=Rows([(52,)]),
    ),
    Case(
        id="dt-datediff-counts-year-and-hour-boundaries",
        page=DATEDIFF,
        sql="select datediff(year, '2008-12-31', '2009-01-01'), "
        "datediff(hour, '2009-01-01 08:30:00', '2009-01-01 10:00:00'), datediff(hour, time '8:30:00', time '10:00:00')",
        expect=Rows([(1, 2, 2)]),
    ),
    Case(
        id="dt-datediff-hours-of-a-time-column",
        page=DATEDIFF,
        setup=_TIME_TEST,
        sql="select datediff(hour, time_val, time '15:24:45') from time_test order by id",
        expect=Rows([(-5,), (15,), (15,)]),
    ),
    Case(
        id="dt-datediff-minutes-of-times",
        page=DATEDIFF,
        sql="select datediff(minute, time '20:00:00', time '21:00:00') as nummins",
        expect=Rows([(60,)]),
    ),
    Case(
        id="dt-datediff-hours-of-a-timetz-column",
        page=DATEDIFF,
        setup=_TIMETZ_TEST,
        sql="select datediff(hours, timetz '20:00:00 PST', timetz_val) as numhours from timetz_test order by id",
        expect=Rows([(0,), (-4,), (1,)]),
    ),
    Case(
        id="dt-datediff-hours-of-timetz-literals",
        page=DATEDIFF,
        sql="select datediff(hours, timetz '20:00:00 PST', timetz '00:58:00 EST') as numhours",
        expect=Rows([(1,)]),
    ),
    Case(
        id="dt-date-part-iso-week",
        page=DATE_PART,
        sql="SELECT DATE_PART(week, timestamp '20220502 04:05:06.789')",
        expect=Rows([(18.0,)]),
    ),
    Case(
        id="dt-date-part-day-dayofweek-century-month",
        page=DATE_PART,
        sql="SELECT DATE_PART(day, timestamp '20220502 04:05:06.789'), "
        "DATE_PART(dayofweek, timestamp '20220502 04:05:06.789'), "
        "DATE_PART(century, timestamp '20220502 04:05:06.789'), DATE_PART(month, date '20220502')",
        expect=Rows([(2.0, 1.0, 21.0, 5.0)]),
    ),
    Case(
        id="dt-date-part-w-is-weeks",
        page=DATE_PART,
        setup=_LISTING,
        sql="select date_part(w, listtime) as weeks, listtime from listing where listid=10",
        expect=Rows([(25.0, _timestamp(2008, 6, 17, 9, 44, 54))]),
    ),
    Case(
        id="dt-date-part-seconds-keep-their-fraction",
        page=DATE_PARTS,
        setup=("create table seconds(micro timestamp)", "insert into seconds values('2009-09-21 11:10:03.189717')"),
        sql="select date_part(sec, micro) from seconds",
        expect=Rows([(3.189717,)]),
    ),
    Case(
        id="dt-extract-seconds-drop-their-fraction",
        page=DATE_PARTS,
        setup=("create table seconds(micro timestamp)", "insert into seconds values('2009-09-21 11:10:03.189717')"),
        sql="select extract(sec from micro) from seconds",
        expect=Rows([(3,)]),
    ),
    Case(
        id="dt-date-part-epoch-in-ctas",
        page=DATE_PARTS,
        setup=(
            *_EVENT,
            "create table event_example as select eventname, starttime, date_part(epoch, starttime) from event",
        ),
        sql="select eventname, starttime, pgdate_part from event_example where eventname = 'Nas'",
        expect=Rows([("Nas", _timestamp(2008, 1, 1, 20), 1199217600.0)]),
    ),
    Case(
        id="dt-epoch-back-to-a-timestamp",
        page=DATE_PARTS,
        setup=(
            *_EVENT,
            "create table event_example as select eventname, starttime, date_part(epoch, starttime) from event",
        ),
        sql="select timestamp with time zone 'epoch' + pgdate_part * interval '1 second' AS converted_timestamp"
        " from event_example where eventname = 'Nas'",
        expect=Rows([(datetime.datetime(2008, 1, 1, 20, tzinfo=UTC),)]),
    ),
    Case(
        id="dt-extract-century-starts-in-year-1",
        page=DATE_PARTS,
        sql="select extract (century from timestamp '2000-12-16 12:21:13'), "
        "extract (century from timestamp '2001-12-16 12:21:13')",
        expect=Rows([(20, 21)]),
    ),
    Case(
        id="dt-extract-decade-from-the-common-calendar",
        page=DATE_PARTS,
        sql="select extract(decade from timestamp '1999-02-16 20:38:40'), "
        "extract(decade from timestamp '2000-02-16 20:38:40'), extract(decade from timestamp '2010-02-16 20:38:40')",
        expect=Rows([(200, 201, 202)]),
    ),
    Case(
        id="dt-extract-mil-starts-in-year-1",
        page=DATE_PARTS,
        sql="select extract (mil from timestamp '2000-12-16 12:21:13'), "
        "extract (mil from timestamp '2001-12-16 12:21:13')",
        expect=Rows([(2, 3)]),
    ),
    Case(
        id="dt-extract-minute-and-ms",
        page=EXTRACT,
        sql="select extract(minute from timestamp '2009-09-09 12:08:43'), "
        "extract(ms from timestamp '2009-09-09 12:08:43.101')",
        expect=Rows([(8, 101)]),
    ),
    Case(
        id="dt-extract-week-of-a-column",
        page=EXTRACT,
        setup=(
            "CREATE TABLE sales (salesid INTEGER, pricepaid DECIMAL(8,2), saletime TIMESTAMP)",
            "INSERT INTO sales VALUES (159073, 10000, '2008-02-04 10:00:00'), (161723, 12000, '2008-06-25 10:00:00'),"
            " (2, 20, '2008-01-01 10:00:00')",
        ),
        sql="select salesid, extract(week from saletime) as weeknum from sales where pricepaid > 9999 order by 2",
        expect=Rows([(159073, 6), (161723, 26)]),
    ),
    Case(
        id="dt-extract-year-of-a-timestamptz",
        page=EXTRACT,
        sql="select extract(year from timestamptz '1.12.1997 07:37:16.00 PST')",
        expect=Rows([(1997,)]),
    ),
    Case(
        id="dt-extract-of-a-time-column",
        page=EXTRACT,
        setup=_TIME_TEST,
        sql="select extract(minute from time_val) as minutes, extract(hour from time_val) as hours from time_test"
        " order by id",
        expect=Rows([(0, 20), (0, 0), (58, 0)]),
    ),
    Case(
        id="dt-extract-ms-of-time-and-timetz",
        page=EXTRACT,
        sql="select extract(ms from time '18:25:33.123456'), extract(ms from timetz '18:25:33.123456 EST')",
        expect=Rows([(123, 123)]),
    ),
    Case(
        id="dt-extract-hours-of-a-timetz-column",
        page=EXTRACT,
        setup=_TIMETZ_TEST,
        sql="select extract(hour from timetz_val) as hours from timetz_test order by id",
        expect=Rows([(4,), (0,), (5,)]),
    ),
    Case(
        id="dt-extract-timezone-hour",
        page=EXTRACT,
        sql="select extract(timezone_hour from timetz '1.12.1997 07:37:16.00 PDT')",
        expect=Rows([(-7,)]),
    ),
    Case(
        id="dt-date-trunc-second-minute-hour-day",
        page=DATE_TRUNC,
        sql="SELECT DATE_TRUNC('second', TIMESTAMP '20200430 04:05:06.789'), "
        "DATE_TRUNC('minute', TIMESTAMP '20200430 04:05:06.789'), "
        "DATE_TRUNC('hour', TIMESTAMP '20200430 04:05:06.789'), DATE_TRUNC('day', TIMESTAMP '20200430 04:05:06.789')",
        expect=Rows(
            [
                (
                    _timestamp(2020, 4, 30, 4, 5, 6),
                    _timestamp(2020, 4, 30, 4, 5),
                    _timestamp(2020, 4, 30, 4),
                    _timestamp(2020, 4, 30),
                )
            ]
        ),
    ),
    Case(
        id="dt-date-trunc-month-quarter-year-millennium",
        page=DATE_TRUNC,
        sql="SELECT DATE_TRUNC('month', TIMESTAMP '20200430 04:05:06.789'), "
        "DATE_TRUNC('quarter', TIMESTAMP '20200430 04:05:06.789'), "
        "DATE_TRUNC('year', TIMESTAMP '20200430 04:05:06.789'), "
        "DATE_TRUNC('millennium', TIMESTAMP '20200430 04:05:06.789')",
        expect=Rows([(_timestamp(2020, 4, 1), _timestamp(2020, 4, 1), _timestamp(2020, 1, 1), _timestamp(2001, 1, 1))]),
    ),
    Case(
        id="dt-date-trunc-week-is-monday",
        page=DATE_TRUNC,
        sql="select date_trunc('week', TIMESTAMP '20220430 04:05:06.789')",
        expect=Rows([(_timestamp(2022, 4, 25),)]),
    ),
    Case(
        id="dt-date-trunc-plural-names",
        page=DATE_TRUNC,
        sql="select date_trunc('weeks', TIMESTAMP '20220430 04:05:06.789'), "
        "date_trunc('quarters', TIMESTAMP '20220530 04:05:06.789'), date_trunc('millennia', TIMESTAMP '20220530')",
        expect=Rows([(_timestamp(2022, 4, 25), _timestamp(2022, 4, 1), _timestamp(2001, 1, 1))]),
    ),
]

CONVERT_TIMEZONE_CASES = [
    Case(
        id="dt-convert-timezone-to-an-abbreviation",
        page=CONVERT_TIMEZONE,
        setup=_LISTING,
        sql="select listtime, convert_timezone('PST', listtime) from listing where listid = 16",
        expect=Rows([(_timestamp(2008, 8, 24, 9, 36, 12), _timestamp(2008, 8, 24, 1, 36, 12))]),
    ),
    Case(
        id="dt-convert-timezone-to-a-name-in-daylight-time",
        page=CONVERT_TIMEZONE,
        setup=_LISTING,
        sql="select listtime, convert_timezone('US/Pacific', listtime) from listing where listid = 16",
        expect=Rows([(_timestamp(2008, 8, 24, 9, 36, 12), _timestamp(2008, 8, 24, 2, 36, 12))]),
    ),
    Case(
        id="dt-convert-timezone-from-est-to-pst",
        page=CONVERT_TIMEZONE,
        sql="select convert_timezone('EST', 'PST', '20080305 12:25:29')",
        expect=Rows([(_timestamp(2008, 3, 5, 9, 25, 29),)]),
    ),
    Case(
        id="dt-convert-timezone-new-york-standard-and-daylight",
        page=CONVERT_TIMEZONE,
        sql="select convert_timezone('America/New_York', '2013-02-01 08:00:00'), "
        "convert_timezone('America/New_York', '2013-06-01 08:00:00')",
        expect=Rows([(_timestamp(2013, 2, 1, 3), _timestamp(2013, 6, 1, 4))]),
    ),
    Case(
        id="dt-convert-timezone-offsets",
        page=CONVERT_TIMEZONE,
        sql="SELECT CONVERT_TIMEZONE('GMT','NEWZONE +2','2014-05-17 12:00:00') as newzone_plus_2, "
        "CONVERT_TIMEZONE('GMT','NEWZONE-2:15','2014-05-17 12:00:00') as newzone_minus_2_15, "
        "CONVERT_TIMEZONE('GMT','America/Los_Angeles+2','2014-05-17 12:00:00') as la_plus_2, "
        "CONVERT_TIMEZONE('GMT','GMT+2','2014-05-17 12:00:00') as gmt_plus_2",
        expect=Rows(
            [
                (
                    _timestamp(2014, 5, 17, 10),
                    _timestamp(2014, 5, 17, 14, 15),
                    _timestamp(2014, 5, 17, 10),
                    _timestamp(2014, 5, 17, 10),
                )
            ]
        ),
    ),
]

CURRENT_TIME_AND_ARITHMETIC_CASES = [
    # The return types the summary of date and time functions (and each function's page) gives.
    Case(
        id="dt-function-result-types",
        page=DATE_FUNCTIONS,
        setup=(
            "CREATE TABLE result_types AS SELECT sysdate AS a_sysdate, getdate() AS b_getdate,"
            " current_date AS c_current_date, to_timestamp('2011', 'YYYY') AS d_to_timestamp,"
            " to_date('2011', 'YYYY') AS e_to_date, trunc(sysdate) AS f_trunc, add_months(sysdate, 1) AS g_add_months,"
            " dateadd(day, 1, current_date) AS h_dateadd, last_day(sysdate) AS i_last_day,"
            " next_day(sysdate, 'mo') AS j_next_day, months_between(sysdate, sysdate) AS k_months_between,"
            " datediff(day, sysdate, sysdate) AS l_datediff, date_cmp(sysdate, sysdate) AS m_date_cmp,"
            " convert_timezone('PST', sysdate) AS n_convert_timezone, date_part_year(sysdate) AS o_date_part_year",
        ),
        sql='SELECT "column", type FROM pg_table_def WHERE tablename = \'result_types\' ORDER BY "column"',
        expect=Rows(
            [
                ("a_sysdate", "timestamp without time zone"),
                ("b_getdate", "timestamp without time zone"),
                ("c_current_date", "date"),
                ("d_to_timestamp", "timestamp with time zone"),
                ("e_to_date", "date"),
                ("f_trunc", "date"),
                ("g_add_months", "timestamp without time zone"),
                ("h_dateadd", "timestamp without time zone"),
                ("i_last_day", "date"),
                ("j_next_day", "date"),
                ("k_months_between", "double precision"),
                ("l_datediff", "bigint"),
                ("m_date_cmp", "integer"),
                ("n_convert_timezone", "timestamp without time zone"),
                ("o_date_part_year", "integer"),
            ]
        ),
    ),
    # The page's result, 'Thu Sep 19 22:53:50.333525 2013 UTC', has this shape.
    Case(
        id="dt-timeofday-is-weekday-date-time-and-zone",
        page=TIMEOFDAY,
        sql="select timeofday() ~ '^[A-Z][a-z]{2} [A-Z][a-z]{2} [0-9]{2} [0-9:]{8}[.][0-9]{6} [0-9]{4} UTC$'",
        expect=Rows([(True,)]),
    ),
    # "Date and time functions in transactions": SYSDATE is the transaction's start, GETDATE the statement's.
    Case(
        id="dt-sysdate-is-the-transaction-start",
        page=DATE_FUNCTIONS,
        setup=("BEGIN", "CREATE TABLE started AS SELECT sysdate AS at", "SELECT pg_sleep(0.01)"),
        sql="SELECT at = sysdate, trunc(at) = current_date FROM started",
        expect=Rows([(True, True)]),
    ),
    Case(
        id="dt-getdate-has-whole-seconds",
        page=DATE_FUNCTIONS,
        sql="SELECT getdate() = date_trunc('second', getdate())",
        expect=Rows([(True,)]),
    ),
    Case(
        id="dt-date-plus-time-literals",
        page=DATE_PLUS_TIME,
        sql="select date '2000-01-01' + time '20:00:00' as ts",
        expect=Rows([(_timestamp(2000, 1, 1, 20),)]),
    ),
    Case(
        id="dt-date-plus-a-time-column",
        page=DATE_PLUS_TIME,
        setup=_TIME_TEST,
        sql="select date '2000-01-02' + time_val as ts from time_test order by id",
        expect=Rows(
            [
                (_timestamp(2000, 1, 2, 20),),
                (_timestamp(2000, 1, 2, 0, 0, 0, 555000),),
                (_timestamp(2000, 1, 2, 0, 58),),
            ]
        ),
    ),
    Case(
        id="dt-date-plus-timetz",
        page=DATE_PLUS_TIME,
        sql="select date '2000-01-01' + timetz '20:00:00 PST' as ts",
        expect=Rows([(datetime.datetime(2000, 1, 2, 4, tzinfo=UTC),)]),
    ),
    Case(
        id="dt-date-plus-a-timetz-column",
        page=DATE_PLUS_TIME,
        setup=_TIMETZ_TEST,
        sql="select date '2000-01-01' + timetz_val as ts from timetz_test order by id",
        expect=Rows(
            [
                (datetime.datetime(2000, 1, 1, 4, tzinfo=UTC),),
                (datetime.datetime(2000, 1, 1, 0, 0, 0, 555000, tzinfo=UTC),),
                (datetime.datetime(2000, 1, 1, 5, 58, tzinfo=UTC),),
            ]
        ),
    ),
    Case(
        id="dt-interval-one-second-and-one-minute",
        page=INTERVALS,
        setup=_CALDATE,
        sql="select caldate + interval '1 second', caldate + interval '1 minute' from date where caldate='12-31-2008'",
        expect=Rows([(_timestamp(2008, 12, 31, 0, 0, 1), _timestamp(2008, 12, 31, 0, 1))]),
    ),
    Case(
        id="dt-interval-several-quantities",
        page=INTERVALS,
        setup=_CALDATE,
        sql="select caldate + interval '3 hours, 35 minutes' as dateplus from date where caldate='12-31-2008'",
        expect=Rows([(_timestamp(2008, 12, 31, 3, 35),)]),
    ),
    Case(
        id="dt-interval-52-weeks",
        page=INTERVALS,
        setup=_CALDATE,
        sql="select caldate + interval '52 weeks' as dateplus from date where caldate='12-31-2008'",
        expect=Rows([(_timestamp(2009, 12, 30),)]),
    ),
    Case(
        id="dt-interval-abbreviated-units",
        page=INTERVALS,
        setup=_CALDATE,
        sql="select caldate + interval '1w, 1h, 1m, 1s' as dateplus from date where caldate='12-31-2008'",
        expect=Rows([(_timestamp(2009, 1, 7, 1, 1, 1),)]),
    ),
    Case(
        id="dt-interval-half-a-day",
        page=INTERVALS,
        setup=_CALDATE,
        sql="select caldate + interval '0.5 days' as dateplus from date where caldate='12-31-2008'",
        expect=Rows([(_timestamp(2008, 12, 31, 12),)]),
    ),
    Case(
        id="dt-interval-minus-4-months",
        page=INTERVALS,
        sql="select date '2023-02-15' - interval '4 months', date '2023-03-31' - interval '4 months'",
        expect=Rows([(_timestamp(2022, 10, 15), _timestamp(2022, 11, 30))]),
    ),
    # The page: "If you don't specify a date part, the interval value represents seconds"; 5 s = 5 seconds.
    Case(
        id="dt-interval-without-a-unit-is-seconds",
        page=INTERVALS,
        sql="select timestamp '2008-12-31' + interval '10', interval '5 s' = interval '5 seconds'",
        expect=Rows([(_timestamp(2008, 12, 31, 0, 0, 10), True)]),
    ),
    # The tutorial's start_time: an epoch in milliseconds, as the Date parts page converts epochs.
    Case(
        id="dt-timestamp-epoch-plus-seconds",
        page=DATE_PARTS,
        sql="SELECT TIMESTAMP 'epoch' + 1541105830796/1000 * INTERVAL '1 second'",
        expect=Rows([(_timestamp(2018, 11, 1, 20, 57, 10),)]),
    ),
]

CASES = [
    *TO_TIMESTAMP_CASES,
    *TO_DATE_CASES,
    *TO_CHAR_CASES,
    *DATE_FUNCTION_CASES,
    *DATE_PART_CASES,
    *CONVERT_TIMEZONE_CASES,
    *CURRENT_TIME_AND_ARITHMETIC_CASES,
]
