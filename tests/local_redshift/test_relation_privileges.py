"""The table privileges PostgreSQL lacks, ALTER and DROP, granted and revoked as r_GRANT.html and r_REVOKE.html have
them and holding for their grantees; GRANT ALL grants them with RULE (catalog_sql/64_relation_privileges.sql,
translation/table_grants.py). Tried with psycopg (both protocols) and redshift_connector against the running stack."""

from __future__ import annotations

import dataclasses
import uuid

import psycopg
import pytest

from tests.local_redshift.conftest import Login, create_cluster, run

PASSWORD = "abcD1234"  # r_CREATE_USER.html's first example


@pytest.fixture(scope="module")
def cluster(local_stack) -> Login:
    return create_cluster(local_stack, f"privileges-{uuid.uuid4().hex[:8]}")


def new_user(cluster: Login) -> Login:
    name = f"grantee_{uuid.uuid4().hex[:6]}"
    run(cluster, f"CREATE USER {name} PASSWORD '{PASSWORD}'")
    return dataclasses.replace(cluster, user=name, password=PASSWORD)


def new_table(cluster: Login, columns: str = "id INTEGER") -> str:
    name = f"t_{uuid.uuid4().hex[:8]}"
    run(cluster, f"CREATE TABLE public.{name} ({columns})")
    return name


def grants(cluster: Login, table: str) -> list[tuple]:
    """SHOW GRANTS ON TABLE's privilege_type, identity_name, admin_option and grantor_name (r_SHOW_GRANTS.html)."""
    rows = run(cluster, f"SHOW GRANTS ON TABLE public.{table}")
    return sorted((row[4], row[6], row[8], row[10]) for row in rows)


def test_grant_all_grants_every_privilege_of_a_table(cluster):
    # r_GRANT.html: "ALL [ PRIVILEGES ] Grants all available permissions at once"; a table's are those r_REVOKE.html
    # lists (SELECT, INSERT, UPDATE, DELETE, DROP, REFERENCES, ALTER, TRUNCATE) and RULE and TRIGGER, two privilege
    # types r_SVV_DEFAULT_PRIVILEGES.html names.
    user, table = new_user(cluster), new_table(cluster)
    run(cluster, f"GRANT ALL ON public.{table} TO {user.user} WITH GRANT OPTION")
    expected = ["ALTER", "DELETE", "DROP", "INSERT", "REFERENCES", "RULE", "SELECT", "TRIGGER", "TRUNCATE", "UPDATE"]
    assert grants(cluster, table) == [(privilege, user.user, True, cluster.user) for privilege in expected]
    run(cluster, f"REVOKE ALL ON public.{table} FROM {user.user}")
    assert grants(cluster, table) == []


def test_a_group_granted_drop_drops_the_table_and_no_one_else_may(cluster):
    # r_GRANT-examples.html: "grant drop on table qa_tickit.sales to group qa_users"; r_GRANT.html: DROP "Grants
    # permission to drop a table."
    member, other = new_user(cluster), new_user(cluster)
    group, table = f"qa_users_{uuid.uuid4().hex[:6]}", new_table(cluster)
    run(
        cluster, f"CREATE GROUP {group} WITH USER {member.user}", f"grant drop on table public.{table} to group {group}"
    )
    listed = f"SELECT privilege_type, identity_name FROM svv_relation_privileges WHERE relation_name = '{table}'"
    assert run(cluster, listed) == [("DROP", group)]
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match=f"must be owner of table {table}"):
        run(other, f"DROP TABLE public.{table}")
    with member.redshift_connector() as connection:  # the extended protocol, in a transaction of the driver's
        connection.cursor().execute(f"DROP TABLE public.{table}")
        connection.commit()
    assert run(cluster, f"SELECT count(*) FROM pg_tables WHERE tablename = '{table}'") == [(0,)]


def test_a_grantee_of_alter_alters_the_table_which_keeps_its_owner_and_grants(cluster):
    # r_REVOKE.html lists ALTER among a table's privileges; the table's owner stays the one who created it.
    user, reader = new_user(cluster), new_user(cluster)
    table = new_table(cluster, "id INTEGER, secret VARCHAR(10)")
    run(
        cluster,
        f"GRANT ALTER ON public.{table} TO {user.user}",
        f"GRANT SELECT (id) ON public.{table} TO {reader.user}",
    )
    run(cluster, f"GRANT SELECT ON public.{table} TO {user.user}")
    before = grants(cluster, table)
    altered = f"ALTER TABLE public.{table}"
    with user.psycopg(autocommit=True, cursor_factory=psycopg.ClientCursor) as connection:  # one simple query
        connection.execute(f"{altered} ADD COLUMN added INTEGER; {altered} RENAME COLUMN added TO extra")
    assert run(cluster, f"SELECT tableowner FROM pg_tables WHERE tablename = '{table}'") == [(cluster.user,)]
    assert grants(cluster, table) == before
    assert run(cluster, f"SHOW COLUMN GRANTS ON TABLE public.{table}")[0][3] == "id"
    assert run(reader, f"SELECT id FROM public.{table}") == []
    assert run(cluster, f"SELECT extra FROM public.{table}") == []
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match=f"must be owner of table {table}"):
        run(reader, f"ALTER TABLE public.{table} ADD COLUMN other INTEGER")


def test_a_grantee_with_grant_option_grants_on_and_revoke_needs_cascade_for_what_it_granted(cluster):
    # r_GRANT-usage-notes.html: to grant a privilege one must own the object, be a superuser or "Have a grant
    # privilege for that object and privilege"; r_REVOKE.html: CASCADE.
    admin, user, table = new_user(cluster), new_user(cluster), new_table(cluster)
    run(cluster, f"GRANT DROP ON public.{table} TO {admin.user} WITH GRANT OPTION")
    run(admin, f"GRANT DROP ON public.{table} TO {user.user}")
    assert ("DROP", user.user, False, admin.user) in grants(cluster, table)
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match=f"permission denied for relation {table}"):
        run(user, f"GRANT DROP ON public.{table} TO {admin.user}")
    with pytest.raises(psycopg.errors.DependentObjectsStillExist, match="dependent privileges exist"):
        run(cluster, f"REVOKE DROP ON public.{table} FROM {admin.user}")
    run(cluster, f"REVOKE DROP ON public.{table} FROM {admin.user} CASCADE")
    assert grants(cluster, table) == []
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="must be owner"):
        run(user, f"DROP TABLE public.{table}")


def test_a_dropped_table_leaves_no_privileges_behind(cluster):
    user, table = new_user(cluster), new_table(cluster)
    run(cluster, f"GRANT DROP, ALTER ON public.{table} TO {user.user}")
    relid = run(cluster, f"SELECT '{table}'::regclass::oid")[0][0]
    run(user, f"DROP TABLE public.{table}")
    kept = "SELECT count(*) FROM redshift_system.relation_privileges WHERE relid = %s"
    with cluster.psycopg() as connection:
        assert connection.execute(kept.replace("%s", str(relid))).fetchone() == (0,)


def test_has_table_privilege_answers_for_drop(cluster):
    # r_HAS_TABLE_PRIVILEGE.html: the privileges to check are SELECT, INSERT, UPDATE, DELETE, DROP and REFERENCES;
    # its first example finds that a user without a grant has no SELECT privilege.
    user, table = new_user(cluster), new_table(cluster)
    asked = f"SELECT has_table_privilege('{user.user}', '{table}', '%s')"
    assert run(cluster, asked % "drop") == [(False,)] and run(cluster, asked % "select") == [(False,)]
    run(cluster, f"GRANT DROP ON public.{table} TO {user.user}")
    assert run(cluster, asked % "drop") == [(True,)] and run(cluster, asked % "select") == [(False,)]
    assert run(user, f"SELECT has_table_privilege('{table}', 'DROP')") == [(True,)]
    assert run(cluster, f"SELECT has_table_privilege('{cluster.user}', '{table}', 'drop')") == [(True,)]  # the owner


def test_a_user_or_group_holding_alter_or_drop_cannot_be_dropped_until_it_is_revoked(cluster):
    # r_DROP_USER.html: "user "username" can't be dropped because the user has a privilege on some object";
    # r_DROP_GROUP.html: the group's error likewise; once revoked, both drop
    user, table = new_user(cluster), new_table(cluster)
    group = f"qa_users_{uuid.uuid4().hex[:6]}"
    run(cluster, f"CREATE GROUP {group}", f"GRANT ALTER ON public.{table} TO {user.user}")
    run(cluster, f"GRANT DROP ON public.{table} TO GROUP {group}")
    for statement, refusal in (
        (f"DROP USER {user.user}", f'user "{user.user}" can\'t be dropped because the user has a privilege'),
        (f"DROP GROUP {group}", f'group "{group}" can\'t be dropped because the group has a privilege'),
    ):
        with cluster.psycopg(autocommit=True) as connection, pytest.raises(psycopg.errors.ObjectInUse, match=refusal):
            connection.execute(statement)
    run(
        cluster, f"REVOKE ALTER ON public.{table} FROM {user.user}", f"REVOKE DROP ON public.{table} FROM GROUP {group}"
    )
    run(cluster, f"DROP USER {user.user}", f"DROP GROUP {group}")
    assert grants(cluster, table) == []


def test_a_grantee_of_alter_changes_a_column_s_encoding_and_no_one_else_may(cluster):
    # r_ALTER_TABLE.html: "Users with the ALTER TABLE privilege" alter a table, ALTER COLUMN ... ENCODE included
    user, other = new_user(cluster), new_user(cluster)
    table = new_table(cluster, "id INTEGER")
    run(cluster, f"GRANT ALTER ON public.{table} TO {user.user}")
    run(user, f"ALTER TABLE public.{table} ALTER COLUMN id ENCODE zstd")
    encoding = f"SELECT trim(encoding) FROM pg_table_def WHERE tablename = '{table}'"
    assert run(cluster, encoding) == [("zstd",)]
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="must be owner of table"):
        run(other, f"ALTER TABLE public.{table} ALTER ENCODE AUTO")
    assert run(cluster, encoding) == [("zstd",)]
