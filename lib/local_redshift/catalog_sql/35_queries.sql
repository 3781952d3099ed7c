-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).

-- One row per statement a client ran through the endpoint, written by the endpoint's query log over a
-- connection of its own (endpoint/query_log.py), so that a statement that failed or rolled back shows too.
-- `query_text` is the client's Redshift text. `leader_only`: a query that references no table, or catalog
-- tables only, which Redshift runs on the leader node alone (no STL_QUERY row, no PG_LAST_QUERY_ID).
CREATE TABLE IF NOT EXISTS redshift_system.query_history (
    query_id bigint PRIMARY KEY,
    user_name text NOT NULL,
    session_id integer NOT NULL,
    database_name text NOT NULL,
    query_type text NOT NULL,
    leader_only boolean NOT NULL,
    status text NOT NULL CHECK (status IN ('success', 'failed', 'canceled')),
    start_time timestamp NOT NULL,
    end_time timestamp NOT NULL,
    query_text text NOT NULL,
    error_message text
);

-- Superusers see every row; other users their own (as the STL and SYS views of Redshift).
CREATE OR REPLACE FUNCTION redshift_system.sees_queries_of(user_name text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT user_name = session_user::text OR redshift_system.is_superuser(session_user)
$$;

-- STL_QUERY: queries only, not DDL or utility commands, nor those run on the leader node alone.
CREATE OR REPLACE VIEW redshift_system.stl_query AS
SELECT
    (SELECT u.usesysid FROM pg_catalog.pg_user u WHERE u.usename = h.user_name)::integer AS userid,
    h.query_id::integer AS query,
    'default'::character(320) AS label,
    NULL::bigint AS xid,
    h.session_id AS pid,
    h.database_name::character(32) AS database,
    left(h.query_text, 4000)::character(4000) AS querytxt,
    h.start_time AS starttime,
    h.end_time AS endtime,
    CASE h.status WHEN 'success' THEN 0 ELSE 1 END::integer AS aborted,
    0::integer AS insert_pristine,
    0::integer AS concurrency_scaling_status
FROM redshift_system.query_history h
WHERE h.query_type NOT IN ('DDL', 'UTILITY') AND NOT h.leader_only
  AND redshift_system.sees_queries_of(h.user_name);

-- SYS_QUERY_HISTORY: every statement, DDL and utility commands included. What the local Redshift does not
-- measure (rows and bytes returned, time queued apart from running) is NULL or 0, never invented.
CREATE OR REPLACE VIEW redshift_system.sys_query_history AS
SELECT
    (SELECT u.usesysid FROM pg_catalog.pg_user u WHERE u.usename = h.user_name)::integer AS user_id,
    h.query_id AS query_id,
    'default'::character(320) AS query_label,
    NULL::bigint AS transaction_id,
    h.session_id AS session_id,
    h.database_name::character(128) AS database_name,
    h.query_type::character(32) AS query_type,
    h.status::character(10) AS status,
    false AS result_cache_hit,
    h.start_time AS start_time,
    h.end_time AS end_time,
    (extract(epoch FROM h.end_time - h.start_time) * 1000000)::bigint AS elapsed_time,
    0::bigint AS queue_time,
    (extract(epoch FROM h.end_time - h.start_time) * 1000000)::bigint AS execution_time,
    left(h.error_message, 512)::character(512) AS error_message,
    NULL::bigint AS returned_rows,
    NULL::bigint AS returned_bytes,
    left(h.query_text, 4000)::character(4000) AS query_text,
    NULL::character(256) AS redshift_version
FROM redshift_system.query_history h
WHERE redshift_system.sees_queries_of(h.user_name);

-- The query id of the session's most recently completed query (the endpoint sets redshift.last_query_id
-- before a statement that calls this); -1 before any.
CREATE OR REPLACE FUNCTION redshift_system.pg_last_query_id() RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('redshift.last_query_id', true), ''), '-1')::integer
$$;

-- SVL_QUERY_SUMMARY holds the steps of each query on the compute nodes: the local Redshift has no steps to
-- show, so reading it fails, naming it, rather than answering with invented rows.
CREATE OR REPLACE FUNCTION redshift_system.refuse_svl_query_summary() RETURNS TABLE (
    userid integer, query integer, stm integer, seg integer, step integer, maxtime bigint, avgtime bigint,
    "rows" bigint, bytes bigint, rate_row double precision, rate_byte double precision, label text,
    is_diskbased character(1), workmem bigint, is_rrscan character(1), is_delayed_scan character(1),
    rows_pre_filter bigint
) LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'feature_not_supported', MESSAGE = 'SVL_QUERY_SUMMARY is not supported by '
        || 'the local Redshift; it runs queries without Redshift''s steps and segments: read STL_QUERY or '
        || 'SYS_QUERY_HISTORY';
END
$$;

CREATE OR REPLACE VIEW redshift_system.svl_query_summary AS
SELECT * FROM redshift_system.refuse_svl_query_summary();
