"""The session's handlers over socket pairs, against a scripted PostgreSQL: virtual COPY statements in both
query protocols, and each failed COPY reporting its own error (no PostgreSQL, no S3)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from local_redshift.endpoint import messages
from local_redshift.endpoint.framing import Reader, frame
from local_redshift.endpoint.handlers import Handlers
from local_redshift.errors import RedshiftError, SqlState
from tests.local_redshift.endpoint.wire import (
    FakePostgres,
    NoUsers,
    ScriptedRuns,
    Wires,
    extended,
    kinds,
    serve,
    unrecorded_queries,
    wires,
)

COPY = "COPY events FROM 's3://bucket/log_data' IAM_ROLE 'arn:aws:iam::123456789012:role/r' FORMAT AS JSON 'auto'"


@pytest.fixture
def session() -> Iterator[tuple[Wires, FakePostgres]]:
    with wires() as w:
        postgres = FakePostgres(w.backend)
        postgres.start()
        yield w, postgres


def _failure(message: str) -> RedshiftError:
    return RedshiftError(message, sqlstate=SqlState.INTERNAL_ERROR, detail="query: 1")


def _errors(frames: list[bytes]) -> list[dict[str, str]]:
    return [messages.error_fields(f) for f in frames if f[:1] == b"E"]


def test_two_failing_copies_in_extended_mode_each_report_their_own_error_then_one_loads(session):
    w, _ = session
    outcomes: list[int | RedshiftError] = [_failure("first failure"), _failure("second failure"), 3]
    got = serve(w, ScriptedRuns(w.relay, outcomes, "COPY"), *extended(COPY), *extended(COPY), *extended(COPY))
    assert kinds(got) == "12nEZ" + "12nEZ" + "12nCZ"
    assert [error["M"] for error in _errors(got)] == ["first failure", "second failure"]
    assert all("W" not in error and error["C"] == "XX000" for error in _errors(got))
    assert messages.first_string(got[-2]) == "COPY 3"


def test_two_failing_copies_in_simple_mode_each_report_their_own_error_then_one_loads(session):
    w, _ = session
    outcomes: list[int | RedshiftError] = [_failure("first failure"), _failure("second failure"), 3]
    got = serve(w, ScriptedRuns(w.relay, outcomes, "COPY"), *[messages.query(COPY)] * 3)
    assert kinds(got) == "EZ" + "EZ" + "CZ"
    assert [error["M"] for error in _errors(got)] == ["first failure", "second failure"]
    assert messages.first_string(got[-2]) == "COPY 3"


def test_the_endpoints_own_statement_is_closed_before_it_is_prepared_again(session):
    w, postgres = session
    failures = [_failure("first failure"), _failure("second failure")]
    serve(w, ScriptedRuns(w.relay, failures, "COPY"), *extended(COPY), *extended(COPY))
    sent = [(chr(m[0]), m) for m in postgres.received]
    parses = [n for n, (kind, m) in enumerate(sent) if kind == "P" and b"_local_redshift" in m]
    assert len(parses) == 2
    for parse in parses:
        assert sent[parse - 1][0] == "C" and sent[parse - 1][1][5:6] == b"S"  # Close of the statement first


def test_a_statement_redshift_rejects_fails_with_its_name_and_no_plpgsql_context(session):
    w, _ = session
    got = serve(w, ScriptedRuns(w.relay, [], "COPY"), *extended("INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING"))
    assert kinds(got).endswith("EZ")
    [error] = _errors(got)
    assert error["C"] == "0A000" and "ON CONFLICT" in error["M"] and "W" not in error


def test_an_unknown_message_type_ends_the_session_with_a_protocol_violation(session):
    w, _ = session
    handlers = Handlers(w.relay, ScriptedRuns(w.relay, [], "COPY"), unrecorded_queries(), NoUsers())
    w.client.sendall(frame(ord("?")))
    handlers.serve(Reader(w.relay.client))
    [error] = _errors(w.client_got())
    assert error["S"] == "FATAL" and error["C"] == "08P01"
