"""Dates and times: date part names, EXTRACT, DATE_PART, DATE_TRUNC, DATEDIFF, DATEADD, ADD_MONTHS, GETDATE,
SYSDATE, CONVERT_TIMEZONE and TRUNC."""

from __future__ import annotations

import datetime
from decimal import Decimal

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.local_redshift.translation.support import column_names, one, run


@pytest.fixture(scope="module")
def database(database: str) -> str:
    """The star schema with the songplay test_datediff_of_columns_and_its_column_name reads (as test_ddl inserts it)."""
    with psycopg.connect(database, autocommit=True) as conn:
        run(conn, "INSERT INTO songplays (start_time, user_id, song_id) VALUES ('2018-11-01', 1, 'S1')")
    return database


def test_tutorial_time_table_query(conn):
    run(conn, "INSERT INTO staging_events (ts, userId, level) VALUES (1541105830796, 7, 'free')")
    rows = run(
        conn,
        """SELECT DISTINCT TIMESTAMP 'epoch' + ts/1000 * INTERVAL '1 second' AS start_time,
                           EXTRACT(hour FROM start_time), EXTRACT(week FROM start_time),
                           EXTRACT(dayofweek FROM start_time)
                        FROM staging_events WHERE userId = 7""",
    )
    assert rows == [(datetime.datetime(2018, 11, 1, 20, 57, 10), 20, 44, 4)]


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        ("dayofweek", 0),
        ("dow", 0),
        ("dw", 0),
        ("weekday", 0),
        ("dayofyear", 308),
        ("doy", 308),
        ("yearday", 308),
        ("y", 2018),
        ("yrs", 2018),
        ("qtr", 4),
        ("mon", 11),
        ("w", 44),
        ("d", 4),
        ("h", 13),
        ("m", 5),
        ("mins", 5),
        ("s", 3),
        ("sec", 3),
        ("ms", 189),
        ("msec", 189),
        ("us", 717),
        ("epoch", 1541336703),
        ("decade", 202),  # r_Dateparts_for_datetime_functions: 2000 to 2009 are decade 201
        ("century", 21),
        ("mil", 3),
    ],
)
def test_extract_date_parts_are_integers(conn, part, expected):
    value = one(conn, f"SELECT EXTRACT({part} FROM TIMESTAMP '2018-11-04 13:05:03.189717')")
    assert value == expected and isinstance(value, int)


def test_extract_column_is_named_date_part(conn):
    assert column_names(conn, "SELECT EXTRACT(dayofweek FROM '2018-11-04'::date)") == ["date_part"]
    assert one(conn, "SELECT EXTRACT(dayofweek FROM '2018-11-04'::date)") == 0


def test_date_part_returns_the_whole_seconds(conn):
    assert one(conn, "SELECT DATE_PART(sec, TIMESTAMP '2009-09-21 11:10:03.189717')") == 3.189717
    assert one(conn, "SELECT DATE_PART('dw', DATE '2018-11-04')") == 0
    assert column_names(conn, "SELECT PGDATE_PART(dow, DATE '2018-11-04')") == ["pgdate_part"]


def test_date_trunc_understands_abbreviations(conn):
    assert one(conn, "SELECT DATE_TRUNC('w', TIMESTAMP '2018-11-04 13:05')") == datetime.datetime(2018, 10, 29)


@pytest.mark.parametrize(
    ("part", "start", "end", "expected"),
    [
        ("day", "2018-11-01 23:00", "2018-11-02 01:00", 1),
        ("days", "2018-11-02 01:00", "2018-11-01 23:00", -1),
        ("hour", "2009-01-01 08:30:00", "2009-01-01 10:00:00", 2),
        ("minute", "2009-01-01 08:30:59", "2009-01-01 08:31:00", 1),
        ("second", "2009-01-01 08:30:59.9", "2009-01-01 08:31:00.1", 1),
        ("ms", "2009-01-01 08:30:59.9991", "2009-01-01 08:31:00.0001", 1),
        ("week", "2009-01-01", "2009-12-31", 52),
        ("week", "2018-11-04", "2018-11-05", 1),
        ("month", "2018-01-31", "2018-02-01", 1),
        ("qtr", "2018-03-31", "2018-04-01", 1),
        ("year", "2008-12-31", "2009-01-01", 1),
    ],
)
def test_datediff_counts_boundaries(conn, part, start, end, expected):
    assert one(conn, f"SELECT DATEDIFF({part}, '{start}', '{end}')") == expected


def _boundaries_crossed(part: str, start: datetime.datetime, end: datetime.datetime) -> int:
    """DATEDIFF as the Redshift documentation defines it: how many `part` boundaries lie between the two."""

    def monday(moment: datetime.datetime) -> datetime.date:
        return moment.date() - datetime.timedelta(days=moment.weekday())

    def truncated(moment: datetime.datetime, seconds: int) -> float:
        return (moment - datetime.datetime(2000, 1, 1)).total_seconds() // seconds

    return {
        "year": lambda: end.year - start.year,
        "quarter": lambda: (end.year * 4 + (end.month - 1) // 3) - (start.year * 4 + (start.month - 1) // 3),
        "month": lambda: (end.year * 12 + end.month) - (start.year * 12 + start.month),
        "week": lambda: (monday(end) - monday(start)).days // 7,
        "day": lambda: (end.date() - start.date()).days,
        "hour": lambda: int(truncated(end, 3600) - truncated(start, 3600)),
        "minute": lambda: int(truncated(end, 60) - truncated(start, 60)),
        "second": lambda: int(truncated(end, 1) - truncated(start, 1)),
    }[part]()


moments = st.datetimes(min_value=datetime.datetime(1990, 1, 1), max_value=datetime.datetime(2030, 12, 31))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    part=st.sampled_from(["year", "quarter", "month", "week", "day", "hour", "minute", "second"]),
    start=moments,
    end=moments,
)
def test_datediff_matches_the_documented_boundary_count(conn, part, start, end):
    sql = f"SELECT DATEDIFF({part}, TIMESTAMP '{start.isoformat(' ')}', TIMESTAMP '{end.isoformat(' ')}')"
    assert one(conn, sql) == _boundaries_crossed(part, start, end)


def test_datediff_of_columns_and_its_column_name(conn):
    sql = "SELECT DATEDIFF('day', start_time, start_time + INTERVAL '2 hours') FROM songplays LIMIT 1"
    assert column_names(conn, sql) == ["date_diff"]
    assert one(conn, sql) == 0


def test_datediff_refuses_an_unknown_date_part(conn):
    with pytest.raises(psycopg.errors.InvalidParameterValue):
        run(conn, "SELECT DATEDIFF(fortnight, '2018-01-01', '2018-02-01')")


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("DATEADD(month, 1, '2008-01-31')", datetime.datetime(2008, 2, 29)),
        ("DATEADD(month, 1, '2008-04-30')", datetime.datetime(2008, 5, 30)),
        ("DATEADD(month, 18, DATE '2008-02-28')", datetime.datetime(2009, 8, 28)),
        ("DATEADD(m, 30, '2008-02-28')", datetime.datetime(2008, 2, 28, 0, 30)),
        ("DATEADD(qtr, -1, TIMESTAMP '2008-05-15 10:00')", datetime.datetime(2008, 2, 15, 10)),
        ("DATEADD(w, 2, '2008-02-28')", datetime.datetime(2008, 3, 13)),
        ("ADD_MONTHS('2008-04-30', 1)", datetime.datetime(2008, 5, 31)),
        ("ADD_MONTHS('2008-03-31', 1)", datetime.datetime(2008, 4, 30)),
        ("ADD_MONTHS(TIMESTAMP '2008-01-01 05:07:30', 1)", datetime.datetime(2008, 2, 1, 5, 7, 30)),
    ],
)
def test_dateadd_and_add_months(conn, sql, expected):
    assert one(conn, f"SELECT {sql}") == expected


def test_getdate_is_a_timestamp_without_fraction_and_sysdate_the_transaction_start(conn):
    getdate = one(conn, "SELECT GETDATE()")
    assert isinstance(getdate, datetime.datetime) and getdate.tzinfo is None and getdate.microsecond == 0
    rows = run(conn, "SELECT SYSDATE = LOCALTIMESTAMP, pg_typeof(SYSDATE)::text")
    assert rows == [(True, "timestamp without time zone")]
    assert column_names(conn, "SELECT GETDATE(), SYSDATE") == ["timestamp", "timestamp"]
    assert one(conn, "SELECT TRUNC(GETDATE()) = CURRENT_DATE") is True


def test_convert_timezone(conn):
    assert one(conn, "SELECT CONVERT_TIMEZONE('UTC', 'America/New_York', '2018-11-04 12:00:00')") == (
        datetime.datetime(2018, 11, 4, 7)
    )
    assert one(conn, "SELECT CONVERT_TIMEZONE('America/New_York', TIMESTAMP '2018-07-04 12:00:00')") == (
        datetime.datetime(2018, 7, 4, 8)
    )


def test_trunc_of_a_timestamp_and_of_a_number(conn):
    assert run(conn, "SELECT TRUNC(TIMESTAMP '2008-12-04 16:10:43'), TRUNC(12.75), TRUNC(12.758, 2)") == [
        (datetime.date(2008, 12, 4), Decimal("12"), Decimal("12.75"))
    ]
