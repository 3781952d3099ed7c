"""The parameters of the text formats (delimited, CSV, fixed-width), read into one TextFormat.

As the Database Developer Guide's "Data format parameters" and "Data conversion parameters" pages state them:
the delimiter is one ASCII character ('|' by default, ',' with CSV), may be written '\\t' or in octal '\\ddd';
CSV cannot be used with FIXEDWIDTH, REMOVEQUOTES or ESCAPE; QUOTE only with CSV; DELIMITER and ESCAPE not with
FIXEDWIDTH, whose spec is 'label:width, ...'. NULL AS defaults to '\\N'; NULL AS '\\0' or '\\000' is NUL.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from local_redshift.copy.errors import CopyError
from local_redshift.copy.options import CSV, DELIMITED, FIXEDWIDTH, TextFormat
from local_redshift.errors import SqlState

_BACKSLASH_SEQUENCE = re.compile(r"\\([0-7]{1,3}|.)", re.DOTALL)
_NAMED_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", "\\": "\\", "'": "'"}
_NOT_WITH_CSV = ("FIXEDWIDTH", "REMOVEQUOTES", "ESCAPE")
_NOT_WITH_FIXEDWIDTH = ("DELIMITER", "ESCAPE")


def read_literal(written: str) -> str:
    """A COPY argument's text: '' is a quote; \\t \\n \\r \\b \\f \\\\ \\' and octal \\ddd are read; any other
    backslash stays as written (so '\\N' is backslash-N)."""
    text = written.replace("''", "'")

    def one(match: re.Match[str]) -> str:
        sequence = match.group(1)
        if sequence[0] in "01234567":
            return chr(int(sequence, 8))
        return _NAMED_ESCAPES.get(sequence, match.group(0))

    return _BACKSLASH_SEQUENCE.sub(one, text)


def text_format(given: Mapping[str, str | None]) -> TextFormat:
    """The text format the parameters ask for (keyword -> its argument as written, None for a flag)."""
    kind = FIXEDWIDTH if "FIXEDWIDTH" in given else CSV if "CSV" in given else DELIMITED
    if kind == CSV or "CSV" in given:
        _refuse_together("CSV", given, _NOT_WITH_CSV)
    elif "QUOTE" in given:
        raise _invalid("QUOTE can be used only with CSV")
    if kind == FIXEDWIDTH:
        _refuse_together("FIXEDWIDTH", given, _NOT_WITH_FIXEDWIDTH)
    delimiter = _character(given, "DELIMITER", "," if kind == CSV else "|")
    quote = _character(given, "QUOTE", '"')
    if kind == CSV and quote == delimiter:
        raise _invalid("QUOTE and DELIMITER must be different characters")
    null_as = given.get("NULL")
    return TextFormat(
        kind=kind,
        delimiter=delimiter,
        quote=quote,
        null_as="\\N" if null_as is None else read_literal(null_as),
        escape="ESCAPE" in given,
        remove_quotes="REMOVEQUOTES" in given,
        fill_record="FILLRECORD" in given,
        ignore_blank_lines="IGNOREBLANKLINES" in given,
        widths=_widths(given["FIXEDWIDTH"] or "") if kind == FIXEDWIDTH else (),
    )


def _invalid(message: str) -> CopyError:
    return CopyError(message, sqlstate=SqlState.SYNTAX_ERROR)


def _refuse_together(keyword: str, given: Mapping[str, str | None], others: tuple[str, ...]) -> None:
    for other in others:
        if other in given:
            raise _invalid(f"{keyword} cannot be used with {other}")


def _character(given: Mapping[str, str | None], keyword: str, default: str) -> str:
    written = given.get(keyword)
    if written is None:
        return default
    character = read_literal(written)
    if len(character) != 1 or not character.isascii() or character in "\n\0":
        raise _invalid(f"{keyword} must be a single ASCII character other than newline and NUL, not '{written}'")
    return character


def _widths(spec: str) -> tuple[int, ...]:
    """'label:width, ...' -> the widths (the labels have no meaning; they may hold spaces)."""
    widths = []
    for pair in spec.split(","):
        label, separator, width = pair.rpartition(":")
        width = width.strip()
        if not separator or not label.strip() or not (width.isascii() and width.isdigit()) or int(width) == 0:
            raise _invalid(f"Invalid FIXEDWIDTH spec '{spec}': expected 'label:width, ...' with positive widths")
        widths.append(int(width))
    return tuple(widths)
