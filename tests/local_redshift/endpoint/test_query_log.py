"""The query log without a server: how statements are classified, what a session records and when, the last
query id it tells the backend, and the writer's bounded queue."""

from __future__ import annotations

import logging
import threading
import time

import pytest

from local_redshift.endpoint.query_log import QueryLog, QueryRecord, SessionQueries, classify, masked
from tests.local_redshift.endpoint.wire import Unrecorded

FAILED = {"C": "42P01", "M": 'relation "nope" does not exist'}


class Kept(Unrecorded):
    """A query log that keeps its records."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[QueryRecord] = []

    def record(self, record: QueryRecord) -> int:
        self.records.append(record)
        return len(self.records)


@pytest.fixture
def kept() -> Kept:
    return Kept()


def _session(kept: Kept) -> SessionQueries:
    return SessionQueries(kept, "rs_x", "awsuser", "dev", 4242)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("SELECT count(*) FROM songplays", ("SELECT", False)),
        ("select 1", ("SELECT", True)),
        ("SELECT * FROM pg_table_def WHERE tablename = 'users'", ("SELECT", True)),
        ("WITH x AS (SELECT 1 AS a) SELECT a FROM x", ("SELECT", True)),
        ("SELECT query FROM stl_query", ("SELECT", False)),
        ("INSERT INTO t VALUES (1)", ("INSERT", False)),
        ("COPY t FROM 's3://b/k' IAM_ROLE 'arn:aws:iam::1:role/r'", ("COPY", False)),
        ("CREATE TABLE t (a INT)", ("DDL", False)),
        ("CREATE TABLE t2 AS SELECT * FROM t", ("CTAS", False)),
        ("DROP TABLE t", ("DDL", False)),
        ("BEGIN", ("UTILITY", False)),
        ("SET search_path TO s", ("UTILITY", False)),
    ],
)
def test_statements_are_classified_as_sys_query_history_and_the_leader_node_see_them(source, expected):
    assert classify(source) == expected


def test_a_completed_query_becomes_the_last_query_id_and_ddl_or_a_leader_node_query_does_not(kept):
    queries = _session(kept)
    assert queries.last_query_id() == -1
    for source in ("SELECT a FROM t", "CREATE TABLE u (a INT)", "SELECT 1"):
        queries.end(queries.begin(source), None)
    assert queries.last_query_id() == kept.records[0].query_id
    assert [(r.query_text, r.status) for r in kept.records] == [
        ("SELECT a FROM t", "success"),
        ("CREATE TABLE u (a INT)", "success"),
        ("SELECT 1", "success"),
    ]
    assert [r.row()[4:6] for r in kept.records] == [("SELECT", False), ("DDL", False), ("SELECT", True)]


def test_a_failed_query_is_recorded_with_its_error_and_is_not_the_last_query(kept):
    queries = _session(kept)
    queries.end(queries.begin("SELECT * FROM nope"), FAILED)
    queries.end(queries.begin("SELECT pg_sleep(10) FROM t"), {"C": "57014", "M": "canceling statement"})
    assert [(r.status, r.error_message) for r in kept.records] == [
        ("failed", 'relation "nope" does not exist'),
        ("canceled", "canceling statement"),
    ]
    assert queries.last_query_id() == -1


def test_a_statement_reading_pg_last_query_id_is_told_the_id_of_the_query_before_it(kept):
    queries = _session(kept)
    first, second, third = (queries.begin(s) for s in ("SELECT a FROM t", "SELECT pg_last_query_id()", "SELECT 2"))
    settings = queries.settings([first, second, third])
    assert settings[0] is None and settings[2] is None
    assert settings[1] == f"SELECT pg_catalog.set_config('redshift.last_query_id', '{first.query_id}', false)"


def test_each_execute_ends_at_the_sync_and_an_error_fails_them(kept):
    queries = _session(kept)
    queries.parsed("SELECT a FROM t")
    queries.bound("SELECT a FROM t")
    queries.execute("SELECT a FROM t")
    queries.synced(None)
    queries.bound("SELECT a FROM t")
    queries.execute("SELECT a FROM t")
    queries.synced(FAILED)
    assert [(r.query_text, r.status) for r in kept.records] == [
        ("SELECT a FROM t", "success"),
        ("SELECT a FROM t", "failed"),
    ]


def test_a_statement_refused_before_it_executes_is_recorded_failed(kept):
    queries = _session(kept)
    queries.parsed("SELECT * FROM nope")
    queries.synced(FAILED)
    queries.synced(None)
    assert [(r.query_text, r.status, r.session_id) for r in kept.records] == [("SELECT * FROM nope", "failed", 4242)]


def test_a_full_queue_drops_records_with_a_log_line_and_the_writer_stops(caplog):
    gate = threading.Event()

    def conninfo(_database: str) -> str:
        gate.wait()
        return "host=/nonexistent-query-log-test dbname=none"

    history = QueryLog(conninfo, limit=1)
    records = [_record(query_id) for query_id in range(1, 5)]
    with caplog.at_level(logging.WARNING, logger="local_redshift.endpoint.query_log"):
        history.record(records[0])
        while history._queue:  # the writer has taken the first and waits for its connection
            threading.Event().wait(0.01)
        for record in records[1:]:
            history.record(record)
        gate.set()
        history.stop()
    dropped = [r.getMessage() for r in caplog.records if "not recorded" in r.getMessage()]
    assert dropped == [f"query history full: query {n} of session 7 not recorded" for n in (3, 4)]
    assert not history._writer.is_alive()


def _record(query_id: int) -> QueryRecord:
    moment = time.time()
    return QueryRecord("rs_x", query_id, "awsuser", 7, "dev", "success", moment, moment, "x", None)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "COPY t FROM 's3://b/k' CREDENTIALS 'aws_access_key_id=AKIA;aws_secret_access_key=SK;token=TK' JSON 'auto'",
            "COPY t FROM 's3://b/k' CREDENTIALS '***' JSON 'auto'",
        ),
        (
            "copy t from 's3://b' access_key_id 'AKIA' secret_access_key 'S''K' session_token 'TK' region 'us-west-2'",
            "copy t from 's3://b' access_key_id '***' secret_access_key '***' session_token '***' region 'us-west-2'",
        ),
        ("CREATE USER bob PASSWORD AS 'Secret123'", "CREATE USER bob PASSWORD AS '***'"),
        ("SELECT 'password', 'credentials'", "SELECT 'password', 'credentials'"),
    ],
)
def test_the_history_keeps_no_secret_a_statement_carried(text, kept):
    assert masked(text) == kept
