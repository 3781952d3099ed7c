"""Named parameters of the Data API (`:name` in the SQL, values as text) turned into psycopg's placeholders."""

from __future__ import annotations

import re
from typing import Any

from local_redshift.data_api import exceptions

_TOKENS = re.compile(
    r"'(?:[^']|'')*'"  # a string literal
    r'|"(?:[^"]|"")*"'  # a quoted identifier
    r"|--[^\n]*"  # a line comment
    r"|/\*.*?\*/"  # a block comment
    r"|::"  # a cast
    r"|:([A-Za-z_][A-Za-z0-9_]*)"  # a parameter
    r"|%",
    re.S,
)


def bind(sql: str, parameters: list[dict[str, Any]] | None) -> tuple[str, dict[str, str] | None]:
    """The SQL with `%(name)s` for each `:name` (and `%` doubled), and the values; the SQL as it is without
    Parameters. A parameter the SQL names but Parameters lacks, or one the SQL does not use, is refused."""
    if not parameters:
        return sql, None
    values = {str(p["name"]): str(p["value"]) for p in parameters}
    used: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        token, name = match.group(0), match.group(1)
        if token == "%":
            return "%%"
        if name is None:
            return token.replace("%", "%%")
        if name not in values:
            raise exceptions.parameter_missing(name)
        used.add(name)
        return f"%({name})s"

    bound = _TOKENS.sub(replace, sql)
    for name in values:
        if name not in used:
            raise exceptions.parameter_unused(name)
    return bound, values
