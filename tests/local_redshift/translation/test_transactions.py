"""BEGIN and START TRANSACTION as r_BEGIN.html writes them, every isolation level SERIALIZABLE."""

from __future__ import annotations

import pytest

from local_redshift.errors import RedshiftError
from local_redshift.translation import translate


@pytest.mark.parametrize(
    ("redshift", "postgres"),
    [
        ("BEGIN", "BEGIN"),
        ("begin work", "BEGIN"),
        ("BEGIN TRANSACTION ISOLATION LEVEL READ COMMITTED READ ONLY", "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY"),
        ("begin read only, isolation level serializable", "BEGIN READ ONLY ISOLATION LEVEL SERIALIZABLE"),
        ("BEGIN ISOLATION LEVEL READ UNCOMMITTED, READ WRITE", "BEGIN ISOLATION LEVEL SERIALIZABLE READ WRITE"),
        ("START TRANSACTION ISOLATION LEVEL REPEATABLE READ", "BEGIN ISOLATION LEVEL SERIALIZABLE"),
        ("start transaction read only", "BEGIN READ ONLY"),
    ],
)
def test_the_syntax_of_begin_and_every_level_serializable(redshift, postgres):
    # "READ UNCOMMITTED, READ COMMITTED, and REPEATABLE READ have no operational impact and map to SERIALIZABLE"
    [statement] = translate(redshift)
    assert statement.postgres == [postgres]


@pytest.mark.parametrize(("sql", "near"), [("BEGIN ISOLATION LEVEL SNAPSHOT", "ISOLATION"), ("BEGIN READ", "READ")])
def test_a_word_the_syntax_lacks_is_a_syntax_error(sql, near):
    with pytest.raises(RedshiftError, match=f'syntax error at or near "{near}"') as refused:
        translate(sql)
    assert refused.value.sqlstate == "42601"
