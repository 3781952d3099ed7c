"""JSONPaths files: one object whose "jsonpaths" array holds one expression per target column.

An expression names a single element, in bracket notation (`$['store']['book'][0]`) or dot notation
(`$.store.book[0]`), never both; wildcards, filters and recursive descent are refused, as on Redshift.
A path is kept as its steps: object keys (str) and array indexes (int).
"""

from __future__ import annotations

import re

import orjson

from local_redshift.copy.errors import CopyError

Path = tuple[str | int, ...]

_BRACKET_STEP = re.compile(r"""\[\s*(?:'([^']*)'|"([^"]*)"|(\d+))\s*\]""")
_DOT_STEP = re.compile(r"\.([^.'\[\]\s*?()@]+)|\[(\d+)\]")


def parse_jsonpaths_file(data: bytes, url: str) -> list[Path] | None:
    """The paths of a JSONPaths file; None when its one key is not "jsonpaths" (COPY then maps by name)."""
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError as error:
        raise _invalid_file(url, f"it is not one well-formed JSON object ({error.msg})") from None
    if not isinstance(document, dict):
        raise _invalid_file(url, "it must hold a single JSON object, not an array or a value")
    if "jsonpaths" not in document:
        return None
    expressions = document["jsonpaths"]
    if not isinstance(expressions, list):
        raise _invalid_file(url, '"jsonpaths" must be an array of JSONPath expressions')
    if any(not isinstance(expression, str) or not expression for expression in expressions):
        raise _invalid_file(url, 'every element of "jsonpaths" must be a non-empty string')
    return [parse_expression(expression) for expression in expressions]


def parse_expression(expression: str) -> Path:
    """The steps of one JSONPath expression, in bracket or dot notation."""
    text = expression.strip()
    if not text.startswith("$") or len(text) == 1:
        raise _invalid_expression(expression)
    rest = text[1:]
    steps = _steps(rest, _BRACKET_STEP) if rest.startswith("[") and not _is_dot_notation(rest) else None
    if steps is None:
        steps = _steps(rest, _DOT_STEP)
    if steps is None:
        raise _invalid_expression(expression)
    return steps


def _is_dot_notation(rest: str) -> bool:
    """`$[0].name` is dot notation that starts with an array index."""
    return bool(re.match(r"\[\d+\]\.", rest))


def _steps(rest: str, step: re.Pattern[str]) -> Path | None:
    steps: list[str | int] = []
    position = 0
    while position < len(rest):
        match = step.match(rest, position)
        if match is None:
            return None
        key = next((group for group in match.groups()[:-1] if group is not None), None)
        steps.append(key if key is not None else int(match.groups()[-1]))
        position = match.end()
    return tuple(steps)


def _invalid_file(url: str, why: str) -> CopyError:
    return CopyError(f"Invalid JSONPaths file {url}: {why}")


def _invalid_expression(expression: str) -> CopyError:
    return CopyError(
        f"Invalid JSONPath format: Supported notations are 'dot-notation' and 'bracket-notation': {expression}"
    )
