"""The SHOW commands of metadata discovery through the endpoint, with the columns and rows their pages show."""

from __future__ import annotations

import dataclasses

import psycopg
import pytest


@pytest.fixture
def conn(cluster):
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute("DROP SCHEMA IF EXISTS tools_show CASCADE")
        connection.execute("CREATE SCHEMA tools_show")
        connection.execute("CREATE TABLE tools_show.tb (id INT NOT NULL, name VARCHAR(20), price DECIMAL(8,2))")
        connection.execute("CREATE TABLE tools_show.tb2 (id INT)")
        yield connection
        connection.execute("DROP SCHEMA IF EXISTS tools_show CASCADE")


def columns(cursor: psycopg.Cursor) -> list[str]:
    return [column.name for column in cursor.description or []]


def test_show_databases_lists_the_clusters_database(cluster, conn):
    # SHOW DATABASES: the databases of SVV_REDSHIFT_DATABASES (its page's example: dev | 1 | local | ...)
    cursor = conn.execute("SHOW DATABASES")
    assert columns(cursor)[:3] == ["database_name", "database_owner", "database_type"]
    assert [(row[0], row[2]) for row in cursor.fetchall()] == [(cluster.database, "local")]
    assert conn.execute("SHOW DATABASES LIKE 'no%'").fetchall() == []


def test_show_schemas_from_database(cluster, conn):
    # SHOW SCHEMAS's page: database_name | schema_name | schema_owner | schema_type | schema_acl | source_database |
    # schema_option, one row per schema
    cursor = conn.execute(f"SHOW SCHEMAS FROM DATABASE {cluster.database} LIKE 'tools_sh%'")
    assert columns(cursor) == [
        "database_name", "schema_name", "schema_owner", "schema_type", "schema_acl", "source_database", "schema_option"
    ]  # fmt: skip
    assert [(row[0], row[1], row[3]) for row in cursor.fetchall()] == [(cluster.database, "tools_show", "local")]


def test_show_tables_from_schema(cluster, conn):
    # SHOW TABLES's page, its example: SHOW TABLES FROM SCHEMA dev.public lists dev | public | tb | TABLE | |
    cursor = conn.execute(f"SHOW TABLES FROM SCHEMA {cluster.database}.tools_show")
    assert columns(cursor) == [
        "database_name", "schema_name", "table_name", "table_type", "table_acl", "remarks", "owner",
        "last_altered_time", "last_modified_time", "dist_style", "table_subtype",
    ]  # fmt: skip
    assert [row[:4] for row in cursor.fetchall()] == [
        (cluster.database, "tools_show", "tb", "TABLE"),
        (cluster.database, "tools_show", "tb2", "TABLE"),
    ]
    limited = conn.execute(f"SHOW TABLES FROM SCHEMA {cluster.database}.tools_show LIKE 'tb%' LIMIT 1")
    assert [row[2] for row in limited.fetchall()] == ["tb"]


def test_show_columns_from_table(cluster, conn):
    # SHOW COLUMNS's page: one row per column, in their order, with the attributes of SVV_ALL_COLUMNS, then the
    # sort key type, sort key order, distribution key, encoding and collation
    cursor = conn.execute(f"SHOW COLUMNS FROM TABLE {cluster.database}.tools_show.tb")
    assert columns(cursor) == [
        "database_name", "schema_name", "table_name", "column_name", "ordinal_position", "column_default",
        "is_nullable", "data_type", "character_maximum_length", "numeric_precision", "numeric_scale", "remarks",
        "sort_key_type", "sort_key", "dist_key", "encoding", "collation",
    ]  # fmt: skip
    rows = cursor.fetchall()
    assert [(row[3], row[4], row[6], row[7]) for row in rows] == [
        ("id", 1, "NO", "integer"),
        ("name", 2, "YES", "character varying"),
        ("price", 3, "YES", "numeric"),
    ]
    assert rows[1][8] == 20  # VARCHAR(20)
    assert rows[2][9:11] == (8, 2)  # DECIMAL(8,2)
    like = conn.execute(f"SHOW COLUMNS FROM TABLE {cluster.database}.tools_show.tb LIKE 'p%'")
    assert [row[3] for row in like.fetchall()] == ["price"]


def test_show_of_a_database_the_cluster_does_not_have_lists_nothing(conn):
    # redshift_connector's integration tests (test_server_api_show_command) read the columns of SHOW SCHEMAS FROM
    # DATABASE test_catalog, SHOW COLUMNS FROM TABLE test_catalog.test_schema.test_table on a cluster that has no such
    # database: the command answers, with no rows
    cursor = conn.execute("SHOW TABLES FROM SCHEMA otherdb.public")
    assert columns(cursor)[:3] == ["database_name", "schema_name", "table_name"]
    assert cursor.fetchall() == []


def test_show_of_a_database_bound_as_a_parameter_lists_what_that_database_holds(cluster, conn):
    # SHOW SCHEMAS's page: database_name is "the name of the database that contains the schemas to list", whichever
    # database the session is connected to; redshift_connector's metadata API binds it (SHOW SCHEMAS FROM DATABASE %s
    # LIKE %s). Bound, the connected database is read in the session's own transaction; one the cluster does not have
    # lists nothing (test_show_of_a_database_the_cluster_does_not_have_lists_nothing)
    other = dataclasses.replace(cluster, database="tools_show_other")
    conn.execute("DROP DATABASE IF EXISTS tools_show_other")
    conn.execute("CREATE DATABASE tools_show_other")
    try:
        with other.psycopg(autocommit=True) as connection:
            connection.execute("CREATE SCHEMA only_there")
        shown = conn.execute("SHOW SCHEMAS FROM DATABASE %s LIKE %s", ["tools_show_other", "only%"])
        assert [row[:2] for row in shown.fetchall()] == [("tools_show_other", "only_there")]
        tables = conn.execute("SHOW TABLES FROM SCHEMA %s.%s", [cluster.database, "tools_show"])
        assert [row[:3] for row in tables.fetchall()] == [
            (cluster.database, "tools_show", "tb"), (cluster.database, "tools_show", "tb2"),
        ]  # fmt: skip
        with conn.transaction():
            conn.execute("CREATE TABLE tools_show.tb3 (id INT)")
            tables = conn.execute("SHOW TABLES FROM SCHEMA %s.%s LIKE %s", [cluster.database, "tools_show", "tb3"])
            assert [row[2] for row in tables.fetchall()] == ["tb3"]
        assert conn.execute("SHOW SCHEMAS FROM DATABASE %s", ["no_such_db"]).fetchall() == []
    finally:
        conn.execute("DROP DATABASE tools_show_other FORCE")


def test_a_bind_without_the_database_of_a_show_is_refused_by_postgresql_and_the_session_goes_on(conn):
    # libpq binds what it is given: PostgreSQL refuses a Bind short of the statement's parameters, in its own words
    pgconn = conn.pgconn
    assert pgconn.prepare(b"shown", b"SHOW SCHEMAS FROM DATABASE $1").status == psycopg.pq.ExecStatus.COMMAND_OK
    result = pgconn.exec_prepared(b"shown", [])
    assert result.status == psycopg.pq.ExecStatus.FATAL_ERROR
    assert b"bind message supplies 0 parameters" in result.error_message
    assert conn.execute("SELECT 1").fetchone() == (1,)


def test_show_columns_of_an_identity_column_and_a_key(cluster, conn):
    # SVV_REDSHIFT_COLUMNS's page: distkey true for the distribution key, sortkey the column's place in the sort key;
    # an IDENTITY column's default is its "identity"(...) (PG_ATTRDEF's adsrc) and it may hold NULL
    conn.execute("CREATE TABLE tools_show.keyed (id INT IDENTITY(1,1), day DATE NOT NULL) DISTKEY(day) SORTKEY(day)")
    rows = conn.execute(f"SHOW COLUMNS FROM TABLE {cluster.database}.tools_show.keyed").fetchall()
    [identity, day] = [(row[3], row[5], row[6], row[13], row[14]) for row in rows]
    assert identity[0] == "id" and identity[1].startswith('"identity"(') and identity[2:] == ("YES", 0, False)
    assert day == ("day", None, "NO", 1, True)


def test_show_names_may_be_bound_parameters(cluster, conn):
    # redshift_connector's metadata API sends SHOW TABLES FROM SCHEMA %s.%s LIKE %s with the names bound
    cursor = conn.execute("SHOW TABLES FROM SCHEMA %s.%s LIKE %s", [cluster.database, "tools_show", "tb2"])
    assert [row[2] for row in cursor.fetchall()] == ["tb2"]
    assert conn.execute("SHOW SCHEMAS FROM DATABASE %s", ["otherdb"]).fetchall() == []


def test_names_with_spaces_are_listed(cluster, conn):
    # "Names and identifiers": a delimited identifier may contain spaces
    conn.execute('CREATE TABLE tools_show."a table" ("a column" INT)')
    cursor = conn.execute(f'SHOW COLUMNS FROM TABLE {cluster.database}.tools_show."a table"')
    assert [row[3] for row in cursor.fetchall()] == ["a column"]


def test_show_constraints_lists_the_informational_keys(cluster, conn):
    # SHOW CONSTRAINTS's page: database_name | schema_name | table_name | pk_name | column_name | key_seq, then the
    # foreign keys of a table and, EXPORTED, those that reference it; PostgreSQL 8.0's default names (Redshift's
    # base): <table>_pkey, and <table>_<first column>_fkey for a foreign key of two columns
    conn.execute("CREATE TABLE tools_show.pk1 (i INT, j INT, c INT, PRIMARY KEY (i, j))")
    conn.execute("CREATE TABLE tools_show.fk2 (a INT, b INT, FOREIGN KEY (a, b) REFERENCES tools_show.pk1 (i, j))")
    primary = conn.execute(f"SHOW CONSTRAINTS PRIMARY KEYS FROM TABLE {cluster.database}.tools_show.pk1")
    assert columns(primary) == ["database_name", "schema_name", "table_name", "pk_name", "column_name", "key_seq"]
    assert primary.fetchall() == [
        (cluster.database, "tools_show", "pk1", "pk1_pkey", "i", 1),
        (cluster.database, "tools_show", "pk1", "pk1_pkey", "j", 2),
    ]
    foreign = conn.execute("SHOW CONSTRAINTS FOREIGN KEYS FROM TABLE tools_show.fk2").fetchall()
    exported = conn.execute("SHOW CONSTRAINTS FOREIGN KEYS EXPORTED FROM TABLE tools_show.pk1").fetchall()
    assert foreign == exported
    assert [(row[2], row[3], row[6], row[7], row[8], row[9], row[10]) for row in foreign] == [
        ("pk1", "i", "fk2", "a", 1, "fk2_a_fkey", "pk1_pkey"),
        ("pk1", "j", "fk2", "b", 2, "fk2_a_fkey", "pk1_pkey"),
    ]


def test_show_procedures_functions_and_their_parameters(cluster, conn):
    # SHOW PROCEDURES, SHOW FUNCTIONS: database_name, schema_name, the name, return_type, argument_list; SHOW
    # PARAMETERS names the routine with its argument types and lists parameter_name, ordinal_position and
    # parameter_type (IN/OUT), data_type, ...
    conn.execute("CREATE PROCEDURE tools_show.p(a INT, b OUT VARCHAR) AS $$ BEGIN b := 'x'; END; $$ LANGUAGE plpgsql")
    conn.execute("CREATE FUNCTION tools_show.f(INT) RETURNS INT STABLE AS $$ SELECT $1 $$ LANGUAGE sql")
    procedures = conn.execute(f"SHOW PROCEDURES FROM SCHEMA {cluster.database}.tools_show").fetchall()
    assert [(row[2], row[4]) for row in procedures] == [("p", "integer")]
    functions = conn.execute(f"SHOW FUNCTIONS FROM SCHEMA {cluster.database}.tools_show LIKE 'f%'").fetchall()
    assert [(row[2], row[3], row[4]) for row in functions] == [("f", "integer", "integer")]
    parameters = conn.execute(f"SHOW PARAMETERS OF PROCEDURE {cluster.database}.tools_show.p(INT)")
    assert columns(parameters)[:7] == [
        "database_name", "schema_name", "procedure_name", "parameter_name", "ordinal_position", "parameter_type",
        "data_type",
    ]  # fmt: skip
    assert [row[3:7] for row in parameters.fetchall()] == [
        ("a", 1, "IN", "integer"),
        ("b", 2, "OUT", "character varying"),
    ]


def test_a_procedures_interval_parameters_are_of_redshifts_interval_types(cluster, conn):
    # "Interval data types": INTERVAL YEAR TO MONTH is INTERVALY2M, INTERVAL DAY TO SECOND is INTERVALD2S; a routine's
    # argument list names them so (redshift_connector's tests read its SPECIFIC_NAME as "...(intervaly2m,
    # intervald2s)"), SHOW PARAMETERS by their full names; the procedure takes interval arguments
    conn.execute(
        "CREATE PROCEDURE tools_show.spans(months INTERVAL YEAR TO MONTH, seconds INTERVAL DAY TO SECOND,"
        " hours INTERVALD2S) AS $$ BEGIN RAISE INFO '% %', months, seconds; END; $$ LANGUAGE plpgsql"
    )
    procedures = conn.execute(f"SHOW PROCEDURES FROM SCHEMA {cluster.database}.tools_show LIKE 'spans'").fetchall()
    assert [(row[2], row[4]) for row in procedures] == [("spans", "intervaly2m, intervald2s, intervald2s")]
    parameters = conn.execute(
        f"SHOW PARAMETERS OF PROCEDURE {cluster.database}.tools_show.spans(INTERVALY2M, INTERVALD2S, INTERVALD2S)"
    )
    assert [row[3:7] for row in parameters.fetchall()] == [
        ("months", 1, "IN", "interval year to month"),
        ("seconds", 2, "IN", "interval day to second"),
        ("hours", 3, "IN", "interval day to second"),
    ]
    conn.execute("CALL tools_show.spans(INTERVAL '1-2' YEAR TO MONTH, INTERVAL '3 04:05:06' DAY TO SECOND, NULL)")


def test_a_procedures_parameters_keep_their_length_precision_and_scale_a_functions_do_not(cluster, conn):
    # SHOW PARAMETERS's page: character_maximum_length, numeric_precision, numeric_scale; redshift_connector's
    # integration tests read a procedure's CHAR(20) as 20 long, its NUMERIC(10,5) as precision 10 and scale 5, and a
    # function's NUMERIC(10,5) with no precision
    conn.execute(
        "CREATE OR REPLACE PROCEDURE tools_show.sized(code CHAR(20), label VARCHAR(256), amount NUMERIC(10,5), n INT,"
        " total OUT NUMERIC(12,2)) AS $$ BEGIN total := amount; END; $$ LANGUAGE plpgsql"
    )
    conn.execute(
        "CREATE PROCEDURE tools_show.in_only(code CHAR(3)) AS $$ BEGIN RAISE INFO '%', code; END; $$ LANGUAGE plpgsql"
    )
    conn.execute("CREATE FUNCTION tools_show.unsized(NUMERIC(10,5)) RETURNS INT STABLE AS $$ SELECT 1 $$ LANGUAGE sql")
    in_only = conn.execute(f"SHOW PARAMETERS OF PROCEDURE {cluster.database}.tools_show.in_only(CHAR)")
    assert [(row[3], row[7]) for row in in_only.fetchall()] == [("code", 3)]
    procedure = conn.execute(
        f"SHOW PARAMETERS OF PROCEDURE {cluster.database}.tools_show.sized(CHAR, VARCHAR, NUMERIC, INT)"
    )
    assert [(row[3], row[7], row[8], row[9]) for row in procedure.fetchall()] == [
        ("code", 20, None, None),
        ("label", 256, None, None),
        ("amount", None, 10, 5),
        ("n", None, None, None),
        ("total", None, 12, 2),
    ]
    function = conn.execute(f"SHOW PARAMETERS OF FUNCTION {cluster.database}.tools_show.unsized(NUMERIC)")
    assert [row[4:] for row in function.fetchall()] == [
        (0, "RETURN", "integer", None, None, None),
        (1, "IN", "numeric", None, None, None),
    ]


def test_show_grants_on_a_table_and_its_columns(cluster, conn):
    # SHOW GRANTS ON TABLE and SHOW COLUMN GRANTS ON TABLE: privilege_type, identity_name, identity_type, admin_option
    # of each grant (the owner's own privileges are no grant)
    conn.execute("CREATE TABLE tools_show.g (a INT, b INT)")
    conn.execute("GRANT SELECT ON tools_show.g TO PUBLIC")
    conn.execute("GRANT UPDATE (b) ON tools_show.g TO PUBLIC")
    grants = conn.execute(f"SHOW GRANTS ON TABLE {cluster.database}.tools_show.g")
    assert [(row[2], row[4], row[6], row[7], row[8]) for row in grants.fetchall()] == [
        ("g", "SELECT", "public", "public", False)
    ]
    column_grants = conn.execute("SHOW COLUMN GRANTS ON TABLE tools_show.g")
    assert columns(column_grants)[:4] == ["database_name", "schema_name", "table_name", "column_name"]
    assert [(row[3], row[5], row[7]) for row in column_grants.fetchall()] == [("b", "UPDATE", "public")]
