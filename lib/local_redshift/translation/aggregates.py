"""Aggregate functions: LISTAGG of any type, with or without DISTINCT and WITHIN GROUP (ORDER BY ...); MEDIAN and
PERCENTILE_CONT with Redshift's result types."""

from __future__ import annotations

from sqlglot import exp

from local_redshift.translation.rule import Context, Rule, catalog_call, node_is, string_literal


def listagg_within_group(within: exp.WithinGroup, _: Context) -> exp.Expr:
    """LISTAGG(x, delimiter) WITHIN GROUP (ORDER BY ...) is STRING_AGG(x, delimiter ORDER BY ...)."""
    aggregate = within.this
    if not isinstance(aggregate, exp.GroupConcat):
        return within
    return _listagg(aggregate, within.expression)


def listagg(aggregate: exp.GroupConcat, _: Context) -> exp.Expr:
    """LISTAGG(x [, delimiter]) without WITHIN GROUP; without a delimiter, values are joined with nothing."""
    if isinstance(aggregate.this, (exp.Order, exp.Cast)):  # written by listagg_within_group already
        return aggregate
    return _listagg(aggregate, None)


def _listagg(aggregate: exp.GroupConcat, order: exp.Order | None) -> exp.Expr:
    """Values of any type as text, NULLs and empty strings left out. With DISTINCT, the values in the WITHIN GROUP
    order, each kept where it first comes, by redshift_system.listagg (PostgreSQL's DISTINCT aggregates can be
    ordered by their argument only)."""
    values = aggregate.this
    distinct = isinstance(values, exp.Distinct)
    value, *rest = values.expressions if distinct else [values]
    delimiter = rest[0] if rest else aggregate.args.get("separator") or string_literal("")
    if distinct:
        array: exp.Expr = value
        if order is not None:
            order.set("this", array)
            array = order
        as_text = exp.cast(exp.ArrayAgg(this=array), exp.DataType.build("TEXT[]"))
        return catalog_call("listagg", as_text, delimiter, exp.true())
    text: exp.Expr = exp.Nullif(this=exp.cast(value, exp.DType.TEXT), expression=string_literal(""))
    if order is not None:
        order.set("this", text)
        text = order
    return exp.GroupConcat(this=text, separator=delimiter)


def percentile_cont(aggregate: exp.Median | exp.WithinGroup, _: Context) -> exp.Expr:
    """MEDIAN(x) and PERCENTILE_CONT(f) WITHIN GROUP (ORDER BY x): DECIMAL for integer and DECIMAL values, DOUBLE
    PRECISION for floats (r_MEDIAN, r_PERCENTILE_CONT), computed by redshift_system.percentile_cont from the values."""
    if isinstance(aggregate, exp.Median):
        fraction: exp.Expr = exp.Literal.number("0.5")
        values = aggregate.this
    else:
        ordered = aggregate.expression.expressions[0]
        fraction, values = aggregate.this.this, ordered.this
        if ordered.args.get("desc"):
            fraction = exp.Sub(this=exp.Literal.number(1), expression=exp.cast(fraction, exp.DType.DOUBLE))
    computed = catalog_call("percentile_cont", fraction, exp.ArrayAgg(this=values))
    if isinstance(aggregate.parent, exp.Select) and aggregate.arg_key == "expressions":  # the column keeps its name
        return exp.alias_(computed, "median" if isinstance(aggregate, exp.Median) else "percentile_cont")
    return computed


def _is_percentile_cont(node: exp.Expr) -> bool:
    if isinstance(node, exp.Median):
        return True
    order = node.expression if isinstance(node, exp.WithinGroup) else None
    return isinstance(node.this, exp.PercentileCont) and isinstance(order, exp.Order) and len(order.expressions) == 1


PERCENTILE_CONT = Rule(
    "MEDIAN and PERCENTILE_CONT", node_is(exp.Median, exp.WithinGroup, where=_is_percentile_cont), percentile_cont
)
LISTAGG_WITHIN_GROUP = Rule("LISTAGG ... WITHIN GROUP", node_is(exp.WithinGroup), listagg_within_group)
LISTAGG = Rule("LISTAGG", node_is(exp.GroupConcat), listagg)
