"""A cluster's databases as a learner meets them through the endpoint, with psycopg and redshift_connector:
CREATE DATABASE, connecting to it, DROP and ALTER DATABASE, three-part names of another database, and the catalog
views that list them. Each expected value is the Developer Guide's (the page named where it is used)."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator

import psycopg
import pytest

from tests.local_redshift.conftest import Login, create_cluster, s3_reading_role, stack_client
from tests.local_redshift.serverless.workgroups import create_workgroup, wait


def _name(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="module")
def owner(local_stack) -> Login:
    """A cluster of this module's own (its database `dev`), whose databases the tests create and drop."""
    return create_cluster(local_stack, f"databases-{uuid.uuid4().hex[:8]}")


@pytest.fixture
def conn(owner) -> Iterator[psycopg.Connection]:
    with owner.psycopg(autocommit=True) as connection:
        yield connection


@pytest.fixture
def sales(owner, conn) -> Iterator[Login]:
    """A database made by CREATE DATABASE in the cluster, and the login to it; dropped after the test."""
    name = _name("sales")
    conn.execute(f"CREATE DATABASE {name}")
    yield dataclasses.replace(owner, database=name)
    conn.execute(f"DROP DATABASE {name} FORCE")


# --- CREATE DATABASE (r_CREATE_DATABASE) and connecting to it ------------------------------------------------------


def test_a_created_database_takes_logins_of_psycopg_and_redshift_connector_and_names_itself(sales):
    # r_CURRENT_DATABASE: "Returns the name of the database where you are currently connected"
    with sales.psycopg() as connection:
        assert connection.execute("SELECT current_database()").fetchone() == (sales.database,)
    with sales.redshift_connector() as connection:
        cursor = connection.cursor()
        cursor.execute("SELECT current_database()")
        assert cursor.fetchone()[0] == sales.database


def test_redshift_connector_creates_and_drops_a_database_in_autocommit_and_not_in_a_transaction(owner):
    # r_CREATE_DATABASE: "You can't run CREATE DATABASE within a transaction block"; redshift_connector opens one
    # unless autocommit is on
    import redshift_connector

    name = _name("driver")
    with owner.redshift_connector() as connection:
        with pytest.raises(redshift_connector.ProgrammingError, match="cannot run inside a transaction block"):
            connection.cursor().execute(f"CREATE DATABASE {name}")
        connection.rollback()
        connection.autocommit = True
        connection.cursor().execute(f"CREATE DATABASE {name}")
    with dataclasses.replace(owner, database=name).redshift_connector() as connection:
        cursor = connection.cursor()
        cursor.execute("SELECT current_database()")
        assert cursor.fetchone()[0] == name
    with owner.redshift_connector() as connection:
        connection.autocommit = True
        connection.cursor().execute(f"DROP DATABASE {name}")


def test_the_data_api_runs_statements_in_a_created_database(local_stack, sales):
    # ExecuteStatement's Database: "The name of the database" (redshift-data service model)
    data = stack_client(local_stack, "redshift-data")
    started = data.execute_statement(
        ClusterIdentifier=sales.identifier, Database=sales.database, DbUser=sales.user, Sql="SELECT current_database()"
    )
    assert wait(data, started["Id"])["Status"] == "FINISHED"
    assert data.get_statement_result(Id=started["Id"])["Records"] == [[{"stringValue": sales.database}]]


def test_a_created_database_has_the_redshift_catalog_and_a_public_schema_for_its_tables(sales):
    with sales.psycopg(autocommit=True) as connection:
        connection.execute("CREATE TABLE events (id INT, at TIMESTAMP) DISTKEY(id) SORTKEY(at)")
        connection.execute("INSERT INTO events VALUES (1, '2026-12-01 23:00:00')")
        # PG_TABLE_DEF lists the table's columns with its DISTKEY and SORTKEY (r_PG_TABLE_DEF)
        design = connection.execute(
            "SELECT \"column\", distkey, sortkey FROM pg_table_def WHERE tablename = 'events' ORDER BY 1"
        )
        assert design.fetchall() == [("at", False, 1), ("id", True, 0)]
        # DATEDIFF counts the boundaries crossed (r_DATEDIFF_function): 23:00 to 01:00 the next day is 1 day
        crossed = connection.execute("SELECT DATEDIFF(day, at, '2026-12-02 01:00:00') FROM events")
        assert crossed.fetchone() == (1,)
        assert connection.execute("SELECT count(*) FROM stl_load_errors").fetchone() == (0,)  # nothing loaded here
        tables = connection.execute(
            "SELECT table_catalog, table_schema FROM information_schema.tables WHERE table_name = 'events'"
        )
        assert tables.fetchall() == [(sales.database, "public")]


def test_copy_loads_into_a_created_database_and_keeps_its_load_history_and_errors_there(local_stack):
    # SYS_LOAD_HISTORY: database_name, "The name of the database" the load ran in
    s3 = stack_client(local_stack, "s3")
    role = s3_reading_role(local_stack, "databases")
    bucket = f"databases-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    s3.put_object(Bucket=bucket, Key="numbers.json", Body=b'{"n": 1}\n{"n": 2}')
    s3.put_object(Bucket=bucket, Key="bad.json", Body=b'{"n": "a"}')
    login = create_cluster(local_stack, f"databases-copy-{uuid.uuid4().hex[:8]}", IamRoles=[role])
    with login.psycopg(autocommit=True) as connection:
        connection.execute("CREATE DATABASE loads")
    with dataclasses.replace(login, database="loads").psycopg(autocommit=True) as connection:
        connection.execute("CREATE TABLE numbers (n INT)")
        connection.execute(
            f"COPY numbers FROM 's3://{bucket}/numbers.json' IAM_ROLE '{role}' FORMAT AS JSON 'auto' REGION 'us-west-2'"
        )
        assert connection.execute("SELECT sum(n) FROM numbers").fetchone() == (3,)
        history = connection.execute(
            "SELECT trim(database_name), loaded_rows FROM sys_load_history WHERE query_id = pg_last_copy_id()"
        )
        assert history.fetchall() == [("loads", 2)]
        # r_COPY: a failed load says "Check 'stl_load_errors' system table for details"; its rows are here
        with pytest.raises(psycopg.errors.InternalError_, match="stl_load_errors"):
            connection.execute(
                f"COPY numbers FROM 's3://{bucket}/bad.json' IAM_ROLE '{role}' FORMAT AS JSON 'auto' REGION 'us-west-2'"
            )
        assert connection.execute("SELECT err_code FROM stl_load_errors").fetchall() == [(1207,)]


def test_a_created_database_is_apart_from_the_clusters_own(owner, sales, conn):
    with sales.psycopg(autocommit=True) as connection:
        connection.execute("CREATE TABLE only_here (a INT)")
    assert conn.execute("SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'").fetchone() == (0,)


def test_another_cluster_with_a_database_of_the_same_name_has_its_own(local_stack, sales):
    other = create_cluster(local_stack, f"databases-other-{uuid.uuid4().hex[:8]}")
    with other.psycopg(autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {sales.database}")
    try:
        with sales.psycopg(autocommit=True) as connection:
            connection.execute("CREATE TABLE mine (a INT)")
        with dataclasses.replace(other, database=sales.database).psycopg() as connection:
            assert connection.execute("SELECT count(*) FROM pg_tables WHERE tablename = 'mine'").fetchone() == (0,)
    finally:
        with other.psycopg(autocommit=True) as connection:
            connection.execute(f"DROP DATABASE {sales.database}")


def test_create_database_with_owner_and_connection_limit(owner, conn):
    name = _name("limited")
    conn.execute("CREATE USER dbowner PASSWORD 'Owner1234'")
    try:
        conn.execute(f"CREATE DATABASE {name} WITH OWNER dbowner CONNECTION LIMIT 5")
        row = conn.execute(
            f"SELECT u.usename, d.datconnlimit FROM pg_database d JOIN pg_user u ON u.usesysid = d.datdba "
            f"WHERE d.datname = '{name}'"
        )
        assert row.fetchone() == ("dbowner", 5)
        conn.execute(f"ALTER DATABASE {name} CONNECTION LIMIT UNLIMITED")  # r_ALTER_DATABASE
        assert conn.execute(f"SELECT datconnlimit FROM pg_database WHERE datname = '{name}'").fetchone() == (-1,)
        conn.execute(f"DROP DATABASE {name}")
    finally:
        conn.execute("DROP USER dbowner")


def test_create_database_of_the_clusters_own_name_says_it_exists(owner, conn):
    with pytest.raises(psycopg.errors.DuplicateDatabase, match=f'database "{owner.database}" already exists'):
        conn.execute(f"CREATE DATABASE {owner.database}")


@pytest.mark.parametrize(
    ("name", "by"),
    [
        ("padb_harvest", "Amazon Redshift"),  # r_DROP_DATABASE: databases Redshift keeps
        ("template0", "Amazon Redshift"),
        ("template1", "Amazon Redshift"),
        ("postgres", "the local Redshift"),  # the local server's own
        ("rs_mine", "the local Redshift"),
    ],
)
def test_create_database_refuses_the_names_redshift_and_the_local_server_keep(conn, name, by):
    with pytest.raises(psycopg.errors.ReservedName, match=f'database name "{name}" is reserved by {by}'):
        conn.execute(f"CREATE DATABASE {name}")


@pytest.mark.parametrize(
    ("options", "construct"),
    [
        ("COLLATE CASE_INSENSITIVE", "COLLATE CASE_INSENSITIVE"),
        ("ISOLATION LEVEL SNAPSHOT", "ISOLATION LEVEL SNAPSHOT"),
        ("FROM DATASHARE sales_share OF NAMESPACE 'a1b2c3'", "FROM DATASHARE"),
        ("FROM INTEGRATION 'a1b2c3'", "FROM INTEGRATION"),
        ("FROM ARN 'arn:aws:glue:us-west-2:123456789012:database/db' WITH NO DATA CATALOG SCHEMA", "FROM ARN"),
    ],
)
def test_create_database_refuses_by_name_what_postgresql_cannot_hold(conn, options, construct):
    with pytest.raises(psycopg.errors.FeatureNotSupported, match=construct):
        conn.execute(f"CREATE DATABASE {_name('never')} {options}")


def test_create_database_accepts_what_every_local_database_is(conn):
    name = _name("plain")
    conn.execute(f"CREATE DATABASE {name} COLLATE CASE_SENSITIVE ISOLATION LEVEL SERIALIZABLE")
    conn.execute(f"DROP DATABASE {name}")


def test_create_and_drop_database_cannot_run_inside_a_transaction_block(owner, sales):
    # r_CREATE_DATABASE and r_DROP_DATABASE: "You can't run ... within a transaction block (BEGIN ... END)"
    for statement in (f"CREATE DATABASE {_name('in_block')}", f"DROP DATABASE {sales.database}"):
        with owner.psycopg() as connection, pytest.raises(psycopg.errors.ActiveSqlTransaction):
            connection.execute(statement)


def test_a_serverless_namespace_creates_databases_as_serverless_has_them(local_stack):
    workgroup = create_workgroup(local_stack, "databases")
    with workgroup.connect() as connection:
        connection.execute("CREATE DATABASE sales")
    sales = dataclasses.replace(workgroup, database="sales")
    with sales.connect() as connection:
        assert connection.execute("SELECT current_database()").fetchone() == ("sales",)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # Serverless refuses the STL views, here too
            connection.execute("SELECT * FROM stl_query")


def test_a_database_the_cluster_does_not_have_refuses_the_login(owner):
    with pytest.raises(psycopg.OperationalError, match='database "nosuch" does not exist'):
        dataclasses.replace(owner, database="nosuch").psycopg().close()


# --- DROP DATABASE (r_DROP_DATABASE) and ALTER DATABASE (r_ALTER_DATABASE) -------------------------------------------


def test_drop_database_drops_it_and_its_logins(owner, conn):
    name = _name("dropped")
    conn.execute(f"CREATE DATABASE {name}")
    conn.execute(f"DROP DATABASE {name}")
    with pytest.raises(psycopg.OperationalError, match=f'database "{name}" does not exist'):
        dataclasses.replace(owner, database=name).psycopg().close()


def test_drop_database_refuses_the_current_database(sales):
    # r_DROP_DATABASE: "you can't drop the current database"
    with (
        sales.psycopg(autocommit=True) as connection,
        pytest.raises(psycopg.errors.ObjectInUse, match="cannot drop the currently open database"),
    ):
        connection.execute(f"DROP DATABASE {sales.database}")


def test_drop_database_refuses_dev_and_the_database_the_cluster_was_created_with(local_stack, sales):
    # r_DROP_DATABASE: "You can't drop the dev, padb_harvest, template0, template1, or sys:internal databases"
    with sales.psycopg(autocommit=True) as connection:
        for name in ("dev", "padb_harvest", "template1"):
            with pytest.raises(psycopg.errors.FeatureNotSupported, match=f"DROP DATABASE {name} is not supported"):
                connection.execute(f"DROP DATABASE {name}")
    named = create_cluster(local_stack, f"databases-named-{uuid.uuid4().hex[:8]}", database="sparkify")
    with named.psycopg(autocommit=True) as connection:
        connection.execute("CREATE DATABASE elsewhere")
    with (
        dataclasses.replace(named, database="elsewhere").psycopg(autocommit=True) as connection,
        pytest.raises(psycopg.errors.FeatureNotSupported, match="the database the cluster was created with"),
    ):
        connection.execute("DROP DATABASE sparkify")


def test_drop_database_force_ends_the_sessions_connected_to_it(sales, conn):
    # r_DROP_DATABASE: "When you specify FORCE, DROP DATABASE attempts to terminate active connections"
    name = _name("busy")
    conn.execute(f"CREATE DATABASE {name}")
    busy = dataclasses.replace(sales, database=name).psycopg()
    try:
        with pytest.raises(psycopg.errors.ObjectInUse, match="being accessed by other users"):
            conn.execute(f"DROP DATABASE {name}")
        conn.execute(f"DROP DATABASE {name} FORCE")
        assert conn.execute(f"SELECT count(*) FROM pg_database WHERE datname = '{name}'").fetchone() == (0,)
    finally:
        busy.close()


def test_the_servers_own_databases_do_not_exist_for_drop_or_alter(conn):
    for statement in ("DROP DATABASE postgres", "ALTER DATABASE rs_redshift_catalog OWNER TO awsuser"):
        with pytest.raises(psycopg.errors.InvalidCatalogName, match="does not exist"):
            conn.execute(statement)


def test_alter_database_rename_to_moves_its_logins(owner, conn):
    old, new = _name("old"), _name("new")
    conn.execute(f"CREATE DATABASE {old}")
    conn.execute(f"ALTER DATABASE {old} RENAME TO {new}")
    with dataclasses.replace(owner, database=new).psycopg() as connection:
        assert connection.execute("SELECT current_database()").fetchone() == (new,)
    with pytest.raises(psycopg.OperationalError, match=f'database "{old}" does not exist'):
        dataclasses.replace(owner, database=old).psycopg().close()
    conn.execute(f"DROP DATABASE {new}")


def test_alter_database_cannot_rename_the_current_database_in_redshifts_words(sales):
    # r_ALTER_DATABASE: "alter database tickit rename to newtickit; ERROR: current database may not be renamed"
    with (
        sales.psycopg(autocommit=True) as connection,
        pytest.raises(psycopg.errors.FeatureNotSupported, match="current database may not be renamed"),
    ):
        connection.execute(f"ALTER DATABASE {sales.database} RENAME TO {_name('renamed')}")


def test_alter_database_owner_to_of_the_current_database(owner, conn):
    # r_ALTER_DATABASE: "You can change the owner of the current database"
    conn.execute("CREATE USER newowner PASSWORD 'Owner1234'")
    try:
        conn.execute(f"ALTER DATABASE {owner.database} OWNER TO newowner")
        row = conn.execute(
            f"SELECT u.usename FROM pg_database d JOIN pg_user u ON u.usesysid = d.datdba "
            f"WHERE d.datname = '{owner.database}'"
        )
        assert row.fetchone() == ("newowner",)
    finally:
        conn.execute(f"ALTER DATABASE {owner.database} OWNER TO {owner.user}")
        conn.execute("DROP USER newowner")


# --- Cross-database queries (cross-database-overview) -----------------------------------------------------------------


def test_another_database_of_the_cluster_in_a_three_part_name_is_refused_as_a_cross_database_query(sales, conn):
    with sales.psycopg(autocommit=True) as connection:
        connection.execute("CREATE TABLE public.t (a INT)")
    for statement in (f"SELECT * FROM {sales.database}.public.t", f"INSERT INTO {sales.database}.public.t VALUES (1)"):
        with pytest.raises(psycopg.errors.FeatureNotSupported, match="cross-database queries"):
            conn.execute(statement)
    with sales.psycopg() as connection, pytest.raises(psycopg.errors.FeatureNotSupported, match="cross-database"):
        connection.execute("SELECT * FROM dev.public.t")


def test_a_three_part_name_of_no_database_of_the_cluster_does_not_exist(sales, conn):
    for name in ("nosuch", "postgres", "rs_redshift_catalog"):
        with pytest.raises(psycopg.errors.InvalidCatalogName, match=f'database "{name}" does not exist'):
            conn.execute(f"SELECT * FROM {name}.public.t")


# --- The catalog lists them (SVV_REDSHIFT_DATABASES, PG_DATABASE_INFO, SHOW DATABASES) ----------------------------


def test_svv_redshift_databases_pg_database_and_show_databases_list_the_clusters_databases(owner, sales, conn):
    expected = sorted([owner.database, sales.database])
    listed = conn.execute("SELECT database_name, database_type FROM svv_redshift_databases ORDER BY 1").fetchall()
    assert listed == [(name, "local") for name in expected]
    assert [row[0] for row in conn.execute("SELECT datname FROM pg_database ORDER BY 1")] == expected
    with sales.psycopg() as connection:
        shown = connection.execute("SHOW DATABASES").fetchall()
        assert [row[0] for row in shown] == expected


def test_pg_database_info_shows_each_databases_connection_limit_as_text(owner, conn):
    # r_PG_DATABASE_INFO: PG_DATABASE's columns, oid called datid, datconnlimit text ("-1 means no limit")
    name = _name("info")
    conn.execute(f"CREATE DATABASE {name} CONNECTION LIMIT 7")
    try:
        rows = conn.execute("SELECT datname, datconnlimit, datid > 0 FROM pg_database_info ORDER BY 1").fetchall()
        assert rows == sorted([(owner.database, "-1", True), (name, "7", True)])
    finally:
        conn.execute(f"DROP DATABASE {name}")


def test_information_schema_names_each_database_by_its_own_name(sales, conn):
    # cross-database_usage: the metadata of information_schema is the connected database's
    with sales.psycopg() as connection:
        schemata = connection.execute(
            "SELECT catalog_name FROM information_schema.schemata WHERE schema_name = 'public'"
        )
        assert schemata.fetchall() == [(sales.database,)]
    schemata = conn.execute("SELECT catalog_name FROM information_schema.schemata WHERE schema_name = 'public'")
    assert schemata.fetchall() == [("dev",)]
