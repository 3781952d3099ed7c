"""TIME and TIMETZ fields: from a JSON value or a text field to the text PostgreSQL reads, checked as Redshift reads
them, so that a bad one is a load error of its record and not a failure of the whole load.

What a field may hold:
- the time literals of "Date, time, and timestamp literals" (Times): 04:05:06.789, 4:05:06, 4:05, 040506,
  04:05 AM, 04:05 PM, 16:05, with fractions of a second to the microsecond (more digits are cut, as TIMESTAMP's);
- "00:00:00 to 24:00:00" ("Datetime types", Storage and ranges): hours 0 to 23, or 24:00:00 exactly;
- for TIMETZ a time zone after it, as the page's examples write it (20:41:19 UTC, 204119 UTC): UTC, GMT, Z or an
  offset (-08, +0530, +05:30) within the page's range of 14:59 either way; without one, UTC ("By default, TIMETZ
  values are UTC"). A TIME field's zone is dropped, as a TIMESTAMP's is ("Time zone values in input strings are
  ignored"). Named zones (PST, US/Pacific) are not read: their offset needs PostgreSQL's zone tables;
- what TIMEFORMAT reads, its time of day: COPY "uses the DATEFORMAT and TIMEFORMAT options to parse date and time
  values" ("DATEFORMAT and TIMEFORMAT strings"), so a timestamp in the TIMEFORMAT (by default YYYY-MM-DD HH:MI:SS,
  or a format string, 'auto', 'epochsecs', 'epochmillisecs') loads its time.

A field that is none of these is load error 1206: the load error reference has no code of its own for a time, and
1206 is the one that sends the reader to "DATEFORMAT and TIMEFORMAT strings for valid formats", the formats a time
is read by (1205 is the date's). ACCEPTANYDATE does not apply ("This parameter applies only to TIMESTAMP and DATE
columns"). The reason names the format as TIMESTAMP's does: 'Invalid time format or value [HH:MI:SS]'.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

from local_redshift.copy.datetimes import EPOCH_SCALES, TextConverter, epoch_moment, timestamp_parser
from local_redshift.copy.errors import LoadError
from local_redshift.errors import LoadErrorCode

DEFAULT_TIME_FORMAT = "HH:MI:SS"
_TIME = re.compile(
    r"(?:(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?|(?P<HH>\d{2})(?P<MM>\d{2})(?P<SS>\d{2}))"
    r"(?:\.(?P<f>\d+))?"
    r"(?:\s*(?P<p>[AaPp][Mm]))?"
    r"(?:\s*(?P<z>[Zz]|UTC|utc|GMT|gmt|[+-]\d{1,2}(?::?\d{2})?))?"
)
_OFFSET_LIMIT = timedelta(hours=14, minutes=59)
"""TIMETZ's range, "00:00:00+1459 to 00:00:00+1459": an offset of at most 14:59 either way."""


def time_converter(timeformat: str | None, *, with_time_zone: bool) -> TextConverter:
    """JSON value or text field -> TIME (or TIMETZ) text; raises LoadError 1206 for what Redshift would not read."""
    shown = f"Invalid time format or value [{timeformat or DEFAULT_TIME_FORMAT + ('OF' if with_time_zone else '')}]"
    from_timeformat = _timeformat_reader(timeformat)

    def convert(value: Any) -> str:
        text = value.strip() if value.__class__ is str else None
        field = _time_text(text, with_time_zone) if text is not None else None
        if field is None:
            moment = from_timeformat(value)
            if moment is None:
                raise LoadError(LoadErrorCode.INVALID_TIMESTAMP, shown, raw_value=str(value))
            if not with_time_zone:
                return moment.time().isoformat()
            if moment.tzinfo is not None:
                moment = moment.astimezone(timezone.utc)
            field = moment.time().isoformat() + "+00:00"
        return field

    return convert


def _timeformat_reader(timeformat: str | None) -> Callable[[Any], datetime | None]:
    """The moment TIMEFORMAT reads in a value (None: none), in UTC where it names a zone."""
    if timeformat in EPOCH_SCALES:
        scale = EPOCH_SCALES[timeformat]

        def from_epoch(value: Any) -> datetime | None:
            try:
                return epoch_moment(value, scale)
            except (ValueError, OverflowError, TypeError):
                return None

        return from_epoch
    parse = timestamp_parser(timeformat)
    return lambda value: parse(value.strip()) if value.__class__ is str else None


def _time_text(text: str, with_time_zone: bool) -> str | None:
    """A time literal as PostgreSQL reads it unambiguously (HH:MI:SS[.ffffff][+HH:MM]); None if it is not one."""
    match = _TIME.fullmatch(text)
    if match is None:
        return None
    parts = match.groupdict()
    hour = int(parts["H"] or parts["HH"])
    minute = int(parts["M"] or parts["MM"])
    second = int(parts["S"] or parts["SS"] or 0)
    fraction = (parts["f"] or "")[:6].rstrip("0")
    meridiem = (parts["p"] or "").lower()
    if meridiem:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if minute > 59 or second > 59 or hour > 24 or (hour == 24 and (minute or second or fraction)):
        return None
    field = f"{hour:02d}:{minute:02d}:{second:02d}" + (f".{fraction}" if fraction else "")
    if not with_time_zone:
        return field
    offset = _offset(parts["z"])
    return None if offset is None else field + offset


def _offset(zone: str | None) -> str | None:
    """A zone as +HH:MM; UTC when there is none; None when it is past TIMETZ's range."""
    if zone is None or zone.upper() in ("Z", "UTC", "GMT"):
        return "+00:00"
    digits = zone[1:].replace(":", "")
    hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    if minutes > 59 or timedelta(hours=hours, minutes=minutes) > _OFFSET_LIMIT:
        return None
    return f"{zone[0]}{hours:02d}:{minutes:02d}"
