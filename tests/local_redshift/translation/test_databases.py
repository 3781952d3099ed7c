"""CREATE, DROP and ALTER DATABASE translated (fast tier): the grammar of r_CREATE_DATABASE, r_DROP_DATABASE and
r_ALTER_DATABASE, the names Redshift and the local server keep, what PostgreSQL cannot hold, and the databases each
statement names for the session to check."""

from __future__ import annotations

import pytest

from local_redshift.errors import RedshiftError, SqlState
from local_redshift.translation import translate
from local_redshift.translation.databases import ALTER, CREATE, DROP, QUALIFIED, RENAME, NamedDatabase

TEMPLATE = 'WITH TEMPLATE "rs_redshift_catalog"'


@pytest.mark.parametrize(
    ("sql", "expected", "named"),
    [
        ("CREATE DATABASE sales", f'CREATE DATABASE "sales" {TEMPLATE}', NamedDatabase("sales", CREATE)),
        # r_CREATE_DATABASE: [ WITH ] [ OWNER [=] db_owner ] [ CONNECTION LIMIT { limit | UNLIMITED } ]
        (
            'create database "Sales" with owner = dbuser connection limit unlimited',
            f'CREATE DATABASE "sales" {TEMPLATE} OWNER "dbuser" CONNECTION LIMIT -1',
            NamedDatabase("sales", CREATE),
        ),
        (
            "CREATE DATABASE sales OWNER dbuser CONNECTION LIMIT 10 COLLATE CS ISOLATION LEVEL SERIALIZABLE",
            f'CREATE DATABASE "sales" {TEMPLATE} OWNER "dbuser" CONNECTION LIMIT 10',
            NamedDatabase("sales", CREATE),
        ),
        # r_DROP_DATABASE: DROP DATABASE database_name [ FORCE ]
        ("DROP DATABASE tickit_test", 'DROP DATABASE "tickit_test"', NamedDatabase("tickit_test", DROP)),
        (
            "DROP DATABASE tickit_test FORCE",
            'DROP DATABASE "tickit_test" WITH (FORCE)',
            NamedDatabase("tickit_test", DROP),
        ),
        # r_ALTER_DATABASE: RENAME TO | OWNER TO | CONNECTION LIMIT { limit | UNLIMITED }
        (
            "ALTER DATABASE tickit RENAME TO newtickit",
            'ALTER DATABASE "tickit" RENAME TO "newtickit"',
            NamedDatabase("tickit", RENAME, 'RENAME TO "newtickit"'),
        ),
        (
            "ALTER DATABASE tickit OWNER TO dwuser",
            'ALTER DATABASE "tickit" OWNER TO "dwuser"',
            NamedDatabase("tickit", ALTER, 'OWNER TO "dwuser"'),
        ),
        (
            "ALTER DATABASE tickit CONNECTION LIMIT 10",
            'ALTER DATABASE "tickit" CONNECTION LIMIT 10',
            NamedDatabase("tickit", ALTER, "CONNECTION LIMIT 10"),
        ),
        ("SELECT * FROM sales.public.t", "SELECT * FROM public.t", NamedDatabase("sales", QUALIFIED)),
    ],
)
def test_database_statements_and_the_databases_they_name(sql, expected, named):
    [statement] = translate(sql)
    assert statement.postgres[0] == expected
    assert statement.databases == (named,)


@pytest.mark.parametrize(
    ("sql", "sqlstate", "message"),
    [
        ("CREATE DATABASE padb_harvest", SqlState.RESERVED_NAME, 'database name "padb_harvest" is reserved by Amazon'),
        ("CREATE DATABASE template1", SqlState.RESERVED_NAME, 'database name "template1" is reserved by Amazon'),
        ("CREATE DATABASE postgres", SqlState.RESERVED_NAME, 'database name "postgres" is reserved by the local'),
        ("CREATE DATABASE rs_copy", SqlState.RESERVED_NAME, 'database name "rs_copy" is reserved by the local'),
        ("ALTER DATABASE a RENAME TO template0", SqlState.RESERVED_NAME, '"template0" is reserved by Amazon'),
        ("CREATE DATABASE " + "d" * 64, SqlState.FEATURE_NOT_SUPPORTED, "is 64 bytes long"),
        ("CREATE DATABASE d COLLATE CASE_INSENSITIVE", SqlState.FEATURE_NOT_SUPPORTED, "COLLATE CASE_INSENSITIVE"),
        ("CREATE DATABASE d COLLATE CI", SqlState.FEATURE_NOT_SUPPORTED, "COLLATE CASE_INSENSITIVE"),
        ("CREATE DATABASE d ISOLATION LEVEL SNAPSHOT", SqlState.FEATURE_NOT_SUPPORTED, "ISOLATION LEVEL SNAPSHOT"),
        ("CREATE DATABASE d FROM INTEGRATION 'id'", SqlState.FEATURE_NOT_SUPPORTED, "FROM INTEGRATION"),
        ("CREATE DATABASE d IAM_ROLE default", SqlState.FEATURE_NOT_SUPPORTED, "IAM_ROLE"),
        ("ALTER DATABASE d INTEGRATION REFRESH ALL TABLES", SqlState.FEATURE_NOT_SUPPORTED, "INTEGRATION"),
        # r_DROP_DATABASE and r_ALTER_DATABASE: "You can't drop [rename] the dev, padb_harvest, template0, template1"
        ("DROP DATABASE dev", SqlState.FEATURE_NOT_SUPPORTED, "DROP DATABASE dev is not supported by Amazon Redshift"),
        ("ALTER DATABASE dev RENAME TO d", SqlState.FEATURE_NOT_SUPPORTED, "ALTER DATABASE dev RENAME TO is not"),
        ("DROP DATABASE postgres", SqlState.INVALID_CATALOG_NAME, 'database "postgres" does not exist'),
        ("DROP DATABASE rs_0123456789abcdef", SqlState.INVALID_CATALOG_NAME, "does not exist"),
        ("ALTER DATABASE d SET search_path TO x", SqlState.SYNTAX_ERROR, "could not read"),
    ],
)
def test_what_the_local_redshift_refuses(sql, sqlstate, message):
    with pytest.raises(RedshiftError, match=message) as refused:
        translate(sql)
    assert refused.value.sqlstate == sqlstate


def test_collate_case_sensitive_and_serializable_change_nothing_but_are_the_owners_to_say():
    [statement] = translate("ALTER DATABASE tickit COLLATE CASE_SENSITIVE")
    assert statement.postgres == ['ALTER DATABASE "tickit" RESET redshift.unchanged']
