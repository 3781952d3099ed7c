"""Parameter placeholders ($1, $2...) as PostgreSQL reads them: a dollar sign followed by digits is a parameter,
never the start of a dollar-quoted string (whose tag cannot begin with a digit). sqlglot's tokenizer takes `$1,$2`
for a dollar quote tagged "1,"; the placeholders are spaced out so that it reads them as parameters."""

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
_PLACEHOLDER = re.compile(r"\$\d+(?=[^\s\d])")


def spaced_placeholders(sql: str) -> str:
    """`sql` with a space after each placeholder that a character other than a space follows, outside strings,
    identifiers, comments and dollar-quoted strings."""
    parts, position = [], 0
    for skipped in _SKIPPED.finditer(sql):
        parts.append(_PLACEHOLDER.sub(lambda m: m.group() + " ", sql[position : skipped.start()]))
        parts.append(skipped.group())
        position = skipped.end()
    parts.append(_PLACEHOLDER.sub(lambda m: m.group() + " ", sql[position:]))
    return "".join(parts)
