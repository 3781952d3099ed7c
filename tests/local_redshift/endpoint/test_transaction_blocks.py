"""Which statements of one Query the session refuses for running in a transaction block (r_ALTER_TABLE.html: "You
can't alter columns within a transaction block (BEGIN ... END)")."""

from __future__ import annotations

from local_redshift.endpoint.transaction_blocks import refusal, refused_in_blocks
from local_redshift.translation import translate

_RESIZE = "ALTER TABLE words ALTER COLUMN word TYPE VARCHAR(20)"


def _refused(text: str, in_block: bool = False) -> list[bool]:
    statements = refused_in_blocks(tuple(translate(text)), in_block)
    return [refusal("ALTER TABLE ALTER COLUMN") in statement.before for statement in statements]


def test_a_resize_outside_a_block_runs():
    assert _refused(_RESIZE) == [False]


def test_a_resize_in_the_sessions_block_is_refused():
    assert _refused(_RESIZE, in_block=True) == [True]


def test_a_begin_earlier_in_the_query_opens_a_block_and_a_commit_ends_it():
    assert _refused(f"BEGIN; {_RESIZE}; COMMIT; {_RESIZE}") == [False, True, False, False]
    assert _refused(f"START TRANSACTION; {_RESIZE}; ROLLBACK; {_RESIZE}") == [False, True, False, False]


def test_other_statements_run_in_a_block():
    assert _refused("ALTER TABLE words RENAME COLUMN word TO term", in_block=True) == [False]
