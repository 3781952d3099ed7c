"""The data files of a COPY on S3: which objects, in which order, and their bytes.

A FROM path is a key prefix: every object whose key starts with it is loaded, in key order (the order
S3 lists them), so 's3://b/log_data' also takes 'log_data_old/x'. With MANIFEST the FROM object lists
the files instead. Buckets must be in the COPY's region (REGION, else the cluster's). Objects are
fetched by a small thread pool a few files ahead of the loader, so memory holds a bounded number
of files whatever the size of the load.
"""

from __future__ import annotations

import bz2
import gzip
import logging
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import chain
from typing import Any

import orjson
import pyarrow as pa
from botocore.exceptions import BotoCoreError, ClientError

from local_redshift.copy.authorization import S3Permissions
from local_redshift.copy.errors import CopyError, aws_error

log = logging.getLogger(__name__)

FETCH_THREADS = 8
FILES_AHEAD = 8
_LEGACY_LOCATIONS = {None: "us-east-1", "": "us-east-1", "EU": "eu-west-1"}


def _zstd_decompress(body: bytes) -> bytes:
    """A Zstandard file's bytes (pyarrow's codec, which UNLOAD's ZSTD writes with too)."""
    return pa.CompressedInputStream(pa.BufferReader(body), "zstd").read()


_DECOMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    "gzip": gzip.decompress,
    "bzip2": bz2.decompress,
    "zstd": _zstd_decompress,
}


@dataclass(frozen=True)
class S3Object:
    """One object (or key prefix) on S3."""

    bucket: str
    key: str

    @classmethod
    def parse(cls, url: str) -> S3Object:
        bucket, _, key = url.removeprefix("s3://").partition("/")
        if not url.startswith("s3://") or not bucket:
            raise CopyError(f"Invalid S3 URL '{url}': expected s3://bucket/key")
        return cls(bucket, key)

    @property
    def url(self) -> str:
        return f"s3://{self.bucket}/{self.key}"


class S3Source:
    """Reads a COPY's objects with the `aws("s3", region)` client, checking regions and permissions."""

    def __init__(
        self, client: Any, *, region: str, region_given: bool, permissions: S3Permissions, query_id: int
    ) -> None:
        self._client = client
        self._region = region
        self._region_given = region_given
        self._permissions = permissions
        self._query_id = query_id
        self._checked_buckets: set[str] = set()
        self.sizes: dict[S3Object, int] = {}
        """The bytes of each object listed or found so far, as S3 gives them."""

    def data_files(self, url: str, *, manifest: bool) -> Iterator[S3Object]:
        """The files to load, in order; fails when there is none."""
        location = S3Object.parse(url)
        return self._manifest_entries(location) if manifest else self._prefix(location)

    def read(self, location: S3Object, *, context: str | None = None) -> bytes:
        """The whole body of one object."""
        self._check_bucket(location.bucket)
        self._permissions.require("s3:GetObject", location.bucket, location.key)
        try:
            return self._client.get_object(Bucket=location.bucket, Key=location.key)["Body"].read()
        except ClientError as error:
            raise self._s3_error(error, context or f"S3 key: {location.url}") from None
        except BotoCoreError as error:
            raise aws_error(f"S3ServiceException:{error}", context=location.url, query_id=self._query_id) from None

    def fetch(self, files: Iterable[S3Object], *, compression: str | None) -> Iterator[tuple[S3Object, bytes]]:
        """Each file with its (decompressed) bytes, in order, fetched concurrently a few files ahead."""
        decompress = _DECOMPRESSORS.get(compression or "")

        def load(location: S3Object) -> bytes:
            body = self.read(location)
            return _decompressed(body, decompress, compression, location) if decompress else body

        pending: deque[tuple[S3Object, Future[bytes]]] = deque()
        remaining = iter(files)
        with ThreadPoolExecutor(max_workers=FETCH_THREADS, thread_name_prefix="copy-s3") as pool:
            try:
                for location in remaining:
                    pending.append((location, pool.submit(load, location)))
                    if len(pending) >= FILES_AHEAD:
                        break
                while pending:
                    location, future = pending.popleft()
                    body = future.result()
                    following = next(remaining, None)
                    if following is not None:
                        pending.append((following, pool.submit(load, following)))
                    yield location, body
            finally:
                for _, future in pending:
                    future.cancel()

    def _prefix(self, prefix: S3Object) -> Iterator[S3Object]:
        self._check_bucket(prefix.bucket)
        self._permissions.require("s3:ListBucket", prefix.bucket)
        listed = self._listing(prefix)
        first = next(listed, None)
        if first is None:
            message = f"The specified S3 prefix '{prefix.key}' does not exist"
            raise aws_error(message, context=prefix.url, query_id=self._query_id)
        return chain([first], listed)

    def _listing(self, prefix: S3Object) -> Iterator[S3Object]:
        try:
            for page in self._client.get_paginator("list_objects_v2").paginate(Bucket=prefix.bucket, Prefix=prefix.key):
                for item in page.get("Contents", []):
                    found = S3Object(prefix.bucket, item["Key"])
                    self.sizes[found] = int(item.get("Size", 0))
                    yield found
        except ClientError as error:
            raise self._s3_error(error, f"Listing bucket={prefix.bucket} prefix={prefix.key}") from None

    def _manifest_entries(self, manifest: S3Object) -> Iterator[S3Object]:
        try:
            body = self.read(manifest, context=f"Manifest file: {manifest.url}")
        except CopyError as error:
            raise CopyError(f"Problem reading manifest file - {error.message}", detail=error.detail) from None
        entries = _parse_manifest(body, manifest.url)
        found: list[S3Object] = []
        for url, mandatory in entries:
            location = S3Object.parse(url)
            if self._exists(location):
                found.append(location)
            elif mandatory:
                raise aws_error(
                    "S3ServiceException:The specified key does not exist.,Status 404,Error NoSuchKey",
                    context=f"Manifest entry {url} is mandatory",
                    query_id=self._query_id,
                )
            else:
                log.info("manifest %s: skipping missing optional entry %s", manifest.url, url)
        if not found:
            raise aws_error(
                f"No files found to load from manifest {manifest.url}", context=manifest.url, query_id=self._query_id
            )
        return iter(found)

    def _exists(self, location: S3Object) -> bool:
        self._check_bucket(location.bucket)
        self._permissions.require("s3:GetObject", location.bucket, location.key)
        try:
            head = self._client.head_object(Bucket=location.bucket, Key=location.key)
        except ClientError as error:
            if error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") == 404:
                return False
            raise self._s3_error(error, f"S3 key: {location.url}") from None
        self.sizes[location] = int(head.get("ContentLength", 0))
        return True

    def _check_bucket(self, bucket: str) -> None:
        """The bucket exists and is in the COPY's region."""
        if bucket in self._checked_buckets:
            return
        try:
            location = self._client.get_bucket_location(Bucket=bucket).get("LocationConstraint")
        except ClientError as error:
            raise self._s3_error(error, f"Bucket: {bucket}") from None
        bucket_region = _LEGACY_LOCATIONS.get(location, location)
        if bucket_region != self._region:
            message = (
                "The bucket you are attempting to access must be addressed using the specified endpoint. "
                "Please send all future requests to this endpoint."
                if self._region_given
                else "The S3 bucket addressed by the query is in a different region from this cluster."
            )
            raise aws_error(
                f"S3ServiceException:{message},Status 301,Error PermanentRedirect",
                context=f"Bucket {bucket} is in {bucket_region}, COPY reads from {self._region}",
                query_id=self._query_id,
            )
        self._checked_buckets.add(bucket)

    def _s3_error(self, error: ClientError, context: str) -> CopyError:
        details = error.response.get("Error", {})
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", "")
        message = details.get("Message") or details.get("Code") or str(error)
        if details.get("Code") == "NoSuchKey":
            message = "The specified key does not exist."
        return aws_error(
            f"S3ServiceException:{message},Status {status},Error {details.get('Code', '')}",
            context=context,
            query_id=self._query_id,
        )


def _parse_manifest(body: bytes, url: str) -> list[tuple[str, bool]]:
    """The (url, mandatory) entries of a manifest file."""
    malformed = CopyError(f"Manifest file is not in correct json format: {url}")
    try:
        document = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise malformed from None
    entries = document.get("entries") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise malformed
    parsed: list[tuple[str, bool]] = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
            raise malformed
        if not entry["url"].startswith("s3://"):
            raise CopyError(f"Manifest entry '{entry['url']}' is not an s3:// URL: {url}")
        parsed.append((entry["url"], entry.get("mandatory") is True))
    return parsed


def _decompressed(
    body: bytes, decompress: Callable[[bytes], bytes], compression: str | None, location: S3Object
) -> bytes:
    try:
        return decompress(body)
    except (OSError, EOFError, ValueError, zlib.error) as error:
        raise CopyError(f"{compression}: {error} (in {location.url})") from None
