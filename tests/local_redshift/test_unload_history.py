"""What an UNLOAD through the endpoint leaves behind, read with the Developer Guide's own queries, both query
protocols: PG_LAST_UNLOAD_ID (PG_LAST_UNLOAD_ID.html), PG_LAST_UNLOAD_COUNT (PG_LAST_UNLOAD_COUNT.html),
STL_UNLOAD_LOG (r_STL_UNLOAD_LOG.html), SYS_UNLOAD_HISTORY (SYS_UNLOAD_HISTORY.html) and SYS_UNLOAD_DETAIL
(SYS_UNLOAD_DETAIL.html). The tutorial's cluster, one ra3.large node, has two slices: a PARALLEL ON unload of
three rows writes two files."""

from __future__ import annotations

import dataclasses
import json
import uuid

import psycopg
import pytest

from tests.local_redshift.conftest import REGION, create_cluster, s3_reading_role, stack_client
from tests.local_redshift.serverless.workgroups import create_workgroup
from tests.support import REDSHIFT_TRUST

S3_FULL_ACCESS = "arn:aws:iam::aws:policy/AmazonS3FullAccess"
# r_STL_UNLOAD_LOG.html's query ("the path names for the files created by an UNLOAD for the last completed query"),
# with trim for the page's substring
LAST_QUERY_FILES = "select query, trim(path) as path from stl_unload_log where query = pg_last_query_id() order by path"
LAST_UNLOAD_LOG = (
    "SELECT query, slice, pid, trim(path), line_count, transfer_size, trim(file_format), end_time >= start_time"
    " FROM stl_unload_log WHERE query = pg_last_unload_id() ORDER BY path"
)
LAST_UNLOAD_DETAIL = (
    "SELECT query_id, session_id, trim(file_name), line_count, transfer_size, trim(file_format)"
    " FROM sys_unload_detail WHERE query_id = pg_last_unload_id() ORDER BY file_name"
)
LAST_UNLOAD_HISTORY = (
    "SELECT query_id, status, database_name, file_format, compression_type, unloaded_location, unloaded_rows,"
    " unloaded_files_count, unloaded_files_size, error_message, duration >= 0"
    " FROM sys_unload_history WHERE query_id = pg_last_unload_id()"
)
LAST_UNLOAD = "SELECT pg_last_unload_id(), pg_last_unload_count()"


@pytest.fixture(scope="module")
def world(local_stack):
    """A cluster with an attached role that may write S3, a role that may only read it, and a bucket."""
    iam = stack_client(local_stack, "iam")
    name = f"unload-log-{uuid.uuid4().hex[:8]}"
    writer = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(REDSHIFT_TRUST))["Role"]["Arn"]
    iam.attach_role_policy(RoleName=name, PolicyArn=S3_FULL_ACCESS)
    reader = s3_reading_role(local_stack, "unload-log-reader")
    s3 = stack_client(local_stack, "s3")
    bucket = f"unload-log-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    login = create_cluster(local_stack, f"unload-log-{uuid.uuid4().hex[:8]}", IamRoles=[writer, reader])
    return {"login": login, "role": writer, "reader": reader, "bucket": bucket, "s3": s3, "stack": local_stack}


def _venue(cursor) -> None:
    schema = f"s_{uuid.uuid4().hex[:8]}"
    cursor.execute(f"CREATE SCHEMA {schema}")
    cursor.execute(f"SET search_path TO {schema}")
    cursor.execute("CREATE TABLE venue (venueid SMALLINT, venuename VARCHAR(100))")
    cursor.execute("INSERT INTO venue VALUES (1, 'Pinewood Racetrack'), (2, 'Columbus Crew Stadium'), (4, 'Arena')")


@pytest.fixture
def pg(world):
    """A psycopg (simple protocol) session in a schema of its own holding VENUE, autocommit."""
    with world["login"].psycopg(autocommit=True) as connection:
        _venue(connection.cursor())
        yield connection


@pytest.fixture
def rs(world):
    """A redshift_connector (extended protocol) session in a schema of its own holding VENUE."""
    with world["login"].redshift_connector() as connection:
        _venue(connection.cursor())
        connection.commit()
        yield connection


def _prefix(world, name: str) -> str:
    return f"s3://{world['bucket']}/{uuid.uuid4().hex[:8]}/{name}"


def _unload(world, query: str, prefix: str, options: str = "", role: str | None = None) -> str:
    quoted = query.replace("'", "''")
    return f"UNLOAD ('{quoted}') TO '{prefix}' IAM_ROLE '{role or world['role']}' {options}"


def _sizes(world, prefix: str) -> dict[str, int]:
    """The size of each object under the prefix, by its URL."""
    bucket, _, key = prefix.removeprefix("s3://").partition("/")
    listed = world["s3"].list_objects_v2(Bucket=bucket, Prefix=key).get("Contents", [])
    return {f"s3://{bucket}/{item['Key']}": item["Size"] for item in listed}


def _rows(connection, sql: str) -> list[tuple]:
    """The rows of `sql` as tuples, over either client."""
    if isinstance(connection, psycopg.Connection):
        return connection.execute(sql).fetchall()
    cursor = connection.cursor()
    cursor.execute(sql)
    return [tuple(row) for row in cursor.fetchall()]


def _run(connection, sql: str) -> None:
    if isinstance(connection, psycopg.Connection):
        connection.execute(sql)
    else:
        connection.cursor().execute(sql)


@pytest.fixture(params=["psycopg", "redshift_connector"])
def session(request, world):
    """A session of either protocol, in a schema of its own holding VENUE."""
    return request.getfixturevalue("pg" if request.param == "psycopg" else "rs")


# --- a completed UNLOAD -----------------------------------------------------------------------------------------


def test_before_any_unload_the_id_is_minus_one_and_the_count_zero(session):
    # PG_LAST_UNLOAD_ID: "If no UNLOAD commands have been run in the current session, PG_LAST_UNLOAD_ID returns -1";
    # PG_LAST_UNLOAD_COUNT: "If no UNLOAD commands were completed in the current session ... returns 0"
    assert _rows(session, LAST_UNLOAD) == [(-1, 0)]


def test_a_completed_unload_is_the_last_with_its_count_its_files_and_its_history(session, world):
    prefix = _prefix(world, "venue_")
    _run(session, _unload(world, "select * from venue order by venueid", prefix))
    [(query, count)] = _rows(session, LAST_UNLOAD)
    assert query > 0
    assert count == 3  # "the number of rows that were unloaded by the last UNLOAD command completed"
    if not isinstance(session, psycopg.Connection):
        session.commit()  # the log is written beside the transaction: its snapshot shows the rows once it ends
    [(pid,)] = _rows(session, "SELECT pg_backend_pid()")
    sizes = _sizes(world, prefix)
    first, second = f"{prefix}0000_part_00", f"{prefix}0001_part_00"
    assert sorted(sizes) == [first, second]
    # r_STL_UNLOAD_LOG.html: "one row for each file created by an UNLOAD statement"; slice, the process ID,
    # the path, the lines unloaded to the file, the bytes transferred; the example's files are text: "Text"
    assert _rows(session, LAST_UNLOAD_LOG) == [
        (query, 0, pid, first, 2, sizes[first], "Text", True),
        (query, 1, pid, second, 1, sizes[second], "Text", True),
    ]
    # SYS_UNLOAD_DETAIL.html: the same files, by file_name, format "Text" as its example shows
    assert _rows(session, LAST_UNLOAD_DETAIL) == [
        (query, pid, first, 2, sizes[first], "Text"),
        (query, pid, second, 1, sizes[second], "Text"),
    ]
    # SYS_UNLOAD_HISTORY.html: one row per UNLOAD, status completed, the location, rows, files and their size
    assert _rows(session, LAST_UNLOAD_HISTORY) == [
        (query, "completed", "dev", "Text", "NONE", prefix, 3, 2, sum(sizes.values()), None, True)
    ]


def test_stl_unload_log_answers_the_pages_query_for_the_last_completed_query(pg, world):
    # r_STL_UNLOAD_LOG.html: "where query = pg_last_query_id()" run right after the UNLOAD
    prefix = _prefix(world, "venue_")
    pg.execute(_unload(world, "select * from venue", prefix))
    files = pg.execute(LAST_QUERY_FILES).fetchall()
    [(query,)] = pg.execute("SELECT pg_last_unload_id()").fetchall()
    assert files == [(query, f"{prefix}0000_part_00"), (query, f"{prefix}0001_part_00")]


def test_the_history_names_the_format_and_the_compression(pg, world):
    prefix = _prefix(world, "venue_")
    pg.execute(_unload(world, "select venueid from venue", prefix, "FORMAT AS CSV GZIP PARALLEL OFF"))
    history = "SELECT file_format, compression_type, unloaded_files_count FROM sys_unload_history"
    assert pg.execute(f"{history} WHERE query_id = pg_last_unload_id()").fetchall() == [("CSV", "GZIP", 1)]
    assert pg.execute(LAST_UNLOAD_DETAIL).fetchall()[0][2] == f"{prefix}000.gz"


def test_a_header_line_is_not_an_unloaded_row(pg, world):
    # line_count: "The number of lines (rows) unloaded to the file": the query's rows, not the column names
    pg.execute(_unload(world, "select venueid from venue", _prefix(world, "head_"), "HEADER PARALLEL OFF"))
    assert [row[3] for row in pg.execute(LAST_UNLOAD_DETAIL).fetchall()] == [3]


def test_the_manifest_is_no_data_file_of_the_log(pg, world):
    prefix = _prefix(world, "manifest_")
    pg.execute(_unload(world, "select venueid from venue", prefix, "MANIFEST PARALLEL OFF"))
    assert [row[2] for row in pg.execute(LAST_UNLOAD_DETAIL).fetchall()] == [f"{prefix}000"]
    assert sorted(_sizes(world, prefix)) == [f"{prefix}000", f"{prefix}manifest"]


# --- failures and transactions ----------------------------------------------------------------------------------


def test_an_unload_refused_before_it_began_changes_nothing(session, world):
    # PG_LAST_UNLOAD_ID: "not updated if the UNLOAD command fails because of an error that occurs before the load
    # process begins, such as a syntax error, access error, invalid credentials, or insufficient privileges";
    # PG_LAST_UNLOAD_COUNT: then it "returns the count for the previous UNLOAD"
    prefix = _prefix(world, "first_")
    _run(session, _unload(world, "select venueid from venue", prefix, "PARALLEL OFF"))
    if not isinstance(session, psycopg.Connection):
        session.commit()
    before = _rows(session, LAST_UNLOAD)
    refusals = [
        _unload(world, "select no_such_column from venue", _prefix(world, "syntax_")),
        _unload(world, "select venueid from venue", _prefix(world, "denied_"), role=world["reader"]),
        _unload(world, "select venueid from venue", prefix, "PARALLEL OFF"),  # not empty, no ALLOWOVERWRITE
    ]
    for refused in refusals:
        with pytest.raises(Exception, match=r"no_such_column|Access Denied|not empty"):
            _run(session, refused)
        if not isinstance(session, psycopg.Connection):
            session.rollback()
        assert _rows(session, LAST_UNLOAD) == before
    [(query, _)] = before
    assert _rows(session, f"SELECT count(*) FROM sys_unload_history WHERE query_id > {query}") == [(0,)]


def test_an_unload_failed_while_unloading_is_the_last_aborted_with_its_error_and_no_files(pg, world):
    # PG_LAST_UNLOAD_ID: "If the UNLOAD fails because of invalid load data, the UNLOAD ID is updated";
    # PG_LAST_UNLOAD_COUNT: "if the last UNLOAD failed during the unload operation, PG_LAST_UNLOAD_COUNT returns 0";
    # SYS_UNLOAD_HISTORY.html: status aborted, and "The error message of the UNLOAD command"
    pg.execute(_unload(world, "select venueid from venue", _prefix(world, "first_")))
    [(first, _)] = pg.execute(LAST_UNLOAD).fetchall()
    prefix = _prefix(world, "zero_")
    with pytest.raises(psycopg.errors.DivisionByZero):
        pg.execute(_unload(world, "select 1 / (venueid - venueid) from venue", prefix))
    [(query, count)] = pg.execute(LAST_UNLOAD).fetchall()
    assert query > first
    assert count == 0
    assert pg.execute(LAST_UNLOAD_HISTORY).fetchall() == [
        (query, "aborted", "dev", "Text", "NONE", prefix, 0, 0, 0, "division by zero", True)
    ]
    assert pg.execute(LAST_UNLOAD_LOG).fetchall() == []
    assert _sizes(world, prefix) == {}


def test_a_rolled_back_unload_is_not_the_last_but_its_log_stays(rs, world):
    # PG_LAST_UNLOAD_ID: "If the UNLOAD transaction is rolled back, the UNLOAD ID is not updated"; the files are in
    # S3 and the system log keeps them, as STL_LOAD_ERRORS keeps a rolled-back COPY's
    cursor = rs.cursor()
    prefix = _prefix(world, "rolled_back_")
    cursor.execute(_unload(world, "select venueid from venue", prefix, "PARALLEL OFF"))
    [(query, count)] = _rows(rs, LAST_UNLOAD)
    assert (query > 0, count) == (True, 3)
    rs.rollback()
    assert _rows(rs, LAST_UNLOAD) == [(-1, 0)]
    [(status, transaction)] = _rows(
        rs, f"SELECT status, transaction_id FROM sys_unload_history WHERE query_id = {query}"
    )
    assert (status, isinstance(transaction, int)) == ("completed", True)  # it ran in a transaction block
    assert _rows(rs, f"SELECT count(*) FROM stl_unload_log WHERE query = {query}") == [(1,)]


# --- where the rows are -----------------------------------------------------------------------------------------


def test_another_cluster_does_not_see_the_unloads_of_this_one(pg, world):
    pg.execute(_unload(world, "select venueid from venue", _prefix(world, "mine_")))
    [(query,)] = pg.execute("SELECT pg_last_unload_id()").fetchall()
    other = create_cluster(world["stack"], f"unload-log-other-{uuid.uuid4().hex[:8]}")
    with other.psycopg(autocommit=True) as connection:
        for view, column in [("stl_unload_log", "query"), ("sys_unload_detail", "query_id")]:
            assert connection.execute(f"SELECT count(*) FROM {view} WHERE {column} = {query}").fetchone() == (0,)
        assert connection.execute("SELECT count(*) FROM sys_unload_history").fetchone() == (0,)


def test_on_serverless_stl_unload_log_is_refused_and_the_sys_views_answer(world):
    # r_STL_UNLOAD_LOG.html: it "doesn't contain queries run on ... serverless namespaces ... we recommend that you
    # use the SYS monitoring view SYS_UNLOAD_HISTORY and SYS_UNLOAD_DETAIL"
    workgroup = create_workgroup(world["stack"], "unloadlog", iamRoles=[world["role"]], defaultIamRoleArn=world["role"])
    prefix = _prefix(world, "serverless_")
    with workgroup.connect() as connection:
        connection.execute(f"UNLOAD ('select 1') TO '{prefix}' IAM_ROLE default PARALLEL OFF")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="stl_unload_log"):
            connection.execute("SELECT * FROM stl_unload_log")
        assert connection.execute(LAST_UNLOAD_HISTORY).fetchone()[:2] == (
            connection.execute("SELECT pg_last_unload_id()").fetchone()[0],
            "completed",
        )
        assert [row[2] for row in connection.execute(LAST_UNLOAD_DETAIL)] == [f"{prefix}000"]


def test_a_regular_user_sees_only_its_own_unloads_and_a_superuser_all(world):
    # each page: "visible to all users. Superusers can see all rows; regular users can see only their own data"
    user, password = f"unloader_{uuid.uuid4().hex[:6]}", "Unload1234"
    admin = world["login"]
    with admin.psycopg(autocommit=True) as connection:
        connection.execute(f"CREATE USER {user} PASSWORD '{password}'")
        connection.execute(_unload(world, "select 1", _prefix(world, "admin_"), "PARALLEL OFF"))
        [(theirs,)] = connection.execute("SELECT pg_last_unload_id()").fetchall()
    with dataclasses.replace(admin, user=user, password=password).psycopg(autocommit=True) as connection:
        connection.execute(_unload(world, "select 2", _prefix(world, "user_"), "PARALLEL OFF"))
        [(mine,)] = connection.execute("SELECT pg_last_unload_id()").fetchall()
        for view, column in [
            ("stl_unload_log", "query"),
            ("sys_unload_detail", "query_id"),
            ("sys_unload_history", "query_id"),
        ]:
            seen = {
                row[0]
                for row in connection.execute(f"SELECT {column} FROM {view} WHERE {column} IN ({theirs}, {mine})")
            }
            assert seen == {mine}, view
    with admin.psycopg(autocommit=True) as connection:
        seen = {
            row[0]
            for row in connection.execute(
                f"SELECT query_id FROM sys_unload_history WHERE query_id IN ({theirs}, {mine})"
            )
        }
        assert seen == {theirs, mine}
