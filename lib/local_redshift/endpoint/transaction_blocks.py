"""Statements Redshift runs only outside a transaction block (ALTER TABLE ALTER COLUMN): refused, in its words,
where the session is in one when they run; the refusal fails the client's transaction as Redshift's error does."""

from __future__ import annotations

from dataclasses import replace

from local_redshift.endpoint.raised import raise_sql
from local_redshift.errors import IN_TRANSACTION_BLOCK, RedshiftError, SqlState
from local_redshift.translation import Statement

_BEGINS = (("BEGIN",), ("START", "TRANSACTION"))
_ENDS = (("COMMIT",), ("END",), ("ROLLBACK",), ("ABORT",))


def refusal(construct: str) -> str:
    """The statement that fails PostgreSQL with Redshift's error for `construct` run in a transaction block."""
    message = IN_TRANSACTION_BLOCK.format(construct=construct)
    return raise_sql(RedshiftError(message, sqlstate=SqlState.ACTIVE_SQL_TRANSACTION))


def refused_in_blocks(statements: tuple[Statement, ...], in_block: bool) -> tuple[Statement, ...]:
    """The statements of one Query (the session in a transaction block at its start, or not), each that may not run
    in one made to fail first where an earlier BEGIN, or the session, left one open."""
    checked = []
    for statement in statements:
        if statement.outside_transaction_block is not None and in_block:
            statement = replace(statement, before=(refusal(statement.outside_transaction_block), *statement.before))
        checked.append(statement)
        words = tuple(statement.source.upper().split()[:2])
        if any(words[: len(begin)] == begin for begin in _BEGINS):
            in_block = True
        elif any(words[: len(end)] == end for end in _ENDS):
            in_block = False
    return tuple(checked)
