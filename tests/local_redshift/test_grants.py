"""GRANT and REVOKE on schemas and tables hold for the users a cluster creates when they log in, to them and to their
groups (r_GRANT.html and its examples, r_REVOKE.html, r_CREATE_GROUP.html, r_ALTER_GROUP.html, r_DROP_GROUP.html);
a privilege not held is refused in Redshift's words."""

from __future__ import annotations

import dataclasses
import uuid

import psycopg
import pytest

from tests.local_redshift.conftest import Login, create_cluster, s3_reading_role, stack_client

PASSWORD = "Abcd1234"  # the pages' examples' password
DENIED = "permission denied for relation"  # r_GRANT-examples.html: ERROR: permission denied for relation test


@pytest.fixture(scope="module")
def cluster(local_stack) -> Login:
    return create_cluster(local_stack, f"grants-{uuid.uuid4().hex[:8]}")


@pytest.fixture
def names() -> dict[str, str]:
    """Names of this test's own: a schema, users and groups."""
    suffix = uuid.uuid4().hex[:6]
    return {
        name: f"{name}_{suffix}"
        for name in ("qa_tickit", "schema_user", "view_user", "fred", "qa_users", "ro_users", "other")
    }


def as_user(cluster: Login, user: str) -> Login:
    return dataclasses.replace(cluster, user=user, password=PASSWORD)


def run(login: Login, *statements: str) -> None:
    with login.psycopg(autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def count(login: Login, table: str) -> int:
    with login.psycopg(autocommit=True) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def denied(login: Login, statement: str, match: str = DENIED) -> None:
    with login.psycopg(autocommit=True) as connection, pytest.raises(psycopg.errors.InsufficientPrivilege) as error:
        connection.execute(statement)
    assert match in str(error.value)


def test_access_to_a_schema_does_not_grant_privileges_on_its_tables(cluster, names):
    """r_GRANT-examples.html, step by step: schema_user with ALL on the schema is denied the table, in Redshift's
    words, until it is granted SELECT on it (then count(*) is 0)."""
    n = names
    run(
        cluster,
        f"create group {n['qa_users']}",
        f"create user {n['schema_user']} in group {n['qa_users']} password '{PASSWORD}'",
        f"create schema {n['qa_tickit']}",
        f"create table {n['qa_tickit']}.test (col1 int)",
        f"grant all on schema {n['qa_tickit']} to {n['schema_user']}",
    )
    user = as_user(cluster, n["schema_user"])
    denied(user, f"select count(*) from {n['qa_tickit']}.test", f"{DENIED} test")
    run(cluster, f"grant select on table {n['qa_tickit']}.test to {n['schema_user']}")
    assert count(user, f"{n['qa_tickit']}.test") == 0


def test_access_to_a_view_does_not_imply_access_to_its_tables(cluster, names):
    """r_GRANT-examples.html: view_user, granted all on view_date, counts it but is denied the table under it."""
    n = names
    table, view = f"date_{n['other']}", f"view_date_{n['other']}"
    run(
        cluster,
        f"create user {n['view_user']} password '{PASSWORD}'",
        f"create table {table} (d date)",
        f"insert into {table} values ('2008-01-01'), ('2008-01-02')",
        f"create view {view} as select * from {table}",
        f"grant all on {view} to {n['view_user']}",
    )
    user = as_user(cluster, n["view_user"])
    assert count(user, view) == 2
    denied(user, f"select count(*) from {table}", f"{DENIED} {table}")


def test_each_table_privilege_holds_and_revoke_takes_it_back(cluster, names):
    """r_GRANT.html: SELECT, INSERT, UPDATE, DELETE on a table; r_REVOKE.html takes each back."""
    n = names
    table = f"sales_{n['other']}"
    run(cluster, f"create user {n['fred']} password '{PASSWORD}'", f"create table {table} (id int, qty int)")
    fred = as_user(cluster, n["fred"])
    statements = {
        "SELECT": f"select count(*) from {table}",
        "INSERT": f"insert into {table} values (1, 1)",
        "UPDATE": f"update {table} set qty = 2 where true",
        "DELETE": f"delete from {table} where true",
    }
    for privilege, statement in statements.items():
        denied(fred, statement)
        run(cluster, f"grant {privilege.lower()} on table {table} to {n['fred']}")
        run(fred, statement)
    run(cluster, f"revoke all on table {table} from {n['fred']}")
    for statement in statements.values():
        denied(fred, statement)
    run(cluster, f"grant all on {table} to {n['fred']}")
    for statement in statements.values():
        run(fred, statement)


def test_select_on_all_tables_in_a_schema(cluster, names):
    """r_GRANT-examples.html: grant select on all tables in schema qa_tickit to fred."""
    n = names
    schema = n["qa_tickit"]
    run(
        cluster,
        f"create user {n['fred']} password '{PASSWORD}'",
        f"create schema {schema}",
        f"create table {schema}.a (n int)",
        f"create table {schema}.b (n int)",
        f"grant usage on schema {schema} to {n['fred']}",
        f"grant select on all tables in schema {schema} to {n['fred']}",
    )
    fred = as_user(cluster, n["fred"])
    assert count(fred, f"{schema}.a") == count(fred, f"{schema}.b") == 0
    denied(fred, f"insert into {schema}.a values (1)")


def test_usage_and_create_on_a_schema(cluster, names):
    """r_GRANT.html: USAGE gives access to a schema's objects, CREATE lets a user create objects in it."""
    n = names
    schema = n["qa_tickit"]
    run(cluster, f"create user {n['fred']} password '{PASSWORD}'", f"create schema {schema}")
    fred = as_user(cluster, n["fred"])
    denied(fred, f"create table {schema}.mine (n int)", f"permission denied for schema {schema}")
    run(cluster, f"grant usage, create on schema {schema} to {n['fred']}")
    run(fred, f"create table {schema}.mine (n int)", f"insert into {schema}.mine values (1)")
    assert count(fred, f"{schema}.mine") == 1
    run(cluster, f"revoke create on schema {schema} from {n['fred']}")
    denied(fred, f"create table {schema}.again (n int)", f"permission denied for schema {schema}")


def test_the_public_schema_is_open_to_every_user(cluster, names):
    """r_CREATE_USER.html: "By default, all users have CREATE and USAGE privileges on the PUBLIC schema"."""
    n = names
    run(cluster, f"create user {n['fred']} password '{PASSWORD}'")
    run(as_user(cluster, n["fred"]), f"create table public.{n['fred']}_t (n int)")


def test_a_groups_privileges_hold_for_its_users_while_they_are_in_it(cluster, names):
    """r_GRANT-examples.html: grant all on table qa_tickit.sales to group qa_users, group ro_users;
    r_CREATE_GROUP.html (WITH USER), r_ALTER_GROUP.html (ADD USER, DROP USER), r_DROP_GROUP.html."""
    n = names
    schema, table = n["qa_tickit"], f"{n['qa_tickit']}.sales"
    run(
        cluster,
        f"create user {n['fred']} password '{PASSWORD}'",
        f"create user {n['other']} password '{PASSWORD}'",
        f"create group {n['qa_users']} with user {n['fred']}",
        f"create group {n['ro_users']}",
        f"create schema {schema}",
        f"create table {table} (n int)",
        f"grant usage on schema {schema} to group {n['qa_users']}, group {n['ro_users']}",
        f"grant all on table {table} to group {n['qa_users']}, group {n['ro_users']}",
    )
    fred, other = as_user(cluster, n["fred"]), as_user(cluster, n["other"])
    run(fred, f"insert into {table} values (1)")
    denied(other, f"select count(*) from {table}", f"permission denied for schema {schema}")
    run(cluster, f"alter group {n['ro_users']} add user {n['other']}")
    assert count(other, table) == 1
    run(cluster, f"alter group {n['ro_users']} drop user {n['other']}")
    denied(other, f"select count(*) from {table}", f"permission denied for schema {schema}")
    run(cluster, f"revoke all on table {table} from group {n['qa_users']}")
    denied(fred, f"select count(*) from {table}")
    refused = f'group "{n["ro_users"]}" can\'t be dropped because the group has a privilege on some object'
    with cluster.psycopg(autocommit=True) as connection, pytest.raises(psycopg.errors.ObjectInUse, match=refused):
        connection.execute(f"drop group {n['ro_users']}")  # r_DROP_GROUP.html's error
    for statement, missing in (
        (f"drop user {n['ro_users']}", f'user "{n["ro_users"]}" does not exist'),
        (f"drop group {n['fred']}", f'group "{n["fred"]}" does not exist'),
    ):
        with (
            cluster.psycopg(autocommit=True) as connection,
            pytest.raises(psycopg.errors.UndefinedObject, match=missing),
        ):
            connection.execute(statement)
    run(
        cluster,
        f"revoke all on table {table} from group {n['ro_users']}",
        f"revoke usage on schema {schema} from group {n['ro_users']}",
        f"drop group {n['ro_users']}",
    )


def test_a_user_cannot_grant_itself_what_it_lacks(cluster, names):
    """Only an object's owner (or the master user) grants privileges on it (r_GRANT.html)."""
    n = names
    table = f"secret_{n['other']}"
    run(cluster, f"create user {n['fred']} password '{PASSWORD}'", f"create table {table} (n int)")
    fred = as_user(cluster, n["fred"])
    denied(fred, f"grant select on {table} to {n['fred']}")
    denied(fred, f"select count(*) from {table}")
    denied(fred, f"alter table {table} owner to {n['fred']}", "must be owner")


def test_the_pages_sequence_as_the_master_user_acting_as_the_user(cluster, names):
    """r_GRANT-examples.html as printed, SET SESSION AUTHORIZATION and all (r_SET_SESSION_AUTHORIZATION.html): the
    master user acts as schema_user, is denied the table, grants SELECT as itself, and then counts 0 rows."""
    n = names
    with cluster.psycopg(autocommit=True) as connection:
        for statement in (
            f"create group {n['qa_users']}",
            f"create user {n['schema_user']} in group {n['qa_users']} password '{PASSWORD}'",
            f"create schema {n['qa_tickit']}",
            f"create table {n['qa_tickit']}.test (col1 int)",
            f"grant all on schema {n['qa_tickit']} to {n['schema_user']}",
            f"set session authorization {n['schema_user']}",
        ):
            connection.execute(statement)
        assert connection.execute("select current_user").fetchone() == (n["schema_user"],)
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match=f"{DENIED} test"):
            connection.execute(f"select count(*) from {n['qa_tickit']}.test")
        connection.execute(f"set session authorization {cluster.user}")
        connection.execute(f"grant select on table {n['qa_tickit']}.test to {n['schema_user']}")
        connection.execute(f"set session authorization {n['schema_user']}")
        assert connection.execute(f"select count(*) from {n['qa_tickit']}.test").fetchone() == (0,)
        connection.execute("set session authorization default")
        assert connection.execute("select current_user").fetchone() == (cluster.user,)


def test_create_on_the_clusters_database_lets_a_user_create_schemas(cluster, names):
    """r_GRANT.html: CREATE on a database "allows users to create schemas within the database"; another database's
    name is none of the cluster's."""
    n = names
    run(cluster, f"create user {n['fred']} password '{PASSWORD}'")
    fred = as_user(cluster, n["fred"])
    denied(fred, f"create schema {n['qa_tickit']}", f"permission denied for database {cluster.database}")
    with cluster.psycopg(autocommit=True) as connection:
        assert connection.execute(f"grant create on database {cluster.database} to {n['fred']}").statusmessage == (
            "GRANT"
        )
        with pytest.raises(psycopg.errors.InvalidCatalogName, match='database "sales_db" does not exist'):
            connection.execute(f"GRANT USAGE ON DATABASE sales_db TO {n['fred']}")  # r_GRANT-examples.html
    run(fred, f"create schema {n['qa_tickit']}", f"create table {n['qa_tickit']}.t (n int)")
    run(cluster, f"revoke create on database {cluster.database} from {n['fred']}")
    denied(fred, f"create schema {n['other']}", f"permission denied for database {cluster.database}")


def test_a_created_user_logs_in_to_a_created_database_holding_only_the_grants_made_there(cluster, names):
    """A user is the cluster's, its privileges each database's own: "each schema belongs to only one database"
    (gsg/t_creating_schema.html), so a table of the same name elsewhere is another object, which a user uses only
    once granted the permissions (r_Privileges.html); CREATE on a database "allows users to create schemas within
    the database" (r_GRANT.html), that database only."""
    n = names
    sales = f"sales_{uuid.uuid4().hex[:8]}"
    run(
        cluster,
        f"create user {n['fred']} password '{PASSWORD}'",
        f"create table {n['qa_tickit']} (n int)",  # the cluster's database: granted there only
        f"grant select on {n['qa_tickit']} to {n['fred']}",
        f"create database {sales}",
    )
    in_sales = dataclasses.replace(cluster, database=sales)
    try:
        run(
            in_sales,
            f"create table {n['qa_tickit']} (n int)",  # the same name in the new database, not granted
            f"create table {n['other']} (n int)",
            f"insert into {n['other']} values (1), (2)",
            f"grant select on {n['other']} to {n['fred']}",
        )
        fred = as_user(in_sales, n["fred"])
        with fred.psycopg() as connection:
            assert connection.execute("select current_user, current_database()").fetchone() == (n["fred"], sales)
        assert count(fred, n["other"]) == 2
        denied(fred, f"select count(*) from {n['qa_tickit']}", f"{DENIED} {n['qa_tickit']}")
        assert count(as_user(cluster, n["fred"]), n["qa_tickit"]) == 0  # its grant in the cluster's database holds
        denied(fred, f"create schema {n['schema_user']}", f"permission denied for database {sales}")
        run(in_sales, f"grant create on database {sales} to {n['fred']}")
        run(fred, f"create schema {n['schema_user']}")
        denied(as_user(cluster, n["fred"]), f"create schema {n['view_user']}", "permission denied for database")
    finally:
        run(cluster, f"drop database {sales} force")


def test_a_created_user_copies_into_what_it_may_insert_into(local_stack, names):
    """COPY runs in the user's own session: into its own table it loads, and its bad rows are its own in
    STL_LOAD_ERRORS; into a table it may not insert into it is refused."""
    n = names
    role = s3_reading_role(local_stack, "grants-copy")
    bucket = f"grants-{uuid.uuid4().hex[:8]}"
    s3 = stack_client(local_stack, "s3")
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    s3.put_object(Bucket=bucket, Key="good.json", Body=b'{"n": 1}\n{"n": 2}')
    s3.put_object(Bucket=bucket, Key="bad.json", Body=b'{"n": "many"}')
    cluster = create_cluster(local_stack, f"grants-copy-{uuid.uuid4().hex[:8]}", IamRoles=[role])
    run(cluster, f"create user {n['fred']} password '{PASSWORD}'", f"create table {n['other']}_theirs (n int)")
    fred = as_user(cluster, n["fred"])

    def copy(table: str, key: str) -> str:
        return f"COPY {table} FROM 's3://{bucket}/{key}' IAM_ROLE '{role}' FORMAT AS JSON 'auto' REGION 'us-west-2'"

    run(fred, f"create table {n['fred']}_mine (n int)", copy(f"{n['fred']}_mine", "good.json"))
    assert count(fred, f"{n['fred']}_mine") == 2
    with fred.psycopg(autocommit=True) as connection, pytest.raises(psycopg.errors.InternalError):
        connection.execute(copy(f"{n['fred']}_mine", "bad.json"))
    with fred.psycopg(autocommit=True) as connection:
        assert connection.execute(
            "SELECT count(*) FROM stl_load_errors WHERE filename LIKE %s", [f"%{bucket}/bad.json%"]
        ).fetchone() == (1,)
    denied(fred, copy(f"{n['other']}_theirs", "good.json"))
