"""The failing load on purpose: a bad file COPY'd into a temporary table fails, STL_LOAD_ERRORS says why, and
neither staging nor the bucket keep a trace; in aws mode nothing is written."""

from __future__ import annotations

import dataclasses
import logging

import pandas as pd
import pytest

from sparkify_dwh import aws, pipeline, staging, warehouse
from sparkify_dwh.config import Config


def _bad_prefix_keys(config: Config) -> list[str]:
    bucket, _key = staging.bad_file_uri(config).removeprefix("s3://").split("/", 1)
    listing = aws.client(config, "s3", config.s3.region).list_objects_v2(Bucket=bucket, Prefix=staging.BAD_PREFIX)
    return [item["Key"] for item in listing.get("Contents", ())]


@pytest.fixture
def loaded_staging(warehouse_config: Config) -> dict[str, str]:
    params = pipeline.copy_params(warehouse_config)
    with warehouse.connect(warehouse_config) as connection:
        pipeline.create_tables(connection)
        pipeline.load_staging(connection, params)
    return params


def test_the_bad_file_is_beside_the_data_not_under_it(warehouse_config: Config):
    uri = staging.bad_file_uri(warehouse_config)

    assert uri == "s3://udacity-dend/load_error_demo/bad-events.json"
    assert not uri.startswith((warehouse_config.s3.log_data, warehouse_config.s3.song_data))


def test_the_load_fails_and_stl_load_errors_names_the_bad_record(warehouse_config: Config, loaded_staging):
    with warehouse.connect(warehouse_config) as connection:
        before = warehouse.query_file(connection, "inspect", "staging_row_counts")
        errors = staging.demonstrate_load_error(warehouse_config, connection, loaded_staging)
        after = warehouse.query_file(connection, "inspect", "staging_row_counts")

    first = errors.iloc[0]
    assert (first["filename"], first["line_number"], first["colname"]) == (
        staging.bad_file_uri(warehouse_config), 2, "ts"
    )  # fmt: skip
    assert first["raw_field_value"] == "2018-11-01 00:54:31"
    assert first["err_code"] == 1206
    pd.testing.assert_frame_equal(after, before)
    assert before["row_count"].min() > 0
    assert _bad_prefix_keys(warehouse_config) == []


def test_in_aws_mode_nothing_is_written_and_it_says_why(warehouse_config: Config, loaded_staging, caplog):
    in_aws_mode = dataclasses.replace(warehouse_config, mode="aws")
    with warehouse.connect(warehouse_config) as connection, caplog.at_level(logging.WARNING):
        errors = staging.demonstrate_load_error(in_aws_mode, connection, loaded_staging)
        expected = warehouse.query_file(connection, "inspect", "load_errors")

    assert "read-only" in caplog.text
    pd.testing.assert_frame_equal(errors, expected)
    assert _bad_prefix_keys(warehouse_config) == []
