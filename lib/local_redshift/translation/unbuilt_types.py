"""Redshift's own data types that the local Redshift does not build: GEOGRAPHY ("Data types",
c_Supported_data_types.html, lists it with GEOMETRY, HLLSKETCH and SUPER, which translation.geometries,
.hllsketches and .supers build). Refused by name wherever it is written (a column, a cast), instead of reaching
PostgreSQL, which answers 'type "geography" does not exist'.

One rule per type, so that a type the local Redshift comes to build drops its rule and nothing else.
"""

from __future__ import annotations

from sqlglot import exp

from local_redshift.translation.rule import Rule, reject, type_is

_BY = "the local Redshift"

RULES: list[Rule] = [
    reject("The GEOGRAPHY type", type_is(exp.DType.GEOGRAPHY), by=_BY),
]
"""Applied with the other refusals of what the local Redshift does not do."""
