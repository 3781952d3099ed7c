"""HLLSKETCH: the type redshift_system.hllsketch of the catalog (catalog_sql/49_hllsketch.sql), whose text is the sketch
as Redshift prints it (sparse JSON or dense Base64), and the HyperLogLog functions HLL, HLL_CREATE_SKETCH,
HLL_CARDINALITY, HLL_COMBINE and HLL_COMBINE_SKETCHES, the catalog's functions and aggregates of those names.

The translator rewrites what it can see: the type's name, a table column's check that what it stores is a sketch's
printed form, a string literal cast to HLLSKETCH (read as text, then checked) and the function calls.
"""

from __future__ import annotations

from sqlglot import exp

from local_redshift.catalog import SCHEMA
from local_redshift.translation.rule import (
    Context,
    Rule,
    call_of,
    catalog_call,
    is_string_cast_to,
    is_table_column,
    is_type,
    node_is,
    type_is,
    with_check,
)

HLLSKETCH = exp.DataType.build(f"{SCHEMA}.hllsketch", udt=True)
FUNCTIONS = ("HLL_CREATE_SKETCH", "HLL_CARDINALITY", "HLL_COMBINE", "HLL_COMBINE_SKETCHES")
"""The HyperLogLog functions sqlglot leaves anonymous (HLL is an expression of its own)."""


def hllsketch_column(column: exp.ColumnDef, _: Context) -> exp.Expr:
    """An HLLSKETCH column of a table holds only sketches: a value stored as written is checked."""
    if not is_type(column.args.get("kind"), exp.DType.HLLSKETCH) or not is_table_column(column):
        return column
    return with_check(column, "hllsketch", catalog_call("hllsketch_checked", exp.column(column.name)))


def string_cast_to_hllsketch(cast: exp.Cast, _: Context) -> exp.Expr:
    """'{"logm":15,...}'::HLLSKETCH: the literal read as text, then cast (the catalog's cast checks it)."""
    cast.set("this", exp.cast(cast.this, exp.DType.TEXT))
    return cast


def _typed(value: exp.Expr) -> exp.Expr:
    """A value given HLL or HLL_CREATE_SKETCH, which take any type: an untyped literal (NULL, 'abc') read as text."""
    untyped = isinstance(value, exp.Null) or (isinstance(value, exp.Literal) and value.is_string)
    return exp.cast(value, exp.DType.TEXT) if untyped else value


def hll(call: exp.Hll, _: Context) -> exp.Expr:
    """HLL(expression): the catalog's aggregate."""
    return catalog_call("hll", _typed(call.this))


def hll_function(call: exp.Anonymous, _: Context) -> exp.Expr:
    name = call.name.lower()
    arguments = [_typed(argument) for argument in call.expressions] if name == "hll_create_sketch" else call.expressions
    return catalog_call(name, *arguments)


RULES = [
    Rule("HLLSKETCH column", node_is(exp.ColumnDef), hllsketch_column),  # before the type is replaced
    Rule(
        "String cast to HLLSKETCH",
        node_is(exp.Cast, where=is_string_cast_to(exp.DType.HLLSKETCH)),
        string_cast_to_hllsketch,
    ),
    Rule("HLLSKETCH", type_is(exp.DType.HLLSKETCH), lambda data_type, _: HLLSKETCH.copy()),
    Rule("HLL", node_is(exp.Hll), hll),
    Rule("HyperLogLog functions", call_of(*FUNCTIONS), hll_function),
]
"""The HLLSKETCH rules, in the order they are applied."""
