"""Role-based access control through the endpoint (r_CREATE_ROLE.html, r_GRANT-examples.html's ROLE examples,
r_REVOKE.html, r_DROP_ROLE.html), and the catalog views that list the cluster's users, groups and roles
(r_PG_USER, PG_USER_INFO in r_CREATE_USER.html, PG_GROUP, r_SVV_USER_INFO, r_SVV_ROLES, r_SVV_USER_GRANTS): a role's
privileges hold for the users it is granted to, and the server's own roles never show."""

from __future__ import annotations

import dataclasses
import uuid

import psycopg
import pytest

from tests.local_redshift.conftest import Login, create_cluster, run

PASSWORD = "Abcd1234"


@pytest.fixture(scope="module")
def cluster(local_stack) -> Login:
    return create_cluster(local_stack, f"roles-{uuid.uuid4().hex[:8]}")


@pytest.fixture
def n() -> dict[str, str]:
    suffix = uuid.uuid4().hex[:6]
    return {name: f"{name}_{suffix}" for name in ("user1", "user2", "reguser", "role1", "role2", "role3", "g", "t")}


def as_user(cluster: Login, user: str) -> Login:
    return dataclasses.replace(cluster, user=user, password=PASSWORD)


def test_a_roles_privileges_hold_for_the_users_it_is_granted_to(cluster, n):
    """r_GRANT-examples.html: CREATE ROLE sample_role1; GRANT ROLE sample_role1 TO user1; privileges TO ROLE."""
    run(
        cluster,
        f"CREATE USER {n['user1']} PASSWORD '{PASSWORD}'",
        f"CREATE ROLE {n['role1']}",
        f"CREATE TABLE {n['t']} (x INT)",
        f"INSERT INTO {n['t']} VALUES (1), (2)",
        f"GRANT SELECT ON TABLE {n['t']} TO ROLE {n['role1']}",
    )
    user1 = as_user(cluster, n["user1"])
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied for relation"):
        run(user1, f"SELECT count(*) FROM {n['t']}")
    run(cluster, f"GRANT ROLE {n['role1']} TO {n['user1']}")
    assert run(user1, f"SELECT count(*) FROM {n['t']}") == [(2,)]
    run(cluster, f"REVOKE ROLE {n['role1']} FROM {n['user1']}")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        run(user1, f"SELECT count(*) FROM {n['t']}")


def test_a_role_granted_to_a_role_passes_its_privileges_on(cluster, n):
    """r_GRANT-examples.html: GRANT ROLE sample_role1 TO ROLE sample_role2."""
    run(
        cluster,
        f"CREATE USER {n['user1']} PASSWORD '{PASSWORD}'",
        f"CREATE ROLE {n['role1']}",
        f"CREATE ROLE {n['role2']}",
        f"CREATE TABLE {n['t']} (x INT)",
        f"GRANT SELECT ON {n['t']} TO ROLE {n['role1']}",
        f"GRANT ROLE {n['role1']} TO ROLE {n['role2']}",
        f"GRANT ROLE {n['role2']} TO {n['user1']}",
    )
    assert run(as_user(cluster, n["user1"]), f"SELECT count(*) FROM {n['t']}") == [(0,)]


def test_with_admin_option_a_user_grants_the_role_on(cluster, n):
    """r_GRANT-examples.html: GRANT ROLE sample_role1 TO user1 WITH ADMIN OPTION; user1 grants it to user2."""
    run(
        cluster,
        f"CREATE USER {n['user1']} PASSWORD '{PASSWORD}'",
        f"CREATE USER {n['user2']} PASSWORD '{PASSWORD}'",
        f"CREATE ROLE {n['role1']}",
        f"CREATE ROLE {n['role2']}",
        f"GRANT ROLE {n['role1']} TO {n['user1']} WITH ADMIN OPTION",
        f"GRANT ROLE {n['role2']} TO {n['user1']}",
    )
    user1 = as_user(cluster, n["user1"])
    run(user1, f"GRANT ROLE {n['role1']} TO {n['user2']}")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # no admin option on role2
        run(user1, f"GRANT ROLE {n['role2']} TO {n['user2']}")
    assert run(
        cluster,
        f"SELECT role_name, admin_option FROM svv_user_grants WHERE user_name = '{n['user2']}'",
    ) == [(n["role1"], False)]


def test_drop_role_refuses_a_role_granted_to_a_user_unless_force(cluster, n):
    """r_DROP_ROLE.html: "ERROR: cannot drop this role since it has been granted on a user"; FORCE drops it."""
    run(cluster, f"CREATE USER {n['user1']} PASSWORD '{PASSWORD}'", f"CREATE ROLE {n['role1']}")
    run(cluster, f"GRANT {n['role1']} TO {n['user1']}")  # the page's own words: GRANT sample_role1 TO user1
    with pytest.raises(psycopg.errors.DependentObjectsStillExist) as refused:
        run(cluster, f"DROP ROLE {n['role1']}")
    assert str(refused.value).splitlines()[0] == "cannot drop this role since it has been granted on a user"
    assert run(cluster, f"SELECT count(*) FROM svv_roles WHERE role_name = '{n['role1']}'") == [(1,)]
    run(cluster, f"DROP ROLE {n['role1']} FORCE")
    assert run(cluster, f"SELECT count(*) FROM svv_roles WHERE role_name = '{n['role1']}'") == [(0,)]


def test_drop_role_refuses_a_role_that_was_granted_another_unless_force(cluster, n):
    """r_DROP_ROLE.html: GRANT sample_role1 TO sample_role2; DROP ROLE sample_role2 fails ("cannot drop this role
    since it depends on another role"); DROP ROLE sample_role2 FORCE drops it."""
    run(cluster, f"CREATE ROLE {n['role1']}", f"CREATE ROLE {n['role2']}", f"GRANT {n['role1']} TO {n['role2']}")
    with pytest.raises(psycopg.errors.DependentObjectsStillExist, match="since it depends on another role"):
        run(cluster, f"DROP ROLE {n['role2']}")
    run(cluster, f"DROP ROLE {n['role2']} FORCE", f"DROP ROLE {n['role1']}")


def test_drop_role_drops_only_roles(cluster, n):
    run(cluster, f"CREATE USER {n['user1']} PASSWORD '{PASSWORD}'", f"CREATE GROUP {n['g']}")
    for name in (n["user1"], n["g"]):
        with pytest.raises(psycopg.errors.UndefinedObject, match=f'role "{name}" does not exist'):
            run(cluster, f"DROP ROLE {name} FORCE")
    as_user(cluster, n["user1"]).psycopg().close()


REFUSED = [
    ("GRANT ROLE sys:dba TO {user1}", psycopg.errors.FeatureNotSupported, '"sys:dba"'),  # r_GRANT-examples.html
    ("GRANT CREATE USER TO ROLE {role1}", psycopg.errors.FeatureNotSupported, "system privilege"),
    ('CREATE ROLE {role3} EXTERNALID "ABC123"', psycopg.errors.FeatureNotSupported, "EXTERNALID"),
    ("ALTER ROLE {role1} OWNER TO {user1}", psycopg.errors.FeatureNotSupported, "OWNER TO"),
    ("ALTER ROLE {role1} LOGIN", psycopg.errors.FeatureNotSupported, "ALTER ROLE"),
    ("ALTER ROLE {role1} WITH PASSWORD 'Evil12345'", psycopg.errors.FeatureNotSupported, "ALTER ROLE"),
]


@pytest.mark.parametrize(("statement", "error", "named"), REFUSED, ids=[case[0][:30] for case in REFUSED])
def test_what_the_local_redshift_cannot_give_is_refused_by_name(cluster, n, statement, error, named):
    run(cluster, f"CREATE USER {n['user1']} PASSWORD '{PASSWORD}'", f"CREATE ROLE {n['role1']}")
    with pytest.raises(error, match=named):
        run(cluster, statement.format(**n))


def test_alter_role_rename_to(cluster, n):
    """r_ALTER_ROLE.html: ALTER ROLE role RENAME TO role."""
    run(cluster, f"CREATE ROLE {n['role1']}", f"ALTER ROLE {n['role1']} RENAME TO {n['role2']}")
    names = f"SELECT role_name FROM svv_roles WHERE role_name IN ('{n['role1']}', '{n['role2']}')"
    assert run(cluster, names) == [(n["role2"],)]


def test_a_user_cannot_grant_itself_a_role_or_the_master_user(cluster, n):
    run(cluster, f"CREATE USER {n['user1']} PASSWORD '{PASSWORD}'", f"CREATE ROLE {n['role1']}")
    user1 = as_user(cluster, n["user1"])
    for statement in (f"GRANT ROLE {n['role1']} TO {n['user1']}", f"GRANT ROLE awsuser TO {n['user1']}"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            run(user1, statement)
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        run(user1, f"CREATE ROLE {n['role2']}")
    assert run(cluster, f"SELECT count(*) FROM svv_user_grants WHERE user_name = '{n['user1']}'") == [(0,)]


# --- the catalog views ------------------------------------------------------------------------------------------


def test_pg_user_and_pg_user_info_list_the_clusters_users_only(cluster, n):
    """PG_USER_INFO's columns as r_CREATE_USER.html shows them, useconnlimit 30 for `connection limit 30`."""
    run(
        cluster,
        f"create user {n['user1']} with password 'abcD1234' createdb connection limit 30",
        f"CREATE GROUP {n['g']}",
        f"CREATE ROLE {n['role1']}",
    )
    rows = run(cluster, "SELECT usename, usecreatedb, usesuper, passwd, useconnlimit FROM pg_user_info")
    by_name = {row[0]: row[1:] for row in rows}
    assert by_name[n["user1"]] == (True, False, "********", "30")
    assert by_name["awsuser"][1:] == (True, "********", "UNLIMITED")
    assert not {n["g"], n["role1"], "postgres"} & set(by_name)
    assert not any(name.startswith("pg_") for name in by_name)
    assert {row[0] for row in run(cluster, "SELECT usename FROM pg_user")} == set(by_name)
    assert run(cluster, "SELECT useconfig FROM pg_user WHERE usename = 'awsuser'") == [(None,)]
    run(cluster, f"ALTER USER {n['user1']} SET search_path TO public")
    assert run(cluster, f"SELECT useconfig FROM pg_user WHERE usename = '{n['user1']}'") == [(["search_path=public"],)]


def test_pg_group_lists_groups_with_their_users(cluster, n):
    run(
        cluster,
        f"CREATE USER {n['user1']} PASSWORD '{PASSWORD}'",
        f"CREATE USER {n['user2']} PASSWORD '{PASSWORD}'",
        f"CREATE GROUP {n['g']} WITH USER {n['user1']}, {n['user2']}",
        f"CREATE ROLE {n['role1']}",
    )
    [(grolist,)] = run(cluster, f"SELECT grolist FROM pg_group WHERE groname = '{n['g']}'")
    ids = run(cluster, f"SELECT usesysid FROM pg_user WHERE usename IN ('{n['user1']}', '{n['user2']}') ORDER BY 1")
    assert grolist == [user_id for (user_id,) in ids]
    assert run(cluster, f"SELECT count(*) FROM pg_group WHERE groname = '{n['role1']}'") == [(0,)]


def test_svv_user_info_shows_a_user_itself_and_the_master_user_everyone(cluster, n):
    """r_SVV_USER_INFO.html's columns; superusers see every row, a regular user its own."""
    run(cluster, f"CREATE USER {n['user1']} PASSWORD '{PASSWORD}' CONNECTION LIMIT 5 SESSION TIMEOUT 120")
    columns = (
        "user_name, user_id, createdb, superuser, catalog_update, connection_limit, syslog_access,"
        " last_ddl_timestamp, session_timeout, external_user_id"
    )
    [mine] = run(as_user(cluster, n["user1"]), f"SELECT {columns} FROM svv_user_info")
    assert mine[0] == n["user1"] and mine[2:] == (False, False, False, "5", "RESTRICTED", None, 120, None)
    names = {row[0] for row in run(cluster, "SELECT user_name, superuser FROM svv_user_info")}
    assert {"awsuser", n["user1"]} <= names and "postgres" not in names


def test_svv_roles_and_svv_user_grants(cluster, n):
    """r_SVV_ROLES.html (role_owner is the superuser who made the role) and r_SVV_USER_GRANTS.html's example."""
    run(
        cluster,
        f"CREATE USER {n['reguser']} PASSWORD '{PASSWORD}'",
        f"CREATE ROLE {n['role1']}",
        f"CREATE ROLE {n['role2']}",
        f"GRANT ROLE {n['role1']} TO {n['reguser']}",
        f"GRANT ROLE {n['role2']} TO {n['reguser']}",
    )
    roles = run(
        cluster,
        "SELECT role_name, role_owner, external_id FROM svv_roles"
        f" WHERE role_name IN ('{n['role1']}', '{n['role2']}') ORDER BY 1",
    )
    assert roles == [(n["role1"], "awsuser", None), (n["role2"], "awsuser", None)]
    grants = f"SELECT user_name, role_name, admin_option FROM svv_user_grants WHERE user_name = '{n['reguser']}'"
    expected = [(n["reguser"], n["role1"], False), (n["reguser"], n["role2"], False)]
    assert sorted(run(cluster, grants)) == expected
    assert sorted(run(as_user(cluster, n["reguser"]), grants)) == expected


def test_svv_relation_and_schema_privileges_list_what_was_granted(cluster, n):
    """r_SVV_RELATION_PRIVILEGES.html and r_SVV_SCHEMA_PRIVILEGES.html's examples: SELECT on a table and USAGE on a
    schema granted to a user and to a role; a regular user sees its own and its roles' rows."""
    schema, table = f"test_schema_{n['t']}", f"orders_{n['t']}"
    run(
        cluster,
        f"CREATE USER {n['reguser']} PASSWORD '{PASSWORD}'",
        f"CREATE USER {n['user1']} PASSWORD '{PASSWORD}'",
        f"CREATE ROLE {n['role1']}",
        f"GRANT ROLE {n['role1']} TO {n['reguser']}",
        f"CREATE SCHEMA {schema}",
        f"CREATE TABLE {schema}.{table} (id INT)",
        f"GRANT USAGE ON SCHEMA {schema} TO {n['reguser']}",
        f"GRANT USAGE ON SCHEMA {schema} TO ROLE {n['role1']}",
        f"GRANT SELECT ON {schema}.{table} TO {n['reguser']}",
        f"GRANT SELECT ON {schema}.{table} TO ROLE {n['role1']}",
        f"GRANT SELECT ON {schema}.{table} TO {n['user1']}",
    )
    relation = (
        "SELECT namespace_name, relation_name, privilege_type, identity_name, identity_type, admin_option"
        f" FROM svv_relation_privileges WHERE relation_name = '{table}' AND privilege_type = 'SELECT' ORDER BY 4"
    )
    expected = [
        (schema, table, "SELECT", n["reguser"], "user", False),
        (schema, table, "SELECT", n["role1"], "role", False),
        (schema, table, "SELECT", n["user1"], "user", False),
    ]
    assert run(cluster, relation) == expected
    assert run(as_user(cluster, n["reguser"]), relation) == expected[:2]
    schemas = (
        "SELECT namespace_name, privilege_type, identity_name, identity_type, admin_option, privilege_scope"
        f" FROM svv_schema_privileges WHERE namespace_name = '{schema}' ORDER BY 3"
    )
    assert run(cluster, schemas) == [
        (schema, "USAGE", n["reguser"], "user", False, "SCHEMA"),
        (schema, "USAGE", n["role1"], "role", False, "SCHEMA"),
    ]
