"""A SHOW of another database of the cluster, without a server: the statement the session's backend runs reads each
system view from the rows the endpoint sets before it (endpoint/shown.py)."""

from __future__ import annotations

from local_redshift.endpoint.databases import SessionDatabases
from local_redshift.endpoint.shown import read_elsewhere
from local_redshift.translation import translate

_DATABASES = SessionDatabases(connected="dev", cluster="dev", cluster_postgres="rs_cluster")


def test_show_tables_of_another_database_reads_the_rows_set_for_its_view():
    [statement] = _DATABASES.checked(translate("SHOW TABLES FROM SCHEMA sales.public LIKE 'o%' LIMIT 3"))
    assert _DATABASES.elsewhere(statement) == "sales"
    [sql] = statement.postgres  # without the check that the database is the connected one
    assert "json_populate_recordset(cast(null as redshift_system.show_tables)" in sql.lower()
    assert "current_setting('redshift.shown_show_tables')" in sql
    assert "WHERE database_name = 'sales' AND schema_name = 'public' AND table_name LIKE 'o%'" in sql
    assert sql.endswith("LIMIT 3")


def test_show_of_the_connected_database_runs_as_it_is():
    [statement] = _DATABASES.checked(translate("SHOW COLUMNS FROM TABLE dev.public.t"))
    assert _DATABASES.elsewhere(statement) is None
    assert " FROM redshift_system.show_columns WHERE database_name = 'dev'" in statement.postgres[0]


def test_read_elsewhere_leaves_what_is_no_system_view():
    sql = read_elsewhere("SELECT * FROM public.t JOIN redshift_system.svv_all_schemas s ON true")
    assert "public.t" in sql and "redshift.shown_svv_all_schemas" in sql
