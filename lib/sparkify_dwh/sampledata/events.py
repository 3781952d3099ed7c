"""Listening sessions and the log_data files: one file of newline-delimited events per day."""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, NamedTuple

from sparkify_dwh.sampledata import layout, names
from sparkify_dwh.sampledata.options import SESSIONS_PER_DAY, GeneratorOptions
from sparkify_dwh.sampledata.songs import Catalog, invent_duration
from sparkify_dwh.sampledata.users import DAY_SECONDS, User, epoch_seconds

NEXT_SONG_SHARE = {"free": 0.88, "paid": 0.96}
NAVIGATION_PAGES = {
    "free": {"Home": 35, "Upgrade": 8, "Settings": 8, "Help": 6, "About": 4, "Error": 2},
    "paid": {"Home": 35, "Downgrade": 10, "Settings": 8, "Help": 6, "About": 4, "Error": 2},
}
LOGGED_OUT_PAGES = {"Home": 75, "About": 15, "Help": 10}
REQUESTS = {
    "NextSong": ("PUT", 200),
    "Login": ("PUT", 307),
    "Logout": ("PUT", 307),
    "Save Settings": ("PUT", 307),
    "Submit Upgrade": ("PUT", 307),
    "Submit Downgrade": ("PUT", 307),
    "Error": ("GET", 404),
}
LEVEL_CHANGE_PAGES = {"free": ("Upgrade", "Submit Upgrade", "paid"), "paid": ("Downgrade", "Submit Downgrade", "free")}
ANONYMOUS_SESSION_SHARE = 0.03
LOGIN_FIRST_SHARE = 0.06
HOME_FIRST_SHARE = 0.25
SAVE_SETTINGS_SHARE = 0.2
LOGOUT_SHARE = 0.1
SESSION_LENGTH_MEDIAN = 2.0
SESSION_LENGTH_SIGMA = 1.7
SESSION_LENGTH_MAX = 150
PAGE_DWELL_MEAN_SECONDS = 70.0
LISTENER_DRAWS = 3
Event = dict[str, Any]
"""One event of the logs, fields in the order of the real files (and of the staging_events columns)."""

# Listening peaks in the US afternoon (about 16:00 UTC); at night it falls to about a fifth of the peak.
HOUR_WEIGHTS = tuple(1.0 + 0.65 * math.cos(2 * math.pi * (hour - 16) / 24) for hour in range(24))


class Play(NamedTuple):
    """What a NextSong event names: title, artist and length, exactly as the catalog has them when it matches."""

    title: str
    artist: str
    duration: float


@dataclass
class _Listener:
    """A listener's state while the days are generated."""

    level: str
    level_change: int | None
    busy_until: int


class _Session:
    """The events of one session; stops at `end` (sessions never cross midnight, so each day stands alone)."""

    def __init__(self, session_id: int, user: User, level: str, start: int, end: int, millisecond: int) -> None:
        self.session_id, self.user, self.level = session_id, user, level
        self.clock, self.end, self.millisecond = start, end, millisecond
        self.events: list[Event] = []

    def add(self, page: str, pause: int, *, logged_in: bool = True, play: Play | None = None) -> bool:
        """Record `page` now unless the day is over (then returns False), and let `pause` seconds pass."""
        if self.clock >= self.end:
            return False
        user = self.user if logged_in else None
        method, status = REQUESTS.get(page, ("GET", 200))
        self.events.append(
            {
                "artist": play.artist if play else None,
                "auth": "Logged In" if user else "Logged Out",
                "firstName": user.first_name if user else None,
                "gender": user.gender if user else None,
                "itemInSession": len(self.events),
                "lastName": user.last_name if user else None,
                "length": play.duration if play else None,
                "level": self.level,
                "location": user.location if user else None,
                "method": method,
                "page": page,
                "registration": float(user.registration * 1000 + self.millisecond) if user else None,
                "sessionId": self.session_id,
                "song": play.title if play else None,
                "status": status,
                "ts": self.clock * 1000 + self.millisecond,
                "userAgent": user.user_agent if user else None,
                "userId": user.user_id if user else "",
            }
        )
        self.clock += pause
        return True


def encode_events(events: Sequence[Event]) -> bytes:
    """A log file: compact newline-delimited JSON, ASCII-escaped, with `/` escaped as `\\/` like the real files."""
    lines = (json.dumps(event, separators=(",", ":")).replace("/", "\\/") for event in events)
    return "\n".join(lines).encode("ascii")


class _Simulation:
    """Generates the sessions of the listeners, day after day, keeping their levels and busy times."""

    def __init__(self, options: GeneratorOptions, catalog: Catalog, users: Sequence[User]) -> None:
        self.options, self.catalog, self.users = options, catalog, users
        self.rng = options.random("events")
        self.millisecond = options.random("clock").randrange(1000)
        self.listeners = {user.user_id: _Listener(user.initial_level, user.level_change, user.joined) for user in users}
        self.session_ids = itertools.count(1)

    def pause(self, page: str, play: Play | None) -> int:
        """Seconds until the next event: the song's length after a play, a short while after a page."""
        if play is not None:
            return max(1, round(play.duration) + self.rng.randint(-2, 1))
        if page.startswith("Submit") or page == "Login":
            return self.rng.randint(1, 30)
        return max(1, round(self.rng.expovariate(1.0 / PAGE_DWELL_MEAN_SECONDS)))

    def play(self) -> Play:
        """A song to play: from the catalog, or (`unmatched_play_share` of the time) a song it does not hold."""
        if self.rng.random() < self.options.unmatched_play_share:
            artist = self.rng.choice(self.catalog.off_catalog_artists)
            return Play(names.invent_title(self.rng), artist.name, invent_duration(self.rng))
        song = self.catalog.pick_song(self.rng)
        return Play(song.title, song.artist.name, song.duration)

    def visit(self, session: _Session, pages: dict[str, int], *, logged_in: bool = True) -> str:
        """Open one of `pages` (weighted); returns the page."""
        (page,) = self.rng.choices(list(pages), weights=list(pages.values()))
        session.add(page, self.pause(page, None), logged_in=logged_in)
        return page

    def listen(self, session: _Session) -> None:
        play = self.play()
        session.add("NextSong", self.pause("NextSong", play), play=play)

    def session(self, user: User, start: int, end: int) -> list[Event]:
        """One session of `user`: a visitor's few pages, or a listener's songs and pages, maybe ending in a logout."""
        listener = self.listeners[user.user_id]
        session = _Session(next(self.session_ids), user, listener.level, start, end, self.millisecond)
        if self.rng.random() < ANONYMOUS_SESSION_SHARE:
            for _ in range(self.rng.randint(1, 3)):
                self.visit(session, LOGGED_OUT_PAGES, logged_in=False)
        else:
            self.open_session(session)
            self.listen_and_browse(session, listener, start)
            if self.rng.random() < LOGOUT_SHARE:
                session.add("Logout", self.pause("Logout", None))
                self.visit(session, LOGGED_OUT_PAGES, logged_in=False)
        listener.busy_until = session.clock
        return session.events

    def open_session(self, session: _Session) -> None:
        """Some sessions start logged out and log in; some start on the home page; the others go straight to music."""
        if self.rng.random() < LOGIN_FIRST_SHARE:
            for _ in range(self.rng.randint(0, 2)):
                self.visit(session, LOGGED_OUT_PAGES, logged_in=False)
            session.add("Login", self.pause("Login", None), logged_in=False)
            session.add("Home", self.pause("Home", None))
        elif self.rng.random() < HOME_FIRST_SHARE:
            session.add("Home", self.pause("Home", None))

    def listen_and_browse(self, session: _Session, listener: _Listener, start: int) -> None:
        """Mostly songs, some pages; a listener whose level change is due makes it somewhere in the session."""
        median, sigma = math.log(SESSION_LENGTH_MEDIAN), SESSION_LENGTH_SIGMA
        length = max(1, min(SESSION_LENGTH_MAX, round(self.rng.lognormvariate(median, sigma))))
        due = listener.level_change is not None and start >= listener.level_change
        change_at = self.rng.randrange(length) if due else -1
        for item in range(length):
            if item == change_at:
                self.change_level(session, listener)
            if self.rng.random() < NEXT_SONG_SHARE[session.level]:
                self.listen(session)
            elif (
                self.visit(session, NAVIGATION_PAGES[session.level]) == "Settings"
                and self.rng.random() < SAVE_SETTINGS_SHARE
            ):
                session.add("Save Settings", self.pause("Save Settings", None))

    def change_level(self, session: _Session, listener: _Listener) -> None:
        """The listener opens the Upgrade (or Downgrade) page and submits; the level changes from the next event."""
        view, submit, new_level = LEVEL_CHANGE_PAGES[session.level]
        session.add(view, self.pause(view, None))
        if session.add(submit, self.pause(submit, None)):
            session.level = listener.level = new_level
            listener.level_change = None
            session.add("Home", self.pause("Home", None))

    def pick_listener(self, active: Sequence[User], cumulative_activity: Sequence[float], start: int) -> User | None:
        """A listener free at `start`, the more active ones more likely.

        The first listener, there from the first day, is the last resort: free at the day's first session (sessions
        end by midnight), so that every day's file holds events.
        """
        draws = self.rng.choices(active, cum_weights=cumulative_activity, k=LISTENER_DRAWS)
        for user in (*draws, active[0]):
            if self.listeners[user.user_id].busy_until <= start:
                return user
        return None

    def files(self) -> Iterator[tuple[str, bytes]]:
        """(key, body) of each day's log file, in date order, generated one day at a time."""
        first_day, _ = epoch_seconds(self.options)
        active: list[User] = []
        cumulative_activity: list[float] = []
        for day_index in range(self.options.day_count):
            day_start = first_day + day_index * DAY_SECONDS
            day_end = day_start + DAY_SECONDS
            joined_before = len(active)
            while len(active) < len(self.users) and self.users[len(active)].joined < day_end:
                active.append(self.users[len(active)])
            if len(active) > joined_before:
                cumulative_activity = list(itertools.accumulate(user.activity for user in active))
            session_count = max(1, round(SESSIONS_PER_DAY * self.rng.uniform(0.4, 1.6)))
            starts = sorted(day_start + self.session_offset() for _ in range(session_count))
            events: list[Event] = []
            for start in starts:
                user = self.pick_listener(active, cumulative_activity, start)
                if user is not None:
                    events += self.session(user, start, day_end)
            events.sort(key=lambda event: (event["ts"], event["sessionId"], event["itemInSession"]))
            yield layout.log_key(self.options.start + timedelta(days=day_index)), encode_events(events)

    def session_offset(self) -> int:
        """Seconds after midnight UTC at which a session starts, following the daily listening curve."""
        (hour,) = self.rng.choices(range(24), weights=HOUR_WEIGHTS)
        return hour * 3600 + self.rng.randrange(3600)


def log_files(options: GeneratorOptions, catalog: Catalog, users: Sequence[User]) -> Iterator[tuple[str, bytes]]:
    """(key, body) of each day's log file: sessions of `users` playing songs of `catalog`."""
    return _Simulation(options, catalog, users).files()
