"""One function per COPY that turns a record's column values into its COPY text row, the common cases inline.

Calling one converter per value (conversion.column_converter) costs more than the work most values need. The
function compiled here, once per plan (the columns and options are known before the first row), tests for each
column inline the cases that need no work or little (a string the column takes as it is, an integer in range, a
float, a null, an epoch time) and calls the column's own converter for every other value, so its rows and its
LoadErrors are the converters'. `clean` says that no string of the record needs escaping, so the search of each
string for what COPY text escapes is skipped: true of a JSON record whose text has none of the escapes that write
a backslash, tab, newline, carriage return or NUL (JSON cannot hold those characters unescaped).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from local_redshift.copy.conversion import NULL, Converter
from local_redshift.copy.datetimes import EPOCH_SCALES, epoch_text
from local_redshift.copy.options import CopyOptions
from local_redshift.copy.target import Column

RowFunction = Callable[[Sequence[Any], bool], str]
"""(one value per column, clean) -> the row's COPY text, newline included; raises the converters' LoadError."""

ESCAPED_SPECIAL = re.compile(rb"\\(?:[\\tnr]|u00(?:0[09aAdD]|5[cC]))").search
"""JSON text -> a match where it escapes a character COPY text must escape (None: its strings hold none)."""
_SPECIAL = re.compile(r"[\\\t\n\r\0]")
_CHARACTER_TYPES = {"varchar", "bpchar", "text"}
_EMPTY_NOT_NULL_TYPES = _CHARACTER_TYPES | {"json", "jsonb", "super"}
"""The types whose converter may load "" as something else than NULL (a SUPER's: the JSON string "" of a JSON
record, NULL of a text field)."""
_INTEGER_BITS = {"int2": 16, "int4": 32, "int8": 64}
_FLOAT4_LIMIT = 3.4028235e38


def row_function(
    columns: Sequence[Column], converters: Sequence[Converter], options: CopyOptions, *, json_values: bool = True
) -> RowFunction:
    """The row function of `columns`, falling back on `converters` (in column order). The inline cases are those of
    JSON (and Parquet) values; text formats' fields (str, or None for NULL) inline only None."""
    names: dict[str, Any] = {"NULL": NULL, "special": _SPECIAL.search}
    body: list[str] = []
    for index, (column, converter) in enumerate(zip(columns, converters, strict=True)):
        names[f"c{index}"] = converter
        cases = _inline_cases(f"v{index}", column, options, names) if json_values else []
        body += _column_code(index, column, cases)
    fields = "".join(f"{{f{index}}}\\t" for index in range(len(columns)))[:-2]
    source = (
        "def convert_row(values, clean):\n"
        f"    {', '.join(f'v{index}' for index in range(len(columns)))}, = values\n"
        + "".join(f"    {line}\n" for line in body)
        + f'    return f"{fields}\\n"\n'
    )
    exec(compile(source, f"<COPY row function of {len(columns)} columns>", "exec"), names)
    return names["convert_row"]


def _column_code(index: int, column: Column, cases: list[tuple[str, str]]) -> list[str]:
    """The lines that set f<index> from v<index>: the inline cases, None and "", then the converter c<index>."""
    value = f"v{index}"
    if not column.not_null:
        cases.append((f"{value} is None", "NULL"))
        if column.type_name not in _EMPTY_NOT_NULL_TYPES:
            cases.append((f'{value} == ""', "NULL"))
    lines: list[str] = []
    for number, (test, field) in enumerate(cases):
        lines += [f"{'if' if number == 0 else 'elif'} {test}:", f"    f{index} = {field}"]
    fallback = f"f{index} = c{index}({value})"
    return [*lines, "else:", f"    {fallback}"] if lines else [fallback]


def _inline_cases(value: str, column: Column, options: CopyOptions, names: dict[str, Any]) -> list[tuple[str, str]]:
    """(test, field) pairs: when the test holds, the field is what the column's converter would give."""
    kind = column.type_name
    if kind in _CHARACTER_TYPES:
        return _character_cases(value, column, options)
    cases: list[tuple[str, str]] = []
    if kind in _INTEGER_BITS:
        bits = _INTEGER_BITS[kind]
        low, high = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
        digits = len(str(high)) - 1  # a string of that many digits is in range
        cases = [
            (f"{value}.__class__ is int and {low} <= {value} <= {high}", f"str({value})"),
            (f"{value}.__class__ is str and 0 < len({value}) <= {digits} and {value}.isdigit() and {value}.isascii()"
             f' and {value}[0] != "0"', value),
        ]  # fmt: skip
    elif kind == "float8":
        cases = [(f"{value}.__class__ is float", f"repr({value})")]
    elif kind == "float4":
        in_range = f"{-_FLOAT4_LIMIT!r} <= {value} <= {_FLOAT4_LIMIT!r}"
        cases = [(f"{value}.__class__ is float and {in_range}", f"repr({value})")]
    elif kind in ("timestamp", "timestamptz") and options.timeformat in EPOCH_SCALES:
        names["epoch_text"], low, high = epoch_text(EPOCH_SCALES[options.timeformat])
        suffix = ' + "+00"' if kind == "timestamptz" else ""
        cases = [(f"{value}.__class__ is int and {low} <= {value} <= {high}", f"epoch_text({value}){suffix}")]
    return cases


def _character_cases(value: str, column: Column, options: CopyOptions) -> list[tuple[str, str]]:
    """A string the column takes as it is: not empty, not blank under BLANKSASNULL, within the column's bytes
    (len * 4 bounds a UTF-8 string's bytes; an ASCII string has as many bytes as characters), ASCII in a CHAR,
    nothing to escape. TRIMBLANKS strips VARCHAR values: those go to the converter."""
    fixed_width = column.type_name == "bpchar"
    if options.trim_blanks and not fixed_width:
        return []
    tests = [f"{value}.__class__ is str", value]
    limit = column.length
    if fixed_width:
        tests.append(f"{value}.isascii()" if limit is None else f"{value}.isascii() and len({value}) <= {limit}")
    elif limit is not None:
        tests.append(f"(len({value}) <= {limit // 4} or (len({value}) <= {limit} and {value}.isascii()))")
    if options.blanks_as_null:
        tests.append(f"not {value}.isspace()")
    tests.append(f"(clean or special({value}) is None)")
    return [(" and ".join(tests), value)]
