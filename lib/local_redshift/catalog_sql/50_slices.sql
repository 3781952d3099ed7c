-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).

-- Slices, as modelled: PostgreSQL stores each table once, but the catalog computes where Redshift would keep each
-- row. The cluster's node type and number of nodes are the database settings redshift.node_type and
-- redshift.number_of_nodes (by default the tutorial's cluster: one ra3.large node).

-- Slices per node of each node type, as the Amazon Redshift Management Guide's node type table lists them
-- (https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-clusters.html, "Node type details").
CREATE OR REPLACE FUNCTION redshift_system.slices_per_node(node_type text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE lower(node_type)
        WHEN 'ra3.large' THEN 2 WHEN 'ra3.xlplus' THEN 2 WHEN 'ra3.4xlarge' THEN 4 WHEN 'ra3.16xlarge' THEN 16
        WHEN 'dc2.large' THEN 2 WHEN 'dc2.8xlarge' THEN 16 WHEN 'ds2.xlarge' THEN 2 WHEN 'ds2.8xlarge' THEN 16
        ELSE 2
    END
$$;

CREATE OR REPLACE FUNCTION redshift_system.node_count() RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT greatest(1, coalesce(nullif(current_setting('redshift.number_of_nodes', true), '')::integer, 1))
$$;

CREATE OR REPLACE FUNCTION redshift_system.slice_count() RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT redshift_system.node_count()
           * redshift_system.slices_per_node(coalesce(nullif(current_setting('redshift.node_type', true), ''),
                                                      'ra3.large'))
$$;

-- STV_SLICES: slices are numbered across the cluster, node by node (node 0 holds slices 0 and 1 of ra3.large).
CREATE OR REPLACE VIEW redshift_system.stv_slices AS
SELECT (s / (redshift_system.slice_count() / redshift_system.node_count()))::integer AS node,
       s::integer AS slice,
       (s % (redshift_system.slice_count() / redshift_system.node_count()))::integer AS localslice,
       'D'::character(1) AS type
FROM generate_series(0, redshift_system.slice_count() - 1) AS s;

-- The slice a row of a DISTSTYLE KEY table lives on: a hash of its DISTKEY value (Redshift's own hash is not
-- published; NULL keys all go to one slice, as Redshift keeps equal values together).
CREATE OR REPLACE FUNCTION redshift_system.key_slice(value text, slices integer) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN value IS NULL THEN 0 ELSE (abs(hashtextextended(value, 0)) % slices)::integer END
$$;

-- The rows of a table on each slice: by the DISTKEY's hash (KEY), round robin in the order rows are stored
-- (EVEN, and AUTO, shown as AUTO(EVEN)), or a whole copy on the first slice of every node (ALL).
CREATE OR REPLACE FUNCTION redshift_system.slice_rows(relation regclass)
RETURNS TABLE (slice integer, rows bigint)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    design redshift_system.table_design;
    slices integer := redshift_system.slice_count();
    per_node integer := redshift_system.slice_count() / redshift_system.node_count();
BEGIN
    SELECT * INTO design FROM redshift_system.table_design WHERE relid = relation;
    IF design.diststyle = 'ALL' THEN
        RETURN QUERY EXECUTE format(
            'SELECT s.slice, CASE WHEN s.slice %% %s = 0 THEN (SELECT count(*) FROM %s) ELSE 0 END::bigint'
            ' FROM generate_series(0, %s - 1) AS s(slice)', per_node, relation, slices);
    ELSIF design.diststyle = 'KEY' AND EXISTS (
        SELECT FROM pg_catalog.pg_attribute WHERE attrelid = relation AND attname = design.distkey AND NOT attisdropped
    ) THEN  -- (a DISTKEY renamed since is not followed by table_design: such a table is dealt round robin)
        RETURN QUERY EXECUTE format(
            'SELECT s.slice, count(t.k)::bigint FROM generate_series(0, %1$s - 1) AS s(slice)'
            ' LEFT JOIN (SELECT redshift_system.key_slice(%2$I::text, %1$s) AS k FROM %3$s) t ON t.k = s.slice'
            ' GROUP BY s.slice', slices, design.distkey, relation);
    ELSE
        RETURN QUERY EXECUTE format(
            'SELECT s.slice, count(t.k)::bigint FROM generate_series(0, %1$s - 1) AS s(slice)'
            ' LEFT JOIN (SELECT ((row_number() OVER (ORDER BY ctid) - 1) %% %1$s)::integer AS k FROM %2$s) t'
            ' ON t.k = s.slice GROUP BY s.slice', slices, relation);
    END IF;
END
$$;

-- STV_TBL_PERM: a row per slice of every user table, with the rows the slice holds. sorted_rows applies the
-- table's unsorted share (SVV_TABLE_INFO.unsorted) to each slice, 0 without a sort key; dist_style is the number
-- PG_CLASS_INFO.reldiststyle gives (0 EVEN, 1 KEY, 8 ALL, 11 AUTO(EVEN)); block_count is -1, which the page
-- gives for "the block count cannot be calculated": PostgreSQL keeps no 1 MB blocks per slice.
CREATE OR REPLACE VIEW redshift_system.stv_tbl_perm AS
SELECT
    s.slice,
    c.oid::integer AS id,
    c.relname::character(72) AS name,
    s.rows,
    CASE WHEN cardinality(coalesce(d.sortkey, '{}')) > 0
         THEN round(s.rows * (100 - coalesce(redshift_system.unsorted_percent(c.oid, d.sortkey), 0)) / 100)
         ELSE 0 END::bigint AS sorted_rows,
    (c.relpersistence = 't')::integer AS temp,
    (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())::integer AS db_id,
    0 AS insert_pristine,
    0 AS delete_pristine,
    coalesce(d.backup, true)::integer AS backup,
    CASE coalesce(d.diststyle, 'AUTO') WHEN 'EVEN' THEN 0 WHEN 'KEY' THEN 1 WHEN 'ALL' THEN 8 ELSE 11 END AS dist_style,
    -1 AS block_count
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN redshift_system.table_design d ON d.relid = c.oid
CROSS JOIN LATERAL redshift_system.slice_rows(c.oid) AS s
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('redshift_system', 'pg_catalog', 'information_schema', 'pg_toast')
  AND NOT pg_catalog.pg_is_other_temp_schema(n.oid)
  AND pg_catalog.has_table_privilege(c.oid, 'SELECT');
