"""The length, precision and scale of a stored procedure's parameters, which Redshift keeps (SHOW PARAMETERS lists
a procedure's CHAR(20) as 20 long, its NUMERIC(10,5) of precision 10 and scale 5, as redshift_connector's tests read
them) and PostgreSQL drops from a routine's signature: after CREATE PROCEDURE the catalog records each parameter's
type modifier (catalog_sql/66_show_metadata.sql). A function's parameters keep none in Redshift either."""

from __future__ import annotations

from sqlglot import exp

from local_redshift.catalog import SCHEMA
from local_redshift.translation.names import stored_name
from local_redshift.translation.rule import Context, Rule, creates


def _parameter_types(routine: exp.UserDefinedFunction) -> list[str]:
    """Each parameter's type as PostgreSQL reads it, in order."""
    types = []
    for parameter in routine.expressions:
        kind = parameter.args.get("kind") if isinstance(parameter, exp.ColumnDef) else parameter
        types.append(kind.sql(dialect="postgres") if isinstance(kind, exp.DataType) else "")
    return types


def _literal(identifier: exp.Identifier) -> str:
    """A name as PostgreSQL keeps it (unquoted, folded), as a string literal."""
    return exp.Literal.string(stored_name(identifier)).sql(dialect="postgres")


def procedure_parameters(create: exp.Create, context: Context) -> exp.Expr:
    """CREATE PROCEDURE: record its parameters' type modifiers after it."""
    routine = create.this
    if not isinstance(routine, exp.UserDefinedFunction) or not isinstance(routine.this, exp.Table):
        return create
    types = _parameter_types(routine)
    if not types or "" in types:
        return create
    name = routine.this
    schema = _literal(name.args["db"]) if name.db else "pg_catalog.current_schema()"
    literals = [exp.Literal.string(text).sql(dialect="postgres") for text in types]
    type_ids = ", ".join(f"pg_catalog.to_regtype({literal})" for literal in literals)
    typmods = ", ".join(f"pg_catalog.to_regtypemod({literal})" for literal in literals)
    context.bookkeeping.append(
        f"CALL {SCHEMA}.record_procedure_parameters({schema}, {_literal(name.this)},"
        f" ARRAY[{type_ids}]::regtype[], ARRAY[{typmods}]::integer[])"
    )
    return create


PROCEDURE_PARAMETERS_RECORDED = Rule(
    "The type modifiers of a procedure's parameters", creates("PROCEDURE"), procedure_parameters
)
