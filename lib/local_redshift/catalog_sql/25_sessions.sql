-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).

-- The sessions open on the cluster's database, as Redshift's STV_SESSIONS: superusers (and holders of sys:monitor or
-- sys:operator) see every session, other users their own. The endpoint logs every backend in as the client's user
-- (the cluster's master user, in the cluster's own server); its own connections (the server's superuser's) are none
-- of the cluster's sessions.
-- No session has a timeout (timeout_sec 0).
CREATE OR REPLACE VIEW redshift_system.stv_sessions AS
WITH this_session AS (
    SELECT a.usesysid FROM pg_catalog.pg_stat_activity a WHERE a.pid = pg_catalog.pg_backend_pid()
), session AS (
    SELECT a.backend_start, a.pid,
           CASE WHEN a.usesysid = (SELECT usesysid FROM this_session) THEN session_user ELSE a.usename END AS user_name
    FROM pg_catalog.pg_stat_activity a
    WHERE a.datid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
      AND a.backend_type = 'client backend' AND a.usesysid <> 10
)
SELECT
    (s.backend_start AT TIME ZONE 'UTC')::timestamp AS starttime,
    s.pid::integer AS process,
    s.user_name::character(50) AS user_name,
    redshift_system.current_database()::character(50) AS db_name,
    0::integer AS timeout_sec
FROM session s
WHERE s.user_name = session_user OR redshift_system.sees_all_rows();
