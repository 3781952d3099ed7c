"""redshift_connector's client_protocol_version against the endpoint: the version it keeps, and values it decodes.

The driver keeps the `server_protocol_version` the server grants (what it asks for, up to 2, BINARY) and falls back
to 0 without one; from 1 on its RowDescription fields carry the extended metadata, from 2 on it reads NUMERIC, DATE,
TIME and TIMETZ in binary (NUMERIC as an integer scaled by the column's scale).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
import redshift_connector
from redshift_connector.interval import IntervalDayToSecond, IntervalYearToMonth


@pytest.mark.parametrize(("asked", "kept"), [(0, 0), (1, 1), (2, 2)])
def test_the_driver_keeps_the_granted_version_and_decodes_rows(cluster, asked, kept):
    with cluster.redshift_connector(client_protocol_version=asked) as connection:
        assert connection._client_protocol_version == kept
        cursor = connection.cursor()
        cursor.execute("SELECT 12.50::DECIMAL(5,2) AS price, DATE '2018-11-01' AS day, 'a' AS letter")
        assert cursor.fetchall() == ([Decimal("12.50"), datetime.date(2018, 11, 1), "a"],)
        assert [column[0] for column in cursor.description] == ["price", "day", "letter"]


def test_extended_metadata_names_the_catalog(cluster):
    with cluster.redshift_connector(client_protocol_version=1) as connection:
        cursor = connection.cursor()
        cursor.execute("SELECT 1 AS one")
        assert cursor.fetchall() == ([1],)
        [field] = cursor.ps["row_desc"]
        assert (field["label"], field["catalog_name"], field["nullable"]) == (b"one", cluster.database.encode(), 1)


@pytest.mark.parametrize("asked", [0, 1, 2])
def test_interval_types_reach_the_driver_as_its_own(cluster, asked):
    # redshift_connector's datatype tests: '37 months'::intervaly2m is IntervalYearToMonth(37), '10 days 48
    # hours'::intervald2s is IntervalDayToSecond of 12 days; an INTERVAL without fields reads as a timedelta.
    with cluster.redshift_connector(client_protocol_version=asked) as connection:
        cursor = connection.cursor()
        cursor.execute("select '37 months'::intervaly2m, '10 days 48 hours'::intervald2s, interval '1 day 2 seconds'")
        assert cursor.fetchone() == [
            IntervalYearToMonth(37),
            IntervalDayToSecond(12 * 86_400_000_000),
            datetime.timedelta(days=1, seconds=2),
        ]


@pytest.mark.parametrize("asked", [0, 2])
def test_interval_parameters_are_read_in_the_drivers_formats(cluster, asked):
    with cluster.redshift_connector(client_protocol_version=asked) as connection:
        cursor = connection.cursor()
        cursor.execute("create temp table spans (m intervaly2m, s intervald2s)")
        cursor.execute(
            "insert into spans values (%s, %s)", (IntervalYearToMonth(-13), IntervalDayToSecond(-90 * 10**9))
        )
        cursor.execute("select m, s from spans")
        assert cursor.fetchone() == [IntervalYearToMonth(-13), IntervalDayToSecond(-90 * 10**9)]


def test_binary_numeric_values_are_scaled_by_the_columns_scale(cluster):
    # From BINARY on the driver reads NUMERIC as an integer scaled by the typmod's scale; TO_NUMBER's result has no
    # declared scale in PostgreSQL, and is described as NUMERIC(38,18).
    with cluster.redshift_connector(client_protocol_version=2) as connection:
        cursor = connection.cursor()
        cursor.execute("select 12345.67891::numeric(38,8), -0.11::numeric(18,8), to_number('12,454.8-', 'S99G999D9')")
        assert cursor.fetchone() == [Decimal("12345.67891"), Decimal("-0.11"), Decimal("-12454.8")]


def test_interval_literals_are_redshifts_interval_types(cluster):
    # "Interval data types and literals": INTERVAL '1-2' YEAR TO MONTH is 14 months (its column intervaly2m),
    # INTERVAL '5s' SECOND 5 seconds (intervald2s)
    with cluster.redshift_connector() as connection:
        cursor = connection.cursor()
        cursor.execute("select INTERVAL '1-2' YEAR TO MONTH, INTERVAL '5s' SECOND, INTERVAL '1 2:03' DAY TO MINUTE")
        assert cursor.fetchone() == [
            IntervalYearToMonth(14),
            IntervalDayToSecond(5_000_000),
            IntervalDayToSecond((86_400 + 7_380) * 10**6),
        ]
        names = [(column[0], column[1]) for column in cursor.description]
        assert names == [("intervaly2m", 1188), ("intervald2s", 1190), ("intervald2s", 1190)]
        cursor.execute("select DATE '2020-01-15' + INTERVAL '1' MONTH")  # a date plus YEAR TO MONTH is a date
        assert cursor.fetchone() == [datetime.date(2020, 2, 15)]


def test_a_numeric_beyond_its_binary_layout_fails_the_query_not_the_session(cluster):
    # Numeric types page: DECIMAL holds up to 38 digits, and SUM of a DECIMAL(38,0) is a DECIMAL(38,0). PostgreSQL
    # gives the sum no precision, so under BINARY the endpoint describes it as NUMERIC(38,18), which cannot carry
    # 10^25: the statement fails with an error naming the value, the session goes on (extended query protocol: an
    # error ends the request at its Sync), and in a transaction block the transaction is failed, as after any error.
    with cluster.redshift_connector(client_protocol_version=2) as connection:
        connection.autocommit = True
        cursor = connection.cursor()
        cursor.execute("CREATE TEMP TABLE big (x DECIMAL(38,0))")
        cursor.execute("INSERT INTO big VALUES (10000000000000000000000000)")
        with pytest.raises(redshift_connector.ProgrammingError, match=r"22003.*\b1(0){25} does not fit"):
            cursor.execute("SELECT sum(x) FROM big")
        cursor.execute("SELECT count(*) FROM big")
        assert cursor.fetchall() == ([1],)
        connection.autocommit = False
        cursor.execute("SELECT 1")
        with pytest.raises(redshift_connector.ProgrammingError, match="22003"):
            cursor.execute("SELECT sum(x) FROM big")
        with pytest.raises(redshift_connector.ProgrammingError, match="25P02"):
            cursor.execute("SELECT 2")
        connection.rollback()
        cursor.execute("SELECT x FROM big")
        assert cursor.fetchall() == ([Decimal("10000000000000000000000000")],)
