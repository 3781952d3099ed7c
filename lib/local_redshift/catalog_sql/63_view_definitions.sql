-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).
-- PG_GET_VIEWDEF() of a late-binding view is its whole DDL, CREATE VIEW <name> AS <query> WITH NO SCHEMA BINDING (as
-- sqlalchemy-redshift's tests find it on Redshift), not the late_binding_rows() call that runs it here
-- (10_schema_and_table_design.sql); of any other view, PostgreSQL's.
CREATE OR REPLACE FUNCTION redshift_system.late_binding_query(view_id oid) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT replace(substring(pg_catalog.pg_get_viewdef(view_id)
                             FROM $re$redshift_system\.late_binding_rows\('((?:[^']|'')*)'::text\)$re$), '''''', '''')
$$;

-- The query of a view as Redshift prints it (PG_GET_VIEWDEF, SHOW VIEW): each column of its one relation named with
-- the relation's name, `venue.venueid`, as the SHOW VIEW page's examples print them. PostgreSQL qualifies the columns
-- of a query of several relations, and of a subquery, itself; of a query of one relation it names them bare. So the
-- bare columns of the outer query of `definition` (PostgreSQL's text of it) are qualified here, when its FROM is one
-- relation of the database: the lowercase or quoted names of the relation's columns outside the FROM, subqueries,
-- type names, function names, aliases (after AS) and EXTRACT's field. Any other query is returned as it is.
CREATE OR REPLACE FUNCTION redshift_system.qualified_view_query(definition text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    tokens text[] := ARRAY(SELECT m[1] FROM regexp_matches(definition,
        $re$('(?:[^']|'')*'|"(?:[^"]|"")*"|::|[A-Za-z_][A-Za-z0-9_$]*|[0-9]+(?:\.[0-9]+)?|\s+|.)$re$, 'g') AS m);
    significant int[] := ARRAY(SELECT n FROM unnest(tokens) WITH ORDINALITY AS t(token, n) WHERE token !~ '^\s+$');
    clause_ends text[] := ARRAY['WHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'WINDOW', 'FETCH', 'FOR', ';'];
    depth int := 0;
    subqueries int[] := '{}';  -- the depths at which a parenthesis opened a subquery
    from_items text[] := '{}';
    in_from boolean := false;
    in_type boolean := false;  -- the words of a type name after ::
    relation regclass;
    refname text;
    columns text[];
    token text;
    before text;
    after text;
    i int;
    k int;
BEGIN
    -- the outer query's FROM, as its tokens, and whether the query is one SELECT
    FOR k IN 1 .. coalesce(array_length(significant, 1), 0) LOOP
        token := tokens[significant[k]];
        IF token = '(' THEN
            depth := depth + 1;
        ELSIF token = ')' THEN
            depth := depth - 1;
        ELSIF depth = 0 AND token IN ('UNION', 'INTERSECT', 'EXCEPT', 'WITH') THEN
            RETURN definition;
        ELSIF depth = 0 AND token = 'FROM' THEN
            in_from := true;
            CONTINUE;
        ELSIF depth = 0 AND token = ANY (clause_ends) THEN
            in_from := false;
        END IF;
        IF in_from THEN
            from_items := from_items || token;
        END IF;
    END LOOP;
    IF from_items IS NULL OR array_length(from_items, 1) IS NULL OR EXISTS (
            SELECT FROM unnest(from_items) AS f(t) WHERE t IN ('(', ',', 'JOIN', 'ON', 'LATERAL', 'ONLY')) THEN
        RETURN definition;
    END IF;
    IF array_length(from_items, 1) IN (1, 2) AND (array_length(from_items, 1) = 1 OR from_items[2] <> '.') THEN
        relation := to_regclass(from_items[1]);
        refname := coalesce(from_items[2], from_items[1]);
    ELSIF array_length(from_items, 1) IN (3, 4) AND from_items[2] = '.' THEN
        relation := to_regclass(from_items[1] || '.' || from_items[3]);
        refname := coalesce(from_items[4], from_items[3]);
    END IF;
    IF relation IS NULL THEN
        RETURN definition;
    END IF;
    columns := ARRAY(SELECT quote_ident(attname) FROM pg_catalog.pg_attribute
                     WHERE attrelid = relation AND attnum > 0 AND NOT attisdropped);
    depth := 0;
    in_from := false;
    FOR k IN 1 .. coalesce(array_length(significant, 1), 0) LOOP
        i := significant[k];
        token := tokens[i];
        before := CASE WHEN k > 1 THEN tokens[significant[k - 1]] END;
        after := CASE WHEN k < array_length(significant, 1) THEN tokens[significant[k + 1]] END;
        in_type := (in_type OR before = '::') AND token ~ '^[a-z_][a-z0-9_$]*$';
        IF in_type THEN
            CONTINUE;
        ELSIF token = '(' THEN
            depth := depth + 1;
            IF after IN ('SELECT', 'VALUES') THEN
                subqueries := subqueries || depth;
            END IF;
        ELSIF token = ')' THEN
            subqueries := array_remove(subqueries, depth);
            depth := depth - 1;
        ELSIF depth = 0 AND token = 'FROM' THEN
            in_from := true;
        ELSIF depth = 0 AND token = ANY (clause_ends) THEN
            in_from := false;
        ELSIF NOT in_from AND cardinality(subqueries) = 0 AND token = ANY (columns)
              AND coalesce(before, '') NOT IN ('.', 'AS')
              AND coalesce(after, '') NOT IN ('(', '.')
              AND NOT (before = '(' AND k > 2 AND upper(tokens[significant[k - 2]]) = 'EXTRACT') THEN
            tokens[i] := refname || '.' || token;
        END IF;
    END LOOP;
    RETURN array_to_string(tokens, '');
END
$$;

CREATE OR REPLACE FUNCTION redshift_system.pg_get_viewdef(view_id oid, pretty boolean DEFAULT false) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce(
        'CREATE VIEW ' || view_id::regclass::text || ' AS ' || redshift_system.late_binding_query(view_id)
            || ' WITH NO SCHEMA BINDING',
        redshift_system.qualified_view_query(pg_catalog.pg_get_viewdef(view_id, pretty)))
$$;

CREATE OR REPLACE FUNCTION redshift_system.pg_get_viewdef(view_id oid, wrap_column integer) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN redshift_system.late_binding_query(view_id) IS NOT NULL
                THEN redshift_system.pg_get_viewdef(view_id)
                ELSE redshift_system.qualified_view_query(pg_catalog.pg_get_viewdef(view_id, wrap_column)) END
$$;

CREATE OR REPLACE FUNCTION redshift_system.pg_get_viewdef(view_name text, pretty boolean DEFAULT false) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT redshift_system.pg_get_viewdef(view_name::regclass::oid, pretty)
$$;
