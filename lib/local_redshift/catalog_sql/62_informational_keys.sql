-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).
-- Informational key constraints: "Uniqueness, primary key, and foreign key constraints are informational only; they
-- are not enforced by Amazon Redshift" ("Table constraints"). So they are not PostgreSQL constraints: the translated
-- CREATE TABLE records them (translation/primary_keys.py) on a table this transaction created, and PG_CONSTRAINT lists
-- them with PostgreSQL's. A key is gone with its table's design when its table, or the table it references, is
-- dropped. Each gets an oid of its own, counted down from the top of the oid range, far from PostgreSQL's own.
CREATE SEQUENCE IF NOT EXISTS redshift_system.informational_key_id;
CREATE TABLE IF NOT EXISTS redshift_system.informational_key (
    oid oid PRIMARY KEY DEFAULT (4294967295 - nextval('redshift_system.informational_key_id'))::oid,
    relid oid NOT NULL REFERENCES redshift_system.table_design (relid) ON DELETE CASCADE,
    conname name NOT NULL,
    columns text[] NOT NULL
);
-- contype p, u or f; a foreign key's referenced table and columns (warehouses made before kept primary keys only)
ALTER TABLE redshift_system.informational_key
    ADD COLUMN IF NOT EXISTS contype "char" NOT NULL DEFAULT 'p',
    ADD COLUMN IF NOT EXISTS refrelid oid REFERENCES redshift_system.table_design (relid) ON DELETE CASCADE,
    ADD COLUMN IF NOT EXISTS refcolumns text[];
DROP PROCEDURE IF EXISTS redshift_system.record_primary_key(regclass, text[]);

-- One key of a table created in this transaction. Its name is the CONSTRAINT's, else PostgreSQL's default
-- (<table>_pkey, <table>_<columns>_key) but for a foreign key, named as PostgreSQL 8.0 (Redshift's base) named it,
-- after its first column: <table>_<first column>_fkey (redshift_connector's integration tests read SHOW CONSTRAINTS
-- naming a foreign key on (p_id1, p_id2) of child <child>_p_id1_fkey); a foreign key without referenced columns
-- references the referenced table's primary key.
CREATE OR REPLACE PROCEDURE redshift_system.record_key(relation regclass, kind "char", name text, columns text[],
                                                        referenced regclass, referenced_columns text[])
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    IF coalesce(relation::oid::text = ANY (string_to_array(current_setting('redshift.tables_created', true), ',')),
                false) THEN
        INSERT INTO redshift_system.informational_key (relid, conname, columns, contype, refrelid, refcolumns)
        SELECT relation,
               coalesce(name, (SELECT relname FROM pg_class WHERE oid = relation)
                              || CASE kind WHEN 'p' THEN '' WHEN 'f' THEN '_' || columns[1]
                                           ELSE '_' || array_to_string(columns, '_') END
                              || CASE kind WHEN 'p' THEN '_pkey' WHEN 'u' THEN '_key' ELSE '_fkey' END),
               columns, kind, referenced,
               CASE WHEN kind = 'f' THEN coalesce(referenced_columns,
                   (SELECT k.columns FROM redshift_system.informational_key k
                    WHERE k.relid = referenced AND k.contype = 'p')) END;
    END IF;
END
$$;

-- The attribute numbers of a table's columns, by name, in the order named.
CREATE OR REPLACE FUNCTION redshift_system.column_numbers(relation oid, names text[]) RETURNS smallint[]
LANGUAGE sql STABLE AS $$
    SELECT array_agg(a.attnum ORDER BY u.n)
    FROM unnest(names) WITH ORDINALITY AS u(name, n)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = relation AND a.attname = u.name
$$;

-- PG_CONSTRAINT: PostgreSQL's constraints and the informational keys, over their columns' numbers. PostgreSQL's
-- columns but those of pseudo-types (none in PostgreSQL 18; kept out for later ones). Not the local Redshift's own:
-- PostgreSQL's NOT NULL rows (contype 'n', which Redshift does not list) and the CHECK constraints that hold VARCHAR
-- lengths in bytes (they call the catalog's functions).
DO $$
DECLARE
    columns text;
    key_columns text;
BEGIN
    SELECT string_agg(format('c.%I', attname), ', ' ORDER BY attnum),
           string_agg(CASE attname
                          WHEN 'oid' THEN 'k.oid'
                          WHEN 'conname' THEN 'k.conname'
                          WHEN 'connamespace' THEN 'r.relnamespace'
                          WHEN 'contype' THEN 'k.contype'
                          WHEN 'conrelid' THEN 'k.relid'
                          WHEN 'confrelid' THEN 'coalesce(k.refrelid, 0)'
                          WHEN 'conkey' THEN 'redshift_system.column_numbers(k.relid, k.columns)'
                          WHEN 'confkey' THEN 'redshift_system.column_numbers(k.refrelid, k.refcolumns)'
                          WHEN 'confupdtype' THEN 'CASE k.contype WHEN ''f'' THEN ''a'' ELSE '' '' END::"char"'
                          WHEN 'confdeltype' THEN 'CASE k.contype WHEN ''f'' THEN ''a'' ELSE '' '' END::"char"'
                          WHEN 'confmatchtype' THEN 'CASE k.contype WHEN ''f'' THEN ''s'' ELSE '' '' END::"char"'
                          WHEN 'conislocal' THEN 'true'
                          WHEN 'coninhcount' THEN '0'
                          WHEN 'convalidated' THEN 'false'
                          WHEN 'conenforced' THEN 'false'
                          WHEN 'condeferrable' THEN 'false'
                          WHEN 'condeferred' THEN 'false'
                          WHEN 'connoinherit' THEN 'true'
                          ELSE format('NULL::%s', format_type(atttypid, atttypmod))
                      END || format(' AS %I', attname), ', ' ORDER BY attnum)
    INTO columns, key_columns
    FROM pg_catalog.pg_attribute
    WHERE attrelid = 'pg_catalog.pg_constraint'::regclass AND attnum > 0 AND NOT attisdropped
      AND format_type(atttypid, atttypmod) <> 'anyarray';
    EXECUTE format(
        'CREATE OR REPLACE VIEW redshift_system.pg_constraint AS SELECT %s FROM pg_catalog.pg_constraint c '
        'WHERE c.contype <> ''n'' AND NOT (c.contype = ''c'' AND '
        'pg_catalog.pg_get_constraintdef(c.oid) LIKE ''%%redshift_system.%%'') '
        'UNION ALL SELECT %s FROM redshift_system.informational_key k JOIN pg_catalog.pg_class r ON r.oid = k.relid',
        columns, key_columns);
END
$$;

-- PG_GET_CONSTRAINTDEF() of an informational key as PostgreSQL writes a key's: PRIMARY KEY (a, b), UNIQUE (a, b),
-- FOREIGN KEY (a) REFERENCES t(b) (the referenced table qualified where the search path does not find it).
CREATE OR REPLACE FUNCTION redshift_system.key_columns_text(names text[]) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT string_agg(quote_ident(name), ', ' ORDER BY n) FROM unnest(names) WITH ORDINALITY AS u(name, n)
$$;

CREATE OR REPLACE FUNCTION redshift_system.pg_get_constraintdef(constraint_id oid, pretty boolean DEFAULT false)
RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce(
        (SELECT CASE k.contype
                    WHEN 'p' THEN 'PRIMARY KEY (' || redshift_system.key_columns_text(k.columns) || ')'
                    WHEN 'u' THEN 'UNIQUE (' || redshift_system.key_columns_text(k.columns) || ')'
                    ELSE 'FOREIGN KEY (' || redshift_system.key_columns_text(k.columns) || ') REFERENCES '
                         || k.refrelid::regclass::text || '(' || redshift_system.key_columns_text(k.refcolumns) || ')'
                END
         FROM redshift_system.informational_key k WHERE k.oid = constraint_id),
        pg_catalog.pg_get_constraintdef(constraint_id, pretty))
$$;

-- ALTER TABLE ... ADD PRIMARY KEY (columns), before it: "You can't add a primary-key constraint to a nullable column.
-- If the column was originally created with the NOT NULL constraint, you can add the primary-key constraint"
-- (r_ALTER_TABLE.html). A column the table lacks is PostgreSQL's to report.
CREATE OR REPLACE FUNCTION redshift_system.check_primary_key_columns(relation regclass, columns text[])
RETURNS void LANGUAGE plpgsql STABLE SET search_path = pg_catalog AS $$
DECLARE
    nullable text;
BEGIN
    SELECT a.attname INTO nullable FROM pg_attribute a
    WHERE a.attrelid = relation AND a.attname = ANY (columns) AND a.attnum > 0 AND NOT a.attisdropped
      AND NOT a.attnotnull
    LIMIT 1;
    IF nullable IS NOT NULL THEN
        RAISE EXCEPTION 'cannot add a primary key on column "%": it is nullable', nullable
            USING ERRCODE = 'invalid_table_definition',
                  HINT = 'a primary key can be added to columns created NOT NULL';
    END IF;
END
$$;
