"""HLLSKETCH columns in UNLOAD and COPY through the endpoint.

"You can perform an UNLOAD operation on table with HLLSKETCH columns into text or CSV ... Amazon Redshift shows the
data in a JSON format for a sparse representation or a Base64 format for a dense representation" (Considerations,
hyperloglog-functions-usage-notes.html); "use the Base64 format for dense HyperLogLog sketches and the JSON format for
sparse HyperLogLog sketches", as the example's `COPY t1 FROM 's3://.../unload/' ... NULL AS 'null' CSV` loads what was
unloaded (Loading the HLLSKETCH data type, copy-usage_notes-hll.html).
"""

from __future__ import annotations

import json
import uuid

import psycopg
import pytest

from tests.local_redshift.conftest import REGION, create_cluster, stack_client
from tests.support import REDSHIFT_TRUST

SPARSE = '{"version":1,"logm":15,"sparse":{"indices":[15099259,33107846,37891580,50065963],"values":[2,3,2,1]}}'
DENSE = "ABAABAAAAAAA"  # the dense form as the type page begins it ("ABAABA..."), made whole Base64
BUILT_LOCALLY = "The local Redshift cannot print an HLLSKETCH it built"


@pytest.fixture(scope="module")
def world(local_stack):
    """A cluster with a role that may read and write S3, and a bucket."""
    iam = stack_client(local_stack, "iam")
    name = f"hll-{uuid.uuid4().hex[:8]}"
    role = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(REDSHIFT_TRUST))["Role"]["Arn"]
    iam.attach_role_policy(RoleName=name, PolicyArn="arn:aws:iam::aws:policy/AmazonS3FullAccess")
    bucket = f"hll-{uuid.uuid4().hex[:8]}"
    s3 = stack_client(local_stack, "s3")
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    return {"login": create_cluster(local_stack, name, IamRoles=[role]), "role": role, "bucket": bucket, "s3": s3}


@pytest.fixture
def pg(world):
    """A session in a schema of its own holding the loading page's t1 with a sparse, a dense and a NULL sketch."""
    with world["login"].psycopg(autocommit=True) as connection:
        schema = f"s_{uuid.uuid4().hex[:8]}"
        connection.execute(f"CREATE SCHEMA {schema}")
        connection.execute(f"SET search_path TO {schema}")
        connection.execute("CREATE TABLE t1 (sketch hllsketch, a bigint)")
        connection.execute(f"INSERT INTO t1 VALUES ('{SPARSE}', 1), ('{DENSE}', 2), (NULL, 3)")
        yield connection


def test_sketches_unloaded_as_csv_copy_back_as_they_were(pg, world):
    prefix = f"s3://{world['bucket']}/{uuid.uuid4().hex[:8]}/unload/"
    pg.execute(f"UNLOAD ('SELECT sketch, a FROM t1') TO '{prefix}' IAM_ROLE '{world['role']}' NULL AS 'null' CSV")
    pg.execute("CREATE TABLE t2 (sketch hllsketch, a bigint)")
    pg.execute(f"COPY t2 FROM '{prefix}' IAM_ROLE '{world['role']}' NULL AS 'null' CSV")
    assert pg.execute("SELECT sketch, a FROM t2 ORDER BY a").fetchall() == [(SPARSE, 1), (DENSE, 2), (None, 3)]
    assert pg.execute("SELECT hll_cardinality(sketch) FROM t2 WHERE a = 1").fetchone() == (4,)


def test_a_sketch_built_locally_is_not_unloaded(pg, world):
    prefix = f"s3://{world['bucket']}/{uuid.uuid4().hex[:8]}/built_"
    with pytest.raises(psycopg.errors.FeatureNotSupported, match=BUILT_LOCALLY):
        pg.execute(
            f"UNLOAD ('SELECT hll_create_sketch(a) FROM t1') TO '{prefix}' IAM_ROLE '{world['role']}' CSV"
        )  # fmt: skip


def test_a_sketch_unloads_into_text_or_csv_only(pg, world):
    prefix = f"s3://{world['bucket']}/{uuid.uuid4().hex[:8]}/json_"
    with pytest.raises(psycopg.errors.FeatureNotSupported, match="UNLOAD of an HLLSKETCH column in JSON format"):
        pg.execute(f"UNLOAD ('SELECT sketch FROM t1') TO '{prefix}' IAM_ROLE '{world['role']}' FORMAT JSON")


def test_a_field_that_is_no_sketch_is_a_load_error_that_maxerror_counts(pg, world):
    """The pages name no load error of HLLSKETCH: the record is 1216 ("Input line is not valid", Load error reference,
    r_Load_Error_Reference.html) in the type's words. MAXERROR: "If the load returns the error_count number of
    errors or greater, the load fails. If the load returns fewer errors, it continues" (copy-parameters-data-load)."""
    key = f"{uuid.uuid4().hex[:8]}/bad.csv"
    body = b'not a sketch,4\n"{""logm"": 15, ""sparse"": {""indices"": [1], ""values"": [2]}}",5\n'
    world["s3"].put_object(Bucket=world["bucket"], Key=key, Body=body)
    with pytest.raises(psycopg.errors.InternalError, match="Load into table 't1' failed"):
        pg.execute(f"COPY t1 FROM 's3://{world['bucket']}/{key}' IAM_ROLE '{world['role']}' CSV")
    assert pg.execute("SELECT count(*) FROM t1").fetchone() == (3,)
    pg.execute(f"COPY t1 FROM 's3://{world['bucket']}/{key}' IAM_ROLE '{world['role']}' CSV MAXERROR 5")
    [(code, line, reason)] = pg.execute(
        "SELECT err_code, line_number, err_reason FROM stl_load_errors WHERE query = pg_last_copy_id()"
    ).fetchall()
    assert (code, line) == (1216, 1) and reason.startswith("invalid input for type hllsketch")
    # the sketch that loads is stored compact, as Redshift prints it (r_HLLSKTECH_type.html)
    assert pg.execute("SELECT sketch FROM t1 WHERE a = 5").fetchall() == [
        ('{"logm":15,"sparse":{"indices":[1],"values":[2]}}',)
    ]
