"""What Redshift rejects, and what the local Redshift does not do: refused with UnsupportedFeature.

The PostgreSQL SQL that Redshift lacks follows the Developer Guide's pages "Unsupported PostgreSQL features", "...data
types" and "...functions" (the functions: `rejected_functions`), and the window function syntax (ROWS frames only).
Data types sqlglot's Redshift parser cannot read (CIDR, TSVECTOR, BOX...) fail the parse; BYTEA, which sqlglot reads as
VARBYTE, is told apart by the parser and refused. A table column of INTERVAL without fields is refused: Redshift's
interval columns are INTERVAL YEAR TO MONTH and INTERVAL DAY TO SECOND ("Interval data types and literals").

COPY ... TO, FROM STDIN, from a local file or from a source other than Amazon S3 are refused by the COPY grammar
(local_redshift.copy.grammar), which reads every COPY statement.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from sqlglot import exp

from local_redshift.translation.column_types import PSEUDO_TYPE_COLUMNS, refusal, reject_type, table_column
from local_redshift.translation.rejected_functions import UNSUPPORTED_FUNCTIONS
from local_redshift.translation.rule import (
    Context,
    Rule,
    call_of,
    command_is,
    command_text,
    creates,
    node_is,
    reject,
    type_is,
)
from local_redshift.translation.system import reads_only_the_catalog

# The PostgreSQL data types of the "Unsupported PostgreSQL data types" page that sqlglot reads, by the name refused.
_UNSUPPORTED_TYPES = {
    exp.DType.BIT: "BIT",
    exp.DType.ENUM: "ENUM",
    exp.DType.POINT: "POINT",
    exp.DType.HSTORE: "HSTORE",
    exp.DType.INET: "INET",
    exp.DType.MONEY: "MONEY",
    exp.DType.UUID: "UUID",
    exp.DType.XML: "XML",
    **{kind: kind.name for kind in exp.DType if kind.name.endswith("RANGE")},  # INT4RANGE, TSTZMULTIRANGE...
}


_UNSUPPORTED_TYPE_NAMES = frozenset(
    {
        "CIDR", "MACADDR", "MACADDR8",  # network address types
        "LINE", "LSEG", "BOX", "PATH", "POLYGON", "CIRCLE",  # geometric types
        "TSVECTOR", "TSQUERY",  # text search types
        "TXID_SNAPSHOT", "PG_SNAPSHOT", "VARBIT", "PG_LSN", "JSONPATH",
    }
)  # fmt: skip
"""The PostgreSQL types of c_unsupported-postgresql-datatypes.html that sqlglot knows only as user-defined names."""


def _type_name(data_type: exp.DataType) -> str:
    if data_type.this == exp.DType.USERDEFINED:
        return str(data_type.args.get("kind") or "").upper()
    return _UNSUPPORTED_TYPES.get(data_type.this, "")


def _is_unsupported_type(data_type: exp.DataType) -> bool:
    return data_type.this in _UNSUPPORTED_TYPES or _type_name(data_type) in _UNSUPPORTED_TYPE_NAMES


def refuse_type(data_type: exp.DataType, _: Context) -> exp.Expr:
    """The <NAME> type is not supported by Amazon Redshift (a table column's, in Redshift's words first)."""
    raise refusal(data_type, f"The {_type_name(data_type)} type")


def _internal_type(column: exp.ColumnDef) -> str | None:
    """The name of a column's object identifier type (OID, REGCLASS...), NAME or "char": PostgreSQL's internal types,
    refused as a column's type only (the catalog queries of clients cast to them, which the leader node runs; a
    column definition list of a function in FROM is such a query's too)."""
    kind = column.args.get("kind")
    if isinstance(column.parent, (exp.UserDefinedFunction, exp.TableAlias)) or not isinstance(kind, exp.DataType):
        return None
    if isinstance(kind, exp.ObjectIdentifier):
        return str(kind.this).upper()
    if kind.this == exp.DType.NAME:
        return "NAME"
    user_defined = kind.args.get("kind")  # the name of a USERDEFINED type
    if isinstance(user_defined, exp.Identifier) and user_defined.quoted and user_defined.name == "char":
        return '"char"'
    return None


def refuse_internal_type(column: exp.ColumnDef, _: Context) -> exp.Expr:
    """A column of type OID (REGCLASS, NAME, "char"...): the type is not supported by Amazon Redshift."""
    raise refusal(column, f"The {_internal_type(column)} type")


def _is_generated_always(node: exp.GeneratedAsIdentityColumnConstraint) -> bool:
    return node.this is True


def _is_plpgsql_function(create: exp.Create) -> bool:
    language = create.find(exp.LanguageProperty)
    return create.kind == "FUNCTION" and language is not None and language.name.lower() == "plpgsql"


def _is_python_function(create: exp.Create) -> bool:
    language = create.find(exp.LanguageProperty)
    return create.kind == "FUNCTION" and language is not None and language.name.lower() == "plpythonu"


def _is_postgresql_partitioning(partitioned: exp.PartitionedByProperty) -> bool:
    """PARTITION BY RANGE | LIST | HASH (...); an external table's PARTITIONED BY (column type, ...) is Redshift's."""
    return not isinstance(partitioned.this, exp.Schema)


def _frame_of(kind: str) -> Callable[[exp.Expr], bool]:
    return node_is(exp.WindowSpec, where=lambda spec: (spec.args.get("kind") or "").upper() == kind)


# The aggregate window functions and FIRST_VALUE, LAST_VALUE, NTH_VALUE (the frame clause does not apply to the
# ranking functions).
_AGGREGATES = (
    exp.Avg,
    exp.Count,
    exp.Max,
    exp.Min,
    exp.Sum,
    exp.Stddev,
    exp.StddevPop,
    exp.StddevSamp,
    exp.Variance,
    exp.VariancePop,
    exp.FirstValue,  # "If you specify an ORDER BY clause, you must also specify a frame_clause" (r_WF_first_value)
    exp.LastValue,
    exp.NthValue,
)


def _is_ordered_aggregate_without_frame(window: exp.Window) -> bool:
    """SUM(...) OVER (ORDER BY ...) without ROWS: PostgreSQL's implicit RANGE frame, which Redshift requires written."""
    function = window.this.this if isinstance(window.this, (exp.IgnoreNulls, exp.RespectNulls)) else window.this
    return isinstance(function, _AGGREGATES) and bool(window.args.get("order")) and not window.args.get("spec")


_REDSHIFT_COLLATIONS = {"case_sensitive", "cs", "case_insensitive", "ci"}


def _is_locale_collation(node: exp.Collate | exp.CollateColumnConstraint) -> bool:
    """COLLATE "C", "en_US"...; Redshift's collations are CASE_SENSITIVE and CASE_INSENSITIVE (CS, CI)."""
    collation = node.expression if isinstance(node, exp.Collate) else node.this
    return isinstance(collation, exp.Expr) and collation.name.lower() not in _REDSHIFT_COLLATIONS


def _is_constant_table(node: exp.Expr) -> bool:
    """VALUES anywhere but as the rows of an INSERT; a statement of its own VALUES (...) is read as a call of VALUES
    (which it is too as the rows of MERGE's INSERT)."""
    if isinstance(node, exp.Values):
        return not isinstance(node.parent, exp.Insert)
    return isinstance(node, exp.Anonymous) and node.parent is None and node.name.upper() == "VALUES"


def _is_table_function(node: exp.Expr) -> bool:
    """CREATE FUNCTION ... RETURNS TABLE (...), or RETURNS SETOF type (which sqlglot cannot parse: a Command)."""
    if isinstance(node, exp.ReturnsProperty):
        return bool(node.args.get("is_table")) or isinstance(node.this, exp.Schema)
    words = command_text(node).upper().split() if isinstance(node, exp.Command) else []
    return "FUNCTION" in words[:4] and ("RETURNS", "SETOF") in pairwise(words)


def _statement_word(word: str) -> Callable[[exp.Expr], bool]:
    """`WORD name`, which sqlglot reads as a column aliased (LISTEN chan): a statement of its own."""
    return node_is(
        exp.Alias,
        where=lambda alias: (
            alias.parent is None and isinstance(alias.this, exp.Column) and alias.this.name.upper() == word
        ),
    )


def _is_interval_without_fields(node: exp.Expr) -> bool:
    return isinstance(node, exp.DataType) and node.this == exp.DType.INTERVAL and not node.expressions


BY_AMAZON_REDSHIFT: list[Rule] = [
    reject("INSERT ... ON CONFLICT", node_is(exp.OnConflict)),
    reject("RETURNING", node_is(exp.Returning)),
    reject_type("SERIAL", type_is(exp.DType.SERIAL)),
    reject_type("BIGSERIAL", type_is(exp.DType.BIGSERIAL)),
    reject_type("SMALLSERIAL", type_is(exp.DType.SMALLSERIAL)),
    reject_type("The array type", type_is(exp.DType.ARRAY)),
    reject(  # the leader node reads arrays in the catalog's queries (sqlalchemy-redshift's reflection sends one)
        "ARRAY[...]",
        node_is(exp.Array, where=lambda a: a.args.get("bracket_notation") and not reads_only_the_catalog(a.root())),
    ),
    reject_type("The JSON type", type_is(exp.DType.JSON), hint="use SUPER"),
    reject_type("The BYTEA type", type_is(exp.DType.BINARY), hint="use VARBYTE"),
    reject_type(
        "An INTERVAL column without fields",
        lambda node: _is_interval_without_fields(node) and table_column(node) is not None,
        hint="use INTERVAL YEAR TO MONTH or INTERVAL DAY TO SECOND",
    ),
    reject_type("The JSONB type", type_is(exp.DType.JSONB), hint="use SUPER"),
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
    reject(  # the guide's banner: no new Python UDFs from Patch 198, and none used after June 30, 2026
        "CREATE FUNCTION ... LANGUAGE plpythonu",
        node_is(exp.Create, where=_is_python_function),
        hint="Python UDFs reached their end of support; use a SQL or Lambda UDF",
    ),
    reject("CREATE EXTENSION", command_is("CREATE", "EXTENSION")),
    reject(
        "CREATE EXTERNAL SCHEMA",
        command_is("CREATE", "EXTERNAL", "SCHEMA"),
        by="the local Redshift",
        hint="it has no Data Catalog, datashares or federated databases to reference; create a local schema",
    ),
    # The "Unsupported PostgreSQL data types" page.
    reject("CREATE TYPE", creates("TYPE"), hint="composite and enumerated types are not supported"),
    Rule("Unsupported PostgreSQL data types", node_is(exp.DataType, where=_is_unsupported_type), refuse_type),
    Rule(
        "Object identifier and special character types",
        node_is(exp.ColumnDef, where=lambda column: _internal_type(column) is not None),
        refuse_internal_type,
    ),
    PSEUDO_TYPE_COLUMNS,
    # The "Unsupported PostgreSQL features" page.
    reject("Table partitioning (PARTITION BY)", node_is(exp.PartitionedByProperty, where=_is_postgresql_partitioning)),
    reject("Table partitioning (PARTITION OF)", node_is(exp.PartitionedOfProperty)),
    reject("TABLESPACE", node_is(exp.TableSpaceProperty)),
    reject("CREATE TABLESPACE", command_is("CREATE", "TABLESPACE")),
    reject("A CHECK constraint", node_is(exp.CheckColumnConstraint)),
    reject("An exclusion constraint (EXCLUDE)", node_is(exp.ExcludeColumnConstraint)),
    reject(
        "A locale-specific or user-defined collation",
        node_is(exp.Collate, exp.CollateColumnConstraint, where=_is_locale_collation),
        hint="use COLLATE CASE_SENSITIVE or CASE_INSENSITIVE",
    ),
    reject("A row constructor (ROW(...))", call_of("ROW")),
    reject("A VALUES list used as a constant table", _is_constant_table),
    reject("A table function (RETURNS TABLE, RETURNS SETOF)", _is_table_function),
    reject("CREATE FOREIGN TABLE (SQL/MED)", command_is("CREATE", "FOREIGN")),
    reject("CREATE SERVER (SQL/MED)", command_is("CREATE", "SERVER")),
    reject("CREATE USER MAPPING (SQL/MED)", command_is("CREATE", "USER", "MAPPING")),
    reject("LISTEN", _statement_word("LISTEN")),
    reject("UNLISTEN", _statement_word("UNLISTEN")),
    reject("NOTIFY", _statement_word("NOTIFY")),
    reject("DISCARD", _statement_word("DISCARD")),  # no command of the "SQL commands" page
    # The window function syntax: the frame clause is ROWS.
    reject("A RANGE window frame", _frame_of("RANGE"), hint="use ROWS"),
    reject("A GROUPS window frame", _frame_of("GROUPS"), hint="use ROWS"),
    reject(
        "An aggregate window function with ORDER BY and no frame clause",
        node_is(exp.Window, where=_is_ordered_aggregate_without_frame),
        hint="an ORDER BY in the OVER clause of an aggregate function requires an explicit ROWS frame clause",
    ),
    reject(
        "EXCLUDE in a window frame", node_is(exp.WindowSpec, where=lambda spec: spec.args.get("exclude") is not None)
    ),
    # The MEDIAN page's syntax: MEDIAN(median_expression), without DISTINCT.
    reject("MEDIAN(DISTINCT ...)", node_is(exp.Median, where=lambda median: isinstance(median.this, exp.Distinct))),
    # The "Unsupported PostgreSQL functions" page.
    reject(
        "ROLLBACK TO SAVEPOINT",
        node_is(exp.Rollback, where=lambda rollback: rollback.args.get("savepoint") is not None),
    ),
    *UNSUPPORTED_FUNCTIONS,
]
"""SQL that Amazon Redshift rejects."""

BY_THE_LOCAL_REDSHIFT: list[Rule] = [
    # sqlglot reads APPROXIMATE PERCENTILE_DISC without its WITHIN GROUP order (ASC or DESC).
    reject(
        "APPROXIMATE PERCENTILE_DISC", node_is(exp.ApproxQuantile), by="the local Redshift", hint="use PERCENTILE_DISC"
    ),
    # r_FROM_clause-pivot-unpivot-examples.html: Redshift's PIVOT and UNPIVOT, which sqlglot cannot write for PostgreSQL
    reject(
        "PIVOT",
        node_is(exp.Pivot, where=lambda pivot: not pivot.args.get("unpivot")),
        by="the local Redshift",
        hint="aggregate CASE WHEN expressions with GROUP BY",
    ),
    reject(
        "UNPIVOT",
        node_is(exp.Pivot, where=lambda pivot: bool(pivot.args.get("unpivot"))),
        by="the local Redshift",
        hint="UNION ALL one SELECT per column",
    ),
]
"""What Amazon Redshift accepts but the local Redshift does not do."""
