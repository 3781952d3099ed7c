"""SUPER columns in COPY: a value goes in as its JSON serialization, the text the catalog's redshift_system.super
type stores (catalog_sql/48_super.sql): compact, object keys in their order, a string with its quotes, a number as
written.

The Developer Guide's pages this follows:
- "Using COPY to load data into SUPER columns" (https://docs.aws.amazon.com/redshift/latest/dg/copy_json.html):
  JSON 'auto', 'auto ignorecase' and JSONPaths files ingest nested values "as SUPER values, such as JSON arrays and
  objects"; 'noshred' stores the whole document in "a single SUPER data column"; text and CSV represent SUPER
  columns as JSON; FORMAT PARQUET SERIALIZETOJSON loads "any column type in the file that aligns with a SUPER column
  in the table as SUPER. This includes structure and array types."
- "DECIMAL_SCALE function" (https://docs.aws.amazon.com/redshift/latest/dg/r_decimal_scale.html): a SUPER number
  keeps its scale (3.14159 has scale 5), so a number keeps the digits it is written with (orjson would print 1.50 as
  1.5); the pages say nothing of exponents (orjson: 1E5 as 100000.0), which are kept as written too.
- "Limitations" (https://docs.aws.amazon.com/redshift/latest/dg/limitations-super.html): "The maximum nesting depth
  for arrays and structures of the SUPER data type is 1000."
- "Load error reference" (https://docs.aws.amazon.com/redshift/latest/dg/r_Load_Error_Reference.html): 1224, input
  data in a malformed JSON format or SUPER data type.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

import orjson

from local_redshift.copy.errors import CopyError, LoadError
from local_redshift.copy.target import Column
from local_redshift.errors import LoadErrorCode

SUPER = "super"
"""pg_type.typname of the catalog's redshift_system.super."""
MAX_DEPTH = 1000
NOSHRED_COLUMNS = (
    "FORMAT JSON 'noshred' loads each JSON document into a single SUPER column: COPY into a table or column list of"
    " one SUPER column"
)
"""The pages' rule ("create a table with a single SUPER data column", copy_json.html); Redshift's words when it is
broken are not documented."""

_RECURSION_LIMIT = 4000
"""Room for the json module's parser, which recurses once a level, to read what orjson reads (1024 levels)."""
_KEPT_NUMBER = re.compile(rb"[0-9][.eE]|[0-9]{19}")
"""A number orjson would write otherwise than it reads (a fraction, an exponent, more digits than 64 bits hold), or
digits in a string that look like one: such text is read again, keeping the numbers' text."""


class WrittenNumber:
    """A JSON number as written in its source."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text


class JsonText:
    """A value that is the serialization of a SUPER value (a Parquet JSON column's), read when it is converted."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text


def loads(data: bytes | str) -> Any:
    """orjson.loads' value (and its errors), but with the numbers it would write otherwise as WrittenNumber."""
    value = orjson.loads(data)
    raw = data if isinstance(data, bytes) else data.encode()
    if _KEPT_NUMBER.search(raw) is None:
        return value
    if sys.getrecursionlimit() < _RECURSION_LIMIT and raw.count(b"[") + raw.count(b"{") > MAX_DEPTH // 2:
        sys.setrecursionlimit(_RECURSION_LIMIT)  # raised once, in the process that meets a deep document
    return json.loads(raw, parse_float=WrittenNumber, parse_int=_integer)


def _integer(text: str) -> int | WrittenNumber:
    return int(text) if len(text) < 19 else WrittenNumber(text)


def parse_field(text: str) -> Any:
    """A text field (CSV, delimited, fixed-width) or a Parquet JSON value, read as the JSON of a SUPER value."""
    try:
        return loads(text)
    except orjson.JSONDecodeError as error:
        raise LoadError(
            LoadErrorCode.INVALID_SUPER, f"Invalid JSON for a SUPER value: {error.msg}", raw_value=text
        ) from None


def serialized(value: Any) -> str:
    """A SUPER value's serialization; LoadError 1224 when it nests deeper than SUPER holds."""
    if value.__class__ is JsonText:
        value = parse_field(value.text)
    text = _text(value)
    if text.count("[") + text.count("{") > MAX_DEPTH and _depth(value) > MAX_DEPTH:
        raise LoadError(LoadErrorCode.INVALID_SUPER, f"SUPER value nested deeper than {MAX_DEPTH} levels")
    return text


def _text(value: Any) -> str:
    try:
        return orjson.dumps(value, default=_written).decode()
    except orjson.JSONEncodeError:  # deeper than orjson writes (254 levels)
        return _deep_text(value)


def _written(value: Any) -> orjson.Fragment:
    if isinstance(value, WrittenNumber):
        return orjson.Fragment(value.text)
    raise TypeError


class _Text(str):
    """Serialized text among the values still to serialize."""


def _deep_text(value: Any) -> str:
    """The serialization of a value too deep for orjson, built without recursion."""
    parts: list[str] = []
    pending: list[Any] = [value]
    while pending:
        item = pending.pop()
        kind = item.__class__
        if kind is _Text:
            parts.append(item)
            continue
        if kind is dict:
            sequence: list[Any] = [_Text("{")]
            for number, (key, member) in enumerate(item.items()):
                sequence += [_Text(("," if number else "") + orjson.dumps(key).decode() + ":"), member]
            pending += reversed([*sequence, _Text("}")])
        elif kind is list:
            sequence = [_Text("[")]
            for number, element in enumerate(item):
                sequence += [_Text(","), element] if number else [element]
            pending += reversed([*sequence, _Text("]")])
        else:
            parts.append(orjson.dumps(item, default=_written).decode())
    return "".join(parts)


def _depth(value: Any) -> int:
    deepest = 0
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if item.__class__ is dict or item.__class__ is list:
            deepest = max(deepest, depth)
            pending += [(member, depth + 1) for member in (item.values() if item.__class__ is dict else item)]
    return deepest


def plain_values(column_values: Callable[[Any], list[Any]], supers: Sequence[bool]) -> Callable[[Any], list[Any]]:
    """A record's column values, read by `loads`, as orjson.loads reads them for each column that is not SUPER."""
    plain = tuple(index for index, is_super in enumerate(supers) if not is_super)

    def values(record: Any) -> list[Any]:
        found = column_values(record)
        for index in plain:
            value = found[index]
            kind = value.__class__
            if kind is WrittenNumber:
                found[index] = float(value.text)
            elif kind is dict or kind is list:
                found[index] = orjson.loads(_text(value))
        return found

    return values


def check_noshred(columns: Sequence[Column]) -> None:
    """'noshred' loads one SUPER column, and only one."""
    if len(columns) != 1 or columns[0].type_name != SUPER:
        raise CopyError(NOSHRED_COLUMNS)
