"""Seeding a moto S3 server: buckets created, uploads concurrent and idempotent, folders checked first."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sparkify_dwh.sampledata import (
    BucketLayout,
    GeneratorOptions,
    LayoutError,
    SeedError,
    iter_objects,
    seed_bucket,
    seed_from_directory,
    seed_generated,
    write_tree,
)

Listing = Callable[[str], dict[str, str]]
SMALL = GeneratorOptions(scale=0.2)


def test_generated_data_lands_under_the_configured_keys_in_a_new_us_west_2_bucket(
    s3_client: Any, fresh_layout: BucketLayout, bucket_listing: Listing
) -> None:
    bucket = fresh_layout.song_data.bucket
    summary = seed_generated(s3_client, SMALL, layout=fresh_layout, progress=False)
    expected = {key: hashlib.md5(body).hexdigest() for key, body in iter_objects(SMALL)}
    assert {key: etag.strip('"') for key, etag in bucket_listing(bucket).items()} == expected
    assert summary.uploaded_files == SMALL.object_count and summary.skipped_files == 0
    assert summary.uploaded_bytes == sum(len(body) for _, body in iter_objects(SMALL))
    assert s3_client.get_bucket_location(Bucket=bucket)["LocationConstraint"] == "us-west-2"


def test_seeding_twice_uploads_nothing_and_leaves_the_same_objects(
    s3_client: Any, fresh_layout: BucketLayout, bucket_listing: Listing
) -> None:
    first = seed_generated(s3_client, SMALL, layout=fresh_layout, progress=False, workers=4)
    before = bucket_listing(fresh_layout.song_data.bucket)
    second = seed_generated(s3_client, SMALL, layout=fresh_layout, progress=False, workers=4)
    assert bucket_listing(fresh_layout.song_data.bucket) == before
    assert (second.uploaded_files, second.skipped_files) == (0, first.uploaded_files)
    assert second.skipped_bytes == first.uploaded_bytes


def test_changed_objects_are_uploaded_again_and_prune_removes_stale_ones(
    s3_client: Any, fresh_layout: BucketLayout, bucket_listing: Listing
) -> None:
    bucket = fresh_layout.song_data.bucket
    seed_generated(s3_client, GeneratorOptions(scale=0.3), layout=fresh_layout, progress=False)
    s3_client.put_object(Bucket=bucket, Key="elsewhere/keep.txt", Body=b"not ours")
    larger = set(bucket_listing(bucket))
    summary = seed_generated(s3_client, SMALL, layout=fresh_layout, progress=False, prune=True)
    expected = {key for key, _ in iter_objects(SMALL)}
    assert set(bucket_listing(bucket)) == expected | {"elsewhere/keep.txt"}
    assert summary.deleted_files == len(larger - expected - {"elsewhere/keep.txt"}) > 0
    assert summary.uploaded_files > 0  # the day files differ: fewer users, fewer songs to play


def test_prefixes_come_from_the_configured_uris(
    s3_client: Any, fresh_layout: BucketLayout, bucket_listing: Listing
) -> None:
    bucket = fresh_layout.song_data.bucket
    layout = BucketLayout.from_uris(
        song_data=f"s3://{bucket}/in/songs", log_data=f"s3://{bucket}/in/logs", log_jsonpath=f"s3://{bucket}/paths.json"
    )
    seed_bucket(s3_client, iter_objects(SMALL), layout=layout, progress=False)
    keys = bucket_listing(bucket)
    assert "paths.json" in keys
    assert sum(key.startswith("in/songs/") for key in keys) == SMALL.song_file_count
    assert sum(key.startswith("in/logs/") for key in keys) == SMALL.day_count


def test_the_course_sample_loads_under_the_same_keys(
    s3_client: Any, fresh_layout: BucketLayout, bucket_listing: Listing, udacity_sample: Path
) -> None:
    summary = seed_from_directory(s3_client, udacity_sample, layout=fresh_layout, progress=False)
    keys = set(bucket_listing(fresh_layout.song_data.bucket))
    on_disk = {path.relative_to(udacity_sample).as_posix() for path in udacity_sample.rglob("*.json")}
    assert len(keys) == summary.uploaded_files == 102
    assert keys == on_disk
    body = s3_client.get_object(Bucket=fresh_layout.song_data.bucket, Key="log_json_path.json")["Body"].read()
    assert body == (udacity_sample / "log_json_path.json").read_bytes()


@pytest.mark.parametrize(
    ("path", "content", "message"),
    [
        ("log_data/2018/11/2018-11-05-events.json", "{not json", "log_data/2018/11/2018-11-05-events.json: not JSON"),
        ("log_data/2018/11/notes.md", "# notes", "log_data/2018/11/notes.md: does not fit the layout"),
        ("song_data/extra.json", "{}", "song_data/extra.json: does not fit the layout"),
    ],
)
def test_a_bad_folder_is_refused_before_anything_is_uploaded(
    s3_client: Any, fresh_layout: BucketLayout, tmp_path: Path, path: str, content: str, message: str
) -> None:
    write_tree(tmp_path, SMALL)
    (tmp_path / path).write_text(content)
    with pytest.raises(LayoutError, match=message):
        seed_from_directory(s3_client, tmp_path, layout=fresh_layout, progress=False)
    listing = s3_client.list_buckets()["Buckets"]
    assert fresh_layout.song_data.bucket not in {bucket["Name"] for bucket in listing}


def test_a_seeding_that_fails_part_way_says_what_it_left(
    s3_client: Any, fresh_layout: BucketLayout, bucket_listing: Listing, tmp_path: Path
) -> None:
    write_tree(tmp_path, SMALL)
    files = [(key, tmp_path / key) for key, _ in iter_objects(SMALL)]
    files[5][1].unlink()  # gone between the check and the upload
    with pytest.raises(
        SeedError, match=r"stopped after \d+ uploaded files \(0 were already there; nothing was deleted\)"
    ):
        seed_bucket(s3_client, files, layout=fresh_layout, progress=False, prune=True, workers=1)
    uploaded = set(bucket_listing(fresh_layout.song_data.bucket))
    assert uploaded <= {key for key, _ in files[:5]}
