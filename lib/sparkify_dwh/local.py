"""The tutorial's view of the local stand-in: where it keeps its state, which ports it uses, and its data."""

from __future__ import annotations

from typing import Any

from local_redshift.stack import LocalStack, StackSettings
from sparkify_dwh import aws
from sparkify_dwh.config import Config
from sparkify_dwh.sampledata import BucketLayout, GeneratorOptions, SeedSummary, seed_generated


def stack(config: Config) -> LocalStack:
    """The local stack configured by `dwh.cfg`'s [LOCAL] section."""
    return LocalStack(
        StackSettings(
            state_dir=config.local.state_dir,
            aws_port=config.local.aws_port,
            postgres_port=config.local.postgres_port,
            endpoint_port=config.dwh.port,
        )
    )


def layout(config: Config) -> BucketLayout:
    """The bucket layout named by `dwh.cfg`'s [S3] URIs."""
    return BucketLayout.from_uris(
        song_data=config.s3.song_data, log_data=config.s3.log_data, log_jsonpath=config.s3.log_jsonpath
    )


def bucket_is_empty(s3: Any, places: BucketLayout) -> bool:
    """True when the data bucket is missing or holds nothing under the song and log prefixes."""
    for location in (places.song_data, places.log_data):
        try:
            if s3.list_objects_v2(Bucket=location.bucket, Prefix=location.key, MaxKeys=1).get("KeyCount"):
                return False
        except s3.exceptions.NoSuchBucket:
            return True
    return True


def seed_default(config: Config, progress: bool = True) -> SeedSummary | None:
    """Seed the generated sample data when the bucket is empty (so `local up` leaves a ready bucket)."""
    s3, places = aws.client(config, "s3", config.s3.region), layout(config)
    if not bucket_is_empty(s3, places):
        return None
    return seed_generated(s3, GeneratorOptions(), layout=places, region=config.s3.region, progress=progress)
