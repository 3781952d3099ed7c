-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).
-- HLLSKETCH ("HLLSKETCH type", "HyperLogLog sketches" and its pages, "HyperLogLog functions"; translation/hllsketches.py
-- writes the calls).
--
-- A sketch is stored as the text Redshift prints for it, in a type of its own, redshift_system.hllsketch (text-backed,
-- 45_varbyte.sql): a sparse sketch as its JSON, compact ({"logm":15,"sparse":{"indices":[4878,9559,14523],
-- "values":[1,2,1]}}), a dense one as its Base64 string. So a sketch read in prints back as it was written. A sketch
-- the local Redshift builds itself (HLL_CREATE_SKETCH, or a combination with one) has indices from PostgreSQL's hash,
-- not Redshift's, which the pages do not document: it is stored behind the prefix `local:` and is never printed (the
-- endpoint refuses it, errors.HLLSKETCH_BUILT_LOCALLY). Its sparse indices are those of precision 26 ("This value can
-- be up to 26 for smaller datasets"), as the pages' sketches of HLL_CREATE_SKETCH show them (up to 47158030 with
-- logm 15), each with the rank of the hash's remaining bits. The pages do not lay out the bytes of a dense sketch:
-- one is kept and printed as it was read, and its cardinality and combinations are refused. The type is created once;
-- a later install replaces only its functions' bodies.

CALL redshift_system.create_text_backed_type('hllsketch');

CREATE OR REPLACE FUNCTION redshift_system.hllsketch_form(sketch redshift_system.hllsketch) RETURNS text
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'rtrim1';
CREATE OR REPLACE FUNCTION redshift_system.hllsketch_of_form(form text) RETURNS redshift_system.hllsketch
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'rtrim1';

-- A sketch's printed form, without the prefix of one built locally; whether it was built locally.
CREATE OR REPLACE FUNCTION redshift_system.hllsketch_body(sketch redshift_system.hllsketch) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN regexp_replace(redshift_system.hllsketch_form(sketch), '^local:', '');
CREATE OR REPLACE FUNCTION redshift_system.hllsketch_is_local(sketch redshift_system.hllsketch) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN starts_with(redshift_system.hllsketch_form(sketch), 'local:');

-- Whether JSON text is a sparse sketch: an object of logm (1 to 26), sparse (indices and values, arrays of as many
-- integers: distinct indices below 2^26, values 1 to 64) and, if present, version 1.
CREATE OR REPLACE FUNCTION redshift_system.hllsketch_sparse_valid(form text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    sketch jsonb;
BEGIN
    IF NOT form IS JSON OBJECT WITH UNIQUE KEYS THEN
        RETURN false;
    END IF;
    sketch := form::jsonb;
    RETURN (SELECT bool_and(key IN ('version', 'logm', 'sparse')) FROM jsonb_object_keys(sketch) AS key)
        AND coalesce(sketch -> 'version' = '1', NOT sketch ? 'version')
        AND jsonb_typeof(sketch -> 'logm') = 'number' AND (sketch ->> 'logm') ~ '^[0-9]{1,2}$'
        AND (sketch ->> 'logm')::integer BETWEEN 1 AND 26
        AND jsonb_typeof(sketch -> 'sparse') = 'object'
        AND (SELECT array_agg(key ORDER BY key) FROM jsonb_object_keys(sketch -> 'sparse') AS key)
            = '{indices,values}'
        AND jsonb_typeof(sketch #> '{sparse,indices}') = 'array'
        AND jsonb_typeof(sketch #> '{sparse,values}') = 'array'
        AND jsonb_array_length(sketch #> '{sparse,indices}') = jsonb_array_length(sketch #> '{sparse,values}')
        AND (SELECT coalesce(bool_and(i::text ~ '^[0-9]{1,8}$' AND i::text::bigint < 67108864), true)
                AND count(DISTINCT i) = count(*)
            FROM jsonb_array_elements(sketch #> '{sparse,indices}') AS i)
        AND (SELECT coalesce(bool_and(v::text ~ '^[0-9]{1,2}$' AND v::text::integer BETWEEN 1 AND 64), true)
            FROM jsonb_array_elements(sketch #> '{sparse,values}') AS v);
END
$$;

-- A sketch from its printed form ("Amazon Redshift imports, exports, and prints an HLLSKETCH as JSON when the sketch
-- is in a sparse format ... as a Base64 string when the sketch is in a dense format"): JSON compacted, Base64 of at
-- most 24,580 bytes ("The maximum size of a HLLSKETCH object is 24,580 bytes"). The pages give no words for
-- anything else.
CREATE OR REPLACE FUNCTION redshift_system.hllsketch_written(written text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    form text := btrim(written, E' \t\n\r');
BEGIN
    IF left(form, 1) = '{' AND redshift_system.hllsketch_sparse_valid(form) THEN
        RETURN redshift_system.super_compact(form);
    END IF;
    IF form ~ '^[A-Za-z0-9+/]+={0,2}$' AND length(form) % 4 = 0 AND length(form) / 4 * 3 <= 24582 THEN
        IF octet_length(decode(form, 'base64')) <= 24580 THEN
            RETURN form;
        END IF;
    END IF;
    RAISE EXCEPTION 'invalid input for type hllsketch: "%" is neither the JSON of a sparse sketch nor the Base64 of a dense one',
        left(written, 100) USING ERRCODE = 'invalid_text_representation';
END
$$;
CREATE OR REPLACE FUNCTION redshift_system.hllsketch_of_text(written text) RETURNS redshift_system.hllsketch
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.hllsketch_of_form(redshift_system.hllsketch_written(written));
CREATE OR REPLACE FUNCTION redshift_system.hllsketch_of_text(written varchar) RETURNS redshift_system.hllsketch
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.hllsketch_of_text(written::text);
CREATE OR REPLACE FUNCTION redshift_system.hllsketch_of_text(written bpchar) RETURNS redshift_system.hllsketch
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.hllsketch_of_text(written::text);

-- A string literal of INSERT ... VALUES or UPDATE ... SET (redshift_system.literal, 48_super.sql) is read as text.
CREATE OR REPLACE FUNCTION redshift_system.hllsketch_of_literal(written redshift_system.literal)
RETURNS redshift_system.hllsketch LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.hllsketch_of_text(written::text);

-- A table column's check: a value stored as written (INSERT ... VALUES ('...')) is a sketch's printed form.
CREATE OR REPLACE FUNCTION redshift_system.hllsketch_checked(sketch redshift_system.hllsketch) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.hllsketch_is_local(sketch)
    OR redshift_system.hllsketch_written(redshift_system.hllsketch_form(sketch)) IS NOT NULL;

-- A string becomes a sketch by assignment too (INSERT ... SELECT, a driver's VARCHAR parameter), checked as it goes.
-- Casting a sketch to a character type is refused: the pages name COUNT, COALESCE, NVL and CASE as what takes one
-- besides the HyperLogLog functions ("Considerations").
CREATE OR REPLACE FUNCTION redshift_system.hllsketch_as_text(sketch redshift_system.hllsketch) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
    RAISE EXCEPTION 'An HLLSKETCH cast to a character type is not supported by the local Redshift'
        USING ERRCODE = 'feature_not_supported';
END
$$;

DO $$
DECLARE
    conversion record;
BEGIN
    FOR conversion IN
        SELECT * FROM (VALUES ('text', 'redshift_system.hllsketch', 'hllsketch_of_text'),
                ('varchar', 'redshift_system.hllsketch', 'hllsketch_of_text'),
                ('bpchar', 'redshift_system.hllsketch', 'hllsketch_of_text'),
                ('redshift_system.literal', 'redshift_system.hllsketch', 'hllsketch_of_literal'),
                ('redshift_system.hllsketch', 'text', 'hllsketch_as_text'),
                ('redshift_system.hllsketch', 'varchar', 'hllsketch_as_text'),
                ('redshift_system.hllsketch', 'bpchar', 'hllsketch_as_text'))
            AS conversions (source, target, function)
    LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_cast
                WHERE castsource = conversion.source::regtype AND casttarget = conversion.target::regtype) THEN
            EXECUTE format('CREATE CAST (%s AS %s) WITH FUNCTION redshift_system.%I(%s)%s', conversion.source,
                conversion.target, conversion.function, conversion.source,
                CASE WHEN conversion.target = 'redshift_system.hllsketch' THEN ' AS ASSIGNMENT' ELSE '' END);
        END IF;
    END LOOP;
END
$$;

-- The registers of a sparse sketch: its indices and values.
CREATE OR REPLACE FUNCTION redshift_system.hllsketch_entries(sketch redshift_system.hllsketch)
RETURNS TABLE (place bigint, rank integer) LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE ROWS 100 AS $$
DECLARE
    body text := redshift_system.hllsketch_body(sketch);
BEGIN
    IF left(body, 1) <> '{' THEN
        RAISE EXCEPTION 'The registers of a dense HLLSKETCH are not supported by the local Redshift: the pages do not lay out its Base64 bytes'
            USING ERRCODE = 'feature_not_supported';
    END IF;
    RETURN QUERY SELECT i::text::bigint, v::text::integer
        FROM json_array_elements(body::json #> '{sparse,indices}') WITH ORDINALITY AS a (i, n)
        JOIN json_array_elements(body::json #> '{sparse,values}') WITH ORDINALITY AS b (v, n) USING (n);
END
$$;

-- A sparse sketch of registers (each index once), printed as Redshift prints a combination (HLL_COMBINE function:
-- {"version":1,"logm":15,"sparse":{"indices":[...],"values":[...]}}, indices ascending); `local`: built here.
CREATE OR REPLACE FUNCTION redshift_system.hllsketch_sparse(places bigint[], ranks integer[], logm integer, local boolean)
RETURNS redshift_system.hllsketch LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN redshift_system.hllsketch_of_form(CASE WHEN local THEN 'local:' ELSE '' END
    || format('{"version":1,"logm":%s,"sparse":{"indices":%s,"values":%s}}', logm,
        to_json(coalesce(places, '{}')), to_json(coalesce(ranks, '{}'))));

CREATE OR REPLACE FUNCTION redshift_system.hllsketch_logm(sketch redshift_system.hllsketch) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (redshift_system.hllsketch_body(sketch)::json ->> 'logm')::integer;

-- HLL_COMBINE_SKETCHES: the union of two sketches, register by register the larger value.
CREATE OR REPLACE FUNCTION redshift_system.hll_combine_sketches(a redshift_system.hllsketch, b redshift_system.hllsketch)
RETURNS redshift_system.hllsketch LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT redshift_system.hllsketch_sparse(array_agg(place ORDER BY place), array_agg(rank ORDER BY place),
        greatest(redshift_system.hllsketch_logm(a), redshift_system.hllsketch_logm(b)),
        redshift_system.hllsketch_is_local(a) OR redshift_system.hllsketch_is_local(b))
    FROM (SELECT place, max(rank) AS rank
          FROM (SELECT * FROM redshift_system.hllsketch_entries(a)
                UNION ALL SELECT * FROM redshift_system.hllsketch_entries(b)) AS entries
          GROUP BY place) AS registers
$$;

-- HLL_COMBINE: the union of a column's sketches (NULLs left out; no sketch at all gives NULL).
CREATE OR REPLACE FUNCTION redshift_system.hll_combine_step(combined redshift_system.hllsketch,
    sketch redshift_system.hllsketch) RETURNS redshift_system.hllsketch
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN combined IS NULL THEN sketch WHEN sketch IS NULL THEN combined
    ELSE redshift_system.hll_combine_sketches(combined, sketch) END;
CREATE OR REPLACE AGGREGATE redshift_system.hll_combine(redshift_system.hllsketch) (
    SFUNC = redshift_system.hll_combine_step, STYPE = redshift_system.hllsketch, PARALLEL = SAFE
);

-- HLL_CARDINALITY: the estimate of a sparse sketch's registers by linear counting over the 2^26 registers of its
-- precision, which gives small counts exactly (the pages' examples: 4 values, cardinality 4).
CREATE OR REPLACE FUNCTION redshift_system.hll_cardinality(sketch redshift_system.hllsketch) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN count(*) >= 67108864 THEN count(*)
        ELSE round(67108864 * ln(67108864 / (67108864 - count(*))::float8))::bigint END
    FROM redshift_system.hllsketch_entries(sketch)
$$;

-- HLL_CREATE_SKETCH and HLL: the hashes of the values (NULLs left out), then their registers: an index of the
-- hash's top 26 bits, the rank of its other 38 (leading zeros plus one).
CREATE OR REPLACE FUNCTION redshift_system.hll_collect(hashes bigint[], value anyelement) RETURNS bigint[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    IF value IS NULL THEN
        RETURN hashes;
    END IF;
    RETURN array_append(hashes, hashtextextended(value::text, 0));
END
$$;
CREATE OR REPLACE FUNCTION redshift_system.hll_sketch_of_hashes(hashes bigint[]) RETURNS redshift_system.hllsketch
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT redshift_system.hllsketch_sparse(array_agg(place ORDER BY place), array_agg(rank ORDER BY place), 15,
        count(*) > 0)
    FROM (SELECT (hash >> 38) & 67108863 AS place, max(39 - length(ltrim(hash::bit(38)::text, '0'))) AS rank
          FROM unnest(hashes) AS hash GROUP BY 1) AS registers
$$;
CREATE OR REPLACE FUNCTION redshift_system.hll_cardinality_of_hashes(hashes bigint[]) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.hll_cardinality(redshift_system.hll_sketch_of_hashes(hashes));

-- "When there are no rows in a table or all rows are NULL, the resulting sketch has no index-value pairs such as
-- {"version":1,"logm":15,"sparse":{"indices":[],"values":[]}}" (HLL_CREATE_SKETCH function): that one prints; "the
-- resulting cardinality is 0" (HLL function).
CREATE OR REPLACE AGGREGATE redshift_system.hll_create_sketch(anyelement) (
    SFUNC = redshift_system.hll_collect, STYPE = bigint[], INITCOND = '{}',
    FINALFUNC = redshift_system.hll_sketch_of_hashes, PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE redshift_system.hll(anyelement) (
    SFUNC = redshift_system.hll_collect, STYPE = bigint[], INITCOND = '{}',
    FINALFUNC = redshift_system.hll_cardinality_of_hashes, PARALLEL = SAFE
);

-- "This function supports any data type as input except HLLSKETCH, GEOMETRY, GEOGRAPHY, and VARBYTE" (HLL and
-- HLL_CREATE_SKETCH functions; GEOGRAPHY is refused as a type already).
CREATE OR REPLACE FUNCTION redshift_system.hll_refused_input(hashes bigint[], value anyelement) RETURNS bigint[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RAISE EXCEPTION 'HLL and HLL_CREATE_SKETCH do not take a % value', upper(regexp_replace(pg_typeof(value)::text,
        '^redshift_system\.', '')) USING ERRCODE = 'feature_not_supported';
END
$$;
DO $$
DECLARE
    refused text;
BEGIN
    FOREACH refused IN ARRAY ARRAY['redshift_system.hllsketch', 'redshift_system.geometry', 'redshift_system.varbyte']
    LOOP
        EXECUTE format('CREATE OR REPLACE AGGREGATE redshift_system.hll_create_sketch(%s) (SFUNC = '
            'redshift_system.hll_refused_input, STYPE = bigint[], INITCOND = %L, '
            'FINALFUNC = redshift_system.hll_sketch_of_hashes)', refused, '{}');
        EXECUTE format('CREATE OR REPLACE AGGREGATE redshift_system.hll(%s) (SFUNC = redshift_system.hll_refused_input, '
            'STYPE = bigint[], INITCOND = %L, FINALFUNC = redshift_system.hll_cardinality_of_hashes)', refused, '{}');
    END LOOP;
END
$$;
