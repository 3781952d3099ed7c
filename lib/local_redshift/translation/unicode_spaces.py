"""Names holding a space character other than ASCII's: PostgreSQL's scanner, as Redshift's, reads every character
beyond ASCII as part of a name (a column created as papaya<U+205F> is named so: redshift_connector's cursor tests),
while sqlglot's tokenizer ends a name at any Unicode space. Such a name is written delimited ("papaya<U+205F>") for
the tokenizer: a delimited name folds as a standard one does (names.folded), so it means the same."""

from __future__ import annotations

import re

from local_redshift.translation.unquoted import rewrite_unquoted

_NAME = re.compile(r"[A-Za-z0-9_$\u0080-\U0010ffff]+")


def _delimited(match: re.Match[str]) -> str:
    name = match.group()
    return f'"{name}"' if any(ord(char) > 127 and char.isspace() for char in name) else name


def delimited_unicode_space_names(sql: str) -> str:
    """`sql` with each name that holds a non-ASCII space character delimited, outside strings, delimited
    identifiers, comments and dollar-quoted strings."""
    if all(ord(char) < 128 for char in sql):
        return sql
    return rewrite_unquoted(sql, lambda text: _NAME.sub(_delimited, text))
