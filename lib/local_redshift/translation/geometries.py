"""GEOMETRY: the type redshift_system.geometry of the catalog (catalog_sql/47_geometry.sql), whose text is the
hexadecimal EWKB Redshift prints, and the spatial functions the catalog defines under their Redshift names.

Built: two-dimensional POINT, LINESTRING, POLYGON, their MULTI forms and GEOMETRYCOLLECTION; the constructors
ST_GeomFromText, ST_GeomFromEWKT, ST_GeomFromWKB, ST_GeomFromEWKB, ST_Point, ST_MakePoint and ST_SetSRID; the
accessors ST_AsText, ST_AsEWKT, ST_AsBinary, ST_AsEWKB, ST_AsHexEWKB, ST_SRID, ST_GeometryType, ST_X, ST_Y,
ST_NPoints and ST_IsEmpty. A Z, M or ZM geometry is refused by name (by the catalog, or here for ST_MakePoint), and so
is every other spatial function (ST_Area, ST_Distance, ST_GeogFromText, ...), which PostgreSQL does not have either.
"""

from __future__ import annotations

from sqlglot import exp

from local_redshift.catalog import SCHEMA
from local_redshift.errors import UnsupportedFeature
from local_redshift.translation.rule import (
    Context,
    Rule,
    call_of,
    catalog_call,
    is_string_cast_to,
    is_table_column,
    is_type,
    node_is,
    type_is,
    with_check,
)

GEOMETRY = exp.DataType.build(f"{SCHEMA}.geometry", udt=True)
FUNCTIONS = (
    "ST_GEOMFROMTEXT",
    "ST_GEOMFROMEWKT",
    "ST_GEOMFROMWKB",
    "ST_GEOMFROMEWKB",
    "ST_POINT",
    "ST_MAKEPOINT",
    "ST_SETSRID",
    "ST_ASTEXT",
    "ST_ASEWKT",
    "ST_ASBINARY",
    "ST_ASEWKB",
    "ST_ASHEXEWKB",
    "ST_SRID",
    "ST_GEOMETRYTYPE",
    "ST_X",
    "ST_Y",
    "ST_NPOINTS",
    "ST_ISEMPTY",
)
"""The spatial functions built, as Redshift names them (ST_Point and ST_MakePoint are sqlglot's exp.StPoint)."""


def geometry_type(_: exp.DataType, __: Context) -> exp.Expr:
    return GEOMETRY.copy()


def geometry_column(column: exp.ColumnDef, _: Context) -> exp.Expr:
    """A GEOMETRY column of a table checks what it is given without a cast: PostgreSQL stores a string literal or an
    untyped parameter as it is, unread."""
    if not is_type(column.args.get("kind"), exp.DType.GEOMETRY) or not is_table_column(column):
        return column
    return with_check(column, "geometry", catalog_call("geometry_is_valid", exp.column(column.name)))


def string_cast_to_geometry(cast: exp.Cast, _: Context) -> exp.Expr:
    """'0101...'::GEOMETRY: the string read as hexadecimal EWKB, as ST_GeomFromEWKB reads it."""
    return catalog_call("geometry_of_text", cast.this)


def spatial_function(call: exp.Anonymous, _: Context) -> exp.Expr:
    return catalog_call(call.name.lower(), *call.expressions)


def st_point(call: exp.StPoint, _: Context) -> exp.Expr:
    """ST_Point(x, y) and ST_MakePoint(x, y) (sqlglot reads both as exp.StPoint); ST_MakePoint(x, y, z[, m]) makes a
    3DZ or 4D point, which the local Redshift does not build."""
    if call.args.get("z") is not None or call.args.get("m") is not None:
        raise UnsupportedFeature.of("A 3DZ, 3DM or 4D geometry (ST_MakePoint with z or m)", by="the local Redshift")
    return catalog_call("st_point", call.this, call.expression)


def unbuilt_spatial_function(call: exp.Func, _: Context) -> exp.Expr:
    name = "ST_Distance" if isinstance(call, exp.StDistance) else call.name
    raise UnsupportedFeature.of(f"The spatial function {name}", by="the local Redshift")


def _is_unbuilt_spatial_function(node: exp.Expr) -> bool:
    if isinstance(node, exp.StDistance):
        return True
    return (
        isinstance(node, exp.Anonymous) and node.name.upper().startswith("ST_") and node.name.upper() not in FUNCTIONS
    )


STRING_CAST_TO_GEOMETRY = Rule(
    "String cast to GEOMETRY",
    node_is(exp.Cast, where=is_string_cast_to(exp.DType.GEOMETRY)),
    string_cast_to_geometry,
)
GEOMETRY_COLUMNS = Rule("GEOMETRY column", node_is(exp.ColumnDef), geometry_column)  # before the type is replaced
GEOMETRY_TYPE = Rule("GEOMETRY", type_is(exp.DType.GEOMETRY), geometry_type)
SPATIAL_FUNCTIONS = Rule("Spatial functions", call_of(*FUNCTIONS), spatial_function)
ST_POINT = Rule("ST_Point", node_is(exp.StPoint), st_point)
UNBUILT_SPATIAL_FUNCTIONS = Rule("Spatial functions not built", _is_unbuilt_spatial_function, unbuilt_spatial_function)

RULES = [
    GEOMETRY_COLUMNS,
    STRING_CAST_TO_GEOMETRY,
    GEOMETRY_TYPE,
    UNBUILT_SPATIAL_FUNCTIONS,
    SPATIAL_FUNCTIONS,
    ST_POINT,
]
"""The GEOMETRY rules, in the order they are applied."""
