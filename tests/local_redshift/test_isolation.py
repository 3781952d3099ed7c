"""Each cluster in its own room, tried as an attacker would: through the endpoint, with a cluster's own credentials.

On Redshift the master user is a superuser of its own cluster only (r_superusers.html): it never reaches another
cluster, the server's files, its programs or its settings. Here each cluster has a PostgreSQL server of its own, in
which its master user is an ordinary role.
"""

from __future__ import annotations

import threading
import uuid

import psycopg
import pytest

from tests.local_redshift.conftest import Login, create_cluster

SESSIONS = 8


@pytest.fixture(scope="module")
def twins(local_stack) -> tuple[Login, Login]:
    """Two clusters whose master users are both `awsuser`, each with a table `secrets` of its own rows."""
    suffix = uuid.uuid4().hex[:8]
    pair = (create_cluster(local_stack, f"twin-a-{suffix}"), create_cluster(local_stack, f"twin-b-{suffix}"))
    for login, rows in zip(pair, ("(1), (2)", "(3)"), strict=True):
        with login.psycopg(autocommit=True) as connection:
            connection.execute("CREATE TABLE secrets (n INT)")
            connection.execute(f"INSERT INTO secrets VALUES {rows}")
    return pair


def postgres_database(login: Login) -> str:
    with login.psycopg() as connection:
        return connection.execute("SELECT pg_catalog.current_database()").fetchone()[0]


def test_clusters_with_the_same_master_user_and_table_see_only_their_own_rows(twins):
    a, b = twins
    assert a.user == b.user == "awsuser"
    with a.psycopg() as connection:
        assert connection.execute("SELECT n FROM secrets ORDER BY n").fetchall() == [(1,), (2,)]
    with b.psycopg() as connection:
        assert connection.execute("SELECT n FROM secrets").fetchall() == [(3,)]


def test_the_master_user_is_no_postgresql_superuser(twins):
    with twins[0].psycopg() as connection:
        assert connection.execute(
            "SELECT current_user, rolsuper, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = current_user"
        ).fetchone() == ("awsuser", False, False, False)
        assert connection.execute(
            "SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid"
            " WHERE r.rolname LIKE 'pg\\_%%server%%'"
        ).fetchone() == (0,)


# Each attack, and the error it must end in: refused by name (FeatureNotSupported), or by PostgreSQL itself
# (InsufficientPrivilege) where a function or procedure body hides it from the endpoint.
ATTACKS = [
    ("SELECT pg_read_file('/etc/hostname')", psycopg.errors.FeatureNotSupported, "PG_READ_FILE"),
    ("SELECT lo_import('/etc/hostname')", psycopg.errors.FeatureNotSupported, "LO_IMPORT"),
    (
        "DO $$BEGIN CREATE TEMP TABLE out (line text); COPY out FROM PROGRAM 'id'; END$$",
        psycopg.errors.FeatureNotSupported,
        "DO",
    ),
    ("COPY secrets TO '/tmp/stolen.txt'", psycopg.errors.FeatureNotSupported, "COPY ... TO"),
    ("COPY secrets FROM PROGRAM 'id'", psycopg.errors.FeatureNotSupported, "COPY"),
    ("CREATE ROLE evil SUPERUSER LOGIN PASSWORD 'Evil12345'", psycopg.errors.FeatureNotSupported, "SUPERUSER"),
    ("CREATE USER evil CREATEUSER PASSWORD 'Evil12345'", psycopg.errors.FeatureNotSupported, "CREATEUSER"),
    ("ALTER SYSTEM SET password_encryption = 'md5'", psycopg.errors.FeatureNotSupported, "ALTER SYSTEM"),
    ("ALTER ROLE postgres PASSWORD 'Taken12345'", psycopg.errors.FeatureNotSupported, '"postgres"'),
    ("ALTER USER awsuser SUPERUSER", psycopg.errors.FeatureNotSupported, "SUPERUSER"),
    ("SET ROLE postgres", psycopg.errors.FeatureNotSupported, '"postgres"'),
    ("SET SESSION AUTHORIZATION postgres", psycopg.errors.FeatureNotSupported, "SESSION AUTHORIZATION"),
    ("GRANT pg_execute_server_program TO awsuser", psycopg.errors.FeatureNotSupported, "pg_execute_server_program"),
    ("SHOW data_directory", psycopg.errors.InsufficientPrivilege, "data_directory"),
    ("SET session_preload_libraries = 'x'", psycopg.errors.InsufficientPrivilege, "session_preload_libraries"),
]

# The same, hidden in bodies the endpoint does not read: PostgreSQL refuses them, as the master user is no superuser.
HIDDEN = [
    "SELECT pg_read_file('/etc/hostname')",
    "COPY pg_temp.out FROM PROGRAM 'id'",
    "COPY (SELECT 1) TO '/tmp/stolen.txt'",
    "CREATE ROLE evil SUPERUSER LOGIN PASSWORD 'Evil12345'",
    "ALTER ROLE postgres PASSWORD 'Taken12345'",
    "ALTER ROLE awsuser SUPERUSER",
    "SET ROLE postgres",
    "SET SESSION AUTHORIZATION postgres",
    "GRANT pg_read_server_files TO awsuser",
    "ALTER SYSTEM SET password_encryption = 'md5'",
]


@pytest.mark.parametrize(("statement", "error", "named"), ATTACKS, ids=[attack[0][:40] for attack in ATTACKS])
def test_what_reaches_past_the_cluster_fails(twins, statement, error, named):
    with twins[0].psycopg(autocommit=True) as connection, pytest.raises(error, match=named.replace(".", r"\.")):
        connection.execute(statement)


@pytest.mark.parametrize("statement", HIDDEN)
def test_what_a_procedure_hides_from_the_endpoint_is_refused_by_postgresql(twins, statement):
    name = f"attack_{uuid.uuid4().hex[:8]}"
    with twins[0].psycopg(autocommit=True) as connection:
        connection.execute(
            f"CREATE PROCEDURE {name}() AS $$ BEGIN CREATE TEMP TABLE IF NOT EXISTS out (line text);"
            f" EXECUTE {_literal(statement)}; END $$ LANGUAGE plpgsql"
        )
        with pytest.raises((psycopg.errors.InsufficientPrivilege, psycopg.errors.ActiveSqlTransaction)):
            connection.execute(f"CALL {name}()")


def test_a_function_reading_a_server_file_is_refused_by_postgresql(twins):
    with twins[0].psycopg(autocommit=True) as connection:
        connection.execute(
            "CREATE FUNCTION steal() RETURNS varchar STABLE AS $$ SELECT pg_read_file('/etc/hostname') $$ LANGUAGE sql"
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="pg_read_file"):
            connection.execute("SELECT steal()")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def test_a_pending_late_binding_view_is_made_as_its_user_never_as_a_superuser(twins):
    """The catalog keeps a view whose table does not exist yet and makes it when a CREATE TABLE lets it: its name
    and query are a user's text, so the event trigger runs them as the user creating the table."""
    with twins[0].psycopg(autocommit=True) as connection:
        connection.execute(
            "CALL redshift_system.defer_view('sneaky', false, NULL,"
            " 'SELECT 1 AS n FROM bait; ALTER ROLE awsuser SUPERUSER', 'public', 'awsuser')"
        )
        connection.execute("CREATE TABLE bait (n INT)")
        assert connection.execute("SELECT rolsuper FROM pg_roles WHERE rolname = 'awsuser'").fetchone() == (False,)


def test_reset_session_authorization_leaves_the_master_user_as_it_was(twins):
    with twins[0].psycopg(autocommit=True) as connection:
        connection.execute("RESET SESSION AUTHORIZATION")
        connection.execute("SET SESSION AUTHORIZATION DEFAULT")
        assert connection.execute(
            "SELECT current_user, session_user, rolsuper FROM pg_roles WHERE rolname = current_user"
        ).fetchone() == ("awsuser", "awsuser", False)


def test_another_clusters_database_cannot_be_read_or_dropped(twins):
    a, b = twins
    other = postgres_database(b)
    with a.psycopg(autocommit=True) as connection:
        with pytest.raises(psycopg.errors.InvalidCatalogName, match="does not exist"):  # only its own database
            connection.execute(f"SELECT * FROM {other}.public.secrets")
        with pytest.raises(psycopg.errors.InvalidCatalogName, match="does not exist"):
            connection.execute(f"DROP DATABASE {other}")
        assert connection.execute("SELECT count(*) FROM pg_database WHERE datname = %s", [other]).fetchone() == (0,)
    with b.psycopg() as connection:
        assert connection.execute("SELECT n FROM secrets").fetchall() == [(3,)]


def test_a_clusters_password_opens_no_postgresql_server_directly(local_stack, twins):
    a, _ = twins
    server = local_stack.warehouse(a.identifier)
    for user, dbname in ((a.user, postgres_database(a)), ("postgres", "postgres")):
        with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
            psycopg.connect(host=server.host, port=server.port, user=user, password=a.password, dbname=dbname)


def test_every_cluster_still_logs_in_after_the_attacks(twins):
    for login, rows in zip(twins, ([(1,), (2,)], [(3,)]), strict=True):
        with login.psycopg() as connection:
            assert connection.execute("SELECT n FROM secrets ORDER BY n").fetchall() == rows
        with login.redshift_connector() as connection:
            cursor = connection.cursor()
            cursor.execute("SELECT count(*) FROM secrets")
            assert cursor.fetchone() == [len(rows)]


def test_the_master_user_changing_its_password_in_sql_does_not_lock_its_cluster_out(twins):
    """The cluster's password is the AWS stand-in's (ModifyCluster changes it); the endpoint logs in with its own."""
    with twins[0].psycopg(autocommit=True) as connection:
        connection.execute("ALTER USER awsuser PASSWORD 'Changed12345'")
    with twins[0].psycopg() as connection:
        assert connection.execute("SELECT count(*) FROM secrets").fetchone() == (2,)


def test_a_user_created_in_one_cluster_does_not_exist_in_the_other(twins):
    a, b = twins
    user = f"carol_{uuid.uuid4().hex[:6]}"
    with a.psycopg(autocommit=True) as connection:
        connection.execute(f"CREATE USER {user} PASSWORD 'Carol12345'")
        assert connection.execute("SELECT count(*) FROM pg_user WHERE usename = %s", [user]).fetchone() == (1,)
    with b.psycopg(autocommit=True) as connection:
        assert connection.execute("SELECT count(*) FROM pg_user WHERE usename = %s", [user]).fetchone() == (0,)
        connection.execute(f"CREATE USER {user} PASSWORD 'Carol12345'")  # no clash: a user of that cluster alone


def test_the_master_user_uses_the_tables_of_the_users_it_created(twins):
    """As Redshift's superuser may (r_superusers.html: it bypasses all permission checks), on its users' tables."""
    user = f"dave_{uuid.uuid4().hex[:6]}"
    with twins[0].psycopg(autocommit=True) as connection:
        connection.execute(f"CREATE USER {user} PASSWORD 'Dave123456'")
        connection.execute(f"CREATE TABLE {user}_rows (n INT)")
        connection.execute(f"ALTER TABLE {user}_rows OWNER TO {user}")
        connection.execute(f"INSERT INTO {user}_rows VALUES (7)")
        assert connection.execute(f"SELECT n FROM {user}_rows").fetchall() == [(7,)]
        connection.execute(f"DROP TABLE {user}_rows")
        connection.execute(f"DROP USER {user}")


def test_sessions_creating_different_tables_at_once_get_no_serialization_failure(twins):
    """Issue 16: the event trigger's insert into the design table made one CREATE TABLE in five fail with 40001."""
    prefix = f"t{uuid.uuid4().hex[:6]}"
    failures: list[BaseException] = []
    for round_number in range(5):
        barrier = threading.Barrier(SESSIONS)

        def create(number: int, round_number: int = round_number, barrier: threading.Barrier = barrier) -> None:
            try:
                with twins[0].psycopg(autocommit=True) as connection:
                    barrier.wait(timeout=60)
                    connection.execute(
                        f"CREATE TABLE {prefix}_{round_number}_{number} (a INT DISTKEY, b VARCHAR(10)) SORTKEY (a)"
                    )
            except BaseException as error:  # every failure is reported below
                failures.append(error)

        threads = [threading.Thread(target=create, args=(number,)) for number in range(SESSIONS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
    assert failures == []
    with twins[0].psycopg() as connection:
        assert connection.execute(
            "SELECT count(DISTINCT tablename) FROM pg_table_def WHERE tablename LIKE %s AND distkey", [f"{prefix}%"]
        ).fetchone() == (5 * SESSIONS,)
