-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).
-- String functions with Redshift's meaning; translation/regexp.py and translation/strings.py call them.

-- REGEXP_REPLACE: every match from `start` on is replaced; a start below 1 is 1, one past the end gives
-- the source unchanged.
CREATE OR REPLACE FUNCTION redshift_system.regexp_replace(
    source text, pattern text, replacement text, start integer, flags text
) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN start > length(source) THEN source
        ELSE pg_catalog.regexp_replace(source, pattern, replacement, greatest(start, 1), 0, flags) END
$$;

-- REGEXP_SUBSTR: an empty string when nothing matches or `start` is past the end; NULL when `occurrence` is
-- below 1 or above the number of characters.
CREATE OR REPLACE FUNCTION redshift_system.regexp_substr(
    source text, pattern text, start integer, occurrence integer, flags text, subexpression integer
) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN start > length(source) THEN ''
        WHEN occurrence < 1 OR occurrence > length(source) THEN NULL
        ELSE coalesce(pg_catalog.regexp_substr(source, pattern, greatest(start, 1), occurrence, flags,
                                               subexpression), '') END
$$;

-- REGEXP_COUNT: 0 when `start` is past the end.
CREATE OR REPLACE FUNCTION redshift_system.regexp_count(source text, pattern text, start integer, flags text)
RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN start > length(source) THEN 0
        ELSE pg_catalog.regexp_count(source, pattern, greatest(start, 1), flags) END
$$;

-- REGEXP_INSTR: 0 when nothing matches, `start` is past the end or `occurrence` is below 1 or above the number
-- of characters; `option` 0 gives the match's first character, any other value the character after the match.
CREATE OR REPLACE FUNCTION redshift_system.regexp_instr(
    source text, pattern text, start integer, occurrence integer, option integer, flags text,
    subexpression integer
) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN start > length(source) OR occurrence < 1 OR occurrence > length(source) THEN 0
        ELSE pg_catalog.regexp_instr(source, pattern, greatest(start, 1), occurrence,
                                     CASE WHEN option = 0 THEN 0 ELSE 1 END, flags, subexpression) END
$$;

-- SPLIT_PART: the part counts from 1 and must be greater than 0 (PostgreSQL would count a negative part from the end).
CREATE OR REPLACE FUNCTION redshift_system.split_part(string text, delimiter text, part integer) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
    IF part < 1 THEN
        RAISE EXCEPTION 'split_part: the part must be greater than 0, not %', part
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN pg_catalog.split_part(string, delimiter, part);
END
$$;

-- SHA2: the hexadecimal digest of the string's UTF-8 bytes; bits 0 means 256, any other number an empty string.
CREATE OR REPLACE FUNCTION redshift_system.sha2(string text, bits integer) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE bits
        WHEN 0 THEN encode(sha256(convert_to(string, 'UTF8')), 'hex')
        WHEN 224 THEN encode(sha224(convert_to(string, 'UTF8')), 'hex')
        WHEN 256 THEN encode(sha256(convert_to(string, 'UTF8')), 'hex')
        WHEN 384 THEN encode(sha384(convert_to(string, 'UTF8')), 'hex')
        WHEN 512 THEN encode(sha512(convert_to(string, 'UTF8')), 'hex')
        ELSE ''
    END
$$;

-- CRC32: the CRC-32C checksum of the string's UTF-8 bytes as 8 hexadecimal digits.
CREATE OR REPLACE FUNCTION redshift_system.crc32(string text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT lpad(to_hex(crc32c(convert_to(string, 'UTF8'))), 8, '0')
$$;

-- BPCHARCMP (and BTTEXT_PATTERN_CMP): -1, 0 or 1 as the first string sorts before, with or after the second,
-- byte by byte.
CREATE OR REPLACE FUNCTION redshift_system.bpcharcmp(string1 text, string2 text) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN string1 COLLATE "C" < string2 COLLATE "C" THEN -1 WHEN string1 = string2 THEN 0 ELSE 1 END
$$;

-- A 32-bit word rotated left by `bits`, for FUNC_SHA1.
CREATE OR REPLACE FUNCTION redshift_system.rotate_left_32(word bigint, bits integer) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT ((word << bits) | (word >> (32 - bits))) & 4294967295
$$;

-- FUNC_SHA1 (and SHA1): the SHA-1 digest (FIPS 180-4) of the string's UTF-8 bytes as 40 hexadecimal digits.
CREATE OR REPLACE FUNCTION redshift_system.func_sha1(string text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    mask constant bigint := 4294967295;
    message bytea := convert_to(string, 'UTF8');
    digest bigint[] := ARRAY[x'67452301'::bigint, x'EFCDAB89'::bigint, x'98BADCFE'::bigint, x'10325476'::bigint,
                             x'C3D2E1F0'::bigint];
    words bigint[];
    a bigint; b bigint; c bigint; d bigint; e bigint; f bigint; k bigint; temp bigint;
    base integer;
BEGIN
    message := message || '\x80'::bytea || decode(repeat('00', (119 - length(message) % 64) % 64), 'hex')
               || int8send(length(message)::bigint * 8);
    FOR chunk IN 0 .. length(message) / 64 - 1 LOOP
        words := array_fill(0::bigint, ARRAY[80]);
        FOR t IN 0 .. 15 LOOP
            base := chunk * 64 + t * 4;
            words[t + 1] := (get_byte(message, base)::bigint << 24) | (get_byte(message, base + 1)::bigint << 16)
                            | (get_byte(message, base + 2)::bigint << 8) | get_byte(message, base + 3)::bigint;
        END LOOP;
        FOR t IN 16 .. 79 LOOP
            words[t + 1] := redshift_system.rotate_left_32(
                words[t - 2] # words[t - 7] # words[t - 13] # words[t - 15], 1);
        END LOOP;
        a := digest[1]; b := digest[2]; c := digest[3]; d := digest[4]; e := digest[5];
        FOR t IN 0 .. 79 LOOP
            IF t < 20 THEN
                f := (b & c) | ((b # mask) & d); k := x'5A827999'::bigint;
            ELSIF t < 40 THEN
                f := b # c # d; k := x'6ED9EBA1'::bigint;
            ELSIF t < 60 THEN
                f := (b & c) | (b & d) | (c & d); k := x'8F1BBCDC'::bigint;
            ELSE
                f := b # c # d; k := x'CA62C1D6'::bigint;
            END IF;
            temp := (redshift_system.rotate_left_32(a, 5) + f + e + k + words[t + 1]) & mask;
            e := d; d := c; c := redshift_system.rotate_left_32(b, 30); b := a; a := temp;
        END LOOP;
        digest := ARRAY[(digest[1] + a) & mask, (digest[2] + b) & mask, (digest[3] + c) & mask,
                        (digest[4] + d) & mask, (digest[5] + e) & mask];
    END LOOP;
    RETURN (SELECT string_agg(lpad(to_hex(word), 8, '0'), '' ORDER BY position)
            FROM unnest(digest) WITH ORDINALITY AS words_of_digest(word, position));
END
$$;

-- SOUNDEX: American Soundex of the string's ASCII letters (others are ignored): the first letter, then the codes of
-- the letters after it, a code repeated next to itself (or across H and W) written once, vowels and Y written as
-- nothing, padded with zeros to three digits; an empty string when there are no letters.
CREATE OR REPLACE FUNCTION redshift_system.soundex(string text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    letters text := upper(regexp_replace(string, '[^A-Za-z]', '', 'g'));
    alphabet constant text := 'AEIOUYHWBFPVCGJKQSXZDTLMNR';
    codes constant text := '000000--111122222222334556';
    code text := '';
    previous text;
    digit text;
BEGIN
    IF letters = '' THEN
        RETURN '';
    END IF;
    previous := translate(left(letters, 1), alphabet, codes);
    FOR place IN 2 .. length(letters) LOOP
        EXIT WHEN length(code) = 3;
        digit := translate(substr(letters, place, 1), alphabet, codes);
        CONTINUE WHEN digit = '-';
        IF digit <> '0' AND digit <> previous THEN
            code := code || digit;
        END IF;
        previous := digit;
    END LOOP;
    RETURN left(letters, 1) || rpad(code, 3, '0');
END
$$;

-- DIFFERENCE: how many of the four characters of the two Soundex codes agree, place by place (4: the same code);
-- 0 when one string has no letters, 1 when neither has.
CREATE OR REPLACE FUNCTION redshift_system.difference(string1 text, string2 text) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE
        WHEN code1 = '' AND code2 = '' THEN 1
        WHEN code1 = '' OR code2 = '' THEN 0
        ELSE (SELECT count(*)::integer FROM generate_series(1, 4) AS place
              WHERE substr(code1, place, 1) = substr(code2, place, 1))
    END
    FROM (SELECT redshift_system.soundex(string1) AS code1, redshift_system.soundex(string2) AS code2) AS codes
$$;

-- FNV_HASH: the 64-bit FNV-1a hash of a value's binary representation (little-endian integers: 2, 4 or 8 bytes;
-- a string's UTF-8 bytes, CHAR's trailing spaces included), from `seed` (default: the FNV offset basis), as a
-- signed BIGINT. Values of other types are refused (their binary representation is not documented).
CREATE OR REPLACE FUNCTION redshift_system.fnv_hash_bytes(bytes bytea, seed bigint) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    hash bigint := seed;
    unsigned numeric;
BEGIN
    FOR place IN 0 .. length(bytes) - 1 LOOP
        unsigned := (hash # get_byte(bytes, place))::numeric;
        unsigned := mod((unsigned + CASE WHEN unsigned < 0 THEN 18446744073709551616 ELSE 0 END) * 1099511628211,
                        18446744073709551616);
        hash := (unsigned - CASE WHEN unsigned >= 9223372036854775808 THEN 18446744073709551616 ELSE 0 END)::bigint;
    END LOOP;
    RETURN hash;
END
$$;

CREATE OR REPLACE FUNCTION redshift_system.fnv_hash(value text, seed bigint DEFAULT -3750763034362895579)
RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT redshift_system.fnv_hash_bytes(convert_to(value, 'UTF8'), seed)
$$;

CREATE OR REPLACE FUNCTION redshift_system.fnv_hash(value character, seed bigint DEFAULT -3750763034362895579)
RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT redshift_system.fnv_hash_bytes(
        convert_to(value::text || repeat(' ', octet_length(value) - octet_length(value::text)), 'UTF8'), seed)
$$;

CREATE OR REPLACE FUNCTION redshift_system.fnv_hash(value smallint, seed bigint DEFAULT -3750763034362895579)
RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT redshift_system.fnv_hash_bytes(reverse(int2send(value)), seed)
$$;

CREATE OR REPLACE FUNCTION redshift_system.fnv_hash(value integer, seed bigint DEFAULT -3750763034362895579)
RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT redshift_system.fnv_hash_bytes(reverse(int4send(value)), seed)
$$;

CREATE OR REPLACE FUNCTION redshift_system.fnv_hash(value bigint, seed bigint DEFAULT -3750763034362895579)
RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT redshift_system.fnv_hash_bytes(reverse(int8send(value)), seed)
$$;

CREATE OR REPLACE FUNCTION redshift_system.fnv_hash(value anyelement, seed bigint DEFAULT -3750763034362895579)
RETURNS bigint LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RAISE EXCEPTION 'FNV_HASH of a % value is not supported by the local Redshift', pg_typeof(value)
        USING ERRCODE = 'feature_not_supported';
END
$$;

-- The string with its ASCII letters lowered (and no other character changed), for ILIKE.
CREATE OR REPLACE FUNCTION redshift_system.ascii_lower(string text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT translate(string, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
$$;

-- CHAR keeps its trailing spaces, which LIKE and ILIKE do not ignore.
CREATE OR REPLACE FUNCTION redshift_system.ascii_lower(string character) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT redshift_system.ascii_lower(string::text || repeat(' ', octet_length(string) - octet_length(string::text)))
$$;

-- A number, a date or a time stamp is matched as its text (the "Type compatibility and conversion" page).
CREATE OR REPLACE FUNCTION redshift_system.ascii_lower(value anynonarray) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
    SELECT redshift_system.ascii_lower(value::text)
$$;
