"""Data types: the lengths Redshift gives character types that declare none, VARCHAR(MAX) and CHAR(MAX), and the
limits of lengths, precisions and scales."""

from __future__ import annotations

from sqlglot import exp

from local_redshift.errors import NUMERIC_PRECISION, NUMERIC_SCALE, TYPE_LENGTH, RedshiftError, SqlState
from local_redshift.translation.rule import Context, Rule, node_is

_VARCHARS = (exp.DType.VARCHAR, exp.DType.NVARCHAR)
_CHARS = (exp.DType.CHAR, exp.DType.NCHAR, exp.DType.BPCHAR)
_LONGEST = {**dict.fromkeys(_VARCHARS, 65535), **dict.fromkeys(_CHARS, 4096)}
"""The most bytes of a VARCHAR and of a CHAR (r_Character_types.html: 65535 bytes, 4096 bytes); MAX is those."""
LARGEST_PRECISION, LARGEST_SCALE = 38, 37  # r_Numeric_types201.html: "The maximum precision is 38", scale 37


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
    """VARCHAR(MAX) is VARCHAR(65535), CHAR(MAX) CHAR(4096) ("MAX sets the maximum length to 4,096 bytes for CHAR
    or 65535 bytes for VARCHAR")."""
    if [param.name.upper() for param in data_type.expressions] == ["MAX"] and data_type.this in _LONGEST:
        data_type.set("expressions", [exp.DataTypeParam(this=exp.Literal.number(_LONGEST[data_type.this]))])
    return data_type


def _numbers(data_type: exp.DataType) -> list[int]:
    params = [param.name for param in data_type.expressions]
    return [int(param) for param in params] if all(param.isdigit() for param in params) else []


def type_limits(data_type: exp.DataType, _: Context) -> exp.Expr:
    """A length beyond Redshift's is refused in its words, a precision or scale in PostgreSQL 8.0's."""
    numbers = _numbers(data_type)
    if data_type.this in _LONGEST and numbers and numbers[0] > _LONGEST[data_type.this]:
        message = TYPE_LENGTH.format(longest=_LONGEST[data_type.this])
        raise RedshiftError(message, sqlstate=SqlState.INVALID_PARAMETER_VALUE)
    if data_type.this == exp.DType.DECIMAL and numbers:
        precision, scale = numbers[0], numbers[1] if len(numbers) > 1 else 0
        if not 1 <= precision <= LARGEST_PRECISION:
            message = NUMERIC_PRECISION.format(precision=precision, largest=LARGEST_PRECISION)
            raise RedshiftError(message, sqlstate=SqlState.INVALID_PARAMETER_VALUE)
        if scale > min(precision, LARGEST_SCALE):
            message = NUMERIC_SCALE.format(scale=scale, largest=min(precision, LARGEST_SCALE))
            raise RedshiftError(message, sqlstate=SqlState.INVALID_PARAMETER_VALUE)
    return data_type


CHARACTER_TYPES = Rule("Character types", node_is(exp.ColumnDef), character_type_lengths)
VARCHAR_MAX = Rule("VARCHAR(MAX), CHAR(MAX)", node_is(exp.DataType), varchar_max)
TYPE_LIMITS = Rule("Lengths, precisions and scales", node_is(exp.DataType), type_limits)
