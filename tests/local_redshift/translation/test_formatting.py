"""Datetime and numeric format strings: how TO_TIMESTAMP and TO_DATE read a string in a format (r_FORMAT_strings),
beyond the pages' examples in the conformance cases, and how TO_CHAR picks its argument's type."""

from __future__ import annotations

import datetime

import psycopg
import pytest

from local_redshift.translation import UnsupportedFeature, translate
from tests.local_redshift.translation.support import one, run

UTC = datetime.UTC


@pytest.mark.parametrize(
    ("value", "format_string", "expected"),
    [
        ("05 Dec 2000", "DD Mon YYYY", datetime.date(2000, 12, 5)),
        ("05 december 2000", "DD MONTH YYYY", datetime.date(2000, 12, 5)),
        ("Tue 05 Dec 2000", "DY DD Mon YYYY", datetime.date(2000, 12, 5)),
        ("99-1-5", "YY-MM-DD", datetime.date(1999, 1, 5)),
        ("05-1-5", "YY-MM-DD", datetime.date(2005, 1, 5)),
        ("2,009 12 31", "Y,YYY MM DD", datetime.date(2009, 12, 31)),
        ("2000 366", "YYYY DDD", datetime.date(2000, 12, 31)),
        ("Year 2000", '"Year" YYYY', datetime.date(2000, 1, 1)),
        ("05-12-2000", "FMDD-MM-YYYY", datetime.date(2000, 12, 5)),
        ("20001205", "YYYYMMDD", datetime.date(2000, 12, 5)),
        ("2000/12/05", "YYYY-MM-DD", datetime.date(2000, 12, 5)),  # a separator stands for any separator
        ("2000-13-01", "YYYY-MM-DD", datetime.date(2001, 1, 1)),  # month 13 rolls over too
        ("2000-02-30", "YYYY-MM-DD", datetime.date(2000, 3, 1)),
        ("2000-12-05T10", "YYYY-MM-DDTHH24", datetime.date(2000, 12, 5)),  # another letter stands for itself
        ("05th Dec 2000", "DDth Mon YYYY", datetime.date(2000, 12, 5)),
    ],
)
def test_to_date_reads_the_format(conn, value, format_string, expected):
    assert one(conn, f"SELECT TO_DATE('{value}', '{format_string}')") == expected


@pytest.mark.parametrize(
    ("value", "format_string", "expected"),
    [
        ("2000-12-05 4:8:9.123", "YYYY-MM-DD HH24:MI:SS.MS", datetime.datetime(2000, 12, 5, 4, 8, 9, 123000, UTC)),
        ("2000-12-05 04:08:09.5", "YYYY-MM-DD HH24:MI:SS.US", datetime.datetime(2000, 12, 5, 4, 8, 9, 500000, UTC)),
        ("2000-12-05 12:30 am", "YYYY-MM-DD HH12:MI AM", datetime.datetime(2000, 12, 5, 0, 30, tzinfo=UTC)),
        ("2000-12-05 12:30 p.m.", "YYYY-MM-DD HH:MI A.M.", datetime.datetime(2000, 12, 5, 12, 30, tzinfo=UTC)),
        ("2000-12-05 23:59:60", "YYYY-MM-DD HH24:MI:SS", datetime.datetime(2000, 12, 6, tzinfo=UTC)),
    ],
)
def test_to_timestamp_reads_the_format(conn, value, format_string, expected):
    assert one(conn, f"SELECT TO_TIMESTAMP('{value}', '{format_string}')") == expected


def test_to_timestamp_and_to_date_of_null_are_null(conn):
    assert run(conn, "SELECT TO_TIMESTAMP(NULL, 'YYYY'), TO_DATE(NULL, 'YYYY')") == [(None, None)]


def test_to_timestamp_reads_a_column_of_any_type(conn):
    run(conn, "CREATE TABLE stamps (at VARCHAR(30), day DATE)")
    run(conn, "INSERT INTO stamps VALUES ('2008-01-01 24:00:00', '2008-02-01')")
    assert run(conn, "SELECT TO_TIMESTAMP(at, 'YYYY-MM-DD HH24:MI:SS'), TO_DATE(day, 'YYYY-MM-DD') FROM stamps") == [
        (datetime.datetime(2008, 1, 2, tzinfo=UTC), datetime.date(2008, 2, 1))
    ]


@pytest.mark.parametrize(
    ("value", "format_string", "says"),
    [
        ("2000-01-01 23:60:00", "YYYY-MM-DD HH24:MI:SS", "time value out of range: 23:60:00.0"),
        ("2000-01-01 10:00:61.5", "YYYY-MM-DD HH24:MI:SS.MS", "time value out of range: 10:00:61.5"),
        ("2000-13-01", "YYYY-MM-DD", "date value out of range: 2000-13-1"),
        ("2001 366", "YYYY DDD", "date value out of range: 2001-366"),
    ],
)
def test_strict_refuses_values_out_of_range(conn, value, format_string, says):
    with pytest.raises(psycopg.errors.DatetimeFieldOverflow, match=says):
        run(conn, f"SELECT TO_TIMESTAMP('{value}', '{format_string}', TRUE)")


def test_a_number_where_the_format_wants_one_is_refused(conn):
    with pytest.raises(psycopg.errors.InvalidDatetimeFormat, match='invalid value "xx" for "YYYY"'):
        run(conn, "SELECT TO_DATE('xx', 'YYYY')")


@pytest.mark.parametrize("pattern", ["Q", "IW", "IYYY", "J", "CC", "BC", "SSSS"])
def test_patterns_only_to_char_writes_are_refused(conn, pattern):
    with pytest.raises(psycopg.errors.FeatureNotSupported, match=f"the format pattern {pattern} is not read"):
        run(conn, f"SELECT TO_DATE('2000 1', 'YYYY {pattern}')")


def test_time_zones_are_not_read(conn):
    with pytest.raises(psycopg.errors.FeatureNotSupported, match="not supported as input"):
        run(conn, "SELECT TO_TIMESTAMP('2011-12-18 04:38:15 PST', 'YYYY-MM-DD HH24:MI:SS TZ')")
    assert one(conn, """SELECT TO_DATE('2011-12-18 OF', 'YYYY-MM-DD "OF"')""") == datetime.date(2011, 12, 18)


def test_to_char_by_the_argument_type(conn):
    assert run(conn, "SELECT TO_CHAR(12, '999'), TO_CHAR(12::BIGINT, '999'), TO_CHAR(1.5::REAL, '9D9')") == [
        ("  12", "  12", " 1.5")
    ]
    assert one(conn, "SELECT TO_CHAR(INTERVAL '90 minutes', 'HH24:MI')") == "01:30"
    assert one(conn, "SELECT TO_CHAR(TIMESTAMPTZ '2009-12-31 23:15:59+00', 'YYYY TZ')") == "2009 UTC"
    assert one(conn, "SELECT TO_CHAR(12.5, 'PL99D9')") == "+ 12.5"  # PL is the plus sign, not the currency symbol


def test_to_timestamp_of_an_epoch_is_postgresql_only():
    with pytest.raises(UnsupportedFeature, match="TO_TIMESTAMP with one argument is not supported by Amazon Redshift"):
        translate("SELECT TO_TIMESTAMP(1541105830)")
