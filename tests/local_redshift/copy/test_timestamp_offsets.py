"""A TIMESTAMPTZ field's UTC offset that no time zone has (minutes past 59, or past the 15:59 PostgreSQL holds; the
pages give TIMESTAMPTZ's offsets no range) is load error 1206 of its record: it escaped the converter as Python's
ValueError, or failed the whole load in PostgreSQL, before."""

from __future__ import annotations

import pytest

from tests.local_redshift.copy.test_conversion import convert, refusal


@pytest.mark.parametrize("text", ["2020-01-01 00:00:00+25", "2020-01-01 00:00:00+99:99", "2020-01-01 00:00:00+1460"])
def test_an_offset_no_zone_has_is_load_error_1206(text):
    assert refusal("timestamptz", text) == (1206, "Invalid timestamp format or value [YYYY-MM-DD HH:MI:SSOF]")


def test_an_offset_in_range_is_kept_for_postgresql_to_convert_to_utc():
    # "When an input value includes a time zone, Amazon Redshift uses the time zone to convert the value to UTC"
    assert convert("timestamptz", "1997-12-17 07:37:16-08") == "1997-12-17 07:37:16-08:00"
