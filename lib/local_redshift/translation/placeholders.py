"""Parameter placeholders ($1, $2...) as PostgreSQL reads them: a dollar sign followed by digits is a parameter,
never the start of a dollar-quoted string (whose tag cannot begin with a digit). sqlglot's tokenizer takes `$1,$2`
for a dollar quote tagged "1,"; the placeholders are spaced out so that it reads them as parameters."""

from __future__ import annotations

import re

from local_redshift.translation.unquoted import rewrite_unquoted

_PLACEHOLDER = re.compile(r"\$\d+(?=[^\s\d])")


def spaced_placeholders(sql: str) -> str:
    """`sql` with a space after each placeholder that a character other than a space follows, outside strings,
    identifiers, comments and dollar-quoted strings."""
    return rewrite_unquoted(sql, lambda text: _PLACEHOLDER.sub(lambda m: m.group() + " ", text))
