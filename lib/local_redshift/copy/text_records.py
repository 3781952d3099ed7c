"""Split a text data file (delimited, CSV or fixed-width) into records of fields, one field per target column.

The rules are the Database Developer Guide's ("Data format parameters", "Data conversion parameters"):
- a record is a line (LF); a file's last line needs no newline. CSV fields in quotes may hold the delimiter,
  newlines and carriage returns, and a doubled quote is one quote; white space between a delimiter and a quote is
  ignored; CSV lines may end with CR LF. In delimited text a CR is data.
- ESCAPE: a backslash loads the character after it as data (the delimiter, a quote, a newline, a backslash);
  octal and other sequences are not read ('\\012' loads '012').
- REMOVEQUOTES: a field that begins (after spaces) with a single or double quote loses its surrounding quotes,
  and the delimiters inside are kept; a missing end quote rejects the record.
- NULL AS (default '\\N'): a field equal to it loads NULL (with ESCAPE and the default, '\\\\N' too). NUL
  ends a record unless NULL AS '\\0', with which a field of only NUL is NULL.
- FIXEDWIDTH: each field is its width in characters; a short line leaves its last fields empty.
- More fields than columns: 1202 "Extra column(s) found", but a delimiter that ends the line adds no field (the
  COPY examples load '1|Toyota Park|Bridgeview|IL|' into four columns); fewer: 1214 "Delimiter not found"
  (FILLRECORD fills them: '' in VARCHAR columns unless EMPTYASNULL, NULL in the others, CHAR included).
- IGNOREHEADER n skips the first n lines of each file; IGNOREBLANKLINES skips empty lines.

Invalid UTF-8 bytes stay in a field as lone surrogates (one per byte) for the column's converter to refuse
(1220), or are replaced by ACCEPTINVCHARS' character, one per byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from local_redshift.copy.errors import LoadError
from local_redshift.copy.json_records import Record
from local_redshift.copy.options import CSV, FIXEDWIDTH, TextFormat
from local_redshift.errors import LoadErrorCode

_UTF8_BOM = "\ufeff"
INVALID_BYTE = re.compile("[\udc80-\udcff]")
"""An invalid UTF-8 byte of a decoded file (a lone surrogate)."""
_QUOTES = "'\""
_CSV_BLANKS = " \t"
NUL = "\0"
LINES_BLOCK = 1 << 20
"""How much of a file's text is split into lines at a time."""

EXTRA_COLUMNS = "Extra column(s) found"
DELIMITER_NOT_FOUND = "Delimiter not found"
MISSING_END_QUOTE = "Delimited value missing end quote"
INVALID_QUOTES = "Invalid quote formatting for CSV"


class _Unterminated(Exception):
    """A quoted value runs past the end of the text read so far."""


def decode(data: bytes, replacement: str | None) -> str:
    """A file's text: invalid UTF-8 bytes become lone surrogates, or `replacement` (ACCEPTINVCHARS)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", "surrogateescape")
        if replacement is not None:
            text = INVALID_BYTE.sub(replacement, text)
    return text.removeprefix(_UTF8_BOM)


def encoded(text: str) -> bytes:
    """Text as the bytes of the file it came from."""
    return text.encode("utf-8", "surrogateescape")


def text_records(
    data: bytes,
    text_format: TextFormat,
    *,
    columns: int,
    missing: Sequence[str | None] = (),
    replacement: str | None = None,
    skip_lines: int = 0,
) -> Iterator[Record]:
    """The records of one file in order, each with `columns` fields (str, or None for NULL) or a LoadError;
    `missing` is what FILLRECORD puts in each column a record has no field for ('' when not given)."""
    lines = _lines(decode(data, replacement))
    for _ in range(skip_lines):
        next(lines, None)
    reader = _Reader(text_format, columns, tuple(missing) or ("",) * columns)
    multiline = text_format.kind == CSV or text_format.escape
    line_number = skip_lines
    for line in lines:
        line_number += 1
        first = line_number
        if not line and text_format.ignore_blank_lines:
            continue
        if not multiline:
            yield reader.record(line, first)
            continue
        while True:
            try:
                yield reader.record(line, first)
                break
            except _Unterminated:
                following = next(lines, None)
                if following is None:
                    yield Record(first, encoded(line), error=_error(MISSING_END_QUOTE, len(line)))
                    break
                line = f"{line}\n{following}"
                line_number += 1


def _lines(text: str) -> Iterator[str]:
    """The lines of a text, split a block of about LINES_BLOCK characters at a time (a last newline ends the last
    line; it starts none)."""
    if not text:
        return
    start, length = 0, len(text) - text.endswith("\n")
    while start <= length:
        end = text.find("\n", start + LINES_BLOCK)
        end = length if end < 0 else end
        yield from text[start:end].split("\n")
        start = end + 1


def _error(reason: str, position: int = 0, code: LoadErrorCode = LoadErrorCode.DELIMITER_NOT_FOUND) -> LoadError:
    return LoadError(code, reason, position=position)


class _Reader:
    """Fields out of one record's text, as the format says."""

    def __init__(self, text_format: TextFormat, columns: int, missing: tuple[str | None, ...]) -> None:
        self._format = text_format
        self._columns = columns
        self._missing = missing
        self._null = text_format.null_as
        self._nul_is_null = text_format.null_as == NUL
        self._escaped_null = text_format.escape and text_format.null_as == "\\N"
        self._offsets = []
        offset = 0
        for width in text_format.widths:
            self._offsets.append((offset, offset + width))
            offset += width
        self._is_csv = text_format.kind == CSV
        self._split = (
            self._fixed_width
            if text_format.kind == FIXEDWIDTH
            else self._csv
            if text_format.kind == CSV
            else self._delimited
            if text_format.escape or text_format.remove_quotes
            else self._plain
        )

    def record(self, text: str, line_number: int) -> Record:
        """One record; raises _Unterminated when a quoted CSV value or an escaped newline goes on to the next line."""
        if self._is_csv and text.endswith("\r"):
            text = text[:-1]
        if not self._nul_is_null and NUL in text:
            end = text.index(NUL)
            if end + 1 < len(text):
                reason = f"Missing newline: Unexpected character 0x{ord(text[end + 1]):02x} found at location {end + 1}"
                return Record(
                    line_number, encoded(text[:end]), error=_error(reason, code=LoadErrorCode.INVALID_INPUT_LINE)
                )
            text = text[:end]
        try:
            fields = self._split(text)
        except LoadError as error:
            return Record(line_number, encoded(text), error=error)
        if len(fields) == self._columns + 1 and not fields[-1] and self._ends_with_delimiter(text):
            fields.pop()
        if len(fields) > self._columns:
            return Record(line_number, encoded(text), error=_error(EXTRA_COLUMNS, code=LoadErrorCode.EXTRA_COLUMNS))
        if len(fields) < self._columns:
            if not self._format.fill_record:
                return Record(line_number, encoded(text), error=_error(DELIMITER_NOT_FOUND, len(text)))
            fields.extend(self._missing[len(fields) :])
        return Record(line_number, encoded(text), fields)

    def _ends_with_delimiter(self, text: str) -> bool:
        return self._format.kind != FIXEDWIDTH and text.endswith(self._format.delimiter)

    def _plain(self, text: str) -> list[str | None]:
        fields: list[str | None] = text.split(self._format.delimiter)  # type: ignore[assignment]
        null = self._null
        if null in text:
            return [None if field == null else field for field in fields]
        return fields

    def _fixed_width(self, text: str) -> list[str | None]:
        null = self._null
        fields: list[str | None] = []
        for start, end in self._offsets:
            field = text[start:end]
            fields.append(None if field == null or field.rstrip(" ") == null else field)
        if len(text) > self._offsets[-1][1] and text[self._offsets[-1][1] :].strip():
            fields.append(text[self._offsets[-1][1] :])
        return fields

    def _delimited(self, text: str) -> list[str | None]:
        """Delimited text with ESCAPE and/or REMOVEQUOTES."""
        delimiter, escape, remove_quotes = self._format.delimiter, self._format.escape, self._format.remove_quotes
        if "\\" not in text and not (remove_quotes and ("'" in text or '"' in text)):
            return self._plain(text)
        fields: list[str | None] = []
        position, length = 0, len(text)
        while True:
            start = position
            value: list[str] = []
            quote = None
            if remove_quotes:
                opening = position
                while opening < length and text[opening] == " ":
                    opening += 1
                if opening < length and text[opening] in _QUOTES:
                    quote, position = text[opening], opening + 1
            while position < length:
                character = text[position]
                if escape and character == "\\":
                    if position + 1 >= length:
                        raise _Unterminated
                    value.append(text[position + 1])
                    position += 2
                    continue
                if quote is not None and character == quote:
                    quote = None
                    position += 1
                    continue
                if quote is None and character == delimiter:
                    break
                value.append(character)
                position += 1
            if quote is not None:
                raise _error(MISSING_END_QUOTE, start)
            raw = text[start:position]
            field = "".join(value)
            is_null = raw == self._null or (self._escaped_null and field == "\\N")
            fields.append(None if is_null else field)
            if position >= length:
                return fields
            position += 1

    def _csv(self, text: str) -> list[str | None]:
        delimiter, quote, null = self._format.delimiter, self._format.quote, self._null
        if quote not in text:
            return self._plain(text)
        blanks = _CSV_BLANKS.replace(delimiter, "")
        fields: list[str | None] = []
        position, length = 0, len(text)
        while True:
            start = position
            while position < length and text[position] in blanks:
                position += 1
            if position < length and text[position] == quote:
                parts = []
                position += 1
                while True:
                    closing = text.find(quote, position)
                    if closing < 0:
                        raise _Unterminated
                    parts.append(text[position:closing])
                    if text.startswith(quote, closing + 1):
                        parts.append(quote)
                        position = closing + 2
                        continue
                    position = closing + 1
                    break
                while position < length and text[position] in blanks:
                    position += 1
                if position < length and text[position] != delimiter:
                    raise _error(INVALID_QUOTES, position, code=LoadErrorCode.INVALID_INPUT_LINE)
                fields.append("".join(parts))
            else:
                end = text.find(delimiter, start)
                end = length if end < 0 else end
                field = text[start:end]
                fields.append(None if field == null else field)
                position = end
            if position >= length:
                return fields
            position += 1
