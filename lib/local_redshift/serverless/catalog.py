"""The catalog of a serverless workgroup's database: Redshift Serverless refuses the STL, STV, SVCS and SVL system
tables and views ("You can't query STL, STV, SVCS, SVL, and some SVV system tables and views with Amazon Redshift
Serverless", the management guide's "Monitoring queries and workloads with Amazon Redshift Serverless") and
answers the SYS monitoring views.

Installed once, after the Redshift catalog, when the endpoint creates the namespace's database: each such view
keeps its columns but raises the refusal when read; STL_LOAD_ERRORS, a table the SYS views read and COPY writes,
is kept under another name (the views follow it) behind a refusing view that takes COPY's inserts.
"""

from __future__ import annotations

import psycopg
from psycopg import sql

from local_redshift.catalog import SCHEMA
from local_redshift.errors import SqlState

REFUSED_PREFIXES = ("stl", "stv", "svcs", "svl")
MESSAGE = "permission denied for relation {}"
HINT = (
    "STL, STV, SVCS and SVL system tables and views cannot be queried on Amazon Redshift Serverless; "
    "query the SYS monitoring views (SYS_LOAD_ERROR_DETAIL, SYS_QUERY_HISTORY, ...)"
)

_SQL = """
CREATE OR REPLACE FUNCTION {schema}.refused_on_serverless(relation text) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = {code}, MESSAGE = format({message}, relation), HINT = {hint};
END $$;

ALTER TABLE {schema}.stl_load_errors RENAME TO serverless_load_errors;

CREATE OR REPLACE FUNCTION {schema}.log_load_error() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO {schema}.serverless_load_errors SELECT NEW.*;
    RETURN NEW;
END $$;

DO $$
DECLARE
    relation record;
    columns text;
BEGIN
    FOR relation IN
        SELECT c.oid, c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = {schema_name} AND c.relkind = 'v' AND c.relname ~ {pattern}
        UNION ALL
        SELECT 'redshift_system.serverless_load_errors'::regclass::oid, 'stl_load_errors'
    LOOP
        SELECT string_agg(format('NULL::%s%s AS %I', pg_catalog.format_type(a.atttypid, a.atttypmod),
                                 coalesce((SELECT ' COLLATE ' || quote_ident(co.collname)
                                           FROM pg_catalog.pg_collation co WHERE co.oid = a.attcollation), ''),
                                 a.attname),
                          ', ' ORDER BY a.attnum)
        INTO columns FROM pg_catalog.pg_attribute a
        WHERE a.attrelid = relation.oid AND a.attnum > 0 AND NOT a.attisdropped;
        EXECUTE format('CREATE OR REPLACE VIEW {schema}.%I AS SELECT %s WHERE {schema}.refused_on_serverless(%L)',
                       relation.relname, columns, relation.relname);
    END LOOP;
END $$;

CREATE TRIGGER log_load_error INSTEAD OF INSERT ON {schema}.stl_load_errors
FOR EACH ROW EXECUTE FUNCTION {schema}.log_load_error();

-- sessions are no superusers: they may read the new view (and be refused by it), as they read the others
GRANT SELECT ON {schema}.stl_load_errors TO PUBLIC;
"""


def install(connection: psycopg.Connection) -> None:
    """Make the connected database (with the Redshift catalog installed) a serverless workgroup's."""
    statements = sql.SQL(_SQL).format(
        schema=sql.Identifier(SCHEMA),
        schema_name=sql.Literal(SCHEMA),
        code=sql.Literal(SqlState.INSUFFICIENT_PRIVILEGE.value),
        message=sql.Literal(MESSAGE.format("%s")),
        hint=sql.Literal(HINT),
        pattern=sql.Literal(f"^({'|'.join(REFUSED_PREFIXES)})_"),
    )
    with connection.transaction():
        connection.execute(statements)
