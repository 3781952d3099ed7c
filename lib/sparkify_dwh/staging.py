"""Staging, the failure a learner meets first: a COPY that fails on purpose, and where Redshift says why.

A small log file with one bad record is put in the data bucket under a prefix of its own (never under the log or
song prefixes), the course's COPY of the events is aimed at it (`inspect/09_copy_bad_events.sql`, into a
temporary table), and `STL_LOAD_ERRORS` is read (`inspect/03_load_errors.sql`; on a serverless workgroup, which
refuses it, `SYS_LOAD_ERROR_DETAIL`). Only in local mode: on AWS the data bucket is the course's, which nobody but
its owner may write to.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping

import boto3
import pandas as pd
import redshift_connector

from sparkify_dwh import aws, sql, warehouse
from sparkify_dwh.config import Config

log = logging.getLogger(__name__)

BAD_PREFIX = "load_error_demo/"
BAD_FILE_NAME = "bad-events.json"
# Fields the JSONPaths file names but a record lacks load as NULL, so two short events are enough.
_GOOD_EVENT = {
    "artist": "Tobias Ashcroft",
    "song": "Remember Me Alone",
    "length": 221.03124,
    "page": "NextSong",
    "level": "free",
    "sessionId": 1,
    "itemInSession": 0,
    "ts": 1541033449747,
    "userId": "7",
}
# The second event's time is written as text, where COPY's TIMEFORMAT 'epochmillisecs' expects a number.
BAD_EVENTS = "\n".join(
    json.dumps(event) for event in (_GOOD_EVENT, {**_GOOD_EVENT, "itemInSession": 1, "ts": "2018-11-01 00:54:31"})
)


def bad_file_uri(config: Config) -> str:
    """Where the bad file goes: the bucket of `[S3] LOG_DATA`, under a prefix that no COPY of the course reads."""
    bucket = config.s3.log_data.removeprefix("s3://").split("/", 1)[0]
    return f"s3://{bucket}/{BAD_PREFIX}{BAD_FILE_NAME}"


def demonstrate_load_error(
    config: Config,
    connection: redshift_connector.Connection,
    params: Mapping[str, str],
    *,
    boto_session: boto3.Session | None = None,
) -> pd.DataFrame:
    """Put the bad file, COPY it into a temporary table (the load fails, staging is untouched), delete the file;
    the latest load errors (STL_LOAD_ERRORS, or SYS_LOAD_ERROR_DETAIL on Serverless), the bad record's first.

    `params` are the COPY placeholders (`pipeline.copy_params`). In aws mode nothing is written or loaded (the
    course's bucket is read-only): the rows are whatever STL_LOAD_ERRORS holds from your own loads.
    """
    if not config.is_local:
        log.warning(
            "aws mode: the data bucket %s is the course's and read-only, so no bad file is put and no COPY is "
            "run; below is what STL_LOAD_ERRORS holds from your own loads (often nothing)",
            config.s3.log_data,
        )
        return warehouse.query_file(connection, "inspect", "load_errors")
    bucket, key = bad_file_uri(config).removeprefix("s3://").split("/", 1)
    s3 = aws.client(config, "s3", config.s3.region, boto_session=boto_session)
    s3.put_object(Bucket=bucket, Key=key, Body=BAD_EVENTS.encode())
    try:
        warehouse.run_file(
            connection, sql.find("inspect", "copy_bad_events"), {**params, "log_data": f"s3://{bucket}/{BAD_PREFIX}"}
        )
    except warehouse.WarehouseError as error:
        log.info("the COPY failed, as intended: %s", error)
    else:
        raise RuntimeError(f"the COPY of {bad_file_uri(config)} loaded without an error; it holds a bad record")
    finally:
        s3.delete_object(Bucket=bucket, Key=key)
    return warehouse.query_file(connection, "inspect", "load_errors")
