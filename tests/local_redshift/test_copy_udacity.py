"""The course's two COPY statements, loading the real course sample from a moto bucket `udacity-dend`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

STAGING_EVENTS = """CREATE TABLE staging_events (artist VARCHAR(256), auth VARCHAR(256), firstname VARCHAR(256),
    gender CHAR(1), iteminsession INTEGER, lastname VARCHAR(256), length DOUBLE PRECISION, level VARCHAR(256),
    location VARCHAR(256), method VARCHAR(256), page VARCHAR(256), registration DOUBLE PRECISION,
    sessionid INTEGER, song VARCHAR(256), status INTEGER, ts TIMESTAMP, useragent VARCHAR(65535), userid INTEGER)"""
STAGING_SONGS = """CREATE TABLE staging_songs (num_songs INTEGER, artist_id VARCHAR(32),
    artist_latitude DOUBLE PRECISION, artist_longitude DOUBLE PRECISION, artist_location VARCHAR(512),
    artist_name VARCHAR(512), song_id VARCHAR(32), title VARCHAR(512), duration DOUBLE PRECISION, year INTEGER)"""
COPY_EVENTS = """COPY staging_events FROM 's3://udacity-dend/log_data' IAM_ROLE '{role}' REGION 'us-west-2'
    FORMAT AS JSON 's3://udacity-dend/log_json_path.json' TIMEFORMAT AS 'epochmillisecs'
    TRUNCATECOLUMNS BLANKSASNULL EMPTYASNULL"""
COPY_SONGS = """COPY staging_songs FROM 's3://udacity-dend/song_data' CREDENTIALS 'aws_iam_role={role}'
    REGION 'us-west-2' FORMAT AS JSON 'auto' COMPUPDATE OFF"""


@pytest.fixture(scope="session")
def udacity_bucket(udacity_sample: Path, copy_aws, copy_bucket_factory) -> str:
    """The course sample uploaded to `udacity-dend` in us-west-2, keys as in the public bucket."""
    bucket = copy_bucket_factory("udacity-dend", "us-west-2")
    client = copy_aws("s3", "us-west-2")
    for path in sorted(udacity_sample.rglob("*.json")):
        client.put_object(Bucket=bucket, Key=path.relative_to(udacity_sample).as_posix(), Body=path.read_bytes())
    return bucket


def test_log_data_loads_every_event_through_the_jsonpaths_file(harness, udacity_bucket: str):
    harness.execute(STAGING_EVENTS)

    loaded = harness.copy(COPY_EVENTS)

    assert loaded == 8056
    assert harness.execute("SELECT count(*) FROM staging_events") == [(8056,)]
    assert harness.execute("SELECT pg_catalog.current_setting('redshift.last_copy_count')") == [("8056",)]
    first = harness.execute(
        "SELECT artist, firstname, lastname, gender, ts, userid, registration, useragent FROM staging_events"
        " WHERE sessionid = 38 AND iteminsession = 0 AND firstname = 'Walter'"
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
    logged_out = harness.execute("SELECT count(*), count(userid) FROM staging_events WHERE auth = 'Logged Out'")
    assert logged_out[0][0] > 0 and logged_out[0][1] == 0, 'userId "" loads NULL into the integer column'
    assert harness.execute("SELECT count(*) FROM staging_events WHERE page = 'NextSong'") == [(6820,)]
    assert harness.load_errors() == []


def test_song_data_loads_every_song_by_name(harness, udacity_bucket: str):
    harness.execute(STAGING_SONGS)

    loaded = harness.copy(COPY_SONGS)

    assert loaded == 71
    assert harness.execute(
        "SELECT count(*), count(DISTINCT song_id), min(year), max(duration) > 0 FROM staging_songs"
    ) == [(71, 71, 0, True)]
    assert harness.execute("SELECT count(*) FROM staging_songs WHERE artist_latitude IS NULL") != [(0,)]
