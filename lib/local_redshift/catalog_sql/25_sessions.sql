-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).

-- The client sessions of the cluster's server, in any of the cluster's databases (each named by its Redshift name),
-- read with the rights of the catalog's owner (PostgreSQL shows a role the details of its own sessions only), and
-- only those the session may see: superusers (and holders of sys:monitor or sys:operator: sees_all_rows) every
-- one, other users their own. The endpoint's own connections (the server's superuser's) are none of the cluster's.
CREATE OR REPLACE FUNCTION redshift_system.cluster_sessions()
RETURNS TABLE (backend_start timestamptz, pid integer, user_name name, database_name name)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT a.backend_start, a.pid, a.usename,
           CASE WHEN a.datname = pg_catalog.current_database() THEN redshift_system.current_database()
                WHEN a.datname ~ '^rs_' THEN nullif(current_setting('redshift.cluster_database', true), '')::name
                ELSE a.datname END
    FROM pg_catalog.pg_stat_activity a
    WHERE a.backend_type = 'client backend' AND a.usesysid <> 10
      AND (a.usename = session_user OR redshift_system.sees_all_rows())
$$;

-- The sessions open on the cluster, as Redshift's STV_SESSIONS. The endpoint logs every backend in as the client's
-- user (the cluster's master user, in the cluster's own server); a session that changed its role (SET SESSION
-- AUTHORIZATION) shows under its login. No session has a timeout (timeout_sec 0).
CREATE OR REPLACE VIEW redshift_system.stv_sessions AS
SELECT
    (s.backend_start AT TIME ZONE 'UTC')::timestamp AS starttime,
    s.pid::integer AS process,
    s.user_name::character(50) AS user_name,
    s.database_name::character(50) AS db_name,
    0::integer AS timeout_sec
FROM redshift_system.cluster_sessions() s;
