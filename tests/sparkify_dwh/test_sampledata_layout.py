"""S3 URIs, the mapping of keys onto the configured prefixes, and the check of a data folder."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest

from sparkify_dwh.sampledata import (
    COURSE_LAYOUT,
    BucketLayout,
    GeneratorOptions,
    LayoutError,
    S3Location,
    iter_json_objects,
    parse_s3_uri,
    read_json_objects,
    scan_data_folder,
    write_tree,
)
from sparkify_dwh.sampledata.layout import jsonpaths_document


@pytest.mark.parametrize(
    ("uri", "location"),
    [
        ("s3://udacity-dend/log_data", S3Location("udacity-dend", "log_data")),
        ("s3://udacity-dend/log_data/", S3Location("udacity-dend", "log_data")),
        ("s3://my.bucket-1/a/b/log_json_path.json", S3Location("my.bucket-1", "a/b/log_json_path.json")),
        ("s3://udacity-dend", S3Location("udacity-dend", "")),
    ],
)
def test_parse_s3_uri(uri: str, location: S3Location) -> None:
    assert parse_s3_uri(uri) == location


@pytest.mark.parametrize("uri", ["udacity-dend/log_data", "s3:/x/y", "http://udacity-dend/x", "s3://UPPER/x", ""])
def test_parse_s3_uri_refuses_what_is_not_an_s3_uri(uri: str) -> None:
    with pytest.raises(ValueError, match="not an S3 URI"):
        parse_s3_uri(uri)


def test_layout_maps_relative_keys_onto_the_configured_prefixes() -> None:
    layout = BucketLayout.from_uris(
        song_data="s3://songs-bucket/raw/song_data",
        log_data="s3://events-bucket/log_data",
        log_jsonpath="s3://events-bucket/meta/paths.json",
    )
    assert layout.locate("song_data/A/B/C/TRABCDE12345678901.json") == S3Location(
        "songs-bucket", "raw/song_data/A/B/C/TRABCDE12345678901.json"
    )
    assert layout.locate("log_data/2018/11/2018-11-01-events.json").uri == (
        "s3://events-bucket/log_data/2018/11/2018-11-01-events.json"
    )
    assert layout.locate("log_json_path.json") == S3Location("events-bucket", "meta/paths.json")
    assert layout.buckets == ("songs-bucket", "events-bucket")
    assert COURSE_LAYOUT.buckets == ("udacity-dend",)
    with pytest.raises(LayoutError, match=r"README\.md: not a key of the data set"):
        layout.locate("README.md")


def test_jsonpaths_file_is_equivalent_to_the_course_one(udacity_sample: Path) -> None:
    assert json.loads(jsonpaths_document()) == json.loads((udacity_sample / "log_json_path.json").read_bytes())


def test_concatenated_objects_are_read_one_by_one() -> None:
    assert list(iter_json_objects(b'{"a": 1}{"a": 2}\n  {"a": 3}\n')) == [{"a": 1}, {"a": 2}, {"a": 3}]
    for body in (b"", b"  \n", b"[1, 2]", b'{"a": 1} 42', b'{"a": ', b"\xff\xfe"):
        with pytest.raises(ValueError):
            list(iter_json_objects(body))


def test_course_sample_passes_the_check_and_leaves_the_readme_out(udacity_sample: Path) -> None:
    files = scan_data_folder(udacity_sample)
    keys = [data_file.key for data_file in files]
    assert len(keys) == 102
    assert sum(key.startswith("song_data/") for key in keys) == 71
    assert sum(key.startswith("log_data/") for key in keys) == 30
    assert "log_json_path.json" in keys and "README.md" not in keys


@pytest.fixture
def data_folder(tmp_path: Path) -> Path:
    """A small generated folder in the layout, with a README beside the data."""
    write_tree(tmp_path, GeneratorOptions(scale=0.1))
    (tmp_path / "README.md").write_text("# sample\n")
    return tmp_path


@pytest.mark.parametrize(
    ("path", "content", "message"),
    [
        ("log_data/2018/11/notes.txt", "a note", "log_data/2018/11/notes.txt: does not fit the layout"),
        ("log_data/2018/11/2018-11-02-events.json", "not json", "log_data/2018/11/2018-11-02-events.json: not JSON"),
        ("log_data/2018/12/2018-11-03-events.json", "{}", "log_data/2018/12/2018-11-03-events.json: does not fit"),
        ("song_data/A/A/A/TRBBBXX12000000000.json", "{}", "TRBBBXX12000000000.json: does not fit the layout"),
        ("song_data/A/A/A/.DS_Store", "\x00", "song_data/A/A/A/.DS_Store: does not fit the layout"),
        ("extra.json", "{}", "extra.json: unexpected at the top level"),
        ("more_data/x.txt", "", "more_data: unexpected at the top level"),
        ("log_json_path.json", '{"paths": []}', "log_json_path.json: not a JSONPaths file"),
    ],
)
def test_a_file_out_of_the_layout_is_refused_naming_it(
    data_folder: Path, path: str, content: str, message: str
) -> None:
    (data_folder / path).parent.mkdir(parents=True, exist_ok=True)
    (data_folder / path).write_text(content)
    with pytest.raises(LayoutError, match=re.escape(message)):
        scan_data_folder(data_folder)


def test_a_folder_without_song_data_is_refused(data_folder: Path) -> None:
    shutil.rmtree(data_folder / "song_data")
    with pytest.raises(LayoutError, match="song_data: missing"):
        scan_data_folder(data_folder)


def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LayoutError, match="not a folder"):
        scan_data_folder(tmp_path / "nowhere")


CHUNKED = [
    b'{"a": 1}\n{"a": "x\\"}{"}\n',  # a quote and braces inside a string
    b'{\n  "a": [1, {"b": 2}]\n}\n{"a": 3}{"a": 4}',  # pretty-printed, then two on one line, no final newline
    b'\xef\xbb\xbf{"a": "\xc3\xa9"}\r\n\r\n{"a": 5}\n',  # a BOM, UTF-8, CRLF and a blank line
]


@pytest.mark.parametrize("body", CHUNKED)
@pytest.mark.parametrize("chunk_size", [1, 3, 7, 1 << 20])
def test_objects_are_the_same_whatever_the_chunk_size(body: bytes, chunk_size: int) -> None:
    expected = list(json.JSONDecoder().raw_decode(text)[0] for text in _objects_of(body))
    assert list(read_json_objects(io.BytesIO(body), chunk_size=chunk_size)) == expected


def _objects_of(body: bytes) -> list[str]:
    """The reference split, by the standard library's decoder."""
    text, decoder, position, found = body.decode("utf-8-sig"), json.JSONDecoder(), 0, []
    while position < len(text):
        if text[position].isspace():
            position += 1
            continue
        _, end = decoder.raw_decode(text, position)
        found.append(text[position:end])
        position = end
    return found


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "line 1: JSON nested deeper than 128 levels"),
        (b'{"a": ' + b"[" * 129 + b"]" * 129 + b"}\n", "line 1: JSON nested deeper than 128 levels"),
        (b'{"a": "' + b"x" * (4 * 1024 * 1024) + b'"}\n', "larger than 4,194,304 bytes"),
        (b'{"a": 1}\n{"a": \n', "line 2: the JSON object is not closed"),
        (b'{"a": 1}\n\n{"a": "\xff"}\n', "line 3: byte 0xff is not UTF-8"),
        (b'{"a": 1}\n42\n', "line 2: '42\\n'... is outside any JSON object"),
    ],
)
def test_json_beyond_the_limits_is_refused_naming_the_line(body: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        list(read_json_objects(io.BytesIO(body), chunk_size=4096))
