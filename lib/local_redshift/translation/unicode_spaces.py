"""Names holding a space character other than ASCII's: PostgreSQL's scanner, as Redshift's, reads every character
beyond ASCII as part of a name (a column created as papaya<U+205F> is named so: redshift_connector's cursor tests),
while sqlglot's tokenizer ends a name at any Unicode space. Such a name is written delimited ("papaya<U+205F>") for
the tokenizer: a delimited name folds as a standard one does (names.folded), so it means the same."""

from __future__ import annotations

import re

_SKIPPED = re.compile(
    r"'(?:[^']|'')*'"  # a string
    r'|"(?:[^"]|"")*"'  # a delimited identifier
    r"|--[^\n]*"  # a comment
    r"|/\*.*?\*/"  # a block comment
    r"|(\$[A-Za-z_][A-Za-z0-9_]*\$|\$\$).*?\1",  # a dollar-quoted string
    re.S,
)
_NAME = re.compile(r"[A-Za-z0-9_$\u0080-\U0010ffff]+")


def _delimited(match: re.Match[str]) -> str:
    name = match.group()
    return f'"{name}"' if any(ord(char) > 127 and char.isspace() for char in name) else name


def delimited_unicode_space_names(sql: str) -> str:
    """`sql` with each name that holds a non-ASCII space character delimited, outside strings, delimited
    identifiers, comments and dollar-quoted strings."""
    if all(ord(char) < 128 for char in sql):
        return sql
    parts, position = [], 0
    for skipped in _SKIPPED.finditer(sql):
        parts.append(_NAME.sub(_delimited, sql[position : skipped.start()]))
        parts.append(skipped.group())
        position = skipped.end()
    parts.append(_NAME.sub(_delimited, sql[position:]))
    return "".join(parts)
