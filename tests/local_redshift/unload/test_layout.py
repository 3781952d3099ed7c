"""Which files UNLOAD writes and what is in them (no server): names, shares of slices, parts, formats, manifest."""

from __future__ import annotations

import gzip
import io
import json

import pyarrow.parquet as pq
import pytest

from local_redshift.copy.options import IamRole
from local_redshift.unload.columns import ResultColumn
from local_redshift.unload.errors import UnloadError
from local_redshift.unload.layout import data_files
from local_redshift.unload.manifest import manifest
from local_redshift.unload.options import Format, UnloadOptions

INT = ResultColumn("id", "int4", "integer")
NAME = ResultColumn("name", "varchar", "character varying(25)")
STATE = ResultColumn("state", "bpchar", "character(2)")
PRICE = ResultColumn("price", "numeric", "numeric(8,2)")
ROWS = [("1", "Akron", "OH"), ("2", "Columbus", "OH"), ("4", "Kansas City", "KS")]


def _options(**given) -> UnloadOptions:
    return UnloadOptions(query="select 1", destination="s3://b/p_", authorization=IamRole(None), **given)


def _files(rows=ROWS, columns=(INT, NAME, STATE), slices=2, **given) -> dict[str, bytes]:
    return {file.name: file.body for file in data_files(_options(**given), list(columns), rows, slices)}


def test_parallel_names_per_slice_and_serial_names():
    # TO: <name-prefix><slice-number>_part_<part-number>; PARALLEL OFF: key000, key001 (the PARALLEL parameter).
    assert _files(slices=4) == {
        "0000_part_00": b"1|Akron|OH\n",
        "0001_part_00": b"2|Columbus|OH\n",
        "0002_part_00": b"4|Kansas City|KS\n",
    }  # a slice without rows writes nothing
    assert _files(parallel=False) == {"000": b"1|Akron|OH\n2|Columbus|OH\n4|Kansas City|KS\n"}


def test_maxfilesize_starts_new_parts():
    # MAXFILESIZE: the maximum size of files; a new part once a file would pass it (the header in each part).
    files = _files(parallel=False, max_file_size=24, header=True)
    assert files == {"000": b"id|name|state\n1|Akron|OH\n", "001": b"id|name|state\n2|Columbus|OH\n",
                     "002": b"id|name|state\n4|Kansas City|KS\n"}  # fmt: skip
    assert sorted(_files(max_file_size=24)) == ["0000_part_00", "0000_part_01", "0001_part_00"]


@pytest.mark.parametrize(
    ("given", "name"),
    [
        ({"compression": "gzip"}, "000.gz"),
        ({"compression": "bzip2"}, "000.bz2"),
        ({"compression": "zstd"}, "000.zst"),
        ({"compression": "gzip", "extension": "txt.gz"}, "000.txt.gz"),
        ({"extension": ".csv", "format": Format.CSV}, "000.csv"),
        ({"format": Format.PARQUET}, "000.parquet"),
        ({}, "000"),
    ],
)
def test_extensions(given, name):
    assert list(_files(parallel=False, **given)) == [name]


def test_gzip_compresses_the_text():
    [body] = _files(parallel=False, compression="gzip").values()
    assert gzip.decompress(body) == b"1|Akron|OH\n2|Columbus|OH\n4|Kansas City|KS\n"


def test_copy_reads_the_zstd_files_unload_writes():
    from local_redshift.copy.source import _DECOMPRESSORS

    [body] = _files(parallel=False, compression="zstd").values()
    assert body[:4] == bytes.fromhex("28b52ffd")  # a Zstandard frame
    assert _DECOMPRESSORS["zstd"](body) == b"1|Akron|OH\n2|Columbus|OH\n4|Kansas City|KS\n"


def test_partitions_are_hive_folders():
    rows = [("1", "Akron", "OH"), ("4", "Kansas City", None)]
    assert _files(rows, parallel=False, partition_by=("state",)) == {
        "state=OH/000": b"1|Akron\n",
        "state=__HIVE_DEFAULT_PARTITION__/000": b"4|Kansas City\n",
    }
    assert _files(rows, parallel=False, partition_by=("state",), partition_include=True)["state=OH/000"] == (
        b"1|Akron|OH\n"
    )
    # "following the Apache Hive convention": Hive writes such characters of a value as %XX in the folder's name.
    at = [("1", "2008-01-04 10:11:12", "a/b")]
    assert list(_files(at, parallel=False, partition_by=("name", "state"))) == [
        "name=2008-01-04 10%3A11%3A12/state=a%2Fb/000"
    ]
    with pytest.raises(UnloadError, match="at least one column that is not a partition column"):
        _files([("OH",)], columns=(STATE,), partition_by=("state",))
    with pytest.raises(UnloadError, match='PARTITION BY column "nope"'):
        _files(partition_by=("nope",))


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # Delimited text: nulls as empty strings, or the NULL AS string (the NULL AS parameter).
        ({}, b"1||\n"),
        ({"null_as": "fred"}, b"1|fred|fred\n"),
        ({"add_quotes": True}, b'"1"||\n'),
        ({"format": Format.CSV, "null_as": ""}, b"1,,\n"),
        ({"format": Format.JSON}, b'{"id":1,"name":null,"state":null}\n'),
        # Fixed-width: nulls as blanks; a NULL AS wider than a non-character column gives an empty field.
        ({"format": Format.FIXEDWIDTH, "fixed_widths": (("id", 2), ("name", 3), ("state", 2))}, b"1      \n"),
    ],
)
def test_nulls(given, expected):
    assert list(_files([("1", None, None)], parallel=False, **given).values()) == [expected]


def test_a_null_as_wider_than_a_character_column_is_an_error():
    # NULL AS: "An error is reported for character columns" when the width is less than the null string's.
    with pytest.raises(UnloadError, match="wider than the FIXEDWIDTH width 2 of state"):
        _files(parallel=False, format=Format.FIXEDWIDTH, fixed_widths=(("a", 1), ("b", 5), ("c", 2)), null_as="fred")


def test_escape_marks_the_special_characters_of_character_columns_only():
    # ESCAPE: before linefeed, carriage return, the delimiter, the escape character, and " with ADDQUOTES.
    rows = [("1", 'a|b\\c\nd\re"f', "OH")]
    assert _files(rows, parallel=False, escape=True)["000"] == b'1|a\\|b\\\\c\\\nd\\\re"f|OH\n'
    assert _files(rows, parallel=False, escape=True, add_quotes=True)["000"] == (
        b'"1"|"a\\|b\\\\c\\\nd\\\re\\"f"|"OH"\n'
    )


def test_csv_header_and_quoting():
    rows = [("2", 'Columbus "Crew" Stadium', "OH"), ("4", "Community, Ballpark, Arena", "KS")]
    assert _files(rows, parallel=False, format=Format.CSV, header=True)["000"] == (
        b'id,name,state\n2,"Columbus ""Crew"" Stadium",OH\n4,"Community, Ballpark, Arena",KS\n'
    )


def test_json_needs_unique_column_names():
    with pytest.raises(UnloadError, match="unique name for each column"):
        _files(columns=(INT, INT, STATE), format=Format.JSON)


def test_parquet_types_follow_the_columns():
    rows = [("1", "Akron", "12.50"), ("2", None, None)]
    [body] = _files(rows, columns=(INT, NAME, PRICE), parallel=False, format=Format.PARQUET).values()
    table = pq.read_table(io.BytesIO(body))
    assert [str(field.type) for field in table.schema] == ["int32", "string", "decimal128(8, 2)"]
    assert table.to_pylist()[1] == {"id": 2, "name": None, "price": None}
    assert pq.ParquetFile(io.BytesIO(body)).metadata.format_version == "1.0"


def test_parquet_maxfilesize_is_rounded_down_to_whole_32_mb_row_groups():
    # FORMAT AS PARQUET usage notes: "MAXFILESIZE 200 MB ... each Parquet file unloaded is approximately 192 MB".
    rows = [("1", "x" * 1000, "OH")] * 2
    assert len(_files(rows, parallel=False, format=Format.PARQUET, max_file_size=1500)) == 1  # at least one group
    assert len(_files(rows, parallel=False, max_file_size=1500)) == 2


def test_manifest_verbose():
    # "Unload VENUE with MANIFEST VERBOSE": entries with content_length and record_count, schema, meta, author.
    files = list(data_files(_options(header=True), [INT, NAME, PRICE], [("1", "a", "1.00")], 2))
    document = json.loads(manifest("s3://b/p_", files, [INT, NAME, PRICE], verbose=True))
    assert document == {
        # 23 bytes: the header line "id|name|price\n" (14) and the row "1|a|1.00\n" (9)
        "entries": [{"url": "s3://b/p_0000_part_00", "meta": {"content_length": 23, "record_count": 2}}],
        "schema": {
            "elements": [
                {"name": "id", "type": {"base": "integer"}},
                {"name": "name", "type": {"base": "character varying", "length": 25}},
                {"name": "price", "type": {"base": "numeric", "precision": 8, "scale": 2}},
            ]
        },
        "meta": {"content_length": 23, "record_count": 2},
        "author": {"name": "Amazon Redshift", "version": "1.0.0"},
    }
    assert json.loads(manifest("s3://b/p_", files, [], verbose=False)) == {
        "entries": [{"url": "s3://b/p_0000_part_00"}]
    }
