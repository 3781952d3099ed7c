"""A table column of a type Amazon Redshift does not have (the "Unsupported PostgreSQL data types" page's, and
PostgreSQL's pseudo-types), refused first in Redshift's own words: 'Column "t.c" has unsupported type "serial".'.

Elsewhere (a cast, a function's signature) the same types are refused by name only, as before.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from local_redshift.errors import UnsupportedFeature
from local_redshift.translation.rule import Context, Rule

# PostgreSQL's pseudo-types ("Pseudo-Types"), which no table column can have: those of today's PostgreSQL, and OPAQUE of
# the PostgreSQL 8.0 Redshift is based on; ANY and TRIGGER are read as type names in a column by translation.parser.
PSEUDO_TYPES = frozenset(
    {
        "anyelement", "anyarray", "anynonarray", "anyenum", "anyrange", "anymultirange", "anycompatible",
        "anycompatiblearray", "anycompatiblenonarray", "anycompatiblerange", "anycompatiblemultirange", "cstring",
        "internal", "language_handler", "fdw_handler", "table_am_handler", "index_am_handler", "tsm_handler",
        "record", "trigger", "event_trigger", "pg_ddl_command", "void", "unknown", "any", "opaque",
    }
)  # fmt: skip


def table_column(node: exp.Expr) -> tuple[str, exp.ColumnDef] | None:
    """The table and the column whose declared type `node` is (or is part of) in CREATE TABLE or ALTER TABLE."""
    column = node if isinstance(node, exp.ColumnDef) else node.find_ancestor(exp.ColumnDef)
    if column is None:
        return None
    statement = column.find_ancestor(exp.Create, exp.Alter)
    if statement is None or (isinstance(statement, exp.Create) and statement.kind != "TABLE"):
        return None
    table = statement.find(exp.Table)
    return (table.name if table is not None else ""), column


def refusal(node: exp.Expr, construct: str, hint: str = "") -> UnsupportedFeature:
    """Why `node` (a data type, or a column definition) is refused: in Redshift's words where it is a table's
    column's type."""
    found = table_column(node)
    if found is None:
        return UnsupportedFeature.of(construct, hint=hint)
    table, column = found
    declared = column.args.get("kind")
    type_name = declared.sql("postgres").lower() if isinstance(declared, exp.Expr) else ""
    return UnsupportedFeature.of_column(table, column.name, type_name, construct, hint=hint)


def reject_type(construct: str, matches: Callable[[exp.Expr], bool], hint: str = "") -> Rule:
    """A rule refusing a data type `construct` (SERIAL, the array type...), in Redshift's words in a table column."""

    def refuse(node: exp.Expr, _: Context) -> exp.Expr:
        raise refusal(node, construct, hint)

    return Rule(construct, matches, refuse)


def _pseudo_type(column: exp.ColumnDef) -> str | None:
    kind = column.args.get("kind")
    if not isinstance(kind, exp.DataType):
        return None
    name = kind.sql("postgres").lower()
    return name if name in PSEUDO_TYPES else None


def _refuse_pseudo_type(column: exp.ColumnDef, _: Context) -> exp.Expr:
    raise refusal(column, f"The {str(_pseudo_type(column)).upper()} pseudo-type")


PSEUDO_TYPE_COLUMNS = Rule(
    "A table column of a pseudo-type",
    lambda node: isinstance(node, exp.ColumnDef) and table_column(node) is not None and _pseudo_type(node) is not None,
    _refuse_pseudo_type,
)
"""A table column of a PostgreSQL pseudo-type (RECORD, VOID, ANYELEMENT...): Redshift has none of them."""
