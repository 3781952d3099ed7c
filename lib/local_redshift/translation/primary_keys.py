"""Primary keys as Redshift keeps them: informational, not enforced (ddl.py drops them from PostgreSQL's table), and
listed in the catalog (PG_CONSTRAINT), where the tools read them (sqlalchemy-redshift's get_pk_constraint)."""

from __future__ import annotations

from sqlglot import exp

from local_redshift.catalog import SCHEMA
from local_redshift.translation.rule import Context, Rule, creates


def _primary_key_columns(schema: exp.Schema) -> list[str]:
    """The columns of the table's PRIMARY KEY: a column's constraint or the table's (maybe named by CONSTRAINT)."""
    for element in schema.expressions:
        if isinstance(element, exp.ColumnDef) and any(
            isinstance(constraint.args.get("kind"), exp.PrimaryKeyColumnConstraint)
            for constraint in element.args.get("constraints") or []
        ):
            return [element.name]
        keys = element.expressions if isinstance(element, exp.Constraint) else [element]
        for key in keys:
            if isinstance(key, exp.PrimaryKey):
                return [column.name for column in key.expressions]
    return []


def primary_key_recorded(create: exp.Create, context: Context) -> exp.Expr:
    """CREATE TABLE ... PRIMARY KEY: recorded after the table is made, for PG_CONSTRAINT to list."""
    schema = create.this
    columns = _primary_key_columns(schema) if isinstance(schema, exp.Schema) else []
    if columns:
        table = exp.Literal.string(schema.this.sql(dialect="postgres")).sql(dialect="postgres")
        keys = ", ".join(exp.Literal.string(column.lower()).sql(dialect="postgres") for column in columns)
        context.bookkeeping.append(f"CALL {SCHEMA}.record_primary_key({table}, ARRAY[{keys}]::text[])")
    return create


PRIMARY_KEY_RECORDED = Rule("Informational PRIMARY KEY", creates("TABLE"), primary_key_recorded)
