"""A full disk in Redshift's words, without a server: PostgreSQL's 53100 error relayed as "Disk Full" (its own words
in the detail), the last words of a backend that goes still reaching the client, and a warehouse that cannot start
for want of space recognised from its log."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from local_redshift.endpoint import messages
from local_redshift.endpoint.raised import scrubbed
from local_redshift.endpoint.relay import BackendGone, Route
from local_redshift.errors import DISK_FULL_HINT, DISK_FULL_MESSAGE
from local_redshift.warehouses import Warehouses
from tests.local_redshift.endpoint.wire import wires

# PostgreSQL's error when a WAL segment cannot be written (xlog.c, errcode_for_file_access: ENOSPC is 53100)
_WAL_FULL = {
    "S": "PANIC",
    "V": "PANIC",
    "C": "53100",
    "M": 'could not write to file "pg_wal/xlogtemp.123": No space left on device',
    "F": "xlog.c",
}
_TABLE_FULL = {
    "S": "ERROR",
    "V": "ERROR",
    "C": "53100",
    "M": 'could not extend file "base/16384/16385": No space left on device',
    "H": "Check free disk space.",
}


def test_a_full_disk_is_said_in_redshifts_words_with_postgresqls_after_them():
    # "Disk Full": the error STL_DISK_FULL_DIAG "logs information about errors recorded when the disk is full"
    # (https://docs.aws.amazon.com/redshift/latest/dg/r_STL_DISK_FULL_DIAG.html)
    for said in (_WAL_FULL, _TABLE_FULL):
        fields = messages.error_fields(scrubbed(messages.error_response(said)))
        assert fields["M"] == DISK_FULL_MESSAGE == "Disk Full"
        assert fields["C"] == "53100" and fields["S"] == said["S"]
        assert fields["D"] == said["M"]
        assert fields["H"] == DISK_FULL_HINT


def test_other_errors_naming_53100_pass_unchanged():
    frame = messages.error_response({"S": "ERROR", "C": "22P02", "M": "invalid input syntax: C53100"})
    assert scrubbed(frame) is frame


def test_what_a_backend_said_before_it_went_reaches_the_client():
    with wires() as w:
        w.backend.sendall(messages.error_response(_WAL_FULL))  # a PANIC: its error, then the connection ends
        w.backend.shutdown(socket.SHUT_WR)
        with pytest.raises(BackendGone):
            w.relay.query("INSERT INTO t SELECT 1", Route.FORWARD)
        [frame] = w.client_got()
        assert messages.error_fields(frame)["M"] == DISK_FULL_MESSAGE


def test_a_warehouse_whose_log_says_no_space_is_kept_down_by_a_full_disk(tmp_path: Path):
    warehouses = Warehouses(tmp_path, 5432)
    home = tmp_path / "rs_x"
    home.mkdir()
    assert warehouses.free_if_full("rs_x") is None  # no log yet, and this disk has room
    (home / "postgres.log").write_text("LOG:  database system is ready to accept connections\n")
    assert warehouses.free_if_full("rs_x") is None
    (home / "postgres.log").write_text(
        'FATAL:  could not write to file "pg_wal/xlogtemp.1": No space left on device\n'
        "LOG:  startup process (PID 1) exited with exit code 1\n"
        "LOG:  shutting down due to startup process failure\n"
        "LOG:  database system is shut down\n"
    )
    assert warehouses.free_if_full("rs_x") is not None
