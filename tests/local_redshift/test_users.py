"""The users a cluster creates log in through the endpoint, with the password forms r_CREATE_USER.html allows, to
their cluster only, as ordinary users; ALTER USER and DROP USER keep their logins in step (r_ALTER_USER.html,
r_DROP_USER.html). Tried with psycopg and redshift_connector against the running stack."""

from __future__ import annotations

import dataclasses
import stat
import uuid

import psycopg
import pytest

from local_redshift.logins import KEY_FILE, LOGINS_FILE
from tests.local_redshift.conftest import Login, create_cluster
from tests.local_redshift.serverless.workgroups import create_workgroup

PASSWORD = "abcD1234"  # r_CREATE_USER.html's first example


@pytest.fixture(scope="module")
def cluster(local_stack) -> Login:
    return create_cluster(local_stack, f"users-{uuid.uuid4().hex[:8]}")


def new_user(prefix: str = "dbuser") -> str:
    return f"{prefix}_{uuid.uuid4().hex[:6]}"


def as_user(cluster: Login, user: str, password: str) -> Login:
    return dataclasses.replace(cluster, user=user, password=password)


def run(login: Login, *statements: str) -> None:
    with login.psycopg(autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def refused(login: Login) -> None:
    with pytest.raises(psycopg.OperationalError, match=f'password authentication failed for user "{login.user}"'):
        login.psycopg().close()


def test_a_created_user_logs_in_with_its_password_as_an_ordinary_user(cluster):
    user = new_user()
    run(cluster, f"create user {user} with password '{PASSWORD}' createdb connection limit 30")
    with as_user(cluster, user, PASSWORD).psycopg() as connection:
        assert connection.execute("SELECT current_user, current_database()").fetchone() == (user, cluster.database)
        assert connection.execute(
            "SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user"
        ).fetchone() == (False, False)
    with as_user(cluster, user, PASSWORD).redshift_connector() as connection:
        cursor = connection.cursor()
        cursor.execute("SELECT current_user")
        assert cursor.fetchone() == [user]


def test_users_made_in_the_extended_protocol_and_several_to_a_query_log_in(cluster):
    """redshift_connector prepares each statement (the extended protocol); a simple query may hold several."""
    first, second, third = new_user(), new_user(), new_user()
    with cluster.redshift_connector() as connection:
        cursor = connection.cursor()
        cursor.execute(f"CREATE USER {first} PASSWORD '{PASSWORD}'")
        connection.commit()
    run(cluster, f"CREATE USER {second} PASSWORD '{PASSWORD}'; CREATE USER {third} PASSWORD 'Third1234'; SELECT 1")
    for user, password in ((first, PASSWORD), (second, PASSWORD), (third, "Third1234")):
        with as_user(cluster, user, password).redshift_connector() as connection:
            cursor = connection.cursor()
            cursor.execute("SELECT current_user")
            assert cursor.fetchone() == [user]


def test_the_command_tags_are_redshifts(cluster):
    user = new_user()
    with cluster.psycopg(autocommit=True) as connection:
        assert connection.execute(f"CREATE USER {user} PASSWORD '{PASSWORD}'").statusmessage == "CREATE USER"
        assert connection.execute(f"ALTER USER {user} CONNECTION LIMIT 5").statusmessage == "ALTER USER"
        assert connection.execute(f"DROP USER {user}").statusmessage == "DROP USER"


def test_an_md5_hash_of_password_and_user_name_logs_in_with_the_password(cluster):
    """r_CREATE_USER.html: md5('ez' || 'user1') is 153c434b4b77c89e6b94f12c5393af5b; user1 then logs on with 'ez'.
    The user here has a name of its own, so its hash is made by the same rule."""
    user = new_user("user1")
    with cluster.psycopg(autocommit=True) as connection:
        assert connection.execute("select md5('ez' || 'user1')").fetchone() == ("153c434b4b77c89e6b94f12c5393af5b",)
        [digest] = connection.execute(f"select md5('ez' || '{user}')").fetchone()
        connection.execute(f"create user {user} password 'md5{digest}'")
    with as_user(cluster, user, "ez").psycopg() as connection:
        assert connection.execute("SELECT current_user").fetchone() == (user,)
    refused(as_user(cluster, user, f"md5{digest}"))  # the hash is no password


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("abD1234", "8 to 64 characters"),  # one short of 8
        ("aB1" + "x" * 62, "8 to 64 characters"),  # 65
        ("abcd12345", "one uppercase letter, one lowercase letter, and one number"),
        ("ABCD12345", "one uppercase letter, one lowercase letter, and one number"),
        ("abcdEFGHI", "one uppercase letter, one lowercase letter, and one number"),
        ("abcD 1234", "ASCII characters 33-126"),  # a space is ASCII 32
        ("abcD/1234", "ASCII characters 33-126"),
    ],
)
def test_a_clear_text_password_outside_the_pages_constraints_is_refused(cluster, password, message):
    user = new_user()
    with cluster.psycopg(autocommit=True) as connection:
        with pytest.raises(psycopg.errors.InvalidParameterValue, match=message):
            connection.execute(f"CREATE USER {user} PASSWORD '{password}'")
        assert connection.execute("SELECT count(*) FROM pg_user WHERE usename = %s", [user]).fetchone() == (0,)


def test_the_pages_password_with_special_characters_is_taken(cluster):
    """r_CREATE_USER.html: create user newman with password '@AbC4321!'."""
    user = new_user("newman")
    run(cluster, f"create user {user} with password '@AbC4321!'")
    as_user(cluster, user, "@AbC4321!").psycopg().close()


def test_a_user_of_one_cluster_is_no_login_of_another(local_stack, cluster):
    """One endpoint serves every cluster: a login names its cluster by database, user and password."""
    other = create_cluster(local_stack, f"users-other-{uuid.uuid4().hex[:8]}", database="analytics")
    user = new_user()
    run(cluster, f"CREATE USER {user} PASSWORD '{PASSWORD}'")
    run(other, "SELECT 1")  # the other cluster's warehouse exists
    refused(as_user(other, user, PASSWORD))
    run(other, f"CREATE USER {user} PASSWORD 'Other1234'")
    refused(as_user(other, user, PASSWORD))
    with as_user(other, user, "Other1234").psycopg() as connection:
        assert connection.execute("SELECT current_database()").fetchone() == ("analytics",)
    refused(as_user(cluster, user, "Other1234"))


def test_the_same_user_name_in_two_clusters_of_one_database_name_logs_in_to_its_own(local_stack, cluster):
    twin = create_cluster(local_stack, f"users-twin-{uuid.uuid4().hex[:8]}")
    user = new_user()
    for login, password, mark in ((cluster, PASSWORD, "one"), (twin, "Twin12345", "two")):
        run(login, f"CREATE USER {user} PASSWORD '{password}'", f"CREATE TABLE {user}_mark AS SELECT '{mark}' AS m")
        run(login, f"GRANT SELECT ON {user}_mark TO {user}")
    for login, password, mark in ((cluster, PASSWORD, "one"), (twin, "Twin12345", "two")):
        with as_user(login, user, password).psycopg() as connection:
            assert connection.execute(f"SELECT m FROM {user}_mark").fetchone() == (mark,)


def test_a_create_user_rolled_back_leaves_no_login(cluster):
    user = new_user()
    with cluster.psycopg() as connection:  # psycopg opens a transaction block
        connection.execute(f"CREATE USER {user} PASSWORD '{PASSWORD}'")
        connection.rollback()
    refused(as_user(cluster, user, PASSWORD))


def test_a_create_user_committed_in_a_transaction_block_logs_in(cluster):
    user = new_user()
    with cluster.psycopg() as connection:
        connection.execute(f"CREATE USER {user} PASSWORD '{PASSWORD}'")
        connection.execute("SELECT 1")
        connection.commit()
    as_user(cluster, user, PASSWORD).psycopg().close()


def test_a_failed_create_user_leaves_no_login(cluster):
    user = new_user()
    # IN GROUP names a group that does not exist
    with cluster.psycopg(autocommit=True) as connection, pytest.raises(psycopg.errors.UndefinedObject):
        connection.execute(f"CREATE USER {user} PASSWORD '{PASSWORD}' IN GROUP no_such_group")
    refused(as_user(cluster, user, PASSWORD))


def test_alter_user_password_changes_the_login_and_a_rolled_back_one_does_not(cluster):
    """r_ALTER_USER.html: alter user admin password 'adminPass9' valid until ... (here without an expiry)."""
    user = new_user("admin")
    run(cluster, f"CREATE USER {user} PASSWORD '{PASSWORD}'", f"alter user {user} password 'adminPass9'")
    refused(as_user(cluster, user, PASSWORD))
    as_user(cluster, user, "adminPass9").psycopg().close()
    with cluster.psycopg() as connection:
        connection.execute(f"ALTER USER {user} PASSWORD 'Rolled1234'")
        connection.rollback()
    refused(as_user(cluster, user, "Rolled1234"))
    as_user(cluster, user, "adminPass9").psycopg().close()


def test_a_user_changes_its_own_password(cluster):
    """r_ALTER_USER.html: "If you are the current user, you can change your own password"."""
    user = new_user()
    run(cluster, f"CREATE USER {user} PASSWORD '{PASSWORD}'")
    run(as_user(cluster, user, PASSWORD), f"ALTER USER {user} PASSWORD 'Mine12345'")
    as_user(cluster, user, "Mine12345").psycopg().close()
    refused(as_user(cluster, user, PASSWORD))


def test_a_renamed_user_has_no_password_until_it_is_set_again(cluster):
    """r_ALTER_USER.html: "when a user is renamed, the password is cleared ... The user will not be able to log on
    until the password is reset"."""
    user, renamed = new_user(), new_user("sysadmin")
    run(cluster, f"CREATE USER {user} PASSWORD '{PASSWORD}'", f"alter user {user} rename to {renamed}")
    refused(as_user(cluster, user, PASSWORD))
    refused(as_user(cluster, renamed, PASSWORD))
    run(cluster, f"alter user {renamed} password 'EXAMPLENewPassword11'")
    as_user(cluster, renamed, "EXAMPLENewPassword11").psycopg().close()


def test_a_dropped_user_no_longer_logs_in(cluster):
    users = new_user("paulo"), new_user("martha")
    run(cluster, *(f"CREATE USER {user} PASSWORD '{PASSWORD}'" for user in users))
    run(cluster, f"drop user {users[0]}, {users[1]}")  # r_DROP_USER.html: drop user paulo, martha;
    for user in users:
        refused(as_user(cluster, user, PASSWORD))
    run(cluster, f"drop user if exists {users[0]}")


def test_a_user_that_owns_a_table_cannot_be_dropped_in_the_pages_words(cluster):
    """r_DROP_USER.html: ERROR: user "username" can't be dropped because the user owns some object [55006]."""
    user = new_user()
    run(cluster, f"CREATE USER {user} PASSWORD '{PASSWORD}'")
    run(as_user(cluster, user, PASSWORD), f"CREATE TABLE {user}_own (n INT)")
    owns = f'user "{user}" can\'t be dropped because the user owns some object'
    with cluster.psycopg(autocommit=True) as connection, pytest.raises(psycopg.errors.ObjectInUse, match=owns):
        connection.execute(f"DROP USER {user}")
    as_user(cluster, user, PASSWORD).psycopg().close()  # still there


def test_a_disabled_password_is_no_login(cluster):
    """r_CREATE_USER.html: "When a user's password is disabled, the password is deleted from the system"."""
    user, other = new_user(), new_user()
    run(cluster, f"CREATE USER {user} PASSWORD DISABLE", f"CREATE USER {other} PASSWORD '{PASSWORD}'")
    refused(as_user(cluster, user, PASSWORD))
    run(cluster, f"ALTER USER {other} PASSWORD DISABLE")
    refused(as_user(cluster, other, PASSWORD))


def test_a_password_past_valid_until_is_no_login(cluster):
    """r_CREATE_USER.html: "create user dbuser with password 'abcD1234' valid until '2017-06-10'": a time past."""
    user, later = new_user(), new_user()
    run(
        cluster,
        f"create user {user} with password '{PASSWORD}' valid until '2017-06-10'",
        f"create user {later} with password '{PASSWORD}' valid until '2999-06-10'",
    )
    refused(as_user(cluster, user, PASSWORD))
    as_user(cluster, later, PASSWORD).psycopg().close()


def test_a_connection_limit_holds(cluster):
    user = new_user()
    run(cluster, f"CREATE USER {user} PASSWORD '{PASSWORD}' CONNECTION LIMIT 1")
    too_many = f'too many connections for role "{user}"'
    with as_user(cluster, user, PASSWORD).psycopg(), pytest.raises(psycopg.OperationalError, match=too_many):
        as_user(cluster, user, PASSWORD).psycopg().close()


def test_the_warehouse_keeps_logins_0600_and_no_password_anywhere(local_stack, cluster):
    user = new_user()
    secret = "Secret9Kept"
    run(cluster, f"CREATE USER {user} PASSWORD '{secret}'")
    home = local_stack.warehouse(cluster.identifier).home
    for name in (LOGINS_FILE, KEY_FILE):
        assert stat.S_IMODE((home / name).stat().st_mode) == 0o600
    state = local_stack.settings.state_dir
    for path in state.rglob("*"):
        if path.is_file() and path.stat().st_size < 50_000_000:
            assert secret.encode() not in path.read_bytes(), path


# A created user trying to reach past what it was granted: each fails, and the master user is unchanged.
ESCALATIONS = [
    ("ALTER USER awsuser PASSWORD 'Taken12345'", psycopg.errors.InsufficientPrivilege),
    ("ALTER USER {user} CREATEDB", psycopg.errors.InsufficientPrivilege),
    ("CREATE USER evil_{user} PASSWORD 'Evil12345'", psycopg.errors.InsufficientPrivilege),
    ("SET ROLE awsuser", psycopg.errors.InsufficientPrivilege),
    ("SET SESSION AUTHORIZATION awsuser", psycopg.errors.InsufficientPrivilege),
    ("GRANT awsuser TO {user}", psycopg.errors.InsufficientPrivilege),
    ("ALTER USER awsuser RENAME TO taken", psycopg.errors.InsufficientPrivilege),
    ("DROP USER awsuser", psycopg.errors.InsufficientPrivilege),
    ("CREATE ROLE evil SUPERUSER", psycopg.errors.FeatureNotSupported),
]


@pytest.mark.parametrize(("statement", "error"), ESCALATIONS, ids=[attempt[0][:30] for attempt in ESCALATIONS])
def test_a_created_user_cannot_escalate(cluster, statement, error):
    user = new_user("mallory")
    run(cluster, f"CREATE USER {user} PASSWORD '{PASSWORD}'")
    with as_user(cluster, user, PASSWORD).psycopg(autocommit=True) as connection, pytest.raises(error):
        connection.execute(statement.format(user=user))
    with cluster.psycopg() as connection:
        assert connection.execute(
            "SELECT rolsuper, rolcanlogin FROM pg_roles WHERE rolname = 'awsuser'"
        ).fetchone() == (False, True)
    cluster.psycopg().close()  # the master user still logs in


def test_a_user_changing_another_users_password_records_no_login(cluster):
    victim, mallory = new_user("victim"), new_user("mallory")
    run(cluster, f"CREATE USER {victim} PASSWORD '{PASSWORD}'", f"CREATE USER {mallory} PASSWORD '{PASSWORD}'")
    mallorys = as_user(cluster, mallory, PASSWORD)
    with mallorys.psycopg(autocommit=True) as connection, pytest.raises(psycopg.errors.InsufficientPrivilege):
        connection.execute(f"ALTER USER {victim} PASSWORD 'Stolen1234'")
    refused(as_user(cluster, victim, "Stolen1234"))
    as_user(cluster, victim, PASSWORD).psycopg().close()


def test_a_user_of_a_serverless_namespace_logs_in_at_its_workgroup(local_stack):
    """The namespace's admin user creates users as a cluster's master user does; they log in at the workgroup."""
    workgroup = create_workgroup(local_stack, "users-serverless")
    user = new_user()
    with workgroup.connect() as connection:
        connection.execute(f"CREATE USER {user} PASSWORD '{PASSWORD}'")
        connection.execute(f"CREATE TABLE {user}_t AS SELECT 1 AS n")
        connection.execute(f"GRANT SELECT ON {user}_t TO {user}")
    with workgroup.connect(user, PASSWORD) as connection:
        assert connection.execute(f"SELECT current_user, n FROM {user}_t").fetchone() == (user, 1)
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        workgroup.connect(user, "Wrong12345").close()
