"""COPY into SUPER columns and UNLOAD of them through the running endpoint, both query protocols (psycopg: simple
query; redshift_connector: extended): JSON 'auto', 'auto ignorecase', a JSONPaths file and 'noshred', CSV and
delimited text, a value a SUPER column cannot take, and a SUPER column unloaded and copied back.

A client reads a SUPER value as the JSON text Redshift prints for it (JSON_PARSE('[10001,10002,"abc"]') prints
[10001,10002,"abc"], "JSON_PARSE function"), so the expected values are that text.

Pages: "Using COPY to load data into SUPER columns" (COPY_JSON, whose examples load the region_nation data of the
SUPER sample dataset: a few of its records here, cut short), "Unloading semistructured data" (UNLOAD_SUPER), "Load
error reference" (LOAD_ERRORS: 1224).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from local_redshift.copy.supers import NOSHRED_COLUMNS
from tests.local_redshift.conftest import REGION, create_cluster, stack_client
from tests.local_redshift.test_endpoint_copy_text import LOAD_FAILED, PROTOCOLS, Session
from tests.support import REDSHIFT_TRUST

COPY_JSON = "https://docs.aws.amazon.com/redshift/latest/dg/copy_json.html"
UNLOAD_SUPER = "https://docs.aws.amazon.com/redshift/latest/dg/unload-super.html"
LOAD_ERRORS = "https://docs.aws.amazon.com/redshift/latest/dg/r_Load_Error_Reference.html"
S3_FULL_ACCESS = "arn:aws:iam::aws:policy/AmazonS3FullAccess"

REGION_NATION = [
    {"r_regionkey": 0, "r_name": "AFRICA", "r_comment": "lar deposits. blithely final packages cajole.",
     "r_nations": [{"n_comment": " haggle. carefully final deposits detect slyly agai", "n_nationkey": 0,
                    "n_name": "ALGERIA"}, {"n_comment": "ven packages wake quickly. regu", "n_nationkey": 5,
                                           "n_name": "ETHIOPIA"}]},
    {"r_regionkey": 1, "r_name": "AMERICA", "r_comment": "hs use ironic, even requests. s",
     "r_nations": [{"n_comment": "al foxes promise slyly according to the regular accounts.", "n_nationkey": 1,
                    "n_name": "ARGENTINA"}]},
]  # fmt: skip
NATIONS = [json.dumps(record["r_nations"], separators=(",", ":")) for record in REGION_NATION]
REGION_NATIONS = (
    "CREATE TABLE region_nations (r_regionkey smallint, r_name varchar, r_comment varchar, r_nations super)"
)


@pytest.fixture(scope="module")
def world(local_stack) -> dict[str, Any]:
    """A cluster with a role that may read and write S3, and a bucket."""
    iam = stack_client(local_stack, "iam")
    name = f"copy-super-{uuid.uuid4().hex[:8]}"
    role = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(REDSHIFT_TRUST))["Role"]["Arn"]
    iam.attach_role_policy(RoleName=name, PolicyArn=S3_FULL_ACCESS)
    s3 = stack_client(local_stack, "s3")
    bucket = f"copy-super-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    login = create_cluster(local_stack, name, IamRoles=[role])
    return {"login": login, "role": role, "buckets": {"tutorial": bucket}, "s3": s3}


@pytest.fixture(params=PROTOCOLS)
def session(request, world) -> Iterator[Session]:
    opened = Session(request.param, world)
    yield opened
    opened.close()


def _json_lines(records: list[dict]) -> bytes:
    return "\n".join(json.dumps(record) for record in records).encode()


def test_auto_loads_nested_values_into_super_columns(session):
    # COPY_JSON: "COPY matches the top-level JSON attributes with column names and allows nested values to be
    # ingested as SUPER values, such as JSON arrays and objects."
    session.run(REGION_NATIONS)
    url = session.put("region_nation.json", _json_lines(REGION_NATION))
    assert session.run(session.copy("region_nations", url, "FORMAT JSON 'auto'")) == 2
    assert session.rows("SELECT r_regionkey, r_name, r_nations FROM region_nations ORDER BY 1") == [
        (0, "AFRICA", NATIONS[0]), (1, "AMERICA", NATIONS[1])
    ]  # fmt: skip


def test_auto_ignorecase_scalars_and_numbers_as_written(session):
    # COPY_JSON: 'auto ignorecase' for attribute names "in mixed upper and lower cases"; a scalar is a SUPER scalar
    # (a string prints with its quotes), and a number keeps its digits (a SUPER decimal keeps its scale, "DECIMAL_SCALE
    # function").
    session.run("CREATE TABLE t (id int, doc super)")
    url = session.put("t.json", b'{"ID": 1, "Doc": "abc"}\n{"id": 2, "DOC": {"price": 1.50}}\n{"id": 3}')
    assert session.run(session.copy("t", url, "FORMAT JSON 'auto ignorecase'")) == 3
    assert session.rows("SELECT id, doc FROM t ORDER BY id") == [(1, '"abc"'), (2, '{"price":1.50}'), (3, None)]


def test_a_jsonpaths_file_maps_attributes_to_super_columns(session):
    # COPY_JSON's nations table and its jsonpaths file ("$.r_regionkey", "$.r_name", "$.r_comment", "$.r_nations").
    session.run("CREATE TABLE nations (regionkey smallint, name varchar, comment super, nations super)")
    paths = session.put("nations_jsonpaths.json", b'{"jsonpaths": ["$.r_regionkey", "$.r_name", "$.r_comment",'
                                                  b' "$.r_nations"]}')  # fmt: skip
    url = session.put("data/region_nation.json", _json_lines(REGION_NATION))
    assert session.run(session.copy("nations", url, f"FORMAT JSON '{paths}'")) == 2
    assert session.rows("SELECT regionkey, comment, nations FROM nations ORDER BY 1") == [
        (0, '"lar deposits. blithely final packages cajole."', NATIONS[0]),
        (1, '"hs use ironic, even requests. s"', NATIONS[1]),
    ]


def test_noshred_loads_each_document_into_the_single_super_column(session):
    # COPY_JSON: "CREATE TABLE region_nations_noshred (rdata SUPER);" ... FORMAT JSON 'noshred': "your table has a
    # rdata SUPER data column that contains the data of the entire JSON object".
    session.run("CREATE TABLE region_nations_noshred (rdata SUPER)")
    url = session.put("region_nation.json", json.dumps(REGION_NATION[0], indent=2).encode() + b"\n")
    assert session.run(session.copy("region_nations_noshred", url, "FORMAT JSON 'noshred'")) == 1
    assert session.rows("SELECT rdata FROM region_nations_noshred") == [
        (json.dumps(REGION_NATION[0], separators=(",", ":")),)
    ]
    # The page's table has one column, a SUPER: a COPY into more columns, or into one that is not SUPER, is refused.
    session.run(REGION_NATIONS)
    assert session.failure(session.copy("region_nations", url, "FORMAT JSON 'noshred'")) == ("XX000", NOSHRED_COLUMNS)


def test_csv_and_escaped_text_hold_super_values_as_json(session):
    # COPY_JSON: "Amazon Redshift represents SUPER columns in text and CSV formats as single-line JSON objects. The
    # double quotation marks used for escaping in CSV require no intervention from users. However, for text format,
    # when the chosen delimiter might also appear in a SUPER field, use the ESCAPE option", as its examples do
    # (FORMAT CSV; DELIMITER ',' ESCAPE).
    session.run(REGION_NATIONS)
    rows = [(str(record["r_regionkey"]), record["r_name"], record["r_comment"], nations)
            for record, nations in zip(REGION_NATION, NATIONS, strict=True)]  # fmt: skip
    csv = "".join(",".join('"' + field.replace('"', '""') + '"' for field in row) + "\n" for row in rows)
    text = "".join(",".join(field.replace(",", "\\,") for field in row) + "\n" for row in rows)
    assert session.run(session.copy("region_nations", session.put("rn.csv", csv.encode()), "FORMAT CSV")) == 2
    escaped = session.copy("region_nations", session.put("rn.txt", text.encode()), "DELIMITER ',' ESCAPE")
    assert session.run(escaped) == 2
    assert session.rows("SELECT r_regionkey, r_comment, r_nations FROM region_nations ORDER BY 1") == [
        (0, REGION_NATION[0]["r_comment"], NATIONS[0]), (0, REGION_NATION[0]["r_comment"], NATIONS[0]),
        (1, REGION_NATION[1]["r_comment"], NATIONS[1]), (1, REGION_NATION[1]["r_comment"], NATIONS[1]),
    ]  # fmt: skip


def test_a_field_that_is_not_json_is_a_1224_load_error_counted_against_maxerror(session):
    # LOAD_ERRORS: 1224, input data in a malformed JSON format or SUPER data type.
    session.run("CREATE TABLE t (id int, doc super)")
    url = session.put("t.csv", b'1,"{""a"": [1, 2]}"\n2,{not json}\n')
    assert session.failure(session.copy("t", url, "CSV")) == ("XX000", LOAD_FAILED.format(table="t"))
    assert session.rows("SELECT count(*) FROM t") == [(0,)]
    assert session.run(session.copy("t", url, "CSV MAXERROR 1")) == 1
    assert session.rows("SELECT id, doc FROM t") == [(1, '{"a":[1,2]}')]
    error = session.load_errors(url)[-1]
    assert (error[1], error[2], error[3], error[5], error[6], error[7]) == (
        2, "doc", "super", "2,{not json}", "{not json}", 1224
    )  # fmt: skip


@pytest.mark.parametrize("unload_format, copy_format", [("CSV", "CSV"), ("PARQUET", "FORMAT AS PARQUET")])
def test_a_super_column_unloaded_copies_back(session, unload_format, copy_format):
    # UNLOAD_SUPER: SUPER columns unload to CSV and text as their JSON, and to Parquet as its JSON type; "You can
    # ... ingest them back to Amazon Redshift using the COPY command."
    session.run("CREATE TABLE t (id int, doc super)")
    records = b'{"id": 1, "doc": {"a": [1, 2.50], "b": "x,\\"y\\""}}\n{"id": 2, "doc": "abc"}\n{"id": 3, "doc": 7}\n'
    session.run(session.copy("t", session.put("t.json", records + b'{"id": 4}'), "FORMAT JSON 'auto'"))
    bucket = session.world["buckets"]["tutorial"]
    prefix = f"s3://{bucket}/{session.schema}/unloaded_{unload_format.lower()}_"
    unload = f"UNLOAD ('SELECT id, doc FROM t') TO '{prefix}' IAM_ROLE '{session.world['role']}' PARALLEL OFF"
    session.run(f"{unload} FORMAT AS {unload_format}")
    session.run("CREATE TABLE back (id int, doc super)")
    session.run(session.copy("back", prefix, copy_format))
    rows = "SELECT id, doc FROM {table} WHERE id < 4 ORDER BY id"
    assert session.rows(rows.format(table="back")) == session.rows(rows.format(table="t"))
    assert session.rows("SELECT doc FROM back WHERE id = 1") == [('{"a":[1,2.50],"b":"x,\\"y\\""}',)]
    if unload_format == "CSV":  # UNLOAD_SUPER: "SUPER data columns ignore the NULL [AS] option": NULL is null
        written = session.world["s3"].get_object(Bucket=bucket, Key=f"{session.schema}/unloaded_csv_000")
        assert written["Body"].read().decode().splitlines()[3] == "4,null"
