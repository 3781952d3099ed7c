-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).
-- The catalog as the tools read it (sqlalchemy-redshift, redshift_connector, dbt-redshift): Redshift's catalog tables
-- with the columns Redshift adds to PostgreSQL's, the cluster's database under its own name, and the external
-- (Spectrum) views, empty where nothing is external. translation/system.py points the tools' queries here.

-- PG_CLASS with Redshift's reldiststyle: 0 EVEN, 1 KEY, 8 ALL (PG_CLASS_INFO's page); a table of AUTO distribution
-- has the code of its effective style there, 11 AUTO(EVEN), as SVV_TABLE_INFO shows it AUTO(EVEN).
CREATE OR REPLACE VIEW redshift_system.pg_class AS
SELECT c.*,
       CASE d.diststyle WHEN 'EVEN' THEN 0 WHEN 'KEY' THEN 1 WHEN 'ALL' THEN 8
                        ELSE CASE WHEN d.relid IS NOT NULL THEN 11 ELSE 0 END END::integer AS reldiststyle
FROM pg_catalog.pg_class c
LEFT JOIN redshift_system.table_design d ON d.relid = c.oid;

-- Column encodings by number, as PG_ATTRIBUTE.attencodingtype holds them and FORMAT_ENCODING() names them. The
-- numbers are the local Redshift's own (Redshift does not document its numbering); the names are the
-- compression encodings of the "Compression encodings" page ('none' for RAW, as PG_TABLE_DEF shows it).
CREATE OR REPLACE FUNCTION redshift_system.encoding_names() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ARRAY['none', 'bytedict', 'delta', 'delta32k', 'lzo', 'mostly8', 'mostly16', 'mostly32', 'runlength',
                 'text255', 'text32k', 'zstd', 'az64']
$$;

CREATE OR REPLACE FUNCTION redshift_system.format_encoding(code integer) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (redshift_system.encoding_names())[code + 1]
$$;

-- PG_ATTRIBUTE with Redshift's attisdistkey, attsortkeyord (the position in the sort key; interleaved sort keys
-- alternate the sign, as PG_TABLE_DEF's sortkey does) and attencodingtype. PostgreSQL's columns but attmissingval
-- (of pseudo-type anyarray, which a view cannot show; Redshift has no such column); attnotnull is false for the
-- identity columns declared without NOT NULL (57_identity_columns.sql).
DO $$
BEGIN
    EXECUTE format($view$
        CREATE OR REPLACE VIEW redshift_system.pg_attribute AS
        SELECT %s,
               coalesce(d.diststyle = 'KEY' AND d.distkey = a.attname::text, false) AS attisdistkey,
               coalesce(
                   array_position(d.sortkey, a.attname::text)
                       * CASE WHEN d.sortkey_type = 'INTERLEAVED'
                                   AND array_position(d.sortkey, a.attname::text) %% 2 = 0
                              THEN -1 ELSE 1 END,
                   0
               )::integer AS attsortkeyord,
               CASE WHEN d.relid IS NULL OR a.attnum <= 0 THEN 0
                    ELSE array_position(redshift_system.encoding_names(), redshift_system.column_encoding(
                             d.encodings ->> a.attname::text, a.atttypid, a.attname::text = ANY (d.sortkey))) - 1
               END::smallint AS attencodingtype
        FROM pg_catalog.pg_attribute a
        LEFT JOIN redshift_system.table_design d ON d.relid = a.attrelid
        $view$,
        (SELECT string_agg(CASE attname
                               WHEN 'attnotnull' THEN 'a.attnotnull AND NOT EXISTS (SELECT FROM '
                                   'redshift_system.nullable_identity i WHERE i.relid = a.attrelid '
                                   'AND i.attname = a.attname) AS attnotnull'
                               ELSE format('a.%I', attname) END, ', ' ORDER BY attnum)
         FROM pg_catalog.pg_attribute
         WHERE attrelid = 'pg_catalog.pg_attribute'::regclass AND attnum > 0 AND attname <> 'attmissingval'));
END
$$;

-- PG_ATTRDEF with adsrc, the default's text (PostgreSQL 12 dropped the column; Redshift, on 8.0.2, has it), and a
-- row for each identity column, whose adsrc is "identity"(<table oid>, <column index>, '<seed>,<step>'::text) (the
-- form sqlalchemy-redshift reads back into IDENTITY(seed, step); see translation/identity_columns.py).
CREATE OR REPLACE VIEW redshift_system.pg_attrdef AS
SELECT d.*, pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS adsrc
FROM pg_catalog.pg_attrdef d
UNION ALL
SELECT NULL::oid, a.attrelid, a.attnum, NULL::pg_node_tree,
       format('"identity"(%s, %s, ''%s,%s''::text)', a.attrelid, a.attnum - 1, s.seqstart, s.seqincrement)
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_depend dep ON dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.refobjid = a.attrelid
     AND dep.refobjsubid = a.attnum AND dep.classid = 'pg_catalog.pg_class'::regclass AND dep.deptype = 'i'
JOIN pg_catalog.pg_sequence s ON s.seqrelid = dep.objid
WHERE a.attidentity <> '';

-- The users of the cluster, as PG_USER lists them: every role of the cluster's own PostgreSQL server that logs in
-- but the server's superuser and PostgreSQL's pg_ roles (groups and roles do not log in: 65_users_and_roles.sql);
-- the master user is its superuser (is_superuser: not the owner of a database, unless it is the master user).
CREATE OR REPLACE VIEW redshift_system.pg_user AS
SELECT r.rolname AS usename, r.oid::integer AS usesysid, r.rolcreatedb AS usecreatedb,
       redshift_system.is_superuser(r.rolname) AS usesuper, redshift_system.is_superuser(r.rolname) AS usecatupd,
       '********'::text AS passwd, r.rolvaliduntil AS valuntil,
       (SELECT pg_catalog.array_agg(c) FROM unnest(r.rolconfig) AS c WHERE c NOT LIKE 'createrole\_self\_grant=%')
           AS useconfig  -- the master user's createrole_self_grant is the local Redshift's, no setting of the user
FROM pg_catalog.pg_roles r
WHERE r.oid <> 10 AND r.rolname !~ '^pg_' AND r.rolcanlogin;

-- The database the cluster was created with, by its Redshift name, in any of the cluster's databases (the endpoint
-- sets redshift.cluster_database in its sessions; in the cluster's own database redshift.database names it too).
CREATE OR REPLACE FUNCTION redshift_system.cluster_database() RETURNS name
LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('redshift.cluster_database', true), ''),
                    CASE WHEN pg_catalog.current_database() ~ '^rs_' THEN redshift_system.current_database() END)::name
$$;

-- The cluster's databases, by their Redshift names: its own (PostgreSQL's rs_ database of the cluster's server) and
-- those CREATE DATABASE made (under their own names); never PostgreSQL's own databases nor the catalog's template.
CREATE OR REPLACE VIEW redshift_system.cluster_databases AS
SELECT CASE WHEN d.datname ~ '^rs_' THEN redshift_system.cluster_database() ELSE d.datname END AS database_name, d.*
FROM pg_catalog.pg_database d
WHERE d.datallowconn AND NOT d.datistemplate AND d.datname <> 'postgres';

-- PG_DATABASE lists the cluster's databases under their own names, not the PostgreSQL databases holding them.
CREATE OR REPLACE VIEW redshift_system.pg_database AS
SELECT d.oid, d.database_name AS datname, d.datdba, d.encoding, d.datistemplate, d.datallowconn, d.datconnlimit,
       d.datfrozenxid, d.dattablespace, d.datacl
FROM redshift_system.cluster_databases d;

-- PG_DATABASE_INFO (r_PG_DATABASE_INFO): PG_DATABASE's columns, its oid called datid, datconnlimit as text (-1: no
-- limit).
CREATE OR REPLACE VIEW redshift_system.pg_database_info AS
SELECT d.oid AS datid, d.datname, d.datdba, d.encoding, d.datistemplate, d.datallowconn,
       d.datconnlimit::text AS datconnlimit, d.datfrozenxid, d.dattablespace, d.datacl
FROM redshift_system.pg_database d;

-- PG_GET_LATE_BINDING_VIEW_COLS(): one record per column of the late-binding views (those reading
-- late_binding_rows(), see 10_schema_and_table_design.sql): schema, view, column, data type, column number.
CREATE OR REPLACE FUNCTION redshift_system.pg_get_late_binding_view_cols() RETURNS SETOF record
LANGUAGE sql STABLE AS $$
    SELECT n.nspname, c.relname, a.attname, redshift_system.format_type(a.atttypid, a.atttypmod)::varchar,
           a.attnum::integer
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE c.relkind = 'v' AND pg_catalog.pg_get_viewdef(c.oid) LIKE '%redshift_system.late_binding_rows(%'
    ORDER BY n.nspname, c.relname, a.attnum
$$;

-- PG_PROC_INFO: PG_PROC's columns (prokind says function or procedure) and prooid, the object's id.
CREATE OR REPLACE VIEW redshift_system.pg_proc_info AS
SELECT p.oid AS prooid, p.* FROM pg_catalog.pg_proc p;

-- External schemas, tables, columns and partitions (Redshift Spectrum): the local Redshift has none, so the
-- views are empty, with the columns their pages list.
CREATE OR REPLACE VIEW redshift_system.svv_external_schemas AS
SELECT NULL::oid AS esoid, NULL::integer AS eskind, NULL::name AS schemaname, NULL::integer AS esowner,
       NULL::text AS databasename, NULL::text AS esoptions
WHERE false;

CREATE OR REPLACE VIEW redshift_system.svv_external_databases AS
SELECT NULL::integer AS eskind, NULL::integer AS esowner, NULL::text AS databasename, NULL::text AS location,
       NULL::text AS parameters
WHERE false;

CREATE OR REPLACE VIEW redshift_system.svv_external_tables AS
SELECT NULL::text AS redshift_database_name, NULL::text AS schemaname, NULL::text AS tablename,
       NULL::text AS tabletype, NULL::text AS location, NULL::text AS input_format, NULL::text AS output_format,
       NULL::text AS serialization_lib, NULL::text AS serde_parameters, NULL::integer AS compressed,
       NULL::text AS parameters
WHERE false;

CREATE OR REPLACE VIEW redshift_system.svv_external_columns AS
SELECT NULL::text AS redshift_database_name, NULL::text AS schemaname, NULL::text AS tablename,
       NULL::text AS columnname, NULL::text AS external_type, NULL::integer AS columnnum, NULL::integer AS part_key,
       NULL::text AS is_nullable
WHERE false;

CREATE OR REPLACE VIEW redshift_system.svv_external_partitions AS
SELECT NULL::text AS schemaname, NULL::text AS tablename, NULL::text AS "values", NULL::text AS location,
       NULL::text AS input_format, NULL::text AS output_format, NULL::text AS serialization_lib,
       NULL::text AS serde_parameters, NULL::integer AS compressed, NULL::text AS parameters
WHERE false;

-- The cluster's own databases, schemas, tables and columns, as SVV_REDSHIFT_DATABASES, _SCHEMAS, _TABLES and
-- _COLUMNS list them (the local Redshift has no datashares: every database is local). The schemas, tables and
-- columns are the connected database's: the local Redshift reads no other database.
CREATE OR REPLACE VIEW redshift_system.svv_redshift_databases AS
SELECT d.database_name::varchar(128) AS database_name, d.datdba::integer AS database_owner,
       'local'::varchar(128) AS database_type, array_to_string(d.datacl, ',')::varchar(128) AS database_acl,
       NULL::varchar(128) AS database_options,
       'Serializable'::varchar(128) AS database_isolation_level  -- the endpoint's sessions run serializable
FROM redshift_system.cluster_databases d;

CREATE OR REPLACE VIEW redshift_system.svv_redshift_schemas AS
SELECT s.database_name, s.schema_name, s.schema_owner, s.schema_type, s.schema_acl, s.schema_option
FROM redshift_system.svv_all_schemas s;

CREATE OR REPLACE VIEW redshift_system.svv_redshift_tables AS
SELECT t.database_name, t.schema_name, t.table_name, t.table_type, t.table_acl, t.remarks
FROM redshift_system.svv_all_tables t;

CREATE OR REPLACE VIEW redshift_system.svv_redshift_columns AS
SELECT redshift_system.current_database()::varchar(128) AS database_name, n.nspname::varchar(128) AS schema_name,
       c.relname::varchar(128) AS table_name, a.attname::varchar(128) AS column_name,
       a.attnum::integer AS ordinal_position,
       redshift_system.format_type(a.atttypid, a.atttypmod)::varchar(128) AS data_type,
       pg_catalog.pg_get_expr(d.adbin, d.adrelid)::varchar(4000) AS column_default,
       CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END::varchar(3) AS is_nullable,
       redshift_system.format_encoding(a.attencodingtype)::varchar(128) AS encoding,
       a.attisdistkey AS distkey, a.attsortkeyord AS sortkey,
       array_to_string(a.attacl, ',')::varchar(128) AS column_acl,
       pg_catalog.col_description(c.oid, a.attnum)::varchar(256) AS remarks
FROM redshift_system.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm')
  AND n.nspname NOT IN ('redshift_system', 'pg_catalog', 'information_schema', 'pg_toast')
  AND NOT pg_catalog.pg_is_other_temp_schema(n.oid)
  AND pg_catalog.has_table_privilege(c.oid, 'SELECT');

-- INFORMATION_SCHEMA as Redshift answers it: every view of PostgreSQL's, its *_catalog and catalog_name columns
-- naming the cluster's database instead of the PostgreSQL database holding it; each as
-- redshift_system.information_schema_<name>.
DO $$
DECLARE
    relation record;
    columns text;
BEGIN
    FOR relation IN
        SELECT c.oid, c.relname FROM pg_catalog.pg_class c
        WHERE c.relnamespace = 'information_schema'::regnamespace AND c.relkind IN ('r', 'v')
    LOOP
        SELECT string_agg(
                   CASE WHEN a.attname ~ '_catalog$' OR a.attname = 'catalog_name'
                        THEN format('CASE WHEN v.%1$I::text = pg_catalog.current_database()::text '
                                    'THEN redshift_system.current_database()::%2$s ELSE v.%1$I END AS %1$I',
                                    a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod))
                        ELSE format('v.%I', a.attname) END,
                   ', ' ORDER BY a.attnum)
        INTO columns
        FROM pg_catalog.pg_attribute a WHERE a.attrelid = relation.oid AND a.attnum > 0 AND NOT a.attisdropped;
        EXECUTE format('CREATE OR REPLACE VIEW redshift_system.%I AS SELECT %s FROM information_schema.%I v',
                       'information_schema_' || relation.relname, columns, relation.relname);
    END LOOP;
END
$$;

-- Run after a statement that named a database in a three-part name (database.schema.object), or instead of it (the
-- endpoint, when that is not the database connected to): the statement's transaction fails unless it is the one
-- connected to. Another database of the cluster is a cross-database query (cross-database-overview), which the
-- local Redshift cannot run: PostgreSQL reads one database per session.
CREATE OR REPLACE FUNCTION redshift_system.check_database(name text) RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF name IS DISTINCT FROM redshift_system.current_database()::text THEN
        IF EXISTS (SELECT 1 FROM redshift_system.cluster_databases WHERE database_name = name) THEN
            RAISE EXCEPTION 'cross-database queries (here of database "%") are not supported by the local Redshift; '
                            'connect to that database to read or write its tables', name
                USING ERRCODE = 'feature_not_supported';
        END IF;
        RAISE EXCEPTION 'database "%" does not exist', name USING ERRCODE = 'invalid_catalog_name';
    END IF;
END
$$;
