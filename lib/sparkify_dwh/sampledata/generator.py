"""The whole data set as (key, body) pairs, streamed, or written to a folder in the bucket layout."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from sparkify_dwh.sampledata import layout
from sparkify_dwh.sampledata.events import log_files
from sparkify_dwh.sampledata.options import GeneratorOptions
from sparkify_dwh.sampledata.songs import build_catalog, song_files
from sparkify_dwh.sampledata.users import build_users

log = logging.getLogger(__name__)


def iter_objects(options: GeneratorOptions | None = None) -> Iterator[tuple[str, bytes]]:
    """Every object of the data set as (relative key, body): the JSONPaths file, the song files, then one log file
    per day. Bodies are made as they are asked for; only the catalog and the listeners are held in memory."""
    options = options or GeneratorOptions()
    catalog = build_catalog(options)
    yield layout.LOG_JSONPATH, layout.jsonpaths_document()
    yield from song_files(catalog, options.songs_per_file)
    yield from log_files(options, catalog, build_users(options))


def write_tree(directory: Path | str, options: GeneratorOptions | None = None) -> int:
    """Write the data set under `directory` in the bucket layout; returns the number of files written."""
    directory = Path(directory)
    written = 0
    for key, body in iter_objects(options):
        path = directory / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
        written += 1
    log.info("wrote %d files under %s", written, directory)
    return written
