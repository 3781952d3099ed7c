"""Redshift's system-defined roles through the endpoint (r_roles-default.html): every cluster has them, SVV_ROLES,
SVV_USER_GRANTS and SVV_ROLE_GRANTS list them and their grants, sys:monitor and sys:operator do for their holders
what the page says, and the roles whose permissions the local Redshift cannot give are refused by name."""

from __future__ import annotations

import dataclasses
import uuid

import psycopg
import pytest

from tests.local_redshift.conftest import Login, create_cluster, run

PASSWORD = "Abcd1234"
SYSTEM_ROLES = ["sys:dba", "sys:monitor", "sys:operator", "sys:secadmin", "sys:superuser"]  # r_roles-default.html


@pytest.fixture(scope="module")
def cluster(local_stack) -> Login:
    return create_cluster(local_stack, f"sysroles-{uuid.uuid4().hex[:8]}")


@pytest.fixture
def user(cluster) -> str:
    name = f"holder_{uuid.uuid4().hex[:6]}"
    run(cluster, f"CREATE USER {name} PASSWORD '{PASSWORD}'")
    return name


def as_user(cluster: Login, user: str) -> Login:
    return dataclasses.replace(cluster, user=user, password=PASSWORD)


def test_svv_roles_lists_the_system_defined_roles(cluster):
    # r_roles-default.html: "Amazon Redshift provides a few system-defined roles ... System-specific roles start with
    # a sys: prefix"; SVV_ROLES: "view role information"
    rows = run(cluster, "SELECT role_name FROM svv_roles WHERE role_name LIKE 'sys:%' ORDER BY role_name")
    assert [row[0] for row in rows] == SYSTEM_ROLES


def test_grant_role_sys_monitor_lets_a_user_see_every_users_queries(cluster, user):
    # sys:monitor "has the permission to access catalog or system tables"; STL_QUERY: "Superusers can see all rows;
    # regular users can see only their own data"
    marker = uuid.uuid4().hex[:8]
    run(cluster, f"CREATE TABLE t_{marker} (a INT)", f"SELECT count(*) FROM t_{marker}")
    seen = f"SELECT count(*) FROM stl_query WHERE trim(querytxt) = 'SELECT count(*) FROM t_{marker}'"
    holder = as_user(cluster, user)
    assert run(holder, seen) == [(0,)]
    assert run(cluster, f"GRANT ROLE sys:monitor TO {user}", "SELECT 1") == [(1,)]
    # SVV_USER_GRANTS: one row per role granted to a user
    grants = run(cluster, f"SELECT user_name, role_name FROM svv_user_grants WHERE user_name = '{user}'")
    assert grants == [(user, "sys:monitor")]
    assert run(holder, seen) == [(1,)]
    # STV_SESSIONS: "Superusers can see all rows; regular users can see only their own data"
    with cluster.psycopg(autocommit=True) as master:
        (pid,) = master.execute("SELECT pg_backend_pid()").fetchone()
        assert run(holder, f"SELECT count(*) FROM stv_sessions WHERE process = {pid}") == [(1,)]
        with holder.psycopg(autocommit=True) as held:
            (held_pid,) = held.execute("SELECT pg_backend_pid()").fetchone()
            # and a superuser sees the holder's
            assert master.execute(
                f"SELECT trim(user_name) FROM stv_sessions WHERE process = {held_pid}"
            ).fetchall() == [(user,)]
        # the endpoint's own connections to the cluster's server are no sessions of the cluster
        names = {row[0] for row in run(holder, "SELECT DISTINCT trim(user_name) FROM stv_sessions")}
        assert names <= {cluster.user, user}
    run(cluster, f"REVOKE ROLE sys:monitor FROM {user}")
    assert run(holder, seen) == [(0,)]
    assert run(cluster, f"SELECT count(*) FROM svv_user_grants WHERE user_name = '{user}'") == [(0,)]


def test_grant_role_sys_operator_to_a_role_shows_in_svv_role_grants_and_lets_its_users_analyze(cluster, user):
    # SVV_ROLE_GRANTS' example: GRANT ROLE role1 TO ROLE role2 gives role_name role2, granted_role_name role1;
    # sys:operator "has the permissions to access catalog or system tables, analyze, vacuum, or cancel queries"
    role = f"ops_{uuid.uuid4().hex[:6]}"
    table = f"owned_{uuid.uuid4().hex[:6]}"
    run(cluster, f"CREATE ROLE {role}", f"CREATE TABLE {table} (a INT)", f"INSERT INTO {table} VALUES (1)")
    run(cluster, f'GRANT ROLE "sys:operator" TO ROLE {role}', f"GRANT ROLE {role} TO {user}")
    rows = run(cluster, f"SELECT role_name, granted_role_name FROM svv_role_grants WHERE role_name = '{role}'")
    assert rows == [(role, "sys:operator")]
    warnings: list[str] = []
    with as_user(cluster, user).psycopg(autocommit=True) as connection:
        connection.add_notice_handler(lambda notice: warnings.append(notice.message_primary))
        connection.execute(f"ANALYZE {table}")
        connection.execute(f"VACUUM {table}")
    assert warnings == []  # the table is the master user's: without the role PostgreSQL would skip it
    run(cluster, f"REVOKE ROLE sys:operator FROM ROLE {role}")
    assert run(cluster, f"SELECT count(*) FROM svv_role_grants WHERE role_name = '{role}'") == [(0,)]


def test_a_grant_of_a_system_defined_role_rolled_back_is_not_held(cluster, user):
    with cluster.psycopg() as connection:
        connection.execute(f"GRANT ROLE sys:monitor TO {user}")
        assert connection.execute(f"SELECT count(*) FROM svv_user_grants WHERE user_name = '{user}'").fetchone() == (1,)
        connection.rollback()
    assert run(cluster, f"SELECT count(*) FROM svv_user_grants WHERE user_name = '{user}'") == [(0,)]


@pytest.mark.parametrize("role", ["sys:dba", "sys:secadmin", "sys:superuser"])
def test_the_roles_whose_permissions_postgresql_cannot_give_are_refused_by_name(cluster, user, role):
    with pytest.raises(psycopg.errors.FeatureNotSupported, match=f'system-defined role "{role}"'):
        run(cluster, f"GRANT ROLE {role} TO {user}")


def test_a_user_that_is_no_superuser_cannot_grant_a_system_defined_role(cluster, user):
    other = f"other_{uuid.uuid4().hex[:6]}"
    run(cluster, f"CREATE USER {other} PASSWORD '{PASSWORD}'")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match='permission denied to grant role "sys:monitor"'):
        run(as_user(cluster, user), f"GRANT ROLE sys:monitor TO {other}")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # nor around the statement, through the function
        run(as_user(cluster, user), f"SELECT redshift_system.grant_system_role('sys:monitor', '{user}', false)")


def test_a_grant_to_no_user_of_the_cluster_says_it_does_not_exist(cluster):
    with pytest.raises(psycopg.errors.UndefinedObject, match='user "nobody_here" does not exist'):
        run(cluster, "GRANT ROLE sys:monitor TO nobody_here")
    with pytest.raises(psycopg.errors.UndefinedObject, match='role "sys:nosuch" does not exist'):
        run(cluster, "GRANT ROLE sys:nosuch TO nobody_here")


def test_create_role_refuses_the_sys_prefix(cluster):
    # r_roles-default.html: "You can't use the sys: prefix for a custom system-defined role"
    with pytest.raises(psycopg.errors.ReservedName, match='"sys:mine"'):
        run(cluster, 'CREATE ROLE "sys:mine"')
