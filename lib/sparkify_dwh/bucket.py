"""The raw data before any COPY: what the bucket holds under `[S3]`'s prefixes, one record of each kind, and the
JSONPaths file that maps the log events' fields to the staging columns."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import boto3
import pandas as pd

from sparkify_dwh import aws
from sparkify_dwh.config import Config


class JsonText(str):
    """JSON text that a notebook shows highlighted, headed by where it comes from."""

    title: str

    def __new__(cls, text: str, title: str) -> JsonText:
        shown = super().__new__(cls, text)
        shown.title = title
        return shown

    def _repr_markdown_(self) -> str:
        return f"`{self.title}`\n\n```json\n{self.rstrip()}\n```"


def _split(uri: str) -> tuple[str, str]:
    bucket, _, key = uri.removeprefix("s3://").partition("/")
    return bucket, key


def _s3(config: Config, boto_session: boto3.Session | None) -> Any:
    return aws.client(config, "s3", config.s3.region, boto_session=boto_session)


def _objects(s3: Any, uri: str) -> list[dict[str, Any]]:
    bucket, prefix = _split(uri)
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
    return [item for page in pages for item in page.get("Contents", [])]


def listing(config: Config, *, depth: int = 2, boto_session: boto3.Session | None = None) -> pd.DataFrame:
    """The files under `[S3]`'s song and log prefixes and the JSONPaths file, grouped by the first `depth` parts
    of their keys: `prefix`, `files`, `megabytes`, and one `example` key."""
    s3 = _s3(config, boto_session)
    files: Counter[str] = Counter()
    sizes: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for uri in (config.s3.song_data, config.s3.log_data, config.s3.log_jsonpath):
        bucket = _split(uri)[0]
        for item in _objects(s3, uri):
            parts = item["Key"].split("/")
            prefix = f"s3://{bucket}/" + "/".join(parts[:depth]) + ("/" if len(parts) > depth else "")
            files[prefix] += 1
            sizes[prefix] += item["Size"]
            examples.setdefault(prefix, item["Key"])
    rows = [(prefix, files[prefix], round(sizes[prefix] / 1e6, 3), examples[prefix]) for prefix in sorted(files)]
    return pd.DataFrame(rows, columns=["prefix", "files", "megabytes", "example"])


def first_record(config: Config, uri: str, *, boto_session: boto3.Session | None = None) -> JsonText:
    """The first JSON record of the first file under `uri` (a log file holds one event per line), indented."""
    s3 = _s3(config, boto_session)
    found = _objects(s3, uri)
    if not found:
        raise FileNotFoundError(f"no file under {uri}; in local mode, `sparkify-dwh local up` seeds the sample data")
    bucket, key = _split(uri)[0], found[0]["Key"]
    text = s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode("utf-8")
    record = json.JSONDecoder().raw_decode(text.lstrip())[0]
    return JsonText(json.dumps(record, indent=2, ensure_ascii=False), f"s3://{bucket}/{key}, its first record")


def jsonpaths(config: Config, *, boto_session: boto3.Session | None = None) -> JsonText:
    """The JSONPaths file `[S3] LOG_JSONPATH`: one path per staging_events column, in the table's column order."""
    bucket, key = _split(config.s3.log_jsonpath)
    text = _s3(config, boto_session).get_object(Bucket=bucket, Key=key)["Body"].read().decode("utf-8")
    return JsonText(text, config.s3.log_jsonpath)
