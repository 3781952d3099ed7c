"""The pipeline without notebooks: create the tables, COPY into staging, load the star schema, check it.

`create_tables` is the seed's create_tables.py and `etl` its etl.py (with VACUUM and ANALYZE after the star load);
`run` does both and returns the row counts.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

import boto3
import pandas as pd
import redshift_connector

from sparkify_dwh import checks, cluster, sql, warehouse
from sparkify_dwh.config import Config

log = logging.getLogger(__name__)

CREATE_STEPS = ("drop", "create")
STAGING_STEPS = ("copy",)
STAR_STEPS = ("load",)
MAINTAIN_STEPS = ("vacuum", "analyze")


def copy_params(
    config: Config, role_arn: str | None = None, *, boto_session: boto3.Session | None = None
) -> dict[str, str]:
    """The values of the COPY statements' placeholders: the S3 URIs of `[S3]`, its region and the role's ARN
    (by default the role named `[DWH] DWH_IAM_ROLE_NAME` attached to the cluster)."""
    return {
        "role_arn": role_arn or cluster.attached_role_arn(config, boto_session=boto_session),
        "log_data": config.s3.log_data,
        "log_jsonpath": config.s3.log_jsonpath,
        "song_data": config.s3.song_data,
        "region": config.s3.region,
    }


def create_tables(connection: redshift_connector.Connection, *, progress: bool = False) -> None:
    """Drop and create the staging tables and the star schema (their data is gone)."""
    for layer in ("staging", "star"):
        warehouse.run_layer(connection, layer, steps=CREATE_STEPS, progress=progress)
    log.info("created the staging tables and the star schema")


def load_staging(
    connection: redshift_connector.Connection, params: Mapping[str, str], *, progress: bool = False
) -> None:
    """COPY the log and song files from S3 into the staging tables, replacing what they held."""
    warehouse.run_layer(connection, "staging", params, steps=STAGING_STEPS, progress=progress)


def load_star(connection: redshift_connector.Connection, *, progress: bool = False) -> None:
    """Fill the star schema from staging, each table replaced in one transaction."""
    warehouse.run_layer(connection, "star", steps=STAR_STEPS, progress=progress)


def maintain_star(connection: redshift_connector.Connection) -> None:
    """VACUUM and ANALYZE the star schema after a load (each statement on its own: VACUUM runs in no transaction)."""
    for sql_file in sql.files("star", *MAINTAIN_STEPS):
        warehouse.run_file(connection, sql_file, autocommit=True)


def row_counts(connection: redshift_connector.Connection) -> pd.DataFrame:
    """Rows in each table, staging first: `table_name`, `row_count`."""
    return warehouse.query_file(connection, "inspect", "row_counts")


def analytics(connection: redshift_connector.Connection) -> dict[str, pd.DataFrame]:
    """The result of every analytics query, by name."""
    return {sql_file.name: warehouse.query(connection, sql_file.text) for sql_file in sql.files("analytics")}


def etl(
    connection: redshift_connector.Connection, params: Mapping[str, str], *, progress: bool = False
) -> pd.DataFrame:
    """Load staging and the star schema, run the checks (raising DataQualityError on a failure); the row counts."""
    load_staging(connection, params, progress=progress)
    load_star(connection, progress=progress)
    maintain_star(connection)
    checks.run(connection, strict=True)
    counts = row_counts(connection)
    log.info("loaded: %s", ", ".join(f"{row.table_name} {row.row_count:,}" for row in counts.itertuples()))
    return counts


def run(
    config: Config,
    *,
    role_arn: str | None = None,
    boto_session: boto3.Session | None = None,
    progress: bool = True,
) -> pd.DataFrame:
    """Create the tables and run the ETL on the configured warehouse; the row counts of every table."""
    params = copy_params(config, role_arn, boto_session=boto_session)
    with warehouse.connect(config, boto_session=boto_session) as connection:
        create_tables(connection, progress=progress)
        return etl(connection, params, progress=progress)
