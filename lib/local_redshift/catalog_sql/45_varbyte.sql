-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).
-- VARBYTE ("VARBYTE type" and "VARBYTE operators and functions"; translation/varbytes.py writes the calls).
--
-- A VARBYTE value is stored as the lowercase hexadecimal digits of its bytes, in a type of its own,
-- redshift_system.varbyte, whose text is those digits: "Amazon Redshift uses the hex format to print VARBYTE values",
-- so a client reads `6162` where PostgreSQL's bytea would print `\x6162`. Its input is the same digits ("For CSV, the
-- data is loaded from a file in hexadecimal representation of the VARBYTE data", Loading a column of the VARBYTE data
-- type). Its input and output functions are PostgreSQL's own for text (a varlena either way); comparisons compare the
-- digits byte by byte (bytea's functions), which orders them as the bytes they write. Casts, operators and the
-- overloads of LENGTH, OCTET_LENGTH and SUBSTRING live in pg_catalog, where every search_path finds them; the type
-- is created once and a later install replaces only its functions' bodies.

-- A type of redshift_system whose values are a varlena read and written as text (PostgreSQL's own text input and
-- output functions), made once: a later install leaves it, and the values it holds, as they are. VARBYTE and GEOMETRY
-- (47_geometry.sql) are such types.
CREATE OR REPLACE PROCEDURE redshift_system.create_text_backed_type(name text)
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_type WHERE typname = name
            AND typnamespace = 'redshift_system'::regnamespace) THEN
        RETURN;
    END IF;
    EXECUTE format('CREATE TYPE redshift_system.%I', name);
    EXECUTE format('CREATE FUNCTION redshift_system.%I(cstring) RETURNS redshift_system.%I '
        'LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS %L', name || '_in', name, 'textin');
    EXECUTE format('CREATE FUNCTION redshift_system.%I(redshift_system.%I) RETURNS cstring '
        'LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS %L', name || '_out', name, 'textout');
    EXECUTE format('CREATE FUNCTION redshift_system.%I(internal) RETURNS redshift_system.%I '
        'LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS %L', name || '_recv', name, 'textrecv');
    EXECUTE format('CREATE FUNCTION redshift_system.%I(redshift_system.%I) RETURNS bytea '
        'LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS %L', name || '_send', name, 'textsend');
    EXECUTE format('CREATE TYPE redshift_system.%I (INPUT = redshift_system.%I, OUTPUT = redshift_system.%I, '
        'RECEIVE = redshift_system.%I, SEND = redshift_system.%I, '
        'INTERNALLENGTH = VARIABLE, STORAGE = extended, CATEGORY = %L)',
        name, name || '_in', name || '_out', name || '_recv', name || '_send', 'U');
END
$$;

CALL redshift_system.create_text_backed_type('varbyte');

-- The digits of a value, and the value of digits (lowercased): the same varlena, another type.
CREATE OR REPLACE FUNCTION redshift_system.varbyte_digits(value redshift_system.varbyte) RETURNS text
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'rtrim1';
CREATE OR REPLACE FUNCTION redshift_system.varbyte_of_digits(digits text) RETURNS redshift_system.varbyte
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'lower';

CREATE OR REPLACE FUNCTION redshift_system.varbyte_bytes(value redshift_system.varbyte) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN decode(redshift_system.varbyte_digits(value), 'hex');
CREATE OR REPLACE FUNCTION redshift_system.varbyte_of_bytes(bytes bytea) RETURNS redshift_system.varbyte
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.varbyte_of_digits(encode(bytes, 'hex'));

-- Casts ("Amazon Redshift supports casting between VARBYTE and ... CHAR, VARCHAR, SMALLINT, INTEGER, BIGINT"):
-- strings as their UTF-8 bytes (a CHAR with its padding: "The resulting cast pads the result with a space
-- characters"), integers as their two, four or eight bytes, most significant first.
CREATE OR REPLACE FUNCTION redshift_system.varbyte_of_text(value text) RETURNS redshift_system.varbyte
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.varbyte_of_bytes(convert_to(value, 'UTF8'));
CREATE OR REPLACE FUNCTION redshift_system.varbyte_of_varchar(value varchar) RETURNS redshift_system.varbyte
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.varbyte_of_text(value::text);
CREATE OR REPLACE FUNCTION redshift_system.varbyte_of_char(value bpchar) RETURNS redshift_system.varbyte
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.varbyte_of_text(value::text || repeat(' ', octet_length(value) - octet_length(value::text)));
CREATE OR REPLACE FUNCTION redshift_system.varbyte_of_int2(value int2) RETURNS redshift_system.varbyte
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.varbyte_of_digits(lpad(to_hex(value::int4 & 65535), 4, '0'));
CREATE OR REPLACE FUNCTION redshift_system.varbyte_of_int4(value int4) RETURNS redshift_system.varbyte
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.varbyte_of_digits(lpad(to_hex(value), 8, '0'));
CREATE OR REPLACE FUNCTION redshift_system.varbyte_of_int8(value int8) RETURNS redshift_system.varbyte
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.varbyte_of_digits(lpad(to_hex(value), 16, '0'));

CREATE OR REPLACE FUNCTION redshift_system.varbyte_text(value redshift_system.varbyte) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN convert_from(redshift_system.varbyte_bytes(value), 'UTF8');
CREATE OR REPLACE FUNCTION redshift_system.varbyte_varchar(value redshift_system.varbyte) RETURNS varchar
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.varbyte_text(value);
CREATE OR REPLACE FUNCTION redshift_system.varbyte_char(value redshift_system.varbyte) RETURNS bpchar
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.varbyte_text(value);

-- An integer from at most as many bytes as it has (fewer are its low bytes); more are out of its range.
CREATE OR REPLACE FUNCTION redshift_system.varbyte_integer(value redshift_system.varbyte, bytes integer)
RETURNS bigint LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    digits text := redshift_system.varbyte_digits(value);
BEGIN
    IF length(digits) > 2 * bytes THEN
        RAISE EXCEPTION 'VARBYTE value of % bytes is out of range for an integer of % bytes', length(digits) / 2,
            bytes USING ERRCODE = 'numeric_value_out_of_range';
    END IF;
    RETURN CASE bytes
        WHEN 2 THEN (('x' || lpad(digits, 4, '0'))::bit(16)::int4 << 16) >> 16  -- the sign of its 16 bits
        WHEN 4 THEN ('x' || lpad(digits, 8, '0'))::bit(32)::int4
        ELSE ('x' || lpad(digits, 16, '0'))::bit(64)::int8
    END;
END
$$;
CREATE OR REPLACE FUNCTION redshift_system.varbyte_int2(value redshift_system.varbyte) RETURNS int2
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.varbyte_integer(value, 2);
CREATE OR REPLACE FUNCTION redshift_system.varbyte_int4(value redshift_system.varbyte) RETURNS int4
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.varbyte_integer(value, 4);
CREATE OR REPLACE FUNCTION redshift_system.varbyte_int8(value redshift_system.varbyte) RETURNS int8
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.varbyte_integer(value, 8);

DO $$
DECLARE
    conversion record;
BEGIN
    FOR conversion IN
        SELECT * FROM (VALUES ('text', 'redshift_system.varbyte', 'varbyte_of_text', 'AS ASSIGNMENT'),
                ('varchar', 'redshift_system.varbyte', 'varbyte_of_varchar', 'AS ASSIGNMENT'),
                ('bpchar', 'redshift_system.varbyte', 'varbyte_of_char', 'AS ASSIGNMENT'),
                ('int2', 'redshift_system.varbyte', 'varbyte_of_int2', ''),
                ('int4', 'redshift_system.varbyte', 'varbyte_of_int4', ''),
                ('int8', 'redshift_system.varbyte', 'varbyte_of_int8', ''),
                ('redshift_system.varbyte', 'text', 'varbyte_text', ''),
                ('redshift_system.varbyte', 'varchar', 'varbyte_varchar', ''),
                ('redshift_system.varbyte', 'bpchar', 'varbyte_char', ''),
                ('redshift_system.varbyte', 'int2', 'varbyte_int2', ''),
                ('redshift_system.varbyte', 'int4', 'varbyte_int4', ''),
                ('redshift_system.varbyte', 'int8', 'varbyte_int8', ''))
            AS conversions (source, target, function, context)
    LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_cast
                WHERE castsource = conversion.source::regtype AND casttarget = conversion.target::regtype) THEN
            EXECUTE format('CREATE CAST (%s AS %s) WITH FUNCTION redshift_system.%I(%s) %s', conversion.source,
                conversion.target, conversion.function, conversion.source, conversion.context);
        END IF;
    END LOOP;
END
$$;

-- Comparisons, concatenation (|| and +), and the bitwise operators ~, &, | and # ("VARBYTE operators").
CREATE OR REPLACE FUNCTION redshift_system.varbyte_eq(redshift_system.varbyte, redshift_system.varbyte)
RETURNS boolean LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'byteaeq';
CREATE OR REPLACE FUNCTION redshift_system.varbyte_ne(redshift_system.varbyte, redshift_system.varbyte)
RETURNS boolean LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'byteane';
CREATE OR REPLACE FUNCTION redshift_system.varbyte_lt(redshift_system.varbyte, redshift_system.varbyte)
RETURNS boolean LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'bytealt';
CREATE OR REPLACE FUNCTION redshift_system.varbyte_le(redshift_system.varbyte, redshift_system.varbyte)
RETURNS boolean LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'byteale';
CREATE OR REPLACE FUNCTION redshift_system.varbyte_gt(redshift_system.varbyte, redshift_system.varbyte)
RETURNS boolean LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'byteagt';
CREATE OR REPLACE FUNCTION redshift_system.varbyte_ge(redshift_system.varbyte, redshift_system.varbyte)
RETURNS boolean LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'byteage';
CREATE OR REPLACE FUNCTION redshift_system.varbyte_cmp(redshift_system.varbyte, redshift_system.varbyte)
RETURNS integer LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'byteacmp';
CREATE OR REPLACE FUNCTION redshift_system.varbyte_hash(redshift_system.varbyte)
RETURNS integer LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'hashvarlena';
CREATE OR REPLACE FUNCTION redshift_system.varbyte_hash_extended(redshift_system.varbyte, bigint)
RETURNS bigint LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'hashvarlenaextended';
CREATE OR REPLACE FUNCTION redshift_system.varbyte_concat(redshift_system.varbyte, redshift_system.varbyte)
RETURNS redshift_system.varbyte LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'byteacat';

-- Each byte of a and b combined by `operation` (&, | or #); values of different lengths are refused.
CREATE OR REPLACE FUNCTION redshift_system.varbyte_bitwise(a redshift_system.varbyte, b redshift_system.varbyte,
    operation text) RETURNS redshift_system.varbyte LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    left_bytes bytea := redshift_system.varbyte_bytes(a);
    right_bytes bytea := redshift_system.varbyte_bytes(b);
    result bytea := left_bytes;
    x integer;
    y integer;
BEGIN
    IF length(left_bytes) <> length(right_bytes) THEN
        RAISE EXCEPTION 'cannot apply % to VARBYTE values of different lengths', operation
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR i IN 0 .. length(left_bytes) - 1 LOOP
        x := get_byte(left_bytes, i);
        y := get_byte(right_bytes, i);
        result := set_byte(result, i, CASE operation WHEN '&' THEN x & y WHEN '|' THEN x | y ELSE x # y END);
    END LOOP;
    RETURN redshift_system.varbyte_of_bytes(result);
END
$$;
CREATE OR REPLACE FUNCTION redshift_system.varbyte_and(a redshift_system.varbyte, b redshift_system.varbyte)
RETURNS redshift_system.varbyte LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.varbyte_bitwise(a, b, '&');
CREATE OR REPLACE FUNCTION redshift_system.varbyte_or(a redshift_system.varbyte, b redshift_system.varbyte)
RETURNS redshift_system.varbyte LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.varbyte_bitwise(a, b, '|');
CREATE OR REPLACE FUNCTION redshift_system.varbyte_xor(a redshift_system.varbyte, b redshift_system.varbyte)
RETURNS redshift_system.varbyte LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.varbyte_bitwise(a, b, '#');
CREATE OR REPLACE FUNCTION redshift_system.varbyte_not(a redshift_system.varbyte)
RETURNS redshift_system.varbyte LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.varbyte_bitwise(a, redshift_system.varbyte_of_bytes(
    decode(repeat('ff', length(redshift_system.varbyte_digits(a)) / 2), 'hex')), '#');

DO $$
DECLARE
    operation record;
BEGIN
    FOR operation IN
        SELECT * FROM (VALUES ('=', 'eq', 'eqsel', 'eqjoinsel', ', HASHES, MERGES'),
                ('<>', 'ne', 'neqsel', 'neqjoinsel', ''), ('<', 'lt', 'scalarltsel', 'scalarltjoinsel', ''),
                ('<=', 'le', 'scalarlesel', 'scalarlejoinsel', ''), ('>', 'gt', 'scalargtsel', 'scalargtjoinsel', ''),
                ('>=', 'ge', 'scalargesel', 'scalargejoinsel', ''))
            AS operations (symbol, word, restrict_estimator, join_estimator, options)
    LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_operator WHERE oprname = operation.symbol
                AND oprleft = 'redshift_system.varbyte'::regtype AND oprright = 'redshift_system.varbyte'::regtype) THEN
            EXECUTE format('CREATE OPERATOR pg_catalog.%s (LEFTARG = redshift_system.varbyte, '
                'RIGHTARG = redshift_system.varbyte, FUNCTION = redshift_system.varbyte_%s, RESTRICT = %s, '
                'JOIN = %s%s)', operation.symbol, operation.word, operation.restrict_estimator,
                operation.join_estimator, operation.options);
        END IF;
    END LOOP;
    FOR operation IN
        SELECT * FROM (VALUES ('||', 'concat'), ('+', 'concat'), ('&', 'and'), ('|', 'or'), ('#', 'xor'))
            AS operations (symbol, word)
    LOOP
        CALL redshift_system.create_conversion_operator(operation.symbol, 'redshift_system.varbyte',
            'redshift_system.varbyte', 'varbyte_' || operation.word);
    END LOOP;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_operator WHERE oprname = '~' AND oprleft = 0
            AND oprright = 'redshift_system.varbyte'::regtype) THEN
        CREATE OPERATOR pg_catalog.~ (RIGHTARG = redshift_system.varbyte, FUNCTION = redshift_system.varbyte_not);
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_opclass WHERE opcname = 'varbyte_ops'
            AND opcnamespace = 'redshift_system'::regnamespace) THEN
        CREATE OPERATOR CLASS redshift_system.varbyte_ops DEFAULT FOR TYPE redshift_system.varbyte USING btree AS
            OPERATOR 1 pg_catalog.< (redshift_system.varbyte, redshift_system.varbyte),
            OPERATOR 2 pg_catalog.<= (redshift_system.varbyte, redshift_system.varbyte),
            OPERATOR 3 pg_catalog.= (redshift_system.varbyte, redshift_system.varbyte),
            OPERATOR 4 pg_catalog.>= (redshift_system.varbyte, redshift_system.varbyte),
            OPERATOR 5 pg_catalog.> (redshift_system.varbyte, redshift_system.varbyte),
            FUNCTION 1 redshift_system.varbyte_cmp(redshift_system.varbyte, redshift_system.varbyte);
        CREATE OPERATOR CLASS redshift_system.varbyte_ops DEFAULT FOR TYPE redshift_system.varbyte USING hash AS
            OPERATOR 1 pg_catalog.= (redshift_system.varbyte, redshift_system.varbyte),
            FUNCTION 1 redshift_system.varbyte_hash(redshift_system.varbyte),
            FUNCTION 2 redshift_system.varbyte_hash_extended(redshift_system.varbyte, bigint);
    END IF;
END
$$;

-- LEN, LENGTH and OCTET_LENGTH count bytes; SUBSTRING and SUBSTR take bytes (positions as for strings).
CREATE OR REPLACE FUNCTION redshift_system.varbyte_length(value redshift_system.varbyte) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN octet_length(redshift_system.varbyte_digits(value)) / 2;
CREATE OR REPLACE FUNCTION redshift_system.varbyte_substring(value redshift_system.varbyte, start integer,
    count integer) RETURNS redshift_system.varbyte LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.varbyte_of_bytes(substring(redshift_system.varbyte_bytes(value) FROM start FOR count));
CREATE OR REPLACE FUNCTION redshift_system.varbyte_substring(value redshift_system.varbyte, start integer)
RETURNS redshift_system.varbyte LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.varbyte_of_bytes(substring(redshift_system.varbyte_bytes(value) FROM start));

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_proc WHERE proname = 'length'
            AND pronamespace = 'pg_catalog'::regnamespace AND proargtypes[0] = 'redshift_system.varbyte'::regtype) THEN
        CREATE FUNCTION pg_catalog.length(value redshift_system.varbyte) RETURNS integer
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.varbyte_length(value);
        CREATE FUNCTION pg_catalog.octet_length(value redshift_system.varbyte) RETURNS integer
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.varbyte_length(value);
        CREATE FUNCTION pg_catalog.substring(value redshift_system.varbyte, start integer, count integer)
        RETURNS redshift_system.varbyte LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN redshift_system.varbyte_substring(value, start, count);
        CREATE FUNCTION pg_catalog.substring(value redshift_system.varbyte, start integer)
        RETURNS redshift_system.varbyte LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN redshift_system.varbyte_substring(value, start);
    END IF;
END
$$;

-- FROM_HEX, TO_HEX, FROM_VARBYTE, TO_VARBYTE and GETBIT. A format is 'hex', 'binary', 'utf8' or 'utf-8', in any
-- case; hex digits of odd number get a leading 0 ("If the hexadecimal string length is an odd number, then a 0 is
-- prepended to form a valid hexadecimal number", TO_VARBYTE), binary digits as many as make whole bytes.
CREATE OR REPLACE FUNCTION redshift_system.varbyte_format(format text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
    IF lower(format) IN ('hex', 'binary') THEN
        RETURN lower(format);
    ELSIF lower(format) IN ('utf8', 'utf-8') THEN
        RETURN 'utf8';
    END IF;
    RAISE EXCEPTION 'invalid format "%": the format is hex, binary, utf8 or utf-8', format
        USING ERRCODE = 'invalid_parameter_value';
END
$$;

CREATE OR REPLACE FUNCTION redshift_system.to_varbyte(string text, format text) RETURNS redshift_system.varbyte
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN CASE redshift_system.varbyte_format(format)
    WHEN 'hex' THEN redshift_system.varbyte_of_bytes(decode(lpad(string, (length(string) + 1) / 2 * 2, '0'), 'hex'))
    WHEN 'binary' THEN redshift_system.varbyte_of_digits((
        SELECT coalesce(string_agg(lpad(to_hex(substring(bits FROM 8 * i + 1 FOR 8)::bit(8)::integer), 2, '0'), ''
            ORDER BY i), '')
        FROM lpad(string, (length(string) + 7) / 8 * 8, '0') AS bits,
            generate_series(0, length(bits) / 8 - 1) AS i))
    ELSE redshift_system.varbyte_of_text(string)
END;

CREATE OR REPLACE FUNCTION redshift_system.from_varbyte(value redshift_system.varbyte, format text) RETURNS varchar
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN CASE redshift_system.varbyte_format(format)
    WHEN 'hex' THEN redshift_system.varbyte_digits(value)
    WHEN 'binary' THEN CASE WHEN redshift_system.varbyte_digits(value) = '' THEN ''
        ELSE ('x' || redshift_system.varbyte_digits(value))::varbit::text END
    ELSE redshift_system.varbyte_text(value)
END;
-- A character string where a VARBYTE is expected is its UTF-8 bytes (FROM_VARBYTE's example reads 'ab' as 6162).
CREATE OR REPLACE FUNCTION redshift_system.from_varbyte(value text, format text) RETURNS varchar
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.from_varbyte(redshift_system.varbyte_of_text(value), format);

CREATE OR REPLACE FUNCTION redshift_system.from_hex(digits text) RETURNS redshift_system.varbyte
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.to_varbyte(digits, 'hex');

-- TO_HEX "converts a number or binary value to a hexadecimal representation".
CREATE OR REPLACE FUNCTION redshift_system.to_hex(value redshift_system.varbyte) RETURNS varchar
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.varbyte_digits(value);
CREATE OR REPLACE FUNCTION redshift_system.to_hex(value bigint) RETURNS varchar
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN pg_catalog.to_hex(value);

-- GETBIT: "a 0-based bit array that is indexed from the rightmost bit (least significant bit) to the leftmost bit".
CREATE OR REPLACE FUNCTION redshift_system.getbit(value redshift_system.varbyte, index integer) RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    bytes bytea := redshift_system.varbyte_bytes(value);
BEGIN
    IF index < 0 OR index >= 8 * length(bytes) THEN
        RAISE EXCEPTION 'bit index % out of valid range (0..%)', index, 8 * length(bytes) - 1
            USING ERRCODE = 'array_subscript_error';
    END IF;
    RETURN get_bit(bytes, 8 * (length(bytes) - 1 - index / 8) + index % 8);
END
$$;

-- A VARBYTE(n) column holds at most n bytes (translation/varbytes.py adds the check to the column). A value written
-- into it as a string is read as hexadecimal digits; a string that is not whole bytes of them is refused, where
-- Redshift would take its UTF-8 bytes (a cast to VARBYTE does that: 'abc'::varbyte).
CREATE OR REPLACE FUNCTION redshift_system.varbyte_fits(value redshift_system.varbyte, bytes integer)
RETURNS boolean LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    IF value IS NULL THEN
        RETURN true;
    ELSIF redshift_system.varbyte_digits(value) !~ '^([0-9a-fA-F]{2})*$' THEN
        RAISE EXCEPTION 'a string written into a VARBYTE column as it is is not supported by the local Redshift; '
            'write hexadecimal digits or cast the string to VARBYTE' USING ERRCODE = 'feature_not_supported';
    ELSIF redshift_system.varbyte_length(value) <= bytes THEN
        RETURN true;
    END IF;
    RAISE EXCEPTION 'value too long for type varbyte(%)', bytes USING ERRCODE = 'string_data_right_truncation';
END
$$;
