-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).
-- PG_GET_VIEWDEF() of a late-binding view is its whole DDL, CREATE VIEW <name> AS <query> WITH NO SCHEMA BINDING (as
-- sqlalchemy-redshift's tests find it on Redshift), not the late_binding_rows() call that runs it here
-- (10_schema_and_table_design.sql); of any other view, PostgreSQL's.
CREATE OR REPLACE FUNCTION redshift_system.late_binding_query(view_id oid) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT replace(substring(pg_catalog.pg_get_viewdef(view_id)
                             FROM $re$redshift_system\.late_binding_rows\('((?:[^']|'')*)'::text\)$re$), '''''', '''')
$$;

CREATE OR REPLACE FUNCTION redshift_system.pg_get_viewdef(view_id oid, pretty boolean DEFAULT false) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce(
        'CREATE VIEW ' || view_id::regclass::text || ' AS ' || redshift_system.late_binding_query(view_id)
            || ' WITH NO SCHEMA BINDING',
        pg_catalog.pg_get_viewdef(view_id, pretty))
$$;

CREATE OR REPLACE FUNCTION redshift_system.pg_get_viewdef(view_id oid, wrap_column integer) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN redshift_system.late_binding_query(view_id) IS NOT NULL
                THEN redshift_system.pg_get_viewdef(view_id)
                ELSE pg_catalog.pg_get_viewdef(view_id, wrap_column) END
$$;

CREATE OR REPLACE FUNCTION redshift_system.pg_get_viewdef(view_name text, pretty boolean DEFAULT false) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT redshift_system.pg_get_viewdef(view_name::regclass::oid, pretty)
$$;
