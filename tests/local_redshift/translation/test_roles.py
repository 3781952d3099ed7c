"""Role-based access control read as its pages have it, into PostgreSQL's role statements."""

from __future__ import annotations

import pytest

from local_redshift.errors import UnsupportedFeature
from local_redshift.translation import translate
from local_redshift.translation.roles import DATABASE_SLOT, ROLE_MARK

PASSED = [
    # r_GRANT-examples.html's ROLE examples
    ("GRANT ROLE sample_role1 TO user1", "GRANT sample_role1 TO user1"),
    ("GRANT ROLE sample_role1 TO user1 WITH ADMIN OPTION", "GRANT sample_role1 TO user1 WITH ADMIN OPTION"),
    ("GRANT ROLE sample_role1 TO ROLE sample_role2", "GRANT sample_role1 TO sample_role2"),
    ("grant role r to u", "grant r to u"),
    # r_REVOKE.html
    ("REVOKE ROLE sample_role1 FROM user1", "REVOKE sample_role1 FROM user1"),
    ("REVOKE ADMIN OPTION FOR ROLE sample_role1 FROM user1", "REVOKE ADMIN OPTION FOR sample_role1 FROM user1"),
    ("REVOKE ROLE sample_role1 FROM ROLE sample_role2", "REVOKE sample_role1 FROM sample_role2"),
    # privileges granted to a role (r_GRANT.html: TO ROLE role_name)
    ("GRANT SELECT ON TABLE s.t TO ROLE r", "GRANT SELECT ON TABLE s.t TO r"),
    ("GRANT USAGE ON SCHEMA s TO ROLE r", "GRANT USAGE ON SCHEMA s TO r"),
    ("REVOKE SELECT ON t FROM ROLE r", "REVOKE SELECT ON t FROM r"),
    (
        "GRANT SELECT ON ALL TABLES IN SCHEMA s TO ROLE r, GROUP g",
        "GRANT SELECT ON ALL TABLES IN SCHEMA s TO r , GROUP g",
    ),
    # what PostgreSQL reads as Redshift does
    ("GRANT sample_role1 TO user1", "GRANT sample_role1 TO user1"),  # r_DROP_ROLE.html's example
    ("GRANT SELECT ON t TO GROUP g", "GRANT SELECT ON t TO GROUP g"),
    ("ALTER ROLE r RENAME TO r2", "ALTER ROLE r RENAME TO r2"),
    # r_SET_SESSION_AUTHORIZATION.html's examples: the master user acts as the user it names
    ("SET SESSION AUTHORIZATION 'dwuser'", "SET ROLE 'dwuser'"),
    ("SET LOCAL SESSION AUTHORIZATION 'dwuser'", "SET LOCAL ROLE 'dwuser'"),
    ("SET SESSION AUTHORIZATION DEFAULT", "RESET ROLE"),
    ("SET LOCAL SESSION AUTHORIZATION DEFAULT", "SET LOCAL ROLE NONE"),
    ("RESET SESSION AUTHORIZATION", "RESET ROLE"),
]


@pytest.mark.parametrize(("sql", "postgres"), PASSED)
def test_role_grants_become_postgresql_grants(sql, postgres):
    [statement] = translate(sql)
    assert statement.postgres == [postgres]


def test_create_role_makes_a_role_that_cannot_log_in_marked_as_a_redshift_role():
    [statement] = translate("CREATE ROLE sample_role1")  # r_CREATE_ROLE.html
    assert statement.user is not None and statement.user.tag == "CREATE ROLE"
    assert statement.user.postgres(None) == (
        f"""CREATE ROLE "sample_role1" NOLOGIN;\nCOMMENT ON ROLE "sample_role1" IS '{ROLE_MARK}'"""
    )


def test_drop_role_checks_before_it_drops_unless_force():
    """r_DROP_ROLE.html: RESTRICT (the default) refuses a role granted to a user or granted another role."""
    [restrict] = translate("DROP ROLE sample_role1")
    [force] = translate("DROP ROLE sample_role FORCE")
    assert "granted on a user" in restrict.user.postgres(None) and "depends on another role" in restrict.user.postgres(
        None
    )
    assert "granted on a user" not in force.user.postgres(None)
    assert force.user.postgres(None).endswith('DROP ROLE "sample_role"')


REFUSED = [
    ("GRANT ROLE sys:dba TO user1", 'The system-defined role "sys:dba"'),  # r_GRANT-examples.html
    ("GRANT ROLE sys:secadmin TO ROLE r", '"sys:secadmin"'),
    ('GRANT ROLE "sys:superuser" TO u', '"sys:superuser"'),
    ("GRANT ROLE sys:monitor TO u WITH ADMIN OPTION", 'ADMIN OPTION of the system-defined role "sys:monitor"'),
    ("GRANT CREATE USER TO ROLE sample_role1", "system privilege"),  # r_GRANT-examples.html
    ('CREATE ROLE sample_role1 EXTERNALID "ABC123"', "EXTERNALID"),  # r_CREATE_ROLE.html
    ("ALTER ROLE r OWNER TO u", r"ALTER ROLE \.\.\. OWNER TO"),
    ("ALTER ROLE r EXTERNALID TO x", "EXTERNALID TO"),
    ("ALTER ROLE r LOGIN", "ALTER ROLE with an option other than RENAME TO"),
    ("ALTER ROLE r WITH PASSWORD 'x'", "ALTER ROLE with an option"),
    ("CREATE ROLE evil SUPERUSER", "SUPERUSER option"),  # translation.privileges, first
    ("grant assumerole on 'arn:aws:iam::123456789012:role/Redshift-S3-Read' to reg_user1 for copy", "ASSUMEROLE"),
    ("revoke assumerole on all from public for all", "ASSUMEROLE"),  # r_GRANT-examples.html
]


@pytest.mark.parametrize(("sql", "message"), REFUSED)
def test_what_the_local_redshift_cannot_give_is_refused_by_name(sql, message):
    with pytest.raises(UnsupportedFeature, match=message):
        translate(sql)


def test_grant_on_database_names_the_clusters_database_for_the_endpoint_to_fill_in():
    """r_GRANT.html: GRANT { CREATE | TEMPORARY | TEMP } ON DATABASE db_name: the PostgreSQL database behind the
    cluster's has another name, which the endpoint puts in DATABASE_SLOT."""
    [statement] = translate("GRANT CREATE ON DATABASE dev TO u")
    assert statement.user.database == "dev" and statement.user.tag == "GRANT"
    assert statement.user.postgres(None) == f"GRANT CREATE ON DATABASE {DATABASE_SLOT} TO u"
