"""System tables and views, system functions, session settings and maintenance commands."""

from __future__ import annotations

import pytest

from local_redshift.translation import translate
from tests.local_redshift.translation.support import one, run


def test_redshift_only_settings_are_accepted(conn):
    run(conn, "SET enable_result_cache_for_session TO off")
    assert run(conn, "SHOW enable_result_cache_for_session") == [("off",)]
    run(conn, "RESET enable_result_cache_for_session; SET search_path TO public")


def test_current_database_is_the_name_the_cluster_was_created_with(conn):
    assert one(conn, "SELECT current_database()") == one(conn, "SELECT pg_catalog.current_database()")
    conn.execute("SET redshift.database = 'dwh'")  # what the endpoint sets on each cluster's database
    assert one(conn, "SELECT current_database()") == "dwh"


@pytest.mark.parametrize(
    ("sql", "vacuum"),
    [
        ("VACUUM", "VACUUM"),
        ("VACUUM FULL users", "VACUUM users"),
        ("VACUUM SORT ONLY users TO 75 PERCENT", "VACUUM users"),
        ("VACUUM DELETE ONLY public.users", "VACUUM public.users"),
        ("VACUUM REINDEX users BOOST", "VACUUM users"),
    ],
)
def test_vacuum_options_are_redshift_s(conn, sql, vacuum):
    [statement] = translate(sql)
    assert statement.postgres == [vacuum]
    conn.execute(vacuum.encode())  # outside a transaction block, as on Redshift


def test_system_views_and_pg_last_copy_count_are_the_catalog_ones(conn):
    assert one(conn, "SELECT count(*) FROM stl_load_errors") == 0
    assert one(conn, "SELECT count(*) FROM pg_catalog.svv_tables WHERE table_name = 'songplays'") == 1
    assert one(conn, "SELECT count(*) FROM PG_TABLE_DEF WHERE tablename = 'users'") == 5
    assert one(conn, "SELECT pg_last_copy_count()") == 0
    conn.execute("SELECT set_config('redshift.last_copy_count', '42', false)")
    assert one(conn, "SELECT pg_last_copy_count()") == 42
