"""Uploading a data set to S3: buckets created when missing, files uploaded concurrently, unchanged ones skipped.

Seeding twice leaves the same objects: an object already there with the same size and MD5 (its ETag, for a
single-part upload) is not sent again. With `prune`, objects under the three prefixes that are not part of the
data set (left by an earlier, larger seeding) are deleted, so that the bucket holds exactly the data set.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError
from tqdm.auto import tqdm

from sparkify_dwh.sampledata.generator import iter_objects
from sparkify_dwh.sampledata.layout import COURSE_LAYOUT, BucketLayout, S3Location, scan_data_folder
from sparkify_dwh.sampledata.options import GeneratorOptions

log = logging.getLogger(__name__)

COURSE_REGION = "us-west-2"
DELETE_BATCH = 1000
READ_CHUNK = 1024 * 1024
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


class SeedError(RuntimeError):
    """A seeding stopped part way; the message says what the bucket holds now and what to do."""


Body = bytes | Path
"""An object's content: bytes in memory (generated), or a file streamed from disk (`seed --from`)."""


def _fingerprint(body: Body) -> tuple[int, str]:
    """Size and MD5 (the ETag of a single-part upload), reading a file a chunk at a time."""
    digest = hashlib.md5(usedforsecurity=False)
    if isinstance(body, bytes):
        digest.update(body)
        return len(body), digest.hexdigest()
    with body.open("rb") as stream:
        while chunk := stream.read(READ_CHUNK):
            digest.update(chunk)
    return body.stat().st_size, digest.hexdigest()


def _put(s3_client: Any, target: S3Location, body: Body, size: int) -> int:
    """One PUT (a single part, so that the ETag stays the MD5); a file is streamed, never read whole."""
    if isinstance(body, bytes):
        s3_client.put_object(Bucket=target.bucket, Key=target.key, Body=body, ContentType="application/json")
        return size
    with body.open("rb") as stream:
        s3_client.put_object(
            Bucket=target.bucket, Key=target.key, Body=stream, ContentLength=size, ContentType="application/json"
        )
    return size


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
    objects: Iterable[tuple[str, Body]],
    *,
    total: int | None = None,
    layout: BucketLayout = COURSE_LAYOUT,
    region: str = COURSE_REGION,
    workers: int = 8,
    progress: bool = True,
    prune: bool = False,
) -> SeedSummary:
    """Upload (relative key, body) pairs where `layout` puts them, `workers` at a time, skipping unchanged ones.

    `objects` is consumed lazily (at most a few bodies per worker are held; a file body is streamed), so a data set
    of any size can be seeded; `total`, when known, sizes the progress bar. Missing buckets are created in `region`.
    When an upload fails, SeedError says how many files were uploaded and that nothing was deleted yet.
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
        submitted: list[Future[int]] = []

        def collect(done: Iterable[Future[int]]) -> None:
            nonlocal uploaded_files, uploaded_bytes
            for future in done:
                uploaded_bytes += future.result()
                uploaded_files += 1
                bar.update()

        try:
            for key, body in objects:
                target = layout.locate(key)
                seen.add(target)
                fingerprint = _fingerprint(body)
                if existing.get(target) == fingerprint:
                    skipped_files += 1
                    skipped_bytes += fingerprint[0]
                    bar.update()
                    continue
                if len(pending) >= 2 * workers:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    collect(done)
                future = pool.submit(_put, s3_client, target, body, fingerprint[0])
                pending.add(future)
                submitted.append(future)
            collect(wait(pending).done)
        except (BotoCoreError, ClientError, OSError) as error:
            for future in pending:
                future.cancel()
            wait(pending)
            uploaded_files = sum(1 for f in submitted if not f.cancelled() and f.exception() is None)
            raise SeedError(
                f"seeding {', '.join(layout.buckets)} stopped after {uploaded_files} uploaded files "
                f"({skipped_files} were already there; nothing was deleted): {_first_line(error)}; "
                f"run the same command again to finish"
            ) from error
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


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


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

    return seed_bucket(
        s3_client,
        ((data_file.key, data_file.path) for data_file in files),
        total=len(files),
        layout=layout,
        region=region,
        workers=workers,
        progress=progress,
        prune=prune,
    )
