"""The Redshift system catalog inside PostgreSQL: schema `redshift_system`, defined in catalog_sql/*.sql.

It holds what Redshift knows and PostgreSQL does not (each table's DISTSTYLE, DISTKEY, SORTKEY and column
encodings), Redshift's system views (SVV_*, STV_*, STL_*, SYS_*, PG_TABLE_DEF) over it and over the load and
query history the endpoint writes, and the SQL functions the translated statements call.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from importlib.resources import files

import psycopg

log = logging.getLogger(__name__)

SCHEMA = "redshift_system"

INTERNAL_PREFIX = "rs_"
"""How the names of the databases the local Redshift keeps for itself in a cluster's server start: the cluster's own
database as PostgreSQL names it, and the catalog's template."""

SERVER_DATABASES = ("postgres", "template0", "template1")
"""PostgreSQL's own databases, in every cluster's server: none of the cluster's."""

TEMPLATE_DATABASE = INTERNAL_PREFIX + "redshift_catalog"
"""The database of each warehouse that holds the catalog alone: CREATE DATABASE copies it (a template no one may
connect to), so that every database of a cluster has the catalog from its first moment."""


def catalog_sql() -> str:
    """The catalog's SQL files, shipped inside the package, in the order of their numbers."""
    folder = files(__package__).joinpath("catalog_sql")
    parts = sorted((part for part in folder.iterdir() if part.name.endswith(".sql")), key=lambda part: part.name)
    return "\n".join(part.read_text(encoding="utf-8") for part in parts)


@functools.cache
def version() -> str:
    """A digest of the catalog's SQL: a warehouse whose catalog was made from other SQL (an earlier build's) has it
    refreshed at its next login (local_redshift.endpoint.clusters)."""
    return hashlib.sha256(catalog_sql().encode()).hexdigest()[:16]


# Redshift's own relations and functions, and the PostgreSQL catalog tables Redshift gives columns of its own.
_REDSHIFT_NAME = (
    r"((?:stl|stv|svl|svv|sys)_\w+|pg_table_def|pg_last_\w+|pg_proc_info|pg_get_late_binding_view_cols|format_encoding"
    r"|pg_class|pg_attribute|pg_attrdef|pg_constraint|pg_get_constraintdef|pg_get_viewdef|pg_user|pg_user_info"
    r"|pg_group|pg_database_info|format_type"
    r"|pg_database)"
)
_RELATION = re.compile(rf"CREATE (?:OR REPLACE VIEW|TABLE IF NOT EXISTS) {SCHEMA}\.{_REDSHIFT_NAME}\b", re.I)
_FUNCTION = re.compile(rf"CREATE OR REPLACE FUNCTION {SCHEMA}\.{_REDSHIFT_NAME}\(", re.I)


@functools.cache
def system_relations() -> frozenset[str]:
    """The Redshift system tables and views the catalog defines (STL_, STV_, SVL_, SVV_, SYS_, PG_TABLE_DEF), and
    its versions of PostgreSQL's catalog tables with Redshift's columns (PG_CLASS, PG_ATTRIBUTE...)."""
    return frozenset(name.lower() for name in _RELATION.findall(catalog_sql()))


@functools.cache
def system_functions() -> frozenset[str]:
    """The Redshift system functions the catalog defines under their Redshift names (PG_LAST_COPY_COUNT, ...)."""
    return frozenset(name.lower() for name in _FUNCTION.findall(catalog_sql()))


def install(conn: psycopg.Connection) -> None:
    """Create or refresh schema redshift_system in the connected database, in one transaction.

    Idempotent; needs a superuser (event triggers and SECURITY DEFINER functions).
    """
    log.info("installing the Redshift system catalog in database %s", conn.info.dbname)
    with conn.transaction():
        conn.execute(catalog_sql().encode())
