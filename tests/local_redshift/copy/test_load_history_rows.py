"""What a COPY leaves behind besides its load errors, as the Developer Guide's pages describe it: PG_LAST_COPY_ID
(PG_LAST_COPY_ID.html), STL_LOAD_COMMITS (r_STL_LOAD_COMMITS.html), SYS_LOAD_HISTORY (SYS_LOAD_HISTORY.html) and
SYS_LOAD_ERROR_DETAIL (SYS_LOAD_ERROR_DETAIL.html), read through the catalog's views."""

from __future__ import annotations

import gzip
from dataclasses import replace
from datetime import datetime

import psycopg
import pytest

from local_redshift.copy import CopyError, load_history, load_state
from local_redshift.unload.grammar import parse_unload
from local_redshift.unload.run import run_unload
from tests.local_redshift.copy.test_load import AUTO, copy_auto


def last_copy_id(harness) -> int:
    return harness.execute("SELECT redshift_system.pg_last_copy_id()")[0][0]


def logged(harness, view: str, query_column: str) -> list[dict]:
    """The view's rows of this test's COPY, read over a connection of their own (as another session would)."""
    with psycopg.connect(harness.backend.log_conninfo) as connection:
        cursor = connection.execute(
            f"SELECT * FROM redshift_system.{view} WHERE {query_column} = %s", [harness.cluster.query_id]
        )
        names = [column.name for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def test_pg_last_copy_id_is_minus_one_before_any_copy(harness):
    assert last_copy_id(harness) == -1


def test_a_completed_copy_has_its_id_its_history_and_a_commit_row_per_file(harness):
    harness.execute("CREATE TABLE numbers (n integer)")
    first = harness.put("numbers/a.json", b'{"n": 1}\n{"n": 2}\n')
    second = harness.put("numbers/b.json", b'{"n": 3}')

    assert copy_auto(harness, "numbers", "numbers/") == 3

    assert last_copy_id(harness) == harness.cluster.query_id
    [history] = logged(harness, "sys_load_history", "query_id")
    assert {
        key: history[key]
        for key in ("status", "table_name", "data_source", "file_format", "loaded_rows", "error_count")
    } == {
        "status": "completed",
        "table_name": "numbers",
        "data_source": f"s3://{harness.bucket}/numbers/",
        "file_format": "json",
        "loaded_rows": 3,
        "error_count": 0,
    }
    assert (history["source_file_count"], history["file_count_scanned"]) == (2, 2)
    assert history["source_file_bytes"] == history["file_bytes_scanned"] == len(b'{"n": 1}\n{"n": 2}\n{"n": 3}')
    assert history["loaded_bytes"] > 0
    assert history["start_time"] <= history["end_time"]
    assert history["duration"] >= 0
    assert history["transaction_id"] is None, "an autocommit COPY's transaction is not known as it begins"
    commits = sorted(logged(harness, "stl_load_commits", "query"), key=lambda row: row["filename"])
    assert [(row["filename"].rstrip(), row["lines_scanned"], row["file_format"].rstrip()) for row in commits] == [
        (first, 2, "JSON"),
        (second, 1, "JSON"),
    ]
    assert all(isinstance(row["curtime"], datetime) for row in commits)


def test_a_copy_that_fails_on_bad_data_keeps_its_id_and_shows_aborted_with_its_errors(harness):
    harness.execute("CREATE TABLE events (id integer)")
    url = harness.put("events.json", b'{"id": 1}\n{"id": "a"}')

    with pytest.raises(CopyError):
        copy_auto(harness, "events", "events.json")

    assert last_copy_id(harness) == harness.cluster.query_id
    [history] = logged(harness, "sys_load_history", "query_id")
    assert (history["status"], history["loaded_rows"], history["error_count"]) == ("aborted", 0, 1)
    assert logged(harness, "stl_load_commits", "query") == []
    [detail] = logged(harness, "sys_load_error_detail", "query_id")
    table_oid = harness.execute("SELECT 'events'::regclass::oid::int")[0][0]
    assert {
        "table_id": detail["table_id"],
        "file_name": detail["file_name"].rstrip(),
        "line_number": detail["line_number"],
        "column_name": detail["column_name"].rstrip(),
        "column_type": detail["column_type"].rstrip(),
        "error_code": detail["error_code"],
        "error_message": detail["error_message"].rstrip(),
        "transaction_id": detail["transaction_id"],
    } == {
        "table_id": table_oid,
        "file_name": url,
        "line_number": 2,
        "column_name": "id",
        "column_type": "int4",
        "error_code": 1207,
        "error_message": "Invalid digit, Value 'a', Pos 0, Type: Integer",
        "transaction_id": history["transaction_id"],
    }


def test_a_copy_that_fails_before_loading_leaves_no_id_and_no_history(harness):
    harness.execute("CREATE TABLE numbers (n integer)")
    with pytest.raises(CopyError, match="does not exist"):
        copy_auto(harness, "numbers", "missing/")
    assert last_copy_id(harness) == -1
    assert logged(harness, "sys_load_history", "query_id") == []


def test_a_rolled_back_copy_takes_its_id_back_but_its_records_stay(harness):
    harness.execute("CREATE TABLE numbers (n integer)")
    harness.put("numbers.json", b'{"n": 1}')
    harness.connection.autocommit = False
    try:
        transaction = harness.execute("SELECT txid_current()")[0][0]
        copy_auto(harness, "numbers", "numbers.json")
        assert last_copy_id(harness) == harness.cluster.query_id
        harness.connection.rollback()
    finally:
        harness.connection.autocommit = True
    assert last_copy_id(harness) == -1
    assert len(logged(harness, "stl_load_commits", "query")) == 1, "a record does not mean the load committed"
    [history] = logged(harness, "sys_load_history", "query_id")
    assert (history["status"], history["transaction_id"]) == ("completed", transaction)


def test_noload_completes_without_loading_a_file(harness):
    harness.execute("CREATE TABLE numbers (n integer)")
    harness.put("numbers.json", b'{"n": 1}')
    assert copy_auto(harness, "numbers", "numbers.json", "NOLOAD") == 0
    [history] = logged(harness, "sys_load_history", "query_id")
    assert (history["status"], history["loaded_rows"], history["loaded_bytes"]) == ("completed", 0, 0)
    assert logged(harness, "stl_load_commits", "query") == []


def test_a_running_copy_s_history_row_is_running_with_its_counts_so_far_then_completed(harness, monkeypatch):
    """SYS_LOAD_HISTORY "contains both running and finished COPY commands", each row "with accumulated statistics
    for some of the fields" (SYS_LOAD_HISTORY.html): read by another session while the COPY loads, its row is
    running, with no end time, and counts the files and rows so far; the same row is completed at the end."""
    harness.execute("CREATE TABLE numbers (n integer)")
    for index in range(3):
        harness.put(f"numbers/{index}.json", b'{"n": 1}\n{"n": 2}\n')
    seen = []
    log_load = harness.backend.log_load

    def log_and_read(rows):
        log_load(rows)
        if "load_history" in rows:
            [row] = logged(harness, "sys_load_history", "query_id")
            seen.append((row["status"], row["end_time"], row["source_file_count"], row["loaded_rows"]))

    monkeypatch.setattr(harness.backend, "log_load", log_and_read)
    monkeypatch.setattr(load_history, "PROGRESS_SECONDS", 0)  # after every file
    session = harness.execute("SELECT pg_backend_pid()")[0][0]
    assert harness.copy(copy_statement("numbers/"), session_id=session) == 6
    running = [("running", None, files, 2 * files) for files in range(4)]
    assert seen[:-1] == running
    assert seen[-1][0] == "completed" and seen[-1][2:] == (3, 6)
    assert len(logged(harness, "sys_load_history", "query_id")) == 1


def test_a_running_copy_whose_session_has_gone_shows_aborted(harness, monkeypatch):
    """A COPY cannot complete once its session has gone (the endpoint stopped in the middle of it): its running row
    reads aborted."""
    harness.execute("CREATE TABLE numbers (n integer)")
    harness.put("numbers/0.json", b'{"n": 1}')
    with psycopg.connect(harness.backend.log_conninfo) as other:
        gone = other.execute("SELECT pg_backend_pid()").fetchone()[0]
    log_load = harness.backend.log_load
    statuses = []

    def log_and_read(rows):
        log_load(rows)
        if "load_history" in rows:
            statuses.append(logged(harness, "sys_load_history", "query_id")[0]["status"])

    monkeypatch.setattr(harness.backend, "log_load", log_and_read)
    harness.copy(copy_statement("numbers/"), session_id=gone)
    assert statuses == ["aborted", "completed"]


def copy_statement(prefix: str) -> str:
    return AUTO.format(table="numbers", prefix=prefix, options="")


def test_a_running_unload_s_history_row_is_running_with_its_files_so_far_then_completed(harness, monkeypatch):
    """SYS_UNLOAD_HISTORY "contains both running and finished UNLOAD commands", each row "with accumulated
    statistics for some of the fields" (SYS_UNLOAD_HISTORY.html): an UNLOAD (run with this harness, which COPY's
    history shares) reads running, with no end time, and counts the files and rows written so far, then completed."""
    harness.execute("CREATE TABLE venue (venueid smallint)")
    harness.execute("INSERT INTO venue VALUES (1), (2), (3)")
    role = harness.make_role(managed=("arn:aws:iam::aws:policy/AmazonS3FullAccess",))
    statement = f"UNLOAD ('select * from venue') TO 's3://{harness.bucket}/venue_' IAM_ROLE '{role}'"
    seen = []
    log_load = harness.backend.log_load

    def log_and_read(rows):
        log_load(rows)
        [row] = logged(harness, "sys_unload_history", "query_id")
        seen.append((row["status"], row["end_time"], row["unloaded_files_count"], row["unloaded_rows"]))

    monkeypatch.setattr(harness.backend, "log_load", log_and_read)
    monkeypatch.setattr(load_history, "PROGRESS_SECONDS", 0)  # after every file
    session = harness.execute("SELECT pg_backend_pid()")[0][0]
    cluster = replace(harness.cluster, session_id=session, iam_roles=(role,))
    assert run_unload(parse_unload(statement), harness.backend, cluster, harness.aws) == 3
    files, running = seen[-1][2], seen[:-1]
    assert files >= 1 and [row[:3] for row in running] == [("running", None, n) for n in range(files + 1)]
    rows_so_far = [row[3] for row in running]
    assert rows_so_far == sorted(rows_so_far) and rows_so_far[0] == 0 and rows_so_far[-1] == 3
    assert seen[-1][0] == "completed" and seen[-1][3] == 3
    assert len(logged(harness, "sys_unload_history", "query_id")) == 1


def test_stv_load_state_counts_a_compressed_load_in_its_compressed_columns_per_slice(harness, monkeypatch):
    """STV_LOAD_STATE (r_STV_LOAD_STATE.html): a row per slice, written as the load begins and after every million
    records (here every record, so that two small files show it); of compressed data, bytes_to_load is 0 and the
    *_compressed columns count the files' bytes, bytes_loaded those once decompressed. The two files go one to each
    of the cluster's two slices; the rows stay after the COPY, read with PG_LAST_COPY_ID() as the page does."""
    assert harness.execute("SELECT redshift_system.slice_count()") == [(2,)]
    harness.execute("CREATE TABLE numbers (n integer)")
    plain = [b'{"n": 1}\n{"n": 2}', b'{"n": 3}']
    packed = [gzip.compress(body) for body in plain]
    _, second = (harness.put(f"numbers/{index}.json.gz", body) for index, body in enumerate(packed))
    monkeypatch.setattr(load_state, "RECORDS_PER_UPDATE", 1)
    assert harness.copy(AUTO.format(table="numbers", prefix="numbers/", options="GZIP")) == 3
    rows = harness.execute(
        "SELECT slice, bytes_to_load, bytes_loaded, bytes_to_load_compressed, bytes_loaded_compressed, lines,"
        " num_files, num_files_complete, trim(current_file), pct_complete FROM redshift_system.stv_load_state"
        " WHERE query = redshift_system.pg_last_copy_id() ORDER BY slice"
    )
    # The last update: after the record of the second file, the first read to its end, the second not yet.
    assert rows == [
        (0, 0, len(plain[0]), len(packed[0]), len(packed[0]), 2, 1, 1, "", 100),
        (1, 0, 0, len(packed[1]), 0, 0, 1, 0, second, 0),
    ]
