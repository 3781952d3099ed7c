"""String functions: STRTOL."""

from __future__ import annotations

from sqlglot import exp

from local_redshift.translation.rule import Context, Rule, catalog_call, node_is


def strtol(base: exp.FromBase, _: Context) -> exp.Expr:
    """STRTOL(text, base): the number a string writes in a base."""
    return catalog_call("strtol", base.this, base.expression)


STRTOL = Rule("STRTOL", node_is(exp.FromBase), strtol)
