"""COPY of malformed input through the running endpoint, both query protocols: every failure is a load error row or a
statement error in Redshift's words, never a crash of the loader.

Pages: "Multibyte character load errors" (multi-byte-character-load-errors: "If a line in your load data contains a
character that is not valid for the column data type, COPY returns an error and logs a row in the STL_LOAD_ERRORS
system log table with error number 1220"), "Data conversion parameters" (copy-parameters-data-conversion,
ACCEPTINVCHARS), "Load error reference" (r_Load_Error_Reference), "Data format parameters", "File compression
parameters" and "Data sources" (copy-parameters-data-source-s3, the manifest).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

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
