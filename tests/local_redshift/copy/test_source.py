"""Where COPY reads from: key prefixes, regions, manifests, compressed files."""

from __future__ import annotations

import bz2
import gzip
import io
import time

import orjson
import pytest

from local_redshift.copy import CopyError
from local_redshift.copy.source import FILES_AHEAD, S3Object, S3Source

COPY = "COPY numbers FROM '{source}' IAM_ROLE '{{role}}' FORMAT AS JSON 'auto' {options}"


@pytest.fixture
def numbers(harness):
    harness.execute("CREATE TABLE numbers (n integer, source varchar(40))")
    return harness


def copy(harness, source: str, options: str = "") -> int:
    return harness.copy(COPY.format(source=source, options=options))


def loaded(harness) -> list[tuple]:
    return harness.execute("SELECT n, source FROM numbers ORDER BY n")


def test_the_path_is_a_key_prefix_as_on_redshift(numbers):
    numbers.put("log_data/2018/a.json", [{"n": 1, "source": "log_data/2018/a"}])
    numbers.put("log_data/2018/b.json", [{"n": 2, "source": "log_data/2018/b"}])
    numbers.put("log_data_old/x.json", [{"n": 3, "source": "log_data_old/x"}])
    numbers.put("log_dat.json", [{"n": 4, "source": "not under the prefix"}])

    assert copy(numbers, "s3://{bucket}/log_data") == 3
    assert [row[1] for row in loaded(numbers)] == ["log_data/2018/a", "log_data/2018/b", "log_data_old/x"]


def test_many_files_load_in_key_order_whatever_the_fetch_order(numbers):
    for index in range(40):
        numbers.put(f"parts/part-{index:03d}.json", [{"n": index * 10 + row} for row in range(3)])
    assert copy(numbers, "s3://{bucket}/parts/") == 120
    assert [row[0] for row in numbers.execute("SELECT n FROM numbers")] == [
        index * 10 + row for index in range(40) for row in range(3)
    ]


def test_a_prefix_with_no_object_fails(numbers):
    numbers.put("log_data/a.json", [{"n": 1}])
    with pytest.raises(CopyError) as failed:
        copy(numbers, "s3://{bucket}/song_data")
    assert (failed.value.sqlstate, failed.value.message) == (
        "XX000",
        "The specified S3 prefix 'song_data' does not exist",
    )
    assert "code:      8001" in failed.value.detail


def test_a_missing_bucket_fails(numbers):
    with pytest.raises(CopyError, match="S3ServiceException:The specified bucket does not exist,Status 404"):
        copy(numbers, "s3://no-such-bucket-anywhere/x")


def test_region_must_match_the_bucket(numbers):
    numbers.put("a.json", [{"n": 1}])
    with pytest.raises(CopyError) as wrong_region:
        copy(numbers, "s3://{bucket}/a.json", "REGION 'eu-west-1'")
    assert wrong_region.value.message == (
        "S3ServiceException:The bucket you are attempting to access must be addressed using the specified endpoint. "
        "Please send all future requests to this endpoint.,Status 301,Error PermanentRedirect"
    )
    assert copy(numbers, "s3://{bucket}/a.json", "REGION 'us-west-2'") == 1


def test_without_region_the_bucket_must_be_in_the_cluster_region(numbers):
    numbers.put("a.json", [{"n": 1}])
    with pytest.raises(CopyError) as elsewhere:
        numbers.copy(COPY.format(source="s3://{bucket}/a.json", options=""), region="us-east-1")
    assert elsewhere.value.message == (
        "S3ServiceException:The S3 bucket addressed by the query is in a different region from this cluster."
        ",Status 301,Error PermanentRedirect"
    )
    east = numbers.make_bucket(region="us-east-1")
    numbers.put("a.json", [{"n": 2}], bucket=east)
    assert numbers.copy(COPY.format(source=f"s3://{east}/a.json", options=""), region="us-east-1") == 1


def test_manifest_lists_the_files_across_buckets(numbers):
    other = numbers.make_bucket()
    first = numbers.put("data/one.json", [{"n": 1}])
    second = numbers.put("two.json", [{"n": 2}], bucket=other)
    numbers.put("data/not-listed.json", [{"n": 3}])
    numbers.put(
        "load.manifest",
        orjson.dumps(
            {
                "entries": [
                    {"url": first, "mandatory": True},
                    {"url": second},
                    {"url": first.replace("one", "gone"), "mandatory": False},
                ]
            }
        ),
    )

    assert copy(numbers, "s3://{bucket}/load.manifest", "MANIFEST") == 2
    assert [row[0] for row in loaded(numbers)] == [1, 2]


def test_manifest_missing_mandatory_file_fails(numbers):
    numbers.put(
        "load.manifest", orjson.dumps({"entries": [{"url": f"s3://{numbers.bucket}/gone.json", "mandatory": True}]})
    )
    with pytest.raises(CopyError) as failed:
        copy(numbers, "s3://{bucket}/load.manifest", "MANIFEST")
    assert failed.value.message == "S3ServiceException:The specified key does not exist.,Status 404,Error NoSuchKey"


@pytest.mark.parametrize(
    "body, message",
    [
        (None, "Problem reading manifest file - S3ServiceException:The specified key does not exist."),
        (b'{"entries": [', "Manifest file is not in correct json format"),
        (b'{"files": []}', "Manifest file is not in correct json format"),
        (b'{"entries": []}', "No files found to load from manifest"),
    ],
)
def test_manifest_problems(numbers, body, message):
    if body is not None:
        numbers.put("load.manifest", body)
    with pytest.raises(CopyError) as failed:
        copy(numbers, "s3://{bucket}/load.manifest", "MANIFEST")
    assert failed.value.message.startswith(message)


@pytest.mark.parametrize("option, compress", [("GZIP", gzip.compress), ("BZIP2", bz2.compress)])
def test_compressed_files(numbers, option, compress):
    numbers.put("data/a.json.gz", compress(b'{"n": 1}\n{"n": 2}'))
    numbers.put("data/b.json.gz", compress(b'{"n": 3}'))
    assert copy(numbers, "s3://{bucket}/data/", option) == 3


def test_a_file_that_is_not_gzip_fails(numbers):
    numbers.put("data/a.json", b'{"n": 1}')
    with pytest.raises(CopyError, match=r"gzip: .* \(in s3://.*/data/a\.json\)"):
        copy(numbers, "s3://{bucket}/data/", "GZIP")
    assert loaded(numbers) == []


def test_fetching_stays_a_bounded_number_of_files_ahead_of_the_loader():
    class CountingClient:
        """Stands in for the S3 client: counts bodies handed out and not yet consumed."""

        def __init__(self) -> None:
            self.fetched = 0

        def get_bucket_location(self, Bucket: str) -> dict:
            return {"LocationConstraint": "us-west-2"}

        def get_object(self, Bucket: str, Key: str) -> dict:
            self.fetched += 1
            return {"Body": io.BytesIO(Key.encode())}

    client = CountingClient()
    source = S3Source(client, region="us-west-2", region_given=True, permissions=_AllowEverything(), query_id=1)
    files = [S3Object("b", f"part-{index:03d}") for index in range(100)]
    consumed = 0
    for location, body in source.fetch(files, compression=None):
        consumed += 1
        assert body == location.key.encode()
        assert client.fetched - consumed <= FILES_AHEAD
        time.sleep(0.001)
    assert consumed == 100


class _AllowEverything:
    def require(self, action: str, bucket: str, key: str | None = None) -> None:
        return None
