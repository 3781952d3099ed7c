"""UNLOAD through the session's handlers over socket pairs, against a scripted PostgreSQL (no S3): the INFO notice
"UNLOAD completed, N record(s) unloaded successfully." and the command tag UNLOAD, in both query protocols."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from local_redshift.endpoint import messages
from local_redshift.errors import RedshiftError, SqlState
from tests.local_redshift.endpoint.wire import FakePostgres, ScriptedRuns, Wires, extended, kinds, serve, wires

UNLOAD = "UNLOAD ('select * from venue') TO 's3://mybucket/unload/' IAM_ROLE 'arn:aws:iam::0123456789012:role/R'"


@pytest.fixture
def session() -> Iterator[Wires]:
    with wires() as w:
        FakePostgres(w.backend).start()
        yield w


def _notice(frames: list[bytes]) -> dict[str, str]:
    [notice] = [messages.error_fields(f) for f in frames if f[:1] == b"N"]
    return notice


def test_simple_query_gets_the_notice_then_the_tag(session):
    got = serve(session, ScriptedRuns(session.relay, [4], "UNLOAD"), messages.query(UNLOAD))
    assert kinds(got) == "NCZ"
    assert _notice(got) == {
        "S": "INFO",
        "V": "INFO",
        "C": "00000",
        "M": "UNLOAD completed, 4 record(s) unloaded successfully.",
    }
    assert messages.first_string(got[1]) == "UNLOAD"


def test_extended_query_gets_the_notice_then_the_tag(session):
    got = serve(session, ScriptedRuns(session.relay, [0], "UNLOAD"), *extended(UNLOAD))
    assert kinds(got) == "12nNCZ"
    assert _notice(got)["M"] == "UNLOAD completed, 0 record(s) unloaded successfully."
    assert messages.first_string(got[-2]) == "UNLOAD"


def test_a_failing_unload_reports_its_error_and_no_notice(session):
    failure = RedshiftError("Specified unload destination on S3 is not empty.", sqlstate=SqlState.INTERNAL_ERROR)
    got = serve(session, ScriptedRuns(session.relay, [failure], "UNLOAD"), *extended(UNLOAD))
    assert kinds(got) == "12nEZ"
