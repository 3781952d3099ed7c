"""Uploading a data set to S3: buckets created when missing, files uploaded concurrently, unchanged ones skipped.

Seeding twice leaves the same objects: an object already there with the same size and MD5 (its ETag, for a
single-part upload) is not sent again. With `prune`, objects under the three prefixes that are not part of the
data set (left by an earlier, larger seeding) are deleted, so that the bucket holds exactly the data set.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from botocore.exceptions import ClientError
from tqdm.auto import tqdm

from sparkify_dwh.sampledata.generator import iter_objects
from sparkify_dwh.sampledata.layout import COURSE_LAYOUT, BucketLayout, S3Location, scan_data_folder
from sparkify_dwh.sampledata.options import GeneratorOptions

log = logging.getLogger(__name__)

COURSE_REGION = "us-west-2"
DELETE_BATCH = 1000
MISSING_BUCKET_CODES = frozenset({"404", "NoSuchBucket", "NotFound"})


@dataclass(frozen=True)
class SeedSummary:
    """What a seeding did."""

    uploaded_files: int
    uploaded_bytes: int
    skipped_files: int
    skipped_bytes: int
    deleted_files: int


def ensure_buckets(s3_client: Any, layout: BucketLayout = COURSE_LAYOUT, region: str = COURSE_REGION) -> None:
    """Create the layout's buckets that do not exist yet, in `region`."""
    for bucket in layout.buckets:
        try:
            s3_client.head_bucket(Bucket=bucket)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") not in MISSING_BUCKET_CODES:
                raise
            location = {} if region == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": region}}
            s3_client.create_bucket(Bucket=bucket, **location)
            log.info("created bucket %s in %s", bucket, region)


def _existing_objects(s3_client: Any, layout: BucketLayout) -> dict[S3Location, tuple[int, str]]:
    """Size and ETag of every object already under the layout's prefixes."""
    existing: dict[S3Location, tuple[int, str]] = {}
    paginator = s3_client.get_paginator("list_objects_v2")
    for prefix in layout.listing_prefixes:
        for page in paginator.paginate(Bucket=prefix.bucket, Prefix=prefix.key):
            for item in page.get("Contents", ()):
                if prefix.key.endswith("/") or item["Key"] == prefix.key:
                    existing[S3Location(prefix.bucket, item["Key"])] = (item["Size"], item["ETag"].strip('"'))
    return existing


def _put(s3_client: Any, target: S3Location, body: bytes) -> int:
    s3_client.put_object(Bucket=target.bucket, Key=target.key, Body=body, ContentType="application/json")
    return len(body)


def _delete(s3_client: Any, locations: Iterable[S3Location]) -> int:
    by_bucket: dict[str, list[str]] = {}
    for location in locations:
        by_bucket.setdefault(location.bucket, []).append(location.key)
    deleted = 0
    for bucket, keys in by_bucket.items():
        for start in range(0, len(keys), DELETE_BATCH):
            batch = [{"Key": key} for key in keys[start : start + DELETE_BATCH]]
            s3_client.delete_objects(Bucket=bucket, Delete={"Objects": batch, "Quiet": True})
            deleted += len(batch)
    return deleted


def seed_bucket(
    s3_client: Any,
    objects: Iterable[tuple[str, bytes]],
    *,
    total: int | None = None,
    layout: BucketLayout = COURSE_LAYOUT,
    region: str = COURSE_REGION,
    workers: int = 8,
    progress: bool = True,
    prune: bool = False,
) -> SeedSummary:
    """Upload (relative key, body) pairs where `layout` puts them, `workers` at a time, skipping unchanged ones.

    `objects` is consumed lazily (at most a few bodies per worker are held), so a streamed data set of any size
    can be seeded; `total`, when known, sizes the progress bar. Missing buckets are created in `region`.
    """
    ensure_buckets(s3_client, layout, region)
    existing = _existing_objects(s3_client, layout)
    seen: set[S3Location] = set()
    uploaded_files = uploaded_bytes = skipped_files = skipped_bytes = 0
    with (
        ThreadPoolExecutor(max_workers=workers, thread_name_prefix="seed") as pool,
        tqdm(total=total, unit="file", desc="seeding S3", disable=not progress) as bar,
    ):
        pending: set[Future[int]] = set()

        def collect(done: Iterable[Future[int]]) -> None:
            nonlocal uploaded_files, uploaded_bytes
            for future in done:
                uploaded_bytes += future.result()
                uploaded_files += 1
                bar.update()

        for key, body in objects:
            target = layout.locate(key)
            seen.add(target)
            if existing.get(target) == (len(body), hashlib.md5(body, usedforsecurity=False).hexdigest()):
                skipped_files += 1
                skipped_bytes += len(body)
                bar.update()
                continue
            if len(pending) >= 2 * workers:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                collect(done)
            pending.add(pool.submit(_put, s3_client, target, body))
        collect(wait(pending).done)
    deleted_files = _delete(s3_client, sorted(set(existing) - seen, key=str)) if prune else 0
    summary = SeedSummary(uploaded_files, uploaded_bytes, skipped_files, skipped_bytes, deleted_files)
    log.info(
        "seeded %s: %d files uploaded (%d bytes), %d unchanged skipped, %d stale deleted",
        ", ".join(layout.buckets),
        uploaded_files,
        uploaded_bytes,
        skipped_files,
        deleted_files,
    )
    return summary


def seed_generated(
    s3_client: Any,
    options: GeneratorOptions | None = None,
    *,
    layout: BucketLayout = COURSE_LAYOUT,
    region: str = COURSE_REGION,
    workers: int = 8,
    progress: bool = True,
    prune: bool = False,
) -> SeedSummary:
    """Generate the data set of `options` (the default: the course sample's size) and seed it."""
    options = options or GeneratorOptions()
    return seed_bucket(
        s3_client,
        iter_objects(options),
        total=options.object_count,
        layout=layout,
        region=region,
        workers=workers,
        progress=progress,
        prune=prune,
    )


def seed_from_directory(
    s3_client: Any,
    directory: Path | str,
    *,
    layout: BucketLayout = COURSE_LAYOUT,
    region: str = COURSE_REGION,
    workers: int = 8,
    progress: bool = True,
    prune: bool = False,
) -> SeedSummary:
    """Seed a folder in the bucket layout (e.g. the course's sample), after checking all of it.

    Raises LayoutError, before anything is uploaded, when the folder does not fit the layout (see
    `scan_data_folder`); top-level documents such as a README are left out.
    """
    files = scan_data_folder(directory)

    def bodies() -> Iterator[tuple[str, bytes]]:
        for data_file in files:
            yield data_file.key, data_file.path.read_bytes()

    return seed_bucket(
        s3_client,
        bodies(),
        total=len(files),
        layout=layout,
        region=region,
        workers=workers,
        progress=progress,
        prune=prune,
    )
