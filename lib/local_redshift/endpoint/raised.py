"""Errors the endpoint finds, raised by PostgreSQL itself so that transaction and protocol state stay right."""

from __future__ import annotations

from local_redshift.endpoint import messages
from local_redshift.endpoint.codes import ErrorField
from local_redshift.errors import (
    DISK_FULL_HINT,
    DISK_FULL_MESSAGE,
    IDENTITY_COLUMN_SET,
    MULTIPLE_MATCHES,
    PERMISSION_DENIED_FOR_RELATION,
    UNTYPED_STRING_IN_SUPER,
    RedshiftError,
    SqlState,
)

_RAISER = "redshift_system.raise_error"  # catalog_sql/40_functions.sql
_INTERNALS = (ErrorField.CONTEXT, ErrorField.FILE, ErrorField.LINE, ErrorField.ROUTINE)


def raise_sql(error: RedshiftError) -> str:
    """The statement that makes PostgreSQL fail with this error."""
    detail = _literal(error.detail) if error.detail else "NULL"
    return f"SELECT {_RAISER}({_literal(str(error.sqlstate))}, {_literal(error.message)}, {detail})"


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''").replace("\0", "") + "'"


_IDENTITY_VALUE = "cannot insert a non-DEFAULT value into column"  # PostgreSQL's GENERATED ALWAYS error
_DENIED = b"permission denied for "
_RELATIONS = ("table ", "view ", "materialized view ")  # what PostgreSQL names where Redshift says "relation"
_DISK_FULL = f"{ErrorField.SQLSTATE}{SqlState.DISK_FULL.value}\0".encode()
_CATALOG_TYPES = b"redshift_system.super"  # a SUPER as PostgreSQL names it ("cannot cast type date to ...")
_NOT_JSON = "invalid input syntax for type json"
_MERGED_TWICE = b"MERGE command cannot affect row a second time"  # PostgreSQL's, SQLSTATE CARDINALITY_VIOLATION


def scrubbed(frame: bytes, database: tuple[str, str] | None = None) -> bytes:
    """An ErrorResponse; one raised through raise_sql without the PL/pgSQL context that would only confuse, and
    PostgreSQL's refusal of a value for an IDENTITY column in Redshift's words, without its detail and its hint
    (OVERRIDING SYSTEM VALUE, which is not Redshift SQL); a MERGE that matched a target row twice in Redshift's
    words; a permission denied on a table or view in Redshift's words
    (r_GRANT-examples.html: "ERROR: permission denied for relation test [SQL State=42501]"); SUPER by its name; a full
    disk in Redshift's words, PostgreSQL's after them. With `database` (the PostgreSQL database's name and the
    cluster's), the cluster's database is named by its own name."""
    if database is not None and database[0].encode() in frame:
        fields = messages.error_fields(frame)
        for code in (ErrorField.MESSAGE, ErrorField.DETAIL):
            if code in fields:
                fields[code] = fields[code].replace(*database)
        frame = messages.error_response(fields)
    if _IDENTITY_VALUE.encode() in frame:
        return _identity_value_refused(frame)
    if _DENIED in frame:
        return _denied_on_relation(frame)
    if _DISK_FULL in frame:
        return _disk_full(frame)
    if _MERGED_TWICE in frame:
        return _matched_twice(frame)
    if _CATALOG_TYPES in frame or _NOT_JSON.encode() in frame:
        return _super_named(frame)
    if _RAISER.encode() not in frame:
        return frame
    fields = messages.error_fields(frame)
    for code in _INTERNALS:
        fields.pop(code, None)
    return messages.error_response(fields)


def _identity_value_refused(frame: bytes) -> bytes:
    fields = messages.error_fields(frame)
    message = fields.get(ErrorField.MESSAGE, "")
    if fields.get(ErrorField.SQLSTATE) != SqlState.GENERATED_ALWAYS or not message.startswith(_IDENTITY_VALUE):
        return frame
    fields[ErrorField.MESSAGE] = IDENTITY_COLUMN_SET
    for code in (ErrorField.DETAIL, ErrorField.HINT):
        fields.pop(code, None)
    return messages.error_response(fields)


def _denied_on_relation(frame: bytes) -> bytes:
    fields = messages.error_fields(frame)
    message = fields.get(ErrorField.MESSAGE, "")
    prefix = _DENIED.decode()
    kind = next((kind for kind in _RELATIONS if message.startswith(prefix + kind)), None)
    if fields.get(ErrorField.SQLSTATE) != SqlState.INSUFFICIENT_PRIVILEGE or kind is None:
        return frame
    fields[ErrorField.MESSAGE] = PERMISSION_DENIED_FOR_RELATION.format(name=message[len(prefix + kind) :])
    return messages.error_response(fields)


def _super_named(frame: bytes) -> bytes:
    """SUPER by its own name, and an untyped string literal given a SUPER in words that say what to write."""
    fields = messages.error_fields(frame)
    message = fields.get(ErrorField.MESSAGE, "").replace(_CATALOG_TYPES.decode(), "super")
    if message == _NOT_JSON:
        message = UNTYPED_STRING_IN_SUPER
        fields.pop(ErrorField.DETAIL, None)
        fields.pop(ErrorField.CONTEXT, None)
    fields[ErrorField.MESSAGE] = message
    return messages.error_response(fields)


def _matched_twice(frame: bytes) -> bytes:
    """A MERGE whose source rows match one target row more than once, in Redshift's words (r_MERGE.html)."""
    fields = messages.error_fields(frame)
    if fields.get(ErrorField.SQLSTATE) != SqlState.CARDINALITY_VIOLATION:
        return frame
    fields[ErrorField.MESSAGE] = MULTIPLE_MATCHES
    fields.pop(ErrorField.HINT, None)
    return messages.error_response(fields)


def _disk_full(frame: bytes) -> bytes:
    fields = messages.error_fields(frame)
    if fields.get(ErrorField.SQLSTATE) != SqlState.DISK_FULL:
        return frame
    said = [fields.get(ErrorField.MESSAGE, ""), fields.pop(ErrorField.DETAIL, "")]
    fields[ErrorField.MESSAGE] = DISK_FULL_MESSAGE
    fields[ErrorField.DETAIL] = "; ".join(part for part in said if part)
    fields[ErrorField.HINT] = DISK_FULL_HINT  # PostgreSQL's ("Check free disk space.") says less
    return messages.error_response(fields)
