"""Interval literals with a qualifier, INTERVAL '1-2' YEAR TO MONTH or INTERVAL '1.5' SECOND(3) ("Interval data
types and literals"): read by the catalog's interval_literal (catalog_sql/46_intervals.sql), which cuts digits past
the sixth fraction digit and refuses composite literals as Redshift does; a YEAR TO MONTH one is of the catalog's
type intervaly2m, which a date plus or minus keeps a date.

Interval columns (INTERVAL YEAR TO MONTH, INTERVAL DAY TO SECOND(3)...) are PostgreSQL's own interval type with the
same qualifier, the types' own names INTERVALY2M and INTERVALD2S too, and the literals without a qualifier
(INTERVAL '1 day') are PostgreSQL's as they are. A function's or procedure's parameter or result, whose qualifier
PostgreSQL would not keep, is of the catalog's type intervaly2m or intervald2s (domains over interval), so that its
signature names it as Redshift's does (SHOW PROCEDURES, SHOW PARAMETERS).
"""

from __future__ import annotations

from sqlglot import exp

from local_redshift.catalog import SCHEMA
from local_redshift.translation.parser import QualifiedInterval
from local_redshift.translation.rule import Context, Rule, catalog_call, node_is, string_literal

INTERVAL_YEAR_TO_MONTH = exp.DataType.build(f"{SCHEMA}.intervaly2m", udt=True)
INTERVAL_DAY_TO_SECOND = exp.DataType.build(f"{SCHEMA}.intervald2s", udt=True)
YEAR_MONTH_FIELDS = ("YEAR", "MONTH")  # an interval type from these is YEAR TO MONTH's


def _in_arithmetic(node: exp.Expr) -> bool:
    parent = node.parent
    while isinstance(parent, exp.Paren):
        parent = parent.parent
    return isinstance(parent, (exp.Add, exp.Sub, exp.Mul, exp.Div, exp.Neg))


def qualified_interval(interval: QualifiedInterval, _: Context) -> exp.Expr:
    """INTERVAL 'string' qualifier: the catalog's reading of it, an interval of the qualifier's fields (which the
    endpoint describes as Redshift's INTERVAL YEAR TO MONTH or DAY TO SECOND); a YEAR, MONTH or YEAR TO MONTH one in
    arithmetic is intervaly2m, so that a date plus or minus it stays a date."""
    qualifier = interval.args["qualifier"]
    value = catalog_call("interval_literal", string_literal(interval.name), string_literal(qualifier))
    if qualifier.split()[0] in YEAR_MONTH_FIELDS and _in_arithmetic(interval):
        return exp.cast(value, INTERVAL_YEAR_TO_MONTH.copy())
    return exp.cast(value, exp.DataType.build(f"INTERVAL {qualifier.split('(')[0]}", dialect="postgres"))


_TYPE_NAMES = {"intervaly2m": ("YEAR", "MONTH"), "intervald2s": ("DAY", "SECOND")}


def _type_name(data_type: exp.DataType) -> str:
    return str(data_type.args.get("kind") or "").lower() if data_type.this == exp.DType.USERDEFINED else ""


def interval_type_name(data_type: exp.DataType, _: Context) -> exp.Expr:
    """INTERVALY2M and INTERVALD2S, the names Redshift gives the interval types: INTERVAL YEAR TO MONTH and
    INTERVAL DAY TO SECOND."""
    first, last = _TYPE_NAMES[_type_name(data_type)]
    span = exp.IntervalSpan(this=exp.var(first), expression=exp.var(last))
    return exp.DataType(this=exp.Interval(unit=span))


INTERVAL_TYPE_NAMES = Rule(
    "INTERVALY2M and INTERVALD2S",
    node_is(exp.DataType, where=lambda data_type: _type_name(data_type) in _TYPE_NAMES),
    interval_type_name,
)


def _qualified_fields(data_type: exp.DataType) -> str | None:
    """The first field of a qualified interval type (INTERVAL DAY TO SECOND: DAY), None for another type."""
    unit = data_type.this.args.get("unit") if isinstance(data_type.this, exp.Interval) else None
    if isinstance(unit, exp.IntervalSpan):
        unit = unit.this
    return unit.name.upper() if isinstance(unit, exp.Var) else None


def _in_routine_signature(data_type: exp.DataType) -> bool:
    parent = data_type.parent
    if isinstance(parent, exp.ColumnDef):
        return isinstance(parent.parent, exp.UserDefinedFunction)
    return isinstance(parent, (exp.UserDefinedFunction, exp.ReturnsProperty))  # a SQL function's parameter, a result


def routine_interval_type(data_type: exp.DataType, _: Context) -> exp.Expr:
    """A qualified interval in a routine's signature: intervaly2m (YEAR, MONTH, YEAR TO MONTH) or intervald2s."""
    year_month = _qualified_fields(data_type) in YEAR_MONTH_FIELDS
    return (INTERVAL_YEAR_TO_MONTH if year_month else INTERVAL_DAY_TO_SECOND).copy()


ROUTINE_INTERVAL_TYPES = Rule(
    "Interval types of a function's or procedure's signature",
    node_is(
        exp.DataType,
        where=lambda data_type: _qualified_fields(data_type) is not None and _in_routine_signature(data_type),
    ),
    routine_interval_type,
)
QUALIFIED_INTERVAL = Rule("Interval literal with a qualifier", node_is(QualifiedInterval), qualified_interval)
