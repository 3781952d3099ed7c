"""INTERVAL fields as COPY reads them: the quoted strings of "Interval data types and literals" (a number in the
qualifier's last unit, years-months, quantities with units, a time of day), and load error 1216 for the rest
(copy/intervals.py says why that code)."""

from __future__ import annotations

import pytest

from local_redshift.copy.errors import LoadError
from local_redshift.copy.intervals import interval_converter
from local_redshift.copy.target import Column

# PostgreSQL's interval type modifier: the range's field bits above 16, then the precision (0xFFFF: none)
YEAR_TO_MONTH = Column("c", "interval", (4 | 2) << 16 | 0xFFFF, False, False, False)
DAY = Column("c", "interval", 8 << 16 | 0xFFFF, False, False, False)
DAY_TO_SECOND = Column("c", "interval", (8 | 1024 | 2048 | 4096) << 16 | 0xFFFF, False, False, False)


@pytest.mark.parametrize(
    ("column", "text", "field"),
    [
        # the page's Arguments: '23' MONTH is 1 year 11 months, '-2' DAY is -2 days, '1-2' is 1 year 2 months,
        # '13 day 1 hour 1 minute 1.123 seconds' is 13 days 1 hour 1 minute 1.123 seconds
        (YEAR_TO_MONTH, "23", "23 mons 0 days 0.000000 secs"),
        (DAY, "-2", "0 mons -2 days 0.000000 secs"),
        (YEAR_TO_MONTH, "1-2", "14 mons 0 days 0.000000 secs"),
        (DAY_TO_SECOND, "13 day 1 hour 1 minute 1.123 seconds", "0 mons 13 days 3661.123000 secs"),
        # the interval literals' rules: units with commas, abbreviations, fractions ("0.5 days")
        (DAY_TO_SECOND, "7 days, 3 hours, 59 minutes", "0 mons 7 days 14340.000000 secs"),
        (DAY_TO_SECOND, "1w, 1h, 1m, 1s", "0 mons 7 days 3661.000000 secs"),
        (DAY_TO_SECOND, "0.5 days", "0 mons 0 days 43200.000000 secs"),
        (DAY_TO_SECOND, "1 day 02:03:04.5", "0 mons 1 days 7384.500000 secs"),
        (YEAR_TO_MONTH, "1.5 years", "18 mons 0 days 0.000000 secs"),
        # a bare number in a DAY TO SECOND column is seconds, its qualifier's last field
        (DAY_TO_SECOND, "90", "0 mons 0 days 90.000000 secs"),
    ],
)
def test_the_documented_interval_strings_load(column, text, field):
    assert interval_converter(column)(text) == field


@pytest.mark.parametrize("text", ["soon", "1 fortnight", "12:99", "P1Y", "1--2", "day 1"])
def test_what_is_no_interval_is_load_error_1216(text):
    with pytest.raises(LoadError) as refused:
        interval_converter(DAY_TO_SECOND)(text)
    assert (refused.value.code, refused.value.reason) == (1216, "Invalid interval format or value")


def test_a_field_with_year_month_and_day_time_parts_is_refused():
    # interval_forbid_composite_literals' error: "Interval Day To Second literal cannot contain year-month parts"
    with pytest.raises(LoadError, match="Day To Second literal cannot contain year-month parts"):
        interval_converter(DAY_TO_SECOND)("1 year 1 day")
    with pytest.raises(LoadError, match="Year To Month literal cannot contain day-time parts"):
        interval_converter(YEAR_TO_MONTH)("1 year 1 day")


def test_json_numbers_are_in_the_qualifiers_last_unit():
    assert interval_converter(YEAR_TO_MONTH)(3) == "3 mons 0 days 0.000000 secs"
    assert interval_converter(DAY_TO_SECOND)(2.5) == "0 mons 0 days 2.500000 secs"
