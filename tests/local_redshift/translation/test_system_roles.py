"""GRANT ROLE and REVOKE ROLE of the system-defined roles, read without a server (r_GRANT.html's and r_REVOKE.html's
ROLE forms; r_roles-default.html's roles): what the endpoint runs for them, and what is refused by name."""

from __future__ import annotations

import pytest

from local_redshift.errors import RedshiftError, UnsupportedFeature
from local_redshift.translation import translate


def _text(sql: str) -> str:
    [statement] = translate(sql)
    assert statement.user is not None
    return statement.user.postgres(None)


@pytest.mark.parametrize("written", ["sys:monitor", '"sys:monitor"', "SYS:MONITOR"])
def test_grant_role_of_sys_monitor_is_the_catalogs_grant_after_the_grantee_check(written):
    text = _text(f"GRANT ROLE {written} TO alice")
    assert text.endswith("SELECT redshift_system.grant_system_role('sys:monitor', 'alice', false)")
    assert 'user "alice" does not exist' in text


def test_a_grant_to_a_role_checks_a_role_and_other_roles_are_granted_as_postgresql_grants_them():
    # r_GRANT: GRANT ROLE role_name [, ...] TO { user_name | ROLE role_name } [, ...]
    text = _text("GRANT ROLE sys:operator, analysts TO ROLE r2")
    assert 'role "r2" does not exist' in text
    assert "grant_system_role('sys:operator', 'r2', false)" in text
    assert text.endswith('GRANT "analysts" TO "r2"')


def test_revoke_role_of_sys_operator_revokes_through_the_catalog():
    # r_REVOKE: REVOKE ROLE role_name [, ...] FROM { user_name | ROLE role_name } [, ...]
    [statement] = translate("REVOKE ROLE sys:operator FROM bob")
    assert statement.user is not None and statement.user.tag == "REVOKE"
    assert statement.user.postgres(None).endswith("grant_system_role('sys:operator', 'bob', true)")


def test_grant_role_of_no_system_defined_role_is_translation_roles_own():
    [statement] = translate("GRANT ROLE analysts TO bob")
    assert statement.user is None and statement.postgres == ["GRANT analysts TO bob"]


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("GRANT ROLE sys:dba TO bob", 'system-defined role "sys:dba"'),
        ("GRANT ROLE sys:secadmin TO ROLE r", 'system-defined role "sys:secadmin"'),
        ("GRANT ROLE sys:superuser TO bob", 'system-defined role "sys:superuser"'),
        ("GRANT ROLE sys:monitor TO bob WITH ADMIN OPTION", "ADMIN OPTION"),
        ("REVOKE ADMIN OPTION FOR ROLE sys:operator FROM bob", "ADMIN OPTION"),
    ],
)
def test_what_the_local_redshift_cannot_give_is_refused_by_name(sql, message):
    with pytest.raises(UnsupportedFeature, match=message):
        translate(sql)


def test_a_system_defined_role_redshift_does_not_have_does_not_exist():
    with pytest.raises(RedshiftError, match='role "sys:nosuch" does not exist'):
        translate("GRANT ROLE sys:nosuch TO bob")


def test_create_role_refuses_the_sys_prefix():
    # r_roles-default.html: "You can't use the sys: prefix for a custom system-defined role"
    with pytest.raises(RedshiftError, match='role name "sys:mine" is reserved'):
        translate('CREATE ROLE "sys:mine"')
