-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).
-- Interval literals with a qualifier ("Interval data types and literals"; translation/intervals.py writes the calls).
--
-- PostgreSQL reads INTERVAL 'string' qualifier as Redshift does but for three things, which interval_literal does:
-- more than six fractional digits are cut, not rounded ('1.23456789' SECOND is 1.234567 seconds); a literal whose
-- string holds both year-month and day-to-second parts, or parts of the other kind than its qualifier's, is refused
-- (interval_forbid_composite_literals true, the default) or loses the other kind's parts (false); and a YEAR TO MONTH
-- literal is of type intervaly2m, a domain over interval, so that a date plus or minus one is a date ("when you add
-- an interval to a date the result is a date if it is a YEAR TO MONTH interval, and a timestamp if it is a DAY TO
-- SECOND interval"). A column keeps PostgreSQL's own interval type with its qualifier.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_type WHERE typname = 'intervaly2m'
            AND typnamespace = 'redshift_system'::regnamespace) THEN
        CREATE DOMAIN redshift_system.intervaly2m AS interval;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_type WHERE typname = 'intervald2s'
            AND typnamespace = 'redshift_system'::regnamespace) THEN
        CREATE DOMAIN redshift_system.intervald2s AS interval;  -- a routine's parameter (translation/intervals.py)
    END IF;
END
$$;

-- The interval INTERVAL `value` `qualifier` (the qualifier as the translator writes it, e.g. 'DAY TO SECOND(3)').
CREATE OR REPLACE FUNCTION redshift_system.interval_literal(value text, qualifier text) RETURNS interval
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE AS $$
DECLARE
    digits text := regexp_replace(value, '(\.[0-9]{6})[0-9]+', '\1', 'g');
    year_to_month boolean := split_part(qualifier, ' ', 1) IN ('YEAR', 'MONTH');
    forbid boolean := coalesce(nullif(current_setting('redshift.interval_forbid_composite_literals', true), ''),
        'true')::boolean;
    written interval;
    months interval;
    result interval;
BEGIN
    EXECUTE format('SELECT %L::interval %s', digits, qualifier) INTO result;
    IF digits ~ '^\s*[-+]?[0-9]*\.?[0-9]*\s*$' THEN  -- a number alone: its unit is the qualifier's
        RETURN result;
    END IF;
    written := digits::interval;
    months := make_interval(months => (extract(year FROM written) * 12 + extract(month FROM written))::integer);
    IF NOT year_to_month AND months <> interval '0' THEN
        IF forbid THEN
            RAISE EXCEPTION 'Interval Day To Second literal cannot contain year-month parts. Disable the GUC '
                'interval_forbid_composite_literals to suppress this error and silently discard the year-month part.'
                USING ERRCODE = 'invalid_datetime_format';
        END IF;
        RETURN result - months;
    ELSIF year_to_month AND written <> months AND forbid THEN
        RAISE EXCEPTION 'Interval Year To Month literal cannot contain day-time parts. Disable the GUC '
            'interval_forbid_composite_literals to suppress this error and silently discard the day-time part.'
            USING ERRCODE = 'invalid_datetime_format';
    END IF;
    RETURN result;
END
$$;

-- A date plus or minus a YEAR TO MONTH interval is a date.
CREATE OR REPLACE FUNCTION redshift_system.date_plus_months(value date, months redshift_system.intervaly2m)
RETURNS date LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN (value + months::interval)::date;
CREATE OR REPLACE FUNCTION redshift_system.months_plus_date(months redshift_system.intervaly2m, value date)
RETURNS date LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN (value + months::interval)::date;
CREATE OR REPLACE FUNCTION redshift_system.date_minus_months(value date, months redshift_system.intervaly2m)
RETURNS date LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN (value - months::interval)::date;

CALL redshift_system.create_conversion_operator('+', 'date', 'redshift_system.intervaly2m', 'date_plus_months');
CALL redshift_system.create_conversion_operator('+', 'redshift_system.intervaly2m', 'date', 'months_plus_date');
CALL redshift_system.create_conversion_operator('-', 'date', 'redshift_system.intervaly2m', 'date_minus_months');
