"""The whole pipeline through the local Redshift endpoint: row counts follow the rules (as computed from the JSON
files by expected_counts), every check passes, and running it again gives the same tables.

`warehouse_config` is a Config for a running local stack with the cluster and its role created and the sample
data seeded.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sparkify_dwh import aws, charts, checks, local, pipeline, sql, warehouse
from sparkify_dwh.config import Config
from sparkify_dwh.sampledata import GeneratorOptions, iter_objects, seed_from_directory, seed_generated
from tests.sparkify_dwh.expected_counts import ExpectedCounts

STAR_KEYS = {
    "songplays": "songplay_id",
    "users": "user_id",
    "songs": "song_id",
    "artists": "artist_id",
    "time": "start_time",
}
BAD_LOG_KEY = "2018/12/2018-12-31-events.json"  # not a file of the seeded data sets


def _s3(config: Config):
    return aws.client(config, "s3", config.s3.region)


def seed_generated_sample(config: Config) -> ExpectedCounts:
    """Replace the bucket's data with the default generated data set; the counts it implies."""
    seed_generated(
        _s3(config),
        GeneratorOptions(),
        layout=local.layout(config),
        region=config.s3.region,
        progress=False,
        prune=True,
    )
    return ExpectedCounts.from_objects(iter_objects(GeneratorOptions()))


def star_tables(connection) -> dict[str, pd.DataFrame]:
    """Every row of every star table, in key order."""
    return {
        table: warehouse.query(connection, f"SELECT * FROM {table} ORDER BY {key}") for table, key in STAR_KEYS.items()
    }


def assert_loaded_by_the_rules(config: Config, expected: ExpectedCounts) -> None:
    counts = pipeline.run(config, progress=False)

    assert dict(zip(counts["table_name"], counts["row_count"], strict=True)) == expected.table_counts()
    with warehouse.connect(config) as connection:
        with_song = warehouse.query(connection, "SELECT COUNT(song_id) AS n FROM songplays")["n"].item()
        paid = warehouse.query(connection, "SELECT COUNT(*) AS n FROM users WHERE level = 'paid'")["n"].item()
        results = checks.run(connection)
    assert (with_song, paid) == (expected.songplays_with_song, expected.paid_users)
    assert results["failing_rows"].tolist() == [0] * len(results), results


def test_the_generated_sample_loads_by_the_rules(warehouse_config: Config):
    assert_loaded_by_the_rules(warehouse_config, seed_generated_sample(warehouse_config))


def test_the_course_sample_loads_by_the_rules(warehouse_config: Config, udacity_sample: Path):
    seed_from_directory(
        _s3(warehouse_config),
        udacity_sample,
        layout=local.layout(warehouse_config),
        region=warehouse_config.s3.region,
        progress=False,
        prune=True,
    )

    assert_loaded_by_the_rules(warehouse_config, ExpectedCounts.from_directory(udacity_sample))


def test_running_again_gives_the_same_tables(warehouse_config: Config):
    seed_generated_sample(warehouse_config)
    pipeline.run(warehouse_config, progress=False)
    with warehouse.connect(warehouse_config) as connection:
        first = star_tables(connection)
        pipeline.etl(connection, pipeline.copy_params(warehouse_config))  # the ETL alone, tables kept
        second = star_tables(connection)
    pipeline.run(warehouse_config, progress=False)  # tables created anew
    with warehouse.connect(warehouse_config) as connection:
        third = star_tables(connection)

    for table in STAR_KEYS:
        pd.testing.assert_frame_equal(second[table], first[table])
        pd.testing.assert_frame_equal(third[table], first[table])


def test_a_failed_copy_leaves_staging_as_it_was_and_says_where_to_look(warehouse_config: Config):
    seed_generated_sample(warehouse_config)
    pipeline.run(warehouse_config, progress=False)
    log_data = local.layout(warehouse_config).log_data.child(BAD_LOG_KEY)
    _s3(warehouse_config).put_object(Bucket=log_data.bucket, Key=log_data.key, Body=b'{"page": "Home", "ts": "soon"}')
    try:
        with warehouse.connect(warehouse_config) as connection:
            before = pipeline.row_counts(connection)
            with pytest.raises(warehouse.WarehouseError, match="stl_load_errors"):
                pipeline.load_staging(connection, pipeline.copy_params(warehouse_config))
            after = pipeline.row_counts(connection)
            errors = warehouse.query_file(connection, "inspect", "load_errors")
    finally:
        _s3(warehouse_config).delete_object(Bucket=log_data.bucket, Key=log_data.key)

    pd.testing.assert_frame_equal(after, before)
    assert errors["filename"].iloc[0] == log_data.uri
    assert errors["colname"].iloc[0] == "ts"


def test_a_broken_star_schema_fails_the_checks_by_name(warehouse_config: Config):
    seed_generated_sample(warehouse_config)
    pipeline.run(warehouse_config, progress=False)
    with warehouse.connect(warehouse_config) as connection:
        cursor = connection.cursor()
        cursor.execute("INSERT INTO users SELECT * FROM users WHERE user_id = (SELECT MIN(user_id) FROM users)")
        connection.commit()

        with pytest.raises(checks.DataQualityError, match="users_user_id_unique_not_null") as failure:
            checks.run(connection, strict=True)
    assert "row_counts_match_staging" in str(failure.value)


def test_the_first_query_analytics_and_charts(warehouse_config: Config, tmp_path: Path):
    seed_generated_sample(warehouse_config)
    pipeline.run(warehouse_config, progress=False)

    first = warehouse.first_query(warehouse_config)
    with warehouse.connect(warehouse_config) as connection:
        results = pipeline.analytics(connection)

    assert first.columns.tolist() == ["database_name", "user_name", "server_version"]
    assert first["database_name"].tolist() == [warehouse_config.dwh.db]
    assert set(results) == {sql_file.name for sql_file in sql.files("analytics")}
    assert results["plays_by_hour"]["plays"].sum() == results["plays_by_level"]["plays"].sum()
    assert results["artist_with_most_songs"]["songs"].nunique() == 1
    assert all(path.exists() for path in charts.draw_all(results, tmp_path).values())


def test_pandas_reads_through_the_sqlalchemy_engine(warehouse_config: Config):
    seed_generated_sample(warehouse_config)
    pipeline.run(warehouse_config, progress=False)
    engine = warehouse.engine(warehouse_config)
    [statement] = sql.statements(sql.find("inspect", "row_counts").text)

    try:
        through_engine = pd.read_sql_query(statement, engine)
    finally:
        engine.dispose()
    with warehouse.connect(warehouse_config) as connection:
        pd.testing.assert_frame_equal(through_engine, pipeline.row_counts(connection), check_dtype=False)
