"""Statements the translator cannot read: refused where the parser stopped, never passed to PostgreSQL as written."""

from __future__ import annotations

from sqlglot.errors import ParseError, TokenError
from sqlglot.tokens import Token

from local_redshift.errors import UNREADABLE_STATEMENT, RedshiftError, SqlState


def _line_and_column(sql: str, offset: int) -> tuple[int, int]:
    before = sql[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


COMMAND_NOT_READ = "the translator reads it only as a command it does not pass on"
"""Why a statement sqlglot reads only as a command (outside the driver's list of those passed as written) is refused."""


def unreadable(sql: str, source: str, tokens: list[Token] | None, error: Exception | None) -> RedshiftError:
    """The refusal of statement `source` (of the client's text `sql`): where the parser stopped, and why; with no
    error, the statement was read as a command only."""
    if isinstance(error, ParseError) and error.errors:
        first = error.errors[0]
        near = first.get("highlight") or ""
        line, column = first.get("line") or 1, max(1, (first.get("col") or 1) - len(near) + 1)  # col: its last char
        reason = first.get("description") or str(error)
    elif isinstance(error, TokenError):
        offset = sql.find(source) + (getattr(error, "start", 0) or 0)
        (line, column), near = _line_and_column(sql, offset), source[getattr(error, "start", 0) or 0 :][:20]
        reason = "a string, quoted name or comment is not terminated"
    else:  # a command, or no statement in the tokens (a lone keyword such as ELSE)
        start = tokens[0].start if tokens else sql.find(source)
        (line, column), near = _line_and_column(sql, start), tokens[0].text if tokens else source[:20]
        reason = COMMAND_NOT_READ if error is None else "no statement begins here"
    return RedshiftError(
        UNREADABLE_STATEMENT.format(line=line, column=column, near=near), sqlstate=SqlState.SYNTAX_ERROR, detail=reason
    )
