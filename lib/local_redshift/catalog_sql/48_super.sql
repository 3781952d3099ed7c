-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).
-- SUPER ("SUPER type", "Semi-structured data in Amazon Redshift" and its pages on navigation, dynamic typing, casting
-- and the SUPER functions; translation/supers.py writes the calls).
--
-- A SUPER value is stored as its JSON text as Redshift prints it (JSON_PARSE('[10001,10002,"abc"]') prints
-- [10001,10002,"abc"]): compact, object keys in their order, a string with its quotes ("2001-09-08"), in a type of
-- its own, redshift_system.super, read and written by PostgreSQL's json functions (so its input is checked JSON, and
-- the json operators navigate it without re-serializing: the text of a part is the part of the text). Scalars keep
-- their JSON form: a number as written, a string quoted. The type is created once; a later install replaces only
-- its functions' bodies.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_type WHERE typname = 'super'
            AND typnamespace = 'redshift_system'::regnamespace) THEN
        CREATE TYPE redshift_system.super;
        CREATE FUNCTION redshift_system.super_in(cstring) RETURNS redshift_system.super
            LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'json_in';
        CREATE FUNCTION redshift_system.super_out(redshift_system.super) RETURNS cstring
            LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'json_out';
        CREATE FUNCTION redshift_system.super_recv(internal) RETURNS redshift_system.super
            LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'json_recv';
        CREATE FUNCTION redshift_system.super_send(redshift_system.super) RETURNS bytea
            LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'json_send';
        CREATE TYPE redshift_system.super (INPUT = redshift_system.super_in, OUTPUT = redshift_system.super_out,
            RECEIVE = redshift_system.super_recv, SEND = redshift_system.super_send, INTERNALLENGTH = VARIABLE,
            STORAGE = extended, CATEGORY = 'U');
        -- The same varlena as json: json's functions read a SUPER as it is; a json becomes a SUPER only explicitly.
        CREATE CAST (redshift_system.super AS json) WITHOUT FUNCTION AS IMPLICIT;
        CREATE CAST (json AS redshift_system.super) WITHOUT FUNCTION;
    END IF;
END
$$;

-- JSON text without the whitespace between its tokens (strings kept as they are).
CREATE OR REPLACE FUNCTION redshift_system.super_compact(document text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN regexp_replace(document, '("(?:[^"\\]|\\.)*")|[ \t\n\r]+', '\1', 'g');

-- JSON_PARSE: the text read as JSON ("JSON_PARSE function"); what is not JSON is refused (the pages do not print
-- Redshift's words for it).
CREATE OR REPLACE FUNCTION redshift_system.json_parse(document text) RETURNS redshift_system.super
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
    IF NOT document IS JSON THEN
        RAISE EXCEPTION 'JSON_PARSE cannot parse the text as JSON: %', left(document, 100)
            USING ERRCODE = 'invalid_text_representation';
    END IF;
    RETURN redshift_system.super_compact(document::json::text)::json::redshift_system.super;
END
$$;
CREATE OR REPLACE FUNCTION redshift_system.json_parse(document redshift_system.varbyte) RETURNS redshift_system.super
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.json_parse(redshift_system.varbyte_text(document));
CREATE OR REPLACE FUNCTION redshift_system.can_json_parse(document text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN document IS JSON;
-- "If super_expression is NULL, JSON_SERIALIZE returns the JSON string 'null'" (JSON_SERIALIZE function).
CREATE OR REPLACE FUNCTION redshift_system.json_serialize(value redshift_system.super) RETURNS varchar
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN coalesce(value::json::text, 'null');
CREATE OR REPLACE FUNCTION redshift_system.json_serialize_to_varbyte(value redshift_system.super)
RETURNS redshift_system.varbyte LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.varbyte_of_text(value::json::text);
CREATE OR REPLACE FUNCTION redshift_system.json_typeof(value redshift_system.super) RETURNS varchar
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN json_typeof(value);

-- A scalar's own text: a string without its quotes and escapes, a number or boolean as written; NULL for an array,
-- an object or a JSON null.
CREATE OR REPLACE FUNCTION redshift_system.super_scalar_text(value redshift_system.super) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN json_typeof(value) IN ('string', 'number', 'boolean') THEN value::json #>> '{}' END;

-- Navigation ("Navigation"): an object's attribute, an array's element; lax, so anything else is NULL, and so is a
-- JSON null ("a SUPER null", printed as NULL). An attribute's name is folded to lower case, as Redshift folds names,
-- unless enable_case_sensitive_super_attribute is on (SET redshift.<name>, translation/system.py); a name in brackets
-- (value['Name']) is taken as it is written.
CREATE OR REPLACE FUNCTION redshift_system.super_or_null(value json) RETURNS redshift_system.super
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN json_typeof(value) <> 'null' THEN value::redshift_system.super END;
CREATE OR REPLACE FUNCTION redshift_system.super_element(value redshift_system.super, key text)
RETURNS redshift_system.super LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.super_or_null(value::json -> key);
CREATE OR REPLACE FUNCTION redshift_system.super_attribute(value redshift_system.super, name text)
RETURNS redshift_system.super LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN redshift_system.super_element(value, CASE WHEN lower(coalesce(
    current_setting('redshift.enable_case_sensitive_super_attribute', true), '')) IN ('true', 'on', '1')
    THEN name ELSE lower(name) END);
CREATE OR REPLACE FUNCTION redshift_system.super_element(value redshift_system.super, place bigint)
RETURNS redshift_system.super LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN place >= 0 AND place <= 2147483647 THEN redshift_system.super_or_null(value::json -> place::integer) END;

-- Unnesting ("Unnesting queries"): the elements of an array, none for anything else.
CREATE OR REPLACE FUNCTION redshift_system.super_elements(value redshift_system.super)
RETURNS TABLE (element redshift_system.super, place integer) LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 10 AS $$
    SELECT e::redshift_system.super, (n - 1)::integer
    FROM json_array_elements(CASE WHEN json_typeof(value) = 'array' THEN value::json END) WITH ORDINALITY AS a (e, n)
$$;

-- Casts to SUPER ("Casting limitations"): a number, a boolean or a string becomes that scalar; a floating-point
-- number prints in exponent form (2.22::FLOAT prints 2.22e+0, IS_FLOAT); the date and time types do not cast.
CREATE OR REPLACE FUNCTION redshift_system.super_of_float(value float8) RETURNS redshift_system.super
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    written text := abs(value)::text;
    mantissa text := split_part(written, 'e', 1);
    exponent integer := coalesce(nullif(split_part(written, 'e', 2), '')::integer, 0);
    digits text := replace(mantissa, '.', '');
    point integer := coalesce(nullif(position('.' IN mantissa), 0), length(mantissa) + 1);
    zeros integer;
BEGIN
    IF value = 0 THEN
        RETURN '0e+0'::json::redshift_system.super;
    END IF;
    zeros := length(digits) - length(ltrim(digits, '0'));
    digits := rtrim(ltrim(digits, '0'), '0');
    exponent := exponent + point - 2 - zeros;
    RETURN ((CASE WHEN value < 0 THEN '-' ELSE '' END) || left(digits, 1)
        || (CASE WHEN length(digits) > 1 THEN '.' || substr(digits, 2) ELSE '' END)
        || 'e' || (CASE WHEN exponent < 0 THEN '-' ELSE '+' END) || abs(exponent))::json::redshift_system.super;
END
$$;
CREATE OR REPLACE FUNCTION redshift_system.super_of_float(value float4) RETURNS redshift_system.super
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.super_of_float(value::text::float8);
CREATE OR REPLACE FUNCTION redshift_system.super_of_number(value numeric) RETURNS redshift_system.super
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN to_json(value)::redshift_system.super;
CREATE OR REPLACE FUNCTION redshift_system.super_of_number(value int2) RETURNS redshift_system.super
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN to_json(value)::redshift_system.super;
CREATE OR REPLACE FUNCTION redshift_system.super_of_number(value int4) RETURNS redshift_system.super
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN to_json(value)::redshift_system.super;
CREATE OR REPLACE FUNCTION redshift_system.super_of_number(value int8) RETURNS redshift_system.super
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN to_json(value)::redshift_system.super;
CREATE OR REPLACE FUNCTION redshift_system.super_of_boolean(value boolean) RETURNS redshift_system.super
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN to_json(value)::redshift_system.super;
CREATE OR REPLACE FUNCTION redshift_system.super_of_text(value text) RETURNS redshift_system.super
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN to_json(value)::redshift_system.super;
CREATE OR REPLACE FUNCTION redshift_system.super_of_text(value bpchar) RETURNS redshift_system.super
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN to_json(value::text)::redshift_system.super;

-- Casts from SUPER: a value of the type asked for, NULL otherwise ("Amazon Redshift converts SUPER-related errors to
-- null": a string to an integer, 5.0::super::bool); an array or an object to VARCHAR is NULL (use JSON_SERIALIZE).
CREATE OR REPLACE FUNCTION redshift_system.super_number(value redshift_system.super) RETURNS numeric
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN json_typeof(value) = 'number' THEN (value::json #>> '{}')::numeric END;
CREATE OR REPLACE FUNCTION redshift_system.super_is_float(value redshift_system.super) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN json_typeof(value) = 'number' AND strpos(lower(value::json::text), 'e') > 0;
CREATE OR REPLACE FUNCTION redshift_system.super_integer(value redshift_system.super, low numeric, high numeric)
RETURNS numeric LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN json_typeof(value) = 'boolean' THEN (value::json #>> '{}')::boolean::integer
    WHEN redshift_system.super_number(value) BETWEEN low AND high THEN round(redshift_system.super_number(value)) END;
CREATE OR REPLACE FUNCTION redshift_system.super_int2(value redshift_system.super) RETURNS smallint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.super_integer(value, -32768.5, 32767.4999999)::smallint;
CREATE OR REPLACE FUNCTION redshift_system.super_int4(value redshift_system.super) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.super_integer(value, -2147483648.5, 2147483647.4999999)::integer;
CREATE OR REPLACE FUNCTION redshift_system.super_int8(value redshift_system.super) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.super_integer(value, -9223372036854775808.5, 9223372036854775807.4999999)::bigint;
CREATE OR REPLACE FUNCTION redshift_system.super_float8(value redshift_system.super) RETURNS float8
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.super_number(value)::float8;
CREATE OR REPLACE FUNCTION redshift_system.super_float4(value redshift_system.super) RETURNS float4
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.super_number(value)::float4;
CREATE OR REPLACE FUNCTION redshift_system.super_boolean(value redshift_system.super) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE json_typeof(value) WHEN 'boolean' THEN (value::json #>> '{}')::boolean
    WHEN 'number' THEN CASE WHEN scale(redshift_system.super_number(value)) = 0 AND NOT redshift_system.super_is_float(value)
        THEN redshift_system.super_number(value) <> 0 END END;
CREATE OR REPLACE FUNCTION redshift_system.super_text(value redshift_system.super) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.super_scalar_text(value);
CREATE OR REPLACE FUNCTION redshift_system.super_varchar(value redshift_system.super) RETURNS varchar
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.super_scalar_text(value);
CREATE OR REPLACE FUNCTION redshift_system.super_char(value redshift_system.super) RETURNS bpchar
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.super_scalar_text(value);
-- A string to a date or time: as the string casts, NULL where it does not.
CREATE OR REPLACE FUNCTION redshift_system.super_string(value redshift_system.super) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN json_typeof(value) = 'string' THEN value::json #>> '{}' END;
DO $$
DECLARE
    target text;
BEGIN
    FOREACH target IN ARRAY ARRAY['date', 'timestamp', 'timestamptz'] LOOP
        EXECUTE format('CREATE OR REPLACE FUNCTION redshift_system.%I(value redshift_system.super) RETURNS %s '
            'LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $body$ BEGIN '
            'RETURN redshift_system.super_string(value)::%s; '
            'EXCEPTION WHEN data_exception THEN RETURN NULL; END $body$', 'super_' || target, target, target);
    END LOOP;
END
$$;

DO $$
DECLARE
    conversion record;
BEGIN
    FOR conversion IN
        SELECT * FROM (VALUES ('int2', 'redshift_system.super', 'super_of_number', 'int2', 'AS ASSIGNMENT'),
                ('int4', 'redshift_system.super', 'super_of_number', 'int4', 'AS ASSIGNMENT'),
                ('int8', 'redshift_system.super', 'super_of_number', 'int8', 'AS ASSIGNMENT'),
                ('numeric', 'redshift_system.super', 'super_of_number', 'numeric', 'AS ASSIGNMENT'),
                ('float4', 'redshift_system.super', 'super_of_float', 'float4', 'AS ASSIGNMENT'),
                ('float8', 'redshift_system.super', 'super_of_float', 'float8', 'AS ASSIGNMENT'),
                ('bool', 'redshift_system.super', 'super_of_boolean', 'boolean', 'AS ASSIGNMENT'),
                ('text', 'redshift_system.super', 'super_of_text', 'text', 'AS ASSIGNMENT'),
                ('varchar', 'redshift_system.super', 'super_of_text', 'text', 'AS ASSIGNMENT'),
                ('bpchar', 'redshift_system.super', 'super_of_text', 'bpchar', 'AS ASSIGNMENT'),
                ('redshift_system.super', 'int2', 'super_int2', 'redshift_system.super', 'AS ASSIGNMENT'),
                ('redshift_system.super', 'int4', 'super_int4', 'redshift_system.super', 'AS ASSIGNMENT'),
                ('redshift_system.super', 'int8', 'super_int8', 'redshift_system.super', 'AS ASSIGNMENT'),
                ('redshift_system.super', 'numeric', 'super_number', 'redshift_system.super', 'AS ASSIGNMENT'),
                ('redshift_system.super', 'float4', 'super_float4', 'redshift_system.super', 'AS ASSIGNMENT'),
                ('redshift_system.super', 'float8', 'super_float8', 'redshift_system.super', 'AS ASSIGNMENT'),
                ('redshift_system.super', 'bool', 'super_boolean', 'redshift_system.super', 'AS ASSIGNMENT'),
                ('redshift_system.super', 'text', 'super_text', 'redshift_system.super', 'AS ASSIGNMENT'),
                ('redshift_system.super', 'varchar', 'super_varchar', 'redshift_system.super', 'AS ASSIGNMENT'),
                ('redshift_system.super', 'bpchar', 'super_char', 'redshift_system.super', 'AS ASSIGNMENT'),
                ('redshift_system.super', 'date', 'super_date', 'redshift_system.super', 'AS ASSIGNMENT'),
                ('redshift_system.super', 'timestamp', 'super_timestamp', 'redshift_system.super', 'AS ASSIGNMENT'),
                ('redshift_system.super', 'timestamptz', 'super_timestamptz', 'redshift_system.super', 'AS ASSIGNMENT'))
            AS conversions (source, target, function, argument, context)
    LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_cast
                WHERE castsource = conversion.source::regtype AND casttarget = conversion.target::regtype) THEN
            EXECUTE format('CREATE CAST (%s AS %s) WITH FUNCTION redshift_system.%I(%s) %s', conversion.source,
                conversion.target, conversion.function, conversion.argument, conversion.context);
        END IF;
    END LOOP;
END
$$;

-- Comparisons ("Dynamic typing"): equality is true only between values of one dynamic type (numbers as numbers,
-- strings as strings, arrays and objects deeply); an ordering between different types is NULL, "since Amazon
-- Redshift can't compare values of different types". ORDER BY sorts booleans, then numbers, strings, arrays and
-- objects (super_cmp, the sort's order).
CREATE OR REPLACE FUNCTION redshift_system.super_kind(value redshift_system.super) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE json_typeof(value) WHEN 'boolean' THEN 1 WHEN 'number' THEN 2 WHEN 'string' THEN 3 WHEN 'array' THEN 4
    WHEN 'object' THEN 5 ELSE 0 END;
CREATE OR REPLACE FUNCTION redshift_system.super_cmp(a redshift_system.super, b redshift_system.super) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN redshift_system.super_kind(a) <> redshift_system.super_kind(b)
    THEN sign(redshift_system.super_kind(a) - redshift_system.super_kind(b))::integer
    WHEN json_typeof(a) = 'string' THEN CASE WHEN (a::json #>> '{}') < (b::json #>> '{}') THEN -1
        WHEN (a::json #>> '{}') > (b::json #>> '{}') THEN 1 ELSE 0 END
    ELSE jsonb_cmp(a::json::jsonb, b::json::jsonb) END;
CREATE OR REPLACE FUNCTION redshift_system.super_ordered(a redshift_system.super, b redshift_system.super)
RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN redshift_system.super_kind(a) = redshift_system.super_kind(b) THEN redshift_system.super_cmp(a, b) END;
CREATE OR REPLACE FUNCTION redshift_system.super_eq(a redshift_system.super, b redshift_system.super) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.super_cmp(a, b) = 0;
CREATE OR REPLACE FUNCTION redshift_system.super_ne(a redshift_system.super, b redshift_system.super) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.super_cmp(a, b) <> 0;
CREATE OR REPLACE FUNCTION redshift_system.super_lt(a redshift_system.super, b redshift_system.super) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.super_ordered(a, b) < 0;
CREATE OR REPLACE FUNCTION redshift_system.super_le(a redshift_system.super, b redshift_system.super) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.super_ordered(a, b) <= 0;
CREATE OR REPLACE FUNCTION redshift_system.super_gt(a redshift_system.super, b redshift_system.super) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.super_ordered(a, b) > 0;
CREATE OR REPLACE FUNCTION redshift_system.super_ge(a redshift_system.super, b redshift_system.super) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.super_ordered(a, b) >= 0;
CREATE OR REPLACE FUNCTION redshift_system.super_hash(value redshift_system.super) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN json_typeof(value) = 'string' THEN hashtext(value::json #>> '{}') ELSE jsonb_hash(value::json::jsonb) END;
CREATE OR REPLACE FUNCTION redshift_system.super_hash_extended(value redshift_system.super, seed bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN json_typeof(value) = 'string' THEN hashtextextended(value::json #>> '{}', seed)
    ELSE jsonb_hash_extended(value::json::jsonb, seed) END;

DO $$
DECLARE
    operation record;
    other record;
BEGIN
    FOR operation IN
        SELECT * FROM (VALUES ('=', 'eq', 'eqsel', 'eqjoinsel', ', HASHES, MERGES'),
                ('<>', 'ne', 'neqsel', 'neqjoinsel', ''), ('<', 'lt', 'scalarltsel', 'scalarltjoinsel', ''),
                ('<=', 'le', 'scalarlesel', 'scalarlejoinsel', ''), ('>', 'gt', 'scalargtsel', 'scalargtjoinsel', ''),
                ('>=', 'ge', 'scalargesel', 'scalargejoinsel', ''))
            AS operations (symbol, word, restrict_estimator, join_estimator, options)
    LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_operator WHERE oprname = operation.symbol
                AND oprleft = 'redshift_system.super'::regtype AND oprright = 'redshift_system.super'::regtype) THEN
            EXECUTE format('CREATE OPERATOR pg_catalog.%s (LEFTARG = redshift_system.super, '
                'RIGHTARG = redshift_system.super, FUNCTION = redshift_system.super_%s, RESTRICT = %s, '
                'JOIN = %s%s)', operation.symbol, operation.word, operation.restrict_estimator,
                operation.join_estimator, operation.options);
        END IF;
        -- A SUPER beside a typed scalar: the scalar as a SUPER.
        FOR other IN SELECT * FROM (VALUES ('text', 'super_of_text'), ('int2', 'super_of_number'),
                ('int4', 'super_of_number'), ('int8', 'super_of_number'), ('numeric', 'super_of_number'),
                ('float4', 'super_of_float'), ('float8', 'super_of_float'), ('bool', 'super_of_boolean'))
                AS others (type_name, conversion)
        LOOP
            EXECUTE format('CREATE OR REPLACE FUNCTION redshift_system.%I(a redshift_system.super, b %s) '
                'RETURNS boolean LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE '
                'RETURN redshift_system.super_%s(a, redshift_system.%I(b))',
                'super_' || operation.word || '_' || other.type_name, other.type_name, operation.word, other.conversion);
            EXECUTE format('CREATE OR REPLACE FUNCTION redshift_system.%I(a %s, b redshift_system.super) '
                'RETURNS boolean LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE '
                'RETURN redshift_system.super_%s(redshift_system.%I(a), b)',
                other.type_name || '_' || operation.word || '_super', other.type_name, operation.word, other.conversion);
            CALL redshift_system.create_conversion_operator(operation.symbol, 'redshift_system.super',
                other.type_name::regtype, 'super_' || operation.word || '_' || other.type_name);
            CALL redshift_system.create_conversion_operator(operation.symbol, other.type_name::regtype,
                'redshift_system.super', other.type_name || '_' || operation.word || '_super');
        END LOOP;
    END LOOP;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_opclass WHERE opcname = 'super_ops'
            AND opcnamespace = 'redshift_system'::regnamespace) THEN
        CREATE OPERATOR CLASS redshift_system.super_ops DEFAULT FOR TYPE redshift_system.super USING btree AS
            OPERATOR 1 pg_catalog.< (redshift_system.super, redshift_system.super),
            OPERATOR 2 pg_catalog.<= (redshift_system.super, redshift_system.super),
            OPERATOR 3 pg_catalog.= (redshift_system.super, redshift_system.super),
            OPERATOR 4 pg_catalog.>= (redshift_system.super, redshift_system.super),
            OPERATOR 5 pg_catalog.> (redshift_system.super, redshift_system.super),
            FUNCTION 1 redshift_system.super_cmp(redshift_system.super, redshift_system.super);
        CREATE OPERATOR CLASS redshift_system.super_ops DEFAULT FOR TYPE redshift_system.super USING hash AS
            OPERATOR 1 pg_catalog.= (redshift_system.super, redshift_system.super),
            FUNCTION 1 redshift_system.super_hash(redshift_system.super),
            FUNCTION 2 redshift_system.super_hash_extended(redshift_system.super, bigint);
    END IF;
END
$$;

-- The type information functions ("SUPER type information functions"): false for NULL.
CREATE OR REPLACE FUNCTION redshift_system.super_is(value redshift_system.super, kinds text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN coalesce(json_typeof(value) = ANY (kinds), false);
CREATE OR REPLACE FUNCTION redshift_system.is_array(value redshift_system.super) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN redshift_system.super_is(value, ARRAY['array']);
CREATE OR REPLACE FUNCTION redshift_system.is_object(value redshift_system.super) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN redshift_system.super_is(value, ARRAY['object']);
CREATE OR REPLACE FUNCTION redshift_system.is_scalar(value redshift_system.super) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN redshift_system.super_is(value, ARRAY['string', 'number', 'boolean']);
CREATE OR REPLACE FUNCTION redshift_system.is_boolean(value redshift_system.super) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN redshift_system.super_is(value, ARRAY['boolean']);
CREATE OR REPLACE FUNCTION redshift_system.is_varchar(value redshift_system.super) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN redshift_system.super_is(value, ARRAY['string']);
CREATE OR REPLACE FUNCTION redshift_system.is_char(value redshift_system.super) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN redshift_system.is_varchar(value) AND (value::json #>> '{}') ~ '^[\x01-\x7f]*$';
CREATE OR REPLACE FUNCTION redshift_system.is_float(value redshift_system.super) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN coalesce(redshift_system.super_is_float(value), false);
CREATE OR REPLACE FUNCTION redshift_system.is_decimal(value redshift_system.super) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN redshift_system.super_is(value, ARRAY['number']) AND NOT redshift_system.super_is_float(value);
CREATE OR REPLACE FUNCTION redshift_system.super_is_integer(value redshift_system.super, bits integer)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN redshift_system.is_decimal(value) AND scale(redshift_system.super_number(value)) = 0
    AND redshift_system.super_number(value) BETWEEN -power(2::numeric, bits - 1) AND power(2::numeric, bits - 1) - 1;
CREATE OR REPLACE FUNCTION redshift_system.is_smallint(value redshift_system.super) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN redshift_system.super_is_integer(value, 16);
CREATE OR REPLACE FUNCTION redshift_system.is_integer(value redshift_system.super) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN redshift_system.super_is_integer(value, 32);
CREATE OR REPLACE FUNCTION redshift_system.is_bigint(value redshift_system.super) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN redshift_system.super_is_integer(value, 64);
-- The digits of a decimal, and those after its point (3.14159: 6 and 5); NULL for anything else.
CREATE OR REPLACE FUNCTION redshift_system.decimal_scale(value redshift_system.super) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN redshift_system.is_decimal(value) THEN scale(redshift_system.super_number(value)) END;
CREATE OR REPLACE FUNCTION redshift_system.decimal_precision(value redshift_system.super) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN redshift_system.is_decimal(value) THEN greatest(length(ltrim(replace(
    abs(redshift_system.super_number(value))::text, '.', ''), '0')), 1) END;
CREATE OR REPLACE FUNCTION redshift_system.json_size(value redshift_system.super) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN octet_length(value::json::text);

-- Arrays ("SUPER array functions"): NULL where an argument that should be an array is not one.
CREATE OR REPLACE FUNCTION redshift_system.super_array(elements redshift_system.super[])
RETURNS redshift_system.super LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ('[' || coalesce((SELECT string_agg(coalesce(e::json::text, 'null'), ',' ORDER BY n)
    FROM unnest(elements) WITH ORDINALITY AS u (e, n)), '') || ']')::json::redshift_system.super;
CREATE OR REPLACE FUNCTION redshift_system.super_items(value redshift_system.super) RETURNS redshift_system.super[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN ARRAY(SELECT e::redshift_system.super FROM json_array_elements(value) WITH ORDINALITY AS a (e, n) ORDER BY n);
CREATE OR REPLACE FUNCTION redshift_system.get_array_length(value redshift_system.super) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN json_typeof(value) = 'array' THEN json_array_length(value) END;
CREATE OR REPLACE FUNCTION redshift_system.array_concat(a redshift_system.super, b redshift_system.super)
RETURNS redshift_system.super LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN json_typeof(a) = 'array' AND json_typeof(b) = 'array'
    THEN redshift_system.super_array(redshift_system.super_items(a) || redshift_system.super_items(b)) END;
-- The scalars and objects of nested arrays, in order (ARRAY(1, ARRAY(2, ARRAY(3, ARRAY()))) flattens to [1,2,3]).
CREATE OR REPLACE FUNCTION redshift_system.super_leaves(value redshift_system.super) RETURNS redshift_system.super[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    leaves redshift_system.super[] := '{}';
    element json;
BEGIN
    IF json_typeof(value) <> 'array' THEN
        RETURN ARRAY[value];
    END IF;
    FOR element IN SELECT e FROM json_array_elements(value) AS e LOOP
        leaves := leaves || redshift_system.super_leaves(element::redshift_system.super);
    END LOOP;
    RETURN leaves;
END
$$;
CREATE OR REPLACE FUNCTION redshift_system.array_flatten(value redshift_system.super) RETURNS redshift_system.super
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN json_typeof(value) = 'array'
    THEN redshift_system.super_array(redshift_system.super_leaves(value)) END;
-- SUBARRAY(array, start, length): `length` elements from `start` (counted from 0; from the end when negative).
CREATE OR REPLACE FUNCTION redshift_system.subarray(value redshift_system.super, start bigint, count bigint)
RETURNS redshift_system.super LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN json_typeof(value) = 'array' THEN redshift_system.super_array(coalesce(
    (redshift_system.super_items(value))[(CASE WHEN start < 0 THEN json_array_length(value) + start ELSE start END) + 1
        : (CASE WHEN start < 0 THEN json_array_length(value) + start ELSE start END) + count], '{}')) END;
CREATE OR REPLACE FUNCTION redshift_system.split_to_array(value text, delimiter text DEFAULT ',')
RETURNS redshift_system.super LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN to_json(string_to_array(value, delimiter))::redshift_system.super;
-- ARRAY_CONTAINS and ARRAY_POSITION: a NULL element matches a NULL value while null_match holds (its default is
-- default_array_search_null_handling, true unless SET otherwise).
CREATE OR REPLACE FUNCTION redshift_system.null_matches(null_match boolean) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
RETURN coalesce(null_match, lower(coalesce(current_setting('redshift.default_array_search_null_handling', true), 'true'))
    NOT IN ('false', 'off', '0'));
CREATE OR REPLACE FUNCTION redshift_system.array_position(value redshift_system.super, sought redshift_system.super,
    null_match boolean DEFAULT NULL) RETURNS integer LANGUAGE sql STABLE PARALLEL SAFE
RETURN CASE WHEN json_typeof(value) = 'array' THEN coalesce((SELECT min(n) - 1
    FROM unnest(redshift_system.super_items(value)) WITH ORDINALITY AS u (e, n)
    WHERE CASE WHEN sought IS NULL OR json_typeof(sought) = 'null'
        THEN redshift_system.null_matches(null_match) AND json_typeof(e) = 'null'
        ELSE redshift_system.super_eq(e, sought) END), -1) END;
CREATE OR REPLACE FUNCTION redshift_system.array_contains(value redshift_system.super, sought redshift_system.super,
    null_match boolean DEFAULT NULL) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
RETURN CASE WHEN NOT redshift_system.null_matches(null_match) AND (sought IS NULL OR EXISTS (
        SELECT FROM json_array_elements(value) AS e WHERE json_typeof(e) = 'null')
        AND redshift_system.array_position(value, sought, false) < 0) THEN NULL
    ELSE redshift_system.array_position(value, sought, null_match) >= 0 END;

-- A value given OBJECT, as a SUPER: the date and time types do not convert ("OBJECT could not convert type date to
-- super", OBJECT function).
CREATE OR REPLACE FUNCTION redshift_system.object_value(value anyelement) RETURNS redshift_system.super
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    IF pg_typeof(value) IN ('date'::regtype, 'time'::regtype, 'timetz'::regtype, 'timestamp'::regtype,
            'timestamptz'::regtype, 'interval'::regtype) THEN
        RAISE EXCEPTION 'OBJECT could not convert type % to super', format_type(pg_typeof(value), NULL)
            USING ERRCODE = 'cannot_coerce';
    END IF;
    RETURN value::redshift_system.super;
END
$$;

-- OBJECT(key, value, ...): the pairs in their order; a NULL value leaves its key out ("object(k, v)" rows).
CREATE OR REPLACE FUNCTION redshift_system.super_object(keys text[], vals redshift_system.super[])
RETURNS redshift_system.super LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ('{' || coalesce((SELECT string_agg(to_json(k)::text || ':' || v::json::text, ',' ORDER BY n)
    FROM unnest(keys, vals) WITH ORDINALITY AS u (k, v, n) WHERE v IS NOT NULL), '') || '}')::json::redshift_system.super;

-- Arithmetic ("Operators and functions"): numbers give a number (a float when either is one; a quotient of decimals
-- at the scale of "Computations with numeric values", max(4, s1 + p2 - s2 + 1); of integers, the integer quotient);
-- + joins two strings; anything else is NULL.
CREATE OR REPLACE FUNCTION redshift_system.super_arithmetic(a redshift_system.super, b redshift_system.super,
    operation text) RETURNS redshift_system.super LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    x numeric := redshift_system.super_number(a);
    y numeric := redshift_system.super_number(b);
BEGIN
    IF operation = '+' AND json_typeof(a) = 'string' AND json_typeof(b) = 'string' THEN
        RETURN redshift_system.super_of_text((a::json #>> '{}') || (b::json #>> '{}'));
    END IF;
    IF x IS NULL OR y IS NULL THEN
        RETURN NULL;
    END IF;
    IF redshift_system.super_is_float(a) OR redshift_system.super_is_float(b) THEN
        RETURN redshift_system.super_of_float(CASE operation WHEN '+' THEN x::float8 + y::float8
            WHEN '-' THEN x::float8 - y::float8 WHEN '*' THEN x::float8 * y::float8 WHEN '/' THEN x::float8 / y::float8
            ELSE mod(x, y)::float8 END);
    END IF;
    RETURN redshift_system.super_of_number(CASE operation WHEN '+' THEN x + y WHEN '-' THEN x - y WHEN '*' THEN x * y
        WHEN '/' THEN CASE WHEN scale(x) = 0 AND scale(y) = 0 THEN trunc(x / y)
            ELSE round(x / y, greatest(4, scale(x) + redshift_system.decimal_precision(b) - scale(y) + 1)) END
        ELSE mod(x, y) END);
END
$$;
CREATE OR REPLACE FUNCTION redshift_system.super_negative(a redshift_system.super) RETURNS redshift_system.super
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.super_arithmetic(redshift_system.super_of_number(0), a, '-');
CREATE OR REPLACE FUNCTION redshift_system.super_positive(a redshift_system.super) RETURNS redshift_system.super
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN CASE WHEN json_typeof(a) = 'number' THEN a END;
-- A prefix + (translation/supers.py; sqlglot drops it): the operator of the value's type, NULL for a SUPER that is not
-- a number.
CREATE OR REPLACE FUNCTION redshift_system.unary_plus(a anyelement) RETURNS anyelement
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT + a $$;

DO $$
DECLARE
    operation record;
    other record;
BEGIN
    FOR operation IN SELECT * FROM (VALUES ('+', 'add'), ('-', 'subtract'), ('*', 'multiply'), ('/', 'divide'),
            ('%', 'modulo')) AS operations (symbol, word)
    LOOP
        EXECUTE format('CREATE OR REPLACE FUNCTION redshift_system.%I(a redshift_system.super, '
            'b redshift_system.super) RETURNS redshift_system.super LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE '
            'RETURN redshift_system.super_arithmetic(a, b, %L)', 'super_' || operation.word, operation.symbol);
        CALL redshift_system.create_conversion_operator(operation.symbol, 'redshift_system.super',
            'redshift_system.super', 'super_' || operation.word);
        FOR other IN SELECT * FROM (VALUES ('int2', 'super_of_number'), ('int4', 'super_of_number'),
                ('int8', 'super_of_number'), ('numeric', 'super_of_number'), ('float4', 'super_of_float'),
                ('float8', 'super_of_float'), ('text', 'super_of_text')) AS others (type_name, conversion)
        LOOP
            EXECUTE format('CREATE OR REPLACE FUNCTION redshift_system.%I(a redshift_system.super, b %s) '
                'RETURNS redshift_system.super LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE '
                'RETURN redshift_system.super_arithmetic(a, redshift_system.%I(b), %L)',
                'super_' || operation.word || '_' || other.type_name, other.type_name, other.conversion,
                operation.symbol);
            EXECUTE format('CREATE OR REPLACE FUNCTION redshift_system.%I(a %s, b redshift_system.super) '
                'RETURNS redshift_system.super LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE '
                'RETURN redshift_system.super_arithmetic(redshift_system.%I(a), b, %L)',
                other.type_name || '_' || operation.word || '_super', other.type_name, other.conversion,
                operation.symbol);
            CALL redshift_system.create_conversion_operator(operation.symbol, 'redshift_system.super',
                other.type_name::regtype, 'super_' || operation.word || '_' || other.type_name);
            CALL redshift_system.create_conversion_operator(operation.symbol, other.type_name::regtype,
                'redshift_system.super', other.type_name || '_' || operation.word || '_super');
        END LOOP;
    END LOOP;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_operator WHERE oprname = '-' AND oprleft = 0
            AND oprright = 'redshift_system.super'::regtype) THEN
        CREATE OPERATOR pg_catalog.- (RIGHTARG = redshift_system.super, FUNCTION = redshift_system.super_negative);
        CREATE OPERATOR pg_catalog.+ (RIGHTARG = redshift_system.super, FUNCTION = redshift_system.super_positive);
    END IF;
END
$$;

-- FLOOR, CEIL, ROUND, TRUNC and ABS of a SUPER: NULL unless a number; ABS keeps a decimal's scale, the others drop it.
CREATE OR REPLACE FUNCTION redshift_system.super_rounded(a redshift_system.super, operation text)
RETURNS redshift_system.super LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN redshift_system.super_is_float(a) THEN redshift_system.super_of_float(CASE operation
        WHEN 'floor' THEN floor(redshift_system.super_float8(a)) WHEN 'ceil' THEN ceil(redshift_system.super_float8(a))
        WHEN 'round' THEN round(redshift_system.super_float8(a)) WHEN 'trunc' THEN trunc(redshift_system.super_float8(a))
        ELSE abs(redshift_system.super_float8(a)) END)
    ELSE redshift_system.super_of_number(CASE operation WHEN 'floor' THEN floor(redshift_system.super_number(a))
        WHEN 'ceil' THEN ceil(redshift_system.super_number(a)) WHEN 'round' THEN round(redshift_system.super_number(a))
        WHEN 'trunc' THEN trunc(redshift_system.super_number(a)) ELSE abs(redshift_system.super_number(a)) END) END;
CREATE OR REPLACE FUNCTION pg_catalog.floor(a redshift_system.super) RETURNS redshift_system.super
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.super_rounded(a, 'floor');
CREATE OR REPLACE FUNCTION pg_catalog.ceil(a redshift_system.super) RETURNS redshift_system.super
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.super_rounded(a, 'ceil');
CREATE OR REPLACE FUNCTION pg_catalog.ceiling(a redshift_system.super) RETURNS redshift_system.super
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.super_rounded(a, 'ceil');
CREATE OR REPLACE FUNCTION pg_catalog.round(a redshift_system.super) RETURNS redshift_system.super
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.super_rounded(a, 'round');
CREATE OR REPLACE FUNCTION redshift_system.trunc(a redshift_system.super) RETURNS redshift_system.super
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.super_rounded(a, 'trunc');  -- TRUNC's (dates.TRUNC)
CREATE OR REPLACE FUNCTION pg_catalog.abs(a redshift_system.super) RETURNS redshift_system.super
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.super_rounded(a, 'abs');

-- A string literal written as a value of INSERT ... VALUES or UPDATE ... SET (translation/supers.py): PostgreSQL
-- would read an untyped literal by its column type's input, which for a SUPER reads JSON, where Redshift stores the
-- string ("INSERT INTO t VALUES ('abc')" gives "abc", IS_VARCHAR). Typed redshift_system.literal, it becomes a
-- value of its column's type by that type's input as before (WITH INOUT), and a string scalar in a SUPER column.
CALL redshift_system.create_text_backed_type('literal');
DO $$
DECLARE
    target text;
BEGIN
    FOREACH target IN ARRAY ARRAY['int2', 'int4', 'int8', 'numeric', 'float4', 'float8', 'bool', 'text', 'varchar',
            'bpchar', 'name', 'date', 'time', 'timetz', 'timestamp', 'timestamptz', 'interval',
            'redshift_system.varbyte', 'redshift_system.geometry']
    LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_cast WHERE castsource = 'redshift_system.literal'::regtype
                AND casttarget = target::regtype) THEN
            EXECUTE format('CREATE CAST (redshift_system.literal AS %s) WITH INOUT AS ASSIGNMENT', target);
        END IF;
    END LOOP;
END
$$;
CREATE OR REPLACE FUNCTION redshift_system.super_of_literal(value redshift_system.literal) RETURNS redshift_system.super
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN to_json(value::text)::redshift_system.super;
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_cast WHERE castsource = 'redshift_system.literal'::regtype
            AND casttarget = 'redshift_system.super'::regtype) THEN
        CREATE CAST (redshift_system.literal AS redshift_system.super)
            WITH FUNCTION redshift_system.super_of_literal(redshift_system.literal) AS ASSIGNMENT;
    END IF;
END
$$;

-- LOWER_ATTRIBUTE_NAMES: every object's attribute names, at every depth, in lower case.
CREATE OR REPLACE FUNCTION redshift_system.lower_attribute_names(value redshift_system.super)
RETURNS redshift_system.super LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    kind text := json_typeof(value);
BEGIN
    IF kind = 'array' THEN
        RETURN redshift_system.super_array(ARRAY(SELECT redshift_system.lower_attribute_names(e::redshift_system.super)
            FROM json_array_elements(value) WITH ORDINALITY AS a (e, n) ORDER BY n));
    ELSIF kind = 'object' THEN
        RETURN redshift_system.super_object(ARRAY(SELECT lower(k) FROM json_each(value) WITH ORDINALITY AS o (k, v, n) ORDER BY n),
            ARRAY(SELECT redshift_system.lower_attribute_names(v::redshift_system.super)
                FROM json_each(value) WITH ORDINALITY AS o (k, v, n) ORDER BY n));
    END IF;
    RETURN value;
END
$$;

-- ARRAY_POSITIONS: the positions (from 0) of every element equal to the value, as a SUPER array.
CREATE OR REPLACE FUNCTION redshift_system.array_positions(value redshift_system.super, sought redshift_system.super,
    null_match boolean DEFAULT NULL) RETURNS redshift_system.super LANGUAGE sql STABLE PARALLEL SAFE
RETURN CASE WHEN json_typeof(value) = 'array' THEN redshift_system.super_array(ARRAY(
    SELECT redshift_system.super_of_number((n - 1)::integer)
    FROM unnest(redshift_system.super_items(value)) WITH ORDINALITY AS u (e, n)
    WHERE CASE WHEN sought IS NULL OR json_typeof(sought) = 'null'
        THEN redshift_system.null_matches(null_match) AND json_typeof(e) = 'null'
        ELSE redshift_system.super_eq(e, sought) END ORDER BY n)) END;

-- Object unpivoting ("Object unpivoting"): the attributes of an object, each value with its name; none for
-- anything else.
CREATE OR REPLACE FUNCTION redshift_system.super_attributes(value redshift_system.super)
RETURNS TABLE (element redshift_system.super, name varchar) LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 10 AS $$
    SELECT v::redshift_system.super, k::varchar
    FROM json_each(CASE WHEN json_typeof(value) = 'object' THEN value::json END) WITH ORDINALITY AS o (k, v, n)
    ORDER BY n
$$;
