-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).

-- How the endpoint reports what Redshift refuses (unsupported SQL, a failed COPY): PostgreSQL itself fails the
-- statement with this SQLSTATE and message, so the transaction ends up exactly as after any failed statement.
CREATE OR REPLACE FUNCTION redshift_system.raise_error(sqlstate text, message text, detail text DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF detail IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = sqlstate, MESSAGE = message;
    END IF;
    RAISE EXCEPTION USING ERRCODE = sqlstate, MESSAGE = message, DETAIL = detail;
END
$$;

-- DATEDIFF: the number of `part` boundaries crossed from `startdate` to `enddate` (weeks start on Monday).
CREATE OR REPLACE FUNCTION redshift_system.datediff(part text, startdate timestamp, enddate timestamp)
RETURNS bigint LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    crossed numeric := CASE part
        WHEN 'millennium' THEN ceil(extract(year FROM enddate) / 1000) - ceil(extract(year FROM startdate) / 1000)
        WHEN 'century' THEN ceil(extract(year FROM enddate) / 100) - ceil(extract(year FROM startdate) / 100)
        WHEN 'decade' THEN floor(extract(year FROM enddate) / 10) - floor(extract(year FROM startdate) / 10)
        WHEN 'year' THEN extract(year FROM enddate) - extract(year FROM startdate)
        WHEN 'quarter' THEN (extract(year FROM enddate) * 4 + extract(quarter FROM enddate))
                          - (extract(year FROM startdate) * 4 + extract(quarter FROM startdate))
        WHEN 'month' THEN (extract(year FROM enddate) * 12 + extract(month FROM enddate))
                        - (extract(year FROM startdate) * 12 + extract(month FROM startdate))
        WHEN 'week' THEN (date_trunc('week', enddate)::date - date_trunc('week', startdate)::date) / 7
        WHEN 'day' THEN enddate::date - startdate::date
        WHEN 'hour' THEN extract(epoch FROM date_trunc('hour', enddate) - date_trunc('hour', startdate)) / 3600
        WHEN 'minute' THEN extract(epoch FROM date_trunc('minute', enddate) - date_trunc('minute', startdate)) / 60
        WHEN 'second' THEN extract(epoch FROM date_trunc('second', enddate) - date_trunc('second', startdate))
        WHEN 'millisecond' THEN
            extract(epoch FROM date_trunc('milliseconds', enddate) - date_trunc('milliseconds', startdate)) * 1000
        WHEN 'microsecond' THEN extract(epoch FROM enddate - startdate) * 1000000
    END;
BEGIN
    IF crossed IS NULL AND part IS NOT NULL AND part NOT IN ('millennium', 'century', 'decade', 'year', 'quarter',
            'month', 'week', 'day', 'hour', 'minute', 'second', 'millisecond', 'microsecond') THEN
        RAISE EXCEPTION 'datediff: the date part "%" is not supported', part USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN crossed;
END
$$;

CREATE OR REPLACE FUNCTION redshift_system.datediff(part text, startdate timestamptz, enddate timestamptz)
RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT redshift_system.datediff(part, startdate::timestamp, enddate::timestamp)
$$;

-- String literals (of type unknown to PostgreSQL) pick the text overloads and are read as timestamps, as on Redshift.
CREATE OR REPLACE FUNCTION redshift_system.datediff(part text, startdate text, enddate text)
RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT redshift_system.datediff(part, startdate::timestamp, enddate::timestamp)
$$;

CREATE OR REPLACE FUNCTION redshift_system.datediff(part text, startdate date, enddate date)
RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT redshift_system.datediff(part, startdate::timestamp, enddate::timestamp)
$$;

-- The interval of `amount` times one `part`, for DATEADD.
CREATE OR REPLACE FUNCTION redshift_system.date_part_interval(part text, amount bigint)
RETURNS interval LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    unit interval := CASE part
        WHEN 'millennium' THEN interval '1000 years'
        WHEN 'century' THEN interval '100 years'
        WHEN 'decade' THEN interval '10 years'
        WHEN 'year' THEN interval '1 year'
        WHEN 'quarter' THEN interval '3 months'
        WHEN 'month' THEN interval '1 month'
        WHEN 'week' THEN interval '7 days'
        WHEN 'day' THEN interval '1 day'
        WHEN 'hour' THEN interval '1 hour'
        WHEN 'minute' THEN interval '1 minute'
        WHEN 'second' THEN interval '1 second'
        WHEN 'millisecond' THEN interval '1 millisecond'
        WHEN 'microsecond' THEN interval '1 microsecond'
    END;
BEGIN
    IF unit IS NULL AND part IS NOT NULL THEN
        RAISE EXCEPTION 'dateadd: the date part "%" is not supported', part USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN amount * unit;
END
$$;

-- DATEADD: a month added to the 31st lands on the result month's last day when it is shorter.
CREATE OR REPLACE FUNCTION redshift_system.dateadd(part text, amount bigint, value timestamp)
RETURNS timestamp LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT value + redshift_system.date_part_interval(part, amount)
$$;

CREATE OR REPLACE FUNCTION redshift_system.dateadd(part text, amount bigint, value timestamptz)
RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT value + redshift_system.date_part_interval(part, amount)
$$;

CREATE OR REPLACE FUNCTION redshift_system.dateadd(part text, amount bigint, value text)
RETURNS timestamp LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT redshift_system.dateadd(part, amount, value::timestamp)
$$;

CREATE OR REPLACE FUNCTION redshift_system.dateadd(part text, amount bigint, value date)
RETURNS timestamp LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT redshift_system.dateadd(part, amount, value::timestamp)
$$;

-- ADD_MONTHS: from the last day of a month, the result is the last day of the result month.
CREATE OR REPLACE FUNCTION redshift_system.add_months(value timestamp, months bigint)
RETURNS timestamp LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN value::date = (date_trunc('month', value) + interval '1 month' - interval '1 day')::date
        THEN date_trunc('month', value) + (months + 1) * interval '1 month' - interval '1 day'
             + (value - date_trunc('day', value))
        ELSE value + months * interval '1 month'
    END
$$;

CREATE OR REPLACE FUNCTION redshift_system.add_months(value text, months bigint)
RETURNS timestamp LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT redshift_system.add_months(value::timestamp, months)
$$;

-- TRUNC with one argument: a timestamp becomes its date, a number loses its fraction.
CREATE OR REPLACE FUNCTION redshift_system.trunc(value timestamp) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT value::date $$;

CREATE OR REPLACE FUNCTION redshift_system.trunc(value timestamptz) RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT value::date $$;

CREATE OR REPLACE FUNCTION redshift_system.trunc(value numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT pg_catalog.trunc(value) $$;

CREATE OR REPLACE FUNCTION redshift_system.trunc(value double precision) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT pg_catalog.trunc(value) $$;

-- STRTOL: the number written in `num` in base `base` (2 to 36), read like C's strtol: leading blanks,
-- a sign and (base 16) a 0x prefix are allowed, and reading stops at the first character not a digit.
CREATE OR REPLACE FUNCTION redshift_system.strtol(num text, base integer) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    rest text := lower(ltrim(num, E' \t\n\r'));
    sign integer := 1;
    total numeric := 0;
    digit integer;
    symbol text;
BEGIN
    IF base NOT BETWEEN 2 AND 36 THEN
        RAISE EXCEPTION 'strtol: base % is not between 2 and 36', base USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF left(rest, 1) IN ('+', '-') THEN
        sign := CASE left(rest, 1) WHEN '-' THEN -1 ELSE 1 END;
        rest := substr(rest, 2);
    END IF;
    IF base = 16 AND left(rest, 2) = '0x' THEN
        rest := substr(rest, 3);
    END IF;
    FOREACH symbol IN ARRAY regexp_split_to_array(rest, '') LOOP
        digit := strpos('0123456789abcdefghijklmnopqrstuvwxyz', symbol) - 1;
        EXIT WHEN digit < 0 OR digit >= base;
        total := total * base + digit;
    END LOOP;
    RETURN sign * total;
END
$$;
