"""String functions: LEN, CHARINDEX and STRTOL."""

from __future__ import annotations

from tests.local_redshift.translation.support import run


def test_len_charindex_and_strtol(conn):
    assert run(conn, "SELECT LEN('Sparkify'), CHARINDEX('ark', 'Sparkify'), CHARINDEX('x', 'Sparkify')") == [(8, 3, 0)]
    assert run(conn, "SELECT STRTOL('0xf', 16), STRTOL('abcd1234', 16), STRTOL('110101', 2), STRTOL('-17', 10)") == [
        (15, 2882343476, 53, -17)
    ]
