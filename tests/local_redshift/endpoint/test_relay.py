"""The relay, byte for byte over socket pairs (no PostgreSQL): what reaches the client, what is kept back."""

from __future__ import annotations

import pytest

from local_redshift.endpoint import messages
from local_redshift.endpoint.copying import SessionBackend
from local_redshift.endpoint.relay import DESCRIBE_ENDS, EXECUTE_ENDS, SYNC_ENDS, Reply, Route
from local_redshift.errors import BackendError, RedshiftError, SqlState
from tests.local_redshift.endpoint.wire import (
    BIND_COMPLETE,
    COPY_IN_RESPONSE,
    FAILED_TRANSACTION,
    IN_TRANSACTION,
    NO_DATA,
    PARSE_COMPLETE,
    READY,
    data_row,
    kinds,
    notice,
    row_description,
    wires,
)


def test_result_rows_reach_the_client_byte_for_byte_in_order():
    rows = [data_row(str(n), "x" * (n % 50), None if n % 7 == 0 else "é") for n in range(20_000)]
    answer = [row_description("n", "text", "other"), *rows, messages.command_complete("SELECT 20000"), READY]
    with wires() as w:
        w.backend_says(*answer)
        reply = w.relay.query("SELECT n, text, other FROM t", Route.FORWARD)
        assert w.client_got() == answer
        assert reply.error is None and not w.relay.owed


def test_a_message_split_across_reads_is_reassembled():
    answer = b"".join(
        [row_description("a"), data_row("1"), data_row("22"), messages.command_complete("SELECT 2"), READY]
    )
    with wires() as w:
        for start in range(0, len(answer), 3):  # three bytes a write: frames end mid-read everywhere
            w.backend.sendall(answer[start : start + 3])
        w.relay.query("SELECT a FROM t", Route.FORWARD)
        assert b"".join(w.client_got()) == answer


def test_extended_mode_answers_pass_to_the_sync_and_set_the_transaction_status():
    with wires() as w:
        for ends in (frozenset({49}), frozenset({50}), EXECUTE_ENDS, SYNC_ENDS):
            w.relay.expect(Reply(ends=ends))
        w.backend_says(
            PARSE_COMPLETE, BIND_COMPLETE, data_row("1"), messages.command_complete("SELECT 1"), IN_TRANSACTION
        )
        w.relay.pump()
        assert kinds(w.client_got()) == "12DCZ"
        assert w.relay.status == "T" and not w.relay.owed


def test_an_error_in_extended_mode_settles_everything_owed_up_to_the_sync():
    error = messages.error("42P01", 'relation "nope" does not exist')
    with wires() as w:
        for ends in (frozenset({49}), frozenset({50}), EXECUTE_ENDS, SYNC_ENDS):
            w.relay.expect(Reply(ends=ends))
        w.backend_says(PARSE_COMPLETE, error, FAILED_TRANSACTION)
        w.relay.pump()
        assert w.client_got() == [PARSE_COMPLETE, error, FAILED_TRANSACTION]
        assert w.relay.status == "E" and not w.relay.skipping


def test_an_error_before_the_client_synced_skips_its_messages_until_it_does():
    with wires() as w:
        w.relay.expect(Reply(ends=EXECUTE_ENDS))
        w.backend_says(messages.error("22012", "division by zero"))
        w.relay.pump()
        assert w.relay.skipping


def test_an_error_raised_for_the_endpoint_loses_its_plpgsql_context():
    fields = {"S": "ERROR", "V": "ERROR", "C": "0A000", "M": "RETURNING is not supported by Amazon Redshift"}
    raised = messages.error_response({**fields, "W": "PL/pgSQL function redshift_system.raise_error(text) line 3"})
    with wires() as w:
        w.backend_says(raised, READY)
        w.relay.query("SELECT redshift_system.raise_error('0A000', '...')", Route.FORWARD)
        assert w.client_got() == [messages.error_response(fields), READY]


def test_swallowed_bookkeeping_shows_the_client_nothing_but_notices():
    with wires() as w:
        w.backend_says(notice("recorded"), messages.command_complete("INSERT 0 1"), READY)
        w.relay.query("INSERT INTO redshift_system.table_design VALUES (1)", Route.SWALLOW)
        assert w.client_got() == [notice("recorded")]


def test_tag_only_passes_just_the_command_tag():
    with wires() as w:
        w.relay.expect(Reply(Route.TAG_ONLY, EXECUTE_ENDS))
        w.backend_says(row_description("a"), data_row("1"), messages.command_complete("SELECT 1"))
        w.relay.pump()
        assert w.client_got() == [messages.command_complete("SELECT 1")]


def test_synthetic_answers_come_in_order_with_the_backends():
    with wires() as w:
        w.relay.expect(Reply(ends=frozenset({49})))
        w.relay.expect(Reply(synthetic=messages.NO_PARAMETERS + NO_DATA))
        w.relay.expect(Reply(ends=SYNC_ENDS))
        w.backend_says(PARSE_COMPLETE, READY)
        w.relay.pump()
        assert kinds(w.client_got()) == "1tnZ"


def test_captured_rows_and_errors_stay_with_the_endpoint():
    with wires() as w:
        backend = SessionBackend(w.relay, lambda rows: None)
        w.backend_says(row_description("a", "b"), data_row("1", None), messages.command_complete("SELECT 1"), READY)
        assert backend.fetch("SELECT a, b FROM t") == [("1", None)]
        w.backend_says(messages.error("42P01", 'relation "t" does not exist'), READY)
        with pytest.raises(BackendError) as raised:
            backend.fetch("SELECT a FROM t")
        assert raised.value.sqlstate == "42P01" and raised.value.message == 'relation "t" does not exist'
        assert w.client_got() == []


def test_a_notice_during_a_copy_reaches_the_client_and_the_count_comes_back():
    with wires() as w:
        backend = SessionBackend(w.relay, lambda rows: None)
        w.backend_says(COPY_IN_RESPONSE, notice("truncated"), messages.command_complete("COPY 2"), READY)
        assert backend.copy_in("COPY t FROM STDIN", [b"1\n", b"2\n"]) == 2
        assert w.client_got() == [notice("truncated")]
        assert kinds(w.backend_got()) == "Qddc"


def test_a_copy_the_backend_refuses_raises_its_error():
    with wires() as w:
        backend = SessionBackend(w.relay, lambda rows: None)
        w.backend_says(messages.error("42P01", 'relation "t" does not exist'), READY)
        with pytest.raises(BackendError, match='relation "t" does not exist'):
            backend.copy_in("COPY t FROM STDIN", [b"1\n"])
        assert kinds(w.backend_got()) == "Q"


def test_a_copy_whose_data_fails_is_cancelled_with_copy_fail():
    def chunks():
        yield b"1\n"
        raise ValueError("the file is not JSON")

    with wires() as w:
        backend = SessionBackend(w.relay, lambda rows: None)
        w.backend_says(COPY_IN_RESPONSE, messages.error("57014", "COPY from stdin failed"), READY)
        with pytest.raises(ValueError):
            backend.copy_in("COPY t FROM STDIN", chunks())
        assert kinds(w.backend_got()) == "Qdf"


def _refusing_bad(description: bytes):
    """A row check (Relay.check_rows_with) that refuses the value "bad"."""

    def check(kind: int, frame: bytes) -> bytes:
        if b"bad" in frame:
            raise RedshiftError("no bad values", sqlstate=SqlState.FEATURE_NOT_SUPPORTED)
        return frame

    return check


def test_a_value_a_row_check_refuses_fails_the_simple_query_and_nothing_after_it_reaches_the_client():
    refused = messages.error("0A000", "no bad values")
    with wires() as w:
        w.relay.check_rows_with(_refusing_bad)
        w.backend_says(
            row_description("a"), data_row("ok"), data_row("bad"), data_row("ok"),
            messages.command_complete("SELECT 3"), READY,
        )  # fmt: skip
        reply = w.relay.query("SELECT a FROM t", Route.FORWARD)
        assert w.client_got() == [row_description("a"), data_row("ok"), refused, READY]
        assert reply.error == {} and w.relay.status == "I" and not w.relay.owed


def test_in_a_transaction_block_a_refused_value_fails_the_backends_transaction_too():
    with wires() as w:
        w.relay.check_rows_with(_refusing_bad)
        w.backend_says(row_description("a"), data_row("bad"), messages.command_complete("SELECT 1"), IN_TRANSACTION)
        w.backend_says(messages.error("0A000", "no bad values"), FAILED_TRANSACTION)  # the raise the relay sends
        w.relay.query("SELECT a FROM t", Route.FORWARD)
        assert kinds(w.client_got()) == "TEZ"
        assert w.relay.status == "E" and not w.relay.owed
        assert kinds(w.backend_got()) == "QQ"  # the client's query, then the one failing the transaction


def test_in_extended_mode_the_rows_a_describe_announces_are_checked_too():
    with wires() as w:
        w.relay.check_rows_with(_refusing_bad)
        for ends in (frozenset({49}), frozenset({50}), DESCRIBE_ENDS, EXECUTE_ENDS, SYNC_ENDS):
            w.relay.expect(Reply(ends=ends))  # Parse, Bind, Describe (portal), Execute, Sync: one batch
        w.backend_says(
            PARSE_COMPLETE, BIND_COMPLETE, row_description("a"), data_row("ok"), data_row("bad"),
            messages.command_complete("SELECT 2"), READY,
        )  # fmt: skip
        w.relay.pump()
        assert kinds(w.client_got()) == "12TDEZ"
        assert w.relay.status == "I" and not w.relay.owed
