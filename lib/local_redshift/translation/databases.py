"""The cluster's database as Redshift names it: three-part names (`dev.public.t`) and INFORMATION_SCHEMA, whose
*_catalog columns name the cluster's database, not the PostgreSQL database holding it."""

from __future__ import annotations

from sqlglot import exp

from local_redshift.catalog import SCHEMA
from local_redshift.translation.rule import Context, Rule, node_is

INFORMATION_SCHEMA = "information_schema"


def database_check(name: str) -> str:
    """The bookkeeping statement that fails the statement (its transaction) unless `name` is the cluster's database."""
    return f"SELECT {SCHEMA}.check_database({exp.Literal.string(name).sql(dialect='postgres')})"


def three_part_name(node: exp.Table | exp.Column, context: Context) -> exp.Expr:
    """database.schema.object: the database must be the cluster's own (the local Redshift has no other database to
    read across, nor to write to); the name is then read as schema.object."""
    name = node.args["catalog"].name.lower()
    node.set("catalog", None)
    if (check := database_check(name)) not in context.bookkeeping:
        context.bookkeeping.append(check)
    return node


def information_schema_view(table: exp.Table, _: Context) -> exp.Expr:
    """INFORMATION_SCHEMA.x reads the catalog's copy of PostgreSQL's view x, under the name x."""
    name = table.name
    alias = table.args.get("alias")
    table.set("this", exp.to_identifier(f"{INFORMATION_SCHEMA}_{name.lower()}"))
    table.set("db", exp.to_identifier(SCHEMA))
    if alias is None:
        table.set("alias", exp.TableAlias(this=exp.to_identifier(name)))
    return table


def information_schema_column(column: exp.Column, _: Context) -> exp.Expr:
    """information_schema.x.column names the column of view x by its table name alone."""
    column.set("db", None)
    return column


def _has_catalog(node: exp.Table | exp.Column) -> bool:
    return bool(node.args.get("catalog")) and not isinstance(node.this, exp.Anonymous)


THREE_PART_NAMES = Rule("Three-part names", node_is(exp.Table, exp.Column, where=_has_catalog), three_part_name)
INFORMATION_SCHEMA_VIEWS = Rule(
    "INFORMATION_SCHEMA views",
    node_is(exp.Table, where=lambda t: t.db.lower() == INFORMATION_SCHEMA and isinstance(t.this, exp.Identifier)),
    information_schema_view,
)
INFORMATION_SCHEMA_COLUMNS = Rule(
    "Columns qualified by INFORMATION_SCHEMA",
    node_is(exp.Column, where=lambda c: c.db.lower() == INFORMATION_SCHEMA),
    information_schema_column,
)
