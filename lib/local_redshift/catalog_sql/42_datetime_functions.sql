-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).
-- Date and time functions with Redshift's meaning where PostgreSQL's differs or is missing: TO_TIMESTAMP and
-- TO_DATE (non-strict by default: overflow values roll over), TO_CHAR, MONTHS_BETWEEN, NEXT_DAY, LAST_DAY,
-- DATE_PART_YEAR, the *_CMP functions, CONVERT_TIMEZONE, and DATEADD and DATEDIFF of times.

-- The fields a string writes in a datetime format (r_FORMAT_strings), read leniently as Redshift reads them: each
-- number as it is written, however large (31 June, hour 24); missing fields are 1 (year, month, day) or 0.
CREATE OR REPLACE FUNCTION redshift_system.datetime_fields(
    value text, format text,
    OUT year integer, OUT month integer, OUT day integer, OUT day_of_year integer,
    OUT hour integer, OUT minute integer, OUT second numeric
) LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    months CONSTANT text[] := ARRAY['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST',
        'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'];
    days CONSTANT text[] := ARRAY['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
    -- Longest first, so that HH24 is not read as HH and 24.
    patterns CONSTANT text[] := ARRAY['Y,YYY', 'MONTH', 'HH24', 'HH12', 'YYYY', 'A.M.', 'P.M.', 'A.D.', 'B.C.',
        'IDDD', 'IYYY', 'SSSS', 'DDD', 'YYY', 'IYY', 'MON', 'DAY', 'HH', 'MI', 'SS', 'MS', 'US', 'MM', 'DD', 'DY',
        'YY', 'AM', 'PM', 'AD', 'BC', 'FM', 'FX', 'IW', 'ID', 'IY', 'CC', 'RM', 'WW', 'Y', 'D', 'I', 'J', 'Q', 'W'];
    -- Written by TO_CHAR, not read here: refused rather than misread.
    unread CONSTANT text[] := ARRAY['A.D.', 'B.C.', 'AD', 'BC', 'IDDD', 'IYYY', 'IYY', 'IW', 'ID', 'IY', 'I', 'SSSS',
        'CC', 'RM', 'WW', 'W', 'J', 'Q'];
    fmt text := upper(format);
    input text := coalesce(value, '');
    f integer := 1;  -- position in the format
    i integer := 1;  -- position in the input
    pattern text;
    width integer;
    digits text;
    name text;
    found_name boolean;
    hour12 boolean := false;
    pm boolean;
    fraction numeric := 0;
    whole_second integer := 0;
BEGIN
    IF regexp_replace(fmt, '"[^"]*"', '', 'g') ~ '(TZ|OF)' THEN  -- the TO_TIMESTAMP page: not supported as input
        RAISE EXCEPTION 'formats that include a time zone (TZ, tz or OF) are not supported as input: "%"', format
            USING ERRCODE = 'feature_not_supported';
    END IF;
    year := 1; month := 1; day := 1; hour := 0; minute := 0;
    WHILE f <= length(fmt) AND i <= length(input) LOOP
        pattern := NULL;
        FOREACH name IN ARRAY patterns LOOP
            IF substr(fmt, f, length(name)) = name THEN
                pattern := name;
                EXIT;
            END IF;
        END LOOP;
        IF pattern IS NULL THEN
            IF substr(fmt, f, 1) = '"' THEN  -- quoted text: as many input characters
                width := strpos(substr(fmt, f + 1), '"') - 1;
                IF width < 0 THEN
                    width := length(fmt) - f;
                END IF;
                i := i + width;
                f := f + width + 2;
            ELSIF substr(fmt, f, 1) = ' ' THEN  -- a blank skips the input's blanks
                WHILE substr(input, i, 1) = ' ' LOOP
                    i := i + 1;
                END LOOP;
                f := f + 1;
            ELSIF substr(fmt, f, 1) ~ '[[:alpha:]]' THEN  -- another letter stands for itself
                i := i + 1;
                f := f + 1;
            ELSE  -- a separator stands for any one input character that is not a letter or digit
                IF substr(input, i, 1) !~ '[[:alnum:]]' THEN
                    i := i + 1;
                END IF;
                f := f + 1;
            END IF;
            CONTINUE;
        END IF;
        f := f + length(pattern);
        IF pattern IN ('FM', 'FX') THEN
            CONTINUE;
        END IF;
        IF pattern = ANY (unread) THEN
            RAISE EXCEPTION 'the format pattern % is not read by the local Redshift''s TO_TIMESTAMP and TO_DATE',
                pattern USING ERRCODE = 'feature_not_supported';
        END IF;
        WHILE substr(input, i, 1) = ' ' LOOP
            i := i + 1;
        END LOOP;
        IF pattern IN ('AM', 'PM', 'A.M.', 'P.M.') THEN
            name := upper(substr(input, i, length(pattern)));
            pm := left(name, 1) = 'P';
            i := i + length(pattern);
            CONTINUE;
        END IF;
        IF pattern IN ('MONTH', 'MON', 'DAY', 'DY') THEN
            found_name := false;
            FOREACH name IN ARRAY CASE WHEN pattern IN ('MONTH', 'MON') THEN months ELSE days END LOOP
                IF pattern IN ('MONTH', 'DAY') AND upper(substr(input, i, length(name))) = name THEN
                    width := length(name);
                ELSIF upper(substr(input, i, 3)) = left(name, 3) THEN
                    width := 3;
                ELSE
                    CONTINUE;
                END IF;
                IF pattern IN ('MONTH', 'MON') THEN
                    month := array_position(months, name);
                END IF;
                i := i + width;
                found_name := true;
                EXIT;
            END LOOP;
            IF NOT found_name THEN
                RAISE EXCEPTION 'invalid value "%" for "%"', substr(input, i, 9), pattern
                    USING ERRCODE = 'invalid_datetime_format';
            END IF;
            CONTINUE;
        END IF;
        width := CASE pattern WHEN 'Y,YYY' THEN 5 WHEN 'YYYY' THEN 4 WHEN 'YYY' THEN 3 WHEN 'DDD' THEN 3
            WHEN 'MS' THEN 3 WHEN 'US' THEN 6 WHEN 'Y' THEN 1 WHEN 'D' THEN 1 ELSE 2 END;
        -- A field followed by a separator (or nothing) reads all its digits; one followed by a field, its width.
        IF f > length(fmt) OR substr(fmt, f, 1) !~ '[[:alnum:]]' THEN
            width := greatest(width, length(substring(substr(input, i) FROM '^[0-9,]*')));
        END IF;
        digits := substring(substr(input, i, width) FROM '^[0-9,]*');
        IF pattern <> 'Y,YYY' THEN
            digits := substring(digits FROM '^[0-9]*');
        END IF;
        IF digits = '' THEN
            RAISE EXCEPTION 'invalid value "%" for "%"', substr(input, i, width), pattern
                USING ERRCODE = 'invalid_datetime_format',
                DETAIL = 'Value must be an integer.';
        END IF;
        i := i + length(digits);
        digits := replace(digits, ',', '');
        CASE pattern
            WHEN 'Y,YYY', 'YYYY' THEN year := digits::integer;
            WHEN 'YYY' THEN year := digits::integer + CASE WHEN length(digits) = 3 THEN 1000 ELSE 0 END;
            WHEN 'YY' THEN year := digits::integer + CASE WHEN length(digits) > 2 THEN 0
                WHEN digits::integer < 70 THEN 2000 ELSE 1900 END;
            WHEN 'Y' THEN year := digits::integer + 2000;
            WHEN 'MM' THEN month := digits::integer;
            WHEN 'DD' THEN day := digits::integer;
            WHEN 'DDD' THEN day_of_year := digits::integer;
            WHEN 'HH', 'HH12' THEN hour := digits::integer; hour12 := true;
            WHEN 'HH24' THEN hour := digits::integer;
            WHEN 'MI' THEN minute := digits::integer;
            WHEN 'SS' THEN whole_second := digits::integer;
            WHEN 'MS' THEN fraction := (digits || repeat('0', 3 - length(digits)))::numeric / 1000;
            WHEN 'US' THEN fraction := (digits || repeat('0', 6 - length(digits)))::numeric / 1000000;
            ELSE NULL;  -- D: the day of the week says nothing the other fields do not
        END CASE;
    END LOOP;
    IF pm IS NOT NULL OR hour12 THEN
        hour := hour % 12 + CASE WHEN pm THEN 12 ELSE 0 END;
    END IF;
    second := whole_second + fraction;
END
$$;

-- The timestamp the fields write: overflow values roll over (31 June is 1 July, hour 24 the next day's 0), unless
-- is_strict, when they are refused with Redshift's words.
CREATE OR REPLACE FUNCTION redshift_system.timestamp_of_fields(value text, format text, is_strict boolean)
RETURNS timestamp LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    fields record := redshift_system.datetime_fields(value, format);
    first_day date;
BEGIN
    IF fields.year < 1 THEN
        RAISE EXCEPTION 'date/time field date value out of range: %-%-%', fields.year, fields.month, fields.day
            USING ERRCODE = 'datetime_field_overflow';
    END IF;
    first_day := make_date(fields.year, 1, 1);
    IF is_strict THEN
        IF fields.day_of_year IS NULL AND (fields.month NOT BETWEEN 1 AND 12 OR fields.day < 1 OR fields.day >
                extract(day FROM date_trunc('month', make_date(fields.year, fields.month, 1))
                    + interval '1 month - 1 day')) THEN
            RAISE EXCEPTION 'date/time field date value out of range: %-%-%', fields.year, fields.month, fields.day
                USING ERRCODE = 'datetime_field_overflow';
        END IF;
        IF fields.day_of_year NOT BETWEEN 1 AND extract(doy FROM first_day + interval '1 year - 1 day') THEN
            RAISE EXCEPTION 'date/time field date value out of range: %-%', fields.year, fields.day_of_year
                USING ERRCODE = 'datetime_field_overflow';
        END IF;
        IF fields.hour > 23 OR fields.minute > 59 OR fields.second >= 60 THEN
            RAISE EXCEPTION 'date/time field time value out of range: %:%:%', lpad(fields.hour::text, 2, '0'),
                lpad(fields.minute::text, 2, '0'),
                lpad(trunc(fields.second)::text, 2, '0') || '.' || coalesce(nullif(rtrim(
                    substr((fields.second - trunc(fields.second))::text, 3), '0'), ''), '0')
                USING ERRCODE = 'datetime_field_overflow';
        END IF;
    END IF;
    RETURN first_day
        + make_interval(months => CASE WHEN fields.day_of_year IS NULL THEN fields.month - 1 ELSE 0 END,
                        days => coalesce(fields.day_of_year, fields.day) - 1,
                        hours => fields.hour, mins => fields.minute)
        + fields.second * interval '1 second';
END
$$;

-- TO_TIMESTAMP(timestamp, format [, is_strict]): a TIMESTAMPTZ (NULL of NULL); an empty string is 0001-01-01 00:00:00.
CREATE OR REPLACE FUNCTION redshift_system.to_timestamp(value text, format text, is_strict boolean DEFAULT false)
RETURNS timestamptz LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
    SELECT redshift_system.timestamp_of_fields(value, format, is_strict)::timestamptz
$$;

-- TO_DATE(string, format [, is_strict]): a DATE (NULL of NULL).
CREATE OR REPLACE FUNCTION redshift_system.to_date(value text, format text, is_strict boolean DEFAULT false)
RETURNS date LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT redshift_system.timestamp_of_fields(value, format, is_strict)::date
$$;

-- TO_CHAR(timestamp, format): PostgreSQL's patterns are Redshift's; TZ names the session's time zone, also for a
-- TIMESTAMP, and a string is read as a timestamp.
CREATE OR REPLACE FUNCTION redshift_system.to_char(value timestamp, format text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT pg_catalog.to_char(value::timestamptz, format) $$;

CREATE OR REPLACE FUNCTION redshift_system.to_char(value timestamptz, format text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT pg_catalog.to_char(value, format) $$;

CREATE OR REPLACE FUNCTION redshift_system.to_char(value date, format text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT pg_catalog.to_char(value::timestamp::timestamptz, format) $$;

CREATE OR REPLACE FUNCTION redshift_system.to_char(value text, format text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT pg_catalog.to_char(value::timestamp::timestamptz, format) $$;

CREATE OR REPLACE FUNCTION redshift_system.to_char(value interval, format text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT pg_catalog.to_char(value, format) $$;

-- TO_CHAR(number, format): the numeric format strings (r_Numeric_formating) are PostgreSQL's; L, the currency
-- symbol, is the dollar sign of Redshift's locale (PL, plus, stays).
CREATE OR REPLACE FUNCTION redshift_system.numeric_format(format text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT regexp_replace(format, '(^|[^Pp])[Ll]', '\1"$"', 'g') $$;

CREATE OR REPLACE FUNCTION redshift_system.to_char(value integer, format text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT pg_catalog.to_char(value, redshift_system.numeric_format(format)) $$;

CREATE OR REPLACE FUNCTION redshift_system.to_char(value bigint, format text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT pg_catalog.to_char(value, redshift_system.numeric_format(format)) $$;

CREATE OR REPLACE FUNCTION redshift_system.to_char(value numeric, format text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT pg_catalog.to_char(value, redshift_system.numeric_format(format)) $$;

CREATE OR REPLACE FUNCTION redshift_system.to_char(value real, format text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT pg_catalog.to_char(value, redshift_system.numeric_format(format)) $$;

CREATE OR REPLACE FUNCTION redshift_system.to_char(value double precision, format text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT pg_catalog.to_char(value, redshift_system.numeric_format(format)) $$;

-- LAST_DAY(date): the last day of its month, a DATE.
CREATE OR REPLACE FUNCTION redshift_system.last_day(value timestamp) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (date_trunc('month', value) + interval '1 month - 1 day')::date
$$;

-- MONTHS_BETWEEN(date1, date2): whole months from the years and months; the fraction from the days and times, in
-- 31-day months, except between the same day of two months or two months' last days.
CREATE OR REPLACE FUNCTION redshift_system.months_between(date1 timestamp, date2 timestamp)
RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ((extract(year FROM date1) - extract(year FROM date2)) * 12
            + extract(month FROM date1) - extract(month FROM date2)
            + CASE
                WHEN extract(day FROM date1) = extract(day FROM date2)
                  OR (date1::date = redshift_system.last_day(date1) AND date2::date = redshift_system.last_day(date2))
                THEN 0
                ELSE (extract(day FROM date1) - extract(day FROM date2)
                      + extract(epoch FROM (date1 - date_trunc('day', date1)) - (date2 - date_trunc('day', date2)))
                        / 86400) / 31
            END)::double precision
$$;

-- NEXT_DAY(date, day): the first date after `value` that falls on the named day (its name or abbreviation).
CREATE OR REPLACE FUNCTION redshift_system.next_day(value timestamp, day_name text) RETURNS date
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    wanted integer := CASE lower(trim(day_name))
        WHEN 'su' THEN 0 WHEN 'sun' THEN 0 WHEN 'sunday' THEN 0
        WHEN 'm' THEN 1 WHEN 'mo' THEN 1 WHEN 'mon' THEN 1 WHEN 'monday' THEN 1
        WHEN 'tu' THEN 2 WHEN 'tue' THEN 2 WHEN 'tues' THEN 2 WHEN 'tuesday' THEN 2
        WHEN 'w' THEN 3 WHEN 'we' THEN 3 WHEN 'wed' THEN 3 WHEN 'wednesday' THEN 3
        WHEN 'th' THEN 4 WHEN 'thu' THEN 4 WHEN 'thurs' THEN 4 WHEN 'thursday' THEN 4
        WHEN 'f' THEN 5 WHEN 'fr' THEN 5 WHEN 'fri' THEN 5 WHEN 'friday' THEN 5
        WHEN 'sa' THEN 6 WHEN 'sat' THEN 6 WHEN 'saturday' THEN 6
    END;
BEGIN
    IF wanted IS NULL THEN
        RAISE EXCEPTION 'next_day: "%" is not a day of the week', day_name USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN value::date + ((wanted - extract(dow FROM value)::integer + 6) % 7 + 1);
END
$$;

-- DATE_CMP, DATE_CMP_TIMESTAMP, TIMESTAMP_CMP, INTERVAL_CMP and the rest (their arguments cast by the translator to
-- the type both are compared as): 0 when equal, 1 when the first is greater, -1 when the second is.
CREATE OR REPLACE FUNCTION redshift_system.compare(first anyelement, second anyelement) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN first > second THEN 1 WHEN first < second THEN -1 WHEN first = second THEN 0 END
$$;

CREATE OR REPLACE FUNCTION redshift_system.date_cmp(first date, second date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT redshift_system.compare(first, second) $$;

CREATE OR REPLACE FUNCTION redshift_system.date_cmp_timestamp(first timestamp, second timestamp) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT redshift_system.compare(first, second) $$;

CREATE OR REPLACE FUNCTION redshift_system.date_cmp_timestamptz(first timestamptz, second timestamptz) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT redshift_system.compare(first, second) $$;

CREATE OR REPLACE FUNCTION redshift_system.timestamp_cmp(first timestamp, second timestamp) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT redshift_system.compare(first, second) $$;

CREATE OR REPLACE FUNCTION redshift_system.timestamp_cmp_date(first timestamp, second timestamp) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT redshift_system.compare(first, second) $$;

CREATE OR REPLACE FUNCTION redshift_system.timestamp_cmp_timestamptz(first timestamptz, second timestamptz)
RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT redshift_system.compare(first, second) $$;

CREATE OR REPLACE FUNCTION redshift_system.timestamptz_cmp(first timestamptz, second timestamptz) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT redshift_system.compare(first, second) $$;

CREATE OR REPLACE FUNCTION redshift_system.timestamptz_cmp_date(first timestamptz, second timestamptz) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT redshift_system.compare(first, second) $$;

CREATE OR REPLACE FUNCTION redshift_system.timestamptz_cmp_timestamp(first timestamptz, second timestamptz)
RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT redshift_system.compare(first, second) $$;

CREATE OR REPLACE FUNCTION redshift_system.interval_cmp(first interval, second interval) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT redshift_system.compare(first, second) $$;

-- DATE_PART_YEAR(date): the year, an INTEGER.
CREATE OR REPLACE FUNCTION redshift_system.date_part_year(value date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT extract(year FROM value)::integer $$;

-- A time zone of CONVERT_TIMEZONE: a name or abbreviation, or (its page's examples) a name followed by an offset
-- such as 'NEWZONE +2' or 'America/Los_Angeles+2', which is that offset alone, west of UTC as in POSIX.
CREATE OR REPLACE FUNCTION redshift_system.time_zone(zone text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE
        WHEN zone ~ '^\s*[A-Za-z_/]+\s*[+-]\d{1,2}(:\d{2})?\s*$'
        THEN '<ZONE>' || substring(zone FROM '[+-]\d{1,2}(?::\d{2})?\s*$')
        ELSE zone
    END
$$;

-- CONVERT_TIMEZONE(source, target, timestamp): the wall-clock time in `target` of `value` read in `source`.
CREATE OR REPLACE FUNCTION redshift_system.convert_timezone(source text, target text, value timestamp)
RETURNS timestamp LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT (value AT TIME ZONE redshift_system.time_zone(source)) AT TIME ZONE redshift_system.time_zone(target)
$$;

-- DATEADD and DATEDIFF of a TIME (wrapping around midnight) and of a TIMETZ (in UTC), beside 40_functions' dates
-- and timestamps.
CREATE OR REPLACE FUNCTION redshift_system.dateadd(part text, amount bigint, value time)
RETURNS time LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT value + redshift_system.date_part_interval(part, amount)
$$;

CREATE OR REPLACE FUNCTION redshift_system.dateadd(part text, amount bigint, value timetz)
RETURNS timetz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (value AT TIME ZONE 'UTC') + redshift_system.date_part_interval(part, amount)
$$;

CREATE OR REPLACE FUNCTION redshift_system.datediff(part text, startdate time, enddate time)
RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT redshift_system.datediff(part, date '2000-01-01' + startdate, date '2000-01-01' + enddate)
$$;

CREATE OR REPLACE FUNCTION redshift_system.datediff(part text, startdate timetz, enddate timetz)
RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT redshift_system.datediff(part, (startdate AT TIME ZONE 'UTC')::time, (enddate AT TIME ZONE 'UTC')::time)
$$;

-- DATEADD by years (year, decade, century, millennium): from 29 February to 1 March of a year that has no
-- 29 February (DATEADD by months lands on 28 February instead).
CREATE OR REPLACE FUNCTION redshift_system.dateadd_years(part text, amount bigint, value timestamp)
RETURNS timestamp LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN to_char(value, 'MM-DD') = '02-29' AND to_char(added, 'MM-DD') = '02-28' THEN added + interval '1 day'
        ELSE added
    END
    FROM redshift_system.dateadd(part, amount, value) AS added
$$;

CREATE OR REPLACE FUNCTION redshift_system.dateadd_years(part text, amount bigint, value timestamptz)
RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN to_char(value, 'MM-DD') = '02-29' AND to_char(added, 'MM-DD') = '02-28' THEN added + interval '1 day'
        ELSE added
    END
    FROM redshift_system.dateadd(part, amount, value) AS added
$$;

CREATE OR REPLACE FUNCTION redshift_system.dateadd_years(part text, amount bigint, value text)
RETURNS timestamp LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT redshift_system.dateadd_years(part, amount, value::timestamp)
$$;

CREATE OR REPLACE FUNCTION redshift_system.dateadd_years(part text, amount bigint, value date)
RETURNS timestamp LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT redshift_system.dateadd_years(part, amount, value::timestamp)
$$;
