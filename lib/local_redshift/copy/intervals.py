"""INTERVAL fields (INTERVAL YEAR TO MONTH, INTERVAL DAY TO SECOND...): read as the "Interval data types and
literals" page reads an interval's quoted string, and handed to PostgreSQL as months, days and seconds, so that a
field Redshift would not read is a load error of its record and not a failure of the whole load.

What a field may hold (the page's Arguments, quoted-string):
- only a number: its unit is the column's qualifier's last field ('23' in a YEAR TO MONTH column is 1 year
  11 months, '-2' in a DAY column -2 days);
- years-months, '1-2': 1 year 2 months;
- quantities with their units, '13 day 1 hour 1 minute 1.123 seconds', the units' abbreviations and plurals (5 s,
  5 second, 5 seconds; 1w, 1h, 1m, 1s; "7 days, 3 hours, 59 minutes": the interval literals' rules), optionally
  ending in a time of day as hours:minutes[:seconds].
The column's qualifier then cuts the smaller parts ("Amazon Redshift truncates and discards the smaller parts of
the interval"), as PostgreSQL's type modifier does. A field with both year-month and day-time parts is refused, as
the interval_forbid_composite_literals setting refuses such a literal by default ("Interval Day To Second literal
cannot contain year-month parts", and the same of day-time parts in YEAR TO MONTH; catalog_sql/46_intervals.sql);
a COPY does not read the session's setting.

The pages do not say whether COPY reads INTERVAL columns (its usage notes name VARBYTE, GEOMETRY and HLLSKETCH
loads, no interval one); the local Redshift reads them as the literals are read. A field that is none of the above
is load error 1216, "Input line is not valid": the load error reference has no code for an interval.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from local_redshift.copy.errors import LoadError
from local_redshift.copy.target import Column
from local_redshift.errors import LoadErrorCode

_UNITS: dict[str, tuple[int, int, int]] = {}
"""A unit's name -> (months, days, microseconds) in one of it."""
for _names, _parts_of_one in (
    (("y", "yr", "yrs", "year", "years"), (12, 0, 0)),
    (("mon", "mons", "month", "months"), (1, 0, 0)),
    (("w", "week", "weeks"), (0, 7, 0)),
    (("d", "day", "days"), (0, 1, 0)),
    (("h", "hr", "hrs", "hour", "hours"), (0, 0, 3_600_000_000)),
    (("m", "min", "mins", "minute", "minutes"), (0, 0, 60_000_000)),
    (("s", "sec", "secs", "second", "seconds"), (0, 0, 1_000_000)),
    (("ms", "msec", "msecs", "millisecond", "milliseconds"), (0, 0, 1000)),
    (("us", "usec", "usecs", "microsecond", "microseconds"), (0, 0, 1)),
):
    _UNITS.update(dict.fromkeys(_names, _parts_of_one))

_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_QUANTITY = re.compile(rf"({_NUMBER})\s*([A-Za-z]+)[\s,]*")
_CLOCK = re.compile(r"([+-]?)(\d+):(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?")
_YEARS_MONTHS = re.compile(r"([+-]?)(\d+)-(\d+)")
_BARE = re.compile(_NUMBER)
_MICROS_A_DAY = 86_400_000_000
# PostgreSQL's interval type modifier: the range's fields as bits above 16 (INTERVAL_MASK in datetime.h)
_FIELD_BITS = ((4096, "s"), (2048, "m"), (1024, "h"), (8, "d"), (2, "mon"), (4, "y"))
_YEAR_MONTH_BITS = 4 | 2
_YEAR_MONTH_PARTS = "Interval Day To Second literal cannot contain year-month parts"
_DAY_TIME_PARTS = "Interval Year To Month literal cannot contain day-time parts"


def interval_converter(column: Column) -> Any:
    """Text field or JSON value -> interval text PostgreSQL reads as months, days and seconds; LoadError 1216.
    Hours, minutes and seconds stay a time of day, however many they are, as in PostgreSQL ('25 hours')."""
    ranges = (column.type_modifier >> 16) & 0x7FFF if column.type_modifier >= 0 else 0
    bare_unit = next((unit for bit, unit in _FIELD_BITS if ranges & bit), "s")
    day_to_second = bool(ranges) and not ranges & _YEAR_MONTH_BITS
    year_to_month = bool(ranges) and not ranges & ~_YEAR_MONTH_BITS

    def convert(value: Any) -> str:
        kind = value.__class__
        text = value.strip() if kind is str else repr(value) if kind is int or kind is float else None
        parts = _parts(text, bare_unit) if text is not None else None
        if parts is None:
            raise LoadError(LoadErrorCode.INVALID_INPUT_LINE, "Invalid interval format or value", raw_value=str(value))
        months, days, micros = parts
        if day_to_second and months:
            raise LoadError(LoadErrorCode.INVALID_INPUT_LINE, _YEAR_MONTH_PARTS, raw_value=text or "")
        if year_to_month and (days or micros):
            raise LoadError(LoadErrorCode.INVALID_INPUT_LINE, _DAY_TIME_PARTS, raw_value=text or "")
        return f"{months} mons {days} days {Decimal(micros).scaleb(-6)} secs"

    return convert


def _parts(text: str, bare_unit: str) -> tuple[int, int, int] | None:
    """(months, days, microseconds) of the text; None if it is not an interval the page describes."""
    if _BARE.fullmatch(text):
        return _quantity(Decimal(text), bare_unit)
    years_months = _YEARS_MONTHS.fullmatch(text)
    if years_months:
        sign = -1 if years_months.group(1) == "-" else 1
        return sign * (int(years_months.group(2)) * 12 + int(years_months.group(3))), 0, 0
    months = days = micros = 0
    position = 0
    found = False
    while (quantity := _QUANTITY.match(text, position)) is not None:
        if quantity.group(2).lower() not in _UNITS:
            break
        more = _quantity(Decimal(quantity.group(1)), quantity.group(2).lower())
        months, days, micros = months + more[0], days + more[1], micros + more[2]
        position, found = quantity.end(), True
    rest = text[position:]
    if rest:
        clock = _CLOCK.fullmatch(rest)
        if clock is None or int(clock.group(3)) > 59 or Decimal(clock.group(4) or 0) >= 60:
            return None
        sign = -1 if clock.group(1) == "-" else 1
        seconds = int(clock.group(2)) * 3600 + int(clock.group(3)) * 60 + Decimal(clock.group(4) or 0)
        micros += sign * int(seconds * 1_000_000)
        found = True
    return (months, days, micros) if found else None


def _quantity(number: Decimal, unit: str) -> tuple[int, int, int]:
    """A number of a unit as (months, days, microseconds); a fraction of a month is days of 30 and a fraction of a
    day hours of 24 (PostgreSQL's rules)."""
    unit_months, unit_days, unit_micros = _UNITS[unit]
    months = number * unit_months
    days = number * unit_days + (months - int(months)) * 30
    return int(months), int(days), int(number * unit_micros + (days - int(days)) * _MICROS_A_DAY)
