"""Aggregate functions: LISTAGG."""

from __future__ import annotations

from tests.local_redshift.translation.support import column_names, one, run


def test_listagg_within_group(conn):
    run(conn, "INSERT INTO staging_events (userId, level) VALUES (8, 'paid'), (8, 'free'), (8, 'paid')")
    sql = (
        "SELECT userId, LISTAGG(DISTINCT level, ',') WITHIN GROUP (ORDER BY level) FROM staging_events"
        " WHERE userId = 8 GROUP BY userId"
    )
    assert run(conn, sql) == [(8, "free,paid")]
    assert column_names(conn, sql) == ["userid", "listagg"]
    assert one(
        conn, "SELECT LISTAGG(level) WITHIN GROUP (ORDER BY level DESC) FROM staging_events WHERE userId = 8"
    ) == ("paidpaidfree")
    assert (
        one(conn, "SELECT LISTAGG(level, '|') FROM staging_events WHERE userId = 8 AND level = 'paid'") == "paid|paid"
    )
