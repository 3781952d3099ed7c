"""GEOMETRY and the spatial functions through the running endpoint, with psycopg and redshift_connector.

Each expected value is the example of the function's page in the Developer Guide (ST_GeomFromText-function.html and
the other ST_*-function.html pages), or follows from the rule the page states (said where it does). A GEOMETRY
reaches a client as the hexadecimal digits of its EWKB, uppercase as the pages print it (ST_GeomFromText's example:
0103000020E6100000...), under Redshift's GEOMETRY type code 3000 (redshift_connector's oids.py), which the driver reads
as text.
"""

from __future__ import annotations

import re
import uuid

import psycopg
import pytest

# ST_GeomFromText's example: SELECT ST_GeomFromText('POLYGON((0 0,0 1,1 1,1 0,0 0))',4326).
SQUARE = "POLYGON((0 0,0 1,1 1,1 0,0 0))"
SQUARE_4326 = (
    "0103000020E61000000100000005000000000000000000000000000000000000000000000000000000000000000000F03F000000000000F03F"
    "000000000000F03F000000000000F03F000000000000000000000000000000000000000000000000"
)
# The same polygon without an SRID: the flag 0x20000000 and the SRID's four bytes dropped (the EWKB rule).
SQUARE_WKB = "0103000000" + SQUARE_4326[18:]
# ST_AsText's example, and the linestring of ST_NPoints', ST_GeometryType's and ST_SetSRID's.
CONSTANTS = "LINESTRING(3.141592653589793 -6.283185307179586,2.718281828459045 -1.414213562373095)"
TRACK = "LINESTRING(77.29 29.07,77.42 29.26,77.27 29.31,77.29 29.07)"


@pytest.fixture
def conn(cluster):
    with cluster.psycopg(autocommit=True) as connection:
        yield connection


def one(conn: psycopg.Connection, sql: str):
    return conn.execute(sql).fetchone()[0]


def test_st_geomfromtext_gives_the_hexadecimal_ewkb_of_its_page(conn):
    assert one(conn, f"SELECT ST_GeomFromText('{SQUARE}',4326)") == SQUARE_4326


def test_the_ewkb_functions_give_the_digits_of_their_pages(conn):
    # ST_AsHexEWKB: "using ASCII hexadecimal characters (0-9, A-F)"; ST_AsEWKB returns a VARBYTE, whose digits the
    # local Redshift prints in lowercase ("VARBYTE type": hex format), the page's digits otherwise.
    row = conn.execute(
        f"SELECT ST_AsHexEWKB(ST_GeomFromText('{SQUARE}',4326)), ST_AsEWKB(ST_GeomFromText('{SQUARE}',4326)),"
        f" ST_AsBinary(ST_GeomFromText('{SQUARE}',4326))"
    ).fetchone()
    assert row == (SQUARE_4326, SQUARE_4326.lower(), SQUARE_WKB.lower())


def test_st_astext_writes_15_significant_digits_or_the_precision_given(conn):
    row = conn.execute(
        f"SELECT ST_AsText(ST_GeomFromText('{CONSTANTS}', 4326)), ST_AsText(ST_GeomFromText('{CONSTANTS}', 4326), 6)"
    ).fetchone()
    assert row == (
        "LINESTRING(3.14159265358979 -6.28318530717959,2.71828182845905 -1.41421356237309)",
        "LINESTRING(3.14159 -6.28319,2.71828 -1.41421)",
    )


def test_the_accessors_answer_as_their_pages_do(conn):
    row = conn.execute(
        f"SELECT ST_GeometryType(ST_GeomFromText('{TRACK}')), ST_NPoints(ST_GeomFromText('{TRACK}')),"
        " ST_IsEmpty(ST_GeomFromText('POLYGON((0 2,1 1,0 -1,0 2))')), ST_X(ST_Point(1,2)), ST_Y(ST_Point(1,2)),"
        f" ST_AsEWKT(ST_SetSRID(ST_GeomFromText('{TRACK}'),50)), ST_SRID(ST_GeomFromText('{SQUARE}',4326))"
    ).fetchone()
    assert row == ("ST_LineString", 4, False, 1.0, 2.0, f"SRID=50;{TRACK}", 4326)


def test_st_geomfromewkt_and_st_makepoint_give_what_their_pages_show(conn):
    multilinestring = "MULTILINESTRING((1 0,1 0),(2 0,3 0),(4 0,5 0,6 0))"
    row = conn.execute(
        f"SELECT ST_GeomFromEWKT('SRID=4326;{multilinestring}'),"
        f" ST_AsEWKT(ST_GeomFromEWKT('SRID=4326;{multilinestring}')), ST_AsText(ST_MakePoint(1,3)),"
        f" ST_AsEWKT(ST_GeomFromText('{CONSTANTS}', 4326), 6)"
    ).fetchone()
    assert row == (
        "0105000020E610000003000000010200000002000000000000000000F03F0000000000000000000000000000F03F0000000000000000"
        "0102000000020000000000000000000040000000000000000000000000000008400000000000000000010200000003000000000000"
        "000000104000000000000000000000000000001440000000000000000000000000000018400000000000000000",
        f"SRID=4326;{multilinestring}",
        "POINT(1 3)",
        "SRID=4326;LINESTRING(3.14159 -6.28319,2.71828 -1.41421)",  # ST_AsEWKT's example with precision 6
    )


def test_the_binary_and_extended_text_constructors_read_what_the_writers_write(conn):
    # ST_GeomFromEWKB reads the digits ST_AsHexEWKB writes (either case); ST_GeomFromWKB gives SRID 0 unless given
    # one; ST_GeomFromEWKT reads "SRID=n;" as ST_AsEWKT writes it.
    row = conn.execute(
        f"SELECT ST_GeomFromEWKB('{SQUARE_4326.lower()}'), ST_GeomFromWKB('{SQUARE_WKB}'),"
        f" ST_GeomFromWKB('{SQUARE_WKB}', 4326), ST_AsEWKT(ST_GeomFromEWKT('SRID=4326;{SQUARE}'))"
    ).fetchone()
    assert row == (SQUARE_4326, SQUARE_WKB, SQUARE_4326, f"SRID=4326;{SQUARE}")


@pytest.mark.parametrize(
    ("wkt", "kind", "points"),
    [
        ("POINT(1 2)", "ST_Point", 1),
        ("MULTIPOINT((1 0),(2 0),(3 0))", "ST_MultiPoint", 3),  # as ST_Points' example writes a MULTIPOINT
        ("MULTILINESTRING((1 2,3 4),(5 6,7 8))", "ST_MultiLineString", 4),
        ("MULTIPOLYGON(((0 0,0 1,1 1,0 0)),((5 5,5 6,6 6,5 5)))", "ST_MultiPolygon", 8),
        ("GEOMETRYCOLLECTION(POINT(1 2),LINESTRING(0 0,1 1))", "ST_GeometryCollection", 3),
    ],
)
def test_each_geometry_type_reads_back_as_its_text(conn, wkt, kind, points):
    row = conn.execute(
        f"SELECT ST_AsText(ST_GeomFromText('{wkt}')), ST_GeometryType(ST_GeomFromText('{wkt}')),"
        f" ST_NPoints(ST_GeomFromText('{wkt}'))"
    ).fetchone()
    assert row == (wkt, kind, points)


def test_an_empty_point_is_empty_and_has_no_coordinates(conn):
    # ST_NPoints: "If geo is an empty point, then 0 is returned", and it counts "nonempty points"; ST_X: "If point is
    # the empty point, then null"; MULTIPOINT(1 0,EMPTY) is ST_GeomFromText's example of EMPTY.
    row = conn.execute(
        "SELECT ST_IsEmpty(ST_GeomFromText('POINT EMPTY')), ST_NPoints(ST_GeomFromText('POINT EMPTY')),"
        " ST_X(ST_GeomFromText('POINT EMPTY')), ST_NPoints(ST_GeomFromText('MULTIPOINT(1 0,EMPTY)'))"
    ).fetchone()
    assert row == (True, 0, None, 1)


def test_a_negative_srid_is_null_in_st_geomfromtext_and_an_error_in_st_setsrid(conn):
    # ST_GeomFromText: "If srid is negative, then null is returned"; ST_SetSRID: "then an error is returned".
    assert one(conn, "SELECT ST_GeomFromText('POINT(1 2)', -1)") is None
    with pytest.raises(psycopg.errors.InvalidParameterValue, match="ST_SetSRID: the SRID -1 is negative"):
        conn.execute("SELECT ST_SetSRID(ST_Point(1,2), -1)")


@pytest.mark.parametrize(
    ("sql", "words"),
    [
        ("SELECT ST_GeomFromText('POINT(1 2')", "'POINT(1 2' is not valid at character 10"),
        ("SELECT ST_GeomFromText('POLYGN((0 0))')", "a geometry type expected"),
        ("SELECT ST_GeomFromEWKB('zz')", "ST_GeomFromEWKB: 'zz' is not the hexadecimal digits"),
        ("SELECT ST_X(ST_GeomFromText('LINESTRING(0 0,1 1)'))", "ST_X: the geometry is not a point"),  # "an error"
    ],
)
def test_wrong_input_is_an_error_that_says_what_is_wrong(conn, sql, words):
    with pytest.raises(psycopg.errors.InvalidParameterValue, match=re.escape(words)):
        conn.execute(sql)


@pytest.mark.parametrize("wkt", ["POINT Z(1 2 3)", "POINT(1 2 3)", "LINESTRINGM(0 0 1,1 1 2)"])
def test_three_and_four_dimensional_geometries_are_refused_by_name(conn, wkt):
    with pytest.raises(psycopg.errors.FeatureNotSupported, match="3DZ, 3DM and 4D geometries are not supported"):
        conn.execute(f"SELECT ST_GeomFromText('{wkt}')")


def test_a_geometry_column_holds_what_is_inserted(conn):
    schema = f"g_{uuid.uuid4().hex[:8]}"
    conn.execute(f"CREATE SCHEMA {schema}")
    conn.execute(f"CREATE TABLE {schema}.shapes (id int, g GEOMETRY)")
    conn.execute(
        f"INSERT INTO {schema}.shapes VALUES (1, ST_GeomFromText('{SQUARE}', 4326)), (2, ST_Point(1, 2)),"
        f" (3, '{SQUARE_WKB.lower()}'::geometry)"
    )
    rows = conn.execute(f"SELECT id, ST_AsEWKT(g) FROM {schema}.shapes ORDER BY id").fetchall()
    assert rows == [(1, f"SRID=4326;{SQUARE}"), (2, "POINT(1 2)"), (3, SQUARE)]
    with pytest.raises(psycopg.errors.InvalidParameterValue, match="GEOMETRY: 'abc' is not the hexadecimal digits"):
        conn.execute(f"INSERT INTO {schema}.shapes VALUES (4, 'abc')")


@pytest.mark.parametrize("version", [0, 1, 2])
def test_redshift_connector_reads_a_geometry_as_its_digits_under_type_code_3000(cluster, version):
    with cluster.redshift_connector(client_protocol_version=version) as connection:
        cursor = connection.cursor()
        cursor.execute(f"SELECT ST_GeomFromText('{SQUARE}',4326), ST_AsText(ST_Point(1, 2))")
        assert cursor.fetchone() == [SQUARE_4326, "POINT(1 2)"]
        assert [column[1] for column in cursor.description] == [3000, 1043]
