"""Conditions as Redshift reads them: 1 and 0 where a condition is expected (`WHERE 1 AND ...`, as
sqlalchemy-redshift's reflection queries write them) are the Boolean type's literals '1' (true) and '0' (false)."""

from __future__ import annotations

from sqlglot import exp

from local_redshift.translation.rule import Context, Rule

_CONDITIONS = (exp.Where, exp.Having, exp.And, exp.Or, exp.Not)


def _is_a_numeric_condition(node: exp.Expr) -> bool:
    return (
        isinstance(node, exp.Literal)
        and not node.is_string
        and node.this in ("0", "1")
        and isinstance(node.parent, _CONDITIONS)
    )


def numeric_condition(literal: exp.Literal, _: Context) -> exp.Expr:
    """1 is true, 0 is false."""
    return exp.true() if literal.this == "1" else exp.false()


NUMERIC_CONDITIONS = Rule("1 and 0 as conditions", _is_a_numeric_condition, numeric_condition)
