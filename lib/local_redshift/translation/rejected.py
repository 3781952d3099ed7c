"""What Redshift rejects, and what the local Redshift does not do: refused with UnsupportedFeature.

COPY ... TO, FROM STDIN, from a local file or from a source other than Amazon S3 are refused by the COPY grammar
(local_redshift.copy.grammar), which reads every COPY statement.
"""

from __future__ import annotations

from sqlglot import exp

from local_redshift.translation.rule import Rule, command_is, creates, node_is, reject, type_is


def _is_generated_always(node: exp.GeneratedAsIdentityColumnConstraint) -> bool:
    return node.this is True


def _is_plpgsql_function(create: exp.Create) -> bool:
    language = create.find(exp.LanguageProperty)
    return create.kind == "FUNCTION" and language is not None and language.name.lower() == "plpgsql"


BY_AMAZON_REDSHIFT: list[Rule] = [
    reject("INSERT ... ON CONFLICT", node_is(exp.OnConflict)),
    reject("RETURNING", node_is(exp.Returning)),
    reject("SERIAL", type_is(exp.DType.SERIAL)),
    reject("BIGSERIAL", type_is(exp.DType.BIGSERIAL)),
    reject("SMALLSERIAL", type_is(exp.DType.SMALLSERIAL)),
    reject("The array type", type_is(exp.DType.ARRAY)),
    reject("ARRAY[...]", node_is(exp.Array, where=lambda a: bool(a.args.get("bracket_notation")))),
    reject("The JSON type", type_is(exp.DType.JSON), hint="use SUPER"),
    reject("The JSONB type", type_is(exp.DType.JSONB), hint="use SUPER"),
    reject("CREATE UNLOGGED TABLE", node_is(exp.UnloggedProperty)),
    reject("Table inheritance (INHERITS)", node_is(exp.InheritsProperty)),
    reject(
        "GENERATED ALWAYS AS IDENTITY",
        node_is(exp.GeneratedAsIdentityColumnConstraint, where=_is_generated_always),
        hint="use IDENTITY(seed, step)",
    ),
    reject("CREATE INDEX", creates("INDEX")),
    reject("CREATE SEQUENCE", creates("SEQUENCE")),
    reject("CREATE TRIGGER", creates("TRIGGER")),
    reject(
        "CREATE FUNCTION ... LANGUAGE plpgsql",
        node_is(exp.Create, where=_is_plpgsql_function),
        hint="use CREATE PROCEDURE, or a SQL or Python function",
    ),
    reject("CREATE EXTENSION", command_is("CREATE", "EXTENSION")),
]
"""SQL that Amazon Redshift rejects."""

BY_THE_LOCAL_REDSHIFT: list[Rule] = [
    reject("UNLOAD", command_is("UNLOAD"), by="the local Redshift"),
    reject(
        "LISTAGG ... WITHIN GROUP as a window function",
        node_is(exp.WithinGroup, where=lambda w: isinstance(w.parent, exp.Window)),
        by="the local Redshift",
    ),
]
"""What Amazon Redshift accepts but the local Redshift does not do."""
