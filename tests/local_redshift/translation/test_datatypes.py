"""Data types: character type lengths and VARCHAR(MAX)."""

from __future__ import annotations

from tests.local_redshift.translation.support import one, run


def test_character_types_get_redshift_lengths(conn):
    run(conn, "CREATE TABLE texts (a VARCHAR, b CHAR, c TEXT, d BPCHAR, e NVARCHAR, f CHARACTER VARYING(MAX))")
    assert run(conn, """SELECT type FROM pg_table_def WHERE tablename = 'texts' ORDER BY "column" """) == [
        ("character varying(256)",),
        ("character(1)",),
        ("character varying(256)",),
        ("character(256)",),
        ("character varying(256)",),
        ("character varying(65535)",),
    ]


def test_varchar_max_in_a_cast(conn):
    assert one(conn, "SELECT CAST('x' AS VARCHAR(MAX))") == "x"
