-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).

-- EXPLAIN: PostgreSQL's plan of a translated statement, with the design of the tables it reads (distribution
-- style, distribution key, first sort key column) and the number of slices, for local_redshift.explain to write as Redshift would. Planned without index scans and without
-- parallel workers, which Redshift does not have (the settings hold only while the function runs).
CREATE OR REPLACE FUNCTION redshift_system.explain_plan(query text) RETURNS jsonb
LANGUAGE plpgsql
SET enable_indexscan = off SET enable_indexonlyscan = off SET enable_bitmapscan = off
SET max_parallel_workers_per_gather = 0
AS $$
DECLARE
    plan jsonb;
BEGIN
    EXECUTE 'EXPLAIN (FORMAT JSON, VERBOSE) ' || query INTO plan;
    plan := plan -> 0 -> 'Plan';
    RETURN jsonb_build_object(
        'plan', plan,
        'slices', redshift_system.slice_count(),
        'tables', (
            SELECT jsonb_object_agg(n.nspname || '.' || c.relname,
                                    jsonb_build_object('diststyle', d.diststyle, 'distkey', d.distkey,
                                                       'sortkey1', d.sortkey[1]))
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN redshift_system.table_design d ON d.relid = c.oid
            WHERE (n.nspname, c.relname) IN (
                SELECT scan ->> 'Schema', scan ->> 'Relation Name'
                FROM jsonb_path_query(plan, 'lax $.** ? (exists (@."Relation Name"))') AS scan
            )
        )
    );
END
$$;
