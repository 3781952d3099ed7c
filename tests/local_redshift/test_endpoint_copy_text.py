"""COPY of delimited text, CSV and fixed-width files through the running endpoint, both query protocols (psycopg:
simple query; redshift_connector: extended), and AWS's two tutorials run as printed against generated data.

Pages: the Getting Started guide's "Step 6: Load sample data from Amazon S3" (TICKIT), the Database Developer
Guide's "Tutorial: Loading data from Amazon S3" (SSB), "Data format parameters", "Data conversion parameters",
"Data load operations", "COPY examples" and "Load error reference".
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import uuid
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
import redshift_connector

from tests.local_redshift.conftest import REGION, create_cluster, s3_reading_role, stack_client
from tests.local_redshift.copy import tutorial_data as data
from tests.support import stand_in_client

LOAD_FAILED = "Load into table '{table}' failed.  Check 'stl_load_errors' system table for details."
PROTOCOLS = ("simple", "extended")


@pytest.fixture(scope="module")
def world(local_stack) -> dict[str, Any]:
    """A cluster with an S3-reading role; the tutorials' bucket (us-west-2), and the buckets that stand in for
    AWS's sample buckets: SUPPLIER's in us-west-2, LINEORDER's in us-east-1."""
    s3 = stack_client(local_stack, "s3")
    role = s3_reading_role(local_stack, "copy-text")
    names = {name: f"{name}-{uuid.uuid4().hex[:8]}" for name in ("tutorial", "samples-west", "samples-east")}
    for name in ("tutorial", "samples-west"):
        s3.create_bucket(Bucket=names[name], CreateBucketConfiguration={"LocationConstraint": REGION})
    stand_in_client("s3", local_stack.settings.aws_endpoint, "us-east-1").create_bucket(Bucket=names["samples-east"])
    for key, body in {**data.tickit_files(), **data.ssb_files()}.items():
        s3.put_object(Bucket=names["tutorial"], Key=key, Body=body)
    s3.put_object(
        Bucket=names["tutorial"], Key="load/customer-fw-manifest", Body=data.customer_manifest(names["tutorial"])
    )
    for key, body in data.sample_bucket_files().items():
        bucket = names["samples-east"] if key.startswith("load/lo/") else names["samples-west"]
        s3.put_object(Bucket=bucket, Key=key, Body=body)
    login = create_cluster(local_stack, f"copy-text-{uuid.uuid4().hex[:8]}", IamRoles=[role])
    return {"login": login, "role": role, "buckets": names, "s3": s3}


class Session:
    """One client connection in a schema of its own, autocommitting, whichever protocol it speaks."""

    def __init__(self, protocol: str, world: dict[str, Any]) -> None:
        self.protocol = protocol
        self.world = world
        if protocol == "simple":
            self.connection = world["login"].psycopg(autocommit=True)
        else:
            self.connection = world["login"].redshift_connector()
            self.connection.autocommit = True
        self.schema = f"t_{uuid.uuid4().hex[:8]}"
        self.run(f"CREATE SCHEMA {self.schema}")
        self.run(f"SET search_path TO {self.schema}")

    def run(self, sql: str) -> int:
        """Run one statement; its row count (of a COPY through redshift_connector, PG_LAST_COPY_COUNT(): the driver
        counts no COPY rows from Redshift's server_version 8.0.2)."""
        cursor = self.connection.cursor()
        cursor.execute(sql)
        if self.protocol != "simple" and sql.lstrip().upper().startswith("COPY"):
            cursor.execute("SELECT pg_last_copy_count()")
            return cursor.fetchone()[0]
        return cursor.rowcount

    def rows(self, sql: str) -> list[tuple]:
        cursor = self.connection.cursor()
        cursor.execute(sql)
        return [tuple(row) for row in cursor.fetchall()]

    def failure(self, sql: str) -> tuple[str, str]:
        """Run a statement that fails; its SQLSTATE and message."""
        errors = (psycopg.Error,) if self.protocol == "simple" else (redshift_connector.ProgrammingError,)
        with pytest.raises(errors) as failure:
            self.run(sql)
        if self.protocol == "simple":
            return failure.value.sqlstate, failure.value.diag.message_primary
        return failure.value.args[0]["C"], failure.value.args[0]["M"]

    def script(self, statements: str) -> None:
        for statement in filter(str.strip, statements.split(";")):
            self.run(statement)

    def put(self, key: str, body: bytes) -> str:
        """An object in the tutorial bucket; its URL."""
        bucket = self.world["buckets"]["tutorial"]
        self.world["s3"].put_object(Bucket=bucket, Key=f"{self.schema}/{key}", Body=body)
        return f"s3://{bucket}/{self.schema}/{key}"

    def copy(self, table: str, url: str, parameters: str) -> str:
        return f"COPY {table} FROM '{url}' IAM_ROLE '{self.world['role']}' {parameters}"

    def load_errors(self, url: str) -> list[tuple]:
        """The stl_load_errors rows for files under `url`, by load, file and line."""
        return self.rows(
            "SELECT trim(filename), line_number, trim(colname), trim(type), position, trim(raw_line),"
            " trim(raw_field_value), err_code, trim(err_reason) FROM stl_load_errors"
            f" WHERE filename LIKE '{url}%' ORDER BY query, filename, line_number"
        )

    def close(self) -> None:
        self.connection.close()


@pytest.fixture(params=PROTOCOLS)
def session(request, world) -> Iterator[Session]:
    opened = Session(request.param, world)
    yield opened
    opened.close()


# --- the Getting Started guide's TICKIT load ---


def tickit_copy(statement: str, world: dict[str, Any]) -> str:
    return (
        statement.replace("<myBucket>", world["buckets"]["tutorial"])
        .replace("<iam-role-arn>", world["role"])
        .replace("<aws-region>", REGION)
    )


def test_the_getting_started_tickit_load_runs_as_printed(session, world):
    session.script(data.TICKIT_TABLES)
    for table, statement in data.TICKIT_COPY.items():
        assert session.run(tickit_copy(statement, world)) == data.TICKIT_ROWS[table], table
        assert session.rows(f"SELECT count(*) FROM {table}") == [(data.TICKIT_ROWS[table],)]
    # The sales file's 'MM/DD/YYYY HH:MI:SS' times and decimals (row 1: 1/1/2008 11:00:01, 21.00, 3.10).
    assert session.rows("SELECT saletime::text, pricepaid::text, commission::text FROM sales WHERE salesid = 1") == [
        ("2008-01-01 11:00:01", "21.00", "3.10")
    ]
    # Empty venueseats (every 4th venue) load NULL; TRUE/FALSE/empty booleans load true/false/NULL.
    assert session.rows("SELECT count(*) FROM venue WHERE venueseats IS NULL") == [(5,)]
    assert session.rows("SELECT likesports, liketheatre, likeconcerts FROM users WHERE userid = 1") == [
        (False, None, True)
    ]
    assert session.rows("SELECT caldate::text, day, trim(month) FROM date WHERE dateid = 1827") == [
        ("2008-01-01", "TU ", "JAN")
    ]


# --- "Tutorial: Loading data from Amazon S3" (SSB) ---


def ssb_copy(step: str, world: dict[str, Any]) -> str:
    account, role_name = world["role"].split(":")[4], world["role"].rsplit("/", 1)[1]
    sample_bucket = world["buckets"]["samples-east" if step.startswith("lineorder") else "samples-west"]
    return (
        data.SSB_COPY[step]
        .replace("<your-bucket-name>", world["buckets"]["tutorial"])
        .replace("amzn-s3-demo-bucket", sample_bucket)
        .replace("<aws-account-id>", account)
        .replace("<role-name>", role_name)
    )


TUTORIAL_ERRORS = (
    "select query, substring(filename,22,25) as filename,line_number as line,\n"
    "substring(colname,0,12) as column, type, position as pos, substring(raw_line,0,30) as line_text,\n"
    "substring(raw_field_value,0,15) as field_text,\n"
    "substring(err_reason,0,45) as error_reason\n"
    "from stl_load_errors\n"
    "order by query desc, filename\n"
    "limit 7;"
)
"""The tutorial's query of STL_LOAD_ERRORS after the CUSTOMER load with MAXERROR 10, as printed."""


def test_the_ssb_tutorial_part_load_fails_on_nul_then_loads_with_null_as(session, world):
    session.script(data.SSB_TABLES)
    assert session.failure(ssb_copy("part_without_null_as", world)) == ("XX000", LOAD_FAILED.format(table="part"))
    assert session.rows("SELECT count(*) FROM part") == [(0,)]
    [row] = session.rows(
        "select query, line_number as line, substring(raw_line,0,30) as line_text, err_code,"
        " substring(err_reason,0,45) as reason from stl_load_errors where filename like '%part-csv.tbl-000'"
        " order by query desc limit 1"
    )
    # The tutorial's row: line 1, line text '15,NUL next,', reason 'Missing newline: Unexpected character 0x2c f'.
    # Our line 1 is part 1; part 15 is the file's first line with a NUL.
    assert row[1:3] == (15, "15,NUL next,"), row
    assert row[4].startswith("Missing newline: Unexpected character 0x2c f")

    assert session.run(ssb_copy("part", world)) == data.SSB_ROWS
    rows = session.rows("select p_partkey, p_name, p_mfgr, p_category from part where p_mfgr is null order by 1")
    assert [(key, name, mfgr) for key, name, mfgr, _ in rows] == [(key, "NUL next", None) for key in data.NUL_PARTS]
    assert session.rows("select p_type from part where p_partkey in (2, 3) order by p_partkey") == [
        ('MEDIUM "BURNISHED" TIN',),
        ("SMALL PLATED STEEL",),
    ]


def test_the_ssb_tutorial_supplier_dwdate_and_lineorder_loads(session, world):
    session.script(data.SSB_TABLES)
    assert session.run(ssb_copy("supplier", world)) == data.SSB_ROWS
    assert session.run(ssb_copy("dwdate", world)) == data.SSB_ROWS
    assert session.rows("select d_date from dwdate where d_datekey in (19920101, 19920102) order by 1") == [
        ("1992-01-01",),
        ("January 2, 1992",),
    ]
    assert session.run(ssb_copy("lineorder_single", world)) == data.LINEORDER_ROWS
    assert session.run(ssb_copy("lineorder_multi", world)) == data.LINEORDER_ROWS
    assert session.rows("select count(*) from lineorder") == [(2 * data.LINEORDER_ROWS,)]


def test_the_ssb_tutorial_customer_load_fails_then_loads_extra_files_then_loads_right_with_a_manifest(session, world):
    session.script(data.SSB_TABLES)
    assert session.failure(ssb_copy("customer_without_maxerror", world)) == (
        "XX000",
        LOAD_FAILED.format(table="customer"),
    )

    # With MAXERROR 10 the load completes; the .bak copy of the first file loads again (minus its bad row), and the
    # log file's five lines and the invalid UTF-8 row of the first file and of its copy are the 7 errors.
    loaded = session.run(ssb_copy("customer_with_maxerror", world))
    assert loaded == data.SSB_ROWS + data.ROWS_PER_FILE - 2
    errors = session.rows(TUTORIAL_ERRORS)
    assert len(errors) == 7
    by_column = sorted((row[3].strip(), row[4].strip(), row[8][:44]) for row in errors)
    assert by_column == [
        ("c_address", "varchar", "String contains invalid or unsupported UTF-8"),
        ("c_address", "varchar", "String contains invalid or unsupported UTF-8"),
        *sorted(
            ("c_custkey", "int4", f"Invalid digit, Value '{line[0]}', Pos 0, Type: Integ") for line in data.CUSTOMER_LOG
        ),
    ]
    log_rows = sorted((row[2], row[7].strip()) for row in errors if row[3].strip() == "c_custkey")
    assert log_rows == [(number, line[:10]) for number, line in enumerate(data.CUSTOMER_LOG, start=1)]
    # "The rows should be unique, but there are duplicates."
    keys = [key for (key,) in session.rows("select c_custkey from customer order by c_custkey limit 10")]
    assert keys == [2, 2, 3, 3, 4, 4, 5, 5, 6, 6]

    session.run("truncate customer")
    assert session.run(ssb_copy("customer", world)) == data.SSB_ROWS
    assert session.rows("select c_custkey, trim(c_address) from customer where c_custkey = 1") == [(1, "Mayag^ez")]


# --- the formats and options through the endpoint ---


def test_csv_with_a_column_list_leaves_other_columns_to_their_default_and_identity(session):
    """Column mapping: "If a column in the target table is omitted from the column list, then COPY loads the target
    column's DEFAULT expression" (and an IDENTITY column its next value)."""
    session.run(
        "CREATE TABLE songs (id integer IDENTITY(1,1), title varchar(30), plays integer DEFAULT 7, note varchar(10))"
    )
    url = session.put("songs.csv", b'title,note\n"One, two",first\n"Say ""hi""",\n')
    assert session.run(session.copy("songs (title, note)", url, "CSV IGNOREHEADER 1")) == 2
    # SYS_LOAD_HISTORY.file_format: "Formats include csv, txt, json, avro, orc, or parquet".
    assert session.rows("SELECT file_format FROM sys_load_history WHERE query_id = pg_last_copy_id()") == [("csv",)]
    assert session.rows("SELECT id, title, plays, note FROM songs ORDER BY id") == [
        (1, "One, two", 7, "first"),
        (2, 'Say "hi"', 7, ""),
    ]


def test_explicit_ids_loads_the_identity_values_of_the_file(session):
    session.run("CREATE TABLE songs (id integer IDENTITY(1,1), title varchar(30))")
    url = session.put("songs.txt", b"40|forty\n41|forty-one\n")
    assert session.run(session.copy("songs", url, "EXPLICIT_IDS")) == 2
    assert session.rows("SELECT file_format FROM sys_load_history WHERE query_id = pg_last_copy_id()") == [("txt",)]
    assert session.rows("SELECT id, title FROM songs ORDER BY id") == [(40, "forty"), (41, "forty-one")]


def test_delimited_options_escape_removequotes_null_as_fillrecord_and_blank_lines(session):
    session.run("CREATE TABLE t (n integer, word varchar(20), extra varchar(5))")
    url = session.put("t.txt", b"1|'a|b'|x\n\n2|c\\|d|NIL\n3|\\\nnewline\n4|padded  \n")
    parameters = "ESCAPE REMOVEQUOTES NULL AS 'NIL' FILLRECORD IGNOREBLANKLINES EMPTYASNULL TRIMBLANKS"
    assert session.run(session.copy("t", url, parameters)) == 4
    assert session.rows("SELECT n, word, extra FROM t ORDER BY n") == [
        (1, "a|b", "x"),
        (2, "c|d", None),
        (3, "\nnewline", None),
        (4, "padded", None),
    ]


def test_gzip_bzip2_and_utf16_files(session):
    """ "GZIP, LZOP and BZIP2" and ENCODING UTF16 (with its byte order mark)."""
    session.run("CREATE TABLE t (n integer, word varchar(20))")
    gz = session.put("gz/t.txt.gz", gzip.compress(b"1|one\n"))
    bz = session.put("bz/t.txt.bz2", bz2.compress(b"2|two\n"))
    utf16 = session.put("u16/t.txt", codecs.BOM_UTF16_LE + "3|trois é\n".encode("utf-16-le"))
    assert session.run(session.copy("t", gz, "GZIP")) == 1
    assert session.run(session.copy("t", bz, "BZIP2")) == 1
    assert session.run(session.copy("t", utf16, "ENCODING UTF16")) == 1
    assert session.rows("SELECT n, word FROM t ORDER BY n") == [(1, "one"), (2, "two"), (3, "trois é")]


def test_fixedwidth_dates_and_times_with_formats(session):
    session.run("CREATE TABLE t (d date, ts timestamp, amount numeric(8,2))")
    url = session.put("t.fw", b"12/31/2008 1230768000 20.259 \n")
    spec = "FIXEDWIDTH 'd:11,ts:11,amount:7' DATEFORMAT 'MM/DD/YYYY' TIMEFORMAT 'epochsecs' ROUNDEC"
    assert session.run(session.copy("t", url, spec)) == 1
    assert session.rows("SELECT d::text, ts::text, amount::text FROM t") == [
        ("2008-12-31", "2009-01-01 00:00:00", "20.26")
    ]


def test_load_errors_are_recorded_as_redshift_records_them_and_maxerror_counts_them(session):
    """1202 extra column(s), 1214 delimiter not found, 1207 invalid digit, 1204 string too long; MAXERROR 3 fails
    on the fourth and nothing is loaded; MAXERROR 4 loads the good rows."""
    session.run("CREATE TABLE t (n integer, word varchar(5))")
    url = session.put("bad.txt", b"1|ok\n2|a|b\n3\nx|y\n5|toolong\n6|fine\n")
    assert session.failure(session.copy("t", url, "MAXERROR 3")) == ("XX000", LOAD_FAILED.format(table="t"))
    assert session.rows("SELECT count(*) FROM t") == [(0,)]
    assert session.run(session.copy("t", url, "MAXERROR 4")) == 2
    errors = session.load_errors(url)[-4:]
    assert [(row[1], row[2], row[7], row[8]) for row in errors] == [
        (2, "", 1202, "Extra column(s) found"),
        (3, "", 1214, "Delimiter not found"),
        (4, "n", 1207, "Invalid digit, Value 'x', Pos 0, Type: Integer"),
        (5, "word", 1204, "String length exceeds DDL length"),
    ]
    assert [(row[5], row[6]) for row in errors] == [("2|a|b", ""), ("3", ""), ("x|y", "x"), ("5|toolong", "toolong")]
    assert session.rows("SELECT n, word FROM t ORDER BY n") == [(1, "ok"), (6, "fine")]


def test_a_failed_load_in_a_transaction_leaves_the_table_as_it_was(world):
    with world["login"].redshift_connector() as connection:
        cursor = connection.cursor()
        schema = f"t_{uuid.uuid4().hex[:8]}"
        cursor.execute(f"CREATE SCHEMA {schema}; SET search_path TO {schema}; CREATE TABLE t (n integer)")
        cursor.execute("INSERT INTO t VALUES (0)")
        connection.commit()
        bucket = world["buckets"]["tutorial"]
        world["s3"].put_object(Bucket=bucket, Key=f"{schema}/t.txt", Body=b"1\n2\nthree\n")
        with pytest.raises(redshift_connector.ProgrammingError, match="Load into table 't' failed"):
            cursor.execute(f"COPY t FROM 's3://{bucket}/{schema}/t.txt' IAM_ROLE '{world['role']}'")
        connection.rollback()
        assert cursor.execute("SELECT n FROM t").fetchall() == ([0],)


def test_fixedwidth_with_the_wrong_number_of_widths_is_refused(session):
    session.run("CREATE TABLE t (a integer, b integer)")
    url = session.put("t.fw", b"1 2 \n")
    sqlstate, message = session.failure(session.copy("t", url, "FIXEDWIDTH 'a:2'"))
    assert (sqlstate, message) == ("42601", "FIXEDWIDTH gives 1 widths for 2 columns of 't'")


# --- the "COPY examples" page, its files and its results ---

VENUE_NOSEATS = b"".join(
    f"{number}|{name}|{city}|{state}|\n".encode()
    for number, (name, city, state) in enumerate(
        [
            ("Toyota Park", "Bridgeview", "IL"),
            ("Columbus Crew Stadium", "Columbus", "OH"),
            ("RFK Stadium", "Washington", "DC"),
            ("CommunityAmerica Ballpark", "Kansas City", "KS"),
            ("Gillette Stadium", "Foxborough", "MA"),
            ("New York Giants Stadium", "East Rutherford", "NJ"),
            ("BMO Field", "Toronto", "ON"),
            ("The Home Depot Center", "Carson", "CA"),
            ("Dick's Sporting Goods Park", "Commerce City", "CO"),
            ("Pizza Hut Park", "Frisco", "TX"),
        ],
        start=1,
    )
)


def test_load_data_from_a_file_with_default_values(session):
    """ "Load data from a file with default values": venue_noseats.txt's lines end with the delimiter; the column
    list leaves out venueseats, which gets its DEFAULT '1000'."""
    session.run(
        "create table venue_new(venueid smallint not null, venuename varchar(100) not null, venuecity varchar(30),"
        " venuestate char(2), venueseats integer not null default '1000')"
    )
    url = session.put("venue_noseats.txt", VENUE_NOSEATS)
    copy = session.copy("venue_new(venueid, venuename, venuecity, venuestate)", url, "delimiter '|'")
    assert session.run(copy) == 10
    rows = session.rows("select venueid, venuename, venuecity, venuestate, venueseats from venue_new order by venueid")
    assert rows[0] == (1, "Toyota Park", "Bridgeview", "IL", 1000)
    assert rows[8] == (9, "Dick's Sporting Goods Park", "Commerce City", "CO", 1000)
    assert {row[4] for row in rows} == {1000}
    # "the following COPY statement will fail because no DEFAULT value was specified for VENUENAME"
    url = session.put("venue_nonames.txt", b"1||Bridgeview|IL|\n2||Columbus|OH|\n")
    sqlstate, message = session.failure(session.copy("venue_new(venueid, venuecity, venuestate)", url, "delimiter '|'"))
    assert (sqlstate, message) == ("XX000", LOAD_FAILED.format(table="venue_new"))


def test_load_venue_with_explicit_values_for_an_identity_column(session):
    """The page's three statements against a VENUE whose venueid is an IDENTITY column: with the column and
    EXPLICIT_IDS it loads the file's ids; without the column, or without EXPLICIT_IDS, it fails."""
    session.run(
        "create table venue(venueid int identity(1,1), venuename varchar(100) not null, venuecity varchar(30),"
        " venuestate char(2), venueseats integer not null default '1000')"
    )
    url = session.put("venue_pipe.txt", VENUE_NOSEATS.replace(b"1|Toyota", b"41|Toyota"))
    columns = "venue(venueid, venuename, venuecity, venuestate)"
    assert session.run(session.copy(columns, url, "delimiter '|' explicit_ids")) == 10
    assert session.rows("select venueid, venueseats from venue order by venueid limit 2") == [(2, 1000), (3, 1000)]
    assert session.rows("select max(venueid) from venue") == [(41,)]
    assert session.failure(session.copy("venue(venuename, venuecity, venuestate)", url, "delimiter '|' explicit_ids"))[
        1
    ] == ('EXPLICIT_IDS needs the IDENTITY column "venueid" in the column list')
    assert "identity column" in session.failure(session.copy(columns, url, "delimiter '|'"))[1]


CATEGORY = [
    (12, "Shows", "Musicals", "Musical theatre"),
    (13, "Shows", "Plays", 'All "non-musical" theatre'),
    (14, "Shows", "Opera", 'All opera, light, and "rock" opera'),
    (15, "Concerts", "Classical", "All symphony, concerto, and choir concerts"),
]


def test_load_category_from_a_csv_file(session):
    """ "Load CATEGORY from a CSV file": comma-delimited fails on the commas in the fields; CSV with doubled quotes,
    and CSV QUOTE AS '%', load the table's values."""
    session.run("create table category(catid smallint, catgroup varchar(10), catname varchar(10), catdesc varchar(50))")
    plain = session.put(
        "plain/category_csv.txt",
        b'12,Shows,Musicals,Musical theatre\n13,Shows,Plays,All "non-musical" theatre  \n'
        b'14,Shows,Opera,All opera, light, and "rock" opera\n'
        b"15,Concerts,Classical,All symphony, concerto, and choir concerts\n",
    )
    assert session.failure(session.copy("category", plain, "delimiter ','")) == (
        "XX000",
        LOAD_FAILED.format(table="category"),
    )
    quoted = session.put(
        "quoted/category_csv.txt",
        b'12,Shows,Musicals,Musical theatre\n13,Shows,Plays,"All ""non-musical"" theatre"\n'
        b'14,Shows,Opera,"All opera, light, and ""rock"" opera"\n'
        b'15,Concerts,Classical,"All symphony, concerto, and choir concerts"\n',
    )
    assert session.run(session.copy("category", quoted, "csv")) == 4
    assert session.rows("select * from category order by catid") == CATEGORY
    session.run("truncate category")
    percent = session.put(
        "percent/category_csv.txt",
        b'12,Shows,Musicals,Musical theatre\n13,Shows,Plays,%All "non-musical" theatre%\n'
        b'14,Shows,Opera,%All opera, light, and "rock" opera%\n'
        b"15,Concerts,Classical,%All symphony, concerto, and choir concerts%\n",
    )
    assert session.run(session.copy("category", percent, "csv quote as '%'")) == 4
    assert session.rows("select * from category order by catid") == CATEGORY


def test_copy_data_with_the_escape_option(session):
    """ "COPY data with the ESCAPE option": escaped pipes load; "Without the ESCAPE parameter, this COPY command
    fails with an Extra column(s) found error"; and "Preparing files for COPY with the ESCAPE option"'s XML."""
    session.run("create table redshiftinfo(infoid int,tableinfo varchar(50))")
    url = session.put("redshiftinfo.txt", b"1|public\\|event\\|dwuser\n2|public\\|sales\\|dwuser\n")
    assert session.run(session.copy("redshiftinfo", url, "delimiter '|' escape")) == 2
    assert session.rows("select * from redshiftinfo order by 1") == [
        (1, "public|event|dwuser"),
        (2, "public|sales|dwuser"),
    ]
    assert session.failure(session.copy("redshiftinfo", url, "delimiter '|'"))[1] == LOAD_FAILED.format(
        table="redshiftinfo"
    )
    [error] = [row for row in session.load_errors(url) if row[1] == 1][-1:]
    assert (error[7], error[8]) == (1202, "Extra column(s) found")

    session.run("create table t2 (c1 varchar(200), c2 int)")
    xml = session.put(
        "nlTest2.txt",
        b"<xml start>\\\n<newline characters provide>\\\n<line breaks at the end of each>\\\n<line in content>\\\n"
        b"</xml>|1000\n<xml>\\\n</xml>|2000\n",
    )
    assert session.run(session.copy("t2", xml, "escape delimiter as '|'")) == 2
    assert session.rows("select * from t2 order by 2") == [
        (
            "<xml start>\n<newline characters provide>\n<line breaks at the end of each>\n<line in content>\n</xml>",
            1000,
        ),
        ("<xml>\n</xml>", 2000),
    ]


def test_load_venue_from_a_fixed_width_data_file_and_a_timestamp_with_fractions(session):
    """ "Load VENUE from a fixed-width data file" (its sample, the last field shorter than its width) and "Load a
    timestamp or datestamp": 'YYYY-MM-DD HH:MI:SS' keeps the fraction, "2009-01-12 14:15:57.119568"."""
    session.run(
        "create table venue(venueid smallint, venuename varchar(100), venuecity varchar(30), venuestate char(2),"
        " venueseats integer)"
    )
    url = session.put(
        "venue_fw.txt",
        b"1  Toyota Park              Bridgeview  IL0\n2  Columbus Crew Stadium    Columbus    OH0\n"
        b"3  RFK Stadium              Washington  DC0\n4  CommunityAmerica BallparkKansas City KS0\n"
        b"5  Gillette Stadium         Foxborough  MA68756\n",
    )
    spec = "fixedwidth 'venueid:3,venuename:25,venuecity:12,venuestate:2,venueseats:6'"
    assert session.run(session.copy("venue", url, spec)) == 5
    assert session.rows("select venueid, rtrim(venuename), rtrim(venuecity), venuestate, venueseats from venue") == [
        (1, "Toyota Park", "Bridgeview", "IL", 0),
        (2, "Columbus Crew Stadium", "Columbus", "OH", 0),
        (3, "RFK Stadium", "Washington", "DC", 0),
        (4, "CommunityAmerica Ballpark", "Kansas City", "KS", 0),
        (5, "Gillette Stadium", "Foxborough", "MA", 68756),
    ]
    session.run("create table timestamp1 (c1 timestamp)")
    url = session.put("time.txt", b"2009-01-12 14:15:57.119568\n")
    assert session.run(session.copy("timestamp1", url, "timeformat 'YYYY-MM-DD HH:MI:SS'")) == 1
    assert session.rows("select c1::text from timestamp1") == [("2009-01-12 14:15:57.119568",)]


def test_load_event_with_options(session):
    """ "Load EVENT with options": quotes removed, empty and blank strings NULL, MAXERROR 5, the TIMEFORMAT."""
    session.run(
        "create table event(eventid integer not null, venueid smallint not null, catid smallint not null,"
        " dateid smallint not null, eventname varchar(200), starttime timestamp)"
    )
    url = session.put(
        "allevents_pipe.txt",
        b'1|305|8|1851|"Gotterdammerung"|2008-01-25 14:30:00\n2|306|8|2114||2008-10-15 20:00:00\n'
        b"3|302|8|1935|   |2008-04-19 14:30:00\n4|309|8|2090|'La Boheme'|2008-09-26 05:43:12\n",
    )
    parameters = "removequotes emptyasnull blanksasnull maxerror 5 delimiter '|' timeformat 'YYYY-MM-DD HH:MI:SS'"
    assert session.run(session.copy("event", url, parameters)) == 4
    assert session.rows("select eventid, eventname, starttime::text from event order by 1") == [
        (1, "Gotterdammerung", "2008-01-25 14:30:00"),
        (2, None, "2008-10-15 20:00:00"),
        (3, None, "2008-04-19 14:30:00"),
        (4, "La Boheme", "2008-09-26 05:43:12"),
    ]


def test_conversion_parameters_through_the_endpoint(session):
    """ "Data conversion parameters": TRUNCATECOLUMNS, BLANKSASNULL, ROUNDEC, DATEFORMAT and TIMEFORMAT 'auto' (two
    of "Using automatic recognition with DATEFORMAT and TIMEFORMAT"'s examples: YYYY.DDD and YYYYMMDD HHMISS),
    ACCEPTANYDATE ("applies only to TIMESTAMP and DATE columns": a value that does not match loads NULL)."""
    session.run("create table t (word varchar(5), blank varchar(5), amount numeric(8,2), d date, ts timestamp)")
    url = session.put("t.txt", b"abcdefgh|   |20.259|1996.008|19960108 040809\nok|x|1.005|00/00/00|not a time\n")
    parameters = "TRUNCATECOLUMNS BLANKSASNULL ROUNDEC DATEFORMAT 'auto' TIMEFORMAT 'auto' ACCEPTANYDATE"
    assert session.run(session.copy("t", url, parameters)) == 2
    assert session.rows("select word, blank, amount::text, d::text, ts::text from t order by word") == [
        ("abcde", None, "20.26", "1996-01-08", "1996-01-08 04:08:09"),
        ("ok", "x", "1.01", None, None),
    ]


def test_noload_checks_the_files_and_loads_nothing_and_date_errors_are_1205_and_1206(session):
    """NOLOAD ("Data load operations") reads and checks every record; the bad dates are 1205 and 1206."""
    session.run("create table t (d date, ts timestamp)")
    url = session.put("t.txt", b"2008-01-01|2008-01-01 10:00:00\n01/02/2008|2008-01-01 10:00:00\n2008-01-01|soon\n")
    assert session.run(session.copy("t", url, "NOLOAD MAXERROR 2")) == 0
    assert session.rows("select count(*) from t") == [(0,)]
    errors = session.load_errors(url)
    assert [(row[1], row[2], row[7]) for row in errors] == [(2, "d", 1205), (3, "ts", 1206)]
    assert errors[1][8] == "Invalid timestamp format or value [YYYY-MM-DD HH:MI:SS]"
