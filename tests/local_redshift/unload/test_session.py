"""UNLOAD through the session's handlers over socket pairs, against a scripted PostgreSQL (no S3): the INFO notice
"UNLOAD completed, N record(s) unloaded successfully." and the command tag UNLOAD, in both query protocols."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from local_redshift.endpoint import messages
from local_redshift.endpoint.codes import Target
from local_redshift.endpoint.copying import report
from local_redshift.endpoint.framing import Reader, frame
from local_redshift.endpoint.relay import Relay
from local_redshift.endpoint.session import Handlers
from local_redshift.errors import RedshiftError, SqlState
from tests.local_redshift.endpoint.wire import FakePostgres, Wires, kinds, unrecorded_queries, wires

UNLOAD = "UNLOAD ('select * from venue') TO 's3://mybucket/unload/' IAM_ROLE 'arn:aws:iam::0123456789012:role/R'"


class ScriptedUnloads:
    """An UNLOAD path whose unloads fail or write as scripted, reporting failures as the real one does."""

    def __init__(self, relay: Relay, outcomes: list[int | RedshiftError]) -> None:
        self.relay, self.outcomes = relay, outcomes

    def run_or_report(self, options: object, extended: bool) -> int | None:
        raise AssertionError("no COPY here")

    def unload_or_report(self, options: object, extended: bool) -> int | None:
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, int):
            return outcome
        report(self.relay, outcome, extended)
        return None


@pytest.fixture
def session() -> Iterator[Wires]:
    with wires() as w:
        FakePostgres(w.backend).start()
        yield w


def _serve(w: Wires, outcomes: list[int | RedshiftError], *client_messages: bytes) -> list[bytes]:
    handlers = Handlers(w.relay, ScriptedUnloads(w.relay, outcomes), unrecorded_queries())
    w.client.sendall(b"".join(client_messages) + frame(ord("X")))
    handlers.serve(Reader(w.relay.client))
    return w.client_got()


def _extended(sql: str) -> list[bytes]:
    describe = frame(ord("D"), Target.PORTAL.encode() + b"\0")
    return [messages.parse("", sql), messages.bind("", ""), describe, messages.execute(""), messages.SYNC]


def _notice(frames: list[bytes]) -> dict[str, str]:
    [notice] = [messages.error_fields(f) for f in frames if f[:1] == b"N"]
    return notice


def test_simple_query_gets_the_notice_then_the_tag(session):
    got = _serve(session, [4], messages.query(UNLOAD))
    assert kinds(got) == "NCZ"
    assert _notice(got) == {
        "S": "INFO",
        "V": "INFO",
        "C": "00000",
        "M": "UNLOAD completed, 4 record(s) unloaded successfully.",
    }
    assert messages.first_string(got[1]) == "UNLOAD"


def test_extended_query_gets_the_notice_then_the_tag(session):
    got = _serve(session, [0], *_extended(UNLOAD))
    assert kinds(got) == "12nNCZ"
    assert _notice(got)["M"] == "UNLOAD completed, 0 record(s) unloaded successfully."
    assert messages.first_string(got[-2]) == "UNLOAD"


def test_a_failing_unload_reports_its_error_and_no_notice(session):
    failure = RedshiftError("Specified unload destination on S3 is not empty.", sqlstate=SqlState.INTERNAL_ERROR)
    got = _serve(session, [failure], *_extended(UNLOAD))
    assert kinds(got) == "12nEZ"
