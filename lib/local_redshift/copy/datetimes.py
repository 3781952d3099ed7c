"""DATEFORMAT and TIMEFORMAT: from a JSON value to the text PostgreSQL reads for a DATE or TIMESTAMP.

Supported: the defaults ('YYYY-MM-DD', 'YYYY-MM-DD HH:MI:SS' with optional fraction, 'T' separator and,
for TIMESTAMPTZ, a UTC offset), 'auto' (the defaults, ISO 8601, and the other layouts Redshift's automatic
recognition lists), 'epochsecs' and 'epochmillisecs' (TIMEFORMAT only), and format strings built from
YYYY YY MM MON DD HH24 HH12 HH MI SS AM PM and separators.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from local_redshift.copy.errors import LoadError
from local_redshift.errors import LoadErrorCode

DEFAULT_TIMEFORMAT = "YYYY-MM-DD HH:MI:SS"
DEFAULT_DATEFORMAT = "YYYY-MM-DD"

Parser = Callable[[str], datetime | None]
TextConverter = Callable[[Any], "str | None"]

_EPOCH = datetime(1970, 1, 1)
_JULIAN_DAY_OF_ORDINAL_ZERO = 1721425
EPOCH_SCALES = {"epochsecs": 1, "epochmillisecs": 1000}
"""TIMEFORMAT's epoch layouts: units per second."""
_DATES_REMEMBERED = 4096
_CLOCK_MINUTES = tuple(f"{hour:02d}:{minute:02d}:" for hour in range(24) for minute in range(60))
_CLOCK_SECONDS = tuple(f"{second:02d}" for second in range(60))
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}
_DEFAULT = re.compile(
    r"(?P<Y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[ T](?P<H>\d{1,2}):(?P<M>\d{1,2})(?::(?P<S>\d{1,2})(?:\.(?P<f>\d{1,6})\d*)?)?)?"
    r"\s*(?P<z>Z|[+-]\d{1,2}(?::?\d{2})?)?"
)
_FORMAT_PARTS = [
    ("YYYY", r"(?P<Y>\d{4})"),
    ("YY", r"(?P<y>\d{2})"),
    ("MON", r"(?P<b>[A-Za-z]{3})"),
    ("MM", r"(?P<m>\d{1,2})"),
    ("DD", r"(?P<d>\d{1,2})"),
    ("HH24", r"(?P<H>\d{1,2})"),
    ("HH12", r"(?P<I>\d{1,2})"),
    ("HH", r"(?P<H>\d{1,2})"),
    ("MI", r"(?P<M>\d{1,2})"),
    ("SS", r"(?P<S>\d{1,2})(?:\.(?P<f>\d{1,6})\d*)?"),
    ("AM", r"(?P<p>[AaPp][Mm])"),
    ("PM", r"(?P<p>[AaPp][Mm])"),
]
_AUTO_LAYOUTS = (
    "%Y%m%d %H%M%S",
    "%y%m%d %H%M%S",
    "%Y%m%d",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y",
    "%b-%d-%Y",
    "%b %d %Y",
    "%d %b %Y",
    "%d %b %Y %H:%M:%S",
    "%Y.%j",
    "%B %d, %Y",
)


def timestamp_converter(timeformat: str | None, *, with_time_zone: bool, accept_any: bool) -> TextConverter:
    """JSON value -> TIMESTAMP(TZ) text, per TIMEFORMAT; raises LoadError 1206 (or gives NULL: ACCEPTANYDATE)."""
    shown = timeformat or (DEFAULT_TIMEFORMAT + ("OF" if with_time_zone else ""))
    suffix = "+00" if with_time_zone else ""
    if timeformat in EPOCH_SCALES:
        scale = EPOCH_SCALES[timeformat]

        def from_epoch(value: Any) -> str | None:
            try:
                return epoch_moment(value, scale).isoformat(" ") + suffix
            except (ValueError, OverflowError, TypeError):
                return _refuse(
                    value, LoadErrorCode.INVALID_TIMESTAMP, f"Invalid timestamp format or value [{shown}]", accept_any
                )

        return from_epoch
    parse = _parser(timeformat, with_time_zone=with_time_zone)

    def from_text(value: Any) -> str | None:
        parsed = parse(value.strip()) if value.__class__ is str else None
        if parsed is None:
            return _refuse(
                value, LoadErrorCode.INVALID_TIMESTAMP, f"Invalid timestamp format or value [{shown}]", accept_any
            )
        if parsed.tzinfo is not None:
            return parsed.isoformat(" ") if with_time_zone else parsed.replace(tzinfo=None).isoformat(" ")
        return parsed.isoformat(" ") + suffix

    return from_text


def date_converter(dateformat: str | None, *, accept_any: bool) -> TextConverter:
    """JSON value -> DATE text, per DATEFORMAT; raises LoadError 1205 (or gives NULL: ACCEPTANYDATE)."""
    parse = _parser(dateformat or DEFAULT_DATEFORMAT, with_time_zone=False)

    def convert(value: Any) -> str | None:
        text = value.strip() if value.__class__ is str else None
        parsed = parse(text) if text is not None else None
        if parsed is None:
            reason = (
                "Invalid Date Format - length must be 10 or more"
                if dateformat is None and text is not None and len(text) < len(DEFAULT_DATEFORMAT)
                else "Invalid date format - Invalid digit encountered"
            )
            return _refuse(value, LoadErrorCode.INVALID_DATE, reason, accept_any)
        return parsed.date().isoformat()

    return convert


def epoch_text(scale: int) -> tuple[Callable[[int], str], int, int]:
    """An integer count of epoch units (`scale` a second) -> the text `epoch_moment(count, scale).isoformat(" ")` gives,
    built from the dates seen (remembered), the clock's minutes and seconds and the fractions; with the least and
    the greatest counts a datetime holds (the function takes only those)."""
    per_day = 86_400 * scale
    step = 1_000_000 // scale
    fractions = ("", *(f".{part * step:06d}" for part in range(1, scale)))
    dates: dict[int, str] = {}

    def text(count: int) -> str:
        day, rest = divmod(count, per_day)
        seconds, part = divmod(rest, scale)
        date_text = dates.get(day)
        if date_text is None:
            if len(dates) >= _DATES_REMEMBERED:
                dates.clear()
            date_text = dates[day] = (_EPOCH + timedelta(days=day)).date().isoformat() + " "
        minutes, seconds = divmod(seconds, 60)
        return date_text + _CLOCK_MINUTES[minutes] + _CLOCK_SECONDS[seconds] + fractions[part]

    microsecond = timedelta(microseconds=1)
    low = -((_EPOCH - datetime.min) // microsecond // step)
    high = (datetime.max - _EPOCH) // microsecond // step
    return text, low, high


def _refuse(value: Any, code: int, reason: str, accept_any: bool) -> None:
    if accept_any:
        return None
    raise LoadError(code, reason, raw_value=str(value))


def epoch_moment(value: Any, scale: int) -> datetime:
    """The moment a count of epoch units (`scale` a second) names: a number, or a string of one."""
    if value.__class__ is str:
        value = float(value) if any(mark in value for mark in ".eE") else int(value)
    if value.__class__ is int:
        whole, part = divmod(value, scale)
        return _EPOCH + timedelta(seconds=whole, microseconds=part * (1_000_000 // scale))
    if value.__class__ is float:
        return _EPOCH + timedelta(seconds=value / scale)
    raise TypeError(f"not a number: {value!r}")


def timestamp_parser(timeformat: str | None) -> Parser:
    """What TIMEFORMAT (a format string, 'auto', or None: the default) reads as a TIMESTAMPTZ: its moment, aware where
    the text names a zone; None for text it does not read."""
    return _parser(timeformat, with_time_zone=True)


def _parser(layout: str | None, *, with_time_zone: bool) -> Parser:
    if layout is None:
        return lambda text: _from_match(_DEFAULT.fullmatch(text), with_time_zone)
    if layout == "auto":
        return lambda text: _auto(text, with_time_zone)
    pattern = _format_pattern(layout)
    return lambda text: _from_match(pattern.fullmatch(text), with_time_zone=False)


def _format_pattern(layout: str) -> re.Pattern[str]:
    """A DATEFORMAT/TIMEFORMAT string as a regular expression with one named group per part."""
    pieces: list[str] = []
    position = 0
    upper = layout.upper()
    while position < len(layout):
        for part, expression in _FORMAT_PARTS:
            if upper.startswith(part, position):
                pieces.append(expression)
                position += len(part)
                break
        else:
            character = layout[position]
            pieces.append(r"\s+" if character.isspace() else re.escape(character))
            position += 1
    try:
        return re.compile("".join(pieces))
    except re.error:
        return re.compile(r"(?!x)x")


def _from_match(match: re.Match[str] | None, with_time_zone: bool) -> datetime | None:
    if match is None:
        return None
    parts = match.groupdict()
    try:
        year = _year(parts)
        month = int(parts["m"]) if parts.get("m") else _MONTHS[parts["b"].lower()] if parts.get("b") else 1
        hour = int(parts.get("H") or 0)
        if parts.get("I"):
            hour = int(parts["I"]) % 12 + (12 if (parts.get("p") or "").lower() == "pm" else 0)
        fraction = (parts.get("f") or "").ljust(6, "0")
        moment = datetime(
            year,
            month,
            int(parts.get("d") or 1),
            hour,
            int(parts.get("M") or 0),
            int(parts.get("S") or 0),
            int(fraction),
        )
    except (KeyError, ValueError):
        return None
    offset = parts.get("z")
    if offset and with_time_zone:
        zone = _zone(offset)
        return None if zone is None else moment.replace(tzinfo=zone)
    return moment


def _year(parts: dict[str, str | None]) -> int:
    """YYYY as written; YY in the 1970-2069 window."""
    if parts.get("Y"):
        return int(parts["Y"] or 0)
    if parts.get("y"):
        short = int(parts["y"] or 0)
        return short + (2000 if short < 70 else 1900)
    return 1900


def _zone(offset: str) -> timezone | None:
    """The zone of a UTC offset; None for minutes past 59 or an offset past 15:59 either way, which PostgreSQL cannot
    hold ("time zone displacement out of range", which failed the whole load; the pages give TIMESTAMPTZ no range)."""
    if offset == "Z":
        return timezone.utc
    sign = -1 if offset[0] == "-" else 1
    digits = offset[1:].replace(":", "")
    hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    if minutes > 59 or hours > 15:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _auto(text: str, with_time_zone: bool) -> datetime | None:
    """Redshift's automatic recognition: the defaults, ISO 8601, Julian days and the listed layouts."""
    parsed = _from_match(_DEFAULT.fullmatch(text), with_time_zone)
    if parsed is not None:
        return parsed
    try:
        parsed = datetime.fromisoformat(text)
        return (
            parsed if with_time_zone or parsed.tzinfo is None else parsed.astimezone(timezone.utc).replace(tzinfo=None)
        )
    except ValueError:
        pass
    if text[:1] in ("J", "j") and text[1:].isdigit():
        try:
            return datetime.combine(date.fromordinal(int(text[1:]) - _JULIAN_DAY_OF_ORDINAL_ZERO), time())
        except (ValueError, OverflowError):
            return None
    for layout in _AUTO_LAYOUTS:
        try:
            return datetime.strptime(text, layout)
        except ValueError:
            continue
    return None
