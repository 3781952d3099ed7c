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

-- Rows written by the COPY implementation (over its own connection, so they outlive a failed load).
CREATE TABLE IF NOT EXISTS redshift_system.stl_load_errors (
    userid integer,
    slice integer,
    tbl integer,
    starttime timestamp,
    session integer,
    query integer,
    filename varchar(256),
    line_number bigint,
    colname varchar(127),
    type varchar(10),
    col_length varchar(10),
    position integer,
    raw_line varchar(1024),
    raw_field_value varchar(1024),
    err_code integer,
    err_reason varchar(100),
    is_partial integer,
    start_offset bigint
);

CREATE SEQUENCE IF NOT EXISTS redshift_system.query_id;

-- Rows loaded by the session's last COPY, which sets redshift.last_copy_count; 0 before any.
CREATE OR REPLACE FUNCTION redshift_system.pg_last_copy_count() RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('redshift.last_copy_count', true), ''), '0')::bigint
$$;

-- How the endpoint reports what Redshift refuses (unsupported SQL, a failed COPY): PostgreSQL itself fails the
-- statement with this SQLSTATE and message, so the transaction ends up exactly as after any failed statement.
CREATE OR REPLACE FUNCTION redshift_system.raise_error(sqlstate text, message text, detail text DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF detail IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = sqlstate, MESSAGE = message;
    END IF;
    RAISE EXCEPTION USING ERRCODE = sqlstate, MESSAGE = message, DETAIL = detail;
END
$$;

-- DATEDIFF: the number of `part` boundaries crossed from `startdate` to `enddate` (weeks start on Monday).
CREATE OR REPLACE FUNCTION redshift_system.datediff(part text, startdate timestamp, enddate timestamp)
RETURNS bigint LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    crossed numeric := CASE part
        WHEN 'millennium' THEN ceil(extract(year FROM enddate) / 1000) - ceil(extract(year FROM startdate) / 1000)
        WHEN 'century' THEN ceil(extract(year FROM enddate) / 100) - ceil(extract(year FROM startdate) / 100)
        WHEN 'decade' THEN floor(extract(year FROM enddate) / 10) - floor(extract(year FROM startdate) / 10)
        WHEN 'year' THEN extract(year FROM enddate) - extract(year FROM startdate)
        WHEN 'quarter' THEN (extract(year FROM enddate) * 4 + extract(quarter FROM enddate))
                          - (extract(year FROM startdate) * 4 + extract(quarter FROM startdate))
        WHEN 'month' THEN (extract(year FROM enddate) * 12 + extract(month FROM enddate))
                        - (extract(year FROM startdate) * 12 + extract(month FROM startdate))
        WHEN 'week' THEN (date_trunc('week', enddate)::date - date_trunc('week', startdate)::date) / 7
        WHEN 'day' THEN enddate::date - startdate::date
        WHEN 'hour' THEN extract(epoch FROM date_trunc('hour', enddate) - date_trunc('hour', startdate)) / 3600
        WHEN 'minute' THEN extract(epoch FROM date_trunc('minute', enddate) - date_trunc('minute', startdate)) / 60
        WHEN 'second' THEN extract(epoch FROM date_trunc('second', enddate) - date_trunc('second', startdate))
        WHEN 'millisecond' THEN
            extract(epoch FROM date_trunc('milliseconds', enddate) - date_trunc('milliseconds', startdate)) * 1000
        WHEN 'microsecond' THEN extract(epoch FROM enddate - startdate) * 1000000
    END;
BEGIN
    IF crossed IS NULL AND part IS NOT NULL AND part NOT IN ('millennium', 'century', 'decade', 'year', 'quarter',
            'month', 'week', 'day', 'hour', 'minute', 'second', 'millisecond', 'microsecond') THEN
        RAISE EXCEPTION 'datediff: the date part "%" is not supported', part USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN crossed;
END
$$;

CREATE OR REPLACE FUNCTION redshift_system.datediff(part text, startdate timestamptz, enddate timestamptz)
RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT redshift_system.datediff(part, startdate::timestamp, enddate::timestamp)
$$;

-- String literals (of type unknown to PostgreSQL) pick the text overloads and are read as timestamps, as on Redshift.
CREATE OR REPLACE FUNCTION redshift_system.datediff(part text, startdate text, enddate text)
RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT redshift_system.datediff(part, startdate::timestamp, enddate::timestamp)
$$;

CREATE OR REPLACE FUNCTION redshift_system.datediff(part text, startdate date, enddate date)
RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT redshift_system.datediff(part, startdate::timestamp, enddate::timestamp)
$$;

-- The interval of `amount` times one `part`, for DATEADD.
CREATE OR REPLACE FUNCTION redshift_system.date_part_interval(part text, amount bigint)
RETURNS interval LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    unit interval := CASE part
        WHEN 'millennium' THEN interval '1000 years'
        WHEN 'century' THEN interval '100 years'
        WHEN 'decade' THEN interval '10 years'
        WHEN 'year' THEN interval '1 year'
        WHEN 'quarter' THEN interval '3 months'
        WHEN 'month' THEN interval '1 month'
        WHEN 'week' THEN interval '7 days'
        WHEN 'day' THEN interval '1 day'
        WHEN 'hour' THEN interval '1 hour'
        WHEN 'minute' THEN interval '1 minute'
        WHEN 'second' THEN interval '1 second'
        WHEN 'millisecond' THEN interval '1 millisecond'
        WHEN 'microsecond' THEN interval '1 microsecond'
    END;
BEGIN
    IF unit IS NULL AND part IS NOT NULL THEN
        RAISE EXCEPTION 'dateadd: the date part "%" is not supported', part USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN amount * unit;
END
$$;

-- DATEADD: a month added to the 31st lands on the result month's last day when it is shorter.
CREATE OR REPLACE FUNCTION redshift_system.dateadd(part text, amount bigint, value timestamp)
RETURNS timestamp LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT value + redshift_system.date_part_interval(part, amount)
$$;

CREATE OR REPLACE FUNCTION redshift_system.dateadd(part text, amount bigint, value timestamptz)
RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT value + redshift_system.date_part_interval(part, amount)
$$;

CREATE OR REPLACE FUNCTION redshift_system.dateadd(part text, amount bigint, value text)
RETURNS timestamp LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT redshift_system.dateadd(part, amount, value::timestamp)
$$;

CREATE OR REPLACE FUNCTION redshift_system.dateadd(part text, amount bigint, value date)
RETURNS timestamp LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT redshift_system.dateadd(part, amount, value::timestamp)
$$;

-- ADD_MONTHS: from the last day of a month, the result is the last day of the result month.
CREATE OR REPLACE FUNCTION redshift_system.add_months(value timestamp, months bigint)
RETURNS timestamp LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN value::date = (date_trunc('month', value) + interval '1 month' - interval '1 day')::date
        THEN date_trunc('month', value) + (months + 1) * interval '1 month' - interval '1 day'
             + (value - date_trunc('day', value))
        ELSE value + months * interval '1 month'
    END
$$;

CREATE OR REPLACE FUNCTION redshift_system.add_months(value text, months bigint)
RETURNS timestamp LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT redshift_system.add_months(value::timestamp, months)
$$;

-- TRUNC with one argument: a timestamp becomes its date, a number loses its fraction.
CREATE OR REPLACE FUNCTION redshift_system.trunc(value timestamp) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT value::date $$;

CREATE OR REPLACE FUNCTION redshift_system.trunc(value timestamptz) RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT value::date $$;

CREATE OR REPLACE FUNCTION redshift_system.trunc(value numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT pg_catalog.trunc(value) $$;

CREATE OR REPLACE FUNCTION redshift_system.trunc(value double precision) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT pg_catalog.trunc(value) $$;

-- STRTOL: the number written in `num` in base `base` (2 to 36), read like C's strtol: leading blanks,
-- a sign and (base 16) a 0x prefix are allowed, and reading stops at the first character not a digit.
CREATE OR REPLACE FUNCTION redshift_system.strtol(num text, base integer) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    rest text := lower(ltrim(num, E' \t\n\r'));
    sign integer := 1;
    total numeric := 0;
    digit integer;
    symbol text;
BEGIN
    IF base NOT BETWEEN 2 AND 36 THEN
        RAISE EXCEPTION 'strtol: base % is not between 2 and 36', base USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF left(rest, 1) IN ('+', '-') THEN
        sign := CASE left(rest, 1) WHEN '-' THEN -1 ELSE 1 END;
        rest := substr(rest, 2);
    END IF;
    IF base = 16 AND left(rest, 2) = '0x' THEN
        rest := substr(rest, 3);
    END IF;
    FOREACH symbol IN ARRAY regexp_split_to_array(rest, '') LOOP
        digit := strpos('0123456789abcdefghijklmnopqrstuvwxyz', symbol) - 1;
        EXIT WHEN digit < 0 OR digit >= base;
        total := total * base + digit;
    END LOOP;
    RETURN sign * total;
END
$$;

GRANT SELECT ON ALL TABLES IN SCHEMA redshift_system TO PUBLIC;
GRANT USAGE ON SEQUENCE redshift_system.query_id TO PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA redshift_system TO PUBLIC;
GRANT EXECUTE ON ALL PROCEDURES IN SCHEMA redshift_system TO PUBLIC;

-- Last, so that the catalog's own tables get no design rows.
DROP EVENT TRIGGER IF EXISTS redshift_system_table_created;
CREATE EVENT TRIGGER redshift_system_table_created ON ddl_command_end
    WHEN TAG IN ('CREATE TABLE', 'CREATE TABLE AS', 'SELECT INTO')
    EXECUTE FUNCTION redshift_system.on_table_created();

DROP EVENT TRIGGER IF EXISTS redshift_system_table_dropped;
CREATE EVENT TRIGGER redshift_system_table_dropped ON sql_drop
    EXECUTE FUNCTION redshift_system.on_table_dropped();
