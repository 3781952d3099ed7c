-- "Superusers can view all catalog tables", and "the admin user ... you created when you launched the cluster, is a
-- superuser" (r_superusers.html). PostgreSQL keeps two of its catalog tables, PG_STATISTIC and PG_LARGEOBJECT, from
-- all but its own superuser, which the master user is not (no server files or programs): reading them is granted
-- to the cluster's superusers (is_superuser) in each database instead.
-- The master user exists before the catalog's template is made (endpoint/clusters.py), so every database made
-- from it has the grant; a warehouse of an earlier build gets it when its catalog is refreshed.
DO $$
DECLARE
    superuser name;
BEGIN
    FOR superuser IN
        SELECT r.rolname FROM pg_catalog.pg_roles r
        WHERE redshift_system.is_superuser(r.rolname) AND NOT r.rolsuper AND r.rolname !~ '^pg_'
    LOOP
        EXECUTE format('GRANT SELECT ON pg_catalog.pg_statistic, pg_catalog.pg_largeobject TO %I', superuser);
    END LOOP;
END
$$;
