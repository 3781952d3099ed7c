"""The raw data as notebook 03 shows it, read from the seeded bucket: the prefixes with their files and sizes, one
record of each kind, the JSONPaths file. The expected values are the generator's own objects, not S3's answer."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from sparkify_dwh import bucket
from sparkify_dwh.config import Config


def _prefix(key: str) -> str:
    parts = key.split("/")
    return "s3://udacity-dend/" + "/".join(parts[:2]) + ("/" if len(parts) > 2 else "")


@pytest.mark.server  # the session's local stack, seeded with the default sample
def test_the_listing_counts_the_files_and_bytes_under_each_prefix(
    warehouse_config: Config, default_objects: list[tuple[str, bytes]]
):
    files = Counter(_prefix(key) for key, _ in default_objects)
    sizes = Counter()
    for key, body in default_objects:
        sizes[_prefix(key)] += len(body)

    listing = bucket.listing(warehouse_config)

    assert list(listing["prefix"]) == sorted(files)
    assert dict(zip(listing["prefix"], listing["files"], strict=True)) == dict(files)
    assert dict(zip(listing["prefix"], listing["megabytes"], strict=True)) == {
        prefix: round(size / 1e6, 3) for prefix, size in sizes.items()
    }
    assert all(
        _prefix(example) == prefix for prefix, example in zip(listing["prefix"], listing["example"], strict=True)
    )


@pytest.mark.server
def test_one_raw_event_one_raw_song_and_the_jsonpaths_file(
    warehouse_config: Config, default_objects: list[tuple[str, bytes]]
):
    objects = dict(default_objects)
    first_log = min(key for key in objects if key.startswith("log_data/"))
    first_song = min(key for key in objects if key.startswith("song_data/"))

    event = bucket.first_record(warehouse_config, warehouse_config.s3.log_data)
    song = bucket.first_record(warehouse_config, warehouse_config.s3.song_data)
    paths = bucket.jsonpaths(warehouse_config)

    assert json.loads(event) == json.loads(objects[first_log].decode().splitlines()[0])  # one event per line
    assert json.loads(song) == json.loads(objects[first_song])
    assert event.title == f"s3://udacity-dend/{first_log}, its first record"
    assert paths == objects["log_json_path.json"].decode()
    assert paths._repr_markdown_().startswith("`s3://udacity-dend/log_json_path.json`\n\n```json\n")
