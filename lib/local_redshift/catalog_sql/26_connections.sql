-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).

-- One row per connection event the endpoint sees: 'authenticated' and 'initiating session' when a client logs in
-- (endpoint/connection_log.py writes them over a connection of its own), 'disconnecting session' with the
-- session's duration when it leaves (written by the session's own backend through log_disconnect, as it ends). The client's driver, operating system and application are what its
-- startup packet said (redshift_connector sends driver_version and os_version).
CREATE TABLE IF NOT EXISTS redshift_system.connection_history (
    event text NOT NULL,
    record_time timestamp NOT NULL,
    remote_host text NOT NULL,
    remote_port text NOT NULL,
    session_id integer NOT NULL,
    database_name text NOT NULL,
    user_name text NOT NULL,
    auth_method text NOT NULL,
    duration bigint NOT NULL,
    ssl_version text NOT NULL,
    ssl_cipher text NOT NULL,
    application_name text NOT NULL,
    os_version text NOT NULL,
    driver_version text NOT NULL,
    protocol_version integer NOT NULL
);

-- The leaving of the calling session, copied from its login's row; only the duration ($1: a column's name would
-- win over the parameter's) is the caller's.
CREATE OR REPLACE FUNCTION redshift_system.log_disconnect(duration bigint) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog AS $$
    INSERT INTO redshift_system.connection_history
    SELECT 'disconnecting session', (clock_timestamp() AT TIME ZONE 'UTC'), c.remote_host, c.remote_port,
           c.session_id, c.database_name, c.user_name, c.auth_method, greatest($1, 0), c.ssl_version,
           c.ssl_cipher, c.application_name, c.os_version, c.driver_version, c.protocol_version
    FROM redshift_system.connection_history c
    WHERE c.session_id = pg_backend_pid() AND c.event = 'initiating session'
      AND c.user_name = session_user::text
      AND NOT EXISTS (SELECT 1 FROM redshift_system.connection_history d
                      WHERE d.session_id = c.session_id AND d.event = 'disconnecting session'
                        AND d.record_time >= c.record_time)
    ORDER BY c.record_time DESC LIMIT 1
$$;

-- STL_CONNECTION_LOG (r_STL_CONNECTION_LOG.html): visible to superusers only. What the local Redshift does not
-- have (MTU, SSL compression and expansion, IAM authentication, plugins) is empty or 0.
CREATE OR REPLACE VIEW redshift_system.stl_connection_log AS
SELECT
    c.event::character(50) AS event,
    c.record_time AS recordtime,
    c.remote_host::character(45) AS remotehost,
    c.remote_port::character(32) AS remoteport,
    c.session_id AS pid,
    c.database_name::character(50) AS dbname,
    c.user_name::character(50) AS username,
    c.auth_method::character(32) AS authmethod,
    least(c.duration, 2147483647)::integer AS duration,
    c.ssl_version::character(50) AS sslversion,
    c.ssl_cipher::character(128) AS sslcipher,
    0::integer AS mtu,
    ''::character(64) AS sslcompression,
    ''::character(64) AS sslexpansion,
    ''::character(36) AS iamauthguid,
    c.application_name::character(250) AS application_name,
    c.os_version::character(64) AS os_version,
    c.driver_version::character(64) AS driver_version,
    ''::character(32) AS plugin_name,
    c.protocol_version AS protocol_version
FROM redshift_system.connection_history c
WHERE redshift_system.is_superuser(session_user);

-- STL_UNDONE (r_STL_UNDONE.html): transactions undone; the local Redshift undoes none, so it has no rows.
CREATE OR REPLACE VIEW redshift_system.stl_undone AS
SELECT NULL::integer AS userid, NULL::bigint AS xact_id, NULL::bigint AS xact_id_undone,
       NULL::timestamp AS undo_start_ts, NULL::timestamp AS undo_end_ts, NULL::bigint AS table_id
WHERE false;
