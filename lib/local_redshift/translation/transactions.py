"""BEGIN and START TRANSACTION as r_BEGIN.html writes them: [WORK | TRANSACTION], ISOLATION LEVEL and READ WRITE |
READ ONLY in any order, commas between them or not; every isolation level is SERIALIZABLE ("READ UNCOMMITTED, READ
COMMITTED, and REPEATABLE READ have no operational impact and map to SERIALIZABLE")."""

from __future__ import annotations

from sqlglot.tokens import Token

from local_redshift.translation.unreadable import syntax_error

_LEVELS = (("SERIALIZABLE",), ("REPEATABLE", "READ"), ("READ", "COMMITTED"), ("READ", "UNCOMMITTED"))
_ACCESS = (("READ", "WRITE"), ("READ", "ONLY"))


def transaction_begun(tokens: list[Token]) -> str | None:
    """The PostgreSQL statement for a BEGIN or START TRANSACTION, if `tokens` are one; a word the syntax does not
    have is refused where it stands, in PostgreSQL's (and Redshift's) words."""
    words = [token.text.upper() for token in tokens]
    if words[:1] == ["BEGIN"]:
        start = 2 if words[1:2] in (["WORK"], ["TRANSACTION"]) else 1
    elif words[:2] == ["START", "TRANSACTION"]:
        start = 2
    else:
        return None
    modes, position = [], start
    while position < len(words):
        if words[position] == "," and modes:
            position += 1
        rest = tuple(words[position : position + 4])
        if rest[:2] == ("ISOLATION", "LEVEL") and (level := _first(rest[2:], _LEVELS)) is not None:
            modes.append("ISOLATION LEVEL SERIALIZABLE")
            position += 2 + len(level)
        elif (access := _first(rest, _ACCESS)) is not None:
            modes.append(" ".join(access))
            position += len(access)
        else:
            raise syntax_error(tokens[position].text if position < len(tokens) else None)
    return " ".join(["BEGIN", *modes])


def _first(words: tuple[str, ...], choices: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    return next((choice for choice in choices if words[: len(choice)] == choice), None)
