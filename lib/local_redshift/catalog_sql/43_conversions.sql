-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).
-- Implicit conversions of the Developer Guide's "Type compatibility and conversion" page that PostgreSQL lacks, and
-- character strings compared as "Character types" says (translation/comparisons.py adds what the translator does).
--
-- Why operators: the translator sees no column types, so a rewrite cannot tell a VARCHAR `ts` in `ts / 1000` from a
-- BIGINT one; PostgreSQL can, when it resolves the operator. Implicit casts (CREATE CAST ... AS IMPLICIT, say integer
-- to text) would reach every function too, but make the normal types' operators ambiguous: with them, `1 + 1.5`
-- fails with "operator is not unique: integer + numeric". So each operator here takes exactly the pair of types it is
-- for: a character string on one side and a number (or a date or time) on the other, a pair no built-in operator
-- takes, so no query that ran before resolves to them and the normal types' operators, hash joins and indexes are
-- untouched. VARCHAR compared with VARCHAR, CHAR, text or name is the one exception, on purpose (see below).
--
-- The operators live in pg_catalog, the one schema every search_path searches (whatever SET search_path a user
-- runs). Their functions live in redshift_system, small SQL functions that PostgreSQL inlines; an operator is
-- created once, and a later install replaces only its function's body.

-- An operator `symbol` on (left, right) computed by redshift_system.`function`, created unless it exists.
CREATE OR REPLACE PROCEDURE redshift_system.create_conversion_operator(
    symbol text, left_type regtype, right_type regtype, function text
) LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    IF NOT EXISTS (
        SELECT FROM pg_operator
        WHERE oprname = symbol AND oprleft = left_type AND oprright = right_type
            AND oprnamespace = 'pg_catalog'::regnamespace
    ) THEN
        EXECUTE format('CREATE OPERATOR pg_catalog.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = redshift_system.%I)',
            symbol, left_type, right_type, function);
    END IF;
END
$$;

-- Arithmetic between a character string and a number: the string is read as a number ("you can convert a character
-- string to a ... numeric value if the string is an appropriate literal value; any leading or trailing spaces are
-- ignored"): as a BIGINT beside an integer type (an epoch in milliseconds does not fit an INTEGER), as a DECIMAL
-- beside a DECIMAL, as a DOUBLE PRECISION beside a floating-point number. So `ts / 1000` gives the same answer
-- whether ts is a BIGINT or a VARCHAR column.
DO $$
DECLARE
    number_type text;
    read_as text;
    operation record;
    name text;
BEGIN
    FOREACH number_type IN ARRAY ARRAY['int2', 'int4', 'int8', 'numeric', 'float4', 'float8'] LOOP
        read_as := CASE WHEN number_type LIKE 'int%' THEN 'int8' ELSE replace(number_type, 'float4', 'float8') END;
        FOR operation IN
            SELECT * FROM (VALUES ('+', 'plus'), ('-', 'minus'), ('*', 'times'), ('/', 'divided_by'), ('%', 'modulo'))
                AS operations (symbol, word)
            WHERE NOT (symbol = '%' AND read_as = 'float8')  -- there is no modulo of floating-point numbers
        LOOP
            name := format('text_%s_%s', operation.word, number_type);
            EXECUTE format('CREATE OR REPLACE FUNCTION redshift_system.%I(string text, number %s) RETURNS %s '
                'LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN string::%s %s number',
                name, number_type, read_as, read_as, operation.symbol);
            CALL redshift_system.create_conversion_operator(operation.symbol, 'text', number_type::regtype, name);
            name := format('%s_%s_text', number_type, operation.word);
            EXECUTE format('CREATE OR REPLACE FUNCTION redshift_system.%I(number %s, string text) RETURNS %s '
                'LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN number %s string::%s',
                name, number_type, read_as, operation.symbol, read_as);
            CALL redshift_system.create_conversion_operator(operation.symbol, number_type::regtype, 'text', name);
        END LOOP;
    END LOOP;
END
$$;

-- A number compared with a character string: "the numeric values are converted to character strings", and the two
-- compared as strings, trailing blanks insignificant.
DO $$
DECLARE
    number_type text;
    operation record;
    name text;
BEGIN
    FOREACH number_type IN ARRAY ARRAY['int2', 'int4', 'int8', 'numeric', 'float4', 'float8'] LOOP
        FOR operation IN
            SELECT * FROM (VALUES ('=', 'eq'), ('<>', 'ne'), ('<', 'lt'), ('<=', 'le'), ('>', 'gt'), ('>=', 'ge'))
                AS operations (symbol, word)
        LOOP
            name := format('text_%s_%s', operation.word, number_type);
            EXECUTE format('CREATE OR REPLACE FUNCTION redshift_system.%I(string text, number %s) RETURNS boolean '
                'LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN rtrim(string, '' '') %s number::text',
                name, number_type, operation.symbol);
            CALL redshift_system.create_conversion_operator(operation.symbol, 'text', number_type::regtype, name);
            name := format('%s_%s_text', number_type, operation.word);
            EXECUTE format('CREATE OR REPLACE FUNCTION redshift_system.%I(number %s, string text) RETURNS boolean '
                'LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN number::text %s rtrim(string, '' '')',
                name, number_type, operation.symbol);
            CALL redshift_system.create_conversion_operator(operation.symbol, number_type::regtype, 'text', name);
        END LOOP;
    END LOOP;
END
$$;

-- LIKE and ILIKE applied to a number, a date or a time stamp match the pattern against its text ("Evaluation of
-- predicates, such as LIKE" is among the conversions the page lists; numbers, dates and time stamps convert to
-- character strings). A date's or time stamp's text follows DateStyle (ISO, as on Redshift), so those are STABLE.
DO $$
DECLARE
    value_type text;
    volatility text;
    operation record;
    name text;
BEGIN
    FOREACH value_type IN ARRAY ARRAY['int2', 'int4', 'int8', 'numeric', 'float4', 'float8', 'date', 'timestamp',
            'timestamptz'] LOOP
        volatility := CASE WHEN value_type IN ('date', 'timestamp', 'timestamptz') THEN 'STABLE' ELSE 'IMMUTABLE' END;
        FOR operation IN
            SELECT * FROM (VALUES ('~~', 'like', 'LIKE'), ('!~~', 'not_like', 'NOT LIKE'), ('~~*', 'ilike', 'ILIKE'),
                    ('!~~*', 'not_ilike', 'NOT ILIKE'))
                AS operations (symbol, word, predicate)
        LOOP
            name := format('%s_%s', value_type, operation.word);
            EXECUTE format('CREATE OR REPLACE FUNCTION redshift_system.%I(value %s, pattern text) RETURNS boolean '
                'LANGUAGE sql %s STRICT PARALLEL SAFE RETURN value::text %s pattern',
                name, value_type, volatility,
                operation.predicate);
            CALL redshift_system.create_conversion_operator(operation.symbol, value_type::regtype, 'text', name);
        END LOOP;
    END LOOP;
END
$$;

-- SUBSTRING of a number, a date or a time stamp: "Non-character data types are treated like a string" (SUBSTRING
-- function). PostgreSQL writes SUBSTRING(x FROM a FOR b) as a call of pg_catalog.substring, so the overloads live
-- there; their types have no substring of their own.
DO $$
DECLARE
    value_type text;
    volatility text;
    name text;
BEGIN
    FOREACH value_type IN ARRAY ARRAY['int2', 'int4', 'int8', 'numeric', 'float4', 'float8', 'date', 'timestamp',
            'timestamptz'] LOOP
        volatility := CASE WHEN value_type IN ('date', 'timestamp', 'timestamptz') THEN 'STABLE' ELSE 'IMMUTABLE' END;
        name := format('substring_of_%s', value_type);
        EXECUTE format('CREATE OR REPLACE FUNCTION redshift_system.%I(value %s, start integer, count integer) '
            'RETURNS text LANGUAGE sql %s STRICT PARALLEL SAFE RETURN pg_catalog.substring(value::text, start, count)',
            name, value_type, volatility);
        EXECUTE format('CREATE OR REPLACE FUNCTION redshift_system.%I(value %s, start integer) '
            'RETURNS text LANGUAGE sql %s STRICT PARALLEL SAFE RETURN pg_catalog.substring(value::text, start)',
            name, value_type, volatility);
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_proc WHERE proname = 'substring'
                AND pronamespace = 'pg_catalog'::regnamespace AND proargtypes[0] = value_type::regtype) THEN
            EXECUTE format('CREATE FUNCTION pg_catalog.substring(value %s, start integer, count integer) RETURNS text '
                'LANGUAGE sql %s STRICT PARALLEL SAFE RETURN redshift_system.%I(value, start, count)',
                value_type, volatility, name);
            EXECUTE format('CREATE FUNCTION pg_catalog.substring(value %s, start integer) RETURNS text '
                'LANGUAGE sql %s STRICT PARALLEL SAFE RETURN redshift_system.%I(value, start)',
                value_type, volatility, name);
        END IF;
    END LOOP;
END
$$;

-- Character strings compared: "Trailing spaces in VARCHAR and CHAR values are treated as semantically insignificant
-- when values are compared" (Character types). PostgreSQL's CHAR (bpchar) compares so already; VARCHAR gets
-- operators of its own, with CHAR and with text, in pg_catalog: for a VARCHAR column they are an exact match of its
-- type, found before text's. They are PostgreSQL's own CHAR comparison functions, and VARCHAR's default hash and
-- B-tree operator classes, so hash joins, hash aggregation, GROUP BY, DISTINCT and sorting keep their speed and
-- compare alike. Text compared with text (a string function's result with a literal) keeps PostgreSQL's comparison.
CREATE OR REPLACE FUNCTION redshift_system.varchar_cmp(varchar, varchar) RETURNS integer
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'bpcharcmp';
CREATE OR REPLACE FUNCTION redshift_system.varchar_sortsupport(internal) RETURNS void
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'bpchar_sortsupport';
CREATE OR REPLACE FUNCTION redshift_system.varchar_hash(varchar) RETURNS integer
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'hashbpchar';
CREATE OR REPLACE FUNCTION redshift_system.varchar_hash_extended(varchar, bigint) RETURNS bigint
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'hashbpcharextended';

DO $$
DECLARE
    pair record;
    operation record;
BEGIN
    FOR pair IN
        SELECT * FROM (VALUES ('varchar', 'varchar'), ('varchar', 'bpchar'), ('bpchar', 'varchar'),
                ('varchar', 'text'), ('text', 'varchar')) AS pairs (left_type, right_type)
    LOOP
        FOR operation IN
            SELECT * FROM (VALUES ('=', 'eq', 'eqsel', 'eqjoinsel'), ('<>', 'ne', 'neqsel', 'neqjoinsel'),
                    ('<', 'lt', 'scalarltsel', 'scalarltjoinsel'), ('<=', 'le', 'scalarlesel', 'scalarlejoinsel'),
                    ('>', 'gt', 'scalargtsel', 'scalargtjoinsel'), ('>=', 'ge', 'scalargesel', 'scalargejoinsel'))
                AS operations (symbol, word, restrict_estimator, join_estimator)
        LOOP
            EXECUTE format('CREATE OR REPLACE FUNCTION redshift_system.varchar_%s(%s, %s) RETURNS boolean '
                'LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS %L',
                operation.word, pair.left_type, pair.right_type, 'bpchar' || operation.word);
            IF NOT EXISTS (
                SELECT FROM pg_catalog.pg_operator
                WHERE oprname = operation.symbol AND oprnamespace = 'pg_catalog'::regnamespace
                    AND oprleft = pair.left_type::regtype AND oprright = pair.right_type::regtype
            ) THEN
                EXECUTE format('CREATE OPERATOR pg_catalog.%s (LEFTARG = %s, RIGHTARG = %s, '
                    'FUNCTION = redshift_system.varchar_%s, RESTRICT = %s, JOIN = %s%s)',
                    operation.symbol, pair.left_type, pair.right_type, operation.word,
                    operation.restrict_estimator, operation.join_estimator,
                    CASE WHEN pair.left_type = pair.right_type AND operation.symbol = '='
                        THEN ', HASHES, MERGES' ELSE '' END);
            END IF;
        END LOOP;
    END LOOP;
    -- A name (the catalog's type of identifiers) compared with a VARCHAR would find two operators alike without
    -- these: it is compared as a VARCHAR.
    FOR pair IN SELECT * FROM (VALUES ('varchar', 'name'), ('name', 'varchar')) AS pairs (left_type, right_type) LOOP
        FOR operation IN
            SELECT * FROM (VALUES ('=', 'eq', 'eqsel', 'eqjoinsel'), ('<>', 'ne', 'neqsel', 'neqjoinsel'),
                    ('<', 'lt', 'scalarltsel', 'scalarltjoinsel'), ('<=', 'le', 'scalarlesel', 'scalarlejoinsel'),
                    ('>', 'gt', 'scalargtsel', 'scalargtjoinsel'), ('>=', 'ge', 'scalargesel', 'scalargejoinsel'))
                AS operations (symbol, word, restrict_estimator, join_estimator)
        LOOP
            EXECUTE format('CREATE OR REPLACE FUNCTION redshift_system.varchar_%s(a %s, b %s) RETURNS boolean '
                'LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN a::varchar %s b::varchar',
                operation.word, pair.left_type, pair.right_type, operation.symbol);
            IF NOT EXISTS (
                SELECT FROM pg_catalog.pg_operator
                WHERE oprname = operation.symbol AND oprnamespace = 'pg_catalog'::regnamespace
                    AND oprleft = pair.left_type::regtype AND oprright = pair.right_type::regtype
            ) THEN
                EXECUTE format('CREATE OPERATOR pg_catalog.%s (LEFTARG = %s, RIGHTARG = %s, '
                    'FUNCTION = redshift_system.varchar_%s, RESTRICT = %s, JOIN = %s)',
                    operation.symbol, pair.left_type, pair.right_type, operation.word,
                    operation.restrict_estimator, operation.join_estimator);
            END IF;
        END LOOP;
    END LOOP;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_opclass WHERE opcname = 'varchar_ops'
            AND opcnamespace = 'redshift_system'::regnamespace) THEN
        CREATE OPERATOR CLASS redshift_system.varchar_ops DEFAULT FOR TYPE varchar USING btree AS
            OPERATOR 1 pg_catalog.< (varchar, varchar), OPERATOR 2 pg_catalog.<= (varchar, varchar),
            OPERATOR 3 pg_catalog.= (varchar, varchar), OPERATOR 4 pg_catalog.>= (varchar, varchar),
            OPERATOR 5 pg_catalog.> (varchar, varchar), FUNCTION 1 redshift_system.varchar_cmp(varchar, varchar),
            FUNCTION 2 redshift_system.varchar_sortsupport(internal);
        CREATE OPERATOR CLASS redshift_system.varchar_ops DEFAULT FOR TYPE varchar USING hash AS
            OPERATOR 1 pg_catalog.= (varchar, varchar), FUNCTION 1 redshift_system.varchar_hash(varchar),
            FUNCTION 2 redshift_system.varchar_hash_extended(varchar, bigint);
    END IF;
END
$$;

-- A VARCHAR(n) column holds n bytes ("CHAR and VARCHAR data types are defined in terms of bytes, not characters"):
-- translation/comparisons.py gives each such column the check `octet_length(column) <= n OR varchar_too_long(n)`,
-- which fails a longer value (multibyte characters in a string PostgreSQL's character count lets through).
-- (VOLATILE, so that PostgreSQL does not call it ahead, folding constants.)
CREATE OR REPLACE FUNCTION redshift_system.varchar_too_long(bytes integer) RETURNS boolean
LANGUAGE plpgsql VOLATILE PARALLEL SAFE AS $$
BEGIN
    RAISE EXCEPTION 'value too long for type character varying(%)', bytes
        USING ERRCODE = 'string_data_right_truncation';
END
$$;

-- CAST to VARCHAR(n) keeps the first n bytes ("To extract the beginning segment of a string based on the length in
-- bytes, you can CAST the string as VARCHAR(byte_length)", SUBSTRING function): the longest run of whole
-- characters that fits, where PostgreSQL would keep n characters.
CREATE OR REPLACE FUNCTION redshift_system.varchar_bytes(value text, bytes integer) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN CASE
    WHEN octet_length(value) <= bytes THEN value
    ELSE (SELECT left(value, characters) FROM generate_series(least(length(value), bytes), 0, -1) AS characters
          WHERE octet_length(left(value, characters)) <= bytes LIMIT 1)
END;
