"""The Redshift Data API of the stand-in, through real boto3 clients, run for real through the local Redshift
endpoint: the course's flow (execute_statement with WorkgroupName, poll describe_statement, page
get_statement_result), provisioned clusters (DbUser, SecretArn), typed values, parameters, batches, sessions,
cancel, the catalog calls and the documented limits. Field names, statuses and error codes are the botocore
model's (redshift-data 2019-12-20); the typed values follow its Field shape and the Data API reference."""

from __future__ import annotations

import json
import time
import uuid

import pytest
from botocore.exceptions import ClientError

from tests.local_redshift.conftest import REGION, create_cluster, s3_reading_role, stack_client
from tests.local_redshift.serverless.workgroups import create_workgroup, rows, run, wait


@pytest.fixture(scope="module")
def data(local_stack):
    return stack_client(local_stack, "redshift-data")


@pytest.fixture(scope="module")
def workgroup(local_stack):
    return create_workgroup(local_stack, "data")


def _code(error: pytest.ExceptionInfo[ClientError]) -> str:
    return error.value.response["Error"]["Code"]


def _table() -> str:
    return f"t_{uuid.uuid4().hex[:8]}"


def test_the_course_flow_polls_until_finished_and_gets_the_real_rows(data, workgroup):
    table = _table()
    assert run(data, workgroup, f"CREATE TABLE {table} (id integer, title varchar(64))")["Status"] == "FINISHED"
    inserted = run(data, workgroup, f"INSERT INTO {table} VALUES (1, 'Intro'), (2, 'Outro')")
    assert inserted["ResultRows"] == 2  # the rows an INSERT affected
    started = data.execute_statement(
        WorkgroupName=workgroup.name, Database="dev", Sql=f"SELECT id, title FROM {table} ORDER BY id"
    )
    assert started["WorkgroupName"] == workgroup.name and started["Database"] == "dev"
    seen = set()
    while (described := data.describe_statement(Id=started["Id"]))["Status"] in ("SUBMITTED", "PICKED", "STARTED"):
        seen.add(described["Status"])
        time.sleep(0.02)
    assert described["Status"] == "FINISHED"
    assert seen <= {"SUBMITTED", "PICKED", "STARTED"}
    assert described["HasResultSet"] is True
    assert described["ResultRows"] == 2
    assert described["Duration"] > 0  # nanoseconds
    assert described["RedshiftPid"] > 0
    result = data.get_statement_result(Id=started["Id"])
    assert result["TotalNumRows"] == 2
    assert result["Records"] == [
        [{"longValue": 1}, {"stringValue": "Intro"}],
        [{"longValue": 2}, {"stringValue": "Outro"}],
    ]
    columns = result["ColumnMetadata"]
    assert [(c["name"], c["typeName"]) for c in columns] == [("id", "int4"), ("title", "varchar")]
    assert columns[1]["tableName"] == table and columns[1]["schemaName"] == "public"


def test_the_query_id_is_the_one_in_sys_query_history(data, workgroup):
    table = _table()
    run(data, workgroup, f"CREATE TABLE {table} (n integer)")
    described = run(data, workgroup, f"SELECT count(*) FROM {table}")
    history = run(
        data, workgroup, f"SELECT query_text FROM sys_query_history WHERE query_id = {described['RedshiftQueryId']}"
    )
    assert rows(data, history["Id"])[0][0].strip() == f"SELECT count(*) FROM {table}"


def test_typed_values_as_the_field_shape_gives_them(data, workgroup):
    described = run(
        data, workgroup,
        "SELECT 7::smallint, 8::bigint, 1.5::float8, 2.5::real, true, NULL::integer, 12.30::decimal(5,2),"
        " 'abc'::char(3), DATE '2018-11-01', TIMESTAMP '2018-11-01 21:01:46'",
    )  # fmt: skip
    [record] = data.get_statement_result(Id=described["Id"])["Records"]
    assert record == [
        {"longValue": 7}, {"longValue": 8}, {"doubleValue": 1.5}, {"doubleValue": 2.5}, {"booleanValue": True},
        {"isNull": True}, {"stringValue": "12.30"}, {"stringValue": "abc"}, {"stringValue": "2018-11-01"},
        {"stringValue": "2018-11-01 21:01:46"},
    ]  # fmt: skip


def test_a_failing_statement_ends_failed_with_the_database_error(data, workgroup):
    described = run(data, workgroup, "SELECT * FROM no_such_table")
    assert described["Status"] == "FAILED"
    assert 'relation "no_such_table" does not exist' in described["Error"]
    with pytest.raises(ClientError) as no_result:
        data.get_statement_result(Id=described["Id"])
    assert _code(no_result) == "ResourceNotFoundException"


def test_named_parameters(data, workgroup):
    table = _table()
    run(data, workgroup, f"CREATE TABLE {table} (id integer, name varchar(16))")
    parameters = [{"name": "id", "value": "3"}, {"name": "name", "value": "50% off"}]
    inserted = run(data, workgroup, f"INSERT INTO {table} VALUES (:id, :name)", Parameters=parameters)
    assert inserted["Status"] == "FINISHED" and inserted["QueryParameters"] == parameters
    found = run(data, workgroup, f"SELECT name FROM {table} WHERE id = :id AND name LIKE '50%'",
                Parameters=[{"name": "id", "value": "3"}])  # fmt: skip
    assert rows(data, found["Id"]) == [["50% off"]]
    with pytest.raises(ClientError) as missing:
        data.execute_statement(WorkgroupName=workgroup.name, Database="dev", Sql="SELECT :absent::int",
                               Parameters=[{"name": "other", "value": "1"}])  # fmt: skip
    assert _code(missing) == "ValidationException"


def test_get_statement_result_pages_with_next_token(data, workgroup):
    table = _table()
    run(data, workgroup, f"CREATE TABLE {table} (n integer)")
    run(data, workgroup, f"INSERT INTO {table} VALUES " + ", ".join(f"({n})" for n in range(2500)))
    described = run(data, workgroup, f"SELECT n FROM {table} ORDER BY n")
    first = data.get_statement_result(Id=described["Id"])
    assert first["TotalNumRows"] == 2500 and "NextToken" in first
    assert [r[0] for r in rows(data, described["Id"])] == list(range(2500))


def test_a_batch_runs_in_one_transaction_with_sub_statements(data, workgroup):
    table = _table()
    started = data.batch_execute_statement(
        WorkgroupName=workgroup.name, Database="dev",
        Sqls=[
            f"CREATE TABLE {table} (n integer)", f"INSERT INTO {table} VALUES (1), (2)", f"SELECT sum(n) FROM {table}",
        ],
    )  # fmt: skip
    described = wait(data, started["Id"])
    assert described["Status"] == "FINISHED"
    subs = described["SubStatements"]
    assert [s["Id"] for s in subs] == [f"{started['Id']}:{n}" for n in (1, 2, 3)]
    assert [s["Status"] for s in subs] == ["FINISHED"] * 3
    assert subs[1]["ResultRows"] == 2 and subs[2]["HasResultSet"] is True
    assert rows(data, f"{started['Id']}:3") == [[3]]


def test_a_failure_in_a_batch_rolls_all_of_it_back(data, workgroup):
    table = _table()
    started = data.batch_execute_statement(
        WorkgroupName=workgroup.name, Database="dev",
        Sqls=[f"CREATE TABLE {table} (n integer)", f"INSERT INTO {table} VALUES (1)", "SELECT * FROM missing_table"],
    )  # fmt: skip
    described = wait(data, started["Id"])
    assert described["Status"] == "FAILED"
    assert [s["Status"] for s in described["SubStatements"]] == ["FINISHED", "FINISHED", "FAILED"]
    assert 'relation "missing_table" does not exist' in described["Error"]
    after = run(data, workgroup, f"SELECT * FROM {table}")
    assert after["Status"] == "FAILED" and f'relation "{table}" does not exist' in after["Error"]


def test_cancel_aborts_a_long_statement(data, workgroup):
    started = data.execute_statement(WorkgroupName=workgroup.name, Database="dev", Sql="SELECT pg_sleep(60)")
    while data.describe_statement(Id=started["Id"])["Status"] != "STARTED":
        time.sleep(0.02)
    time.sleep(0.3)
    assert data.cancel_statement(Id=started["Id"])["Status"] is True
    described = wait(data, started["Id"], patience=10)
    assert described["Status"] == "ABORTED"
    with pytest.raises(ClientError) as ended:
        data.cancel_statement(Id=started["Id"])
    assert _code(ended) == "ValidationException"


def test_a_session_keeps_its_temporary_table(data, workgroup):
    first = data.execute_statement(
        WorkgroupName=workgroup.name, Database="dev", Sql="CREATE TEMP TABLE scratch (n integer)",
        SessionKeepAliveSeconds=60,
    )  # fmt: skip
    assert wait(data, first["Id"])["Status"] == "FINISHED"
    second = data.execute_statement(SessionId=first["SessionId"], Sql="INSERT INTO scratch VALUES (5)")
    assert second["SessionId"] == first["SessionId"]
    assert wait(data, second["Id"])["Status"] == "FINISHED"
    third = data.execute_statement(SessionId=first["SessionId"], Sql="SELECT n FROM scratch")
    assert rows(data, wait(data, third["Id"])["Id"]) == [[5]]
    with pytest.raises(ClientError) as unknown:
        data.execute_statement(SessionId=str(uuid.uuid4()), Sql="SELECT 1")
    assert _code(unknown) == "ResourceNotFoundException"


def test_list_statements_filters_by_name_and_status(data, workgroup):
    name = f"report-{uuid.uuid4().hex[:6]}"
    ok = run(data, workgroup, "SELECT 1", StatementName=name)
    bad = run(data, workgroup, "SELECT * FROM nowhere", StatementName=name + "-bad")
    named = data.list_statements(StatementName=name)["Statements"]
    assert [s["Id"] for s in named] == [bad["Id"], ok["Id"]]  # the newest first
    failed = data.list_statements(StatementName=name, Status="FAILED")["Statements"]
    assert [s["Id"] for s in failed] == [bad["Id"]]
    assert named[1]["QueryString"] == "SELECT 1" and named[1]["IsBatchStatement"] is False


def test_the_catalog_calls(data, workgroup):
    schema = f"s_{uuid.uuid4().hex[:6]}"
    run(data, workgroup, f"CREATE SCHEMA {schema}")
    run(data, workgroup, f"CREATE TABLE {schema}.songs (song_id varchar(32) NOT NULL, year integer)")
    target = {"WorkgroupName": workgroup.name, "Database": "dev"}
    assert data.list_databases(**target)["Databases"] == ["dev"]
    assert schema in data.list_schemas(**target)["Schemas"]
    assert data.list_schemas(**target, SchemaPattern=schema)["Schemas"] == [schema]
    tables = data.list_tables(**target, SchemaPattern=schema)["Tables"]
    assert tables == [{"schema": schema, "name": "songs", "type": "TABLE"}]
    columns = data.describe_table(**target, Schema=schema, Table="songs")
    assert columns["TableName"] == "songs"
    assert [(c["name"], c["typeName"], c["nullable"]) for c in columns["ColumnList"]] == [
        ("song_id", "varchar", 0), ("year", "int4", 1),
    ]  # fmt: skip
    assert columns["ColumnList"][0]["length"] == 32


def test_csv_results_come_from_get_statement_result_v2(data, workgroup):
    described = run(data, workgroup, "SELECT 1 AS a, 'x' AS b", ResultFormat="CSV")
    result = data.get_statement_result_v2(Id=described["Id"])
    assert result["ResultFormat"] == "CSV"
    assert result["Records"] == [{"CSVRecords": "a,b\n1,x\n"}]
    with pytest.raises(ClientError) as json_read:
        data.get_statement_result(Id=described["Id"])
    assert _code(json_read) == "ValidationException"


def test_wait_time_seconds_answers_once_the_statement_ended(data, workgroup):
    started = data.execute_statement(WorkgroupName=workgroup.name, Database="dev", Sql="SELECT 1", WaitTimeSeconds=10)
    assert started["Status"] == "FINISHED"
    assert data.get_statement_result(Id=started["Id"])["Records"] == [[{"longValue": 1}]]


def test_the_documented_limits(data, workgroup):
    with pytest.raises(ClientError) as large:  # "Cannot process query string larger than 100kB"
        data.execute_statement(WorkgroupName=workgroup.name, Database="dev", Sql="SELECT '" + "x" * 102_400 + "'")
    assert _code(large) == "ValidationException"
    wide = run(data, workgroup, "SELECT repeat('x', 70000)")  # rows of at most 64 KB
    assert wide["Status"] == "FAILED" and "64 KB" in wide["Error"]
    with pytest.raises(ClientError) as unknown:
        data.describe_statement(Id=str(uuid.uuid4()))
    assert _code(unknown) == "ResourceNotFoundException"


def test_a_provisioned_cluster_with_db_user_or_a_secret(local_stack, data):
    login = create_cluster(local_stack, f"data-{uuid.uuid4().hex[:6]}")
    by_user = data.execute_statement(
        ClusterIdentifier=login.identifier, Database=login.database, DbUser=login.user, Sql="SELECT current_user"
    )
    assert wait(data, by_user["Id"])["Status"] == "FINISHED"
    assert rows(data, by_user["Id"]) == [[login.user]]
    secrets = stack_client(local_stack, "secretsmanager")
    arn = secrets.create_secret(
        Name=f"dwh-{uuid.uuid4().hex[:6]}",
        SecretString=json.dumps({"username": login.user, "password": login.password}),
    )["ARN"]
    by_secret = data.execute_statement(ClusterIdentifier=login.identifier, Database=login.database, SecretArn=arn,
                                       Sql="SELECT 42")  # fmt: skip
    assert rows(data, wait(data, by_secret["Id"])["Id"]) == [[42]]
    stranger = data.execute_statement(
        ClusterIdentifier=login.identifier, Database=login.database, DbUser="nobody", Sql="SELECT 1"
    )
    described = wait(data, stranger["Id"])
    assert described["Status"] == "FAILED" and 'password authentication failed for user "nobody"' in described["Error"]
    with pytest.raises(ClientError) as neither:
        data.execute_statement(ClusterIdentifier=login.identifier, Database=login.database, Sql="SELECT 1")
    assert _code(neither) == "ValidationException"
    with pytest.raises(ClientError) as absent:
        data.execute_statement(ClusterIdentifier="no-such-cluster", Database="dev", DbUser="awsuser", Sql="SELECT 1")
    assert _code(absent) == "ResourceNotFoundException"


@pytest.fixture(scope="module")
def loading(local_stack):
    """A workgroup whose namespace's default role reads a bucket holding good and bad CSV files."""
    role = s3_reading_role(local_stack, "data-api-copy")
    workgroup = create_workgroup(local_stack, "copy", iamRoles=[role], defaultIamRoleArn=role)
    bucket = f"data-api-{uuid.uuid4().hex[:8]}"
    s3 = stack_client(local_stack, "s3")
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    s3.put_object(Bucket=bucket, Key="good/part-0.csv", Body=b"1,Intro\n2,Outro\n")
    s3.put_object(Bucket=bucket, Key="bad/part-0.csv", Body=b"1,Intro\nx,Outro\n")
    return workgroup, bucket


def test_copy_through_the_data_api_loads_from_s3_with_the_default_role(data, loading):
    workgroup, bucket = loading
    table = _table()
    run(data, workgroup, f"CREATE TABLE {table} (id integer, title varchar(16))")
    copied = run(data, workgroup, f"COPY {table} FROM 's3://{bucket}/good/' IAM_ROLE default CSV REGION '{REGION}'")
    assert copied["Status"] == "FINISHED", copied.get("Error")
    assert copied["ResultRows"] == 2
    loaded = run(data, workgroup, f"SELECT id, title FROM {table} ORDER BY id")
    assert rows(data, loaded["Id"]) == [[1, "Intro"], [2, "Outro"]]


def test_a_failed_copy_shows_in_sys_load_error_detail(data, loading):
    workgroup, bucket = loading
    table = _table()
    run(data, workgroup, f"CREATE TABLE {table} (id integer, title varchar(16))")
    copied = run(data, workgroup, f"COPY {table} FROM 's3://{bucket}/bad/' IAM_ROLE default CSV REGION '{REGION}'")
    assert copied["Status"] == "FAILED"
    assert f"Load into table '{table}' failed" in copied["Error"]
    detail = run(
        data, workgroup,
        "SELECT trim(file_name), line_number, trim(column_name), error_code FROM sys_load_error_detail"
        f" WHERE trim(file_name) LIKE 's3://{bucket}/bad/%'",
    )  # fmt: skip
    # the Load error reference: 1207, a value outside of the expected range of 0-9 (the 'x' of line 2)
    assert rows(data, detail["Id"]) == [[f"s3://{bucket}/bad/part-0.csv", 2, "id", 1207]]
