"""The databases a cluster's users make with CREATE DATABASE, beside the cluster's own: "CREATE DATABASE" (Developer
Guide) makes a database of the cluster that clients then connect to by its name, with the cluster's users.

In the cluster's warehouse such a database is a PostgreSQL database of that name, owned by the user who made it; at
its first login it gets the Redshift catalog, as the cluster's own database has."""

from __future__ import annotations

import psycopg
from psycopg import sql

from local_redshift.catalog import SCHEMA, install
from local_redshift.serverless import catalog as serverless_catalog

_SERVERS_OWN = ("postgres", "template0", "template1")


def made_by_users(admin: psycopg.Connection, name: str, internal_prefix: str) -> bool:
    """Whether the warehouse holds database `name`, made by a user of the cluster: neither the server's own
    databases nor the cluster's (its internal name) nor one the server's superuser owns."""
    if name in _SERVERS_OWN or name.startswith(internal_prefix):
        return False
    row = admin.execute(
        "SELECT 1 FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba"
        " WHERE d.datname = %s AND NOT r.rolsuper AND d.datallowconn",
        [name],
    ).fetchone()
    return row is not None


def prepare(pinned_conninfo: str, serverless: bool) -> None:
    """Give the database the Redshift catalog once (a serverless namespace's, its views of Serverless too), and
    PUBLIC's CREATE and USAGE on schema public (as the cluster's own database has them)."""
    with psycopg.connect(pinned_conninfo, autocommit=True) as connection:
        if connection.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", [SCHEMA]).fetchone() is not None:
            return
        install(connection)
        if serverless:
            serverless_catalog.install(connection)
        owner = connection.execute(
            "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"
        ).fetchone()[0]
        connection.execute(sql.SQL("ALTER SCHEMA public OWNER TO {}").format(sql.Identifier(owner)))
        connection.execute("GRANT CREATE, USAGE ON SCHEMA public TO PUBLIC")
