"""Redshift's own data types that the local Redshift does not build: HLLSKETCH and GEOGRAPHY ("Data types",
c_Supported_data_types.html, lists them with GEOMETRY and SUPER, which translation.geometries and .supers build).
Refused by name wherever they are written (a column, a cast), instead of reaching PostgreSQL, which answers 'type
"hllsketch" does not exist'.

One rule per type, so that a type the local Redshift comes to build drops its rule and nothing else.
"""

from __future__ import annotations

from sqlglot import exp

from local_redshift.translation.rule import Rule, reject, type_is

_BY = "the local Redshift"

RULES: list[Rule] = [
    reject("The HLLSKETCH type", type_is(exp.DType.HLLSKETCH), by=_BY),
    reject("The GEOGRAPHY type", type_is(exp.DType.GEOGRAPHY), by=_BY),
]
"""Applied with the other refusals of what the local Redshift does not do."""
