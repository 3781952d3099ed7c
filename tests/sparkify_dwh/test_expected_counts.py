"""The independent calculator of expected row counts, on tiny hand-made data whose answers are known."""

from __future__ import annotations

import json

from sparkify_dwh.sampledata import iter_json_objects
from tests.sparkify_dwh.expected_counts import ExpectedCounts


def song(song_id, artist_id, title, artist_name, duration, location=""):
    return {
        "num_songs": 1,
        "artist_id": artist_id,
        "artist_latitude": None,
        "artist_longitude": None,
        "artist_location": location,
        "artist_name": artist_name,
        "song_id": song_id,
        "title": title,
        "duration": duration,
        "year": 0,
    }


def event(ts, user_id, page="NextSong", song_title=None, artist=None, length=None, level="free", session=1, item=0):
    return {
        "artist": artist,
        "auth": "Logged In" if user_id else "Logged Out",
        "itemInSession": item,
        "length": length,
        "level": level,
        "page": page,
        "sessionId": session,
        "song": song_title,
        "ts": ts,
        "userId": user_id,
    }


SONGS = [
    song("SO1", "AR1", "Hello", "Ann", 200.5, location="Paris"),
    song("SO2", "AR1", "World", "Ann feat. Bo", 180.0),  # the same artist id with another name: still one artist
    song("SO2", "AR1", "World", "Ann feat. Bo", 180.0),  # the same song filed twice: still one song
    song("SO3", "AR2", "Hello", "Cy", 200.5),
]


def test_counts_follow_the_rules():
    events = [
        event(1000, "7", song_title="Hello", artist="Ann", length=200.5, session=1, item=0),  # matched
        event(1000, "8", song_title="Hello", artist="Ann", length=200.5, session=2, item=0),  # same ts: one time row
        event(2000, "7", song_title="Hello", artist="Ann", length=200.4, session=1, item=1),  # duration differs
        event(3000, "7", song_title="World", artist="Ann", length=180.0, session=1, item=2),  # artist differs
        event(4000, "", page="Home"),  # logged out: no user
        event(5000, "9", page="Home"),  # a user who never plays still counts
        event(6000, "7", page="Submit Upgrade", level="free", session=1, item=3),
        event(7000, "7", page="Home", level="paid", session=1, item=4),  # user 7's latest event: paid
    ]

    counts = ExpectedCounts.from_records(SONGS, events)

    assert counts == ExpectedCounts(
        staging_events=8,
        staging_songs=4,
        songplays=4,
        songplays_with_song=2,
        users=3,
        paid_users=1,
        songs=3,
        artists=2,
        time=3,
    )


def test_blank_strings_of_events_load_null_and_match_nothing():
    catalog = [song("SO1", "AR1", "", "Ann", 100.0), song("SO2", "AR1", "Tune", " ", 100.0)]
    events = [
        event(1, "1", song_title="", artist="Ann", length=100.0),
        event(2, "1", song_title="Tune", artist="  ", length=100.0),
    ]

    assert ExpectedCounts.from_records(catalog, events).songplays_with_song == 0


def test_latest_event_breaks_ties_by_session_then_item():
    events = [
        event(5, "3", page="Home", level="paid", session=4, item=9),
        event(5, "3", page="Home", level="free", session=5, item=0),  # same ts, later session: the latest
        event(5, "4", page="Home", level="free", session=6, item=1),
        event(5, "4", page="Home", level="paid", session=6, item=2),  # same ts and session, later item
    ]

    counts = ExpectedCounts.from_records([], events)

    assert (counts.users, counts.paid_users) == (2, 1)


def test_user_ids_are_compared_as_the_integers_they_load_as():
    events = [event(1, "12", page="Home"), event(2, 12, page="Home"), event(3, " ", page="Home")]

    assert ExpectedCounts.from_records([], events).users == 1


def test_files_in_the_bucket_layout_are_read_whole(tmp_path):
    songs_file = "\n".join(json.dumps(record) for record in SONGS[:2]).encode()  # two songs in one file
    log_file = b"".join(json.dumps(e).encode() for e in (event(1, "1"), event(2, "2", page="Home")))  # no newline
    (tmp_path / "song_data/A/B/C").mkdir(parents=True)
    (tmp_path / "song_data/A/B/C/TRABC.json").write_bytes(songs_file)
    (tmp_path / "log_data/2018/11").mkdir(parents=True)
    (tmp_path / "log_data/2018/11/2018-11-01-events.json").write_bytes(log_file)
    (tmp_path / "log_json_path.json").write_text('{"jsonpaths": []}')

    counts = ExpectedCounts.from_directory(tmp_path)

    assert (counts.staging_songs, counts.staging_events, counts.songplays, counts.users) == (2, 2, 1, 2)
    assert counts == ExpectedCounts.from_objects(
        [("song_data/A/B/C/TRABC.json", songs_file), ("log_data/x.json", log_file), ("log_json_path.json", b"{}")]
    )


def test_table_counts_list_the_tables_of_the_summary_in_order():
    counts = ExpectedCounts.from_records(SONGS, [event(1, "1", song_title="Hello", artist="Ann", length=200.5)])

    assert counts.table_counts() == {
        "staging_events": 1,
        "staging_songs": 4,
        "songplays": 1,
        "users": 1,
        "songs": 3,
        "artists": 2,
        "time": 1,
    }


def test_files_are_read_as_concatenated_or_delimited_objects():
    assert list(iter_json_objects(b'{"a": 1}{"a": 2}\n {"a": 3}\n')) == [{"a": 1}, {"a": 2}, {"a": 3}]
