-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).

-- FORMAT_TYPE() as Redshift names the types: those the catalog makes in redshift_system (VARBYTE, GEOMETRY) by their
-- own names, "varbyte" and "geometry" ("Data types"), not schema-qualified as PostgreSQL names a type off the path.
CREATE OR REPLACE FUNCTION redshift_system.format_type(type_id oid, typmod integer) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(pg_catalog.format_type(type_id, typmod), '^redshift_system\.', '')
$$;

-- One row per column of the tables of the schemas on the search_path, as Redshift's PG_TABLE_DEF.
CREATE OR REPLACE VIEW redshift_system.pg_table_def AS
SELECT
    n.nspname AS schemaname,
    c.relname AS tablename,
    a.attname AS "column",
    redshift_system.format_type(a.atttypid, a.atttypmod)::text AS type,
    redshift_system.column_encoding(
        d.encodings ->> a.attname::text, a.atttypid, a.attname::text = ANY (coalesce(d.sortkey, '{}'))
    )::character(32) AS encoding,
    coalesce(d.diststyle = 'KEY' AND d.distkey = a.attname::text, false) AS distkey,
    coalesce(
        array_position(d.sortkey, a.attname::text)
            * CASE WHEN d.sortkey_type = 'INTERLEAVED' AND array_position(d.sortkey, a.attname::text) % 2 = 0
                   THEN -1 ELSE 1 END,
        0
    )::integer AS sortkey,
    a.attnotnull AS notnull
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN redshift_system.table_design d ON d.relid = c.oid
WHERE c.relkind IN ('r', 'p') AND pg_catalog.pg_table_is_visible(c.oid);

-- The exact row count of a table, for SVV_TABLE_INFO.
CREATE OR REPLACE FUNCTION redshift_system.count_rows(relation regclass) RETURNS bigint
LANGUAGE plpgsql STABLE AS $$
DECLARE
    total bigint;
BEGIN
    EXECUTE format('SELECT count(*) FROM %s', relation) INTO total;
    RETURN total;
END
$$;

-- The size in 1 MB blocks of one column of a table: a column holding rows takes one block at least.
CREATE OR REPLACE FUNCTION redshift_system.column_blocks(relation regclass, column_name text) RETURNS bigint
LANGUAGE plpgsql STABLE AS $$
DECLARE
    bytes numeric;
BEGIN
    EXECUTE format('SELECT sum(pg_column_size(%I)) FROM %s', column_name, relation) INTO bytes;
    RETURN greatest(1, ceil(coalesce(bytes, 0) / 1048576.0));
END
$$;

-- SVV_TABLE_INFO.skew_sortkey1: the blocks of the largest column outside the sort key over the blocks of the
-- sort key's first column; NULL without a sort key (or without columns outside it).
CREATE OR REPLACE FUNCTION redshift_system.sortkey_skew(relation regclass, sortkey text[]) RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN cardinality(sortkey) > 0 THEN
        (SELECT max(redshift_system.column_blocks(relation, a.attname::text))::numeric
         FROM pg_catalog.pg_attribute a
         WHERE a.attrelid = relation AND a.attnum > 0 AND NOT a.attisdropped AND NOT a.attname::text = ANY (sortkey))
        / redshift_system.column_blocks(relation, sortkey[1])
    END
$$;

-- SVV_TABLE_INFO.unsorted: the percentage of rows, in the order they are stored, whose first sort key column
-- is below a value stored before them (VACUUM does not reorder PostgreSQL's rows); NULL without a sort key.
CREATE OR REPLACE FUNCTION redshift_system.unsorted_percent(relation regclass, sortkey text[]) RETURNS numeric
LANGUAGE plpgsql STABLE AS $$
DECLARE
    unsorted numeric;
    sort_value text;  -- booleans have no max(): compared as integers
BEGIN
    IF cardinality(sortkey) = 0 THEN
        RETURN NULL;
    END IF;
    SELECT format(CASE WHEN a.atttypid = 'bool'::regtype THEN '%I::integer' ELSE '%I' END, sortkey[1])
    INTO sort_value FROM pg_catalog.pg_attribute a WHERE a.attrelid = relation AND a.attname = sortkey[1];
    EXECUTE format(
        'SELECT 100.0 * count(*) FILTER (WHERE v < before) / nullif(count(*), 0) FROM ('
        '  SELECT %1$s AS v, max(%1$s) OVER (ORDER BY ctid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)'
        '  AS before FROM %2$s) stored',
        sort_value, relation
    ) INTO unsorted;
    RETURN unsorted;
END
$$;

-- SVV_TABLE_INFO.stats_off: 0 when the table's statistics are current, 100 when it was never analyzed; in
-- between, the share of rows changed since the last ANALYZE (PostgreSQL's statistics collector counts them).
CREATE OR REPLACE FUNCTION redshift_system.stats_off(relation regclass, total_rows bigint) RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN s.last_analyze IS NULL AND s.last_autoanalyze IS NULL THEN 100
        ELSE least(100, 100.0 * s.n_mod_since_analyze / greatest(total_rows, 1))
    END
    FROM pg_catalog.pg_stat_all_tables s WHERE s.relid = relation
$$;

-- SVV_TABLE_INFO.skew_rows: the rows of the slice with the most rows over those of the slice with the fewest, over
-- the modelled slices of catalog_sql/50_slices.sql (PL/pgSQL finds slice_rows when called); NULL when a slice
-- holds none (no finite ratio).
CREATE OR REPLACE FUNCTION redshift_system.row_skew(relation regclass) RETURNS numeric
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN (SELECT max(s.rows)::numeric / nullif(min(s.rows), 0) FROM redshift_system.slice_rows(relation) AS s);
END
$$;

-- User tables (and materialized views) holding at least one row, as Redshift's SVV_TABLE_INFO. skew_rows
-- compares the rows of the modelled slices (NULL for DISTSTYLE ALL, kept whole on every node). pct_used is NULL:
-- PostgreSQL does not know the node's capacity.
DROP VIEW IF EXISTS redshift_system.svv_table_info;
CREATE OR REPLACE VIEW redshift_system.svv_table_info AS
WITH user_table AS (
    SELECT c.oid, n.nspname, c.relname, d.diststyle, d.distkey, coalesce(d.sortkey, '{}') AS sortkey,
           d.sortkey_type, coalesce(d.encodings, '{}') AS encodings
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN redshift_system.table_design d ON d.relid = c.oid
    WHERE c.relkind IN ('r', 'p', 'm')
      AND n.nspname NOT IN ('redshift_system', 'pg_catalog', 'information_schema', 'pg_toast')
      AND NOT pg_catalog.pg_is_other_temp_schema(n.oid)
      AND pg_catalog.has_table_privilege(c.oid, 'SELECT')
), counted AS (
    SELECT t.*, redshift_system.count_rows(t.oid) AS tbl_rows FROM user_table t
)
SELECT
    redshift_system.current_database()::text AS database,
    t.nspname::text AS schema,
    t.oid AS table_id,
    t.relname::text AS "table",
    CASE WHEN bool_or(redshift_system.column_encoding(t.encodings ->> a.attname::text, a.atttypid,
                                                      a.attname::text = ANY (t.sortkey)) <> 'none')
         THEN 'Y' ELSE 'N' END AS encoded,
    CASE coalesce(t.diststyle, 'AUTO')
        WHEN 'KEY' THEN 'KEY(' || t.distkey || ')'
        WHEN 'AUTO' THEN 'AUTO(EVEN)'
        ELSE t.diststyle
    END AS diststyle,
    CASE WHEN cardinality(t.sortkey) > 0 THEN t.sortkey[1]
         WHEN t.sortkey_type IS NULL OR t.sortkey_type = 'AUTO' THEN 'AUTO(SORTKEY)'
    END AS sortkey1,
    max(CASE WHEN a.atttypid = 'varchar'::regtype THEN a.atttypmod - 4 END)::integer AS max_varchar,
    CASE WHEN cardinality(t.sortkey) > 0 THEN
        (SELECT redshift_system.column_encoding(t.encodings ->> t.sortkey[1], s.atttypid, true)
         FROM pg_catalog.pg_attribute s WHERE s.attrelid = t.oid AND s.attname = t.sortkey[1])
    END::character(32) AS sortkey1_enc,
    cardinality(t.sortkey)::integer AS sortkey_num,
    ceil(pg_catalog.pg_total_relation_size(t.oid) / 1048576.0)::bigint AS size,
    NULL::numeric(10, 4) AS pct_used,
    0::bigint AS empty,
    redshift_system.unsorted_percent(t.oid, t.sortkey)::numeric(5, 2) AS unsorted,
    redshift_system.stats_off(t.oid, t.tbl_rows)::numeric(5, 2) AS stats_off,
    t.tbl_rows::numeric(38, 0) AS tbl_rows,
    redshift_system.sortkey_skew(t.oid, t.sortkey)::numeric(19, 2) AS skew_sortkey1,
    CASE WHEN t.diststyle IS DISTINCT FROM 'ALL' THEN redshift_system.row_skew(t.oid) END::numeric(19, 2) AS skew_rows,
    t.tbl_rows::numeric(38, 0) AS estimated_visible_rows
FROM counted t
JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE t.tbl_rows > 0
GROUP BY t.oid, t.nspname, t.relname, t.diststyle, t.distkey, t.sortkey, t.sortkey_type, t.encodings, t.tbl_rows;

-- Tables and views of every schema the user may read, as Redshift's SVV_TABLES (its columns are text).
DROP VIEW IF EXISTS redshift_system.svv_tables;
CREATE OR REPLACE VIEW redshift_system.svv_tables AS
SELECT
    redshift_system.current_database()::text AS table_catalog,
    n.nspname::text AS table_schema,
    c.relname::text AS table_name,
    CASE WHEN c.relkind IN ('v', 'm') THEN 'VIEW' ELSE 'BASE TABLE' END AS table_type,
    pg_catalog.obj_description(c.oid, 'pg_class') AS remarks
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm')
  AND n.nspname NOT IN ('redshift_system', 'pg_toast')
  AND NOT pg_catalog.pg_is_other_temp_schema(n.oid)
  AND pg_catalog.has_table_privilege(c.oid, 'SELECT');

-- VERSION() in the shape of Redshift's answer. "1.0.0" is the local Redshift's own build number, not a release
-- of Amazon Redshift.
CREATE OR REPLACE FUNCTION redshift_system.version() RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT 'PostgreSQL 8.0.2 on i686-pc-linux-gnu, compiled by GCC gcc (GCC) 3.4.2 20041017 (Red Hat 3.4.2-6.fc3),'
           ' Redshift 1.0.0'
$$;
