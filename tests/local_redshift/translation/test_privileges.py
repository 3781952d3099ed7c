"""What reaches past a cluster is refused by name, before PostgreSQL would answer "permission denied"."""

from __future__ import annotations

import pytest

from local_redshift.errors import UnsupportedFeature
from local_redshift.translation import translate

REFUSED = [
    (
        "DO $$BEGIN COPY t FROM PROGRAM 'id'; END$$",
        r"DO \(an anonymous code block\) is not supported by Amazon Redshift",
    ),
    ("do $$ begin null; end $$", r"DO \(an anonymous code block\)"),
    # r_ALTER_SYSTEM.html: Redshift's ALTER SYSTEM SET sets data_catalog_auto_mount and metadata_security only
    ("ALTER SYSTEM SET work_mem = '1GB'", "ALTER SYSTEM SET work_mem is not supported by Amazon Redshift"),
    ("ALTER SYSTEM RESET ALL", "ALTER SYSTEM RESET ALL is not supported by Amazon Redshift"),
    ("ALTER SYSTEM SET metadata_security = true", "ALTER SYSTEM SET metadata_security .* by the local Redshift"),
    ("ALTER SYSTEM SET data_catalog_auto_mount=true", "ALTER SYSTEM SET data_catalog_auto_mount .* the local"),
    ("CREATE ROLE evil SUPERUSER", "A SUPERUSER option is not supported by Amazon Redshift"),
    ("CREATE USER evil WITH SUPERUSER PASSWORD 'Evil12345'", "SUPERUSER option"),
    ("ALTER USER bob SUPERUSER", "SUPERUSER option"),
    # r_superusers.html: a superuser is made with CREATEUSER, which the local Redshift cannot give
    ("CREATE USER adminuser CREATEUSER PASSWORD '1234Admin'", "CREATEUSER .* not supported by the local Redshift"),
    ("ALTER USER adminuser CREATEUSER", "CREATEUSER"),
    ("ALTER ROLE postgres PASSWORD 'x'", 'the role "postgres"'),
    ("ALTER USER \"postgres\" PASSWORD 'x'", 'the role "postgres"'),
    ("DROP USER postgres", 'the role "postgres"'),
    ("GRANT postgres TO awsuser", 'the role "postgres"'),
    ("SET ROLE postgres", 'the role "postgres"'),
    ("SET SESSION ROLE 'postgres'", 'the role "postgres"'),
    ("GRANT pg_read_server_files TO awsuser", 'the role "pg_read_server_files"'),
    ("GRANT pg_execute_server_program TO awsuser", 'the role "pg_execute_server_program"'),
    ("SELECT lo_import('/etc/hostname')", r"LO_IMPORT\(\) is not supported by Amazon Redshift"),
    ("SELECT lo_export(16384, '/tmp/out')", r"LO_EXPORT\(\)"),
    ("SET SESSION AUTHORIZATION postgres", 'SET SESSION AUTHORIZATION to the role "postgres"'),
]

ALLOWED = [
    "GRANT SELECT ON sales TO dwuser",
]

USER_STATEMENTS = [
    "CREATE USER dwuser PASSWORD 'Abcd12345'",
    "ALTER USER dwuser PASSWORD 'SUPERUSER1a'",  # the option's name inside a password is no option
    "DROP USER dwuser",
]


@pytest.mark.parametrize(("sql", "message"), REFUSED)
def test_what_reaches_past_the_cluster_is_refused_by_name(sql, message):
    with pytest.raises(UnsupportedFeature, match=message):
        translate(sql)


@pytest.mark.parametrize("sql", ALLOWED)
def test_a_clusters_own_privileges_pass(sql):
    [statement] = translate(sql)
    assert statement.postgres == [sql]


@pytest.mark.parametrize("sql", USER_STATEMENTS)
def test_a_clusters_own_users_are_made_by_the_endpoint(sql):
    [statement] = translate(sql)
    assert statement.user is not None and statement.postgres == []
