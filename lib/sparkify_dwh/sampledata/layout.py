"""The bucket layout: object keys, S3 URIs, the JSONPaths file, and the check of a folder before it is uploaded.

Keys inside the data set are relative: `song_data/A/B/C/TRABC....json`, `log_data/2018/11/2018-11-01-events.json`
and `log_json_path.json`. A `BucketLayout` maps them onto the three S3 URIs of the configuration.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sparkify_dwh.sampledata.json_files import read_json_objects

log = logging.getLogger(__name__)

SONG_DATA = "song_data"
LOG_DATA = "log_data"
LOG_JSONPATH = "log_json_path.json"

# The columns of the staging_events table, in order; the JSONPaths file maps them to the events' fields.
STAGING_EVENTS_COLUMNS: tuple[str, ...] = (
    "artist",
    "auth",
    "firstName",
    "gender",
    "itemInSession",
    "lastName",
    "length",
    "level",
    "location",
    "method",
    "page",
    "registration",
    "sessionId",
    "song",
    "status",
    "ts",
    "userAgent",
    "userId",
)

SONG_KEY = re.compile(r"song_data/(?P<a>[A-Z])/(?P<b>[A-Z])/(?P<c>[A-Z])/TR(?P=a)(?P=b)(?P=c)[A-Z0-9]{13}\.json")
"""A song file's key: the three folders are the track id's characters 3 to 5."""
LOG_KEY = re.compile(r"log_data/(?P<y>\d{4})/(?P<m>\d{2})/(?P=y)-(?P=m)-\d{2}-events\.json")
SONG_KEY_EXPECTED = "song_data/<X>/<Y>/<Z>/TRXYZ<13 letters or digits>.json"
LOG_KEY_EXPECTED = "log_data/<yyyy>/<mm>/<yyyy>-<mm>-<dd>-events.json"
S3_URI = re.compile(r"s3://(?P<bucket>[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9])(?:/(?P<key>.*))?")


class LayoutError(ValueError):
    """A folder or an object does not fit the bucket layout; the message names the file and what was expected."""


@dataclass(frozen=True)
class S3Location:
    """A bucket and a key (or key prefix, without trailing slash) in it."""

    bucket: str
    key: str

    @property
    def uri(self) -> str:
        return f"s3://{self.bucket}/{self.key}"

    def child(self, relative: str) -> S3Location:
        """The object `relative` below this prefix."""
        return S3Location(self.bucket, f"{self.key}/{relative}" if self.key else relative)


def parse_s3_uri(uri: str) -> S3Location:
    """`s3://bucket/some/prefix/` -> S3Location("bucket", "some/prefix")."""
    match = S3_URI.fullmatch(uri.strip())
    if match is None:
        raise ValueError(f"{uri!r} is not an S3 URI like s3://bucket/prefix")
    return S3Location(match["bucket"], (match["key"] or "").strip("/"))


@dataclass(frozen=True)
class BucketLayout:
    """Where the song files, the log files and the JSONPaths file go, as the configuration's three URIs say."""

    song_data: S3Location
    log_data: S3Location
    log_jsonpath: S3Location

    @classmethod
    def from_uris(cls, *, song_data: str, log_data: str, log_jsonpath: str) -> BucketLayout:
        """From the URIs of dwh.cfg's [S3] section (SONG_DATA, LOG_DATA, LOG_JSONPATH)."""
        layout = cls(parse_s3_uri(song_data), parse_s3_uri(log_data), parse_s3_uri(log_jsonpath))
        if not layout.log_jsonpath.key:
            raise ValueError(f"LOG_JSONPATH {log_jsonpath!r} must name an object, not a bucket")
        return layout

    @property
    def buckets(self) -> tuple[str, ...]:
        """The buckets involved, without repeats."""
        return tuple(dict.fromkeys(place.bucket for place in (self.song_data, self.log_data, self.log_jsonpath)))

    @property
    def listing_prefixes(self) -> tuple[S3Location, ...]:
        """The prefixes under which the data set's objects are listed (to skip, or to prune)."""
        folders = tuple(S3Location(p.bucket, f"{p.key}/" if p.key else "") for p in (self.song_data, self.log_data))
        return (*folders, self.log_jsonpath)

    def locate(self, key: str) -> S3Location:
        """Where the data set's relative `key` goes."""
        folder, _, rest = key.partition("/")
        if folder == SONG_DATA and rest:
            return self.song_data.child(rest)
        if folder == LOG_DATA and rest:
            return self.log_data.child(rest)
        if key == LOG_JSONPATH:
            return self.log_jsonpath
        expected = f"{SONG_DATA}/..., {LOG_DATA}/... or {LOG_JSONPATH}"
        raise LayoutError(f"{key}: not a key of the data set; expected {expected}")


COURSE_LAYOUT = BucketLayout.from_uris(
    song_data="s3://udacity-dend/song_data",
    log_data="s3://udacity-dend/log_data",
    log_jsonpath="s3://udacity-dend/log_json_path.json",
)


def song_key(track_id: str) -> str:
    """The key of the song file named after `track_id`."""
    return f"{SONG_DATA}/{track_id[2]}/{track_id[3]}/{track_id[4]}/{track_id}.json"


def log_key(day: date) -> str:
    """The key of the log file of `day`."""
    return f"{LOG_DATA}/{day:%Y}/{day:%m}/{day:%Y-%m-%d}-events.json"


def jsonpaths_document() -> bytes:
    """The JSONPaths file that maps the events' fields onto the staging_events columns, in column order."""
    paths = [f"$['{column}']" for column in STAGING_EVENTS_COLUMNS]
    return (json.dumps({"jsonpaths": paths}, indent=2) + "\n").encode("ascii")


@dataclass(frozen=True)
class DataFile:
    """A checked file of a data folder and the relative key it will be uploaded under."""

    path: Path
    key: str
    size: int


def _check_objects(path: Path, key: str, expected: str) -> tuple[dict[str, Any], int]:
    """Read the whole file as concatenated JSON objects, one at a time: the first one and how many; or LayoutError."""
    try:
        with path.open("rb") as stream:
            objects = read_json_objects(stream)
            first = next(objects)
            return first, 1 + sum(1 for _ in objects)
    except ValueError as error:
        raise LayoutError(f"{key}: not JSON ({error}); expected {expected}") from None
    except OSError as error:
        raise LayoutError(f"{key}: cannot be read ({error.strerror}); expected {expected}") from None


def _check_jsonpaths(path: Path) -> None:
    expected = 'one JSON object {"jsonpaths": ["$[\'artist\']", ...]}'
    document, count = _check_objects(path, LOG_JSONPATH, expected)
    paths = document.get("jsonpaths")
    if count != 1 or not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        raise LayoutError(f"{LOG_JSONPATH}: not a JSONPaths file; expected {expected}")


def _folder_files(directory: Path, folder: str, pattern: re.Pattern[str], expected: str) -> Iterator[DataFile]:
    for root, subfolders, files in os.walk(directory / folder):
        subfolders.sort()
        for name in sorted(files):
            path = Path(root, name)
            key = path.relative_to(directory).as_posix()
            if not pattern.fullmatch(key):
                raise LayoutError(f"{key}: does not fit the layout; expected {expected}")
            _check_objects(path, key, f"{expected} holding concatenated JSON objects")
            yield DataFile(path, key, path.stat().st_size)


def scan_data_folder(directory: Path | str) -> list[DataFile]:
    """Check a whole folder in the bucket layout and list its data files, before anything is uploaded.

    The folder must hold `song_data/`, `log_data/` and `log_json_path.json`. Other top-level files that are not
    `.json` (a README, a licence) are documentation and are left out; anything else at the top level, and any file
    inside `song_data/` or `log_data/` whose path does not fit the layout or that is not JSON, raises LayoutError.
    """
    directory = Path(directory)
    expected = f"a folder with {SONG_DATA}/, {LOG_DATA}/ and {LOG_JSONPATH}"
    if not directory.is_dir():
        raise LayoutError(f"{directory}: not a folder; expected {expected}")
    for entry in sorted(directory.iterdir()):
        if entry.name in (SONG_DATA, LOG_DATA):
            if not entry.is_dir():
                raise LayoutError(f"{entry.name}: a file; expected a folder {entry.name}/")
        elif entry.name == LOG_JSONPATH:
            if not entry.is_file():
                raise LayoutError(f"{LOG_JSONPATH}: not a file; expected the JSONPaths file")
        elif entry.is_file() and entry.suffix.lower() != ".json":
            log.info("%s: not data, left out", entry.name)
        else:
            raise LayoutError(
                f"{entry.name}: unexpected at the top level; expected only {SONG_DATA}/, {LOG_DATA}/, "
                f"{LOG_JSONPATH} and documents that are not .json"
            )
    for required in (SONG_DATA, LOG_DATA, LOG_JSONPATH):
        if not (directory / required).exists():
            raise LayoutError(f"{required}: missing in {directory}; expected {expected}")
    jsonpaths = directory / LOG_JSONPATH
    _check_jsonpaths(jsonpaths)
    return [
        DataFile(jsonpaths, LOG_JSONPATH, jsonpaths.stat().st_size),
        *_folder_files(directory, SONG_DATA, SONG_KEY, SONG_KEY_EXPECTED),
        *_folder_files(directory, LOG_DATA, LOG_KEY, LOG_KEY_EXPECTED),
    ]
