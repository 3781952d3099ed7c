"""The Data API's catalog calls (ListDatabases, ListSchemas, ListTables, DescribeTable), answered at once by
queries over a session of the local Redshift endpoint, as the target's user."""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg import sql

from local_redshift.data_api import exceptions
from local_redshift.data_api.records import TYPE_NAMES

_HIDDEN = "('redshift_system', 'pg_catalog', 'information_schema', 'pg_toast')"

_SCHEMAS = "SELECT schema_name FROM svv_all_schemas WHERE schema_name LIKE {} ORDER BY schema_name"
_TABLES = (
    "SELECT schema_name, table_name, table_type FROM svv_all_tables"
    " WHERE schema_name LIKE {} AND table_name LIKE {} ORDER BY schema_name, table_name"
)
_COLUMNS = (
    "SELECT n.nspname, c.relname, a.attname, a.atttypid::bigint, a.atttypmod, a.attnotnull"
    " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
    " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
    f" WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname NOT IN {_HIDDEN}"
    " AND n.nspname LIKE {} AND c.relname LIKE {} ORDER BY n.nspname, c.relname, a.attnum"
)


def list_databases(connection: psycopg.Connection) -> list[str]:
    """The cluster's databases: the local Redshift keeps one per cluster or workgroup."""
    return [row[0] for row in connection.execute("SELECT current_database()").fetchall()]


def list_schemas(connection: psycopg.Connection, pattern: str | None) -> list[str]:
    return [row[0] for row in _rows(connection, _SCHEMAS, pattern or "%")]


def list_tables(connection: psycopg.Connection, schemas: str | None, tables: str | None) -> list[dict[str, str]]:
    rows = _rows(connection, _TABLES, schemas or "%", tables or "%")
    return [{"schema": schema, "name": name, "type": kind} for schema, name, kind in rows]


def describe_table(connection: psycopg.Connection, schema: str | None, table: str | None) -> list[dict[str, Any]]:
    """ColumnMetadata of every column of the matching tables (all of them when no table is named)."""
    columns = []
    for schema_name, table_name, column, oid, modifier, not_null in _rows(
        connection, _COLUMNS, schema or "%", table or "%"
    ):
        precision, scale = 0, 0
        if oid == 1700 and modifier >= 4:
            precision, scale = ((modifier - 4) >> 16) & 0xFFFF, (modifier - 4) & 0xFFFF
        length = modifier - 4 if oid in (1042, 1043) and modifier >= 4 else 0
        columns.append({
            "name": column, "label": column, "typeName": TYPE_NAMES.get(int(oid), str(oid)), "length": length,
            "precision": precision, "scale": scale, "nullable": 0 if not_null else 1,
            "isSigned": oid in (20, 21, 23, 700, 701, 1700),
            "isCaseSensitive": oid in (18, 25, 1042, 1043), "isCurrency": False, "schemaName": schema_name,
            "tableName": table_name,
        })  # fmt: skip
    return columns


def _rows(connection: psycopg.Connection, query: str, *patterns: str) -> list[tuple]:
    composed = sql.SQL(query).format(*(sql.Literal(pattern) for pattern in patterns))
    try:
        return connection.execute(composed).fetchall()
    except psycopg.Error as error:
        raise exceptions.invalid(f"the catalog query failed: {error}") from None
