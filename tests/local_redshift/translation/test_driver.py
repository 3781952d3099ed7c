"""Splitting, parsing and writing: what passes as written, what sqlglot translates by itself, and COPY handed to
the COPY grammar."""

from __future__ import annotations

import psycopg
import pytest

from local_redshift.copy.options import CopyOptions, IamRole
from local_redshift.errors import RedshiftError, SqlState
from local_redshift.translation import translate
from tests.local_redshift.translation.support import one, run


@pytest.fixture(scope="module")
def database(database: str) -> str:
    """The star schema with the user test_top_becomes_limit reads (as test_ddl inserts it)."""
    with psycopg.connect(database, autocommit=True) as conn:
        run(conn, "INSERT INTO users VALUES (1, 'Ann', 'Lee', 'F', 'free')")
    return database


@pytest.mark.parametrize("text", ["", "   \n", "-- a comment only", "/* block */ -- and line", ";", " ; ;; "])
def test_no_statement_in_empty_text(text):
    assert translate(text) == []


def test_splits_on_semicolons_outside_strings_comments_and_dollar_quotes():
    sql = "SELECT 'a;b'; -- c; d\nCREATE PROCEDURE p() AS $$ BEGIN NULL; END; $$ LANGUAGE plpgsql;SELECT 2"
    assert [s.source for s in translate(sql)] == [
        "SELECT 'a;b'",
        "CREATE PROCEDURE p() AS $$ BEGIN NULL; END; $$ LANGUAGE plpgsql",
        "SELECT 2",
    ]


@pytest.mark.parametrize(
    "sql",
    [
        "BEGIN",  # START TRANSACTION is written BEGIN (test_transactions.py)
        "COMMIT",
        "ROLLBACK",
        "END",
        "SET search_path TO public",
        "SHOW search_path",
        "SET timezone = 'UTC'",
    ],
)
def test_session_and_transaction_commands_pass_as_written(sql, conn):
    [statement] = translate(sql)
    assert statement.postgres == [sql]
    if sql.startswith(("SET", "SHOW")):
        run(conn, sql)


def test_text_sqlglot_cannot_parse_is_refused_saying_where():
    with pytest.raises(RedshiftError, match=r'could not read the statement at line 1, column 10, near "\+"') as refused:
        translate("SELECT 1 +")
    assert refused.value.sqlstate == SqlState.SYNTAX_ERROR


def test_unterminated_string_is_refused_not_passed_to_postgres():
    with pytest.raises(RedshiftError, match="could not read the statement at line 1, column") as refused:
        translate("SELECT 'oops")
    assert refused.value.detail == "a string, quoted name or comment is not terminated"


def test_nvl_nvl2_and_decode_with_null_matching_null(conn):
    assert run(conn, "SELECT NVL(NULL, 'b'), NVL2(NULL, 'set', 'unset'), NVL2(1, 'set', 'unset')") == [
        ("b", "unset", "set")
    ]
    assert one(conn, "SELECT DECODE(NULL, 1, 'one', NULL, 'null', 'other')") == "null"
    assert run(conn, "SELECT DECODE(level, 'free', 0, 'paid', 1, NULL, -1) FROM (SELECT NULL::varchar AS level) t") == [
        (-1,)
    ]


def test_top_becomes_limit(conn):
    assert run(conn, "SELECT TOP 1 user_id FROM users") == [(1,)]


def test_copy_from_s3_is_handed_over_untranslated():
    sql = (
        "COPY staging_events FROM 's3://udacity-dend/log_data' IAM_ROLE 'arn:aws:iam::1:role/dwh'"
        " FORMAT AS JSON 's3://udacity-dend/log_json_path.json' REGION 'us-west-2' TIMEFORMAT AS 'epochmillisecs'"
        " TRUNCATECOLUMNS BLANKSASNULL COMPUPDATE OFF"
    )
    [statement] = translate(sql)
    assert statement.postgres == [] and isinstance(statement.copy, CopyOptions)
    assert statement.copy.table == "staging_events"
    assert statement.copy.source_url == "s3://udacity-dend/log_data"
    assert statement.copy.authorization == IamRole("arn:aws:iam::1:role/dwh")
    assert statement.copy.json.jsonpaths_url == "s3://udacity-dend/log_json_path.json"
    assert statement.copy.region == "us-west-2"
    assert statement.copy.timeformat == "epochmillisecs"
    assert statement.copy.truncate_columns and statement.copy.blanks_as_null  # COMPUPDATE OFF is read, and ignored


def test_copy_csv_options():
    # The COPY grammar reads every option as written (a misread one would be a syntax error).
    [statement] = translate(
        "COPY t (a, b) FROM 's3://b/k' CREDENTIALS 'aws_iam_role=arn:aws:iam::1:role/r' CSV QUOTE AS '\"' "
        "IGNOREHEADER 1 DELIMITER ',' ACCEPTINVCHARS MAXERROR AS 10 GZIP"
    )
    copy = statement.copy
    assert (copy.columns, copy.text.kind, copy.text.quote, copy.text.delimiter) == (("a", "b"), "csv", '"', ",")
    assert (copy.ignore_header, copy.accept_invalid_chars, copy.max_errors, copy.compression) == (1, "?", 10, "gzip")


@pytest.mark.parametrize("text", ["ELSE", "WHEN", "THEN"])
def test_a_lone_keyword_sqlglot_reads_as_no_statement_is_refused_where_it_stands(text):
    """Found by the fuzz test: sqlglot gives no tree for these; the statement never reaches PostgreSQL as written."""
    with pytest.raises(RedshiftError, match=f'could not read the statement at line 1, column 1, near "{text}"'):
        translate(text)


def test_create_or_replace_passes_as_written_only_for_what_redshift_creates_or_replaces():
    """r_CREATE_FUNCTION.html, r_CREATE_PROCEDURE.html, r_CREATE_VIEW.html: CREATE OR REPLACE FUNCTION, PROCEDURE and
    VIEW. PostgreSQL's rules are no Redshift object: CREATE OR REPLACE RULE never reaches PostgreSQL."""
    with pytest.raises(RedshiftError, match='could not read the statement at line 1, column 1, near "CREATE"'):
        translate("CREATE OR REPLACE RULE r AS ON INSERT TO t DO ALSO NOTHING")
    [procedure] = translate("CREATE OR REPLACE PROCEDURE p() AS $$ BEGIN NULL; END $$ LANGUAGE plpgsql")
    assert procedure.postgres[0].startswith("CREATE OR REPLACE PROCEDURE p()")


def test_a_statement_of_more_than_16_mb_is_refused_in_redshifts_words():
    # r_INSERT_30.html: "The maximum size for a single SQL statement is 16 MB."
    text = "INSERT INTO t VALUES (1) /* " + "x" * (16 * 2**20) + " */"
    with pytest.raises(RedshiftError) as refused:
        translate(text)
    assert refused.value.sqlstate == SqlState.SYNTAX_ERROR
    said = f"Statement is too large. Statement Size: {len(text)} bytes. Maximum Allowed: 16777216 bytes"
    assert refused.value.message == said
