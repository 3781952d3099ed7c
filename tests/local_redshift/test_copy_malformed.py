"""COPY of malformed input through the running endpoint, both query protocols: every failure is a load error row or a
statement error in Redshift's words, never a crash of the loader.

Pages: "Multibyte character load errors" (multi-byte-character-load-errors: "If a line in your load data contains a
character that is not valid for the column data type, COPY returns an error and logs a row in the STL_LOAD_ERRORS
system log table with error number 1220"), "Data conversion parameters" (copy-parameters-data-conversion,
ACCEPTINVCHARS), "Load error reference" (r_Load_Error_Reference), "Data format parameters", "File compression
parameters" and "Data sources" (copy-parameters-data-source-s3, the manifest).
"""

from __future__ import annotations

import bz2
import gzip
import io
import uuid
from collections.abc import Iterator
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.local_redshift.conftest import REGION, create_cluster, s3_reading_role, stack_client
from tests.local_redshift.test_endpoint_copy_text import LOAD_FAILED, PROTOCOLS, Session

INVALID = b"x\xe9y"
"""A field with one byte that is not UTF-8 (0xE9 starts a three-byte sequence; 'y' cannot continue it)."""
SHOWN = "x.y"
"""How STL_LOAD_ERRORS shows it: "a period for each invalid byte" (the SSB tutorial's CUSTOMER errors)."""
COLUMNS = {  # a column of each type that is not CHAR or VARCHAR, and the two that are
    "c_smallint": "SMALLINT",
    "c_integer": "INTEGER",
    "c_bigint": "BIGINT",
    "c_decimal": "DECIMAL(8,2)",
    "c_real": "REAL",
    "c_double": "DOUBLE PRECISION",
    "c_boolean": "BOOLEAN",
    "c_date": "DATE",
    "c_timestamp": "TIMESTAMP",
    "c_timestamptz": "TIMESTAMPTZ",
    "c_time": "TIME",
    "c_timetz": "TIMETZ",
    "c_varbyte": "VARBYTE(16)",
    "c_char": "CHAR(3)",
    "c_varchar": "VARCHAR(10)",
}
NAMES = list(COLUMNS)
CHECKED_BY_POSTGRESQL = ("c_time", "c_timetz")
"""The types whose text the local Redshift's converters leave to PostgreSQL to read: a value it refuses fails the
load (the refused row cannot be left out of a COPY FROM STDIN in progress)."""
FORMATS = {  # how each format writes one record: the invalid field in one column, the others empty
    "delimited": ("", lambda fields: b"|".join(fields) + b"\n"),
    "csv": ("CSV", lambda fields: b",".join(fields) + b"\n"),
    "fixedwidth": (
        "FIXEDWIDTH '" + ",".join(f"{name}:3" for name in NAMES) + "'",
        lambda fields: b"".join(field or b"   " for field in fields) + b"\n",
    ),
}


@pytest.fixture(scope="module")
def world(local_stack) -> dict[str, Any]:
    """A cluster with an S3-reading role and a bucket (the keys Session expects)."""
    s3 = stack_client(local_stack, "s3")
    role = s3_reading_role(local_stack, "copy-malformed")
    bucket = f"malformed-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    login = create_cluster(local_stack, f"copy-malformed-{uuid.uuid4().hex[:8]}", IamRoles=[role])
    return {"login": login, "role": role, "buckets": {"tutorial": bucket}, "s3": s3}


@pytest.fixture(params=PROTOCOLS)
def session(request, world) -> Iterator[Session]:
    opened = Session(request.param, world)
    opened.run("CREATE TABLE kinds (" + ", ".join(f"{name} {kind}" for name, kind in COLUMNS.items()) + ")")
    yield opened
    opened.close()


def _records(write) -> bytes:
    """One record per column, the invalid field in that column."""
    return b"".join(
        write([INVALID if index == column else b"" for index in range(len(NAMES))]) for column in range(len(NAMES))
    )


def _errors(session: Session, url: str) -> list[tuple]:
    return [(row[1], row[2], row[6], row[7]) for row in session.load_errors(url)]


# --- invalid UTF-8 in a column of each type ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(FORMATS))
def test_invalid_utf8_is_1220_in_a_column_of_every_type(session, kind):
    parameters, write = FORMATS[kind]
    url = session.put(f"invalid.{kind}", _records(write))
    assert session.run(session.copy("kinds", url, f"{parameters} MAXERROR 100")) == 0
    assert _errors(session, url) == [(line, name, SHOWN, 1220) for line, name in enumerate(NAMES, 1)]


@pytest.mark.parametrize("kind", list(FORMATS))
def test_without_maxerror_the_first_invalid_field_fails_the_load(session, kind):
    parameters, write = FORMATS[kind]
    url = session.put(f"invalid-fails.{kind}", _records(write))
    assert session.failure(session.copy("kinds", url, parameters)) == ("XX000", LOAD_FAILED.format(table="kinds"))
    assert session.rows("SELECT count(*) FROM kinds") == [(0,)]
    assert _errors(session, url) == [(1, NAMES[0], SHOWN, 1220)]


@pytest.mark.parametrize("kind", list(FORMATS))
def test_acceptinvchars_replaces_the_byte_and_the_column_judges_the_replaced_value(session, kind):
    # ACCEPTINVCHARS: "COPY replaces each invalid UTF-8 character with a string of equal length consisting of the
    # character specified by replacement_char"; 'x^y' then loads into CHAR(3) and VARCHAR and is no value of the
    # other types, each refused by its own rule (1207 invalid digit, 1205 date, 1206 timestamp, ...), never 1220
    parameters, write = FORMATS[kind]
    names = [name for name in NAMES if name not in CHECKED_BY_POSTGRESQL]
    fields = [[INVALID if name == column else b"" for name in NAMES] for column in names]
    url = session.put(f"replaced.{kind}", b"".join(write(record) for record in fields))
    loaded = session.run(session.copy("kinds", url, f"{parameters} ACCEPTINVCHARS AS '^' MAXERROR 100"))
    assert loaded == 2
    assert session.rows("SELECT count(*) FROM kinds WHERE c_char = 'x^y' OR c_varchar = 'x^y'") == [(2,)]
    errors = _errors(session, url)
    assert [name for _, name, _, _ in errors] == names[:-2]
    assert all(code != 1220 for _, _, _, code in errors)
    numbers = {name: code for _, name, _, code in errors if name in ("c_integer", "c_date", "c_timestamp")}
    assert numbers == {"c_integer": 1207, "c_date": 1205, "c_timestamp": 1206}


@pytest.mark.parametrize("name", CHECKED_BY_POSTGRESQL)
def test_acceptinvchars_in_a_time_column_fails_the_load_on_the_replaced_value(session, name):
    # 'x^y' is no TIME: without MAXERROR the record fails the load, with its load error row
    record = [INVALID if column == name else b"" for column in NAMES]
    url = session.put(f"replaced-{name}.txt", FORMATS["delimited"][1](record))
    assert session.failure(session.copy("kinds", url, "ACCEPTINVCHARS AS '^'")) == (
        "XX000",
        LOAD_FAILED.format(table="kinds"),
    )
    assert [(line, column) for line, column, _, _ in _errors(session, url)] == [(1, name)]


def test_invalid_utf8_in_a_json_record_is_1220_for_every_column_type(session):
    # JSON is read whole: the record holding the invalid byte is the load error
    body = b"".join(b'{"%s": "x\xe9y"}\n' % name.encode() for name in NAMES)
    url = session.put("invalid.json", body)
    assert session.run(session.copy("kinds", url, "FORMAT AS JSON 'auto' MAXERROR 100")) == 0
    assert [(line, code) for line, _, _, code in _errors(session, url)] == [
        (line, 1220) for line in range(1, len(NAMES) + 1)
    ]


def test_acceptinvchars_in_json_loads_the_replaced_text_of_a_varchar(session):
    url = session.put("replaced.json", b'{"c_varchar": "x\xe9y"}\n{"c_integer": "1\xe9"}\n')
    assert session.run(session.copy("kinds", url, "FORMAT AS JSON 'auto' ACCEPTINVCHARS AS '^' MAXERROR 10")) == 1
    assert session.rows("SELECT c_varchar FROM kinds") == [("x^y",)]
    assert [(line, name, code) for line, name, _, code in _errors(session, url)] == [(2, "c_integer", 1207)]


# --- files that are not what the statement says they are ---------------------------------------------------------

CRASHED = "COPY failed in the local Redshift endpoint"
"""How the endpoint words an exception the loader did not expect: no malformed input may end a COPY so."""
ROWS = b"1|a\n2|b\n" * 500


def _parquet(rows: int = 1000) -> bytes:
    buffer = io.BytesIO()
    pq.write_table(pa.table({"a": list(range(rows)), "b": [f"v{i}" for i in range(rows)]}), buffer)
    return buffer.getvalue()


def _refused(session: Session, url: str, parameters: str) -> tuple[str, str]:
    """The COPY into `pair` fails with an error of its own words, and loads nothing."""
    failed = session.failure(session.copy("pair", url, parameters))
    assert not failed[1].startswith(CRASHED), failed
    assert session.rows("SELECT count(*) FROM pair") == [(0,)]
    return failed


@pytest.fixture
def pair(session) -> Session:
    session.run("CREATE TABLE pair (a INTEGER, b VARCHAR(10))")
    return session


@pytest.mark.parametrize(
    ("parameter", "body"),
    [
        ("GZIP", gzip.compress(ROWS)[:-20]),
        ("BZIP2", bz2.compress(ROWS)[:-20]),
        ("ZSTD", pa.compress(ROWS, codec="zstd", asbytes=True)[:-10]),
        ("GZIP", b"not compressed at all"),
        ("BZIP2", gzip.compress(ROWS)),  # another compression than the statement says
    ],
)
def test_a_truncated_or_foreign_compressed_file_fails_the_copy_naming_the_compression_and_the_file(
    pair, parameter, body
):
    # "File compression parameters": GZIP, BZIP2 and ZSTD name how "the input file or files are" compressed; a file
    # that is not, or is cut short, cannot be read whole: the COPY fails, naming it
    url = pair.put(f"cut.{parameter.lower()}", body)
    sqlstate, message = _refused(pair, url, parameter)
    assert (sqlstate, message.split(":")[0]) == ("XX000", parameter.lower())
    assert url in message


@pytest.mark.parametrize(
    "body",
    [b"", b"not parquet", _parquet()[:-30], _parquet()[:100] + b"\xff" * 300 + _parquet()[400:]],
    ids=["empty", "text", "truncated", "damaged-pages"],
)
def test_a_file_that_is_not_parquet_fails_the_copy(pair, body):
    # "COPY from columnar data formats": "If COPY encounters an error while loading, the command fails ... Error
    # messages are sent to the SQL client"
    url = pair.put("data.parquet", body)
    assert _refused(pair, url, "FORMAT AS PARQUET")[1].startswith("The file is not a valid Parquet file")


@pytest.mark.parametrize(
    "body", [b"not json", b'{"entries": [', b'["s3://b/k"]', b'{"entries": [{"mandatory": true}]}']
)
def test_a_manifest_that_is_not_a_json_manifest_fails_the_copy(pair, body):
    # "Data sources" (MANIFEST): "The manifest is a text file in JSON format that lists the URL of each file"
    url = pair.put("load.manifest", body)
    assert _refused(pair, url, "MANIFEST")[1] == f"Manifest file is not in correct json format: {url}"


@pytest.mark.parametrize("spec", ["a:x,b:1", "a,b", ":1,:1", "a:0,b:1", "a:-1,b:1", ""])
def test_a_fixedwidth_spec_that_does_not_parse_is_a_syntax_error(pair, spec):
    # "Data format parameters": FIXEDWIDTH 'fixedwidth_spec', "a string that specifies a user-defined column label
    # and column width", 'colLabel1:colWidth1,colLabel:colWidth2, ...'
    url = pair.put("fixed.txt", b"1a\n")
    sqlstate, message = _refused(pair, url, f"FIXEDWIDTH '{spec}'")
    assert (sqlstate, message) == (
        "42601",
        f"Invalid FIXEDWIDTH spec '{spec}': expected 'label:width, ...' with positive widths",
    )


@pytest.mark.parametrize(
    ("parameters", "body"),
    [
        ("", b""),
        ("CSV", b""),
        ("FIXEDWIDTH 'a:1,b:1'", b""),
        ("FORMAT AS JSON 'auto'", b""),
        ("GZIP", b""),
        ("GZIP", gzip.compress(b"")),
        ("BZIP2", bz2.compress(b"")),
        ("CSV IGNOREHEADER 1", b"a,b\n"),
        ("IGNOREHEADER 1", b"a|b"),
        ("FIXEDWIDTH 'a:1,b:1' IGNOREHEADER 1", b"ab\n"),
        ("CSV GZIP IGNOREHEADER 1", gzip.compress(b"a,b\n")),
        ("IGNOREHEADER 3", b"a|b\n"),
    ],
)
def test_an_empty_file_or_one_of_only_its_header_loads_no_row_and_no_error(pair, parameters, body):
    # IGNOREHEADER: "Treats the specified number_rows as a file header and doesn't load them"; a file of no record
    # has no row to load
    url = pair.put("empty.dat", body)
    assert pair.run(pair.copy("pair", url, parameters)) == 0
    assert pair.load_errors(url) == []
    assert pair.rows("SELECT status FROM sys_load_history WHERE query_id = pg_last_copy_id()") == [("completed",)]


def test_text_that_is_not_json_is_a_load_error_of_its_record(pair):
    # "Load error reference": 1216, "Input line is not valid"
    url = pair.put("garbage.json", b'garbage\n{"a": 1, "b": "ok"}\n')
    assert pair.run(pair.copy("pair", url, "FORMAT AS JSON 'auto' MAXERROR 1")) == 1
    assert [(row[1], row[7]) for row in pair.load_errors(url)] == [(1, 1216)]
