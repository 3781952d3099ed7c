"""The song catalog: artists with one or several songs, and the song_data files that hold them."""

from __future__ import annotations

import itertools
import json
import math
import random
import string
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from sparkify_dwh.sampledata import layout, names, vocabulary
from sparkify_dwh.sampledata.options import GeneratorOptions

YEAR_UNKNOWN_SHARE = 0.6
NO_LOCATION_SHARE = 0.4
NO_COORDINATES_SHARE_WITH_LOCATION = 0.28
SONGS_PER_ARTIST_WEIGHTS = {1: 60, 2: 20, 3: 10, 4: 5, 5: 3, 6: 2}
OFF_CATALOG_ARTISTS_PER_ARTIST = 2
POPULARITY_EXPONENT = 0.9
SONGS_PER_DIRECTORY = 12
DIRECTORY_COUNT_MAX = 26**3
HEX_DIGITS = "0123456789ABCDEF"


@dataclass(frozen=True)
class Artist:
    """An artist; every song of an artist carries exactly these attributes."""

    artist_id: str
    name: str
    location: str
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class Song:
    """A song of the catalog, filed under its track id."""

    track_id: str
    song_id: str
    title: str
    duration: float
    year: int
    artist: Artist

    def record(self) -> dict[str, object]:
        """The JSON object of a song file, fields in the order of the real files."""
        return {
            "num_songs": 1,
            "artist_id": self.artist.artist_id,
            "artist_latitude": self.artist.latitude,
            "artist_longitude": self.artist.longitude,
            "artist_location": self.artist.location,
            "artist_name": self.artist.name,
            "song_id": self.song_id,
            "title": self.title,
            "duration": self.duration,
            "year": self.year,
        }


@dataclass(frozen=True)
class Catalog:
    """The songs in track-id order, their popularity, and the artists whose songs are played but not filed."""

    songs: tuple[Song, ...]
    cumulative_popularity: tuple[float, ...]
    off_catalog_artists: tuple[Artist, ...]

    def pick_song(self, rng: random.Random) -> Song:
        """A song to play: a few hits and a long tail."""
        return rng.choices(self.songs, cum_weights=self.cumulative_popularity)[0]


def invent_duration(rng: random.Random) -> float:
    """A song length in seconds, mostly three to five minutes, with 5 decimals like the real data."""
    return round(min(1200.0, max(20.0, rng.lognormvariate(math.log(230.0), 0.35))), 5)


def _unique(rng: random.Random, taken: set[str], make: Callable[[random.Random], str]) -> str:
    while (value := make(rng)) in taken:
        pass
    taken.add(value)
    return value


def _chars(rng: random.Random, alphabet: str, count: int) -> str:
    return "".join(rng.choices(alphabet, k=count))


def _artist_id(rng: random.Random) -> str:
    return f"AR{_chars(rng, string.ascii_uppercase + string.digits, 5)}1187{_chars(rng, HEX_DIGITS, 7)}"


def _song_id(rng: random.Random) -> str:
    return f"SO{_chars(rng, string.ascii_uppercase, 5)}12A{_chars(rng, HEX_DIGITS, 8)}"


def _track_id_maker(letters: str) -> Callable[[random.Random], str]:
    """Track ids filed under the folders `letters` (their characters 3 to 5)."""
    return lambda rng: f"TR{letters}{_chars(rng, string.ascii_uppercase, 2)}12{_chars(rng, HEX_DIGITS, 9)}"


def _artist(rng: random.Random, taken_ids: set[str], taken_names: set[str]) -> Artist:
    artist_id = _unique(rng, taken_ids, _artist_id)
    name = _unique(rng, taken_names, names.invent_artist_name)
    if rng.random() < NO_LOCATION_SHARE:
        return Artist(artist_id, name, "", None, None)
    place, latitude, longitude = rng.choice(vocabulary.ARTIST_PLACES)
    if rng.random() < NO_COORDINATES_SHARE_WITH_LOCATION:
        return Artist(artist_id, name, place, None, None)
    return Artist(artist_id, name, place, latitude, longitude)


def _year(rng: random.Random) -> int:
    if rng.random() < YEAR_UNKNOWN_SHARE:
        return 0
    return max(1950, round(2010 - abs(rng.gauss(0.0, 14.0))))


def _directory_letters(index: int) -> str:
    """The index-th leaf directory A/A/A, A/A/B, ... as its three letters."""
    letters = string.ascii_uppercase
    return letters[index // 676 % 26] + letters[index // 26 % 26] + letters[index % 26]


def build_catalog(options: GeneratorOptions) -> Catalog:
    """The catalog for these options: `options.song_count` songs, some artists with several songs."""
    rng = options.random("catalog")
    song_count = options.song_count
    directory_count = min(DIRECTORY_COUNT_MAX, math.ceil(song_count / SONGS_PER_DIRECTORY))
    taken_ids: set[str] = set()
    taken_names: set[str] = set()
    songs: list[Song] = []
    artist_count = 0
    while len(songs) < song_count:
        artist = _artist(rng, taken_ids, taken_names)
        artist_count += 1
        (own_songs,) = rng.choices(list(SONGS_PER_ARTIST_WEIGHTS), weights=list(SONGS_PER_ARTIST_WEIGHTS.values()))
        for _ in range(min(own_songs, song_count - len(songs))):
            letters = _directory_letters(len(songs) * directory_count // song_count)
            track_id = _unique(rng, taken_ids, _track_id_maker(letters))
            song_id = _unique(rng, taken_ids, _song_id)
            songs.append(Song(track_id, song_id, names.invent_title(rng), invent_duration(rng), _year(rng), artist))
    songs.sort(key=lambda song: song.track_id)
    ranks = list(range(1, song_count + 1))
    rng.shuffle(ranks)
    popularity = itertools.accumulate(rank**-POPULARITY_EXPONENT for rank in ranks)
    off_catalog = tuple(
        _artist(rng, taken_ids, taken_names) for _ in range(OFF_CATALOG_ARTISTS_PER_ARTIST * artist_count)
    )
    return Catalog(tuple(songs), tuple(popularity), off_catalog)


def encode_songs(songs: Sequence[Song]) -> bytes:
    """A song file: the songs' JSON objects, newline-delimited, escaped to ASCII like the real files."""
    return "\n".join(json.dumps(song.record()) for song in songs).encode("ascii")


def song_files(catalog: Catalog, songs_per_file: int) -> Iterator[tuple[str, bytes]]:
    """(key, body) of each song file, `songs_per_file` consecutive songs each, named after the first one."""
    for start in range(0, len(catalog.songs), songs_per_file):
        chunk = catalog.songs[start : start + songs_per_file]
        yield layout.song_key(chunk[0].track_id), encode_songs(chunk)
