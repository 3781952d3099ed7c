"""Running Redshift SQL through the translation, as the endpoint does."""

from __future__ import annotations

import psycopg

from local_redshift.catalog import install
from local_redshift.postgres import PostgresServer
from local_redshift.translation import translate


def catalog_database(postgres: PostgresServer, name: str) -> str:
    """A fresh database `name` with the Redshift catalog installed; its connection string."""
    with psycopg.connect(postgres.conninfo(), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name}")
    with psycopg.connect(postgres.conninfo(name), autocommit=True) as conn:
        install(conn)
    return postgres.conninfo(name)


def run(conn: psycopg.Connection, sql: str) -> list[tuple]:
    """Run Redshift `sql` as the endpoint does (each statement's PostgreSQL in one transaction); the last rows."""
    rows: list[tuple] = []
    for statement in translate(sql):
        with conn.transaction():
            for position, postgres in enumerate(statement.postgres):
                cursor = conn.execute(postgres.encode())
                if position == 0:
                    rows = cursor.fetchall() if cursor.description else []
    return rows


def one(conn: psycopg.Connection, sql: str) -> object:
    """The single value the Redshift query `sql` returns."""
    [(value,)] = run(conn, sql)
    return value


def column_names(conn: psycopg.Connection, sql: str) -> list[str]:
    [statement] = translate(sql)
    cursor = conn.execute(statement.postgres[0].encode())
    return [column.name for column in cursor.description or []]
