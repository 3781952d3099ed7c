"""Sample data in the layout of the course bucket `s3://udacity-dend`, generated, and seeded into an S3 bucket.

    from sparkify_dwh.sampledata import BucketLayout, GeneratorOptions, seed_generated
    layout = BucketLayout.from_uris(song_data=..., log_data=..., log_jsonpath=...)   # dwh.cfg's [S3] URIs
    seed_generated(s3_client, GeneratorOptions(scale=2), layout=layout)

Modules: `options` (what to generate), `vocabulary` and `names` (invented words), `songs` (the catalog), `users`
(the listeners), `events` (sessions and log files), `generator` (the whole data set), `layout` (keys, URIs and
folder checks), `json_files` (JSON data files read in bounded memory), `seeding` (upload to S3).
"""

from sparkify_dwh.sampledata.generator import iter_objects, write_tree
from sparkify_dwh.sampledata.json_files import iter_json_objects, read_json_objects
from sparkify_dwh.sampledata.layout import (
    COURSE_LAYOUT,
    BucketLayout,
    DataFile,
    LayoutError,
    S3Location,
    parse_s3_uri,
    scan_data_folder,
)
from sparkify_dwh.sampledata.options import GeneratorOptions
from sparkify_dwh.sampledata.seeding import (
    COURSE_REGION,
    SeedError,
    SeedSummary,
    ensure_buckets,
    seed_bucket,
    seed_from_directory,
    seed_generated,
)

__all__ = [
    "COURSE_LAYOUT",
    "COURSE_REGION",
    "BucketLayout",
    "DataFile",
    "GeneratorOptions",
    "LayoutError",
    "S3Location",
    "SeedError",
    "SeedSummary",
    "ensure_buckets",
    "iter_json_objects",
    "iter_objects",
    "parse_s3_uri",
    "read_json_objects",
    "scan_data_folder",
    "seed_bucket",
    "seed_from_directory",
    "seed_generated",
    "write_tree",
]
