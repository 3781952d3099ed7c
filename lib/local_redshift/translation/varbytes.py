"""VARBYTE (and its synonyms VARBINARY and BINARY VARYING): the type redshift_system.varbyte of the catalog
(catalog_sql/45_varbyte.sql), whose text is the hexadecimal digits Redshift prints, and the VARBYTE functions.

Casts, comparisons, ||, +, the bitwise operators, LEN, LENGTH, OCTET_LENGTH and SUBSTRING are the catalog's casts,
operators and overloads, which PostgreSQL finds by the value's type; the translator rewrites what it can see: the
type's name, the check of a column's length, a string literal cast to VARBYTE, and FROM_HEX, TO_HEX, FROM_VARBYTE,
TO_VARBYTE and GETBIT.
"""

from __future__ import annotations

from sqlglot import exp

from local_redshift.catalog import SCHEMA
from local_redshift.errors import VARBYTE_LENGTH, RedshiftError, SqlState, UnsupportedFeature
from local_redshift.translation.parser import DistKeyColumnConstraint, SortKeyColumnConstraint
from local_redshift.translation.rule import (
    Context,
    Rule,
    call_of,
    catalog_call,
    creates,
    is_string_cast_to,
    is_table_column,
    is_type,
    node_is,
    type_is,
    with_check,
)

VARBYTE = exp.DataType.build(f"{SCHEMA}.varbyte", udt=True)
DEFAULT_BYTES = 64000  # "The default is 64,000"
MAX_BYTES = 16_777_216  # "The maximum number of bytes (n) can range from 1 - 16,777,216"


def _is_varbyte(data_type: exp.Expr | None) -> bool:
    return is_type(data_type, exp.DType.VARBINARY)


def _bytes(data_type: exp.DataType) -> int:
    """The n of VARBYTE(n), 64,000 without one; a length out of 1 to 16,777,216 is refused."""
    [length] = data_type.expressions or [None]
    if length is None:
        return DEFAULT_BYTES
    text = length.name
    if not text.isdigit() or not 1 <= int(text) <= MAX_BYTES:
        raise RedshiftError(VARBYTE_LENGTH.format(length=text), sqlstate=SqlState.INVALID_PARAMETER_VALUE)
    return int(text)


def _key_columns(create: exp.Create) -> set[str]:
    """The columns a CREATE TABLE names as its distribution key or in its sort key."""
    names = set()
    for column in create.find_all(exp.ColumnDef):
        kinds = [constraint.args.get("kind") for constraint in column.args.get("constraints") or []]
        if any(isinstance(kind, (DistKeyColumnConstraint, SortKeyColumnConstraint)) for kind in kinds):
            names.add(column.name.lower())
    for prop in create.find_all(exp.DistKeyProperty, exp.SortKeyProperty):
        keys = prop.this if isinstance(prop.this, list) else [prop.this]  # SORTKEY AUTO: a Var, no column
        names.update(key.name.lower() for key in keys if isinstance(key, exp.Expr) and not isinstance(key, exp.Var))
    return names


def varbyte_keys(create: exp.Create, _: Context) -> exp.Expr:
    """A VARBYTE column as DISTKEY or in SORTKEY is refused: "You can't use a VARBYTE column as a sort key or a
    distribution key for an Amazon Redshift table"."""
    columns = create.find_all(exp.ColumnDef)
    varbytes = {column.name.lower() for column in columns if _is_varbyte(column.args.get("kind"))}
    if varbytes & _key_columns(create):
        raise UnsupportedFeature.of("A VARBYTE column as a sort key or a distribution key")
    return create


def varbyte_column(column: exp.ColumnDef, _: Context) -> exp.Expr:
    """A VARBYTE(n) column of a table holds at most n bytes: the column gets a check of its length."""
    kind = column.args.get("kind")
    if not _is_varbyte(kind) or not is_table_column(column):
        return column
    fits = catalog_call("varbyte_fits", exp.column(column.name), exp.Literal.number(_bytes(kind)))
    return with_check(column, "varbyte_bytes", fits)


def varbyte_type(data_type: exp.DataType, _: Context) -> exp.Expr:
    """VARBYTE, VARBINARY, BINARY VARYING: the catalog's type (its length checked where a column declares it)."""
    _bytes(data_type)
    return VARBYTE.copy()


def string_cast_to_varbyte(cast: exp.Cast, _: Context) -> exp.Expr:
    """'abc'::VARBYTE is the string's UTF-8 bytes (616263): "When casting with CHAR and VARCHAR the UTF-8 format is
    used" (VARBYTE type). The literal is read as text, then cast."""
    cast.set("this", exp.cast(cast.this, exp.DType.TEXT))
    return cast


def _catalog_function(name: str):
    def rewrite(call: exp.Func, _: Context) -> exp.Expr:
        arguments = call.expressions if isinstance(call, exp.Anonymous) else [call.this, call.args.get("expression")]
        return catalog_call(name, *[argument for argument in arguments if argument is not None])

    return rewrite


def to_hex(call: exp.LowerHex, _: Context) -> exp.Expr:
    """TO_HEX(value): the hexadecimal digits of a number or of a VARBYTE's bytes."""
    return catalog_call("to_hex", call.this)


VARBYTE_KEYS = Rule("VARBYTE key column", creates("TABLE"), varbyte_keys)
VARBYTE_COLUMNS = Rule("VARBYTE(n) column", node_is(exp.ColumnDef), varbyte_column)  # before the type is replaced
STRING_CAST_TO_VARBYTE = Rule(
    "String cast to VARBYTE",
    node_is(exp.Cast, where=is_string_cast_to(exp.DType.VARBINARY)),
    string_cast_to_varbyte,
)
VARBYTE_TYPE = Rule("VARBYTE", type_is(exp.DType.VARBINARY), varbyte_type)
FROM_HEX = Rule("FROM_HEX", call_of("FROM_HEX"), _catalog_function("from_hex"))
TO_VARBYTE = Rule("TO_VARBYTE", call_of("TO_VARBYTE"), _catalog_function("to_varbyte"))
FROM_VARBYTE = Rule("FROM_VARBYTE", call_of("FROM_VARBYTE"), _catalog_function("from_varbyte"))
GETBIT = Rule("GETBIT", node_is(exp.Getbit), _catalog_function("getbit"))
TO_HEX = Rule("TO_HEX", node_is(exp.LowerHex), to_hex)

RULES = [
    VARBYTE_KEYS,
    VARBYTE_COLUMNS,
    STRING_CAST_TO_VARBYTE,
    VARBYTE_TYPE,
    FROM_HEX,
    TO_VARBYTE,
    FROM_VARBYTE,
    GETBIT,
    TO_HEX,
]
"""The VARBYTE rules, in the order they are applied."""
