"""Which statements EXPLAIN takes, and the query that asks PostgreSQL for the plan of one.

The Developer Guide's EXPLAIN page: `EXPLAIN [ VERBOSE ] query`, where the query is a SELECT, SELECT INTO,
CREATE TABLE AS, INSERT, UPDATE or DELETE statement; "EXPLAIN will fail if you use it for other SQL commands".
"""

from __future__ import annotations

from sqlglot.dialects.redshift import Redshift
from sqlglot.errors import TokenError
from sqlglot.tokens import Token, TokenType

from local_redshift.errors import RedshiftError, SqlState, UnsupportedFeature

_EXPLAINABLE = "EXPLAIN takes a SELECT, SELECT INTO, CREATE TABLE AS, INSERT, UPDATE or DELETE statement"
_QUERY_STARTS = frozenset({TokenType.SELECT, TokenType.WITH, TokenType.L_PAREN})
_DML_STARTS = frozenset({TokenType.INSERT, TokenType.UPDATE, TokenType.DELETE})
_PLAN_FUNCTION = "redshift_system.explain_plan"  # catalog_sql/55_explain.sql


def explained_statement(source: str, tokens: list[Token]) -> str | None:
    """The text of the statement that an EXPLAIN statement explains; None when `source` is no EXPLAIN.

    Raises UnsupportedFeature for EXPLAIN's PostgreSQL options (ANALYZE, a parenthesized list) and for a
    statement EXPLAIN does not take.
    """
    if not tokens or tokens[0].text.upper() != "EXPLAIN":
        return None
    rest = source[len(tokens[0].text) :].strip()
    words = rest.split(None, 1)
    if words and words[0].upper() == "VERBOSE":
        rest = words[1] if len(words) > 1 else ""
    elif words and (words[0].upper() in ("ANALYZE", "ANALYSE") or rest.startswith("(")):
        option = "EXPLAIN ANALYZE" if words[0].upper().startswith("ANALY") else "EXPLAIN with a list of options"
        raise UnsupportedFeature.of(option, hint="Redshift's EXPLAIN takes only VERBOSE")
    if not rest:
        raise RedshiftError("syntax error at end of input", sqlstate=SqlState.SYNTAX_ERROR)
    try:
        inner = Redshift().tokenize(rest)
    except TokenError:
        return rest  # PostgreSQL judges text that cannot be read
    if not _explainable(inner):
        raise UnsupportedFeature.of(f"EXPLAIN {_first_words(rest).upper()}", hint=_EXPLAINABLE)
    return rest


def _explainable(tokens: list[Token]) -> bool:
    first = tokens[0].token_type
    if first in _QUERY_STARTS or first in _DML_STARTS:
        return True
    if first != TokenType.CREATE:
        return False
    depth = 0  # CREATE TABLE AS: an AS outside parentheses (column definitions hold no AS)
    for token in tokens[1:]:
        depth += (token.token_type == TokenType.L_PAREN) - (token.token_type == TokenType.R_PAREN)
        if depth == 0 and token.token_type == TokenType.ALIAS:
            return any(t.token_type == TokenType.TABLE for t in tokens[1:4])
    return False


def _first_words(text: str) -> str:
    words = text.split()
    return " ".join(words[:2] if len(words) > 1 and words[0].upper() in ("CREATE", "DROP", "ALTER") else words[:1])


def plan_query(postgres_sql: str) -> str:
    """The query whose one value is PostgreSQL's plan of `postgres_sql` and the design of the tables it reads."""
    quoted = postgres_sql.replace("'", "''")
    return f"SELECT {_PLAN_FUNCTION}('{quoted}')"
