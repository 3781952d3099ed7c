"""The session's check of the databases its statements name (fast tier): what runs instead of a statement that
names the cluster's own database, the one connected to, or another in a three-part name."""

from __future__ import annotations

from local_redshift.endpoint.databases import SessionDatabases
from local_redshift.errors import RedshiftError
from local_redshift.translation import translate

IN_DEV = SessionDatabases(connected="dev", cluster="dev", cluster_postgres="rs_0123")
IN_SALES = SessionDatabases(connected="sales", cluster="dev", cluster_postgres="rs_0123")


def run(databases: SessionDatabases, sql: str) -> list[str]:
    [statement] = databases.checked(tuple(translate(sql)))
    return statement.postgres


def test_statements_that_name_no_other_database_run_as_translated():
    for sql in ("SELECT 1", "CREATE DATABASE sales", "DROP DATABASE sales", "SELECT * FROM dev.public.t"):
        assert run(IN_DEV, sql) == translate(sql)[0].postgres


def test_create_database_of_the_clusters_own_name_says_it_exists():
    [raised] = run(IN_SALES, "CREATE DATABASE dev")
    assert "42P04" in raised and 'database "dev" already exists' in raised


def test_the_current_database_is_neither_dropped_nor_renamed():
    assert "cannot drop the currently open database" in run(IN_SALES, "DROP DATABASE sales")[0]
    assert "current database may not be renamed" in run(IN_SALES, "ALTER DATABASE sales RENAME TO s2")[0]


def test_the_clusters_own_database_is_changed_under_its_postgresql_name():
    assert run(IN_SALES, "ALTER DATABASE dev OWNER TO dwuser") == ['ALTER DATABASE "rs_0123" OWNER TO "dwuser"']


def test_another_database_in_a_three_part_name_is_checked_instead_of_read():
    assert run(IN_SALES, "SELECT * FROM dev.public.t") == ["SELECT redshift_system.check_database('dev')"]


def test_a_refused_query_stays_refused():
    refusal = RedshiftError("no")
    assert IN_DEV.checked(refusal) is refusal
