"""The generator: deterministic bytes, the bucket layout, field types, linear scale and packed song files."""

from __future__ import annotations

import itertools
import json
import re
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from sparkify_dwh.sampledata import GeneratorOptions, iter_json_objects, iter_objects, scan_data_folder, write_tree
from sparkify_dwh.sampledata.layout import LOG_KEY, SONG_KEY, STAGING_EVENTS_COLUMNS

SONG_FIELDS = {
    "num_songs": (int,),
    "artist_id": (str,),
    "artist_latitude": (float, type(None)),
    "artist_longitude": (float, type(None)),
    "artist_location": (str,),
    "artist_name": (str,),
    "song_id": (str,),
    "title": (str,),
    "duration": (float,),
    "year": (int,),
}
EVENT_FIELDS = {
    "artist": (str, type(None)),
    "auth": (str,),
    "firstName": (str, type(None)),
    "gender": (str, type(None)),
    "itemInSession": (int,),
    "lastName": (str, type(None)),
    "length": (float, type(None)),
    "level": (str,),
    "location": (str, type(None)),
    "method": (str,),
    "page": (str,),
    "registration": (float, type(None)),
    "sessionId": (int,),
    "song": (str, type(None)),
    "status": (int,),
    "ts": (int,),
    "userAgent": (str, type(None)),
    "userId": (str,),
}


def records(objects: list[tuple[str, bytes]], folder: str) -> list[dict[str, Any]]:
    return [record for key, body in objects if key.startswith(folder) for record in iter_json_objects(body)]


def test_same_options_give_the_same_bytes_and_another_seed_other_bytes(
    default_objects: list[tuple[str, bytes]],
) -> None:
    assert list(iter_objects(GeneratorOptions())) == default_objects
    other = list(iter_objects(GeneratorOptions(seed=7)))
    assert other != default_objects
    assert dict(other)["log_json_path.json"] == dict(default_objects)["log_json_path.json"]


def test_keys_follow_the_bucket_layout(default_objects: list[tuple[str, bytes]]) -> None:
    keys = [key for key, _ in default_objects]
    assert keys[0] == "log_json_path.json"
    song_keys = [key for key in keys if key.startswith("song_data/")]
    log_keys = [key for key in keys if key.startswith("log_data/")]
    assert len(song_keys) + len(log_keys) + 1 == len(keys) == GeneratorOptions().object_count
    assert all(SONG_KEY.fullmatch(key) for key in song_keys)
    assert all(LOG_KEY.fullmatch(key) for key in log_keys)
    assert log_keys == [f"log_data/2018/11/2018-11-{day:02d}-events.json" for day in range(1, 31)]
    assert len(set(keys)) == len(keys)


def test_jsonpaths_file_lists_the_staging_events_columns_in_order(default_objects: list[tuple[str, bytes]]) -> None:
    document = json.loads(dict(default_objects)["log_json_path.json"])
    assert document == {"jsonpaths": [f"$['{column}']" for column in STAGING_EVENTS_COLUMNS]}


def test_fields_have_the_types_of_the_real_data(default_objects: list[tuple[str, bytes]]) -> None:
    songs, events = records(default_objects, "song_data/"), records(default_objects, "log_data/")
    assert len(songs) == 200
    for song in songs:
        assert list(song) == list(SONG_FIELDS)
        assert all(isinstance(song[field], types) for field, types in SONG_FIELDS.items()), song
    for event in events:
        assert list(event) == list(EVENT_FIELDS)
        assert all(isinstance(event[field], types) for field, types in EVENT_FIELDS.items()), event
        assert re.fullmatch(r"\d{13}", str(event["ts"]))
        logged_out = event["auth"] == "Logged Out"
        assert (event["userId"] == "") == logged_out
        assert logged_out or re.fullmatch(r"[1-9]\d*", str(event["userId"]))
        assert (event["registration"] is None) == logged_out
        assert (event["song"] is None) == (event["artist"] is None) == (event["page"] != "NextSong")


def test_artists_have_several_songs_with_the_same_attributes(default_objects: list[tuple[str, bytes]]) -> None:
    by_artist: defaultdict[object, set[tuple[object, ...]]] = defaultdict(set)
    for song in records(default_objects, "song_data/"):
        by_artist[song["artist_id"]].add(
            (song["artist_name"], song["artist_location"], song["artist_latitude"], song["artist_longitude"])
        )
    songs_per_artist = Counter(song["artist_id"] for song in records(default_objects, "song_data/"))
    assert max(songs_per_artist.values()) >= 3
    assert all(len(attributes) == 1 for attributes in by_artist.values())


def test_plays_match_the_catalog_at_the_configured_share(default_objects: list[tuple[str, bytes]]) -> None:
    catalog = {(s["title"], s["artist_name"], s["duration"]) for s in records(default_objects, "song_data/")}
    plays = [e for e in records(default_objects, "log_data/") if e["page"] == "NextSong"]
    matched = sum((play["song"], play["artist"], play["length"]) in catalog for play in plays)
    assert matched / len(plays) == pytest.approx(1 - GeneratorOptions().unmatched_play_share, abs=0.03)
    objects = list(iter_objects(GeneratorOptions(unmatched_play_share=1.0)))
    catalog = {(s["title"], s["artist_name"], s["duration"]) for s in records(objects, "song_data/")}
    plays = [e for e in records(objects, "log_data/") if e["page"] == "NextSong"]
    assert not any((play["song"], play["artist"], play["length"]) in catalog for play in plays)


def test_sessions_count_items_up_and_some_listeners_upgrade(default_objects: list[tuple[str, bytes]]) -> None:
    events = sorted(records(default_objects, "log_data/"), key=lambda event: event["ts"])
    items: defaultdict[object, list[object]] = defaultdict(list)
    levels: defaultdict[object, list[object]] = defaultdict(list)
    for event in events:
        items[event["sessionId"]].append(event["itemInSession"])
        if event["userId"]:
            levels[event["userId"]].append(event["level"])
    assert all(numbers == list(range(len(numbers))) for numbers in items.values())
    upgraded = [user for user, seen in levels.items() if seen[0] == "free" and seen[-1] == "paid"]
    assert upgraded
    text = b"".join(body for _, body in default_objects).decode("ascii")
    assert "'" in text and "\\u00" in text  # apostrophes, and accented letters escaped as in the real files


def test_scale_grows_songs_users_days_and_events_linearly(default_objects: list[tuple[str, bytes]]) -> None:
    double = list(iter_objects(GeneratorOptions(scale=2.0)))
    assert len(records(double, "song_data/")) == 2 * len(records(default_objects, "song_data/"))
    log_keys = [key for key, _ in double if key.startswith("log_data/")]
    assert len(log_keys) == 60
    assert log_keys[-1] == "log_data/2018/12/2018-12-30-events.json"
    ratio = len(records(double, "log_data/")) / len(records(default_objects, "log_data/"))
    assert 1.6 < ratio < 2.4
    users = {event["userId"] for event in records(double, "log_data/") if event["userId"]}
    assert 150 < len(users) <= 200
    assert GeneratorOptions(scale=100).song_count == 100 * GeneratorOptions().song_count


def test_scale_100_streams_without_building_everything_first() -> None:
    options = GeneratorOptions(scale=100, songs_per_file=100)
    assert (options.day_count, options.user_count, options.song_file_count) == (3000, 10_000, 200)
    started = time.perf_counter()
    first = list(itertools.islice(iter_objects(options), 3))
    assert time.perf_counter() - started < 10
    assert first[0][0] == "log_json_path.json"
    assert len(list(iter_json_objects(first[1][1]))) == 100


def test_songs_per_file_packs_consecutive_songs(default_objects: list[tuple[str, bytes]]) -> None:
    packed = list(iter_objects(GeneratorOptions(songs_per_file=7)))
    song_files = [(key, body) for key, body in packed if key.startswith("song_data/")]
    assert len(song_files) == 29  # ceil(200 / 7)
    assert all(len(list(iter_json_objects(body))) == 7 for _, body in song_files[:-1])
    assert all(body.count(b"\n") == len(list(iter_json_objects(body))) - 1 for _, body in song_files)
    assert all(SONG_KEY.fullmatch(key) for key, _ in song_files)
    assert records(packed, "song_data/") == records(default_objects, "song_data/")
    assert records(packed, "log_data/") == records(default_objects, "log_data/")


def test_write_tree_writes_a_folder_that_passes_the_layout_check(tmp_path: Path) -> None:
    options = GeneratorOptions(scale=0.1, songs_per_file=3)
    written = write_tree(tmp_path, options)
    assert written == options.object_count == 7 + 3 + 1
    files = scan_data_folder(tmp_path)
    assert sorted(f.key for f in files) == sorted(key for key, _ in iter_objects(options))


@pytest.mark.parametrize(
    "bad", [{"scale": 0}, {"scale": float("nan")}, {"songs_per_file": 0}, {"unmatched_play_share": 1.5}]
)
def test_options_refuse_impossible_values(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        GeneratorOptions(**bad)  # type: ignore[arg-type]
