"""Statements Redshift runs only outside a transaction block (ALTER TABLE ALTER COLUMN): refused, in its words,
where the session is in one when they run; the refusal fails the client's transaction as Redshift's error does."""

from __future__ import annotations

from dataclasses import replace

from local_redshift.endpoint.raised import raise_sql
from local_redshift.errors import IN_TRANSACTION_BLOCK, RedshiftError, SqlState
from local_redshift.translation import Statement

_ENDS = ("COMMIT", "END", "ROLLBACK", "ABORT")


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
        verb = statement.postgres[0].split(maxsplit=1)[0].upper() if statement.postgres else ""
        if verb == "BEGIN":  # the translator writes START TRANSACTION so too (translation/transactions.py)
            in_block = True
        elif verb in _ENDS:  # passed as written
            in_block = False
    return tuple(checked)
