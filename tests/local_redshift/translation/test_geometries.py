"""GEOMETRY ("GEOMETRY type" in "Data types") is the catalog's type, and the spatial functions are the catalog's
(catalog_sql/47_geometry.sql), which the endpoint tests run (test_endpoint_geometry.py)."""

from __future__ import annotations

import pytest

from local_redshift.translation import UnsupportedFeature, translate


def postgres(sql: str) -> str:
    [statement] = translate(sql)
    return statement.postgres[0]


def test_a_geometry_column_is_of_the_catalog_type_and_checks_what_it_is_given():
    assert postgres("CREATE TABLE t (g GEOMETRY)") == (
        "CREATE TABLE t (g redshift_system.geometry CONSTRAINT g_geometry CHECK (redshift_system.geometry_is_valid(g)))"
    )


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("SELECT ST_GeomFromText('POINT(1 2)', 4326)", "SELECT redshift_system.st_geomfromtext('POINT(1 2)', 4326)"),
        ("SELECT ST_AsText(ST_MakePoint(1, 2))", "SELECT redshift_system.st_astext(redshift_system.st_point(1, 2))"),
        ("SELECT ST_X(ST_Point(1, 2))", "SELECT redshift_system.st_x(redshift_system.st_point(1, 2))"),
        ("SELECT '0101'::GEOMETRY", "SELECT redshift_system.geometry_of_text('0101')"),
    ],
)
def test_the_spatial_functions_are_the_catalogs(sql, expected):
    assert postgres(sql) == expected


def test_a_point_of_three_or_four_coordinates_is_refused_by_name():
    # ST_MakePoint(1, 2, 3) is POINT Z (1 2 3) on its page; the local Redshift builds two dimensions only.
    with pytest.raises(UnsupportedFeature, match="ST_MakePoint with z or m"):
        translate("SELECT ST_MakePoint(1, 2, 3)")


@pytest.mark.parametrize(
    ("sql", "name"), [("SELECT ST_Area(g) FROM t", "ST_Area"), ("SELECT ST_Distance(a, b)", "ST_Distance")]
)
def test_a_spatial_function_the_local_redshift_lacks_is_refused_by_name(sql, name):
    with pytest.raises(UnsupportedFeature, match=f"The spatial function {name} is not supported by the local Redshift"):
        translate(sql)
