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

-- Whether a role is a superuser of the cluster as Redshift's system views mean it: the cluster's master user, the
-- one role of the cluster that may create roles (it is no PostgreSQL superuser; CREATE USER ... CREATEUSER is
-- refused), or PostgreSQL's own superuser. Owning a database makes no superuser (r_CREATE_DATABASE's OWNER, a
-- database made WITH OWNER or given one by ALTER DATABASE ... OWNER TO; r_PG_USER's usesuper).
CREATE OR REPLACE FUNCTION redshift_system.is_superuser(role name) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT r.rolsuper OR r.rolcreaterole FROM pg_catalog.pg_roles r WHERE r.rolname = role), false)
$$;

-- Whether the session sees every row of the system tables and views that show each user its own: a superuser, or a
-- holder of the ACCESS SYSTEM TABLE permission the system-defined roles sys:monitor and sys:operator carry
-- (r_roles-default.html: "the permission to access catalog or system tables"; 65_users_and_roles.sql makes them).
CREATE OR REPLACE FUNCTION redshift_system.sees_all_rows() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT redshift_system.is_superuser(session_user)
        OR EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname IN ('sys:monitor', 'sys:operator')
                   AND pg_catalog.pg_has_role(session_user, r.oid, 'USAGE'))
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

-- Run as the user who creates the table (the pending views it makes are that user's); the design row is written
-- by new_table_design, the endpoint's own.
CREATE OR REPLACE FUNCTION redshift_system.on_table_created() RETURNS event_trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
    created record;
BEGIN
    FOR created IN
        SELECT objid FROM pg_event_trigger_ddl_commands() WHERE object_type = 'table'
    LOOP
        PERFORM redshift_system.new_table_design(created.objid);
        PERFORM set_config(
            'redshift.tables_created',
            concat_ws(',', nullif(current_setting('redshift.tables_created', true), ''), created.objid::text),
            true
        );
    END LOOP;
    PERFORM redshift_system.create_pending_views();
END
$$;

-- The design row of a table just created, by a plain INSERT (no read of the table: concurrent sessions creating
-- tables under SERIALIZABLE then never conflict); the row's place is kept for record_table_design, which updates it
-- by that place. Only the table's owner may start its design afresh.
CREATE OR REPLACE FUNCTION redshift_system.new_table_design(relation oid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    place tid;
BEGIN
    IF NOT coalesce(pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = relation), 'USAGE'), false)
    THEN
        RAISE EXCEPTION 'must be owner of table %', relation USING ERRCODE = 'insufficient_privilege';
    END IF;
    BEGIN
        INSERT INTO redshift_system.table_design (relid) VALUES (relation) RETURNING ctid INTO place;
    EXCEPTION WHEN unique_violation THEN
        -- a row left by a temporary table that ended with its session holds the reused oid: start afresh
        DELETE FROM redshift_system.table_design WHERE relid = relation;
        INSERT INTO redshift_system.table_design (relid) VALUES (relation) RETURNING ctid INTO place;
    END;
    PERFORM set_config('redshift.design_row_' || relation, place::text, true);
END
$$;

-- A dropped table loses its design; a column of a table that stays cannot be dropped while it is the table's
-- DISTKEY or in its SORTKEY (Redshift: 'cannot drop distkey column "x"', 'cannot drop sortkey column "x"'), nor
-- when it is the table's last ("A table must have at least one column", r_ALTER_TABLE.html).
CREATE OR REPLACE FUNCTION redshift_system.on_table_dropped() RETURNS event_trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    key record;
    last text;
BEGIN
    SELECT c.address_names[3] INTO last
    FROM pg_event_trigger_dropped_objects() c
    WHERE c.object_type = 'table column'
      AND NOT EXISTS (SELECT FROM pg_event_trigger_dropped_objects() t WHERE t.object_type = 'table' AND t.objid = c.objid)
      AND NOT EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.objid AND a.attnum > 0 AND NOT a.attisdropped)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'cannot drop column "%": a table must have at least one column', last
            USING ERRCODE = 'feature_not_supported';
    END IF;
    SELECT CASE WHEN d.diststyle = 'KEY' AND d.distkey = c.address_names[3] THEN 'distkey' ELSE 'sortkey' END
               AS kind, c.address_names[3] AS name
    INTO key
    FROM pg_event_trigger_dropped_objects() c
    JOIN redshift_system.table_design d ON d.relid = c.objid
    WHERE c.object_type = 'table column'
      AND NOT EXISTS (SELECT FROM pg_event_trigger_dropped_objects() t WHERE t.object_type = 'table' AND t.objid = c.objid)
      AND ((d.diststyle = 'KEY' AND d.distkey = c.address_names[3]) OR c.address_names[3] = ANY (d.sortkey))
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'cannot drop % column "%"', key.kind, key.name USING ERRCODE = 'dependent_objects_still_exist';
    END IF;
    DELETE FROM redshift_system.table_design
    WHERE relid IN (SELECT objid FROM pg_event_trigger_dropped_objects() WHERE object_type = 'table');
END
$$;

-- Called by the translated CREATE TABLE right after it: records the design it declared, on a table this
-- transaction created (CREATE TABLE IF NOT EXISTS on an existing table leaves that table's design alone).
-- `like_relation` is the parent of CREATE TABLE ... (LIKE parent): its design is the starting point.
-- `scanned_relation` is the one table a CREATE TABLE AS query only scans: its distribution style and sort key are
-- the new table's, where the table declares none and has the key columns. CREATE TABLE AS may name its keys by
-- column position (DISTKEY (1) SORTKEY (1, 3)).
DROP PROCEDURE IF EXISTS redshift_system.record_table_design(regclass, text, text, text[], text, jsonb, boolean, regclass);
CREATE OR REPLACE PROCEDURE redshift_system.record_table_design(
    relation regclass,
    diststyle text,
    distkey text,
    sortkey text[],
    sortkey_type text,
    encodings jsonb,
    backup boolean,
    like_relation regclass DEFAULT NULL,
    scanned_relation regclass DEFAULT NULL
)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    parent redshift_system.table_design;
    scanned redshift_system.table_design;
    place tid := nullif(current_setting('redshift.design_row_' || relation::oid, true), '')::tid;
BEGIN
    IF NOT coalesce(
        relation::oid::text = ANY (string_to_array(current_setting('redshift.tables_created', true), ',')), false
    ) OR place IS NULL THEN
        RETURN;
    END IF;
    PERFORM redshift_system.check_key_columns(relation, 'DISTKEY', ARRAY[distkey]);
    PERFORM redshift_system.check_key_columns(relation, 'SORTKEY', sortkey);
    distkey := redshift_system.column_named(relation, distkey);
    sortkey := (SELECT array_agg(redshift_system.column_named(relation, key) ORDER BY n)
                FROM unnest(sortkey) WITH ORDINALITY AS k(key, n));
    IF like_relation IS NOT NULL THEN  -- the design table is read only when needed (each read may conflict)
        SELECT * INTO parent FROM redshift_system.table_design WHERE relid = like_relation;
    END IF;
    IF scanned_relation IS NOT NULL THEN
        SELECT * INTO scanned FROM redshift_system.table_design d WHERE d.relid = scanned_relation
            AND (d.distkey IS NULL OR EXISTS (SELECT FROM pg_attribute WHERE attrelid = relation AND attname = d.distkey))
            AND (SELECT count(*) FROM pg_attribute WHERE attrelid = relation AND attname = ANY (d.sortkey))
                = cardinality(d.sortkey);
    END IF;
    IF diststyle IS NULL AND sortkey IS NULL AND scanned.relid IS NOT NULL THEN
        diststyle := scanned.diststyle;
        distkey := scanned.distkey;
        sortkey := scanned.sortkey;
        sortkey_type := scanned.sortkey_type;
    END IF;
    UPDATE redshift_system.table_design SET
        diststyle = coalesce(record_table_design.diststyle, parent.diststyle),
        distkey = CASE WHEN record_table_design.diststyle IS NULL THEN parent.distkey
                       ELSE record_table_design.distkey END,
        sortkey = coalesce(record_table_design.sortkey, parent.sortkey, '{}'),
        sortkey_type = coalesce(record_table_design.sortkey_type, parent.sortkey_type),
        encodings = coalesce(parent.encodings, '{}') || record_table_design.encodings,
        backup = CASE WHEN like_relation IS NOT NULL THEN coalesce(parent.backup, true)
                      ELSE record_table_design.backup END  -- LIKE inherits BACKUP (r_CREATE_TABLE_NEW.html)
    WHERE ctid = place AND relid = relation;  -- by its place: a TID scan, which no other session's row conflicts with
    PERFORM set_config('redshift.design_row_' || relation::oid, '', true);  -- the row has moved
END
$$;

-- Each key column a CREATE TABLE names (by name, or by position) is one of the new table's.
CREATE OR REPLACE FUNCTION redshift_system.check_key_columns(relation regclass, clause text, keys text[])
RETURNS void LANGUAGE plpgsql STABLE SET search_path = pg_catalog AS $$
DECLARE
    missing text;
BEGIN
    SELECT key INTO missing FROM unnest(keys) AS key
    WHERE key IS NOT NULL AND NOT EXISTS (
        SELECT FROM pg_attribute a WHERE a.attrelid = relation AND a.attnum > 0 AND NOT a.attisdropped
          AND a.attname = redshift_system.column_named(relation, key))
    LIMIT 1;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'column "%" named in % does not exist', missing, clause USING ERRCODE = 'undefined_column';
    END IF;
END
$$;

-- A key column as a CREATE TABLE names it: by name, or by its position in the table.
CREATE OR REPLACE FUNCTION redshift_system.column_named(relation regclass, key text) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
    SELECT CASE WHEN key ~ '^[0-9]+$'
                THEN (SELECT attname::text FROM pg_attribute
                      WHERE attrelid = relation AND attnum = key::int AND NOT attisdropped)
                ELSE key END
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
DECLARE
    altered text := CASE alter_table_design.diststyle WHEN 'KEY' THEN 'ALTER DISTKEY'
                                                      ELSE 'ALTER DISTSTYLE ' || alter_table_design.diststyle END;
BEGIN
    IF NOT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = relation), 'USAGE') THEN
        RAISE EXCEPTION 'must be owner of table %', relation USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- r_ALTER_TABLE.html: ALTER DISTSTYLE ALL | EVEN and ALTER DISTKEY are "not supported for tables with
    -- interleaved sort keys", ALTER DISTSTYLE ALL | EVEN nor for temporary tables
    IF alter_table_design.diststyle IN ('ALL', 'EVEN', 'KEY') AND EXISTS (
        SELECT FROM redshift_system.table_design d WHERE d.relid = relation AND d.sortkey_type = 'INTERLEAVED'
    ) THEN
        RAISE EXCEPTION '% is not supported for tables with interleaved sort keys', altered
            USING ERRCODE = 'feature_not_supported';
    END IF;
    IF alter_table_design.diststyle IN ('ALL', 'EVEN')
       AND (SELECT relpersistence FROM pg_class WHERE oid = relation) = 't' THEN
        RAISE EXCEPTION '% is not supported for temporary tables', altered USING ERRCODE = 'feature_not_supported';
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

-- Whether the user running the statement may alter the table: its owner, or a grantee of ALTER (r_GRANT.html);
-- invoker() and the rest come in 64_relation_privileges.sql.
CREATE OR REPLACE FUNCTION redshift_system.check_alterable(relation regclass) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog AS $$
BEGIN
    IF NOT (redshift_system.acts_as_owner(redshift_system.invoker(), relation)
            OR redshift_system.holds_relation_privilege(redshift_system.invoker(), relation, 'ALTER')) THEN
        RAISE EXCEPTION 'must be owner of table %', relation USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;

-- ALTER TABLE ... RENAME COLUMN old TO new, after PostgreSQL renamed it: the column keeps its place in the table's
-- design (DISTKEY, SORTKEY, ENCODE) and its check of its VARCHAR length in bytes keeps the name a later ALTER
-- COLUMN ... TYPE replaces (translation/comparisons.py).
CREATE OR REPLACE PROCEDURE redshift_system.rename_design_column(relation regclass, old text, new text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    PERFORM redshift_system.check_alterable(relation);
    UPDATE redshift_system.table_design SET
        distkey = CASE WHEN distkey = old THEN new ELSE distkey END,
        sortkey = array_replace(sortkey, old, new),
        encodings = CASE WHEN encodings ? old THEN (encodings - old) || jsonb_build_object(new, encodings -> old)
                         ELSE encodings END
    WHERE relid = relation;
    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = relation AND conname = old || '_varchar_bytes') THEN
        EXECUTE format('ALTER TABLE %s RENAME CONSTRAINT %I TO %I', relation, old || '_varchar_bytes',
                       new || '_varchar_bytes');
    END IF;
END
$$;

-- ALTER TABLE ... ALTER COLUMN c ENCODE e [, ...] (and ADD COLUMN ... ENCODE e): the columns' encodings as
-- declared; none given (ALTER ENCODE AUTO) leaves every column's to Redshift again. Each column must exist.
CREATE OR REPLACE PROCEDURE redshift_system.alter_column_encodings(relation regclass, encodings jsonb)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    missing text;
BEGIN
    PERFORM redshift_system.check_alterable(relation);
    SELECT name INTO missing FROM jsonb_object_keys(alter_column_encodings.encodings) AS name
    WHERE NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = relation AND a.attname = name
                      AND a.attnum > 0 AND NOT a.attisdropped)
    LIMIT 1;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'column "%" of relation "%" does not exist', missing,
            (SELECT relname FROM pg_class WHERE oid = relation) USING ERRCODE = 'undefined_column';
    END IF;
    INSERT INTO redshift_system.table_design (relid) VALUES (relation) ON CONFLICT (relid) DO NOTHING;
    UPDATE redshift_system.table_design
    SET encodings = CASE WHEN alter_column_encodings.encodings = '{}' THEN '{}'::jsonb
                         ELSE table_design.encodings || alter_column_encodings.encodings END
    WHERE relid = relation;
END
$$;

-- ALTER TABLE ... ALTER COLUMN c ENCODE e [, ...], before the encodings are recorded: r_ALTER_TABLE.html's limits
-- ("You can't alter the encoding for a column in a table with an interleaved sortkey"; "You can't alter a column to
-- the same encoding as currently defined for the column", the encoding the column was declared with).
CREATE OR REPLACE FUNCTION redshift_system.check_encoding_change(relation regclass, encodings jsonb) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    design redshift_system.table_design;
    same text;
BEGIN
    SELECT * INTO design FROM redshift_system.table_design d WHERE d.relid = relation;
    IF design.sortkey_type = 'INTERLEAVED' THEN
        RAISE EXCEPTION 'ALTER COLUMN ENCODE is not supported for tables with interleaved sort keys'
            USING ERRCODE = 'feature_not_supported';
    END IF;
    SELECT e.name INTO same FROM jsonb_each_text(encodings) AS e(name, encoding)
    WHERE lower(design.encodings ->> e.name) = e.encoding
    LIMIT 1;
    IF same IS NOT NULL THEN
        RAISE EXCEPTION 'column "%" already has encoding %: ALTER COLUMN ENCODE must name another', same,
            upper(encodings ->> same) USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$;

-- ALTER TABLE ... RENAME TO #name, before PostgreSQL renames it: "You can't rename a permanent table to a name that
-- begins with '#'. A table name beginning with '#' indicates a temporary table" (r_ALTER_TABLE.html).
CREATE OR REPLACE FUNCTION redshift_system.check_renamed_to_a_temporary_name(relation regclass) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog AS $$
BEGIN
    IF (SELECT relpersistence FROM pg_class WHERE oid = relation) <> 't' THEN
        RAISE EXCEPTION 'cannot rename permanent table "%" to a name that begins with ''#''',
            (SELECT relname FROM pg_class WHERE oid = relation)
            USING ERRCODE = 'feature_not_supported', HINT = 'a name beginning with # is a temporary table''s';
    END IF;
END
$$;

-- ALTER TABLE ... ALTER COLUMN c TYPE VARCHAR(n), before PostgreSQL alters it: r_ALTER_TABLE.html's limits on the
-- column ("changes the size of a column defined as a VARCHAR data type"; not with encodings BYTEDICT, RUNLENGTH,
-- TEXT255 or TEXT32K, nor with a default value, nor with UNIQUE, PRIMARY KEY or FOREIGN KEY). A column the table
-- lacks is PostgreSQL's to report.
CREATE OR REPLACE FUNCTION redshift_system.check_column_resize(relation regclass, col text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    attribute record;
    declared text;
    why text;
BEGIN
    SELECT a.atttypid, a.atttypmod, a.atthasdef INTO attribute FROM pg_attribute a
    WHERE a.attrelid = relation AND a.attname = col AND a.attnum > 0 AND NOT a.attisdropped;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    SELECT lower(d.encodings ->> col) INTO declared FROM redshift_system.table_design d WHERE d.relid = relation;
    why := CASE
        WHEN attribute.atttypid <> 'varchar'::regtype THEN
            format('it is %s, and ALTER COLUMN TYPE changes only the size of a VARCHAR column',
                   upper(format_type(attribute.atttypid, attribute.atttypmod)))
        WHEN declared IN ('bytedict', 'runlength', 'text255', 'text32k') THEN
            format('its encoding is %s', upper(declared))
        WHEN attribute.atthasdef THEN 'it has a default value'
        WHEN EXISTS (SELECT FROM redshift_system.informational_key k WHERE k.relid = relation AND col = ANY (k.columns))
            THEN 'it is in a UNIQUE, PRIMARY KEY or FOREIGN KEY constraint'
    END;
    IF why IS NOT NULL THEN
        RAISE EXCEPTION 'ALTER TABLE ALTER COLUMN TYPE is not supported for column "%": %', col, why
            USING ERRCODE = 'feature_not_supported';
    END IF;
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

-- ALTER TABLE target APPEND FROM source [IGNOREEXTRA | FILLTARGET]: moves the rows of source (left empty) to the
-- columns of the same names in target, then commits; run as the user (INSERT on target, SELECT and DELETE on
-- source). The COMMIT is what refuses it inside a transaction block, as Redshift does.
CREATE OR REPLACE PROCEDURE redshift_system.append_table(target regclass, source regclass, extra text DEFAULT NULL)
LANGUAGE plpgsql AS $$
DECLARE
    moved text;
BEGIN
    CALL redshift_system.check_append(target, source, extra);
    SELECT string_agg(quote_ident(t.attname), ', ') INTO moved
    FROM pg_catalog.pg_attribute t JOIN pg_catalog.pg_attribute s ON s.attname = t.attname
    WHERE t.attrelid = target AND s.attrelid = source AND t.attnum > 0 AND s.attnum > 0
      AND NOT t.attisdropped AND NOT s.attisdropped AND t.attidentity <> 'a';
    EXECUTE format('INSERT INTO %s (%s) SELECT %s FROM %s', target, moved, moved, source);
    EXECUTE format('DELETE FROM %s', source);
    COMMIT;
END
$$;

-- The page's rules for ALTER TABLE APPEND: a permanent target, the same distribution and sort keys, columns of
-- the same names with the same types, extra columns only with IGNOREEXTRA (source) or FILLTARGET (target), and
-- no identity column appended.
CREATE OR REPLACE PROCEDURE redshift_system.check_append(target regclass, source regclass, extra text)
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
    mismatch text;
BEGIN
    IF (SELECT relpersistence FROM pg_class WHERE oid = target) = 't' THEN
        RAISE EXCEPTION 'ALTER TABLE APPEND: the target table % must be a permanent table', target
            USING ERRCODE = 'wrong_object_type';
    END IF;
    IF (SELECT (coalesce(s.diststyle, 'AUTO'), s.distkey, s.sortkey, coalesce(s.sortkey_type, 'AUTO'))
               IS DISTINCT FROM (coalesce(t.diststyle, 'AUTO'), t.distkey, t.sortkey, coalesce(t.sortkey_type, 'AUTO'))
        FROM redshift_system.table_design t, redshift_system.table_design s
        WHERE t.relid = target AND s.relid = source) THEN
        RAISE EXCEPTION 'ALTER TABLE APPEND: % and % must have the same distribution style, distribution key and '
            'sort key', target, source USING ERRCODE = 'datatype_mismatch';
    END IF;
    WITH t AS (SELECT attname, atttypid, atttypmod, attnotnull, attidentity FROM pg_attribute
               WHERE attrelid = target AND attnum > 0 AND NOT attisdropped),
         s AS (SELECT attname, atttypid, atttypmod, attnotnull, attidentity FROM pg_attribute
               WHERE attrelid = source AND attnum > 0 AND NOT attisdropped)
    SELECT string_agg(quote_ident(coalesce(t.attname, s.attname)), ', ') INTO mismatch
    FROM t FULL JOIN s ON s.attname = t.attname
    WHERE (t.attname IS NOT NULL AND s.attname IS NOT NULL
           AND (t.atttypid, t.atttypmod, t.attnotnull) IS DISTINCT FROM (s.atttypid, s.atttypmod, s.attnotnull))
       OR (t.attname IS NULL AND extra IS DISTINCT FROM 'IGNOREEXTRA')
       OR (s.attname IS NULL AND extra IS DISTINCT FROM 'FILLTARGET')
       OR (t.attidentity = 'a' AND s.attname IS NOT NULL) OR (s.attidentity = 'a' AND t.attname IS NOT NULL);
    IF mismatch IS NOT NULL THEN
        RAISE EXCEPTION 'ALTER TABLE APPEND: columns of % and % don''t match: %', target, source, mismatch
            USING ERRCODE = 'datatype_mismatch',
                  HINT = 'columns of the same name need identical attributes; IGNOREEXTRA ignores columns only the '
                         'source has, FILLTARGET fills columns only the target has; identity columns are not appended';
    END IF;
    IF (SELECT count(*) FROM pg_attribute WHERE attrelid IN (target, source) AND attidentity = 'a') > 1 THEN
        RAISE EXCEPTION 'ALTER TABLE APPEND: % and % both have an identity column', target, source
            USING ERRCODE = 'datatype_mismatch';
    END IF;
END
$$;

-- Late-binding views (CREATE VIEW ... WITH NO SCHEMA BINDING): bound to nothing, so the tables they read may be
-- dropped and created again. Such a view selects from late_binding_rows(its query), which runs the query when the
-- view is read; its columns are those the query had when the view was made. A view whose tables do not exist yet
-- waits in pending_view, and is made, then given to its creator, as soon as a CREATE TABLE makes its query valid.
CREATE OR REPLACE FUNCTION redshift_system.late_binding_rows(query text) RETURNS SETOF record
LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE query;
END
$$;

CREATE TABLE IF NOT EXISTS redshift_system.pending_view (
    view_name text NOT NULL,
    replace boolean NOT NULL,
    columns text[],
    query text NOT NULL,
    search_path text NOT NULL,
    owner name NOT NULL
);

-- Makes the late-binding view `view_name` (column names `columns`, else the query's) over `query`; raises
-- undefined_table when a relation the query reads does not exist.
CREATE OR REPLACE PROCEDURE redshift_system.define_late_binding_view(
    view_name text, replace boolean, columns text[], query text
)
LANGUAGE plpgsql AS $$
DECLARE
    definition text;
BEGIN
    EXECUTE format('CREATE OR REPLACE TEMPORARY VIEW redshift_late_binding_probe AS %s', query);
    SELECT string_agg(format('%I %s', coalesce(columns[a.attnum], a.attname::text),
                             pg_catalog.format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum)
    INTO definition
    FROM pg_catalog.pg_attribute a
    WHERE a.attrelid = 'pg_temp.redshift_late_binding_probe'::regclass AND a.attnum > 0;
    DROP VIEW pg_temp.redshift_late_binding_probe;
    EXECUTE format('CREATE %s VIEW %s AS SELECT * FROM redshift_system.late_binding_rows(%L) AS late_binding(%s)',
                   CASE WHEN replace THEN 'OR REPLACE' ELSE '' END, view_name, query, definition);
END
$$;

-- Called for CREATE VIEW ... WITH NO SCHEMA BINDING, as the user: makes the view, or keeps it for later.
CREATE OR REPLACE PROCEDURE redshift_system.create_late_binding_view(
    view_name text, replace boolean, columns text[], query text
)
LANGUAGE plpgsql AS $$
BEGIN
    CALL redshift_system.define_late_binding_view(view_name, replace, columns, query);
EXCEPTION WHEN undefined_table THEN
    CALL redshift_system.defer_view(view_name, replace, columns, query, current_setting('search_path'), current_user);
END
$$;

CREATE OR REPLACE PROCEDURE redshift_system.defer_view(
    view_name text, replace boolean, columns text[], query text, path text, owner name
)
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $$
    INSERT INTO redshift_system.pending_view VALUES (view_name, replace, columns, query, path, owner)
$$;

CREATE OR REPLACE PROCEDURE redshift_system.forget_pending_view(place tid)
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $$
    DELETE FROM redshift_system.pending_view WHERE ctid = place
$$;

-- The pending late-binding views that can be made now are (by the event trigger on CREATE TABLE).
-- Run as the user creating the table, never as a superuser: a pending view's name and query are a user's text.
CREATE OR REPLACE FUNCTION redshift_system.create_pending_views() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
    pending record;
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        RETURN;
    END IF;
    FOR pending IN SELECT ctid, * FROM redshift_system.pending_view LOOP
        BEGIN
            PERFORM set_config('search_path', pending.search_path, true);
            CALL redshift_system.define_late_binding_view(
                pending.view_name, pending.replace, pending.columns, pending.query
            );
            EXECUTE format('ALTER VIEW %s OWNER TO %I', pending.view_name, pending.owner);
            CALL redshift_system.forget_pending_view(pending.ctid);
        EXCEPTION WHEN OTHERS THEN
            NULL;  -- its query does not run yet: the view stays pending, the CREATE TABLE goes on
        END;
    END LOOP;
END
$$;
