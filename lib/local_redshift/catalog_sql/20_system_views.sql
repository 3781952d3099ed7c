-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).

-- One row per column of the tables of the schemas on the search_path, as Redshift's PG_TABLE_DEF.
CREATE OR REPLACE VIEW redshift_system.pg_table_def AS
SELECT
    n.nspname AS schemaname,
    c.relname AS tablename,
    a.attname AS "column",
    format_type(a.atttypid, a.atttypmod)::text AS type,
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

-- User tables (and materialized views) holding at least one row, as Redshift's SVV_TABLE_INFO.
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
    t.tbl_rows::numeric(38, 0) AS tbl_rows,
    t.tbl_rows::numeric(38, 0) AS estimated_visible_rows
FROM counted t
JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE t.tbl_rows > 0
GROUP BY t.oid, t.nspname, t.relname, t.diststyle, t.distkey, t.sortkey, t.sortkey_type, t.encodings, t.tbl_rows;

-- Tables and views of every schema the user may read, as Redshift's SVV_TABLES.
CREATE OR REPLACE VIEW redshift_system.svv_tables AS
SELECT
    redshift_system.current_database()::varchar(128) AS table_catalog,
    n.nspname::varchar(128) AS table_schema,
    c.relname::varchar(128) AS table_name,
    CASE WHEN c.relkind IN ('v', 'm') THEN 'VIEW' ELSE 'BASE TABLE' END::varchar(128) AS table_type,
    pg_catalog.obj_description(c.oid, 'pg_class')::varchar(128) AS remarks
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm')
  AND n.nspname NOT IN ('redshift_system', 'pg_toast')
  AND NOT pg_catalog.pg_is_other_temp_schema(n.oid)
  AND pg_catalog.has_table_privilege(c.oid, 'SELECT');
