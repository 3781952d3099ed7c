"""The manifest UNLOAD writes with MANIFEST: the URL of each data file; with VERBOSE also each file's size and
line count, the columns and their types, the totals and the author (the MANIFEST parameter and its example).

The example in "UNLOAD examples" writes a CHAR or VARCHAR dimension as a bare number, which is not JSON; the
local Redshift names the dimensions: "length" (CHAR, VARCHAR), "precision" and "scale" (NUMERIC).
"""

from __future__ import annotations

from collections.abc import Sequence

import orjson

from local_redshift.unload.columns import ResultColumn
from local_redshift.unload.layout import DataFile

AUTHOR = {"name": "Amazon Redshift", "version": "1.0.0"}


def manifest(base_url: str, files: Sequence[DataFile], columns: Sequence[ResultColumn], *, verbose: bool) -> bytes:
    """The manifest's JSON; `base_url` is the destination the file names follow."""
    if not verbose:
        return orjson.dumps({"entries": [{"url": base_url + file.name} for file in files]}, option=orjson.OPT_INDENT_2)
    document = {
        "entries": [
            {"url": base_url + file.name, "meta": {"content_length": len(file.body), "record_count": file.record_count}}
            for file in files
        ],
        "schema": {"elements": [{"name": column.name, "type": column.manifest_type()} for column in columns]},
        "meta": {
            "content_length": sum(len(file.body) for file in files),
            "record_count": sum(file.record_count for file in files),
        },
        "author": AUTHOR,
    }
    return orjson.dumps(document, option=orjson.OPT_INDENT_2)
