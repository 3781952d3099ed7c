"""Data types: the lengths Redshift gives character types that declare none, and VARCHAR(MAX)."""

from __future__ import annotations

from sqlglot import exp

from local_redshift.translation.rule import Context, Rule, node_is


def character_type_lengths(column: exp.ColumnDef, _: Context) -> exp.Expr:
    """Column types: VARCHAR and TEXT without a length are VARCHAR(256), CHAR is CHAR(1), BPCHAR is CHAR(256)."""
    kind = column.args.get("kind")
    if not isinstance(kind, exp.DataType) or kind.expressions:
        return column
    if kind.this in (exp.DType.VARCHAR, exp.DType.NVARCHAR, exp.DType.TEXT):
        column.set("kind", exp.DataType.build("VARCHAR(256)"))
    elif kind.this in (exp.DType.CHAR, exp.DType.NCHAR):
        column.set("kind", exp.DataType.build("CHAR(1)"))
    elif kind.this == exp.DType.BPCHAR:
        column.set("kind", exp.DataType.build("CHAR(256)"))
    return column


def varchar_max(data_type: exp.DataType, _: Context) -> exp.Expr:
    """VARCHAR(MAX) is VARCHAR(65535)."""
    if [param.name.upper() for param in data_type.expressions] == ["MAX"]:
        data_type.set("expressions", [exp.DataTypeParam(this=exp.Literal.number(65535))])
    return data_type


CHARACTER_TYPES = Rule("Character types", node_is(exp.ColumnDef), character_type_lengths)
VARCHAR_MAX = Rule("VARCHAR(MAX)", node_is(exp.DataType), varchar_max)
