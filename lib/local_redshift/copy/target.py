"""The target table as the catalog describes it, read over the client's session."""

from __future__ import annotations

from dataclasses import dataclass

from local_redshift.copy.errors import CopyError
from local_redshift.copy.interfaces import Backend
from local_redshift.errors import SqlState

_VARLENA_HEADER = 4
_TABLE_KINDS = {"r", "p"}
_VARBYTE_BYTES = r"varbyte_fits\(.*, (\d+)\)\)$"
"""The n in the check of a VARBYTE(n) column's length, CHECK (redshift_system.varbyte_fits(c, n))."""


@dataclass(frozen=True)
class Column:
    """One column: its PostgreSQL type and the properties COPY checks."""

    name: str
    type_name: str
    type_modifier: int
    not_null: bool
    identity: bool
    generated: bool
    varbyte_bytes: int | None = None
    """The n of a VARBYTE(n) column, which PostgreSQL checks by a constraint (translation.varbytes)."""

    @property
    def length(self) -> int | None:
        """The declared length of a CHAR or VARCHAR (Redshift counts it in bytes); None when unbounded."""
        if self.type_name in ("varchar", "bpchar") and self.type_modifier >= _VARLENA_HEADER:
            return self.type_modifier - _VARLENA_HEADER
        return None

    @property
    def precision_and_scale(self) -> tuple[int, int] | None:
        """NUMERIC(p, s); None when the precision is not declared."""
        if self.type_name != "numeric" or self.type_modifier < _VARLENA_HEADER:
            return None
        packed = self.type_modifier - _VARLENA_HEADER
        return (packed >> 16) & 0xFFFF, packed & 0xFFFF


@dataclass(frozen=True)
class TargetTable:
    """The table a COPY loads, and the user loading it."""

    oid: int
    schema: str
    name: str
    columns: tuple[Column, ...]
    user_id: int

    @property
    def qualified_name(self) -> str:
        return f"{quote_identifier(self.schema)}.{quote_identifier(self.name)}"


def quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def describe_table(backend: Backend, schema: str | None, table: str) -> TargetTable:
    """Find the table (in `schema`, or on the search_path) and read its columns."""
    name = f"{quote_identifier(schema)}.{quote_identifier(table)}" if schema else quote_identifier(table)
    found = backend.fetch(
        "SELECT c.oid::text, n.nspname, c.relname, c.relkind::text,"
        " (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)::text"
        " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        f" WHERE c.oid = pg_catalog.to_regclass({quote_literal(name)})"
    )
    shown = f"{schema}.{table}" if schema else table
    if not found:
        raise CopyError(f'relation "{shown}" does not exist', sqlstate=SqlState.UNDEFINED_TABLE)
    oid, schema_name, relation, kind, user_id = found[0]
    if kind not in _TABLE_KINDS:
        raise CopyError(f'"{relation}" is not a table', sqlstate=SqlState.WRONG_OBJECT_TYPE)
    rows = backend.fetch(
        "SELECT a.attname, t.typname, a.atttypmod::text, a.attnotnull::text, (a.attidentity <> '')::text,"
        " (a.attgenerated <> '')::text,"
        f" (SELECT substring(pg_catalog.pg_get_constraintdef(k.oid) from {quote_literal(_VARBYTE_BYTES)})"
        " FROM pg_catalog.pg_constraint k WHERE k.conrelid = a.attrelid AND k.contype = 'c'"
        " AND k.conname = a.attname || '_varbyte_bytes' AND k.conkey = ARRAY[a.attnum])"
        " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
        f" WHERE a.attrelid = {int(oid)} AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"
    )
    columns = tuple(
        Column(
            name=row[0],
            type_name=row[1],
            type_modifier=int(row[2]),
            not_null=_flag(row[3]),
            identity=_flag(row[4]),
            generated=_flag(row[5]),
            varbyte_bytes=int(row[6]) if row[6] else None,
        )
        for row in rows
    )
    return TargetTable(int(oid), schema_name, relation, columns, int(user_id or 0))


def _flag(text: str | None) -> bool:
    return text in ("true", "t")


def load_columns(table: TargetTable, requested: tuple[str, ...] | None, *, explicit_ids: bool) -> tuple[Column, ...]:
    """The columns COPY fills, in order: the column list, or every column but IDENTITY and generated ones."""
    if requested is None:
        return tuple(
            column for column in table.columns if not column.generated and (explicit_ids or not column.identity)
        )
    by_name = {column.name: column for column in table.columns}
    chosen: list[Column] = []
    for name in requested:
        column = by_name.get(name)
        if column is None:
            raise CopyError(
                f'column "{name}" of relation "{table.name}" does not exist', sqlstate=SqlState.UNDEFINED_COLUMN
            )
        if column in chosen:
            raise CopyError(f'column "{name}" specified more than once', sqlstate=SqlState.DUPLICATE_COLUMN)
        if column.identity and not explicit_ids:
            raise CopyError(
                f'cannot set an identity column to a value: "{name}" (use EXPLICIT_IDS)',
                sqlstate=SqlState.GENERATED_ALWAYS,
            )
        chosen.append(column)
    left_out = [column.name for column in table.columns if column.identity and column not in chosen]
    if explicit_ids and left_out:
        # "If the command includes a column list, that list must include the IDENTITY columns to use this parameter."
        raise CopyError(
            f'EXPLICIT_IDS needs the IDENTITY column "{left_out[0]}" in the column list',
            sqlstate=SqlState.SYNTAX_ERROR,
        )
    return tuple(chosen)
