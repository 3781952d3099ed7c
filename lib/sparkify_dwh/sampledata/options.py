"""What the generator makes: one frozen dataclass whose `scale` grows every count linearly."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date

SONGS_PER_SCALE = 200
USERS_PER_SCALE = 100
DAYS_PER_SCALE = 30
SESSIONS_PER_DAY = 36
DEFAULT_START = date(2018, 11, 1)


@dataclass(frozen=True)
class GeneratorOptions:
    """Parameters of one generated data set; the same options always give the same bytes.

    At `scale` 1.0 the data has the size of the course's sample: 30 daily log files (November 2018) with 7,000 to
    9,000 events (depending on the seed) by about 90 of 100 registered listeners, and a catalog of 200 songs by
    about 110 artists, one file each: 231 objects, 3.7 MB, seeded into moto in about a second.
    Songs, users, days and events grow linearly with `scale`; the days run on into the following months.

    `unmatched_play_share` is the share of song plays whose song is not in the catalog. The real bucket's logs and
    song files come from different sources, so only a handful of plays find their song; the default 0.2 keeps most
    plays matched, so that the songplays fact table and the top-songs/top-artists charts have something to show,
    while a fifth of the plays still exercises the unmatched (null song_id/artist_id) path.
    `songs_per_file` packs several song objects per file, newline-delimited, for large scales.
    """

    seed: int = 2018
    scale: float = 1.0
    songs_per_file: int = 1
    unmatched_play_share: float = 0.2
    start: date = DEFAULT_START

    def __post_init__(self) -> None:
        if not (self.scale > 0 and math.isfinite(self.scale)):
            raise ValueError(f"scale must be a positive number, not {self.scale!r}")
        if self.songs_per_file < 1:
            raise ValueError(f"songs_per_file must be at least 1, not {self.songs_per_file!r}")
        if not 0.0 <= self.unmatched_play_share <= 1.0:
            raise ValueError(f"unmatched_play_share must be between 0 and 1, not {self.unmatched_play_share!r}")

    @property
    def song_count(self) -> int:
        """Songs in the catalog (the song_data files hold exactly these)."""
        return max(1, round(SONGS_PER_SCALE * self.scale))

    @property
    def user_count(self) -> int:
        """Registered listeners; the first hundred are there from the start, the others join along the way."""
        return max(1, round(USERS_PER_SCALE * self.scale))

    @property
    def day_count(self) -> int:
        """Days of logs, one file each, from `start` on."""
        return max(1, round(DAYS_PER_SCALE * self.scale))

    @property
    def song_file_count(self) -> int:
        """Files under song_data/."""
        return math.ceil(self.song_count / self.songs_per_file)

    @property
    def object_count(self) -> int:
        """Objects in the bucket: song files, one log file per day and the JSONPaths file."""
        return self.song_file_count + self.day_count + 1

    def random(self, purpose: str) -> random.Random:
        """An independent random stream for one part of the data, so that changing one part leaves the rest."""
        return random.Random(f"sparkify-sampledata:{self.seed}:{purpose}")
