-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).
-- The rows of the SHOW commands the drivers' metadata API issues ("Use SHOW commands", management guide), in the
-- columns each command's page lists; translation/show.py selects from them with the command's names and LIKE. The
-- connected database's objects (another database's are read there by the endpoint: endpoint/shown.py); the local
-- Redshift has no datashares and no external schemas.

-- A type's name as Redshift writes it in a SHOW command, without a type modifier (intervaly2m, intervald2s, ...).
CREATE OR REPLACE FUNCTION redshift_system.show_type_name(type_id oid) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT redshift_system.format_type(type_id, NULL)
$$;

-- SHOW TABLES: database_name, schema_name, table_name, table_type, table_acl, remarks, owner, last_altered_time,
-- last_modified_time, dist_style, table_subtype (SHOW TABLES's page). The local Redshift keeps no alteration or
-- modification times and no subtypes: those are NULL.
CREATE OR REPLACE VIEW redshift_system.show_tables AS
SELECT t.database_name, t.schema_name, t.table_name, t.table_type, t.table_acl, t.remarks,
       pg_catalog.pg_get_userbyid(c.relowner)::varchar(128) AS owner,
       NULL::timestamp AS last_altered_time, NULL::timestamp AS last_modified_time,
       CASE WHEN t.table_type = 'VIEW' THEN NULL
            WHEN d.diststyle = 'KEY' THEN 'KEY(' || d.distkey || ')'
            WHEN d.diststyle IS NULL OR d.diststyle = 'AUTO' THEN 'AUTO(EVEN)'
            ELSE d.diststyle END::varchar(128) AS dist_style,
       NULL::varchar(128) AS table_subtype
FROM redshift_system.svv_all_tables t
JOIN pg_catalog.pg_namespace n ON n.nspname = t.schema_name
JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = t.table_name
LEFT JOIN redshift_system.table_design d ON d.relid = c.oid;

-- SHOW COLUMNS: SVV_ALL_COLUMNS's columns, then sort_key_type, sort_key, dist_key, encoding and collation (SHOW
-- COLUMNS's page). An IDENTITY column's default is "identity"(...), as PG_ATTRDEF.adsrc has it, and it is nullable
-- (PG_ATTRIBUTE's attnotnull); an interval column's type names its fields (interval year to month, interval day to
-- second), and its fractional digits where they are not the 6 of the default.
CREATE OR REPLACE VIEW redshift_system.show_columns AS
SELECT s.database_name, s.schema_name, s.table_name, s.column_name, s.ordinal_position,
       coalesce(s.column_default, i.adsrc)::varchar(4000) AS column_default,
       CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END::varchar(3) AS is_nullable,
       CASE WHEN a.atttypid = 'pg_catalog.interval'::regtype THEN
                'interval' || coalesce(' ' || lower(information_schema._pg_interval_type(a.atttypid, a.atttypmod)), '')
                || CASE WHEN a.atttypmod >= 0 AND a.atttypmod & 65535 NOT IN (6, 65535)
                        THEN '(' || (a.atttypmod & 65535) || ')' ELSE '' END
            ELSE s.data_type END::varchar(128) AS data_type,
       s.character_maximum_length, s.numeric_precision, s.numeric_scale, s.remarks,
       CASE WHEN a.attsortkeyord <> 0 THEN d.sortkey_type END::varchar(128) AS sort_key_type,
       a.attsortkeyord AS sort_key, a.attisdistkey AS dist_key,
       redshift_system.format_encoding(a.attencodingtype)::varchar(128) AS encoding,
       NULL::varchar(128) AS collation
FROM redshift_system.svv_all_columns s
JOIN pg_catalog.pg_namespace n ON n.nspname = s.schema_name
JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = s.table_name
JOIN redshift_system.pg_attribute a ON a.attrelid = c.oid AND a.attname = s.column_name
LEFT JOIN redshift_system.table_design d ON d.relid = c.oid
LEFT JOIN redshift_system.pg_attrdef i ON i.adrelid = c.oid AND i.adnum = a.attnum AND i.adbin IS NULL;

-- The informational keys (62_informational_keys.sql) of the tables the user may see, one row per key column.
CREATE OR REPLACE VIEW redshift_system.show_key_columns AS
SELECT k.oid AS key_id, k.contype, k.conname::text AS key_name, n.nspname::text AS schema_name,
       c.relname::text AS table_name, u.name AS column_name, u.position::integer AS key_seq,
       k.refrelid, k.refcolumns[u.position] AS referenced_column
FROM redshift_system.informational_key k
JOIN pg_catalog.pg_class c ON c.oid = k.relid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL unnest(k.columns) WITH ORDINALITY AS u(name, position)
WHERE pg_catalog.has_table_privilege(c.oid, 'SELECT');

-- SHOW CONSTRAINTS PRIMARY KEYS: database_name, schema_name, table_name, pk_name, column_name, key_seq (SHOW
-- CONSTRAINTS's page).
CREATE OR REPLACE VIEW redshift_system.show_primary_keys AS
SELECT redshift_system.current_database()::varchar(128) AS database_name, p.schema_name::varchar(128),
       p.table_name::varchar(128), p.key_name::varchar(128) AS pk_name, p.column_name::varchar(128), p.key_seq
FROM redshift_system.show_key_columns p
WHERE p.contype = 'p';

-- SHOW CONSTRAINTS FOREIGN KEYS [EXPORTED]: the referenced (pk_) and the referencing (fk_) sides, key_seq, the
-- names and the rules (SHOW CONSTRAINTS's page). Informational keys are never acted on: their update and delete
-- rules are NO ACTION (3) and they are not deferrable (7), as JDBC's DatabaseMetaData numbers them.
CREATE OR REPLACE VIEW redshift_system.show_foreign_keys AS
SELECT redshift_system.current_database()::varchar(128) AS pk_database_name,
       rn.nspname::varchar(128) AS pk_schema_name, r.relname::varchar(128) AS pk_table_name,
       f.referenced_column::varchar(128) AS pk_column_name,
       redshift_system.current_database()::varchar(128) AS fk_database_name, f.schema_name::varchar(128) AS fk_schema_name,
       f.table_name::varchar(128) AS fk_table_name, f.column_name::varchar(128) AS fk_column_name, f.key_seq,
       f.key_name::varchar(128) AS fk_name, pk.conname::varchar(128) AS pk_name,
       3 AS update_rule, 3 AS delete_rule, 7 AS deferrability
FROM redshift_system.show_key_columns f
JOIN pg_catalog.pg_class r ON r.oid = f.refrelid
JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace
LEFT JOIN redshift_system.informational_key pk ON pk.relid = f.refrelid AND pk.contype = 'p'
WHERE f.contype = 'f';

-- The user's procedures and functions, with their input argument types (the argument list of SHOW PROCEDURES and
-- SHOW FUNCTIONS, and what SHOW PARAMETERS names a routine by) and their OUT parameters.
CREATE OR REPLACE VIEW redshift_system.show_routines AS
SELECT p.oid AS routine_id, p.prokind, n.nspname::text AS schema_name, p.proname::text AS routine_name,
       coalesce((SELECT string_agg(redshift_system.show_type_name(a.type_id), ', ' ORDER BY a.position)
                 FROM unnest(coalesce(p.proallargtypes, p.proargtypes::oid[]), p.proargmodes)
                      WITH ORDINALITY AS a(type_id, mode, position)
                 WHERE coalesce(a.mode, 'i') IN ('i', 'b', 'v')), '') AS argument_list,
       p.prorettype
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE p.prokind IN ('f', 'p')
  AND n.nspname NOT IN ('redshift_system', 'pg_catalog', 'information_schema', 'pg_toast')
  AND NOT pg_catalog.pg_is_other_temp_schema(n.oid)
  AND pg_catalog.has_function_privilege(p.oid, 'EXECUTE');

-- SHOW PROCEDURES: database_name, schema_name, procedure_name, return_type, argument_list (SHOW PROCEDURES's page);
-- a procedure with OUT parameters returns their record, one without returns nothing (an empty return type).
CREATE OR REPLACE VIEW redshift_system.show_procedures AS
SELECT redshift_system.current_database()::varchar(128) AS database_name, r.schema_name::varchar(128),
       r.routine_name::varchar(128) AS procedure_name,
       CASE WHEN r.prorettype IN (0, 'pg_catalog.void'::regtype) THEN ''
            ELSE redshift_system.show_type_name(r.prorettype) END::varchar(128) AS return_type,
       r.argument_list::varchar(4000) AS argument_list
FROM redshift_system.show_routines r
WHERE r.prokind = 'p';

-- SHOW FUNCTIONS: database_name, schema_name, function_name, return_type, argument_list (SHOW FUNCTIONS's page).
CREATE OR REPLACE VIEW redshift_system.show_functions AS
SELECT redshift_system.current_database()::varchar(128) AS database_name, r.schema_name::varchar(128),
       r.routine_name::varchar(128) AS function_name,
       redshift_system.show_type_name(r.prorettype)::varchar(128) AS return_type,
       r.argument_list::varchar(4000) AS argument_list
FROM redshift_system.show_routines r
WHERE r.prokind = 'f';

-- The type modifier of each parameter of the stored procedures, as CREATE PROCEDURE declared it (PostgreSQL keeps
-- none in a routine's signature): recorded after the statement (translation/routines.py), by the procedure's owner.
CREATE TABLE IF NOT EXISTS redshift_system.procedure_parameter_typmods (
    routine_id oid NOT NULL,
    position integer NOT NULL,
    typmod integer NOT NULL,
    PRIMARY KEY (routine_id, position)
);

CREATE OR REPLACE PROCEDURE redshift_system.record_procedure_parameters(
    schema_name text, procedure_name text, type_ids regtype[], typmods integer[]
)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    routine oid;
BEGIN
    SELECT p.oid INTO routine FROM pg_catalog.pg_proc p
    WHERE p.prokind = 'p' AND p.proname = procedure_name
      AND p.pronamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = schema_name)
      AND coalesce(p.proallargtypes, ARRAY(SELECT unnest(p.proargtypes::oid[]))) = type_ids::oid[]  -- from 1, not 0
      AND pg_catalog.pg_has_role(session_user, p.proowner, 'MEMBER');
    IF routine IS NULL THEN
        RETURN;
    END IF;
    DELETE FROM redshift_system.procedure_parameter_typmods WHERE routine_id = routine;
    INSERT INTO redshift_system.procedure_parameter_typmods
    SELECT routine, t.position, t.typmod FROM unnest(typmods) WITH ORDINALITY AS t(typmod, position) WHERE t.typmod >= 0;
END
$$;

-- SHOW PARAMETERS OF {PROCEDURE | FUNCTION}: database_name, schema_name, the routine's name, parameter_name,
-- ordinal_position, parameter_type (IN, INOUT, OUT; a function's result is its RETURN, at position 0), data_type,
-- character_maximum_length, numeric_precision, numeric_scale (SHOW PARAMETERS's page): of a procedure's parameter
-- as declared (its recorded type modifier); of a function's, NULL (Redshift keeps them for procedures only).
CREATE OR REPLACE VIEW redshift_system.show_parameters AS
SELECT redshift_system.current_database()::varchar(128) AS database_name, r.schema_name::varchar(128),
       r.routine_name::varchar(128) AS routine_name, r.prokind, r.argument_list,
       coalesce(a.name, '')::varchar(128) AS parameter_name, a.position::integer AS ordinal_position,
       CASE a.mode WHEN 'b' THEN 'INOUT' WHEN 'o' THEN 'OUT' WHEN 't' THEN 'TABLE' ELSE 'IN' END::varchar(128)
           AS parameter_type,
       CASE redshift_system.show_type_name(a.type_id)
           WHEN 'intervaly2m' THEN 'interval year to month' WHEN 'intervald2s' THEN 'interval day to second'
           ELSE redshift_system.format_type(a.type_id, NULL) END::varchar(128) AS data_type,
       information_schema._pg_char_max_length(a.type_id, m.typmod)::integer AS character_maximum_length,
       CASE WHEN m.typmod IS NOT NULL THEN information_schema._pg_numeric_precision(a.type_id, m.typmod) END::integer
           AS numeric_precision,
       CASE WHEN m.typmod IS NOT NULL THEN information_schema._pg_numeric_scale(a.type_id, m.typmod) END::integer
           AS numeric_scale
FROM redshift_system.show_routines r
JOIN pg_catalog.pg_proc p ON p.oid = r.routine_id
CROSS JOIN LATERAL unnest(coalesce(p.proallargtypes, p.proargtypes::oid[]), p.proargmodes, p.proargnames)
     WITH ORDINALITY AS a(type_id, mode, name, position)
LEFT JOIN redshift_system.procedure_parameter_typmods m ON m.routine_id = r.routine_id AND m.position = a.position
UNION ALL
SELECT redshift_system.current_database()::varchar(128), r.schema_name::varchar(128), r.routine_name::varchar(128),
       r.prokind, r.argument_list, ''::varchar(128), 0, 'RETURN'::varchar(128),
       redshift_system.format_type(r.prorettype, NULL)::varchar(128), NULL::integer, NULL::integer, NULL::integer
FROM redshift_system.show_routines r
WHERE r.prokind = 'f' AND r.prorettype <> 'pg_catalog.record'::regtype;

-- Who holds a privilege, as SHOW GRANTS names it: PUBLIC, a user (a role that logs in) or a role.
CREATE OR REPLACE FUNCTION redshift_system.show_identity_type(grantee oid) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN grantee = 0 THEN 'public'
                WHEN (SELECT r.rolcanlogin FROM pg_catalog.pg_roles r WHERE r.oid = grantee) THEN 'user'
                ELSE 'role' END
$$;

-- SHOW GRANTS ON TABLE: database_name, schema_name, object_name, object_type, privilege_type, identity_id,
-- identity_name, identity_type, admin_option, privilege_scope, grantor_name (SHOW GRANTS's page): the privileges
-- granted on the table, not its owner's own. Only Redshift's table privileges are listed: PostgreSQL's, and ALTER,
-- DROP and RULE (64_relation_privileges.sql).
CREATE OR REPLACE VIEW redshift_system.show_table_grants AS
SELECT redshift_system.current_database()::varchar(128) AS database_name, n.nspname::varchar(128) AS schema_name,
       c.relname::varchar(128) AS object_name, 'TABLE'::varchar(128) AS object_type,
       g.privilege_type::varchar(128) AS privilege_type, g.grantee::integer AS identity_id,
       CASE WHEN g.grantee = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(g.grantee) END::varchar(128)
           AS identity_name,
       redshift_system.show_identity_type(g.grantee)::varchar(128) AS identity_type, g.is_grantable AS admin_option,
       'TABLE'::varchar(128) AS privilege_scope, pg_catalog.pg_get_userbyid(g.grantor)::varchar(128) AS grantor_name
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL (
    SELECT a.grantor, a.grantee, a.privilege_type, a.is_grantable FROM pg_catalog.aclexplode(c.relacl) a
    WHERE a.privilege_type IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'REFERENCES', 'TRIGGER', 'TRUNCATE')
    UNION ALL
    SELECT * FROM redshift_system.relation_privileges_of(c.oid)
) AS g
WHERE c.relkind IN ('r', 'p', 'v', 'm') AND NOT (g.grantee = c.relowner AND g.grantor = c.relowner)
  AND n.nspname NOT IN ('redshift_system', 'pg_catalog', 'information_schema', 'pg_toast');

-- SHOW COLUMN GRANTS ON TABLE: database_name, schema_name, table_name, column_name, object_type, privilege_type,
-- identity_id, identity_name, identity_type, admin_option, privilege_scope, grantor_name (SHOW COLUMN GRANTS's
-- page): the privileges granted on the table's columns.
CREATE OR REPLACE VIEW redshift_system.show_column_grants AS
SELECT redshift_system.current_database()::varchar(128) AS database_name, n.nspname::varchar(128) AS schema_name,
       c.relname::varchar(128) AS table_name, a.attname::varchar(128) AS column_name,
       'COLUMN'::varchar(128) AS object_type, g.privilege_type::varchar(128) AS privilege_type,
       g.grantee::integer AS identity_id,
       CASE WHEN g.grantee = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(g.grantee) END::varchar(128)
           AS identity_name,
       redshift_system.show_identity_type(g.grantee)::varchar(128) AS identity_type, g.is_grantable AS admin_option,
       'COLUMN'::varchar(128) AS privilege_scope, pg_catalog.pg_get_userbyid(g.grantor)::varchar(128) AS grantor_name
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL pg_catalog.aclexplode(a.attacl) AS g
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm')
  AND n.nspname NOT IN ('redshift_system', 'pg_catalog', 'information_schema', 'pg_toast');
