"""Aggregate functions: LISTAGG, with or without WITHIN GROUP (ORDER BY ...)."""

from __future__ import annotations

from sqlglot import exp

from local_redshift.translation.rule import Context, Rule, node_is, string_literal


def listagg_within_group(within: exp.WithinGroup, _: Context) -> exp.Expr:
    """LISTAGG(x, delimiter) WITHIN GROUP (ORDER BY ...) is STRING_AGG(x, delimiter ORDER BY ...)."""
    aggregate = within.this
    if not isinstance(aggregate, exp.GroupConcat):
        return within
    aggregate = listagg_delimiter(aggregate, Context())
    order = within.expression
    order.set("this", aggregate.this)
    aggregate.set("this", order)
    return aggregate


def listagg_delimiter(aggregate: exp.GroupConcat, _: Context) -> exp.Expr:
    """LISTAGG(DISTINCT x, delimiter) keeps its delimiter apart; without one, values are joined with nothing."""
    values = aggregate.this
    if isinstance(values, exp.Distinct) and len(values.expressions) == 2:
        value, delimiter = values.expressions
        aggregate.set("this", exp.Distinct(expressions=[value]))
        aggregate.set("separator", delimiter)
    if aggregate.args.get("separator") is None:
        aggregate.set("separator", string_literal(""))
    return aggregate


LISTAGG_WITHIN_GROUP = Rule("LISTAGG ... WITHIN GROUP", node_is(exp.WithinGroup), listagg_within_group)
LISTAGG = Rule("LISTAGG", node_is(exp.GroupConcat), listagg_delimiter)
