"""SQL through the Amazon Redshift Data API: no driver and no connection, only HTTPS calls, as today's course does.

`submit` (or `submit_batch`, several statements in one transaction) hands SQL to Redshift and gets its Id at
once; the statement runs on its own while `wait` polls DescribeStatement as long as it is SUBMITTED, PICKED or
STARTED (the line shows the status live), until it is FINISHED, FAILED (with Redshift's error) or ABORTED; `frame`
then pages GetStatementResult into a DataFrame. The statements run on the configured warehouse: a cluster as its
master user (`DbUser`, which the Data API turns into temporary credentials with GetClusterCredentials), or a
serverless workgroup as your own IAM identity (`IAM:<user>`, from GetCredentials). The same calls work on AWS and
against the local stand-in.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import Any

import boto3
import pandas as pd
from tqdm.auto import tqdm

from sparkify_dwh import aws
from sparkify_dwh.config import Config
from sparkify_dwh.resources import aws_errors

log = logging.getLogger(__name__)

RUNNING = ("SUBMITTED", "PICKED", "STARTED")
POLL_SECONDS = 0.5
TIMEOUT_SECONDS = 30 * 60


class StatementFailed(RuntimeError):
    """A statement ended FAILED or ABORTED; the message is Redshift's error."""


def _data(config: Config, data: Any | None, boto_session: boto3.Session | None) -> Any:
    return data or aws.client(config, "redshift-data", boto_session=boto_session)


def target(config: Config) -> dict[str, str]:
    """Where statements run: the configured cluster and database, as its master user; or the workgroup."""
    if config.dwh.is_serverless:
        return {"WorkgroupName": config.dwh.workgroup, "Database": config.dwh.db}
    return {"ClusterIdentifier": config.dwh.identifier, "Database": config.dwh.db, "DbUser": config.dwh.db_user}


def submit(
    config: Config,
    sql: str,
    *,
    parameters: Mapping[str, str] | None = None,
    name: str | None = None,
    data: Any | None = None,
    boto_session: boto3.Session | None = None,
) -> str:
    """Send one statement (`:name` placeholders filled from `parameters`); its Id. It runs on its own."""
    data = _data(config, data, boto_session)
    request: dict[str, Any] = {**target(config), "Sql": sql}
    if parameters:
        request["Parameters"] = [{"name": key, "value": str(value)} for key, value in parameters.items()]
    if name:
        request["StatementName"] = name
    with aws_errors(config, "send a statement through the Redshift Data API"):
        statement_id = data.execute_statement(**request)["Id"]
    log.info("statement %s submitted", statement_id)
    return statement_id


def submit_batch(
    config: Config, sqls: list[str], *, data: Any | None = None, boto_session: boto3.Session | None = None
) -> str:
    """Send statements to run in order in one transaction (one failing undoes them all); the batch's Id."""
    data = _data(config, data, boto_session)
    with aws_errors(config, "send a batch of statements through the Redshift Data API"):
        statement_id = data.batch_execute_statement(**target(config), Sqls=sqls)["Id"]
    log.info("batch %s of %s statements submitted", statement_id, len(sqls))
    return statement_id


def wait(
    config: Config,
    statement_id: str,
    *,
    data: Any | None = None,
    boto_session: boto3.Session | None = None,
    progress: bool = True,
    poll_seconds: float = POLL_SECONDS,
    sleep: Callable[[float], None] = time.sleep,
) -> dict[str, Any]:
    """Poll DescribeStatement while the statement (or batch) runs; its last description once FINISHED, else
    StatementFailed with Redshift's error."""
    data = _data(config, data, boto_session)
    deadline = time.monotonic() + TIMEOUT_SECONDS
    with (
        aws_errors(config, f"follow the statement {statement_id}"),
        tqdm(desc="statement: SUBMITTED", bar_format="{desc} [{elapsed}]", disable=not progress) as line,
    ):
        while (described := data.describe_statement(Id=statement_id))["Status"] in RUNNING:
            line.set_description_str(f"statement: {described['Status']}")
            if time.monotonic() > deadline:
                raise StatementFailed(f"statement {statement_id} still {described['Status']} after 30 minutes")
            sleep(poll_seconds)
        line.set_description_str(f"statement: {described['Status']}")
    if described["Status"] != "FINISHED":
        raise StatementFailed(f"statement {statement_id} {described['Status']}: {described.get('Error', 'cancelled')}")
    return described


def _value(field: Mapping[str, Any]) -> Any:
    """A typed Field's value (longValue, doubleValue, booleanValue, stringValue), None for isNull."""
    if field.get("isNull"):
        return None
    return next(iter(field.values()))


def frame(
    config: Config, statement_id: str, *, data: Any | None = None, boto_session: boto3.Session | None = None
) -> pd.DataFrame:
    """Every page of a finished statement's result, as a DataFrame with the result's column names."""
    data = _data(config, data, boto_session)
    records: list[list[Any]] = []
    columns: list[str] = []
    with aws_errors(config, f"read the result of the statement {statement_id}"):
        for page in data.get_paginator("get_statement_result").paginate(Id=statement_id):
            columns = columns or [column["name"] for column in page["ColumnMetadata"]]
            records += [[_value(field) for field in record] for record in page["Records"]]
    return pd.DataFrame(records, columns=columns)


def run(
    config: Config,
    sql: str,
    *,
    parameters: Mapping[str, str] | None = None,
    data: Any | None = None,
    boto_session: boto3.Session | None = None,
    progress: bool = True,
) -> dict[str, Any]:
    """Submit a statement and wait until it is FINISHED; its description (ResultRows, Duration...)."""
    data = _data(config, data, boto_session)
    statement_id = submit(config, sql, parameters=parameters, data=data)
    return wait(config, statement_id, data=data, progress=progress)


def query(
    config: Config,
    sql: str,
    *,
    parameters: Mapping[str, str] | None = None,
    data: Any | None = None,
    boto_session: boto3.Session | None = None,
    progress: bool = True,
) -> pd.DataFrame:
    """Run a query through the Data API and return its rows as a DataFrame."""
    data = _data(config, data, boto_session)
    described = run(config, sql, parameters=parameters, data=data, progress=progress)
    return frame(config, described["Id"], data=data)
