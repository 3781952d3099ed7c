"""Statements the translator cannot read: refused where the parser stopped, never passed to PostgreSQL as written; and
the syntax errors sqlglot's parser forgives and Redshift's does not (a trailing comma, a JOIN without ON), refused in
Redshift's words."""

from __future__ import annotations

from sqlglot.errors import ParseError, TokenError
from sqlglot.tokens import Token, TokenType

from local_redshift.errors import SYNTAX_END, SYNTAX_NEAR, UNREADABLE_STATEMENT, RedshiftError, SqlState


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


_AFTER_A_LIST = frozenset({TokenType.R_PAREN, TokenType.FROM, TokenType.WHERE, TokenType.GROUP_BY, TokenType.ORDER_BY})
"""What ends a list: a comma just before one is a trailing comma, which sqlglot drops."""
_BEFORE_A_JOIN = frozenset({TokenType.CROSS, TokenType.NATURAL})
_AFTER_A_JOINED_TABLE = frozenset(
    {
        TokenType.WHERE, TokenType.GROUP_BY, TokenType.ORDER_BY, TokenType.LIMIT, TokenType.HAVING, TokenType.UNION,
        TokenType.EXCEPT, TokenType.INTERSECT, TokenType.JOIN, TokenType.CROSS, TokenType.NATURAL, TokenType.INNER,
        TokenType.LEFT, TokenType.RIGHT, TokenType.FULL, TokenType.COMMA, TokenType.R_PAREN,
    }
)  # fmt: skip
"""What may follow a joined table's ON or USING, and so ends a JOIN that has neither."""


def forgiven_syntax_error(tokens: list[Token]) -> RedshiftError | None:
    """The syntax error Redshift's parser stops at where sqlglot's reads on: a comma before the end of a list (a
    select list, a column list, arguments), which sqlglot drops; a JOIN (but CROSS or NATURAL) without ON or USING,
    which it reads as a comma. In PostgreSQL's words, which are Redshift's ("syntax error at or near ...")."""
    for position, token in enumerate(tokens):
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        if token.token_type == TokenType.COMMA and (following is None or following.token_type in _AFTER_A_LIST):
            return syntax_error(None if following is None else following.text)
        if token.token_type == TokenType.JOIN and not (position and tokens[position - 1].token_type in _BEFORE_A_JOIN):
            end = _join_condition_missing(tokens, position + 1)
            if end is not False:
                return syntax_error(None if end is None else end.text)
    return None


def _join_condition_missing(tokens: list[Token], start: int) -> Token | bool | None:
    """Where the joined table from `start` ends with neither ON nor USING (None: at the end), else False."""
    depth = 0
    for token in tokens[start:]:
        if token.token_type == TokenType.L_PAREN:
            depth += 1
        elif token.token_type == TokenType.R_PAREN and depth:
            depth -= 1
        elif depth == 0 and token.token_type in (TokenType.ON, TokenType.USING):
            return False
        elif depth == 0 and token.token_type in _AFTER_A_JOINED_TABLE:
            return token
    return None


def syntax_error(near: str | None) -> RedshiftError:
    """Redshift's (and PostgreSQL's) syntax error at the text `near`, or at the end of the statement."""
    message = SYNTAX_END if near is None else SYNTAX_NEAR.format(near=near)
    return RedshiftError(message, sqlstate=SqlState.SYNTAX_ERROR)
