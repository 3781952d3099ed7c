-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).

-- What UNLOAD leaves behind: the rows below are written by the UNLOAD implementation (unload/history.py) over a
-- connection of its own, so that they outlive a failed or rolled-back UNLOAD, as Redshift's logs do.

-- One row per UNLOAD that began to unload: 'running' from then on, its counts brought up to date as it writes its
-- files, and 'completed' or 'aborted' (with its error) when it ends (SYS_UNLOAD_HISTORY holds "both running and
-- finished UNLOAD commands"). transaction_id is NULL for an UNLOAD that ran in a transaction of its own
-- (autocommit), as for COPY; end_time is NULL while it runs.
CREATE TABLE IF NOT EXISTS redshift_system.unload_history (
    query_id bigint NOT NULL,
    user_id integer NOT NULL,
    transaction_id bigint,
    session_id integer NOT NULL,
    database_name text NOT NULL,
    status text NOT NULL,
    start_time timestamp NOT NULL,
    end_time timestamp,
    file_format text NOT NULL,
    compression_type text NOT NULL,
    unloaded_location text NOT NULL,
    unloaded_rows bigint NOT NULL,
    unloaded_files_count bigint NOT NULL,
    unloaded_files_size bigint NOT NULL,
    error_message text
);

-- The same table as an earlier catalog made it (completed and aborted UNLOADs only, written once each).
ALTER TABLE redshift_system.unload_history DROP CONSTRAINT IF EXISTS unload_history_status_check;
ALTER TABLE redshift_system.unload_history
    ADD CONSTRAINT unload_history_status_check CHECK (status IN ('running', 'completed', 'aborted'));
ALTER TABLE redshift_system.unload_history ALTER COLUMN end_time DROP NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS unload_history_query_id ON redshift_system.unload_history (query_id);

-- One row per data file an UNLOAD wrote.
CREATE TABLE IF NOT EXISTS redshift_system.unload_files (
    query_id bigint NOT NULL,
    user_id integer NOT NULL,
    transaction_id bigint,
    session_id integer NOT NULL,
    slice integer NOT NULL,
    path text NOT NULL,
    start_time timestamp NOT NULL,
    end_time timestamp NOT NULL,
    line_count bigint NOT NULL,
    transfer_size bigint NOT NULL,
    file_format text NOT NULL
);

-- STL_UNLOAD_LOG, as its page lists the columns: pid is the session's process id.
CREATE OR REPLACE VIEW redshift_system.stl_unload_log AS
SELECT
    f.user_id AS userid,
    f.query_id::integer AS query,
    f.slice,
    f.session_id AS pid,
    f.path::character(1280) AS path,
    f.start_time,
    f.end_time,
    f.line_count,
    f.transfer_size,
    f.file_format::character(10) AS file_format
FROM redshift_system.unload_files f
WHERE redshift_system.sees_loads_of(f.user_id);

-- SYS_UNLOAD_DETAIL, as its page lists the columns.
CREATE OR REPLACE VIEW redshift_system.sys_unload_detail AS
SELECT
    f.user_id,
    f.query_id::integer AS query_id,
    f.session_id,
    f.transaction_id,
    f.path::character(1280) AS file_name,
    f.start_time,
    f.end_time,
    f.line_count,
    f.transfer_size,
    f.file_format::character(10) AS file_format
FROM redshift_system.unload_files f
WHERE redshift_system.sees_loads_of(f.user_id);

-- SYS_UNLOAD_HISTORY, as its page lists the columns (status and duration as 30_loads.sql reads them).
CREATE OR REPLACE VIEW redshift_system.sys_unload_history AS
SELECT
    h.user_id,
    h.query_id,
    h.transaction_id,
    h.session_id,
    h.database_name,
    redshift_system.history_status(h.status, h.session_id) AS status,
    h.start_time,
    h.end_time,
    redshift_system.history_duration(h.start_time, h.end_time) AS duration,
    h.file_format,
    h.compression_type,
    h.unloaded_location,
    h.unloaded_rows,
    h.unloaded_files_count,
    h.unloaded_files_size,
    h.error_message
FROM redshift_system.unload_history h
WHERE redshift_system.sees_loads_of(h.user_id);

-- Rows unloaded by the session's last UNLOAD: 0 from its start (so an UNLOAD that failed while unloading gives 0),
-- its count once it completes; 0 before any (PG_LAST_UNLOAD_COUNT.html).
CREATE OR REPLACE FUNCTION redshift_system.pg_last_unload_count() RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('redshift.last_unload_count', true), ''), '0')::bigint
$$;

-- The query id of the session's last UNLOAD, set in the UNLOAD's transaction as it begins to unload, so a
-- rolled-back transaction takes it back; -1 before any (PG_LAST_UNLOAD_ID.html).
CREATE OR REPLACE FUNCTION redshift_system.pg_last_unload_id() RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('redshift.last_unload_id', true), ''), '-1')::integer
$$;
