"""IDENTITY columns as the catalog shows them. PG_ATTRDEF has a default for each, which PG_GET_EXPR() writes as
`"identity"(<table oid>, <column>, '<seed>,<step>'::text)` (the form sqlalchemy-redshift's IDENTITY_RE reads back
into IDENTITY(seed, step)); PostgreSQL's identity columns have none, so the catalog's PG_ATTRDEF adds them, and
PG_GET_EXPR(adbin, adrelid) reads the default's text, adsrc. An identity column is NOT NULL only when declared so
("CREATE TABLE": NOT NULL and NULL are column attributes of their own; PostgreSQL makes every identity column NOT
NULL): the columns declared without it are recorded, and PG_ATTRIBUTE.attnotnull is false for them."""

from __future__ import annotations

from sqlglot import exp

from local_redshift.catalog import SCHEMA
from local_redshift.translation.parser import IdentityColumnConstraint
from local_redshift.translation.rule import Context, Rule, creates, string_literal

_IDENTITY = (IdentityColumnConstraint, exp.GeneratedAsIdentityColumnConstraint)
_NOT_NULL = (exp.NotNullColumnConstraint, exp.PrimaryKeyColumnConstraint)


def _default_text_call(node: exp.Expr) -> exp.Anonymous | None:
    """PG_GET_EXPR(x.adbin, x.adrelid) (maybe named in pg_catalog): the call, else None."""
    if isinstance(node, exp.Dot) and node.this.name.lower() == "pg_catalog":
        node = node.expression
    if not (isinstance(node, exp.Anonymous) and node.name.lower() == "pg_get_expr"):
        return None
    arguments = node.expressions
    names = [a.name.lower() if isinstance(a, exp.Column) else "" for a in arguments]
    return node if names == ["adbin", "adrelid"] else None


def default_text(node: exp.Expr, _: Context) -> exp.Expr:
    """PG_GET_EXPR(x.adbin, x.adrelid): x.adsrc, the default's text, identity columns' included."""
    column = _default_text_call(node).expressions[0]
    return exp.column("adsrc", table=column.table or None)


def _table_key_columns(schema: exp.Schema) -> set[str]:
    names: set[str] = set()
    for element in schema.expressions:
        for key in element.expressions if isinstance(element, exp.Constraint) else [element]:
            if isinstance(key, exp.PrimaryKey):
                names |= {column.name.lower() for column in key.expressions}
    return names


def nullable_identity_recorded(create: exp.Create, context: Context) -> exp.Expr:
    """CREATE TABLE: its identity columns declared without NOT NULL (nor in the primary key), recorded."""
    schema = create.this
    if not isinstance(schema, exp.Schema):
        return create
    keys = _table_key_columns(schema)
    table = string_literal(schema.this.sql(dialect="postgres")).sql(dialect="postgres")
    for column in schema.expressions:
        if not isinstance(column, exp.ColumnDef):
            continue
        kinds = [constraint.args.get("kind") for constraint in column.args.get("constraints") or []]
        if (
            any(isinstance(kind, _IDENTITY) for kind in kinds)
            and column.name.lower() not in keys
            and not any(isinstance(kind, _NOT_NULL) for kind in kinds)
        ):
            name = string_literal(column.name.lower()).sql(dialect="postgres")
            context.bookkeeping.append(f"CALL {SCHEMA}.record_nullable_identity({table}, {name})")
    return create


DEFAULT_TEXT = Rule(
    "PG_GET_EXPR() of PG_ATTRDEF's defaults",
    lambda node: _default_text_call(node) is not None and not isinstance(node.parent, exp.Dot),
    default_text,
)
NULLABLE_IDENTITY_RECORDED = Rule("IDENTITY columns without NOT NULL", creates("TABLE"), nullable_identity_recorded)
