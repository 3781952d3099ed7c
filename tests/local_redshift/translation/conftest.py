"""Fixtures of the translation tests: a database with the Redshift catalog and the tutorial's star schema."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest

from tests.local_redshift.translation.support import catalog_database, run

DATABASE = "test_translation"

STAR_SCHEMA = """
CREATE TABLE IF NOT EXISTS songplays (songplay_id BIGINT IDENTITY(0,1) PRIMARY KEY,
    start_time TIMESTAMP NOT NULL SORTKEY, user_id INTEGER NOT NULL, level VARCHAR(10), song_id VARCHAR(32) DISTKEY,
    artist_id VARCHAR(32), session_id INTEGER, location VARCHAR(256), user_agent VARCHAR(MAX) ENCODE ZSTD);
CREATE TABLE users (user_id INTEGER NOT NULL SORTKEY, first_name VARCHAR, last_name VARCHAR, gender CHAR(1),
    level VARCHAR) DISTSTYLE ALL;
CREATE TABLE time (start_time TIMESTAMP NOT NULL, hour SMALLINT, day SMALLINT, week SMALLINT, month SMALLINT,
    year SMALLINT, weekday SMALLINT) DISTSTYLE KEY DISTKEY(start_time) COMPOUND SORTKEY(start_time, year);
CREATE TABLE staging_events (artist VARCHAR, auth VARCHAR, firstName VARCHAR, gender CHAR(1), itemInSession INTEGER,
    lastName VARCHAR, length FLOAT, level VARCHAR, location VARCHAR, method VARCHAR, page VARCHAR, registration FLOAT,
    sessionId INTEGER, song VARCHAR, status INTEGER, ts BIGINT, userAgent VARCHAR(MAX), userId INTEGER) DISTSTYLE EVEN;
"""


@pytest.fixture(scope="module")
def database(postgres) -> Iterator[str]:
    """A fresh database with the Redshift catalog (one per test module); its connection string."""
    conninfo = catalog_database(postgres, DATABASE)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        run(conn, STAR_SCHEMA)
    yield conninfo


@pytest.fixture
def conn(database: str) -> Iterator[psycopg.Connection]:
    with psycopg.connect(database, autocommit=True) as connection:
        yield connection
