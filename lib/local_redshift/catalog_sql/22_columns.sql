-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).
-- The schemas, tables and columns of the cluster's database, as Redshift's SVV_COLUMNS and SVV_ALL_* views list
-- them (the local Redshift has no external schemas and no datashares: every schema is local).

-- Columns of the tables and views the user may see, as Redshift's SVV_COLUMNS.
CREATE OR REPLACE VIEW redshift_system.svv_columns AS
SELECT
    redshift_system.current_database()::text AS table_catalog,
    c.table_schema::text AS table_schema,
    c.table_name::text AS table_name,
    c.column_name::text AS column_name,
    c.ordinal_position::integer AS ordinal_position,
    c.column_default::text AS column_default,
    c.is_nullable::text AS is_nullable,
    CASE WHEN c.data_type = 'USER-DEFINED' AND c.udt_schema = 'redshift_system' THEN c.udt_name
        ELSE c.data_type END::text AS data_type,  -- the catalog's own types by their names (super, geometry, varbyte)
    c.character_maximum_length::integer AS character_maximum_length,
    c.numeric_precision::integer AS numeric_precision,
    c.numeric_precision_radix::integer AS numeric_precision_radix,
    c.numeric_scale::integer AS numeric_scale,
    c.datetime_precision::integer AS datetime_precision,
    c.interval_type::text AS interval_type,
    c.interval_precision::text AS interval_precision,
    c.character_set_catalog::text AS character_set_catalog,
    c.character_set_schema::text AS character_set_schema,
    c.character_set_name::text AS character_set_name,
    c.collation_catalog::text AS collation_catalog,
    c.collation_schema::text AS collation_schema,
    c.collation_name::text AS collation_name,
    c.domain_name::text AS domain_name,
    pg_catalog.col_description(format('%I.%I', c.table_schema, c.table_name)::regclass, c.ordinal_position::integer)
        ::text AS remarks
FROM information_schema.columns c
WHERE c.table_schema NOT IN ('redshift_system', 'pg_toast')
  AND NOT pg_catalog.pg_is_other_temp_schema(pg_catalog.quote_ident(c.table_schema)::regnamespace);  -- a name may hold spaces

-- Schemas of the cluster's database, as Redshift's SVV_ALL_SCHEMAS.
CREATE OR REPLACE VIEW redshift_system.svv_all_schemas AS
SELECT
    redshift_system.current_database()::varchar(128) AS database_name,
    n.nspname::varchar(128) AS schema_name,
    n.nspowner::integer AS schema_owner,
    'local'::varchar(128) AS schema_type,
    array_to_string(n.nspacl, ',')::varchar(128) AS schema_acl,
    NULL::varchar(128) AS source_database,
    NULL::varchar(256) AS schema_option
FROM pg_catalog.pg_namespace n
WHERE n.nspname NOT IN ('redshift_system', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
  AND pg_catalog.has_schema_privilege(n.oid, 'USAGE');

-- Tables and views of the cluster's database, as Redshift's SVV_ALL_TABLES (columns in the order of the page's
-- sample output; table_type TABLE or VIEW).
CREATE OR REPLACE VIEW redshift_system.svv_all_tables AS
SELECT
    redshift_system.current_database()::varchar(128) AS database_name,
    n.nspname::varchar(128) AS schema_name,
    c.relname::varchar(128) AS table_name,
    CASE WHEN c.relkind IN ('v', 'm') THEN 'VIEW' ELSE 'TABLE' END::varchar(128) AS table_type,
    array_to_string(c.relacl, ',')::varchar(128) AS table_acl,
    pg_catalog.obj_description(c.oid, 'pg_class')::varchar(256) AS remarks
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm')
  AND n.nspname NOT IN ('redshift_system', 'pg_catalog', 'information_schema', 'pg_toast')
  AND NOT pg_catalog.pg_is_other_temp_schema(n.oid)
  AND pg_catalog.has_table_privilege(c.oid, 'SELECT');

-- Columns of the tables and views of SVV_ALL_TABLES, as Redshift's SVV_ALL_COLUMNS.
CREATE OR REPLACE VIEW redshift_system.svv_all_columns AS
SELECT
    c.table_catalog::varchar(128) AS database_name,
    c.table_schema::varchar(128) AS schema_name,
    c.table_name::varchar(128) AS table_name,
    c.column_name::varchar(128) AS column_name,
    c.ordinal_position AS ordinal_position,
    c.column_default::varchar(4000) AS column_default,
    c.is_nullable::varchar(3) AS is_nullable,
    c.data_type::varchar(128) AS data_type,
    c.character_maximum_length AS character_maximum_length,
    c.numeric_precision AS numeric_precision,
    c.numeric_scale AS numeric_scale,
    c.remarks::varchar(256) AS remarks
FROM redshift_system.svv_columns c
WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema');
