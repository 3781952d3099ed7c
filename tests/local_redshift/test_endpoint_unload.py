"""UNLOAD to S3 through the endpoint, both query protocols, the objects read back with boto3 from the stand-in.

Expected names and contents come from the Database Developer Guide: "UNLOAD" (r_UNLOAD), "UNLOAD examples"
(r_UNLOAD_command_examples) and "Unloading data to Amazon S3" (t_Unloading_tables); each test names its example
or the rule it derives from. The tutorial's cluster, one ra3.large node, has two slices.
"""

from __future__ import annotations

import bz2
import gzip
import json
import uuid

import psycopg
import pyarrow as pa
import pyarrow.parquet
import pytest

from local_redshift.unload.errors import NOT_EMPTY
from tests.local_redshift.conftest import REGION, create_cluster, s3_reading_role, stack_client
from tests.support import REDSHIFT_TRUST, stand_in_client

S3_FULL_ACCESS = "arn:aws:iam::aws:policy/AmazonS3FullAccess"
VENUE_ROWS = [  # the rows of the VENUE table the CSV and JSON examples show
    (1, "Pinewood Racetrack", "Akron", "OH", 0),
    (2, 'Columbus "Crew" Stadium', "Columbus", "OH", 0),
    (4, "Community, Ballpark, Arena", "Kansas City", "KS", 0),
]


@pytest.fixture(scope="module")
def world(local_stack):
    """A cluster with an attached role that may write S3, a role that may only read it, and a bucket."""
    iam = stack_client(local_stack, "iam")
    name = f"unload-{uuid.uuid4().hex[:8]}"
    writer = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(REDSHIFT_TRUST))["Role"]["Arn"]
    iam.attach_role_policy(RoleName=name, PolicyArn=S3_FULL_ACCESS)
    reader = s3_reading_role(local_stack, "unload-reader")
    s3 = stack_client(local_stack, "s3")
    bucket = f"unload-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    login = create_cluster(local_stack, f"unload-{uuid.uuid4().hex[:8]}", IamRoles=[writer, reader])
    return {"login": login, "role": writer, "reader": reader, "bucket": bucket, "s3": s3, "stack": local_stack}


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


def _venue(cursor) -> None:
    schema = f"s_{uuid.uuid4().hex[:8]}"
    cursor.execute(f"CREATE SCHEMA {schema}")
    cursor.execute(f"SET search_path TO {schema}")
    cursor.execute(
        "CREATE TABLE venue (venueid SMALLINT, venuename VARCHAR(100), venuecity VARCHAR(30), venuestate CHAR(2),"
        " venueseats INTEGER)"
    )
    cursor.execute("INSERT INTO venue VALUES " + ", ".join(_values(row) for row in VENUE_ROWS))


def _values(row: tuple) -> str:
    return "(" + ", ".join(str(v) if isinstance(v, int) else "'" + v.replace("'", "''") + "'" for v in row) + ")"


def _prefix(world, name: str) -> str:
    return f"s3://{world['bucket']}/{uuid.uuid4().hex[:8]}/{name}"


def _unload(world, query: str, prefix: str, options: str = "", role: str | None = None) -> str:
    quoted = query.replace("'", "''")
    return f"UNLOAD ('{quoted}') TO '{prefix}' IAM_ROLE '{role or world['role']}' {options}"


def _objects(world, prefix: str) -> dict[str, bytes]:
    """Every object under the prefix, by its key relative to the prefix."""
    bucket, _, key = prefix.removeprefix("s3://").partition("/")
    listed = world["s3"].list_objects_v2(Bucket=bucket, Prefix=key).get("Contents", [])
    return {
        item["Key"][len(key) :]: world["s3"].get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
        for item in listed
    }


def _text(objects: dict[str, bytes]) -> str:
    return "".join(body.decode() for _, body in sorted(objects.items()))


# --- text, the default format; names, tag and row count ----------------------------------------------------


def test_unload_writes_pipe_delimited_part_files_per_slice_and_says_how_many_rows(pg, world):
    # "Unload VENUE to a pipe-delimited file (default delimiter)": <prefix><slice>_part_<part>, one or more per slice.
    notices = []
    pg.add_notice_handler(lambda notice: notices.append((notice.severity, notice.message_primary)))
    prefix = _prefix(world, "venue_pipe_")
    cursor = pg.execute(_unload(world, "select * from venue order by venueid", prefix))
    assert cursor.statusmessage == "UNLOAD"
    assert notices == [("INFO", "UNLOAD completed, 3 record(s) unloaded successfully.")]
    objects = _objects(world, prefix)
    assert sorted(objects) == ["0000_part_00", "0001_part_00"]  # two slices, each with a share of the rows
    assert _text(objects) == (
        "1|Pinewood Racetrack|Akron|OH|0\n"
        '2|Columbus "Crew" Stadium|Columbus|OH|0\n'
        "4|Community, Ballpark, Arena|Kansas City|KS|0\n"
    )


def test_unload_through_the_extended_protocol(rs, world):
    prefix = _prefix(world, "venue_")
    cursor = rs.cursor()
    cursor.execute(_unload(world, "select venueid from venue where venuestate = 'OH'", prefix, "PARALLEL OFF"))
    assert cursor.rowcount == -1  # redshift_connector counts rows only for the tags that carry a count
    assert any("UNLOAD completed, 2 record(s) unloaded successfully." in str(n) for n in rs.notices)
    assert _objects(world, prefix) == {"000": b"1\n2\n"}


def test_unload_between_other_statements_in_one_simple_query(pg, world):
    prefix = _prefix(world, "between_")
    unload = _unload(world, "select count(*) from venue", prefix, "PARALLEL OFF")
    cursor = pg.execute(f"CREATE TABLE other (n INT); {unload}; SELECT 42")
    tags = [cursor.statusmessage]
    while cursor.nextset():
        tags.append(cursor.statusmessage)
    assert tags == ["CREATE TABLE", "UNLOAD", "SELECT 1"]
    assert cursor.fetchone() == (42,)
    assert _objects(world, prefix) == {"000": b"3\n"}


def test_unload_inside_a_transaction_sees_its_uncommitted_rows(rs, world):
    cursor = rs.cursor()
    cursor.execute("INSERT INTO venue VALUES (9, 'New Field', 'Akron', 'OH', 5)")
    prefix = _prefix(world, "in_transaction_")
    cursor.execute(_unload(world, "select venueid from venue where venueid = 9", prefix, "PARALLEL OFF"))
    rs.rollback()
    assert _objects(world, prefix) == {"000": b"9\n"}  # S3 keeps what UNLOAD wrote; the table does not keep the row
    assert cursor.execute("SELECT count(*) FROM venue").fetchone() == [3]


def test_quotes_inside_the_query_are_doubled(pg, world):
    # The select-statement parameter: ('select * from venue where venuestate=''NV''')
    prefix = _prefix(world, "ks_")
    pg.execute(f"UNLOAD ('select venuename from venue where venuestate=''KS''') TO '{prefix}' IAM_ROLE default")
    assert _text(_objects(world, prefix)) == "Community, Ballpark, Arena\n"


def test_parallel_off_writes_one_serial_file_with_a_header(pg, world):
    # "Unload VENUE serially": venue_serial_000; "Unload VENUE with a header": the column names first.
    prefix = _prefix(world, "venue_serial_")
    pg.execute(_unload(world, "select * from venue where venueid > 1 order by venueid", prefix, "HEADER PARALLEL OFF"))
    assert _objects(world, prefix) == {
        "000": b"venueid|venuename|venuecity|venuestate|venueseats\n"
        b'2|Columbus "Crew" Stadium|Columbus|OH|0\n'
        b"4|Community, Ballpark, Arena|Kansas City|KS|0\n"
    }


def test_tab_delimiter_null_as_and_the_default_null(pg, world):
    # "Unload VENUE data to a tab-delimited file"; "Unload using NULL AS": nulls as 'fred', else as empty strings.
    pg.execute("INSERT INTO venue VALUES (22, 'Quicken Loans Arena', 'Cleveland', NULL, NULL)")
    query = "select venueid, venuestate, venueseats from venue where venueid = 22"
    tab, fred = _prefix(world, "tab_"), _prefix(world, "fred_")
    pg.execute(_unload(world, query, tab, "DELIMITER AS '\\t' PARALLEL OFF"))
    pg.execute(_unload(world, query, fred, "NULL AS 'fred' PARALLEL OFF"))
    assert _objects(world, tab) == {"000": b"22\t\t\n"}
    assert _objects(world, fred) == {"000": b"22|fred|fred\n"}


def test_addquotes_and_escape(pg, world):
    # "Unload data that contains a delimiter": delimiter ',' addquotes -> 1,"Phoenix, AZ" (the page's CHAR(64)
    # column is shown without its padding; a VARCHAR gives the same text). ESCAPE: a backslash before linefeed,
    # carriage return, the delimiter, the backslash and (with ADDQUOTES) the double quotation mark.
    pg.execute("CREATE TABLE location (id INT, location VARCHAR(64))")
    pg.execute("INSERT INTO location VALUES (1,'Phoenix, AZ'),(2,'San Diego, CA'),(3,'Chicago, IL')")
    quoted = _prefix(world, "location_")
    pg.execute(_unload(world, "select id, location from location order by id", quoted, "delimiter ',' addquotes"))
    assert _text(_objects(world, quoted)) == '"1","Phoenix, AZ"\n"2","San Diego, CA"\n"3","Chicago, IL"\n'
    pg.execute("INSERT INTO location VALUES (4, E'a|b\\\\c\\nd\"e')")
    escaped = _prefix(world, "escaped_")
    pg.execute(_unload(world, "select id, location from location where id = 4", escaped, "ESCAPE PARALLEL OFF"))
    assert _objects(world, escaped) == {"000": b'4|a\\|b\\\\c\\\nd"e\n'}
    both = _prefix(world, "both_")
    pg.execute(_unload(world, "select location from location where id = 4", both, "ESCAPE ADDQUOTES PARALLEL OFF"))
    assert _objects(world, both) == {"000": b'"a\\|b\\\\c\\\nd\\"e"\n'}


# --- CSV, fixed-width, JSON -----------------------------------------------------------------------------------


def test_csv_quotes_the_fields_that_need_it(pg, world):
    # "Unload VENUE to a CSV file": the page's three lines.
    prefix = _prefix(world, "csv_")
    pg.execute(_unload(world, "select * from venue order by venueid", prefix, "CSV PARALLEL OFF"))
    assert _objects(world, prefix) == {
        "000": b"1,Pinewood Racetrack,Akron,OH,0\n"
        b'2,"Columbus ""Crew"" Stadium",Columbus,OH,0\n'
        b'4,"Community, Ballpark, Arena",Kansas City,KS,0\n'
    }


def test_csv_with_a_pipe_delimiter(pg, world):
    # "Unload VENUE to a CSV file using a delimiter": the page's three lines, "Pinewood Race|track" quoted.
    pg.execute("UPDATE venue SET venuename = 'Pinewood Race|track' WHERE venueid = 1")
    prefix = _prefix(world, "csv_pipe_")
    pg.execute(_unload(world, "select * from venue order by venueid", prefix, "FORMAT AS CSV DELIMITER AS '|'"))
    assert _text(_objects(world, prefix)) == (
        '1|"Pinewood Race|track"|Akron|OH|0\n'
        '2|"Columbus ""Crew"" Stadium"|Columbus|OH|0\n'
        "4|Community, Ballpark, Arena|Kansas City|KS|0\n"
    )


def test_fixedwidth_left_aligns_each_value_in_its_width(pg, world):
    # "Unload VENUE to a fixed-width data file": each value padded to its column's width, nulls as blanks.
    pg.execute("INSERT INTO venue VALUES (5, 'Gillette Stadium', 'Foxborough', NULL, 68756)")
    prefix = _prefix(world, "venue_fw_")
    spec = "venueid:3,venuename:26,venuecity:12,venuestate:2,venueseats:6"
    pg.execute(_unload(world, "select * from venue order by venueid", prefix, f"FIXEDWIDTH AS '{spec}' PARALLEL OFF"))
    assert _objects(world, prefix)["000"].decode().splitlines() == [
        "1  Pinewood Racetrack        Akron       OH0     ",
        '2  Columbus "Crew" Stadium   Columbus    OH0     ',
        "4  Community, Ballpark, ArenaKansas City KS0     ",
        "5  Gillette Stadium          Foxborough    68756 ",
    ]


def test_fixedwidth_refuses_a_value_wider_than_its_column(pg, world):
    # FIXEDWIDTH doesn't truncate data: the width must hold the longest entry.
    with pytest.raises(psycopg.Error, match="wider than its FIXEDWIDTH width 3"):
        pg.execute(_unload(world, "select venuename from venue", _prefix(world, "fw_"), "FIXEDWIDTH 'venuename:3'"))


def test_json_writes_one_object_per_row(pg, world):
    # "Unload the VENUE table to a JSON file": numbers as numbers, strings quoted and escaped; NULL as null and
    # booleans as t or f (the FORMAT AS JSON parameter).
    prefix = _prefix(world, "json_")
    pg.execute(_unload(world, "select * from venue order by venueid", prefix, "JSON PARALLEL OFF"))
    assert _objects(world, prefix)["000"].decode().splitlines() == [
        '{"venueid":1,"venuename":"Pinewood Racetrack","venuecity":"Akron","venuestate":"OH","venueseats":0}',
        '{"venueid":2,"venuename":"Columbus \\"Crew\\" Stadium","venuecity":"Columbus","venuestate":"OH",'
        '"venueseats":0}',
        '{"venueid":4,"venuename":"Community, Ballpark, Arena","venuecity":"Kansas City","venuestate":"KS",'
        '"venueseats":0}',
    ]
    other = _prefix(world, "json_null_")
    pg.execute(_unload(world, "select null::int as n, true as yes", other, "FORMAT JSON PARALLEL OFF"))
    assert _objects(world, other) == {"000": b'{"n":null,"yes":"t"}\n'}


# --- manifest, overwriting, partitions ------------------------------------------------------------------------


def test_manifest_lists_the_data_files(pg, world):
    # "Unload VENUE with a manifest file": <prefix>manifest with one {"url": ...} entry per data file.
    prefix = _prefix(world, "venue_pipe_")
    pg.execute(_unload(world, "select * from venue", prefix, "manifest"))
    objects = _objects(world, prefix)
    assert sorted(objects) == ["0000_part_00", "0001_part_00", "manifest"]
    assert json.loads(objects["manifest"]) == {
        "entries": [{"url": prefix + "0000_part_00"}, {"url": prefix + "0001_part_00"}]
    }


def test_manifest_verbose_has_sizes_counts_schema_and_author(pg, world):
    # "Unload VENUE with MANIFEST VERBOSE"; with HEADER the record counts include the header line (MANIFEST).
    prefix = _prefix(world, "unload_venue_folder/")
    pg.execute(_unload(world, "select * from venue", prefix, "manifest verbose header parallel off"))
    objects = _objects(world, prefix)
    document = json.loads(objects["manifest"])
    assert document["entries"] == [
        {"url": prefix + "000", "meta": {"content_length": len(objects["000"]), "record_count": 4}}
    ]
    assert document["schema"]["elements"] == [
        {"name": "venueid", "type": {"base": "smallint"}},
        {"name": "venuename", "type": {"base": "character varying", "length": 100}},
        {"name": "venuecity", "type": {"base": "character varying", "length": 30}},
        {"name": "venuestate", "type": {"base": "character", "length": 2}},
        {"name": "venueseats", "type": {"base": "integer"}},
    ]
    assert document["meta"] == {"content_length": len(objects["000"]), "record_count": 4}
    assert document["author"] == {"name": "Amazon Redshift", "version": "1.0.0"}


def test_a_second_unload_is_refused_unless_allowoverwrite_and_cleanpath_empties_first(pg, world):
    # ALLOWOVERWRITE: "By default, UNLOAD fails if it finds files that it would possibly overwrite."
    prefix = _prefix(world, "venue_pipe_")
    unload = _unload(world, "select venueid from venue order by venueid", prefix, "PARALLEL OFF")
    pg.execute(unload)
    with pytest.raises(psycopg.Error) as refused:
        pg.execute(unload)
    assert refused.value.diag.message_primary == NOT_EMPTY
    pg.execute(unload + " ALLOWOVERWRITE")
    bucket, _, key = prefix.removeprefix("s3://").partition("/")
    world["s3"].put_object(Bucket=bucket, Key=key + "stale", Body=b"old")
    pg.execute(unload + " CLEANPATH")  # CLEANPATH removes the existing files first
    assert _objects(world, prefix) == {"000": b"1\n2\n4\n"}
    with pytest.raises(psycopg.Error, match="CLEANPATH cannot be used with ALLOWOVERWRITE"):
        pg.execute(unload + " CLEANPATH ALLOWOVERWRITE")


def test_partition_by_writes_hive_folders_without_the_partition_column(pg, world):
    # PARTITION BY: `<prefix>/<column>=<value>/` folders (a slash is added to the prefix), the partition column left
    # out of the files unless INCLUDE, NULL keys in __HIVE_DEFAULT_PARTITION__ (the PARTITION BY usage notes).
    pg.execute("INSERT INTO venue VALUES (7, 'Nowhere Field', 'Nowhere', NULL, 10)")
    prefix = _prefix(world, "by_state")
    query = "select venuestate, venueid from venue order by venueid"
    pg.execute(_unload(world, query, prefix, "PARTITION BY (venuestate) PARALLEL OFF"))
    assert _objects(world, prefix + "/") == {
        "venuestate=OH/000": b"1\n2\n",
        "venuestate=KS/000": b"4\n",
        "venuestate=__HIVE_DEFAULT_PARTITION__/000": b"7\n",
    }
    included = _prefix(world, "included/")
    pg.execute(_unload(world, query, included, "PARTITION BY (venuestate) INCLUDE PARALLEL OFF"))
    assert _objects(world, included)["venuestate=KS/000"] == b"KS|4\n"


# --- compression, extension, file size, region ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "extension", "decompress"),
    [
        ("GZIP", ".gz", gzip.decompress),
        ("BZIP2", ".bz2", bz2.decompress),
        ("ZSTD", ".zst", lambda body: pa.CompressedInputStream(pa.BufferReader(body), "zstd").read()),
    ],
)
def test_compressed_files_carry_their_extension(pg, world, option, extension, decompress):
    # BZIP2, GZIP, ZSTD: each resulting file is appended with .bz2, .gz or .zst.
    prefix = _prefix(world, "venue_tab_")
    pg.execute(_unload(world, "select venueid from venue order by venueid", prefix, f"{option} PARALLEL OFF"))
    objects = _objects(world, prefix)
    assert list(objects) == [f"000{extension}"]
    assert decompress(objects[f"000{extension}"]) == b"1\n2\n4\n"


def test_extension_names_the_files(pg, world):
    # "Unload VENUE to a GZIP-compressed text file": extension 'txt.gz' gzip.
    prefix = _prefix(world, "venue_tab_")
    pg.execute(_unload(world, "select venueid from venue", prefix, "extension 'txt.gz' gzip"))
    assert sorted(_objects(world, prefix)) == ["0000_part_00.txt.gz", "0001_part_00.txt.gz"]


def test_maxfilesize_starts_a_new_file(pg, world):
    # MAXFILESIZE (at least 5 MB): PARALLEL OFF writes key000, key001, ... each at most that size.
    prefix = _prefix(world, "big_")
    query = "select repeat('x', 999) from generate_series(1, 6000)"  # 6,000 lines of 1,000 bytes
    pg.execute(_unload(world, query, prefix, "MAXFILESIZE 5 MB PARALLEL OFF"))
    objects = _objects(world, prefix)
    assert sorted(objects) == ["000", "001"]
    assert len(objects["000"]) == (5 * 1024 * 1024 // 1000) * 1000
    assert len(objects["000"]) + len(objects["001"]) == 6_000_000


def test_region_names_where_the_bucket_is(pg, world):
    # REGION is required when the bucket isn't in the cluster's Region.
    bucket = f"unload-east-{uuid.uuid4().hex[:8]}"
    s3 = stand_in_client("s3", world["stack"].settings.aws_endpoint, "eu-west-1")
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    prefix = f"s3://{bucket}/venue_"
    with pytest.raises(psycopg.Error, match="different region"):
        pg.execute(_unload(world, "select venueid from venue", prefix))
    pg.execute(_unload(world, "select venueid from venue", prefix, "REGION 'eu-west-1' PARALLEL OFF"))
    assert s3.get_object(Bucket=bucket, Key="venue_000")["Body"].read() == b"1\n2\n4\n"


# --- refusals -------------------------------------------------------------------------------------------------


def test_limit_in_the_outer_select_is_refused(pg, world):
    # Usage notes, "Limit clause": the outer SELECT can't use LIMIT; a nested one is fine.
    with pytest.raises(psycopg.errors.FeatureNotSupported, match="LIMIT in the outer SELECT of an UNLOAD"):
        pg.execute(_unload(world, "select * from venue limit 10", _prefix(world, "limited_")))
    nested = "select venueid from venue where venueid in (select venueid from venue order by venueid desc limit 1)"
    prefix = _prefix(world, "nested_")
    pg.execute(_unload(world, nested, prefix, "PARALLEL OFF"))
    assert _objects(world, prefix) == {"000": b"4\n"}


def test_two_result_columns_of_one_name_are_refused_by_name(pg, world):
    # The local Redshift reads the result's columns through a view, which needs distinct names.
    with pytest.raises(psycopg.errors.FeatureNotSupported, match="two result columns of the same name"):
        pg.execute(_unload(world, "select venueid, venueid from venue", _prefix(world, "twice_")))


def test_authorization_as_copy_takes_it(pg, world):
    # Authorization: "The UNLOAD command uses the same parameters the COPY command uses for authorization."
    query = "select venueid from venue where venueid = 1"
    by_string, by_keys = _prefix(world, "credentials_"), _prefix(world, "keys_")
    pg.execute(f"UNLOAD ('{query}') TO '{by_string}' CREDENTIALS 'aws_iam_role={world['role']}' PARALLEL OFF")
    pg.execute(f"UNLOAD ('{query}') TO '{by_keys}' ACCESS_KEY_ID 'AKIDEXAMPLE' SECRET_ACCESS_KEY 'x' PARALLEL OFF")
    assert _objects(world, by_string) == _objects(world, by_keys) == {"000": b"1\n"}


def test_a_bucket_that_does_not_exist_fails_the_unload(pg, world):
    with pytest.raises(psycopg.Error, match=r"NoSuchBucket|does not exist"):
        pg.execute(_unload(world, "select 1", f"s3://no-such-bucket-{uuid.uuid4().hex[:8]}/p_"))


def test_a_role_that_cannot_write_is_denied(pg, world):
    with pytest.raises(psycopg.Error, match="Access Denied"):
        pg.execute(_unload(world, "select 1", _prefix(world, "denied_"), role=world["reader"]))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("PARQUET GZIP", "GZIP cannot be used with PARQUET"),
        ("JSON HEADER", "HEADER cannot be used with JSON"),
        ("CSV FIXEDWIDTH 'a:1'", "CSV cannot be used with FIXEDWIDTH"),
        ("FIXEDWIDTH 'a:1' HEADER", "HEADER cannot be used with FIXEDWIDTH"),
        ("MAXFILESIZE 1 MB", "MAXFILESIZE must be between 5 MB and 6.2 GB"),
    ],
)
def test_options_the_page_says_cannot_be_combined_are_refused(pg, world, options, message):
    with pytest.raises(psycopg.errors.SyntaxError, match=message):
        pg.execute(_unload(world, "select 1 as a", _prefix(world, "refused_"), options))


def test_a_failing_unload_fails_the_transaction(rs, world):
    cursor = rs.cursor()
    with pytest.raises(Exception, match="no_such_column"):
        cursor.execute(_unload(world, "select no_such_column from venue", _prefix(world, "failed_")))
    rs.rollback()
    assert cursor.execute("SELECT count(*) FROM venue").fetchone() == [3]


# --- Parquet --------------------------------------------------------------------------------------------------

THINGS = (
    "CREATE TABLE things (id INTEGER, small SMALLINT, big BIGINT, name VARCHAR(40), code CHAR(3), price NUMERIC(8,2),"
    " ratio DOUBLE PRECISION, share REAL, ok BOOLEAN, day DATE, at TIMESTAMP)"
)
THINGS_ROWS = (
    "(1, 7, 9000000000, 'plain', 'abc', 12.50, 0.25, 1.5, true, '2008-01-04', '2008-01-04 10:11:12'),"
    " (2, -7, -1, 'pipe|comma, \"quote\" back\\\\slash', 'x', 0.01, -1.5, 0, false, '1999-12-31',"
    " '2000-01-01 00:00:00.5'),"
    " (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
    " (4, 0, 0, '', 'z', -999999.99, 1e100, -2.5, true, '2024-02-29', '2024-02-29 23:59:59.999999')"
)


def _things(pg) -> None:
    pg.execute(THINGS)
    pg.execute("INSERT INTO things VALUES " + THINGS_ROWS)


def test_parquet_unload_writes_redshift_types(pg, world):
    # FORMAT AS PARQUET: Parquet 1.0 files named <prefix><slice>_part_<part>.parquet ("Unload LINEITEM table to
    # partitioned Parquet files"), each column of the Parquet type of its Redshift type.
    _things(pg)
    prefix = _prefix(world, "things_")
    pg.execute(_unload(world, "select * from things order by id", prefix, "FORMAT AS PARQUET"))
    objects = _objects(world, prefix)
    assert sorted(objects) == ["0000_part_00.parquet", "0001_part_00.parquet"]
    tables = [pa.parquet.read_table(pa.BufferReader(objects[name])) for name in sorted(objects)]
    table = pa.concat_tables(tables)
    assert [(field.name, str(field.type)) for field in table.schema] == [
        ("id", "int32"),
        ("small", "int16"),
        ("big", "int64"),
        ("name", "string"),
        ("code", "string"),
        ("price", "decimal128(8, 2)"),
        ("ratio", "double"),
        ("share", "float"),
        ("ok", "bool"),
        ("day", "date32[day]"),
        ("at", "timestamp[us]"),
    ]
    assert table.column("id").to_pylist() == [1, 2, 3, 4]
    assert table.column("name").to_pylist() == ["plain", 'pipe|comma, "quote" back\\slash', None, ""]
    assert [str(value) for value in table.column("price").to_pylist()] == ["12.50", "0.01", "None", "-999999.99"]
    assert str(table.column("at").to_pylist()[1]) == "2000-01-01 00:00:00.500000"


def test_parquet_partitions_and_serial_names(pg, world):
    # PARTITION BY with Parquet: <prefix><column>=<value>/<file>.parquet; PARALLEL OFF: 000.parquet (the PARTITION
    # BY parameter's example: s3://my_bucket_name/my_prefix/year=2019/month=September/000.parquet).
    pg.execute("CREATE TABLE lineitem (l_orderkey INT, l_shipdate DATE)")
    pg.execute("INSERT INTO lineitem VALUES (1, '1992-01-02'), (2, '1992-01-03'), (3, '1992-01-02')")
    prefix = _prefix(world, "lineitem/")
    pg.execute(_unload(world, "select * from lineitem", prefix, "PARQUET PARTITION BY (l_shipdate) PARALLEL OFF"))
    objects = _objects(world, prefix)
    assert sorted(objects) == ["l_shipdate=1992-01-02/000.parquet", "l_shipdate=1992-01-03/000.parquet"]
    first = pa.parquet.read_table(pa.BufferReader(objects["l_shipdate=1992-01-02/000.parquet"]))
    assert first.column_names == ["l_orderkey"] and first.column("l_orderkey").to_pylist() == [1, 3]


def test_copy_from_parquet_matches_columns_by_position(rs, world):
    # "COPY from columnar data formats": values go to the columns in the order of the file's columns, and the
    # number of columns must match.
    cursor = rs.cursor()
    prefix = _prefix(world, "positions_")
    cursor.execute(_unload(world, "select 1 as b, 'one' as a", prefix, "PARQUET PARALLEL OFF"))
    cursor.execute("CREATE TABLE swapped (x INT, y VARCHAR(10))")
    cursor.execute(f"COPY swapped FROM '{prefix}' IAM_ROLE '{world['role']}' FORMAT AS PARQUET")
    assert cursor.execute("SELECT x, y FROM swapped").fetchall() == ([1, "one"],)
    cursor.execute("CREATE TABLE three (x INT, y VARCHAR(10), z INT)")
    with pytest.raises(Exception, match="number of columns"):
        cursor.execute(f"COPY three FROM '{prefix}' IAM_ROLE '{world['role']}' FORMAT AS PARQUET")
    rs.rollback()


def test_copy_from_parquet_takes_only_the_columnar_parameters(pg, world):
    # "COPY from columnar data formats": only ACCEPTINVCHARS, FILLRECORD, FROM, IAM_ROLE, CREDENTIALS, STATUPDATE,
    # MANIFEST, the access keys and EXPLICIT_IDS; MAXERROR isn't supported.
    pg.execute("CREATE TABLE t (x INT)")
    with pytest.raises(psycopg.errors.SyntaxError, match="MAXERROR is not supported with FORMAT AS PARQUET"):
        pg.execute(f"COPY t FROM '{_prefix(world, 'x')}' IAM_ROLE '{world['role']}' FORMAT AS PARQUET MAXERROR 5")


def test_copy_from_parquet_fails_on_a_value_its_column_cannot_take(pg, world):
    # "If COPY encounters an error while loading, the command fails."
    prefix = _prefix(world, "words_")
    pg.execute(_unload(world, "select 'many' as n", prefix, "PARQUET PARALLEL OFF"))
    pg.execute("CREATE TABLE numbers (n INT)")
    with pytest.raises(psycopg.Error, match="Load into table 'numbers' failed"):
        pg.execute(f"COPY numbers FROM '{prefix}' IAM_ROLE '{world['role']}' PARQUET")
    assert pg.execute("SELECT count(*) FROM numbers").fetchone() == (0,)


# --- round trips: what UNLOAD wrote, COPY loads back ----------------------------------------------------------


@pytest.mark.parametrize(
    ("unload_options", "copy_options"),
    [
        # "Load VENUE from unload files" and "Unload using NULL AS": the same NULL AS (and ESCAPE) on both sides.
        ("NULL AS 'fred' ESCAPE", "NULL AS 'fred' ESCAPE"),
        ("DELIMITER ',' ADDQUOTES ESCAPE NULL AS 'fred'", "DELIMITER ',' REMOVEQUOTES ESCAPE NULL AS 'fred'"),
        ("CSV NULL AS 'fred'", "CSV NULL AS 'fred'"),
        ("JSON", "FORMAT AS JSON 'auto'"),
        ("PARQUET", "FORMAT AS PARQUET"),
        ("GZIP NULL AS 'fred' ESCAPE", "GZIP NULL AS 'fred' ESCAPE"),
        ("BZIP2 CSV NULL AS 'fred'", "BZIP2 CSV NULL AS 'fred'"),
        ("ZSTD NULL AS 'fred' ESCAPE", "ZSTD NULL AS 'fred' ESCAPE"),
    ],
)
def test_round_trip(pg, world, unload_options, copy_options):
    _things(pg)
    pg.execute("CREATE TABLE copied (LIKE things)")
    prefix = _prefix(world, "things_")
    pg.execute(_unload(world, "select * from things", prefix, unload_options))
    pg.execute(f"COPY copied FROM '{prefix}' IAM_ROLE '{world['role']}' {copy_options}")
    original = pg.execute("SELECT * FROM things ORDER BY id").fetchall()
    assert pg.execute("SELECT * FROM copied ORDER BY id").fetchall() == original


def test_round_trip_through_the_manifest(pg, world):
    # "Load VENUE from unload files": COPY ... MANIFEST from the manifest UNLOAD wrote.
    _things(pg)
    pg.execute("CREATE TABLE copied (LIKE things)")
    prefix = _prefix(world, "venue_pipe_")
    pg.execute(_unload(world, "select * from things", prefix, "MANIFEST NULL AS 'fred' ESCAPE"))
    pg.execute(f"COPY copied FROM '{prefix}manifest' IAM_ROLE '{world['role']}' MANIFEST NULL AS 'fred' ESCAPE")
    assert pg.execute("SELECT count(*) FROM copied").fetchone() == (4,)


def test_round_trip_fixedwidth(pg, world):
    # FIXEDWIDTH both ways: the same spec; nulls are blanks, which COPY loads as NULL in non-character columns.
    pg.execute("CREATE TABLE fixed (id INTEGER, name VARCHAR(12), day DATE)")
    pg.execute("INSERT INTO fixed VALUES (1, 'Toyota Park', '2008-01-04'), (22, 'RFK Stadium', NULL)")
    pg.execute("CREATE TABLE copied (LIKE fixed)")
    prefix = _prefix(world, "venue_fw_")
    spec = "id:3,name:12,day:10"
    pg.execute(_unload(world, "select * from fixed", prefix, f"FIXEDWIDTH '{spec}'"))
    pg.execute(f"COPY copied FROM '{prefix}' IAM_ROLE '{world['role']}' FIXEDWIDTH '{spec}' TRIMBLANKS")
    assert (
        pg.execute("SELECT * FROM copied ORDER BY id").fetchall()
        == pg.execute("SELECT * FROM fixed ORDER BY id").fetchall()
    )
