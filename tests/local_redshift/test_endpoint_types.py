"""VARBYTE, the interval types and TIME through the running endpoint with redshift_connector, and COPY of a CSV file
into a VARBYTE column ("Loading a column of the VARBYTE data type": "For CSV, the data is loaded from a file in
hexadecimal representation of the VARBYTE data").

A VARBYTE value reaches a PostgreSQL client as the hexadecimal digits Redshift prints ("Amazon Redshift uses the hex
format to print VARBYTE values"), under Redshift's VARBYTE type code (6551); redshift_connector, which picks its
converter by that code, reads it as its bytes' text (its varbytehex_recv up to EXTENDED_RESULT_METADATA, the bytes
themselves from BINARY on), as its own datatype tests expect ('1111'::varbyte, the UTF-8 bytes of '1111', reads
"1111"). TO_HEX gives the digits to any client.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.local_redshift.conftest import REGION, create_cluster, s3_reading_role, stack_client

LOAD_FAILED = "Load into table 'blobs' failed."


@pytest.fixture(scope="module")
def world(local_stack) -> dict[str, Any]:
    """A cluster with an S3-reading role, and a bucket holding two CSV files of hexadecimal VARBYTE fields."""
    s3 = stack_client(local_stack, "s3")
    role = s3_reading_role(local_stack, "types")
    bucket = f"types-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    s3.put_object(Bucket=bucket, Key="good.csv", Body=b"1,6162\n2,4D0A\n3,\n")
    s3.put_object(Bucket=bucket, Key="bad.csv", Body=b"1,6162\n2,not hex\n")
    login = create_cluster(local_stack, f"types-{uuid.uuid4().hex[:8]}", IamRoles=[role])
    return {"login": login, "role": role, "bucket": bucket}


@pytest.fixture
def cursor(world):
    connection = world["login"].redshift_connector()
    connection.autocommit = True
    cursor = connection.cursor()
    schema = f"t_{uuid.uuid4().hex[:8]}"
    cursor.execute(f"CREATE SCHEMA {schema}")
    cursor.execute(f"SET search_path TO {schema}")
    yield cursor
    connection.close()


VARBYTES = "select from_hex('6162'), 'abc'::varbyte, to_hex('abc'::varbyte), 'abc'::varbyte::varchar"


@pytest.mark.parametrize("version", [0, 1, 2])
def test_redshift_connector_reads_varbyte_values_as_their_bytes_text(world, version):
    with world["login"].redshift_connector(client_protocol_version=version) as connection:
        cursor = connection.cursor()
        cursor.execute(VARBYTES)
        assert cursor.fetchone() == ["ab", "abc", "616263", "abc"]
        assert [column[1] for column in cursor.description] == [6551, 6551, 1043, 1043]


def test_a_postgresql_client_gets_the_hexadecimal_digits(world):
    with world["login"].psycopg() as connection:
        assert connection.execute(VARBYTES).fetchone() == ("6162", "616263", "616263", "abc")


def test_a_bytes_parameter_is_stored_as_the_utf8_of_its_digits(cursor):
    # redshift_connector sends bytes as their hexadecimal digits, of no declared type (its varbyte_send); a string
    # into a VARBYTE is its UTF-8 bytes ("When casting with CHAR and VARCHAR the UTF-8 format is used"), so the
    # digits come back, as the driver's test_redshift_varbyte_insert expects (`bytes(data).hex()`).
    cursor.execute("create table t_varbyte (id int, v1 varbyte)")
    cursor.execute("insert into t_varbyte (v1) values (%s)", (b"abc",))
    cursor.execute("select v1, len(v1) from t_varbyte")
    assert cursor.fetchone() == ["616263", 6]


def test_a_varbyte_column_holds_what_is_inserted(cursor):
    cursor.execute("create table b (v varbyte(4))")
    cursor.execute("insert into b values (from_hex('0a0b')), (5::smallint::varbyte)")
    cursor.execute("select to_hex(v), len(v) from b order by v")
    assert list(cursor.fetchall()) == [["0005", 2], ["0a0b", 2]]


def test_interval_literals_and_time_24_00_00_read_as_text(cursor):
    cursor.execute(
        "select INTERVAL '1-2' YEAR TO MONTH::text, INTERVAL '1.234567' SECOND (3)::text, '24:00:00'::time::text"
    )
    assert cursor.fetchone() == ["1 year 2 mons", "00:00:01.235", "24:00:00"]


def test_interval_literals_are_named_by_their_types(cursor):
    # "Examples of interval literals": the columns are intervaly2m and intervald2s.
    cursor.execute("select INTERVAL '1' YEAR, INTERVAL '5s' SECOND")
    assert [column[0] for column in cursor.description] == ["intervaly2m", "intervald2s"]


def test_the_interval_types_by_their_own_names(cursor):
    # INTERVALY2M and INTERVALD2S, as redshift_connector's own tests name the columns' types.
    cursor.execute("create table t_interval (id text, v1 intervaly2m, v2 intervald2s)")
    cursor.execute("insert into t_interval values ('a', '37 months', '10 23:59:59.999999')")
    cursor.execute("select v1::text, v2::text from t_interval")
    assert cursor.fetchone() == ["3 years 1 mon", "10 days 23:59:59.999999"]


def test_copy_loads_hexadecimal_csv_fields_into_a_varbyte_column(world, cursor):
    cursor.execute("create table blobs (id int, v varbyte)")
    cursor.execute(f"copy blobs from 's3://{world['bucket']}/good.csv' iam_role '{world['role']}' csv")
    cursor.execute("select id, to_hex(v) from blobs order by id")
    assert list(cursor.fetchall()) == [[1, "6162"], [2, "4d0a"], [3, None]]


def test_copy_refuses_a_varbyte_field_that_is_not_hexadecimal(world, cursor):
    cursor.execute("create table blobs (id int, v varbyte)")
    with pytest.raises(Exception, match=LOAD_FAILED):
        cursor.execute(f"copy blobs from 's3://{world['bucket']}/bad.csv' iam_role '{world['role']}' csv")
    cursor.execute("select err_code, colname from stl_load_errors order by starttime desc limit 1")
    assert cursor.fetchone() == [1216, "v"]
