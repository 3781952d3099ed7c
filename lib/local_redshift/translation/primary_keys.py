"""Key constraints as Redshift keeps them: "Uniqueness, primary key, and foreign key constraints are informational
only; they are not enforced by Amazon Redshift" ("Table constraints"). ddl.py drops them from PostgreSQL's table;
they are listed in the catalog (PG_CONSTRAINT, with their names), where the tools read them (sqlalchemy-redshift's
get_pk_constraint, get_unique_constraints, get_foreign_keys)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp

from local_redshift.catalog import SCHEMA
from local_redshift.translation.names import stored_name
from local_redshift.translation.rule import Context, Rule, creates


@dataclass(frozen=True)
class _Key:
    kind: str  # PG_CONSTRAINT.contype: p, u or f
    name: str | None  # CONSTRAINT name, or None for the catalog's default name
    columns: list[str]
    references: exp.Table | None = None
    referenced_columns: list[str] | None = None  # None: the referenced table's primary key


def _names(identifiers: list[exp.Expr]) -> list[str]:
    return [stored_name(identifier) for identifier in identifiers]


def _reference(reference: exp.Reference) -> tuple[exp.Table, list[str] | None]:
    target = reference.this
    if isinstance(target, exp.Schema):
        return target.this, _names(target.expressions) or None
    return target, None


def _column_keys(column: exp.ColumnDef) -> list[_Key]:
    keys = []
    for constraint in column.args.get("constraints") or []:
        kind, name = constraint.args.get("kind"), constraint.args.get("this")
        name = name.name if name is not None else None
        if isinstance(kind, exp.PrimaryKeyColumnConstraint):
            keys.append(_Key("p", name, [stored_name(column)]))
        elif isinstance(kind, exp.UniqueColumnConstraint):
            keys.append(_Key("u", name, [stored_name(column)]))
        elif isinstance(kind, exp.Reference):
            keys.append(_Key("f", name, [stored_name(column)], *_reference(kind)))
    return keys


def _table_keys(element: exp.Expr) -> list[_Key]:
    name = element.name if isinstance(element, exp.Constraint) else None
    keys = []
    for key in element.expressions if isinstance(element, exp.Constraint) else [element]:
        if isinstance(key, exp.PrimaryKey):
            keys.append(_Key("p", name, _names(key.expressions)))
        elif isinstance(key, exp.UniqueColumnConstraint) and isinstance(key.this, exp.Schema):
            keys.append(_Key("u", name, _names(key.this.expressions)))
        elif isinstance(key, exp.ForeignKey) and isinstance(key.args.get("reference"), exp.Reference):
            keys.append(_Key("f", name, _names(key.expressions), *_reference(key.args["reference"])))
    return keys


def _keys(schema: exp.Schema) -> list[_Key]:
    keys: list[_Key] = []
    for element in schema.expressions:
        keys += _column_keys(element) if isinstance(element, exp.ColumnDef) else _table_keys(element)
    return keys


def _literal(value: str | None) -> str:
    return "NULL" if value is None else exp.Literal.string(value).sql(dialect="postgres")


def _array(values: list[str] | None) -> str:
    return "NULL" if values is None else f"ARRAY[{', '.join(_literal(v) for v in values)}]::text[]"


def keys_recorded(create: exp.Create, context: Context) -> exp.Expr:
    """CREATE TABLE ... PRIMARY KEY, UNIQUE, REFERENCES | FOREIGN KEY: recorded after the table is made, for
    PG_CONSTRAINT to list."""
    schema = create.this
    if not isinstance(schema, exp.Schema):
        return create
    table = _literal(schema.this.sql(dialect="postgres"))
    for key in _keys(schema):
        referenced = _literal(key.references.sql(dialect="postgres")) if key.references is not None else "NULL"
        context.bookkeeping.append(
            f"CALL {SCHEMA}.record_key({table}, {_literal(key.kind)}, {_literal(key.name)}, {_array(key.columns)},"
            f" {referenced}, {_array(key.referenced_columns)})"
        )
    return create


KEYS_RECORDED = Rule("Informational PRIMARY KEY, UNIQUE, FOREIGN KEY", creates("TABLE"), keys_recorded)
