"""The row counts the loading rules imply, computed in plain Python from the JSON files, independently of the SQL.

The rules (issue 6): staging holds one row per JSON object; `songplays` one row per NextSong event, with a song
when the catalog holds the event's title, artist name and duration; `users` one row per user id, with the level
of the user's latest event; `songs` one per song_id; `artists` one per artist_id; `time` one per distinct start
time of the plays. COPY's conversions that bear on them are mirrored: `userId` "" loads NULL, and in the events
(BLANKSASNULL, EMPTYASNULL) a blank string is NULL, so it matches nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sparkify_dwh.sampledata import iter_json_objects

Record = dict[str, Any]

SONG_FOLDER = "song_data/"
LOG_FOLDER = "log_data/"


def _event_text(value: Any) -> Any:
    """A string field of an event as staging_events holds it: NULL when blank."""
    return None if isinstance(value, str) and not value.strip() else value


def _user_id(value: Any) -> int | None:
    text = "" if value is None else str(value).strip()
    return int(text) if text else None


@dataclass(frozen=True)
class ExpectedCounts:
    """Rows each table must hold after the pipeline, and two counts that test the rules more closely."""

    staging_events: int
    staging_songs: int
    songplays: int
    songplays_with_song: int
    users: int
    paid_users: int
    songs: int
    artists: int
    time: int

    @classmethod
    def from_records(cls, songs: Iterable[Record], events: Iterable[Record]) -> ExpectedCounts:
        """From the song objects and the event objects."""
        songs, events = list(songs), list(events)
        catalog = {
            (song["title"], song["artist_name"], song["duration"]) for song in songs if song.get("song_id") is not None
        }
        plays = [event for event in events if event.get("page") == "NextSong"]
        keys = [tuple(_event_text(play.get(field)) for field in ("song", "artist", "length")) for play in plays]
        latest: dict[int, tuple[tuple[Any, ...], Any]] = {}
        for event in events:
            user_id = _user_id(event.get("userId"))
            if user_id is None:
                continue
            order = (event["ts"], event["sessionId"], event["itemInSession"])
            if user_id not in latest or order > latest[user_id][0]:
                latest[user_id] = (order, event.get("level"))
        return cls(
            staging_events=len(events),
            staging_songs=len(songs),
            songplays=len(plays),
            songplays_with_song=sum(1 for key in keys if None not in key and key in catalog),
            users=len(latest),
            paid_users=sum(1 for _, level in latest.values() if level == "paid"),
            songs=len({song["song_id"] for song in songs if song.get("song_id") is not None}),
            artists=len({song["artist_id"] for song in songs if song.get("artist_id") is not None}),
            time=len({play["ts"] for play in plays if play.get("ts") is not None}),
        )

    @classmethod
    def from_objects(cls, objects: Iterable[tuple[str, bytes]]) -> ExpectedCounts:
        """From (key, body) pairs in the bucket layout (`song_data/...`, `log_data/...`; other keys ignored)."""
        songs: list[Record] = []
        events: list[Record] = []
        for key, body in objects:
            if key.startswith(SONG_FOLDER):
                songs.extend(iter_json_objects(body))
            elif key.startswith(LOG_FOLDER):
                events.extend(iter_json_objects(body))
        return cls.from_records(songs, events)

    @classmethod
    def from_directory(cls, directory: Path) -> ExpectedCounts:
        """From a folder in the bucket layout, such as the course sample."""
        paths = sorted(directory.glob(f"{SONG_FOLDER}**/*.json")) + sorted(directory.glob(f"{LOG_FOLDER}**/*.json"))
        return cls.from_objects((path.relative_to(directory).as_posix(), path.read_bytes()) for path in paths)

    def table_counts(self) -> dict[str, int]:
        """Rows per table, in the order of the pipeline's row-count summary."""
        return {
            "staging_events": self.staging_events,
            "staging_songs": self.staging_songs,
            "songplays": self.songplays,
            "users": self.users,
            "songs": self.songs,
            "artists": self.artists,
            "time": self.time,
        }
