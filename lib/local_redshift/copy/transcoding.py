"""ENCODING: data files in UTF-16 are read into UTF-8 before they are split into records.

As "Data conversion parameters" says: UTF16 data must begin with a byte order mark; UTF16LE and UTF16BE are read
in their byte order with or without one. A file that is not in the encoding given fails the load (1221).
"""

from __future__ import annotations

import codecs
from collections.abc import Generator, Iterator

from local_redshift.copy.errors import CopyError, redshift_detail
from local_redshift.copy.source import S3Object
from local_redshift.errors import LoadErrorCode

WRONG_ENCODING = "Encoding of the file is not the same as that specified in the COPY command"
_CODECS = {"utf16": "utf-16", "utf16le": "utf-16-le", "utf16be": "utf-16-be"}
_BYTE_ORDER_MARKS = {"utf16le": codecs.BOM_UTF16_LE, "utf16be": codecs.BOM_UTF16_BE}


def in_utf8(files: Generator[tuple[S3Object, bytes]], encoding: str, query_id: int) -> Iterator[tuple[S3Object, bytes]]:
    """Each file's bytes in UTF-8 (as they are, for UTF8); closing it closes `files`."""
    try:
        for location, data in files:
            yield location, data if encoding == "utf8" else _transcoded(data, encoding, location, query_id)
    finally:
        files.close()


def _transcoded(data: bytes, encoding: str, location: S3Object, query_id: int) -> bytes:
    if encoding == "utf16" and data[:2] not in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        raise _wrong_encoding(location, query_id, "UTF16 data must begin with a byte order mark")
    data = data.removeprefix(_BYTE_ORDER_MARKS.get(encoding, b""))
    try:
        return data.decode(_CODECS[encoding]).encode("utf-8")
    except UnicodeError as error:
        raise _wrong_encoding(location, query_id, str(error)) from None


def _wrong_encoding(location: S3Object, query_id: int, why: str) -> CopyError:
    context = f"{location.url}: {why}"
    return CopyError(
        WRONG_ENCODING,
        detail=redshift_detail(WRONG_ENCODING, code=LoadErrorCode.WRONG_ENCODING, context=context, query_id=query_id),
    )
