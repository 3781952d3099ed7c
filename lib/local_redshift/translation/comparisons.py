"""Character strings as Redshift compares and stores them: trailing blanks are insignificant, VARCHAR(n) holds n bytes.

The comparisons themselves are operators of the catalog (catalog_sql/43_conversions.sql): a VARCHAR compared with a
VARCHAR, a CHAR or text disregards trailing blanks there, as CHAR does in PostgreSQL already. Two strings the
translator can see are strings (literals, string functions' results) compared, or one tested IN a list of them, are
typed VARCHAR here, or PostgreSQL would compare them as text. A VARCHAR(n) column gets a check of its
length in bytes (PostgreSQL counts characters), which refuses a longer value with Redshift's error; a CAST to
VARCHAR(n) keeps n bytes.
"""

from __future__ import annotations

from sqlglot import exp

from local_redshift.translation.rule import Context, Rule, catalog_call, is_table_column, node_is

_COMPARISONS = (exp.EQ, exp.NEQ, exp.LT, exp.LTE, exp.GT, exp.GTE)
# The string functions whose result (text, to PostgreSQL) the translator can see is a character string.
_STRING_FUNCTIONS = (
    exp.Upper,
    exp.Lower,
    exp.Initcap,
    exp.Trim,
    exp.Substring,
    exp.Left,
    exp.Right,
    exp.Pad,
    exp.Replace,
    exp.Translate,
    exp.Reverse,
    exp.Repeat,
    exp.SplitPart,
    exp.Concat,
    exp.DPipe,
)


def _is_a_string(node: exp.Expr) -> bool:
    """A string literal or a string function's result: text, which PostgreSQL compares keeping trailing blanks."""
    return (isinstance(node, exp.Literal) and node.is_string) or isinstance(node, _STRING_FUNCTIONS)


def strings_compared_as_varchar(comparison: exp.Binary, _: Context) -> exp.Expr:
    """'' <> ' ' is false on Redshift: two strings compared (literals or string functions' results) are read as
    VARCHAR, compared disregarding trailing blanks. (A VARCHAR column compared with either is so already.)"""
    for side in ("this", "expression"):
        comparison.set(side, exp.cast(comparison.args[side], exp.DType.VARCHAR))
    return comparison


def string_in_strings_as_varchar(condition: exp.In, _: Context) -> exp.Expr:
    """'a ' IN ('a', 'b') is true: the string tested is read as VARCHAR, and the literals with it."""
    condition.set("this", exp.cast(condition.this, exp.DType.VARCHAR))
    return condition


def _varchar_bytes(data_type: exp.Expr | None) -> int | None:
    """The n of a VARCHAR(n) type."""
    if not isinstance(data_type, exp.DataType) or data_type.this not in (exp.DType.VARCHAR, exp.DType.NVARCHAR):
        return None
    [length] = data_type.expressions or [None]
    return int(length.name) if length is not None and length.name.isdigit() else None


def _bytes_check_name(column: str) -> exp.Identifier:
    return exp.to_identifier(f"{column}_varchar_bytes")


def _bytes_check(column: str, limit: int) -> exp.CheckColumnConstraint:
    """octet_length(column) <= limit (or NULL), else Redshift's error 'value too long for type character varying(n)'.

    PostgreSQL evaluates the OR's terms in order and stops at the first true one.
    """
    octets = exp.Anonymous(this="octet_length", expressions=[exp.column(column)])
    fits = exp.LTE(this=octets, expression=exp.Literal.number(limit))
    too_long = catalog_call("varchar_too_long", exp.Literal.number(limit))
    return exp.CheckColumnConstraint(this=exp.or_(fits, exp.column(column).is_(exp.null()), too_long))


def varchar_length_in_bytes(column: exp.ColumnDef, _: Context) -> exp.Expr:
    """A VARCHAR(n) column of a table holds n bytes ("CHAR and VARCHAR data types are defined in terms of bytes")."""
    limit = _varchar_bytes(column.args.get("kind"))
    if limit is None or not is_table_column(column):
        return column
    check = exp.ColumnConstraint(this=_bytes_check_name(column.name), kind=_bytes_check(column.name, limit))
    column.append("constraints", check)
    return column


def altered_varchar_length_in_bytes(alter: exp.Alter, _: Context) -> exp.Expr:
    """ALTER COLUMN ... TYPE VARCHAR(n) replaces the column's check of its length in bytes."""
    for action in list(alter.args.get("actions") or []):
        limit = _varchar_bytes(action.args.get("dtype")) if isinstance(action, exp.AlterColumn) else None
        if limit is None:
            continue
        name = action.name
        alter.append("actions", exp.Drop(kind="CONSTRAINT", exists=True, tables=[exp.table_(_bytes_check_name(name))]))
        constraint = exp.Constraint(this=_bytes_check_name(name), expressions=[_bytes_check(name, limit)])
        alter.append("actions", exp.AddConstraint(expressions=[constraint]))
    return alter


def _cast_column_name(cast: exp.Cast) -> str:
    """The name a result column that is this cast gets: the cast column's or function's, else the type's."""
    value = cast.this
    if isinstance(value, exp.Column):
        return value.name
    if isinstance(value, exp.Func):
        return value.name.lower() if isinstance(value, exp.Anonymous) else value.sql_name().lower()
    return "varchar"


def cast_to_varchar_keeps_bytes(cast: exp.Cast, _: Context) -> exp.Expr:
    """CAST(x AS VARCHAR(n)) keeps the first n bytes of x's text, in whole characters; as a result column it keeps
    its name."""
    limit = _varchar_bytes(cast.args.get("to"))
    if limit is None:
        return cast
    name = _cast_column_name(cast) if isinstance(cast.parent, exp.Select) and cast.arg_key == "expressions" else None
    cast.set("this", catalog_call("varchar_bytes", exp.cast(cast.this, exp.DType.TEXT), exp.Literal.number(limit)))
    return exp.alias_(cast, name) if name else cast


STRINGS_COMPARED = Rule(
    "Strings compared",
    node_is(*_COMPARISONS, where=lambda c: _is_a_string(c.this) and _is_a_string(c.expression)),
    strings_compared_as_varchar,
)
STRING_IN_STRINGS = Rule(
    "String IN (strings)",
    node_is(
        exp.In,
        where=lambda c: _is_a_string(c.this) and bool(c.expressions) and all(_is_a_string(e) for e in c.expressions),
    ),
    string_in_strings_as_varchar,
)
VARCHAR_LENGTH_IN_BYTES = Rule("VARCHAR(n) holds n bytes", node_is(exp.ColumnDef), varchar_length_in_bytes)
ALTERED_VARCHAR_LENGTH_IN_BYTES = Rule(
    "ALTER COLUMN ... TYPE VARCHAR(n) holds n bytes",
    node_is(exp.Alter, where=lambda alter: alter.kind == "TABLE"),
    altered_varchar_length_in_bytes,
)
CAST_TO_VARCHAR_KEEPS_BYTES = Rule(
    "CAST to VARCHAR(n) keeps n bytes",
    node_is(exp.Cast),
    cast_to_varchar_keeps_bytes,
)
