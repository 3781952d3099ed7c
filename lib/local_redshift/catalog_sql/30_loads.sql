-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).

-- What COPY leaves behind: the rows below are written by the COPY implementation over a connection of its own
-- (copy/load_errors.py RowWriter), so that they outlive a failed or rolled-back load, as Redshift's logs do.

-- One row per rejected record.
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

-- One row per COPY that began loading: 'running' from then on, its counts brought up to date as it reads its
-- files, and 'completed' or 'aborted' when it ends (SYS_LOAD_HISTORY holds "both running and finished COPY
-- commands", with "accumulated statistics"). The files are counted as the load reaches them, so an aborted COPY
-- counts those it reached. transaction_id is NULL for a COPY that ran in a transaction of its own (autocommit),
-- whose id is not known when it begins; end_time is NULL while it runs.
CREATE TABLE IF NOT EXISTS redshift_system.load_history (
    query_id bigint NOT NULL,
    user_id integer NOT NULL,
    transaction_id bigint,
    session_id integer NOT NULL,
    database_name text NOT NULL,
    status text NOT NULL,
    table_name text NOT NULL,
    start_time timestamp NOT NULL,
    end_time timestamp,
    data_source text NOT NULL,
    file_format text NOT NULL,
    loaded_rows bigint NOT NULL,
    loaded_bytes bigint NOT NULL,
    file_count bigint NOT NULL,
    file_bytes bigint NOT NULL,
    error_count bigint NOT NULL
);

-- The same table as an earlier catalog made it (completed and aborted loads only, written once each).
ALTER TABLE redshift_system.load_history DROP CONSTRAINT IF EXISTS load_history_status_check;
ALTER TABLE redshift_system.load_history
    ADD CONSTRAINT load_history_status_check CHECK (status IN ('running', 'completed', 'aborted'));
ALTER TABLE redshift_system.load_history ALTER COLUMN end_time DROP NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS load_history_query_id ON redshift_system.load_history (query_id);

-- One row per file a completed COPY loaded.
CREATE TABLE IF NOT EXISTS redshift_system.load_commits (
    userid integer NOT NULL,
    query bigint NOT NULL,
    filename text NOT NULL,
    lines_scanned bigint NOT NULL,
    curtime timestamp NOT NULL,
    file_format text NOT NULL
);

-- One row per slice of each COPY: how far its load has come (copy/load_state.py), written as it begins and after
-- every million records; a row replaces the one of its COPY and slice.
CREATE TABLE IF NOT EXISTS redshift_system.load_state (
    userid integer NOT NULL,
    session integer NOT NULL,
    query integer NOT NULL,
    slice integer NOT NULL,
    pid integer NOT NULL,
    recordtime timestamp NOT NULL,
    bytes_to_load bigint NOT NULL,
    bytes_loaded bigint NOT NULL,
    bytes_to_load_compressed bigint NOT NULL,
    bytes_loaded_compressed bigint NOT NULL,
    lines integer NOT NULL,
    num_files integer NOT NULL,
    num_files_complete integer NOT NULL,
    current_file text NOT NULL,
    pct_complete integer NOT NULL,
    PRIMARY KEY (query, slice)
);

CREATE SEQUENCE IF NOT EXISTS redshift_system.query_id;

-- Superusers see every load; other users their own (as Redshift's STL and SYS views).
CREATE OR REPLACE FUNCTION redshift_system.sees_loads_of(userid integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT r.oid = userid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user), false)
           OR redshift_system.is_superuser(current_user)
$$;

-- STL_LOAD_COMMITS, as its page lists the columns; those "for internal use only" are 0, and no file is split.
CREATE OR REPLACE VIEW redshift_system.stl_load_commits AS
SELECT
    c.userid,
    c.query::integer AS query,
    0::integer AS slice,
    c.filename::character(256) AS name,
    c.filename::character(256) AS filename,
    0::integer AS byte_offset,
    c.lines_scanned::integer AS lines_scanned,
    0::integer AS errors,
    c.curtime,
    0::integer AS status,
    c.file_format::character(16) AS file_format,
    0::integer AS is_partial,
    0::bigint AS start_offset,
    0::bigint AS copy_job_id
FROM redshift_system.load_commits c
WHERE redshift_system.sees_loads_of(c.userid);

-- The status of a COPY's or UNLOAD's history row: a running one whose session has gone (the endpoint stopped) ended.
CREATE OR REPLACE FUNCTION redshift_system.history_status(status text, session_id integer) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN status = 'running' AND NOT EXISTS (
        SELECT 1 FROM pg_catalog.pg_stat_activity a WHERE a.pid = session_id
    ) THEN 'aborted' ELSE status END
$$;

-- Its duration in microseconds; of a running one, so far.
CREATE OR REPLACE FUNCTION redshift_system.history_duration(start_time timestamp, end_time timestamp) RETURNS bigint
LANGUAGE sql VOLATILE AS $$
    SELECT (extract(epoch FROM coalesce(end_time, pg_catalog.timezone('UTC', pg_catalog.clock_timestamp()))
        - start_time) * 1000000)::bigint
$$;

-- STV_LOAD_STATE, as its page lists the columns.
CREATE OR REPLACE VIEW redshift_system.stv_load_state AS
SELECT
    l.userid, l.session, l.query, l.slice, l.pid, l.recordtime, l.bytes_to_load, l.bytes_loaded,
    l.bytes_to_load_compressed, l.bytes_loaded_compressed, l.lines, l.num_files, l.num_files_complete,
    l.current_file::character(256) AS current_file, l.pct_complete
FROM redshift_system.load_state l
WHERE redshift_system.sees_loads_of(l.userid);

-- SYS_LOAD_HISTORY, as its page lists the columns.
CREATE OR REPLACE VIEW redshift_system.sys_load_history AS
SELECT
    h.user_id,
    h.query_id,
    h.transaction_id,
    h.session_id,
    h.database_name,
    redshift_system.history_status(h.status, h.session_id) AS status,
    h.table_name,
    h.start_time,
    h.end_time,
    redshift_system.history_duration(h.start_time, h.end_time) AS duration,
    h.data_source,
    h.file_format,
    h.loaded_rows,
    h.loaded_bytes,
    h.file_count::integer AS source_file_count,
    h.file_bytes AS source_file_bytes,
    h.file_count::integer AS file_count_scanned,
    h.file_bytes AS file_bytes_scanned,
    h.error_count,
    0::bigint AS copy_job_id
FROM redshift_system.load_history h
WHERE redshift_system.sees_loads_of(h.user_id);

-- SYS_LOAD_ERROR_DETAIL, as its page lists the columns: one row per load error (STL_LOAD_ERRORS'), with the
-- transaction of its COPY once the COPY has ended.
CREATE OR REPLACE VIEW redshift_system.sys_load_error_detail AS
SELECT
    e.userid AS user_id,
    e.query::bigint AS query_id,
    (SELECT h.transaction_id FROM redshift_system.load_history h WHERE h.query_id = e.query LIMIT 1)
        AS transaction_id,
    e.session AS session_id,
    redshift_system.current_database()::character(64) AS database_name,
    e.tbl AS table_id,
    e.starttime AS start_time,
    e.filename::character(256) AS file_name,
    e.line_number,
    e.colname::character(127) AS column_name,
    e.type::character(10) AS column_type,
    e.col_length::character(10) AS column_length,
    e.position,
    e.err_code AS error_code,
    e.err_reason::character(512) AS error_message
FROM redshift_system.stl_load_errors e
WHERE redshift_system.sees_loads_of(e.userid);

-- Rows loaded by the session's last COPY, which sets redshift.last_copy_count; 0 before any.
CREATE OR REPLACE FUNCTION redshift_system.pg_last_copy_count() RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('redshift.last_copy_count', true), ''), '0')::bigint
$$;

-- The query id of the session's last COPY, set (redshift.last_copy_id) in the COPY's transaction as it begins
-- to load, so a rolled-back transaction takes it back; -1 before any.
CREATE OR REPLACE FUNCTION redshift_system.pg_last_copy_id() RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('redshift.last_copy_id', true), ''), '-1')::integer
$$;
