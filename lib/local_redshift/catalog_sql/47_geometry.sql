-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).
-- GEOMETRY ("GEOMETRY type", "Querying spatial data in Amazon Redshift", the spatial functions' pages;
-- translation/geometries.py writes the calls).
--
-- A GEOMETRY value is stored as the hexadecimal digits of its extended well-known binary (EWKB), little-endian,
-- uppercase, in a type of its own, redshift_system.geometry, whose text is those digits: the pages print a GEOMETRY
-- as `0103000020E6100000...` (ST_GeomFromText's example). Two-dimensional POINT, LINESTRING, POLYGON, MULTIPOINT,
-- MULTILINESTRING, MULTIPOLYGON and GEOMETRYCOLLECTION are built; a Z, M or ZM geometry is refused by name. The SRID
-- is written in the EWKB only when it is not 0 (the pages' examples: 01020000000A... without one, 0103000020E6100000
-- with 4326). The type is created once and a later install replaces only its functions' bodies.

CALL redshift_system.create_text_backed_type('geometry');  -- 45_varbyte.sql

-- The digits of a value, and the value of digits (uppercased): the same varlena, another type.
CREATE OR REPLACE FUNCTION redshift_system.geometry_digits(value redshift_system.geometry) RETURNS text
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'rtrim1';
CREATE OR REPLACE FUNCTION redshift_system.geometry_of_digits(digits text) RETURNS redshift_system.geometry
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'upper';

-- Little-endian numbers of the binary forms.
CREATE OR REPLACE FUNCTION redshift_system.geometry_uint(value bigint) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN reverse(int4send((value - CASE WHEN value >= 2147483648
    THEN 4294967296 ELSE 0 END)::int4));
CREATE OR REPLACE FUNCTION redshift_system.geometry_double(value float8) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN reverse(float8send(value));

-- `count` bytes of the binary form at `pos`, most significant first.
CREATE OR REPLACE FUNCTION redshift_system.geometry_read_bytes(wkb bytea, pos integer, count integer, little boolean)
RETURNS bytea LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    bytes bytea := substring(wkb FROM pos + 1 FOR count);
BEGIN
    IF length(bytes) < count THEN
        RAISE EXCEPTION 'the well-known binary of a geometry ends before its end' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN CASE WHEN little THEN reverse(bytes) ELSE bytes END;
END
$$;

CREATE OR REPLACE FUNCTION redshift_system.geometry_read_uint(wkb bytea, pos integer, little boolean)
RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN ('x' || encode(redshift_system.geometry_read_bytes(wkb, pos, 4, little), 'hex'))::bit(32)::bigint & 4294967295;

-- A double from its IEEE 754 bits; NaN for the exponent of all ones (an empty point's coordinates).
CREATE OR REPLACE FUNCTION redshift_system.geometry_read_double(wkb bytea, pos integer, little boolean)
RETURNS float8 LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    bits bigint := ('x' || encode(redshift_system.geometry_read_bytes(wkb, pos, 8, little), 'hex'))::bit(64)::bigint;
    exponent integer;
    fraction float8;
    magnitude float8;
BEGIN
    exponent := ((bits >> 52) & 2047)::integer;
    fraction := (bits & 4503599627370495)::float8 / 4503599627370496.0;
    IF exponent = 2047 THEN
        RETURN 'NaN'::float8;
    ELSIF exponent = 0 THEN
        magnitude := fraction * power(2::float8, -1022);
    ELSE
        magnitude := (1 + fraction) * power(2::float8, exponent - 1023);
    END IF;
    RETURN CASE WHEN bits < 0 THEN -magnitude ELSE magnitude END;
END
$$;

-- A coordinate as the well-known text writes it: at most `digits` significant digits (15 unless ST_AsText is given a
-- precision), no trailing zeros: ST_AsText's example writes 3.141592653589793 as 3.14159265358979.
CREATE OR REPLACE FUNCTION redshift_system.geometry_number_text(value float8, digits integer) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    exact numeric := value::numeric;
BEGIN
    IF exact = 0 THEN
        RETURN '0';
    END IF;
    RETURN trim_scale(round(exact, greatest(0, digits - 1 - floor(log(abs(exact)))::integer)))::text;
END
$$;

CREATE OR REPLACE FUNCTION redshift_system.geometry_type_name(kind integer) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (ARRAY['POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON',
    'GEOMETRYCOLLECTION'])[kind];

CREATE OR REPLACE FUNCTION redshift_system.geometry_refuse_dimensions() RETURNS void
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RAISE EXCEPTION '3DZ, 3DM and 4D geometries are not supported by the local Redshift'
        USING ERRCODE = 'feature_not_supported';
END
$$;

-- One geometry of a well-known binary (either byte order, an SRID allowed where `top`), read from byte `pos` on:
-- where it ends, its SRID, its little-endian WKB without SRID, its well-known text, its type and its points.
CREATE OR REPLACE FUNCTION redshift_system.geometry_read(
    wkb bytea, INOUT pos integer, top boolean, digits integer,
    OUT srid integer, OUT canonical bytea, OUT wkt text, OUT kind integer, OUT points integer
) LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    little boolean;
    code bigint;
    count bigint;
    rings bigint;
    x float8;
    y float8;
    parts text[] := '{}';
    ring_parts text[];
    part record;
BEGIN
    IF length(wkb) <= pos THEN
        RAISE EXCEPTION 'the well-known binary of a geometry ends before its end' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF get_byte(wkb, pos) NOT IN (0, 1) THEN
        RAISE EXCEPTION 'the well-known binary of a geometry has no byte order at byte %', pos + 1
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    little := get_byte(wkb, pos) = 1;
    code := redshift_system.geometry_read_uint(wkb, pos + 1, little);
    pos := pos + 5;
    srid := 0;
    IF code & 3221225472 <> 0 THEN  -- EWKB's Z and M flags
        PERFORM redshift_system.geometry_refuse_dimensions();
    END IF;
    IF code & 536870912 <> 0 THEN
        IF NOT top THEN
            RAISE EXCEPTION 'a geometry inside a geometry cannot have an SRID of its own'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        srid := redshift_system.geometry_read_uint(wkb, pos, little)::integer;
        pos := pos + 4;
        code := code & ~536870912::bigint;
    END IF;
    IF code > 1000 AND code % 1000 BETWEEN 1 AND 7 AND code < 4000 THEN  -- ISO's Z, M and ZM codes
        PERFORM redshift_system.geometry_refuse_dimensions();
    END IF;
    kind := code::integer;
    IF kind NOT BETWEEN 1 AND 7 THEN
        RAISE EXCEPTION 'the well-known binary of a geometry has the unknown geometry type %', code
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    canonical := '\x01'::bytea || redshift_system.geometry_uint(kind);
    points := 0;
    IF kind = 1 THEN
        x := redshift_system.geometry_read_double(wkb, pos, little);
        y := redshift_system.geometry_read_double(wkb, pos + 8, little);
        pos := pos + 16;
        canonical := canonical || redshift_system.geometry_double(x) || redshift_system.geometry_double(y);
        IF x = 'NaN'::float8 AND y = 'NaN'::float8 THEN
            wkt := 'POINT EMPTY';
        ELSE
            wkt := 'POINT(' || redshift_system.geometry_number_text(x, digits) || ' '
                || redshift_system.geometry_number_text(y, digits) || ')';
            points := 1;
        END IF;
        RETURN;
    END IF;
    count := redshift_system.geometry_read_uint(wkb, pos, little);
    pos := pos + 4;
    canonical := canonical || redshift_system.geometry_uint(count);
    IF kind = 2 OR kind = 3 THEN
        rings := CASE WHEN kind = 2 THEN 1 ELSE count END;
        FOR ring IN 1..rings LOOP
            IF kind = 3 THEN
                count := redshift_system.geometry_read_uint(wkb, pos, little);
                pos := pos + 4;
                canonical := canonical || redshift_system.geometry_uint(count);
            END IF;
            ring_parts := '{}';
            FOR point IN 1..count LOOP
                x := redshift_system.geometry_read_double(wkb, pos, little);
                y := redshift_system.geometry_read_double(wkb, pos + 8, little);
                pos := pos + 16;
                canonical := canonical || redshift_system.geometry_double(x) || redshift_system.geometry_double(y);
                ring_parts := ring_parts || (redshift_system.geometry_number_text(x, digits) || ' '
                    || redshift_system.geometry_number_text(y, digits));
            END LOOP;
            points := points + count::integer;
            parts := parts || ('(' || array_to_string(ring_parts, ',') || ')');
        END LOOP;
        IF kind = 2 THEN
            wkt := 'LINESTRING' || CASE WHEN count = 0 THEN ' EMPTY' ELSE parts[1] END;
        ELSE
            wkt := 'POLYGON' || CASE WHEN count = 0 THEN ' EMPTY' ELSE '(' || array_to_string(parts, ',') || ')' END;
        END IF;
        RETURN;
    END IF;
    FOR member IN 1..count LOOP
        part := redshift_system.geometry_read(wkb, pos, false, digits);
        IF kind < 7 AND part.kind <> kind - 3 THEN
            RAISE EXCEPTION 'a % cannot hold a %', redshift_system.geometry_type_name(kind),
                redshift_system.geometry_type_name(part.kind) USING ERRCODE = 'invalid_parameter_value';
        END IF;
        pos := part.pos;
        canonical := canonical || part.canonical;
        points := points + part.points;
        -- A member of a MULTI form without its tag: MULTIPOINT((1 0),(2 0),(3 0)), as ST_Points' example writes it.
        parts := parts || CASE WHEN kind = 7 THEN part.wkt ELSE regexp_replace(part.wkt, '^[A-Z]+ ?', '') END;
    END LOOP;
    wkt := redshift_system.geometry_type_name(kind)
        || CASE WHEN count = 0 THEN ' EMPTY' ELSE '(' || array_to_string(parts, ',') || ')' END;
END
$$;

-- A geometry of the digits of an EWKB (or of a WKB and the SRID it is given).
CREATE OR REPLACE FUNCTION redshift_system.geometry_of_ewkb(wkb bytea, given_srid integer, function_name text)
RETURNS redshift_system.geometry LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    geometry record;
    srid integer;
BEGIN
    IF wkb IS NULL THEN
        RETURN NULL;
    END IF;
    geometry := redshift_system.geometry_read(wkb, 0, true, 15);
    IF geometry.pos <> length(wkb) THEN
        RAISE EXCEPTION '%: the well-known binary has % bytes after its geometry', function_name,
            length(wkb) - geometry.pos USING ERRCODE = 'invalid_parameter_value';
    END IF;
    srid := coalesce(given_srid, geometry.srid);
    RETURN redshift_system.geometry_of_digits(encode(CASE WHEN srid = 0 THEN geometry.canonical
        ELSE '\x01'::bytea || redshift_system.geometry_uint(geometry.kind | 536870912)
            || redshift_system.geometry_uint(srid) || substring(geometry.canonical FROM 6) END, 'hex'));
END
$$;

CREATE OR REPLACE FUNCTION redshift_system.geometry_hex_bytes(digits text, function_name text) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
    IF digits !~ '^([0-9A-Fa-f]{2})+$' THEN
        RAISE EXCEPTION '%: % is not the hexadecimal digits of a well-known binary', function_name, quote_literal(digits)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN decode(digits, 'hex');
END
$$;

CREATE OR REPLACE FUNCTION redshift_system.geometry_parts(value redshift_system.geometry, digits integer DEFAULT 15)
RETURNS TABLE (srid integer, canonical bytea, wkt text, kind integer, points integer)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE BEGIN ATOMIC
    SELECT g.srid, g.canonical, g.wkt, g.kind, g.points
    FROM redshift_system.geometry_read(decode(redshift_system.geometry_digits(value), 'hex'), 0, true, digits) g;
END;

-- The well-known text reader: the next token of `wkt` from `pos` on (a word, a number, a parenthesis, a comma).
CREATE OR REPLACE FUNCTION redshift_system.geometry_token(wkt text, INOUT pos integer, OUT token text)
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    found text[];
BEGIN
    found := regexp_match(substring(wkt FROM pos), '^\s*([A-Za-z]+|[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[(),])');
    IF found IS NULL THEN
        token := NULL;
        RETURN;
    END IF;
    token := upper(found[1]);
    pos := pos + length(substring(substring(wkt FROM pos) FROM '^\s*')) + length(found[1]);
END
$$;

CREATE OR REPLACE FUNCTION redshift_system.geometry_expect(wkt text, INOUT pos integer, expected text)
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    next record := redshift_system.geometry_token(wkt, pos);
BEGIN
    IF next.token IS DISTINCT FROM expected THEN
        RAISE EXCEPTION 'the well-known text % is not valid at character %: % expected', quote_literal(wkt), pos,
            quote_literal(expected) USING ERRCODE = 'invalid_parameter_value';
    END IF;
    pos := next.pos;
END
$$;

-- "x y" at `pos`: the point's 16 bytes.
CREATE OR REPLACE FUNCTION redshift_system.geometry_wkt_point(wkt text, INOUT pos integer, OUT wkb bytea)
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    next record;
BEGIN
    wkb := '\x'::bytea;
    FOR axis IN 1..2 LOOP
        next := redshift_system.geometry_token(wkt, pos);
        IF next.token IS NULL OR next.token !~ '^[-+.0-9]' THEN
            RAISE EXCEPTION 'the well-known text % is not valid at character %: a coordinate expected',
                quote_literal(wkt), pos USING ERRCODE = 'invalid_parameter_value';
        END IF;
        wkb := wkb || redshift_system.geometry_double(next.token::float8);
        pos := next.pos;
    END LOOP;
    next := redshift_system.geometry_token(wkt, pos);
    IF next.token ~ '^[-+.0-9]' THEN
        PERFORM redshift_system.geometry_refuse_dimensions();
    END IF;
END
$$;

-- "(item, item, ...)" at `pos`, or EMPTY, as WKB: the count, then the items. An item is a point ('point': the
-- points of a LINESTRING or a ring), a ring ('ring': the rings of a POLYGON) or a geometry of type `kind` ('member':
-- the members of a MULTI form; 0: of a GEOMETRYCOLLECTION, each with its tag).
CREATE OR REPLACE FUNCTION redshift_system.geometry_wkt_list(wkt text, INOUT pos integer, item text, kind integer,
    OUT wkb bytea)
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    next record := redshift_system.geometry_token(wkt, pos);
    count integer := 0;
    parsed record;
BEGIN
    wkb := '\x'::bytea;
    IF next.token = 'EMPTY' THEN
        pos := next.pos;
        wkb := redshift_system.geometry_uint(0);
        RETURN;
    END IF;
    pos := redshift_system.geometry_expect(wkt, pos, '(');
    LOOP
        IF item = 'point' THEN
            parsed := redshift_system.geometry_wkt_point(wkt, pos);
        ELSIF item = 'ring' THEN
            parsed := redshift_system.geometry_wkt_list(wkt, pos, 'point', 0);
        ELSE
            parsed := redshift_system.geometry_wkt_body(wkt, pos, kind);
        END IF;
        pos := parsed.pos;
        wkb := wkb || parsed.wkb;
        count := count + 1;
        next := redshift_system.geometry_token(wkt, pos);
        EXIT WHEN next.token IS DISTINCT FROM ',';
        pos := next.pos;
    END LOOP;
    pos := redshift_system.geometry_expect(wkt, pos, ')');
    wkb := redshift_system.geometry_uint(count) || wkb;
END
$$;

-- A geometry of type `kind` whose tag is read already (0: read its tag first), as WKB.
CREATE OR REPLACE FUNCTION redshift_system.geometry_wkt_body(wkt text, INOUT pos integer, kind integer,
    OUT wkb bytea)
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    next record;
    body record;
    parenthesized boolean;
BEGIN
    IF kind = 0 THEN
        next := redshift_system.geometry_token(wkt, pos);
        kind := array_position(ARRAY['POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING',
            'MULTIPOLYGON', 'GEOMETRYCOLLECTION'], next.token);
        IF next.token ~ '^[A-Z]+(Z|M|ZM)$' AND array_position(ARRAY['POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT',
                'MULTILINESTRING', 'MULTIPOLYGON', 'GEOMETRYCOLLECTION'], regexp_replace(next.token, '(Z|M|ZM)$', ''))
                IS NOT NULL THEN
            PERFORM redshift_system.geometry_refuse_dimensions();
        END IF;
        IF kind IS NULL THEN
            RAISE EXCEPTION 'the well-known text % is not valid at character %: a geometry type expected',
                quote_literal(wkt), pos USING ERRCODE = 'invalid_parameter_value';
        END IF;
        pos := next.pos;
        next := redshift_system.geometry_token(wkt, pos);
        IF next.token IN ('Z', 'M', 'ZM') THEN
            PERFORM redshift_system.geometry_refuse_dimensions();
        END IF;
    END IF;
    wkb := '\x01'::bytea || redshift_system.geometry_uint(kind);
    IF kind = 1 THEN  -- a point, or a member of a MULTIPOINT: (x y), x y or EMPTY
        next := redshift_system.geometry_token(wkt, pos);
        IF next.token = 'EMPTY' THEN
            pos := next.pos;
            wkb := wkb || redshift_system.geometry_double('NaN') || redshift_system.geometry_double('NaN');
            RETURN;
        END IF;
        parenthesized := next.token = '(';
        IF parenthesized THEN
            pos := next.pos;
        END IF;
        body := redshift_system.geometry_wkt_point(wkt, pos);
        pos := body.pos;
        wkb := wkb || body.wkb;
        IF parenthesized THEN
            pos := redshift_system.geometry_expect(wkt, pos, ')');
        END IF;
        RETURN;
    END IF;
    IF kind = 2 THEN
        body := redshift_system.geometry_wkt_list(wkt, pos, 'point', 0);
    ELSIF kind = 3 THEN
        body := redshift_system.geometry_wkt_list(wkt, pos, 'ring', 0);
    ELSE
        body := redshift_system.geometry_wkt_list(wkt, pos, 'member', CASE WHEN kind = 7 THEN 0 ELSE kind - 3 END);
    END IF;
    pos := body.pos;
    wkb := wkb || body.wkb;
END
$$;

-- The geometry of a whole well-known text (an "SRID=n;" before it where `extended`).
CREATE OR REPLACE FUNCTION redshift_system.geometry_of_wkt(wkt text, srid integer, extended boolean,
    function_name text)
RETURNS redshift_system.geometry LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    body record;
    prefix text[];
    start integer := 1;
BEGIN
    IF wkt IS NULL THEN
        RETURN NULL;
    END IF;
    IF extended THEN
        prefix := regexp_match(wkt, '^\s*SRID=(-?[0-9]+);', 'i');
        IF prefix IS NOT NULL THEN
            srid := prefix[1]::integer;
            start := length(substring(wkt FROM '^\s*SRID=-?[0-9]+;')) + 1;
        END IF;
    END IF;
    body := redshift_system.geometry_wkt_body(wkt, start, 0);
    IF substring(wkt FROM body.pos) !~ '^\s*$' THEN
        RAISE EXCEPTION '%: the well-known text % is not valid at character %', function_name, quote_literal(wkt),
            body.pos USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN redshift_system.geometry_of_ewkb(body.wkb, coalesce(srid, 0), function_name);
END
$$;

-- The constructors. "If srid is negative, then null is returned" (ST_GeomFromText).
CREATE OR REPLACE FUNCTION redshift_system.st_geomfromtext(wkt text) RETURNS redshift_system.geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.geometry_of_wkt(wkt, 0, false, 'ST_GeomFromText');
CREATE OR REPLACE FUNCTION redshift_system.st_geomfromtext(wkt text, srid integer) RETURNS redshift_system.geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN srid >= 0 THEN redshift_system.geometry_of_wkt(wkt, srid, false, 'ST_GeomFromText') END;
CREATE OR REPLACE FUNCTION redshift_system.st_geomfromewkt(ewkt text) RETURNS redshift_system.geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.geometry_of_wkt(ewkt, 0, true, 'ST_GeomFromEWKT');
CREATE OR REPLACE FUNCTION redshift_system.st_geomfromwkb(wkb text) RETURNS redshift_system.geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.geometry_of_ewkb(redshift_system.geometry_hex_bytes(wkb, 'ST_GeomFromWKB'), 0, 'ST_GeomFromWKB');
CREATE OR REPLACE FUNCTION redshift_system.st_geomfromwkb(wkb text, srid integer) RETURNS redshift_system.geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN srid >= 0 THEN redshift_system.geometry_of_ewkb(
    redshift_system.geometry_hex_bytes(wkb, 'ST_GeomFromWKB'), srid, 'ST_GeomFromWKB') END;
CREATE OR REPLACE FUNCTION redshift_system.st_geomfromewkb(ewkb text) RETURNS redshift_system.geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.geometry_of_ewkb(redshift_system.geometry_hex_bytes(ewkb, 'ST_GeomFromEWKB'), NULL,
    'ST_GeomFromEWKB');
CREATE OR REPLACE FUNCTION redshift_system.st_point(x float8, y float8) RETURNS redshift_system.geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.geometry_of_digits(encode('\x0101000000'::bytea
    || redshift_system.geometry_double(x) || redshift_system.geometry_double(y), 'hex'));
CREATE OR REPLACE FUNCTION redshift_system.st_makepoint(x float8, y float8) RETURNS redshift_system.geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.st_point(x, y);
-- "If srid is negative, then an error is returned" (ST_SetSRID).
CREATE OR REPLACE FUNCTION redshift_system.st_setsrid(geom redshift_system.geometry, srid integer)
RETURNS redshift_system.geometry LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
    IF srid < 0 THEN
        RAISE EXCEPTION 'ST_SetSRID: the SRID % is negative', srid USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN redshift_system.geometry_of_ewkb((SELECT canonical FROM redshift_system.geometry_parts(geom)), srid,
        'ST_SetSRID');
END
$$;

-- The accessors.
CREATE OR REPLACE FUNCTION redshift_system.st_srid(geom redshift_system.geometry) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN (SELECT srid FROM redshift_system.geometry_parts(geom));
CREATE OR REPLACE FUNCTION redshift_system.st_astext(geom redshift_system.geometry) RETURNS varchar
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN (SELECT wkt FROM redshift_system.geometry_parts(geom));
-- "the coordinates of geo are displayed using the specified precision 1-20".
CREATE OR REPLACE FUNCTION redshift_system.st_astext(geom redshift_system.geometry, digits integer) RETURNS varchar
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
    IF digits NOT BETWEEN 1 AND 20 THEN
        RAISE EXCEPTION 'ST_AsText: the precision must be 1 to 20, not %', digits
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN (SELECT wkt FROM redshift_system.geometry_parts(geom, digits));
END
$$;
CREATE OR REPLACE FUNCTION redshift_system.st_asewkt(geom redshift_system.geometry) RETURNS varchar
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (SELECT CASE WHEN srid = 0 THEN '' ELSE 'SRID=' || srid || ';' END || wkt
    FROM redshift_system.geometry_parts(geom));
CREATE OR REPLACE FUNCTION redshift_system.st_asewkt(geom redshift_system.geometry, digits integer) RETURNS varchar
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (SELECT CASE WHEN srid = 0 THEN '' ELSE 'SRID=' || srid || ';' END || redshift_system.st_astext(geom, digits)
    FROM redshift_system.geometry_parts(geom));
CREATE OR REPLACE FUNCTION redshift_system.st_asbinary(geom redshift_system.geometry) RETURNS redshift_system.varbyte
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.varbyte_of_bytes((SELECT canonical FROM redshift_system.geometry_parts(geom)));
CREATE OR REPLACE FUNCTION redshift_system.st_asewkb(geom redshift_system.geometry) RETURNS redshift_system.varbyte
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.varbyte_of_digits(redshift_system.geometry_digits(geom));
-- "using ASCII hexadecimal characters (0-9, A-F)" (ST_AsHexEWKB).
CREATE OR REPLACE FUNCTION redshift_system.st_ashexewkb(geom redshift_system.geometry) RETURNS varchar
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN upper(redshift_system.geometry_digits(geom));
CREATE OR REPLACE FUNCTION redshift_system.st_geometrytype(geom redshift_system.geometry) RETURNS varchar
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (SELECT (ARRAY['ST_Point', 'ST_LineString', 'ST_Polygon', 'ST_MultiPoint', 'ST_MultiLineString',
    'ST_MultiPolygon', 'ST_GeometryCollection'])[kind] FROM redshift_system.geometry_parts(geom));
CREATE OR REPLACE FUNCTION redshift_system.st_npoints(geom redshift_system.geometry) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN (SELECT points FROM redshift_system.geometry_parts(geom));
CREATE OR REPLACE FUNCTION redshift_system.st_isempty(geom redshift_system.geometry) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN (SELECT points = 0 FROM redshift_system.geometry_parts(geom));

-- ST_X and ST_Y: "If geom is not a point, then an error is returned"; an empty point gives null.
CREATE OR REPLACE FUNCTION redshift_system.geometry_coordinate(geom redshift_system.geometry, axis integer,
    function_name text)
RETURNS float8 LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    parts record;
    value float8;
BEGIN
    SELECT * INTO parts FROM redshift_system.geometry_parts(geom);
    IF parts.kind <> 1 THEN
        RAISE EXCEPTION '%: the geometry is not a point', function_name USING ERRCODE = 'invalid_parameter_value';
    END IF;
    value := redshift_system.geometry_read_double(parts.canonical, 5 + 8 * axis, true);
    RETURN CASE WHEN value = 'NaN'::float8 THEN NULL ELSE value END;
END
$$;
CREATE OR REPLACE FUNCTION redshift_system.st_x(geom redshift_system.geometry) RETURNS float8
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.geometry_coordinate(geom, 0, 'ST_X');
CREATE OR REPLACE FUNCTION redshift_system.st_y(geom redshift_system.geometry) RETURNS float8
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.geometry_coordinate(geom, 1, 'ST_Y');

-- A GEOMETRY from a string (a cast, a COPY of hexadecimal EWKB): the digits read as ST_GeomFromEWKB reads them.
CREATE OR REPLACE FUNCTION redshift_system.geometry_of_text(value text) RETURNS redshift_system.geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN redshift_system.st_geomfromewkb(value);

-- A string cast to GEOMETRY (or stored in a GEOMETRY column by INSERT ... SELECT) is read as hexadecimal EWKB.
DO $$
DECLARE
    source text;
BEGIN
    FOREACH source IN ARRAY ARRAY['text', 'varchar'] LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_cast WHERE castsource = source::regtype
                AND casttarget = 'redshift_system.geometry'::regtype) THEN
            EXECUTE format('CREATE CAST (%s AS redshift_system.geometry) WITH FUNCTION'
                ' redshift_system.geometry_of_text(text) AS ASSIGNMENT', source);
        END IF;
    END LOOP;
END
$$;

-- The check of a GEOMETRY column (translation/geometries.py): a value stored without a cast (a string literal or a
-- parameter of no type, which PostgreSQL stores as it is) must be a well-known binary in hexadecimal.
CREATE OR REPLACE FUNCTION redshift_system.geometry_is_valid(value redshift_system.geometry) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN redshift_system.geometry_of_ewkb(redshift_system.geometry_hex_bytes(redshift_system.geometry_digits(value),
    'GEOMETRY'), NULL, 'GEOMETRY') IS NOT NULL;

-- SVV_GEOMETRY_COLUMNS: one row per GEOMETRY column of the tables and views the user may read, with its page's
-- columns. The local Redshift's geometries are two-dimensional, and a column has no SRID of its own: 0, as in the
-- page's example rows.
CREATE OR REPLACE VIEW redshift_system.svv_geometry_columns AS
SELECT redshift_system.current_database()::varchar(128) AS f_table_catalog,
       n.nspname::varchar(128) AS f_table_schema, c.relname::varchar(128) AS f_table_name,
       a.attname::varchar(128) AS f_geometry_column, 2 AS coord_dimension, 0 AS srid,
       'GEOMETRY'::varchar(128) AS type
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE a.atttypid = 'redshift_system.geometry'::regtype AND a.attnum > 0 AND NOT a.attisdropped
  AND c.relkind IN ('r', 'v', 'm', 'p') AND n.nspname NOT IN ('redshift_system', 'pg_toast')
  AND NOT pg_catalog.pg_is_other_temp_schema(n.oid)
  AND pg_catalog.has_table_privilege(c.oid, 'SELECT');
