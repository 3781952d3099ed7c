-- The Redshift system catalog inside PostgreSQL: schema redshift_system.
-- Installed once per database by local_redshift.catalog.install(), as superuser; safe to run again.

CREATE SCHEMA IF NOT EXISTS redshift_system;
GRANT USAGE ON SCHEMA redshift_system TO PUBLIC;

-- The database name the cluster was created with (the endpoint sets redshift.database on the PostgreSQL
-- database holding the cluster's data); PostgreSQL's own name where none is set.
CREATE OR REPLACE FUNCTION redshift_system.current_database() RETURNS name
LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('redshift.database', true), ''), pg_catalog.current_database())::name
$$;

-- Table design: what Redshift keeps about a table and PostgreSQL has no place for.
-- A row is made for every table created (event trigger below); translated CREATE TABLE statements then
-- fill in the DISTSTYLE, DISTKEY, SORTKEY and ENCODE they declared. NULL means "not declared".
CREATE TABLE IF NOT EXISTS redshift_system.table_design (
    relid oid PRIMARY KEY,
    diststyle text CHECK (diststyle IN ('AUTO', 'EVEN', 'KEY', 'ALL')),
    distkey text,
    sortkey text[] NOT NULL DEFAULT '{}',
    sortkey_type text CHECK (sortkey_type IN ('AUTO', 'NONE', 'COMPOUND', 'INTERLEAVED')),
    encodings jsonb NOT NULL DEFAULT '{}',  -- column name -> encoding, as declared
    backup boolean NOT NULL DEFAULT true
);

CREATE OR REPLACE FUNCTION redshift_system.on_table_created() RETURNS event_trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    created record;
BEGIN
    FOR created IN
        SELECT objid FROM pg_event_trigger_ddl_commands() WHERE object_type = 'table'
    LOOP
        -- a row left by a temporary table that ended with its session may hold a reused oid: start afresh
        DELETE FROM redshift_system.table_design WHERE relid = created.objid;
        INSERT INTO redshift_system.table_design (relid) VALUES (created.objid);
        PERFORM set_config(
            'redshift.tables_created',
            concat_ws(',', nullif(current_setting('redshift.tables_created', true), ''), created.objid::text),
            true
        );
    END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION redshift_system.on_table_dropped() RETURNS event_trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    DELETE FROM redshift_system.table_design
    WHERE relid IN (SELECT objid FROM pg_event_trigger_dropped_objects() WHERE object_type = 'table');
END
$$;

-- Called by the translated CREATE TABLE right after it: records the design it declared, on a table this
-- transaction created (CREATE TABLE IF NOT EXISTS on an existing table leaves that table's design alone).
-- `like_relation` is the parent of CREATE TABLE ... (LIKE parent): its design is the starting point.
CREATE OR REPLACE PROCEDURE redshift_system.record_table_design(
    relation regclass,
    diststyle text,
    distkey text,
    sortkey text[],
    sortkey_type text,
    encodings jsonb,
    backup boolean,
    like_relation regclass DEFAULT NULL
)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    parent redshift_system.table_design;
BEGIN
    IF NOT coalesce(
        relation::oid::text = ANY (string_to_array(current_setting('redshift.tables_created', true), ',')), false
    ) THEN
        RETURN;
    END IF;
    SELECT * INTO parent FROM redshift_system.table_design WHERE relid = like_relation;
    UPDATE redshift_system.table_design SET
        diststyle = coalesce(record_table_design.diststyle, parent.diststyle),
        distkey = CASE WHEN record_table_design.diststyle IS NULL THEN parent.distkey
                       ELSE record_table_design.distkey END,
        sortkey = coalesce(record_table_design.sortkey, parent.sortkey, '{}'),
        sortkey_type = coalesce(record_table_design.sortkey_type, parent.sortkey_type),
        encodings = coalesce(parent.encodings, '{}') || record_table_design.encodings,
        backup = record_table_design.backup
    WHERE relid = relation;
END
$$;

-- Called for ALTER TABLE ... ALTER DISTSTYLE | DISTKEY | SORTKEY, by the table's owner: the arguments that
-- are not NULL replace the table's design.
CREATE OR REPLACE PROCEDURE redshift_system.alter_table_design(
    relation regclass,
    diststyle text,
    distkey text,
    sortkey text[],
    sortkey_type text
)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    IF NOT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = relation), 'USAGE') THEN
        RAISE EXCEPTION 'must be owner of table %', relation USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO redshift_system.table_design (relid) VALUES (relation) ON CONFLICT (relid) DO NOTHING;
    UPDATE redshift_system.table_design SET
        diststyle = coalesce(alter_table_design.diststyle, table_design.diststyle),
        distkey = CASE WHEN alter_table_design.diststyle IS NULL THEN table_design.distkey
                       ELSE alter_table_design.distkey END,
        sortkey = coalesce(alter_table_design.sortkey, table_design.sortkey),
        sortkey_type = coalesce(alter_table_design.sortkey_type, table_design.sortkey_type)
    WHERE relid = relation;
END
$$;

-- The encoding Redshift reports for a column: the declared one, else what Redshift picks by default
-- (RAW, shown as 'none', for sort key columns, BOOLEAN, REAL and DOUBLE PRECISION; AZ64 for integers,
-- DECIMAL, dates and timestamps; LZO for CHAR and VARCHAR).
CREATE OR REPLACE FUNCTION redshift_system.column_encoding(declared text, type_oid oid, in_sortkey boolean)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN declared IS NOT NULL THEN CASE lower(declared) WHEN 'raw' THEN 'none' ELSE lower(declared) END
        WHEN in_sortkey THEN 'none'
        WHEN type_oid IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype, 'numeric'::regtype, 'date'::regtype,
                          'timestamp'::regtype, 'timestamptz'::regtype, 'time'::regtype, 'timetz'::regtype) THEN 'az64'
        WHEN type_oid IN ('bpchar'::regtype, 'varchar'::regtype, 'text'::regtype) THEN 'lzo'
        ELSE 'none'
    END
$$;
