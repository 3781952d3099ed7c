"""COPY from S3 through the endpoint: both protocols, in and out of transactions, errors as Redshift gives them."""

import uuid
from pathlib import Path

import psycopg
import pytest
import redshift_connector

from tests.local_redshift.conftest import create_cluster, s3_reading_role, stack_client
from tests.local_redshift.copy.test_udacity import COPY_EVENTS, COPY_SONGS, STAGING_EVENTS, STAGING_SONGS

LOAD_FAILED = "Load into table '{table}' failed.  Check 'stl_load_errors' system table for details."


@pytest.fixture(scope="module")
def world(local_stack):
    """A cluster with an attached S3-reading role, a bucket of numbers files, and a role left unattached."""
    s3 = stack_client(local_stack, "s3")
    roles = [s3_reading_role(local_stack, "copy-endpoint") for _ in range(2)]
    bucket = f"numbers-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    s3.put_object(Bucket=bucket, Key="good/part-1.json", Body=b'{"n": 1, "word": "one"}\n{"n": 2, "word": "two"}')
    s3.put_object(Bucket=bucket, Key="good/part-2.json", Body=b'{"n": 3, "word": "three"}')
    s3.put_object(Bucket=bucket, Key="bad/part-1.json", Body=b'{"n": 1, "word": "one"}\n{"n": "many", "word": "x"}')
    login = create_cluster(local_stack, f"copy-{uuid.uuid4().hex[:8]}", IamRoles=[roles[0]])
    return {"login": login, "role": roles[0], "unattached": roles[1], "bucket": bucket, "stack": local_stack}


def copy_sql(world, prefix: str, table: str = "numbers", role: str | None = None) -> str:
    return (
        f"COPY {table} FROM 's3://{world['bucket']}/{prefix}' IAM_ROLE '{role or world['role']}' "
        f"FORMAT AS JSON 'auto' REGION 'us-west-2'"
    )


@pytest.fixture
def rs(world):
    with world["login"].redshift_connector() as connection:
        cursor = connection.cursor()
        schema = f"s_{uuid.uuid4().hex[:8]}"
        cursor.execute(
            f"CREATE SCHEMA {schema}; SET search_path TO {schema}; CREATE TABLE numbers (n INT, word VARCHAR(10))"
        )
        connection.commit()
        yield connection


def test_copy_through_the_extended_protocol_reports_its_count(rs, world):
    cursor = rs.cursor()
    cursor.execute(copy_sql(world, "good/"))
    assert cursor.rowcount == -1  # redshift_connector counts no COPY rows from Redshift's server_version 8.0.2
    cursor.execute("SELECT pg_last_copy_count()")
    assert cursor.fetchone() == [3]
    rs.commit()
    assert cursor.execute("SELECT n, word FROM numbers ORDER BY n").fetchall() == ([1, "one"], [2, "two"], [3, "three"])


def test_copy_inside_a_transaction_rolls_back_with_it(rs, world):
    cursor = rs.cursor()
    cursor.execute("INSERT INTO numbers VALUES (0, 'zero')")
    cursor.execute(copy_sql(world, "good/"))
    assert cursor.execute("SELECT count(*) FROM numbers").fetchone() == [4]
    rs.rollback()
    assert cursor.execute("SELECT count(*) FROM numbers").fetchone() == [0]


def test_copy_in_a_simple_query_between_other_statements(world):
    with world["login"].psycopg(autocommit=True) as connection:
        schema = f"s_{uuid.uuid4().hex[:8]}"
        cursor = connection.execute(
            f"CREATE SCHEMA {schema}; SET search_path TO {schema}; CREATE TABLE numbers (n INT, word VARCHAR(10));"
            f"{copy_sql(world, 'good/part-1')}; SELECT sum(n) FROM numbers"
        )
        tags = [cursor.statusmessage]
        while cursor.nextset():
            tags.append(cursor.statusmessage)
        assert tags == ["CREATE SCHEMA", "SET", "CREATE TABLE", "COPY 2", "SELECT 1"]
        assert cursor.fetchone() == (3,)


def test_a_failed_load_names_stl_load_errors_leaves_the_table_and_keeps_its_error_rows(rs, world):
    cursor = rs.cursor()
    cursor.execute("INSERT INTO numbers VALUES (0, 'zero')")
    rs.commit()
    with pytest.raises(redshift_connector.ProgrammingError) as failure:
        cursor.execute(copy_sql(world, "bad/"))
    assert failure.value.args[0]["C"] == "XX000"
    assert failure.value.args[0]["M"] == LOAD_FAILED.format(table="numbers")
    rs.rollback()
    assert cursor.execute("SELECT n FROM numbers").fetchall() == ([0],)
    cursor.execute(
        "SELECT filename, line_number, colname, err_code, raw_field_value FROM stl_load_errors "
        f"WHERE filename LIKE '%{world['bucket']}/bad/%' ORDER BY starttime DESC LIMIT 1"
    )
    filename, line, column, code, value = cursor.fetchone()
    assert (filename.strip(), line, column.strip(), value.strip()) == (
        f"s3://{world['bucket']}/bad/part-1.json",
        2,
        "n",
        "many",
    )
    assert code in (1207, 1216)


def test_maxerror_skips_bad_records_below_the_threshold(rs, world):
    cursor = rs.cursor()
    cursor.execute(copy_sql(world, "bad/") + " MAXERROR 1")
    assert cursor.execute("SELECT n FROM numbers").fetchall() == ([1],)


@pytest.mark.parametrize(
    ("prefix", "role", "message"),
    [
        ("missing/", None, "The specified S3 prefix 'missing/' does not exist"),
        ("good/", "unattached", "is not authorized to assume IAM Role"),
    ],
)
def test_copy_failures_give_redshift_messages_and_the_session_goes_on(rs, world, prefix, role, message):
    cursor = rs.cursor()
    with pytest.raises(redshift_connector.ProgrammingError, match=message) as failure:
        cursor.execute(copy_sql(world, prefix, role=world[role] if role else None))
    assert "W" not in failure.value.args[0]
    rs.rollback()
    assert cursor.execute("SELECT count(*) FROM numbers").fetchone() == [0]


def test_two_failing_copies_in_a_row_each_report_their_own_error_then_the_corrected_one_loads(rs, world):
    """A learner's second wrong COPY on the same connection gets its own error, not the first one's leftovers."""
    cursor = rs.cursor()
    with pytest.raises(redshift_connector.ProgrammingError, match="The specified S3 prefix 'missing/' does not exist"):
        cursor.execute(copy_sql(world, "missing/"))
    rs.rollback()
    with pytest.raises(redshift_connector.ProgrammingError, match="is not authorized to assume IAM Role"):
        cursor.execute(copy_sql(world, "good/", role=world["unattached"]))
    rs.rollback()
    with pytest.raises(redshift_connector.ProgrammingError, match="The specified S3 prefix 'absent/' does not exist"):
        cursor.execute(copy_sql(world, "absent/"))
    rs.rollback()
    cursor.execute(copy_sql(world, "good/"))
    assert cursor.execute("SELECT pg_last_copy_count()").fetchone() == [3]
    rs.commit()
    assert cursor.execute("SELECT count(*) FROM numbers").fetchone() == [3]


def test_copy_from_stdin_is_refused_as_on_redshift(world):
    with world["login"].psycopg() as connection, pytest.raises(psycopg.errors.FeatureNotSupported, match="STDIN"):
        connection.execute("COPY numbers FROM STDIN")


def test_the_course_copy_statements_load_the_course_sample(local_stack, udacity_sample: Path, world):
    """In a bucket of its own (other tests fill `udacity-dend` in the same stand-in), keys as in the course's."""
    s3, bucket = stack_client(local_stack, "s3"), f"udacity-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    for path in sorted(udacity_sample.rglob("*.json")):
        s3.put_object(Bucket=bucket, Key=path.relative_to(udacity_sample).as_posix(), Body=path.read_bytes())
    with world["login"].redshift_connector() as connection:
        cursor = connection.cursor()
        cursor.execute(STAGING_EVENTS.replace("CREATE TABLE ", "CREATE TEMP TABLE "))
        cursor.execute(STAGING_SONGS.replace("CREATE TABLE ", "CREATE TEMP TABLE "))
        cursor.execute(COPY_EVENTS.format(bucket=bucket, role=world["role"]))
        assert cursor.execute("SELECT pg_last_copy_count()").fetchone() == [8056]
        cursor.execute(COPY_SONGS.format(bucket=bucket, role=world["role"]))
        assert cursor.execute("SELECT pg_last_copy_count()").fetchone() == [71]
        assert cursor.execute("SELECT count(*) FROM staging_events WHERE page = 'NextSong'").fetchone() == [6820]
        assert cursor.execute("SELECT count(DISTINCT song_id) FROM staging_songs").fetchone() == [71]
