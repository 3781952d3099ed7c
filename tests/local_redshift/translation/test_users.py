"""CREATE, ALTER and DROP USER read as their pages have them, into the role statements the endpoint runs."""

from __future__ import annotations

import hashlib

import pytest

from local_redshift.errors import RedshiftError, UnsupportedFeature
from local_redshift.translation import translate
from local_redshift.translation.users import UserStatement


def user(sql: str) -> UserStatement:
    [statement] = translate(sql)
    assert statement.user is not None and statement.postgres == []
    return statement.user


# Each page's examples; what PostgreSQL runs, "RP" standing for the role's password of the endpoint's own.
CASES = [
    # r_CREATE_USER.html
    (
        "create user dbuser with password 'abcD1234' createdb connection limit 30",
        """CREATE ROLE "dbuser" LOGIN PASSWORD 'RP' CREATEDB CONNECTION LIMIT 30""",
    ),
    (
        "create user dbuser with password 'abcD1234' valid until '2017-06-10'",
        """CREATE ROLE "dbuser" LOGIN PASSWORD 'RP' VALID UNTIL '2017-06-10'""",
    ),
    ("create user newman with password '@AbC4321!'", """CREATE ROLE "newman" LOGIN PASSWORD 'RP'"""),
    ("create user user1 password 'md5153c434b4b77c89e6b94f12c5393af5b'", """CREATE ROLE "user1" LOGIN PASSWORD 'RP'"""),
    (
        "CREATE USER dbuser password 'abcD1234' SESSION TIMEOUT 120",
        """CREATE ROLE "dbuser" LOGIN PASSWORD 'RP';\nALTER ROLE "dbuser" SET idle_session_timeout = '120s'""",
    ),
    ("CREATE USER GUEST PASSWORD 'ABCd4321'", """CREATE ROLE "guest" LOGIN PASSWORD 'RP'"""),  # t_adding_redshift_user
    (
        "create user u password 'abcD1234' in group g1, \"G2\" nocreateuser syslog access restricted",
        """CREATE ROLE "u" LOGIN PASSWORD 'RP' IN ROLE "g1", "G2\"""",
    ),
    ("create user \"Mixed\" password 'abcD1234'", """CREATE ROLE "Mixed" LOGIN PASSWORD 'RP'"""),
    # r_ALTER_USER.html
    ("alter user admin createdb", """ALTER ROLE "admin" WITH CREATEDB"""),
    (
        "alter user admin password 'adminPass9' valid until '2017-12-31 23:59'",
        """ALTER ROLE "admin" WITH PASSWORD 'RP' VALID UNTIL '2017-12-31 23:59'""",
    ),
    (
        "alter user admin rename to sysadmin",
        """ALTER ROLE "admin" RENAME TO "sysadmin";\nALTER ROLE "sysadmin" PASSWORD NULL""",
    ),
    ("alter user u connection limit unlimited", """ALTER ROLE "u" WITH CONNECTION LIMIT -1"""),
    ('alter user u set search_path to public, "$user"', """ALTER ROLE "u" SET "search_path" TO public, "$user\""""),
    ("alter user u reset search_path", """ALTER ROLE "u" RESET "search_path\""""),
    # r_DROP_USER.html, after a check that each name is a user's
    ("drop user paulo", 'DROP ROLE "paulo"'),
    ("drop user paulo, martha", 'DROP ROLE "paulo", "martha"'),
    ("drop user if exists paulo", 'DROP ROLE IF EXISTS "paulo"'),
]


@pytest.mark.parametrize(("sql", "postgres"), CASES)
def test_the_pages_examples_become_role_statements(sql, postgres):
    statements = user(sql).postgres("RP")
    if sql.startswith("drop user"):
        assert statements.split(";\n")[-1] == postgres
        # first each user's existence, then (r_DROP_USER.html) that it holds no privilege the catalog keeps
        checks = statements.split(";\n")[:-1]
        assert all("does not exist" in check or "has a privilege on some object" in check for check in checks)
    else:
        assert statements == postgres


def test_the_password_is_kept_as_its_md5_verifier_never_as_written():
    """r_CREATE_USER.html: md5('ez' || 'user1') = 153c434b4b77c89e6b94f12c5393af5b; a clear-text password is kept
    as the md5 of password and user name too ("an MD5 digest is generated using the username as the salt")."""
    assert user("create user user1 password 'md5153c434b4b77c89e6b94f12c5393af5b'").password.verifier == (
        "153c434b4b77c89e6b94f12c5393af5b"
    )
    statement = user("create user user1 password 'ezEZ1234'")
    assert statement.password.verifier == hashlib.md5(b"ezEZ1234user1").hexdigest()
    assert "ezEZ1234" not in statement.postgres("RP")
    assert user("alter user user1 password disable").password.verifier is None
    assert user("alter user user1 password disable").postgres(None) == 'ALTER ROLE "user1" WITH PASSWORD NULL'


REFUSED = [
    ("create user u password 'abD1234'", RedshiftError, "8 to 64 characters"),
    ("create user u password 'abcd12345'", RedshiftError, "one uppercase letter"),
    ("create user u password 'abcD\"1234'", RedshiftError, "ASCII characters"),
    ("create user u password 'sha256|Mypassword1'", UnsupportedFeature, "SHA-256"),
    ("create user u password 'abcD1234' syslog access unrestricted", UnsupportedFeature, "SYSLOG ACCESS UNRESTRICTED"),
    ('create user u externalid "ABC123" password disable', UnsupportedFeature, "EXTERNALID"),
    ("create user u password 'abcD1234' session timeout 30", RedshiftError, "from 60 to 1728000"),
    ("create user u", RedshiftError, "syntax error at end of input"),
    ("create user u password 'abcD1234' superpowers", RedshiftError, 'syntax error at or near "superpowers"'),
    ("alter user u rename to v createdb", RedshiftError, 'syntax error at or near "createdb"'),
]


@pytest.mark.parametrize(("sql", "error", "message"), REFUSED)
def test_what_the_pages_do_not_allow_is_refused(sql, error, message):
    with pytest.raises(error, match=message):
        translate(sql)
