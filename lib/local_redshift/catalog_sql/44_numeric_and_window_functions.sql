-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).

-- Numbers and windows: AVG and SUM with Redshift's result types, ROUND and TRUNC of DOUBLE PRECISION to a number
-- of places, and what the window functions PostgreSQL lacks compute from an array of the window's values.

-- AVG (r_AVG): BIGINT for an integer argument (the average truncated), DOUBLE PRECISION for a floating-point one,
-- and for DECIMAL the argument's scale. The state of the integer ones is PostgreSQL's own: {count, sum}.
CREATE OR REPLACE FUNCTION redshift_system.integer_average(state bigint[]) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN state[1] = 0 THEN NULL ELSE state[2] / state[1] END
$$;

-- {count, sum, scale}: the scale of a DECIMAL column's values is the column's.
CREATE OR REPLACE FUNCTION redshift_system.numeric_average_step(state numeric[], value numeric) RETURNS numeric[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT ARRAY[state[1] + 1, state[2] + value, greatest(state[3], scale(value))]
$$;

CREATE OR REPLACE FUNCTION redshift_system.numeric_average(state numeric[]) RETURNS numeric
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN state[1] = 0 THEN NULL ELSE trunc(state[2] / state[1], state[3]::integer) END
$$;

CREATE OR REPLACE FUNCTION redshift_system.bigint_average_step(state numeric[], value bigint) RETURNS numeric[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT ARRAY[state[1] + 1, state[2] + value, 0]
$$;

CREATE OR REPLACE FUNCTION redshift_system.bigint_average(state numeric[]) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN state[1] = 0 THEN NULL ELSE trunc(state[2] / state[1])::bigint END
$$;

-- As PostgreSQL's own, the integer ones combine partial states (parallel plans) and move a frame row by row.
CREATE OR REPLACE AGGREGATE redshift_system.avg(smallint) (
    SFUNC = int2_avg_accum, STYPE = bigint[], FINALFUNC = redshift_system.integer_average, INITCOND = '{0,0}',
    COMBINEFUNC = int4_avg_combine, PARALLEL = SAFE,
    MSFUNC = int2_avg_accum, MINVFUNC = int2_avg_accum_inv, MSTYPE = bigint[],
    MFINALFUNC = redshift_system.integer_average, MINITCOND = '{0,0}'
);
CREATE OR REPLACE AGGREGATE redshift_system.avg(integer) (
    SFUNC = int4_avg_accum, STYPE = bigint[], FINALFUNC = redshift_system.integer_average, INITCOND = '{0,0}',
    COMBINEFUNC = int4_avg_combine, PARALLEL = SAFE,
    MSFUNC = int4_avg_accum, MINVFUNC = int4_avg_accum_inv, MSTYPE = bigint[],
    MFINALFUNC = redshift_system.integer_average, MINITCOND = '{0,0}'
);
CREATE OR REPLACE AGGREGATE redshift_system.avg(bigint) (
    SFUNC = redshift_system.bigint_average_step, STYPE = numeric[], FINALFUNC = redshift_system.bigint_average,
    INITCOND = '{0,0,0}'
);
CREATE OR REPLACE AGGREGATE redshift_system.avg(numeric) (
    SFUNC = redshift_system.numeric_average_step, STYPE = numeric[], FINALFUNC = redshift_system.numeric_average,
    INITCOND = '{0,0,0}'
);
CREATE OR REPLACE AGGREGATE redshift_system.avg(real) (
    SFUNC = float4_accum, STYPE = double precision[], FINALFUNC = float8_avg, INITCOND = '{0,0,0}',
    COMBINEFUNC = float8_combine, PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE redshift_system.avg(double precision) (
    SFUNC = float8_accum, STYPE = double precision[], FINALFUNC = float8_avg, INITCOND = '{0,0,0}',
    COMBINEFUNC = float8_combine, PARALLEL = SAFE
);

-- SUM (r_SUM): BIGINT for SMALLINT, INTEGER and BIGINT arguments (a BIGINT sum out of range is an error),
-- DOUBLE PRECISION for floating-point ones, DECIMAL for DECIMAL.
CREATE OR REPLACE FUNCTION redshift_system.real_sum_step(state double precision, value real) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN value IS NULL THEN state ELSE coalesce(state, 0) + value END
$$;

CREATE OR REPLACE AGGREGATE redshift_system.sum(smallint) (
    SFUNC = int2_sum, STYPE = bigint, COMBINEFUNC = int8pl, PARALLEL = SAFE,
    MSFUNC = int2_avg_accum, MINVFUNC = int2_avg_accum_inv, MSTYPE = bigint[], MFINALFUNC = int2int4_sum,
    MINITCOND = '{0,0}'
);
CREATE OR REPLACE AGGREGATE redshift_system.sum(integer) (
    SFUNC = int4_sum, STYPE = bigint, COMBINEFUNC = int8pl, PARALLEL = SAFE,
    MSFUNC = int4_avg_accum, MINVFUNC = int4_avg_accum_inv, MSTYPE = bigint[], MFINALFUNC = int2int4_sum,
    MINITCOND = '{0,0}'
);
CREATE OR REPLACE AGGREGATE redshift_system.sum(bigint) (
    SFUNC = int8pl, STYPE = bigint, COMBINEFUNC = int8pl, PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE redshift_system.sum(numeric) (
    SFUNC = numeric_add, STYPE = numeric, COMBINEFUNC = numeric_add, PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE redshift_system.sum(real) (
    SFUNC = redshift_system.real_sum_step, STYPE = double precision, COMBINEFUNC = float8pl, PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE redshift_system.sum(double precision) (
    SFUNC = float8pl, STYPE = double precision, COMBINEFUNC = float8pl, PARALLEL = SAFE
);

-- ROUND and TRUNC to `places` (r_ROUND, r_TRUNC): the same type as the number, DOUBLE PRECISION included.
CREATE OR REPLACE FUNCTION redshift_system.round(value numeric, places integer) RETURNS numeric
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT pg_catalog.round(value, places) $$;

CREATE OR REPLACE FUNCTION redshift_system.round(value double precision, places integer) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT pg_catalog.round(value::numeric, places)::double precision $$;

CREATE OR REPLACE FUNCTION redshift_system.round(value integer, places integer) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT pg_catalog.round(value::numeric, places)::integer $$;

CREATE OR REPLACE FUNCTION redshift_system.round(value bigint, places integer) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT pg_catalog.round(value::numeric, places)::bigint $$;

CREATE OR REPLACE FUNCTION redshift_system.trunc(value numeric, places integer) RETURNS numeric
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT pg_catalog.trunc(value, places) $$;

CREATE OR REPLACE FUNCTION redshift_system.trunc(value double precision, places integer) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT pg_catalog.trunc(value::numeric, places)::double precision $$;

CREATE OR REPLACE FUNCTION redshift_system.trunc(value integer, places integer) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT pg_catalog.trunc(value::numeric, places)::integer $$;

CREATE OR REPLACE FUNCTION redshift_system.trunc(value bigint, places integer) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT pg_catalog.trunc(value::numeric, places)::bigint $$;

-- PERCENTILE_CONT and MEDIAN as window functions (r_WF_PERCENTILE_CONT, r_WF_MEDIAN), from the array of the
-- partition's values: the value at row 1 + fraction * (count - 1) of the sorted values that are not NULL,
-- interpolated between its neighbours. DECIMAL for integer and DECIMAL values, DOUBLE PRECISION for floats.
CREATE OR REPLACE FUNCTION redshift_system.percentile_cont(fraction double precision, vals numeric[])
RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    WITH sorted AS (
        SELECT value, row_number() OVER (ORDER BY value) AS position
        FROM unnest(vals) AS value WHERE value IS NOT NULL
    ), wanted AS (
        SELECT 1 + fraction::numeric * (count(*) - 1) AS row FROM sorted
    )
    SELECT CASE WHEN floor(row) = ceil(row) THEN min(value) FILTER (WHERE position = row)
        ELSE (ceil(row) - row) * min(value) FILTER (WHERE position = floor(row))
           + (row - floor(row)) * min(value) FILTER (WHERE position = ceil(row)) END
    FROM sorted, wanted GROUP BY row
$$;

CREATE OR REPLACE FUNCTION redshift_system.percentile_cont(fraction double precision, vals double precision[])
RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT percentile_cont(fraction) WITHIN GROUP (ORDER BY value) FROM unnest(vals) AS value
$$;

CREATE OR REPLACE FUNCTION redshift_system.percentile_cont(fraction double precision, vals real[])
RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT redshift_system.percentile_cont(fraction, vals::double precision[])
$$;

CREATE OR REPLACE FUNCTION redshift_system.percentile_cont(fraction double precision, vals smallint[])
RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT redshift_system.percentile_cont(fraction, vals::numeric[])
$$;

CREATE OR REPLACE FUNCTION redshift_system.percentile_cont(fraction double precision, vals integer[])
RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT redshift_system.percentile_cont(fraction, vals::numeric[])
$$;

CREATE OR REPLACE FUNCTION redshift_system.percentile_cont(fraction double precision, vals bigint[])
RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT redshift_system.percentile_cont(fraction, vals::numeric[])
$$;

-- PERCENTILE_DISC as a window function (r_WF_PERCENTILE_DISC): the first value, in the WITHIN GROUP order, whose
-- cumulative distribution is at least `fraction`.
CREATE OR REPLACE FUNCTION redshift_system.percentile_disc(fraction double precision, vals anyarray, descending boolean)
RETURNS anyelement LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN descending
        THEN (SELECT percentile_disc(fraction) WITHIN GROUP (ORDER BY value DESC) FROM unnest(vals) AS value)
        ELSE (SELECT percentile_disc(fraction) WITHIN GROUP (ORDER BY value) FROM unnest(vals) AS value)
    END
$$;

-- The n-th value of a window frame not NULL (NTH_VALUE, FIRST_VALUE, LAST_VALUE and LAG/LEAD ... IGNORE NULLS);
-- n counts from the end when `from_last`.
CREATE OR REPLACE FUNCTION redshift_system.nth_value_ignoring_nulls(vals anyarray, n bigint, from_last boolean)
RETURNS anyelement LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN from_last THEN kept[cardinality(kept) - n + 1] ELSE kept[n] END
    FROM (SELECT array_remove(vals, NULL) AS kept) AS k
    WHERE n >= 1
$$;

-- LISTAGG (r_LISTAGG, r_WF_LISTAGG) of an array of values in their order: NULLs and empty strings left out, with
-- DISTINCT each value once where it first comes (trailing blanks ignored: 'a' and 'a ' are the same), joined by
-- `delimiter`; NULL when nothing is left.
CREATE OR REPLACE FUNCTION redshift_system.listagg(vals text[], delimiter text, distinct_values boolean)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT string_agg(value, delimiter ORDER BY first) FROM (
        SELECT (array_agg(value ORDER BY position))[1] AS value, min(position) AS first
        FROM unnest(vals) WITH ORDINALITY AS u(value, position)
        WHERE value <> ''
        GROUP BY CASE WHEN distinct_values THEN rtrim(value) END, CASE WHEN NOT distinct_values THEN position END
    ) AS kept
$$;
