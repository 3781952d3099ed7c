"""DDL commands whose Redshift meaning PostgreSQL lacks: TRUNCATE that commits, ANALYZE's choice of columns, and
ALTER TABLE APPEND and late-binding views (CREATE VIEW ... WITH NO SCHEMA BINDING), run by procedures of the catalog
(schema redshift_system)."""

from __future__ import annotations

import json
import re

from sqlglot import exp

from local_redshift.catalog import SCHEMA
from local_redshift.errors import ENCODE_TWICE, RedshiftError, SqlState, UnsupportedFeature
from local_redshift.translation.names import folded, stored_name, written_name
from local_redshift.translation.rule import Context, Rule, command_text, creates, node_is, string_literal

_NAME = r'(?:"(?:[^"]|"")+"|[^\s."]+)'
_APPEND = re.compile(
    rf"ALTER\s+TABLE\s+({_NAME}(?:\.{_NAME})?)\s+APPEND\s+FROM\s+({_NAME}(?:\.{_NAME})?)"
    r"(?:\s+(IGNOREEXTRA|FILLTARGET))?\s*",
    re.I,
)
_ENCODE = re.compile(
    rf"ALTER\s+TABLE\s+({_NAME}(?:\.{_NAME})?)\s+"
    rf"((?:ALTER\s+COLUMN\s+{_NAME}\s+ENCODE\s+\w+\s*,?\s*)+|ALTER\s+ENCODE\s+AUTO)\s*",
    re.I,
)
_COLUMN_ENCODE = re.compile(rf"ALTER\s+COLUMN\s+({_NAME})\s+ENCODE\s+(\w+)", re.I)


def _is_encode(command: exp.Command) -> bool:
    return isinstance(command, exp.Command) and _ENCODE.fullmatch(command_text(command)) is not None


def alter_encodings(command: exp.Command, context: Context) -> exp.Expr:
    """ALTER TABLE t ALTER COLUMN c ENCODE e [, ...] records each column's encoding, which the catalog reports
    (PG_TABLE_DEF, format_encoding), once the catalog has checked the change (check_encoding_change); ALTER ENCODE
    AUTO leaves every column's to Redshift again (r_ALTER_TABLE.html). A column is altered once in a command."""
    match = _ENCODE.fullmatch(command_text(command))
    assert match is not None
    table, changes = match.groups()
    encodings: dict[str, str] = {}
    for column, written in _COLUMN_ENCODE.findall(changes):
        name = written_name(column)
        if name in encodings:
            raise RedshiftError(ENCODE_TWICE.format(column=name), sqlstate=SqlState.SYNTAX_ERROR)
        encodings[name] = encoding(written)
    if encodings:
        changed = _literal(json.dumps(encodings))
        context.before.append(f"SELECT {SCHEMA}.check_encoding_change({_literal(_folded(table))}, {changed}::jsonb)")
    return exp.Command(this="CALL", expression=string_literal(encodings_call(_folded(table), encodings)))


ENCODINGS = (
    "raw", "az64", "bytedict", "delta", "delta32k", "lzo", "mostly8", "mostly16", "mostly32", "runlength", "text255",
    "text32k", "zstd",
)  # fmt: skip
"""The compression encodings Redshift has (c_Compression_encodings.html)."""


def encoding(written: str) -> str:
    """A column's ENCODE as the catalog keeps it (lower case); one the page does not list is refused by name."""
    if written.lower() not in ENCODINGS:
        hint = "its compression encodings are " + ", ".join(name.upper() for name in ENCODINGS)
        raise UnsupportedFeature.of(f"ENCODE {written}", hint=hint)
    return written.lower()


def encodings_call(table: str, encodings: dict[str, str]) -> str:
    """The catalog's call recording `encodings` (column -> encoding; none: ENCODE AUTO) for `table` (PostgreSQL's
    name of it), to follow CALL."""
    return f"{SCHEMA}.alter_column_encodings({_literal(table)}, {_literal(json.dumps(encodings))}::jsonb)"


def renamed_column_design(alter: exp.Alter, context: Context) -> exp.Expr:
    """ALTER TABLE ... RENAME COLUMN: the catalog follows the column in the table's design (r_ALTER_TABLE.html)."""
    table = _literal(alter.this.sql(dialect="postgres"))
    for action in alter.args.get("actions") or []:
        if isinstance(action, exp.RenameColumn):
            old, new = _literal(stored_name(action.this)), _literal(stored_name(action.args["to"]))
            context.bookkeeping.append(f"CALL {SCHEMA}.rename_design_column({table}, {old}, {new})")
    return alter


def truncate_commits(truncate: exp.TruncateTable, context: Context) -> exp.Expr:
    """TRUNCATE commits the transaction in which it is run: it stays truncated after a ROLLBACK."""
    context.bookkeeping.append("COMMIT")
    return truncate


def _is_append(command: exp.Command) -> bool:
    return isinstance(command, exp.Command) and _APPEND.fullmatch(command_text(command)) is not None


def append_from(command: exp.Command, _: Context) -> exp.Expr:
    """ALTER TABLE target APPEND FROM source [IGNOREEXTRA | FILLTARGET]: the catalog moves the rows and commits."""
    match = _APPEND.fullmatch(command_text(command))
    assert match is not None
    target, source, extra = match.groups()
    mode = "NULL" if extra is None else _literal(extra.upper())
    call = f"{SCHEMA}.append_table({_literal(_folded(target))}, {_literal(_folded(source))}, {mode})"
    return exp.Command(this="CALL", expression=string_literal(call))


def _folded(name: str) -> str:
    """A Redshift table name as PostgreSQL reads it: each part as Redshift folds it, a "Quoted" one quoted."""
    return ".".join(
        exp.to_identifier(written_name(part), quoted=True).sql("postgres") if part.startswith('"') else folded(part)
        for part in re.findall(_NAME, name)
    )


def _literal(value: str) -> str:
    return string_literal(value).sql(dialect="postgres")


def late_binding_view(create: exp.Create, _: Context) -> exp.Expr:
    """CREATE VIEW ... WITH NO SCHEMA BINDING: every table schema-qualified; bound to none, made even before they
    exist."""
    query = create.expression
    ctes = {cte.alias_or_name.lower() for cte in query.find_all(exp.CTE)}
    for table in query.find_all(exp.Table):
        if not table.db and table.name.lower() not in ctes:
            raise RedshiftError(
                f'relation "{table.name}" in a late-binding view (WITH NO SCHEMA BINDING) must be qualified '
                "with a schema name",
                sqlstate=SqlState.UNDEFINED_TABLE,
            )
    schema = create.this if isinstance(create.this, exp.Schema) else None
    view = (schema.this if schema else create.this).sql(dialect="postgres")
    columns = [_literal(column.name) for column in schema.expressions] if schema else []
    arguments = (
        _literal(view),
        "true" if create.args.get("replace") else "false",
        f"ARRAY[{', '.join(columns)}]::text[]" if columns else "NULL",
        _literal(query.sql(dialect="postgres")),
    )
    call = f"{SCHEMA}.create_late_binding_view({', '.join(arguments)})"
    return exp.Command(this="CALL", expression=string_literal(call))


_KEYS = (exp.PrimaryKey, exp.UniqueColumnConstraint, exp.ForeignKey)


def _keys_added(alter: exp.Alter) -> list[exp.Expr]:
    """The PRIMARY KEY, UNIQUE and FOREIGN KEY constraints an ALTER TABLE ... ADD adds; [] if it does more."""
    keys = []
    for action in alter.args.get("actions") or []:
        if not isinstance(action, exp.AddConstraint):
            return []
        for constraint in action.expressions:
            keys += constraint.expressions if isinstance(constraint, exp.Constraint) else [constraint]
    return keys if keys and all(isinstance(key, _KEYS) for key in keys) else []


def informational_keys_added(alter: exp.Alter, context: Context) -> exp.Expr:
    """ALTER TABLE ... ADD PRIMARY KEY | UNIQUE | FOREIGN KEY: not enforced by Redshift. The columns must exist
    (SET STATISTICS -1 is the default, which changes nothing); a primary key's must be NOT NULL already ("You can't
    add a primary-key constraint to a nullable column", r_ALTER_TABLE.html), which the catalog checks first."""
    actions = []
    table = alter.this.sql(dialect="postgres")
    for key in _keys_added(alter):
        columns = key.this.expressions if isinstance(key, exp.UniqueColumnConstraint) else key.expressions
        actions += [f"ALTER COLUMN {column.sql(dialect='postgres')} SET STATISTICS -1" for column in columns]
        if isinstance(key, exp.PrimaryKey):
            names = ", ".join(_literal(stored_name(column)) for column in columns)
            context.before.append(f"SELECT {SCHEMA}.check_primary_key_columns({_literal(table)}, ARRAY[{names}])")
    return exp.Command(this="ALTER", expression=string_literal(f"TABLE {table} {', '.join(actions)}"))


def analyze_columns(analyze: exp.Analyze, _: Context) -> exp.Expr:
    """ANALYZE ... PREDICATE COLUMNS | ALL COLUMNS: PostgreSQL analyzes the table (or the columns listed)."""
    analyze.set("expression", None)
    return analyze


TRUNCATE_COMMITS = Rule("TRUNCATE", node_is(exp.TruncateTable), truncate_commits)
APPEND_FROM = Rule("ALTER TABLE ... APPEND FROM", _is_append, append_from)
RENAMED_COLUMN_DESIGN = Rule(
    "ALTER TABLE ... RENAME COLUMN",
    node_is(
        exp.Alter, where=lambda alter: any(isinstance(a, exp.RenameColumn) for a in alter.args.get("actions") or [])
    ),
    renamed_column_design,
)
ALTER_ENCODINGS = Rule("ALTER TABLE ... ALTER COLUMN ... ENCODE, ALTER ENCODE AUTO", _is_encode, alter_encodings)
INFORMATIONAL_KEYS_ADDED = Rule(
    "ALTER TABLE ... ADD PRIMARY KEY, UNIQUE, FOREIGN KEY",
    node_is(exp.Alter, where=lambda alter: bool(_keys_added(alter))),
    informational_keys_added,
)
ANALYZE_COLUMNS = Rule(
    "ANALYZE ... PREDICATE COLUMNS | ALL COLUMNS",
    node_is(exp.Analyze, where=lambda analyze: isinstance(analyze.expression, exp.AnalyzeColumns)),
    analyze_columns,
)
LATE_BINDING_VIEW = Rule(
    "CREATE VIEW ... WITH NO SCHEMA BINDING",
    lambda node: creates("VIEW")(node) and bool(node.args.get("no_schema_binding")),
    late_binding_view,
)
