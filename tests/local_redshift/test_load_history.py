"""What a COPY through the endpoint leaves behind, read with the Developer Guide's own queries: PG_LAST_COPY_ID
(PG_LAST_COPY_ID.html), STL_LOAD_COMMITS (r_STL_LOAD_COMMITS.html), SYS_LOAD_HISTORY (SYS_LOAD_HISTORY.html),
SYS_LOAD_ERROR_DETAIL (SYS_LOAD_ERROR_DETAIL.html)."""

import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest

from tests.local_redshift.conftest import create_cluster, s3_reading_role, stack_client

LAST_COPY_COMMITS = (
    "select query, trim(filename) as file, curtime as updated from stl_load_commits where query = pg_last_copy_id()"
)
LAST_COPY_HISTORY = (
    "SELECT query_id, status, table_name, data_source, loaded_rows, error_count, source_file_count"
    " FROM sys_load_history WHERE query_id = pg_last_copy_id()"
)
LAST_COPY_ERRORS = (
    "SELECT query_id, trim(file_name), line_number, trim(column_name), trim(column_type), error_code,"
    " trim(error_message) FROM sys_load_error_detail WHERE query_id = pg_last_copy_id()"
)


@pytest.fixture(scope="module")
def loads(local_stack):
    """A cluster with an attached S3-reading role and a bucket with good and bad files of numbers."""
    s3 = stack_client(local_stack, "s3")
    role = s3_reading_role(local_stack, "load-history")
    bucket = f"loads-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    s3.put_object(Bucket=bucket, Key="good/part-1.json", Body=b'{"n": 1}\n{"n": 2}')
    s3.put_object(Bucket=bucket, Key="good/part-2.json", Body=b'{"n": 3}')
    s3.put_object(Bucket=bucket, Key="bad/part-1.json", Body=b'{"n": 1}\n{"n": "a"}')
    login = create_cluster(local_stack, f"loads-{uuid.uuid4().hex[:8]}", IamRoles=[role])
    return {"login": login, "role": role, "bucket": bucket}


def copy_numbers(loads, prefix: str) -> str:
    return (
        f"COPY numbers FROM 's3://{loads['bucket']}/{prefix}' IAM_ROLE '{loads['role']}'"
        " FORMAT AS JSON 'auto' REGION 'us-west-2'"
    )


@pytest.fixture
def session(loads):
    """An autocommit psycopg session through the endpoint, in a schema of its own with a table `numbers`."""
    with loads["login"].psycopg(autocommit=True) as connection:
        schema = f"s_{uuid.uuid4().hex[:8]}"
        connection.execute(f"CREATE SCHEMA {schema}")
        connection.execute(f"SET search_path TO {schema}")
        connection.execute("CREATE TABLE numbers (n INT)")
        yield connection


def one(connection: psycopg.Connection, sql: str) -> object:
    return connection.execute(sql).fetchone()[0]


def test_a_completed_copy_shows_in_pg_last_copy_id_its_commits_and_its_history(session, loads):
    assert one(session, "SELECT pg_last_copy_id()") == -1
    session.execute(copy_numbers(loads, "good/"))
    query = one(session, "SELECT pg_last_copy_id()")
    assert query > 0
    commits = session.execute(LAST_COPY_COMMITS).fetchall()
    assert sorted((row[0], row[1]) for row in commits) == [
        (query, f"s3://{loads['bucket']}/good/part-1.json"),
        (query, f"s3://{loads['bucket']}/good/part-2.json"),
    ]
    assert session.execute(LAST_COPY_HISTORY).fetchall() == [
        (query, "completed", "numbers", f"s3://{loads['bucket']}/good/", 3, 0, 2)
    ]


def test_load_commits_filenames_are_character_256_which_like_matches_with_their_trailing_blanks(session, loads):
    # r_STL_LOAD_COMMITS.html: filename is character(256); r_patternmatching_condition_like.html: LIKE does not
    # ignore trailing spaces, "use RTRIM or explicitly cast a CHAR column to VARCHAR"
    session.execute(copy_numbers(loads, "good/part-1"))
    where = "FROM stl_load_commits WHERE query = pg_last_copy_id() AND"
    assert one(session, f"SELECT count(*) {where} filename LIKE '%part-1.json'") == 0
    assert one(session, f"SELECT count(*) {where} rtrim(filename) LIKE '%part-1.json'") == 1
    assert one(session, f"SELECT count(*) {where} filename::varchar LIKE '%part-1.json'") == 1
    assert one(session, f"SELECT count(*) {where} filename = 's3://{loads['bucket']}/good/part-1.json'") == 1


def test_a_copy_failed_by_bad_data_is_the_last_copy_aborted_with_its_error_detail(session, loads):
    with pytest.raises(psycopg.Error, match="stl_load_errors"):
        session.execute(copy_numbers(loads, "bad/"))
    query = one(session, "SELECT pg_last_copy_id()")
    assert query > 0
    assert session.execute(LAST_COPY_HISTORY).fetchall() == [
        (query, "aborted", "numbers", f"s3://{loads['bucket']}/bad/", 0, 1, 1)
    ]
    assert session.execute(LAST_COPY_ERRORS).fetchall() == [
        (query, f"s3://{loads['bucket']}/bad/part-1.json", 2, "n", "int4", 1207,
         "Invalid digit, Value 'a', Pos 0, Type: Integer")
    ]  # fmt: skip
    assert session.execute(LAST_COPY_COMMITS).fetchall() == []


def test_a_copy_failed_while_loading_leaves_pg_last_copy_count_zero(session, loads):
    # PG_LAST_COPY_COUNT.html: "if the last COPY failed during loading, PG_LAST_COPY_COUNT returns 0"; one that
    # failed before (here: no such files) "returns the count for the previous COPY"
    session.execute(copy_numbers(loads, "good/"))
    assert one(session, "SELECT pg_last_copy_count()") == 3
    with pytest.raises(psycopg.Error, match="does not exist"):
        session.execute(copy_numbers(loads, "missing/"))
    assert one(session, "SELECT pg_last_copy_count()") == 3
    with pytest.raises(psycopg.Error, match="stl_load_errors"):
        session.execute(copy_numbers(loads, "bad/"))
    assert one(session, "SELECT pg_last_copy_count()") == 0


def test_a_copy_failed_before_loading_does_not_change_pg_last_copy_id(session, loads):
    session.execute(copy_numbers(loads, "good/"))
    query = one(session, "SELECT pg_last_copy_id()")
    with pytest.raises(psycopg.Error, match="does not exist"):
        session.execute(copy_numbers(loads, "missing/"))
    assert one(session, "SELECT pg_last_copy_id()") == query


def test_a_rolled_back_copy_does_not_change_pg_last_copy_id(loads):
    with loads["login"].redshift_connector() as connection:
        cursor = connection.cursor()
        schema = f"s_{uuid.uuid4().hex[:8]}"
        cursor.execute(f"CREATE SCHEMA {schema}; SET search_path TO {schema}; CREATE TABLE numbers (n INT)")
        connection.commit()
        cursor.execute(copy_numbers(loads, "good/"))
        cursor.execute("SELECT pg_last_copy_id()")
        assert cursor.fetchone()[0] > 0
        connection.rollback()
        cursor.execute("SELECT pg_last_copy_id()")
        assert cursor.fetchone()[0] == -1


def test_a_copy_is_recorded_after_the_connection_its_session_writes_logs_on_was_ended(session, loads, local_stack):
    """The endpoint keeps the connection it writes a session's load logs on; when that one has gone (here ended by
    the server), the next COPY's rows are written on a new one: nothing of the load's history is lost."""
    session.execute(copy_numbers(loads, "good/"))
    with psycopg.connect(local_stack.warehouse(loads["login"].identifier).conninfo(), autocommit=True) as admin:
        ended = admin.execute(  # the endpoint's own connections to the cluster's database: its server's superuser's
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname LIKE 'rs\\_%'"
            " AND usename = current_user AND pid <> pg_backend_pid()"
        ).fetchone()[0]
    assert ended >= 1
    session.execute(copy_numbers(loads, "good/"))
    query = one(session, "SELECT pg_last_copy_id()")
    assert session.execute(LAST_COPY_HISTORY).fetchall() == [
        (query, "completed", "numbers", f"s3://{loads['bucket']}/good/", 3, 0, 2)
    ]


def test_a_copy_waiting_for_its_table_is_running_in_sys_load_history_then_completed(loads):
    """SYS_LOAD_HISTORY "contains both running and finished COPY commands" (SYS_LOAD_HISTORY.html): a COPY that
    waits for its table, which another session has locked (LOCK.html: a query that needs a locked table waits for
    the lock), reads running from a third session, with no end time yet; once the lock goes, the same row reads
    completed."""
    login = loads["login"]
    schema = f"s_{uuid.uuid4().hex[:8]}"
    with login.psycopg(autocommit=True) as setup:
        setup.execute(f"CREATE SCHEMA {schema}")
        setup.execute(f"CREATE TABLE {schema}.numbers (n INT)")
    history = (
        "SELECT status, end_time IS NULL, source_file_count FROM sys_load_history"
        " WHERE session_id = %s AND table_name = 'numbers'"
    )
    with login.psycopg() as holder, login.psycopg(autocommit=True) as copier, login.psycopg(autocommit=True) as reader:
        holder.execute(f"LOCK {schema}.numbers")
        copier.execute(f"SET search_path TO {schema}")
        session = one(copier, "SELECT pg_backend_pid()")
        with ThreadPoolExecutor(1) as pool:
            copying = pool.submit(copier.execute, copy_numbers(loads, "good/"))
            deadline = time.monotonic() + 30
            while not reader.execute(history, [session]).fetchall() and time.monotonic() < deadline:
                time.sleep(0.05)
            assert reader.execute(history, [session]).fetchall() == [("running", True, 0)]
            assert not copying.done()
            holder.rollback()
            copying.result(timeout=60)
    assert reader_rows(login, history, session) == [("completed", False, 2)]


def reader_rows(login, sql: str, *parameters) -> list[tuple]:
    with login.psycopg(autocommit=True) as reader:
        return reader.execute(sql, list(parameters)).fetchall()


def test_stv_load_state_shows_each_slice_as_it_was_after_the_first_million_records(loads, local_stack):
    """STV_LOAD_STATE (r_STV_LOAD_STATE.html), read with the page's own query: "The COPY command updates this table
    after every million records are loaded", a row per slice. Four files of 300,000 records go to the cluster's two
    slices in turn; at the millionth record the first three files are loaded and the fourth is being read, so the
    rows show slice 0 done and slice 1 half way, and stay so, the load ending before a second million."""
    s3 = stack_client(local_stack, "s3")
    body = b"\n".join([b'{"n": 1}'] * 300_000)
    for index in range(4):
        s3.put_object(Bucket=loads["bucket"], Key=f"million/part-{index}.json", Body=body)
    with loads["login"].psycopg(autocommit=True) as session:
        schema = f"s_{uuid.uuid4().hex[:8]}"
        session.execute(f"CREATE SCHEMA {schema}")
        session.execute(f"SET search_path TO {schema}")
        session.execute("CREATE TABLE numbers (n INT)")
        session.execute(copy_numbers(loads, "million/"))
        assert one(session, "SELECT pg_last_copy_count()") == 1_200_000
        page_query = (
            "select slice , bytes_loaded, bytes_to_load , pct_complete from stv_load_state"
            " where query = pg_last_copy_id() order by slice"
        )
        assert session.execute(page_query).fetchall() == [
            (0, 2 * len(body), 2 * len(body), 100),
            (1, len(body), 2 * len(body), 50),
        ]
        current = session.execute(
            "SELECT slice, lines, num_files, num_files_complete, trim(current_file) FROM stv_load_state"
            " WHERE query = pg_last_copy_id() ORDER BY slice"
        ).fetchall()
        assert current == [(0, 600_000, 2, 2, ""), (1, 300_000, 2, 1, f"s3://{loads['bucket']}/million/part-3.json")]
