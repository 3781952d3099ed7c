"""The course's two COPY statements, loading the real course sample from a moto bucket `udacity-dend`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from local_redshift.translation import translate
from tests.support import course_statement, staging_params

# The course's own statements, from the files the tutorial runs, with {bucket} and {role} left to fill.
STAGING_EVENTS = course_statement("staging", "create_staging_events", "CREATE")
STAGING_SONGS = course_statement("staging", "create_staging_songs", "CREATE")
COPY_EVENTS = course_statement("staging", "copy_staging_events", "COPY", **staging_params("{bucket}", "{role}"))
COPY_SONGS = course_statement("staging", "copy_staging_songs", "COPY", **staging_params("{bucket}", "{role}"))


@pytest.fixture(scope="session")
def udacity_bucket(udacity_sample: Path, copy_aws, copy_bucket_factory) -> str:
    """The course sample uploaded to `udacity-dend` in us-west-2, keys as in the public bucket."""
    bucket = copy_bucket_factory("udacity-dend", "us-west-2")
    client = copy_aws("s3", "us-west-2")
    for path in sorted(udacity_sample.rglob("*.json")):
        client.put_object(Bucket=bucket, Key=path.relative_to(udacity_sample).as_posix(), Body=path.read_bytes())
    return bucket


def _create(harness, ddl: str) -> None:
    """Run the course's Redshift DDL as the endpoint would: translated."""
    [statement] = translate(ddl)
    for postgres in statement.postgres:
        harness.execute(postgres)


def test_log_data_loads_every_event_through_the_jsonpaths_file(harness, udacity_bucket: str):
    _create(harness, STAGING_EVENTS)

    loaded = harness.copy(COPY_EVENTS.format(bucket=udacity_bucket, role="{role}"))

    assert loaded == 8056
    assert harness.execute("SELECT count(*) FROM staging_events") == [(8056,)]
    assert harness.execute("SELECT pg_catalog.current_setting('redshift.last_copy_count')") == [("8056",)]
    first = harness.execute(
        "SELECT artist, first_name, last_name, gender, ts, user_id, registration, user_agent FROM staging_events"
        " WHERE session_id = 38 AND item_in_session = 0 AND first_name = 'Walter'"
    )
    assert first == [
        (
            None,
            "Walter",
            "Frye",
            "M",
            datetime(2018, 11, 1, 20, 57, 10, 796000),
            39,
            1540919166796.0,
            '"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.36 (KHTML, like Gecko)'
            ' Chrome/36.0.1985.143 Safari/537.36"',
        )
    ]
    logged_out = harness.execute("SELECT count(*), count(user_id) FROM staging_events WHERE auth = 'Logged Out'")
    assert logged_out[0][0] > 0 and logged_out[0][1] == 0, 'userId "" loads NULL into the integer column'
    assert harness.execute("SELECT count(*) FROM staging_events WHERE page = 'NextSong'") == [(6820,)]
    assert harness.load_errors() == []


def test_song_data_loads_every_song_by_name(harness, udacity_bucket: str):
    _create(harness, STAGING_SONGS)

    loaded = harness.copy(COPY_SONGS.format(bucket=udacity_bucket, role="{role}"))

    assert loaded == 71
    assert harness.execute(
        "SELECT count(*), count(DISTINCT song_id), min(year), max(duration) > 0 FROM staging_songs"
    ) == [(71, 71, 0, True)]
    assert harness.execute("SELECT count(*) FROM staging_songs WHERE artist_latitude IS NULL") != [(0,)]
