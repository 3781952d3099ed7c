-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).

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
