"""DDL through the running endpoint, with real clients, where transactions and protocols matter beyond a case:
TRUNCATE commits its transaction, ALTER TABLE APPEND and ALTER COLUMN ... TYPE refuse a transaction block,
late-binding views' owners."""

from __future__ import annotations

import uuid

import psycopg
import pytest


@pytest.fixture
def schema(cluster):
    """A schema of the test's own, first on the search_path of every connection made by `connect`."""
    name = f"ddl_{uuid.uuid4().hex[:10]}"
    with cluster.psycopg(autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {name}")
    return name


def test_truncate_commits_the_transaction_of_redshift_connector(cluster, schema):
    """r_TRUNCATE.html: begin; truncate date; rollback; select count(*) from date gives 0."""
    connection = cluster.redshift_connector()  # autocommit off, as Redshift's own driver starts
    try:
        cursor = connection.cursor()
        cursor.execute(f"SET search_path TO {schema}")
        cursor.execute("CREATE TABLE date (dateid SMALLINT)")
        cursor.execute("INSERT INTO date VALUES (1), (2)")
        connection.commit()
        cursor.execute("INSERT INTO date VALUES (3)")
        cursor.execute("CREATE TABLE category (catid SMALLINT)")
        cursor.execute("TRUNCATE date")
        connection.rollback()
        cursor.execute("SELECT count(*) FROM date")
        assert cursor.fetchone()[0] == 0
        cursor.execute("SELECT count(*) FROM category")  # committed by the TRUNCATE
        assert cursor.fetchone()[0] == 0
    finally:
        connection.close()


def test_truncate_commits_the_transaction_of_psycopg(cluster, schema):
    with cluster.psycopg() as connection:  # a transaction opened before the first statement
        connection.execute(f"SET search_path TO {schema}")
        connection.execute("CREATE TABLE date (dateid SMALLINT)")
        connection.execute("INSERT INTO date VALUES (1)")
        connection.execute("TRUNCATE date")
        connection.rollback()
        assert connection.execute("SELECT count(*) FROM date").fetchone()[0] == 0
        connection.commit()


def test_truncate_commits_in_one_simple_query(cluster, schema):
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute(f"SET search_path TO {schema}")
        connection.execute("CREATE TABLE date (dateid SMALLINT)")
        connection.pgconn.exec_(b"INSERT INTO date VALUES (1); BEGIN; TRUNCATE date; ROLLBACK")
        assert connection.execute("SELECT count(*) FROM date").fetchone()[0] == 0


def test_append_refuses_a_transaction_block_and_moves_nothing(cluster, schema):
    """r_ALTER_TABLE_APPEND.html: it can't run within a transaction block (BEGIN ... END)."""
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute(f"SET search_path TO {schema}")
        connection.execute("CREATE TABLE target (v INTEGER)")
        connection.execute("CREATE TABLE source (v INTEGER)")
        connection.execute("INSERT INTO source VALUES (1)")
        connection.execute("BEGIN")
        with pytest.raises(psycopg.Error):
            connection.execute("ALTER TABLE target APPEND FROM source")
        connection.execute("ROLLBACK")
        assert connection.execute("SELECT count(*) FROM target").fetchone()[0] == 0
        assert connection.execute("SELECT count(*) FROM source").fetchone()[0] == 1


def test_append_through_the_simple_query_protocol(cluster, schema):
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute(f"SET search_path TO {schema}")
        connection.execute("CREATE TABLE target (v INTEGER)")
        connection.execute("CREATE TABLE source (v INTEGER)")
        connection.execute("INSERT INTO source VALUES (1), (2)")
        result = connection.pgconn.exec_(b"ALTER TABLE target APPEND FROM source")
        assert result.error_message == b""
        assert connection.execute("SELECT count(*) FROM target").fetchone()[0] == 2


_IN_A_BLOCK = "ALTER TABLE ALTER COLUMN cannot run inside a transaction block"
_WIDTH = "SELECT type FROM pg_table_def WHERE tablename = 'words' AND \"column\" = 'word'"


def test_alter_column_type_refuses_the_transaction_of_redshift_connector(cluster, schema):
    """r_ALTER_TABLE.html: "You can't alter columns within a transaction block (BEGIN ... END)"; in autocommit the
    VARCHAR is resized."""
    import redshift_connector

    connection = cluster.redshift_connector()  # autocommit off: its statements run in a transaction block
    try:
        cursor = connection.cursor()
        cursor.execute(f"SET search_path TO {schema}")
        cursor.execute("CREATE TABLE words (word VARCHAR(10))")
        connection.commit()
        with pytest.raises(redshift_connector.ProgrammingError, match=_IN_A_BLOCK):
            cursor.execute("ALTER TABLE words ALTER COLUMN word TYPE VARCHAR(20)")
        connection.rollback()
        connection.autocommit = True
        cursor.execute("ALTER TABLE words ALTER COLUMN word TYPE VARCHAR(20)")
        cursor.execute(_WIDTH)
        assert cursor.fetchone()[0] == "character varying(20)"
    finally:
        connection.close()


def test_alter_column_type_after_begin_in_one_simple_query_is_refused(cluster, schema):
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute(f"SET search_path TO {schema}")
        connection.execute("CREATE TABLE words (word VARCHAR(10))")
        result = connection.pgconn.exec_(b"BEGIN; ALTER TABLE words ALTER COLUMN word TYPE VARCHAR(20)")
        assert _IN_A_BLOCK.encode() in result.error_message
        connection.pgconn.exec_(b"ROLLBACK")
        connection.pgconn.exec_(b"COMMIT; ALTER TABLE words ALTER COLUMN word TYPE VARCHAR(30)")
        assert connection.execute(_WIDTH).fetchone() == ("character varying(30)",)


def test_a_late_binding_view_made_when_its_table_is_belongs_to_its_creator(cluster, schema):
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute(f"SET search_path TO {schema}")
        connection.execute(f"CREATE VIEW pending AS SELECT v FROM {schema}.later WITH NO SCHEMA BINDING")
        connection.execute(f"CREATE TABLE {schema}.later (v INTEGER)")
        owner = connection.execute(
            "SELECT viewowner FROM pg_views WHERE schemaname = %s AND viewname = 'pending'", (schema,)
        ).fetchone()
        assert owner == (cluster.user,)


def test_vacuum_and_analyze_through_redshift_connector(cluster, schema):
    """r_VACUUM_command.html, r_ANALYZE.html: VACUUM on an autocommit connection, ANALYZE in a transaction too."""
    connection = cluster.redshift_connector()
    try:
        cursor = connection.cursor()
        cursor.execute(f"CREATE TABLE {schema}.sales (salesid INTEGER)")
        cursor.execute(f"ANALYZE {schema}.sales PREDICATE COLUMNS")
        connection.commit()
        connection.autocommit = True
        cursor.execute(f"VACUUM SORT ONLY {schema}.sales TO 100 PERCENT")
        cursor.execute(f"VACUUM DELETE ONLY {schema}.sales")
        cursor.execute("ANALYZE")
    finally:
        connection.close()
