"""What a rule is, and the helpers the rule families share: node matchers, refusals, catalog calls."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlglot import exp

from local_redshift.catalog import SCHEMA
from local_redshift.errors import UnsupportedFeature

if TYPE_CHECKING:
    from local_redshift.translation.databases import NamedDatabase


@dataclass
class Context:
    """What the rules learn about the statement beyond its own rewriting."""

    bookkeeping: list[str] = field(default_factory=list)
    before: list[str] = field(default_factory=list)  # statements to run first, in the same transaction
    databases: list[NamedDatabase] = field(default_factory=list)  # the databases it names, for the session to check
    case_sensitive: bool | None = None  # what it sets enable_case_sensitive_identifier to, if it sets it
    outside_transaction_block: str | None = None  # the construct, if Redshift runs it only outside one


@dataclass(frozen=True)
class Rule:
    """One Redshift construct: the nodes it matches and how it rewrites each (or raises UnsupportedFeature)."""

    construct: str
    matches: Callable[[exp.Expr], bool]
    rewrite: Callable[[Any, Context], exp.Expr]


def node_is(*types: type[exp.Expr], where: Callable[[Any], bool] = lambda _: True) -> Callable[[exp.Expr], bool]:
    return lambda node: isinstance(node, types) and where(node)


def call_of(*names: str) -> Callable[[exp.Expr], bool]:
    return lambda node: isinstance(node, exp.Anonymous) and node.name.upper() in names


def type_is(*types: exp.DType) -> Callable[[exp.Expr], bool]:
    return node_is(exp.DataType, where=lambda data_type: data_type.this in types)


def creates(kind: str) -> Callable[[exp.Expr], bool]:
    return node_is(exp.Create, where=lambda create: create.kind == kind)


def command_is(*words: str) -> Callable[[exp.Expr], bool]:
    """Matches a statement sqlglot could not parse (a Command) that starts with `words`."""
    return lambda node: (
        isinstance(node, exp.Command) and command_text(node).upper().split()[: len(words)] == list(words)
    )


def command_text(command: exp.Command) -> str:
    rest = command.args.get("expression")
    return f"{command.name} {rest.name if isinstance(rest, exp.Expr) else rest or ''}"


def reject(construct: str, matches: Callable[[exp.Expr], bool], by: str = "Amazon Redshift", hint: str = "") -> Rule:
    """A rule refusing `construct` with UnsupportedFeature.of(construct, by, hint)."""

    def refuse(node: exp.Expr, _: Context) -> exp.Expr:
        raise UnsupportedFeature.of(construct, by=by, hint=hint)

    return Rule(construct, matches, refuse)


def is_table_column(column: exp.ColumnDef) -> bool:
    """A column of CREATE TABLE or of ALTER TABLE ... ADD COLUMN (not a procedure's or a function's parameter)."""
    if isinstance(column.parent, exp.Alter):
        return True
    create = column.parent.parent if isinstance(column.parent, exp.Schema) else None
    return isinstance(create, exp.Create) and create.kind == "TABLE"


def is_type(data_type: exp.Expr | None, kind: exp.DType) -> bool:
    """Whether `data_type` (a column's kind, a cast's target) is the type `kind`."""
    return isinstance(data_type, exp.DataType) and data_type.this == kind


def is_string_cast_to(kind: exp.DType) -> Callable[[exp.Cast], bool]:
    """Whether a cast is of a string literal to the type `kind` ('...'::GEOMETRY)."""

    def matches(cast: exp.Cast) -> bool:
        return is_type(cast.args.get("to"), kind) and isinstance(cast.this, exp.Literal) and cast.this.is_string

    return matches


def with_check(column: exp.ColumnDef, name: str, condition: exp.Expr) -> exp.ColumnDef:
    """The table column with the CHECK constraint `condition` of its own, named <column>_<name>."""
    check = exp.CheckColumnConstraint(this=condition)
    column.append("constraints", exp.ColumnConstraint(this=exp.to_identifier(f"{column.name}_{name}"), kind=check))
    return column


def catalog_call(name: str, *args: exp.Expr) -> exp.Expr:
    """A call of function `name` of schema redshift_system."""
    return exp.Dot(this=exp.to_identifier(SCHEMA), expression=exp.Anonymous(this=name, expressions=list(args)))


def string_literal(value: str) -> exp.Literal:
    return exp.Literal.string(value)
