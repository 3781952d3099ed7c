"""Framing and message fields, from bytes (no server)."""

from __future__ import annotations

import socket
import struct

import pytest

from local_redshift.endpoint import messages
from local_redshift.endpoint.codes import Backend, Startup
from local_redshift.endpoint.framing import ConnectionClosed, Reader, frame
from tests.local_redshift.endpoint.wire import data_row


def _reader_of(data: bytes) -> tuple[Reader, socket.socket]:
    ours, theirs = socket.socketpair()
    theirs.sendall(data)
    theirs.close()
    return Reader(ours), ours


def test_messages_come_out_whole_with_their_type():
    reader, sock = _reader_of(messages.query("SELECT 1") + messages.SYNC)
    with sock:
        assert reader.message() == (ord("Q"), messages.query("SELECT 1"))
        assert reader.message() == (ord("S"), messages.SYNC)
        with pytest.raises(ConnectionClosed):
            reader.message()


def test_a_startup_packet_gives_its_code_and_parameters():
    body = struct.pack("!i", Startup.PROTOCOL_3) + b"user\0awsuser\0database\0dev\0\0"
    reader, sock = _reader_of(struct.pack("!i", len(body) + 4) + body)
    with sock:
        code, rest = reader.startup()
    assert code == Startup.PROTOCOL_3
    assert messages.startup_parameters(rest) == {"user": "awsuser", "database": "dev"}


@pytest.mark.parametrize("length", [4, 10_001, 2**31 - 1])
def test_a_startup_packet_of_an_impossible_length_closes_the_connection(length):
    reader, sock = _reader_of(struct.pack("!i", length) + b"\0" * 16)
    with sock, pytest.raises(ConnectionClosed):
        reader.startup()


def test_pass_run_hands_over_only_whole_rows_of_the_kind_asked():
    rows = data_row("1") + data_row("2")
    tail = messages.command_complete("SELECT 2")
    reader, sock = _reader_of(rows + tail)
    handed: list[bytes] = []
    with sock:
        reader.message()  # fills the buffer: the first row comes out as a message
        reader.pass_run(bytes([Backend.DATA_ROW]), lambda view: handed.append(bytes(view)))
        assert handed == [data_row("2")]
        assert reader.message() == (Backend.COMMAND_COMPLETE, tail)


def test_error_fields_round_trip():
    fields = {"S": "ERROR", "V": "ERROR", "C": "42601", "M": 'syntax error at or near "x"', "D": "detail"}
    assert messages.error_fields(messages.error_response(fields)) == fields
    assert messages.error_fields(messages.error("42601", 'syntax error at or near "x"', detail="detail")) == fields


def test_parse_fields_and_names():
    parse = messages.parse("s1", "SELECT $1", [23])
    assert messages.parse_fields(parse) == ("s1", "SELECT $1", [23])
    assert messages.bind_names(messages.bind("p1", "s1")) == ("p1", "s1")
    assert messages.target(messages.close("P", "p1")) == ("P", "p1")


@pytest.mark.parametrize(("tag", "count"), [("COPY 12", 12), ("INSERT 0 5", 5), ("CREATE TABLE", 0)])
def test_row_count_of_a_command_tag(tag, count):
    assert messages.row_count(tag) == count


def test_data_row_values_in_text_format():
    assert messages.data_row_values(data_row("a", None, "é")) == ("a", None, "é")


def test_frame_counts_its_length_but_not_its_type():
    assert frame(ord("Z"), b"I") == b"Z\0\0\0\5I"


def test_fill_soon_takes_bytes_that_come_and_gives_up_when_none_do():
    ours, theirs = socket.socketpair()
    with ours, theirs:
        reader = Reader(ours)
        assert reader.fill_soon(0.001) is False
        theirs.sendall(messages.SYNC)
        assert reader.fill_soon(1.0) is True
        assert reader.message() == (ord("S"), messages.SYNC)
        theirs.close()
        with pytest.raises(ConnectionClosed):
            reader.fill_soon(1.0)
