"""The columns of an UNLOAD's query result, as the catalog describes them (read from a temporary view)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIMENSIONS = re.compile(r"^(?P<base>[^(]+)(?:\((?P<dimensions>[^)]*)\))?(?P<rest>.*)$")
CHARACTER_TYPES = frozenset({"varchar", "bpchar", "text"})
SUPER = "super"
"""pg_type.typname of the catalog's redshift_system.super (its text: the value's JSON serialization)."""
HLLSKETCH = "hllsketch"
"""pg_type.typname of the catalog's redshift_system.hllsketch (its text: the sketch as Redshift prints it)."""


@dataclass(frozen=True)
class ResultColumn:
    """One column of the result: its name, PostgreSQL type name and type as PostgreSQL writes it in full."""

    name: str
    type_name: str  # pg_type.typname: int4, varchar, numeric...
    formatted: str  # format_type(): integer, character varying(25), numeric(8,2)...

    @property
    def is_character(self) -> bool:
        return self.type_name in CHARACTER_TYPES

    @property
    def is_super(self) -> bool:
        return self.type_name == SUPER

    def manifest_type(self) -> dict[str, object]:
        """The type as MANIFEST VERBOSE's schema lists it: the base type, with the length of CHAR and VARCHAR
        and the precision and scale of NUMERIC."""
        if self.type_name in (SUPER, HLLSKETCH):  # format_type() names them with their schema off the path
            return {"base": self.type_name}
        match = _DIMENSIONS.match(self.formatted)
        assert match is not None
        base = (match.group("base") + match.group("rest")).strip()
        dimensions = [int(number) for number in (match.group("dimensions") or "").split(",") if number.strip()]
        described: dict[str, object] = {"base": base}
        if self.type_name in ("varchar", "bpchar") and dimensions:
            described["length"] = dimensions[0]
        elif self.type_name == "numeric" and dimensions:
            described["precision"] = dimensions[0]
            described["scale"] = dimensions[1] if len(dimensions) > 1 else 0
        return described
