"""The parts of a statement outside its strings, delimited identifiers, comments and dollar-quoted strings, where a
textual rewrite made before sqlglot reads the statement may change it (placeholders, unicode_spaces)."""

from __future__ import annotations

import re
from collections.abc import Callable

_QUOTED = re.compile(
    r"'(?:[^']|'')*'"  # a string
    r'|"(?:[^"]|"")*"'  # a delimited identifier
    r"|--[^\n]*"  # a comment
    r"|/\*.*?\*/"  # a block comment
    r"|(\$[A-Za-z_][A-Za-z0-9_]*\$|\$\$).*?\1",  # a dollar-quoted string
    re.S,
)


def rewrite_unquoted(sql: str, rewrite: Callable[[str], str]) -> str:
    """`sql` with `rewrite` applied to each run of text between the quoted parts, which stay as they are."""
    parts, position = [], 0
    for quoted in _QUOTED.finditer(sql):
        parts.append(rewrite(sql[position : quoted.start()]))
        parts.append(quoted.group())
        position = quoted.end()
    parts.append(rewrite(sql[position:]))
    return "".join(parts)
