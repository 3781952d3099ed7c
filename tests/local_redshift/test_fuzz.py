"""Generated bad input, not only hand-picked: the JSON reader, the JSONPaths parser, the SQL translator, and the
running endpoint given SQL and data files made up by hypothesis. Each ends in a Redshift-style error or load error
row, never a crash, a hang or a partly loaded table.

The run is short in `make test`; set SPARKIFY_FUZZ_EXAMPLES (e.g. 5000) for a longer one.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from datetime import timedelta

import orjson
import psycopg
import pytest
import redshift_connector
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from local_redshift.copy import CopyError
from local_redshift.copy.errors import LoadError
from local_redshift.copy.json_records import read_records
from local_redshift.copy.jsonpaths import parse_jsonpaths_file
from local_redshift.errors import SYNTAX_END, RedshiftError, SqlState
from local_redshift.translation import Statement, UnsupportedFeature, translate
from tests.local_redshift.conftest import create_cluster, s3_reading_role, stack_client

EXAMPLES = int(os.environ.get("SPARKIFY_FUZZ_EXAMPLES", "150"))
fuzz = settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
through_endpoint = settings(
    max_examples=max(10, EXAMPLES // 5),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

WORDS = [
    "SELECT",
    "FROM",
    "WHERE",
    "CREATE",
    "TABLE",
    "INSERT",
    "INTO",
    "VALUES",
    "DISTKEY",
    "SORTKEY",
    "ENCODE",
    "IDENTITY",
    "(",
    ")",
    ",",
    ";",
    "'x'",
    "1",
    "0",
    "NULL",
    "*",
    "GETDATE()",
    "DATEDIFF",
    "LISTAGG",
    "WITHIN",
    "GROUP",
    "ORDER",
    "BY",
    "COPY",
    "IAM_ROLE",
    "'s3://b/k'",
    "JSON",
    "t",
    "c",
    "INT",
    "VARCHAR(MAX)",
    "--",
    "/*",
    "*/",
    "$$",
    '"q"',
    "DISTSTYLE",
    "ALL",
    "ON",
    "CONFLICT",
    "RETURNING",
    "SERIAL",
    "::",
    "[",
    "]",
]
sql_like = st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


def damaged(document: bytes, cut: int, junk: bytes) -> bytes:
    """A document truncated somewhere and followed by junk (a BOM, invalid UTF-8, stray brackets...)."""
    return document[: cut % (len(document) + 1)] + junk


junk_bytes = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"{", b"}", b"[[[[", b"\n", b"\x00", b'"', b"\\"])


@fuzz
@given(st.one_of(st.text(max_size=200), sql_like))
@example("CREATE USER")  # a user statement read word by word ends early: Redshift's own "syntax error at end of input"
def test_the_translator_translates_or_names_what_redshift_rejects(text):
    try:
        statements = translate(text)
    except UnsupportedFeature as refusal:
        assert "not supported" in str(refusal)
        return
    except RedshiftError as refusal:  # a COPY whose grammar is wrong, or a statement the translator cannot read
        assert refusal.sqlstate == SqlState.SYNTAX_ERROR
        words = refusal.message == SYNTAX_END or refusal.message.startswith("syntax error at or near")
        assert "COPY" in text.upper() or "the local Redshift could not read the statement" in refusal.message or words
        return
    assert all(isinstance(statement, Statement) for statement in statements)


@fuzz
@given(
    st.one_of(
        st.binary(max_size=300),
        st.builds(
            lambda paths: orjson.dumps({"jsonpaths": paths}),
            st.lists(st.one_of(st.text(max_size=15), st.integers(0, 99), st.none()), max_size=5),
        ),
        st.builds(damaged, st.builds(orjson.dumps, json_values), st.integers(0, 400), junk_bytes),
    )
)
def test_the_jsonpaths_parser_parses_or_says_the_file_is_invalid(data):
    try:
        parse_jsonpaths_file(data, "s3://bucket/paths.json")
    except CopyError as error:
        assert "s3://bucket/paths.json" in str(error) or "JSONPath" in str(error)


@fuzz
@given(
    st.lists(
        st.one_of(
            st.builds(orjson.dumps, json_values),
            st.builds(damaged, st.builds(orjson.dumps, json_values), st.integers(0, 400), junk_bytes),
            st.binary(max_size=40),
        ),
        max_size=6,
    ),
    st.sampled_from([b"\n", b"", b" "]),
    st.sampled_from([b"", b"\xef\xbb\xbf"]),
)
def test_the_json_reader_yields_records_or_load_errors(parts, separator, start):
    for record in read_records(start + separator.join(parts)):
        assert (record.value is None) != (record.error is None)
        assert record.error is None or isinstance(record.error, LoadError)


def test_deep_nesting_and_huge_strings_are_load_errors_not_crashes():
    deep = b"[" * 100_000 + b"]" * 100_000
    huge = b'{"word": "' + b"x" * (5 * 1024 * 1024) + b'"}'
    for data in (deep, huge):
        for record in read_records(data):
            assert (record.value is None) != (record.error is None)


@pytest.fixture(scope="module")
def fuzz_world(local_stack):
    s3 = stack_client(local_stack, "s3")
    name = f"fuzz-{uuid.uuid4().hex[:8]}"
    role = s3_reading_role(local_stack, name)
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    login = create_cluster(local_stack, name, IamRoles=[role])
    with login.psycopg(autocommit=True) as connection:
        connection.execute("CREATE TABLE fuzzed (n INT, word VARCHAR(10), at TIMESTAMP)")
    return {"login": login, "role": role, "bucket": name, "s3": s3}


@through_endpoint
@given(st.one_of(sql_like, st.text(max_size=80)))
def test_made_up_sql_through_the_endpoint_fails_cleanly_and_the_sessions_go_on(fuzz_world, text):
    login = fuzz_world["login"]
    with login.psycopg(autocommit=True) as simple:
        with contextlib.suppress(psycopg.Error):
            simple.execute(text.replace("\0", ""))
        assert simple.execute("SELECT 1").fetchone() == (1,)
    with login.redshift_connector() as extended:
        cursor = extended.cursor()
        try:
            cursor.execute(text.replace("%", "%%").replace("\0", ""))
        except redshift_connector.Error:
            extended.rollback()
        assert cursor.execute("SELECT 1").fetchone() == [1]


@through_endpoint
@given(
    st.lists(
        st.one_of(
            st.builds(
                orjson.dumps,
                st.fixed_dictionaries(
                    {
                        "n": st.one_of(st.integers(-(2**40), 2**40), st.text(max_size=5), st.none()),
                        "word": st.one_of(st.text(max_size=14), st.integers(-(2**63), 2**63 - 1)),
                        "at": st.one_of(st.integers(0, 2**42), st.text(max_size=8)),
                    }
                ),
            ),
            st.builds(damaged, st.builds(orjson.dumps, json_values), st.integers(0, 100), junk_bytes),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_made_up_files_load_whole_or_not_at_all(fuzz_world, records):
    key = f"files/{uuid.uuid4().hex}.json"
    fuzz_world["s3"].put_object(Bucket=fuzz_world["bucket"], Key=key, Body=b"\n".join(records))
    copy = (
        f"COPY fuzzed FROM 's3://{fuzz_world['bucket']}/{key}' IAM_ROLE '{fuzz_world['role']}' "
        f"FORMAT AS JSON 'auto' TIMEFORMAT 'epochmillisecs' REGION 'us-west-2'"
    )
    with fuzz_world["login"].psycopg() as connection:
        before = connection.execute("SELECT count(*) FROM fuzzed").fetchone()[0]
        try:
            connection.execute(copy)
            loaded = connection.execute("SELECT pg_last_copy_count()").fetchone()[0]
            connection.rollback()
        except psycopg.Error as error:
            connection.rollback()
            assert "stl_load_errors" in str(error) or "JSON" in str(error) or error.sqlstate, str(error)
            loaded = 0
        assert connection.execute("SELECT count(*) FROM fuzzed").fetchone()[0] == before
        assert 0 <= loaded <= len(records)
