"""From a parsed JSON record to the values of the target columns, in column order.

'auto' matches object keys to column names exactly, 'auto ignorecase' without regard to case, and a
JSONPaths file walks one path per column. A key that is absent gives None (the column loads NULL).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

from local_redshift.copy.errors import LoadError
from local_redshift.copy.jsonpaths import Path
from local_redshift.errors import LoadErrorCode

ColumnValues = Callable[[Any], list[Any]]
"""record -> one value per target column; raises LoadError when the record does not fit the mapping."""

NOT_AN_OBJECT = "Invalid JSONPath format: Member is not an object."
NOT_AN_ARRAY = "Invalid JSONPath format: Not an array or index out of range."


def by_name(names: Sequence[str], *, ignore_case: bool) -> ColumnValues:
    """'auto' and 'auto ignorecase': each column takes the record's value of the same name."""
    keys = tuple(names)
    every_key = itemgetter(*keys) if len(keys) > 1 else lambda record: (record[keys[0]],)

    def exact(record: Any) -> list[Any]:
        if record.__class__ is not dict:
            raise LoadError(LoadErrorCode.INVALID_INPUT_LINE, NOT_AN_OBJECT)
        try:
            return list(every_key(record))  # the common case: every key there
        except KeyError:
            return list(map(record.get, keys))

    def case_insensitive(record: Any) -> list[Any]:
        if record.__class__ is not dict:
            raise LoadError(LoadErrorCode.INVALID_INPUT_LINE, NOT_AN_OBJECT)
        lowered = {key.lower(): value for key, value in record.items()}
        return list(map(lowered.get, keys))

    if ignore_case:
        keys = tuple(key.lower() for key in keys)
        return case_insensitive
    exact.keys = keys  # type: ignore[attr-defined]
    return exact


def exact_keys(column_values: ColumnValues) -> tuple[str, ...] | None:
    """The keys a mapping by exact names looks up in a dict record, one per column (None: another mapping)."""
    return getattr(column_values, "keys", None)


def by_paths(paths: Sequence[Path]) -> ColumnValues:
    """A JSONPaths file: each column takes the element its path leads to."""
    if all(len(path) == 1 and isinstance(path[0], str) for path in paths):
        return by_name([str(path[0]) for path in paths], ignore_case=False)
    walks = tuple(paths)

    def values(record: Any) -> list[Any]:
        return [_walk(record, path) for path in walks]

    return values


def _walk(value: Any, path: Path) -> Any:
    for step in path:
        if step.__class__ is str:
            if value.__class__ is not dict:
                raise LoadError(LoadErrorCode.INVALID_INPUT_LINE, NOT_AN_OBJECT)
            value = value.get(step)
        else:
            if value.__class__ is not list or step >= len(value):
                raise LoadError(LoadErrorCode.INVALID_INPUT_LINE, NOT_AN_ARRAY)
            value = value[step]
        if value is None:
            return None
    return value
