"""COPY into an HLLSKETCH column: a field is a sketch's printed form ("HLLSKETCH type": the JSON of a sparse sketch,
the Base64 of a dense one), loaded as the catalog stores it (catalog_sql/49_hllsketch.sql, whose rules these are):
the JSON compacted, the Base64 as it is. What is neither is a load error of its record (1216), so that MAXERROR
counts it; a JSON value that is an object is read as its JSON text.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from typing import Any

import orjson

from local_redshift.copy.errors import LoadError
from local_redshift.errors import HLLSKETCH_NOT_A_SKETCH, LoadErrorCode

MAX_BYTES = 24_580  # "The maximum size of a HLLSKETCH object is 24,580 bytes"
MAX_LOGM = 26  # "This value can be up to 26 for smaller datasets"
MAX_RANK = 64
_BASE64 = re.compile(r"[A-Za-z0-9+/]+={0,2}")
_OUTSIDE_STRINGS = re.compile(r'("(?:[^"\\]|\\.)*")|[ \t\n\r]+')
_DIGITS = re.compile(r"[0-9]{1,2}")


def sketch_field(value: Any) -> str:
    """A non-null JSON value or text field -> the sketch's printed form; LoadError 1216 for what is no sketch."""
    written = orjson.dumps(value).decode() if value.__class__ is dict else value
    form = written.strip(" \t\n\r") if written.__class__ is str else None
    if form is not None:
        if form.startswith("{") and _is_sparse(form):
            return _OUTSIDE_STRINGS.sub(lambda found: found.group(1) or "", form)
        if _is_dense(form):
            return form
    raise LoadError(
        LoadErrorCode.INVALID_INPUT_LINE,
        HLLSKETCH_NOT_A_SKETCH.format(written=str(written)[:100]),
        raw_value=str(written),
    )


def _is_dense(form: str) -> bool:
    if not (_BASE64.fullmatch(form) and len(form) % 4 == 0):
        return False
    try:
        return len(base64.b64decode(form, validate=True)) <= MAX_BYTES
    except binascii.Error:
        return False


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("a key twice")
    return dict(pairs)


def _is_sparse(form: str) -> bool:
    """An object of logm (1 to 26), sparse (indices and values, arrays of as many integers: distinct indices below
    2^26, values 1 to 64) and, if present, version 1."""
    try:
        sketch = json.loads(form, object_pairs_hook=_unique_keys)
    except ValueError:
        return False
    if not isinstance(sketch, dict) or not set(sketch) <= {"version", "logm", "sparse"}:
        return False
    if "version" in sketch and not (sketch["version"].__class__ in (int, float) and sketch["version"] == 1):
        return False
    logm, sparse = sketch.get("logm"), sketch.get("sparse")
    if not (_is_integer(logm) and _DIGITS.fullmatch(str(logm)) and 1 <= logm <= MAX_LOGM):
        return False
    if not isinstance(sparse, dict) or set(sparse) != {"indices", "values"}:
        return False
    indices, values = sparse["indices"], sparse["values"]
    if not (isinstance(indices, list) and isinstance(values, list) and len(indices) == len(values)):
        return False
    if not all(_is_integer(index) and 0 <= index < 1 << MAX_LOGM for index in indices):
        return False
    return len(set(indices)) == len(indices) and all(_is_integer(rank) and 1 <= rank <= MAX_RANK for rank in values)


def _is_integer(value: Any) -> bool:
    return value.__class__ is int
