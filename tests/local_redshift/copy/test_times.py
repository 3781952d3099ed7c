"""TIME and TIMETZ fields as COPY reads them: the time literals Redshift documents, 24:00:00, zones, TIMEFORMAT,
and load error 1206 for the rest (copy/times.py says why that code).

Pages: "Date, time, and timestamp literals" (Times), "Datetime types" (Storage and ranges; TIMETZ "By default ...
UTC"), "Examples with datetime types" (Time examples), "DATEFORMAT and TIMEFORMAT strings", "Load error reference".
"""

from __future__ import annotations

import pytest

from local_redshift.copy.errors import LoadError
from local_redshift.copy.times import time_converter
from tests.local_redshift.copy.test_conversion import convert, refusal


@pytest.mark.parametrize(
    ("text", "field"),
    [
        # "Date, time, and timestamp literals", Times: each input and the time its description gives
        ("04:05:06.789", "04:05:06.789"),
        ("4:05:06", "04:05:06"),
        ("4:05", "04:05:00"),
        ("040506", "04:05:06"),
        ("04:05 AM", "04:05:00"),
        ("04:05 PM", "16:05:00"),
        ("16:05", "16:05:00"),
        # "Examples with datetime types": '19:11:19' and '191119' both give 19:11:19
        ("19:11:19", "19:11:19"),
        ("191119", "19:11:19"),
        # "Datetime types": TIME ranges "00:00:00 to 24:00:00", to the microsecond
        ("00:00:00", "00:00:00"),
        ("24:00:00", "24:00:00"),
        ("23:59:59.999999", "23:59:59.999999"),
        # a timestamp in the default TIMEFORMAT (YYYY-MM-DD HH:MI:SS): its time of day
        ("2008-06-01 09:59:59", "09:59:59"),
    ],
)
def test_the_documented_time_literals_load(text, field):
    assert convert("time", text) == field


@pytest.mark.parametrize(
    ("text", "field"),
    [
        # "Examples with datetime types": '20:41:19 UTC' and '204119 UTC' both give 20:41:19+00
        ("20:41:19 UTC", "20:41:19+00:00"),
        ("204119 UTC", "20:41:19+00:00"),
        # "By default, TIMETZ values are UTC": no zone is UTC
        ("20:41:19", "20:41:19+00:00"),
        # offsets as "Datetime types" writes them in its time zone formats (07:37:16-08)
        ("07:37:16-08", "07:37:16-08:00"),
        ("07:37:16+05:30", "07:37:16+05:30"),
        # TIMETZ ranges "00:00:00+1459": an offset of 14:59 is the last one in range
        ("00:00:00+1459", "00:00:00+14:59"),
    ],
)
def test_timetz_loads_with_its_zone_or_utc(text, field):
    assert convert("timetz", text) == field


@pytest.mark.parametrize(
    "text",
    [
        "24:00:01",  # past "24:00:00", the end of TIME's range
        "25:00:00",
        "12:60:00",
        "12:00:60",
        "13:05 PM",  # "the hour value must be less than 12" (with PM: 12 is noon, as 12 AM is midnight)
        "noon",
        "4:5:6",
    ],
)
def test_a_time_redshift_does_not_read_is_load_error_1206(text):
    assert refusal("time", text) == (1206, "Invalid time format or value [HH:MI:SS]")


def test_a_timetz_offset_past_its_range_is_load_error_1206():
    assert refusal("timetz", "00:00:00+15:00") == (1206, "Invalid time format or value [HH:MI:SSOF]")


def test_json_numbers_and_booleans_are_no_times_and_blank_is_null():
    assert refusal("time", 40506)[0] == 1206
    assert refusal("timetz", True)[0] == 1206
    assert convert("time", None) == convert("time", "  ") == "\\N"


def test_timeformat_reads_the_time_of_a_timestamp_in_its_format():
    """COPY "uses the DATEFORMAT and TIMEFORMAT options to parse date and time values"."""
    assert convert("time", "03/31/2003 23:15:02", timeformat="MM/DD/YYYY HH24:MI:SS") == "23:15:02"
    assert convert("time", "11:15 PM", timeformat="HH12:MI AM") == "23:15:00"
    assert convert("timetz", "2019-02-11T05:09:12.195Z", timeformat="auto") == "05:09:12.195000+00:00"
    # epochsecs: the time of day of the moment; 90061 seconds is one day, 1 hour, 1 minute and 1 second
    assert convert("time", 90061, timeformat="epochsecs") == "01:01:01"
    assert convert("time", "90061000", timeformat="epochmillisecs") == "01:01:01"
    with pytest.raises(LoadError):
        time_converter("MM/DD/YYYY HH24:MI:SS", with_time_zone=False)("31/03/2003 25:15:02")


def test_the_not_null_time_column_refuses_a_blank_as_1213():
    with pytest.raises(LoadError) as refused:
        convert("time", "", not_null=True)
    assert (refused.value.code, refused.value.reason) == (1213, "Missing data for not-null field")
