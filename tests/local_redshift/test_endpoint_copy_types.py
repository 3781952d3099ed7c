"""COPY into TIME, TIMETZ, INTERVAL and VARBYTE(n) columns through the running endpoint, both query protocols
(psycopg: simple query; redshift_connector: extended): the documented values load, a bad one is a load error of its
record, counted against MAXERROR while the other records load; and Redshift's types the local Redshift lacks, and
COPY into a GEOMETRY column, are refused.

Pages: "Date, time, and timestamp literals" (Times), "Datetime types", "Examples with datetime types", "Data
conversion parameters" (TIMEFORMAT), "DATEFORMAT and TIMEFORMAT strings", "STL_LOAD_ERRORS", "Load error reference",
"Data types" (c_Supported_data_types.html), "Interval data types and literals", "Loading a column of the VARBYTE
data type", "Loading a column of the GEOMETRY or GEOGRAPHY data type".
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from tests.local_redshift.conftest import REGION, create_cluster, s3_reading_role, stack_client
from tests.local_redshift.test_endpoint_copy_text import LOAD_FAILED, PROTOCOLS, Session


@pytest.fixture(scope="module")
def world(local_stack) -> dict[str, Any]:
    """A cluster with an S3-reading role, and a bucket."""
    s3 = stack_client(local_stack, "s3")
    bucket = f"times-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    role = s3_reading_role(local_stack, "copy-times")
    login = create_cluster(local_stack, f"copy-times-{uuid.uuid4().hex[:8]}", IamRoles=[role])
    return {"login": login, "role": role, "buckets": {"tutorial": bucket}, "s3": s3}


@pytest.fixture(params=PROTOCOLS)
def session(request, world) -> Iterator[Session]:
    opened = Session(request.param, world)
    yield opened
    opened.close()


# "Examples with datetime types": ('19:11:19','20:41:19 UTC') and ('191119', '204119 UTC') both select as
# 19:11:19 | 20:41:19+00; the other lines are the Times table of "Date, time, and timestamp literals" and the ends of
# TIME's range, "00:00:00 to 24:00:00".
GOOD_LINES = b"1|19:11:19|20:41:19 UTC\n2|191119|204119 UTC\n3|04:05 PM|04:05:06.789-08\n4|24:00:00|00:00:00\n"
GOOD_ROWS = [
    (1, "19:11:19", "20:41:19+00"),
    (2, "19:11:19", "20:41:19+00"),
    (3, "16:05:00", "04:05:06.789-08"),
    (4, "24:00:00", "00:00:00+00"),
]


def test_the_documented_time_literals_load(session):
    session.run("CREATE TABLE timetable (n integer, start_time time, end_time timetz)")
    url = session.put("good.txt", GOOD_LINES)
    assert session.run(session.copy("timetable", url, "")) == 4
    assert session.rows("SELECT n, start_time::text, end_time::text FROM timetable ORDER BY n") == GOOD_ROWS


def test_a_bad_time_is_a_load_error_of_its_record_counted_against_maxerror(session):
    """Each bad time is one STL_LOAD_ERRORS row (its line, column, value, 1206); MAXERROR 1 fails on the second and
    loads nothing, MAXERROR 2 loads the other records."""
    session.run("CREATE TABLE timetable (n integer, start_time time, end_time timetz)")
    url = session.put("bad.txt", GOOD_LINES + b"5|25:00:00|00:00:00\n6|10:00:00|10:00:00+15:00\n")
    assert session.failure(session.copy("timetable", url, "MAXERROR 1")) == (
        "XX000",
        LOAD_FAILED.format(table="timetable"),
    )
    assert session.rows("SELECT count(*) FROM timetable") == [(0,)]
    assert session.run(session.copy("timetable", url, "MAXERROR 2")) == 4
    assert session.rows("SELECT n, start_time::text, end_time::text FROM timetable ORDER BY n") == GOOD_ROWS
    errors = session.load_errors(url)[-2:]
    assert [(row[1], row[2], row[3], row[5], row[6], row[7], row[8]) for row in errors] == [
        (5, "start_time", "time", "5|25:00:00|00:00:00", "25:00:00", 1206, "Invalid time format or value [HH:MI:SS]"),
        (
            6, "end_time", "timetz", "6|10:00:00|10:00:00+15:00", "10:00:00+15:00", 1206,
            "Invalid time format or value [HH:MI:SSOF]",
        ),
    ]  # fmt: skip


def test_json_times_and_a_timeformat(session):
    """JSON 'auto' loads the same literals; TIMEFORMAT reads a time in its format (HH12:MI AM: 11:15 PM is
    23:15:00), and a value that is not a time is 1206 with the TIMEFORMAT in its reason."""
    session.run("CREATE TABLE timetable (n integer, start_time time, end_time timetz)")
    records = [
        {"n": 1, "start_time": "11:15 PM", "end_time": "11:15 PM"},
        {"n": 2, "start_time": "soon", "end_time": None},
    ]
    url = session.put("times.json", "\n".join(map(json.dumps, records)).encode())
    assert session.run(session.copy("timetable", url, "FORMAT AS JSON 'auto' TIMEFORMAT 'HH12:MI AM' MAXERROR 1")) == 1
    assert session.rows("SELECT n, start_time::text, end_time::text FROM timetable") == [(1, "23:15:00", "23:15:00+00")]
    [error] = session.load_errors(url)
    assert (error[1], error[2], error[6], error[7], error[8]) == (
        2, "start_time", "soon", 1206, "Invalid time format or value [HH12:MI AM]"
    )  # fmt: skip


def test_a_redshift_type_the_local_redshift_lacks_is_refused_by_name(session):
    """The "Data types" table lists GEOGRAPHY (and GEOMETRY, HLLSKETCH and SUPER, which the local Redshift builds:
    COPY into SUPER is test_endpoint_copy_super's); PostgreSQL has none."""
    assert session.failure("CREATE TABLE t (c GEOGRAPHY)") == (
        "0A000",
        "The GEOGRAPHY type is not supported by the local Redshift",
    )


def test_copy_into_a_geometry_column_is_refused_by_name(session):
    """COPY reads hexadecimal WKB or EWKB, or WKT or EWKT ("Loading a column of the GEOMETRY or GEOGRAPHY data
    type"); the local Redshift does not read them in COPY, and says so rather than store the text unread."""
    session.run("CREATE TABLE shapes (id int, g geometry)")
    url = session.put("shapes.txt", b"1|0101000000000000000000F03F0000000000000040\n")
    assert session.failure(session.copy("shapes", url, "")) == (
        "0A000",
        "COPY into a GEOMETRY column is not supported by the local Redshift; COPY the hexadecimal EWKB into a VARCHAR"
        " column, then INSERT ... SELECT ST_GeomFromEWKB(...)",
    )


def test_intervals_load_as_their_literals_read_and_a_bad_one_is_a_load_error(session):
    """ "Interval data types and literals": '1-2' is 1 year 2 months, '23' in a YEAR TO MONTH column 1 year
    11 months, '13 day 1 hour 1 minute 1.123 seconds' is itself; a DAY TO SECOND field with a year-month part and
    a field that is no interval are load errors 1216 of their records, counted against MAXERROR."""
    session.run("CREATE TABLE spans (n integer, ym interval year to month, ds interval day to second)")
    url = session.put(
        "spans.txt", b"1|1-2|13 day 1 hour 1 minute 1.123 seconds\n2|23|7 days, 3 hours\n3|soon|1 day\n4|1|1-2\n"
    )
    assert session.failure(session.copy("spans", url, "MAXERROR 1"))[0] == "XX000"
    assert session.run(session.copy("spans", url, "MAXERROR 2")) == 2
    assert session.rows(
        "SELECT n FROM spans WHERE (n = 1 AND ym = INTERVAL '1-2' YEAR TO MONTH"
        " AND ds = INTERVAL '13 day 1 hour 1 minute 1.123 seconds' DAY TO SECOND)"
        " OR (n = 2 AND ym = INTERVAL '1-11' YEAR TO MONTH AND ds = INTERVAL '7 days 3 hours' DAY TO SECOND)"
        " ORDER BY n"
    ) == [(1,), (2,)]
    errors = session.load_errors(url)[-2:]
    assert [(row[1], row[2], row[6], row[7], row[8]) for row in errors] == [
        (3, "ym", "soon", 1216, "Invalid interval format or value"),
        (4, "ds", "1-2", 1216, "Interval Day To Second literal cannot contain year-month parts"),
    ]


def test_more_bytes_than_varbyte_n_holds_is_a_load_error_of_its_record(session):
    """VARBYTE(2) holds two bytes (hexadecimal digits in the file: "Loading a column of the VARBYTE data type"); a
    longer value is 1204, "Input data exceeded the acceptable range for the data type" (Load error reference),
    counted against MAXERROR; it failed the whole load by the column's constraint in PostgreSQL before."""
    session.run("CREATE TABLE bytes (n integer, v varbyte(2))")
    url = session.put("bytes.csv", b"1,ab01\n2,abcdef\n3,FF\n")
    assert session.failure(session.copy("bytes", url, "CSV"))[0] == "XX000"
    assert session.run(session.copy("bytes", url, "CSV MAXERROR 1")) == 2
    assert session.rows("SELECT n, FROM_VARBYTE(v, 'hex') FROM bytes ORDER BY n") == [(1, "ab01"), (3, "ff")]
    [error] = session.load_errors(url)[-1:]
    assert (error[1], error[2], error[6], error[7]) == (2, "v", "abcdef", 1204)


def test_a_double_past_its_range_is_a_load_error_of_its_record(session):
    session.run("CREATE TABLE numbers (n integer, x double precision)")
    url = session.put("numbers.txt", b"1|1.5\n2|1e400\n3|-2.5e300\n")
    assert session.run(session.copy("numbers", url, "MAXERROR 1")) == 2
    assert session.rows("SELECT n, x FROM numbers ORDER BY n") == [(1, 1.5), (3, -2.5e300)]
    [error] = session.load_errors(url)[-1:]
    assert (error[1], error[2], error[6], error[7]) == (2, "x", "1e400", 1216)


def test_a_timestamptz_offset_no_zone_has_is_a_load_error_of_its_record(session):
    """'1997-12-17 07:37:16-08' is one of the "Datetime types" page's time zone formats, stored in UTC; +25 is no
    offset: 1206, counted against MAXERROR."""
    session.run("CREATE TABLE moments (n integer, at timestamptz)")
    url = session.put("moments.txt", b"1|1997-12-17 07:37:16-08\n2|1997-12-17 07:37:16+25\n")
    assert session.run(session.copy("moments", url, "MAXERROR 1")) == 1
    assert session.rows("SELECT n, at::text FROM moments") == [(1, "1997-12-17 15:37:16+00")]
    [error] = session.load_errors(url)[-1:]
    assert (error[1], error[2], error[7]) == (2, "at", 1206)
