"""Dates and times: Redshift's date part names, EXTRACT, DATE_PART, DATE_TRUNC, DATEDIFF, DATEADD, ADD_MONTHS,
GETDATE, SYSDATE, TRUNC, MONTHS_BETWEEN, NEXT_DAY, LAST_DAY, DATE_PART_YEAR, the *_CMP functions and
CONVERT_TIMEZONE."""

from __future__ import annotations

from sqlglot import exp

from local_redshift.translation.rule import Context, Rule, call_of, catalog_call, node_is, string_literal

_DATE_PART_NAMES = {
    "millennium": ("millennium", "millennia", "mil", "mils"),
    "century": ("century", "centuries", "c", "cent", "cents"),
    "decade": ("decade", "decades", "dec", "decs"),
    "epoch": ("epoch",),
    "year": ("year", "years", "y", "yr", "yrs"),
    "quarter": ("quarter", "quarters", "qtr", "qtrs"),
    "month": ("month", "months", "mon", "mons"),
    "week": ("week", "weeks", "w"),
    "dow": ("dayofweek", "dow", "dw", "weekday"),
    "doy": ("dayofyear", "doy", "dy", "yearday"),
    "day": ("day", "days", "d"),
    "hour": ("hour", "hours", "h", "hr", "hrs"),
    "minute": ("minute", "minutes", "m", "min", "mins"),
    "second": ("second", "seconds", "s", "sec", "secs"),
    "millisecond": (
        "millisecond",
        "milliseconds",
        "ms",
        "msec",
        "msecs",
        "msecond",
        "mseconds",
        "millisec",
        "millisecs",
        "millisecon",
    ),
    "microsecond": (
        "microsecond",
        "microseconds",
        "microsec",
        "microsecs",
        "usecond",
        "useconds",
        "us",
        "usec",
        "usecs",
    ),
    "timezone": ("timezone",),
    "timezone_hour": ("timezone_hour",),
    "timezone_minute": ("timezone_minute",),
}
_DATE_PART = {alias: part for part, aliases in _DATE_PART_NAMES.items() for alias in aliases}
"""Every date part name and abbreviation Redshift accepts, to the part it names."""

_POSTGRES_FIELD = {"millisecond": "milliseconds", "microsecond": "microseconds"}


def _date_part(node: exp.Expr | None) -> str:
    """The Redshift date part a node names (`day`, `'d'`, `DAYS`...), spelled as the catalog functions want."""
    name = node.name if node is not None else ""
    return _DATE_PART.get(name.lower(), name.lower())


def extract_returns_an_integer(extract: exp.Extract, _: Context) -> exp.Expr:
    """EXTRACT: Redshift's date part names; an INTEGER of that part alone (seconds without their fraction,
    milliseconds without the seconds); decades counted from decade 1, years 1 to 9."""
    part = _date_part(extract.this)
    field_name = _POSTGRES_FIELD.get(part, part)
    extract.set("this", exp.var(field_name.upper()))
    value: exp.Expr = extract
    if part in ("second", "epoch"):
        value = exp.Floor(this=extract)
    elif part == "millisecond":
        value = exp.Mod(this=exp.Floor(this=extract), expression=exp.Literal.number(1000))
    elif part == "microsecond":
        value = exp.Mod(this=extract, expression=exp.Literal.number(1000))
    elif part == "decade":
        value = _from_decade_one(extract)
    return exp.cast(value, "BIGINT" if part == "epoch" else "INT")


def _from_decade_one(decade: exp.Expr) -> exp.Expr:
    """PostgreSQL's decade (the year divided by 10) as Redshift numbers it: 2000 to 2009 are decade 201."""
    return exp.Add(this=decade, expression=exp.Literal.number(1))


def date_part_names(call: exp.Anonymous, _: Context) -> exp.Expr:
    """DATE_PART(part, value): Redshift's date part names (and decades); a DOUBLE PRECISION as in PostgreSQL."""
    part, value = call.expressions
    field_name = _date_part(part)
    postgres_field = _POSTGRES_FIELD.get(field_name, field_name)
    date_part = exp.Anonymous(this="DATE_PART", expressions=[string_literal(postgres_field), value])
    return _from_decade_one(date_part) if field_name == "decade" else date_part


def date_trunc_part_names(trunc: exp.Expr, _: Context) -> exp.Expr:
    """DATE_TRUNC(part, value): Redshift's date part names."""
    part = _date_part(trunc.args.get("unit"))
    trunc.set("unit", string_literal(_POSTGRES_FIELD.get(part, part)))
    return trunc


def datediff_counts_boundaries(call: exp.Anonymous, _: Context) -> exp.Expr:
    """DATEDIFF(part, start, end): the number of part boundaries crossed, as Redshift counts them."""
    part, start, end = call.expressions
    return catalog_call("datediff", string_literal(_date_part(part)), start, end)


def dateadd(call: exp.Anonymous, _: Context) -> exp.Expr:
    """DATEADD(part, amount, value), with Redshift's date part names; a timestamp even for a date. Years added to
    29 February land on 1 March when there is no 29 February."""
    part, amount, value = call.expressions
    name = _date_part(part)
    function = "dateadd_years" if name in ("year", "decade", "century", "millennium") else "dateadd"
    return catalog_call(function, string_literal(name), amount, value)


def add_months_keeps_month_end(call: exp.Anonymous, _: Context) -> exp.Expr:
    """ADD_MONTHS(value, n): from a month's last day to the last day of the result month."""
    return catalog_call("add_months", *call.expressions)


def getdate_is_statement_start_in_seconds(_getdate: exp.Anonymous, _: Context) -> exp.Expr:
    """GETDATE(): the statement's start, a TIMESTAMP without fractional seconds."""
    start = exp.Anonymous(this="STATEMENT_TIMESTAMP")
    return exp.cast(exp.Anonymous(this="DATE_TRUNC", expressions=[string_literal("second"), start]), "TIMESTAMP")


def sysdate_is_transaction_start(_timestamp: exp.CurrentTimestamp, _: Context) -> exp.Expr:
    """SYSDATE: the transaction's start, a TIMESTAMP."""
    return exp.Localtimestamp()


def trunc_of_a_timestamp_is_its_date(trunc: exp.Trunc, _: Context) -> exp.Expr:
    """TRUNC(x) with one argument: a timestamp's date or a number's integer part, by the argument's type."""
    if trunc.args.get("decimals") is not None:
        return trunc
    return catalog_call("trunc", trunc.this)


def _cast(value: exp.Expr, *types: str) -> exp.Expr:
    """`value` cast to each of `types` in turn."""
    for type_name in types:
        value = exp.cast(value, type_name)
    return value


def months_between(call: exp.MonthsBetween, _: Context) -> exp.Expr:
    """MONTHS_BETWEEN(date1, date2): whole months, and the fraction of a 31-day month the days and times add."""
    return catalog_call("months_between", _cast(call.this, "TIMESTAMP"), _cast(call.expression, "TIMESTAMP"))


def next_day(call: exp.NextDay, _: Context) -> exp.Expr:
    """NEXT_DAY(date, day): the first date after `date` that is the named day of the week."""
    return catalog_call("next_day", _cast(call.this, "TIMESTAMP"), call.expression)


def last_day(call: exp.LastDay, _: Context) -> exp.Expr:
    """LAST_DAY(date): the last day of the month, a DATE."""
    return catalog_call("last_day", _cast(call.this, "TIMESTAMP"))


def date_part_year(call: exp.Anonymous, _: Context) -> exp.Expr:
    """DATE_PART_YEAR(date): the year, an INTEGER."""
    [value] = call.expressions
    return catalog_call("date_part_year", _cast(value, "DATE"))


_COMPARED_AS = {
    "DATE_CMP": (("DATE",), ("DATE",)),
    "DATE_CMP_TIMESTAMP": (("DATE", "TIMESTAMP"), ("TIMESTAMP",)),
    "DATE_CMP_TIMESTAMPTZ": (("DATE", "TIMESTAMPTZ"), ("TIMESTAMPTZ",)),
    "TIMESTAMP_CMP": (("TIMESTAMP",), ("TIMESTAMP",)),
    "TIMESTAMP_CMP_DATE": (("TIMESTAMP",), ("DATE", "TIMESTAMP")),
    "TIMESTAMP_CMP_TIMESTAMPTZ": (("TIMESTAMP", "TIMESTAMPTZ"), ("TIMESTAMPTZ",)),
    "TIMESTAMPTZ_CMP": (("TIMESTAMPTZ",), ("TIMESTAMPTZ",)),
    "TIMESTAMPTZ_CMP_DATE": (("TIMESTAMPTZ",), ("DATE", "TIMESTAMPTZ")),
    "TIMESTAMPTZ_CMP_TIMESTAMP": (("TIMESTAMPTZ",), ("TIMESTAMP", "TIMESTAMPTZ")),
    "INTERVAL_CMP": (("INTERVAL",), ("INTERVAL",)),
}
"""Each comparison function: the casts of its first and of its second argument to the type both are compared as."""


def compare(call: exp.Anonymous, _: Context) -> exp.Expr:
    """DATE_CMP(a, b) and the other *_CMP functions: 1, 0 or -1 as a is greater than, equal to or less than b."""
    first, second = call.expressions
    first_types, second_types = _COMPARED_AS[call.name.upper()]
    return catalog_call(call.name.lower(), _cast(first, *first_types), _cast(second, *second_types))


def convert_timezone(call: exp.ConvertTimezone, _: Context) -> exp.Expr:
    """CONVERT_TIMEZONE([source,] target, timestamp): the time in `target` of a timestamp in `source` (UTC)."""
    source = call.args.get("source_tz") or string_literal("UTC")
    return catalog_call("convert_timezone", source, call.args["target_tz"], _cast(call.args["timestamp"], "TIMESTAMP"))


EXTRACT = Rule("EXTRACT", node_is(exp.Extract), extract_returns_an_integer)
DATE_PART = Rule("DATE_PART", call_of("DATE_PART"), date_part_names)
DATE_TRUNC = Rule("DATE_TRUNC", node_is(exp.DateTrunc, exp.TimestampTrunc), date_trunc_part_names)
DATEDIFF = Rule("DATEDIFF", call_of("DATEDIFF", "DATE_DIFF"), datediff_counts_boundaries)
DATEADD = Rule("DATEADD", call_of("DATEADD", "DATE_ADD"), dateadd)
ADD_MONTHS = Rule("ADD_MONTHS", call_of("ADD_MONTHS"), add_months_keeps_month_end)
GETDATE = Rule("GETDATE()", call_of("GETDATE"), getdate_is_statement_start_in_seconds)
SYSDATE = Rule(
    "SYSDATE",
    node_is(exp.CurrentTimestamp, where=lambda t: bool(t.args.get("sysdate"))),
    sysdate_is_transaction_start,
)
TRUNC = Rule("TRUNC", node_is(exp.Trunc), trunc_of_a_timestamp_is_its_date)
MONTHS_BETWEEN = Rule("MONTHS_BETWEEN", node_is(exp.MonthsBetween), months_between)
NEXT_DAY = Rule("NEXT_DAY", node_is(exp.NextDay), next_day)
LAST_DAY = Rule("LAST_DAY", node_is(exp.LastDay), last_day)
DATE_PART_YEAR = Rule("DATE_PART_YEAR", call_of("DATE_PART_YEAR"), date_part_year)
COMPARISONS = Rule("DATE_CMP", call_of(*_COMPARED_AS), compare)
CONVERT_TIMEZONE = Rule("CONVERT_TIMEZONE", node_is(exp.ConvertTimezone), convert_timezone)
