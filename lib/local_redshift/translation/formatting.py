"""Datetime and numeric format strings: TO_TIMESTAMP, TO_DATE and TO_CHAR as Redshift reads and writes them.

TO_TIMESTAMP and TO_DATE accept overflow values unless their third argument (is_strict) is true; TO_CHAR writes
the patterns of the "Datetime format strings" and "Numeric format strings" pages. TO_NUMBER is PostgreSQL's own.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from local_redshift.translation.rule import Context, Rule, call_of, catalog_call, reject


def _call_with(name: str, *counts: int) -> Callable[[exp.Expr], bool]:
    """Matches a call of `name` with one of `counts` arguments."""
    is_call = call_of(name)
    return lambda node: is_call(node) and len(node.expressions) in counts


def _parsed_leniently(name: str) -> Callable[[exp.Anonymous, Context], exp.Expr]:
    def rewrite(call: exp.Anonymous, _: Context) -> exp.Expr:
        value, format_string, *is_strict = call.expressions
        return catalog_call(name, exp.cast(value, "TEXT"), exp.cast(format_string, "TEXT"), *is_strict)

    rewrite.__doc__ = f"{name.upper()}(string, format [, is_strict]): overflow values roll over unless is_strict."
    return rewrite


def to_char(call: exp.Anonymous, _: Context) -> exp.Expr:
    """TO_CHAR(timestamp or number, format), by the first argument's type; a string is read as a timestamp."""
    return catalog_call("to_char", *call.expressions)


TO_TIMESTAMP = Rule("TO_TIMESTAMP", _call_with("TO_TIMESTAMP", 2, 3), _parsed_leniently("to_timestamp"))
TO_TIMESTAMP_OF_AN_EPOCH = reject(
    "TO_TIMESTAMP with one argument",
    _call_with("TO_TIMESTAMP", 1),
    hint="use TIMESTAMP 'epoch' + seconds * INTERVAL '1 second'",
)
TO_DATE = Rule("TO_DATE", _call_with("TO_DATE", 2, 3), _parsed_leniently("to_date"))
TO_CHAR = Rule("TO_CHAR", _call_with("TO_CHAR", 2), to_char)
