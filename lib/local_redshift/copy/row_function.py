"""One function per COPY that turns a record's column values into its COPY text row, the common cases inline.

Calling one converter per value (conversion.column_converter) costs more than the work most values need. Each
column gets a pass rule, once per plan (the columns and options are known before the first row): the cases that
need no work or little (a string the column takes as it is, an integer in range, a float, a null, an epoch time),
every other value going to the column's own converter, so that the rows and LoadErrors are the converters'. The
rules run in the compiled row kernel (_row_kernel.c) where it was built at install, and otherwise as a Python
function compiled from them. `clean` says that no string of the record needs escaping, so the search of each
string for what COPY text escapes is skipped: true of a JSON record whose text has none of the escapes that write
a backslash, tab, newline, carriage return or NUL (JSON cannot hold those characters unescaped).
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import astuple, dataclass
from enum import IntEnum
from typing import Any

from local_redshift.copy.conversion import NULL, Converter
from local_redshift.copy.datetimes import EPOCH_SCALES, epoch_text
from local_redshift.copy.mapping import ColumnValues, exact_keys
from local_redshift.copy.options import CopyOptions
from local_redshift.copy.target import Column

try:
    from local_redshift.copy._row_kernel import RowKernel
except ImportError:  # not built: no C compiler at install
    RowKernel = None

RowFunction = Callable[[Any, bool], str]
"""(record, clean) -> the row's COPY text, newline included; raises the mapping's and the converters' LoadError."""

ESCAPED_SPECIAL = re.compile(rb"\\(?:[\\tnr]|u00(?:0[09aAdD]|5[cC]))").search
"""JSON text -> a match where it escapes a character COPY text must escape (None: its strings hold none)."""
_SPECIAL = re.compile(r"[\\\t\n\r\0]")
_CHARACTER_TYPES = {"varchar", "bpchar", "text"}
_EMPTY_NOT_NULL_TYPES = _CHARACTER_TYPES | {"json", "jsonb", "super"}
"""The types whose converter may load "" as something else than NULL (a SUPER's: the JSON string "" of a JSON
record, NULL of a text field)."""
_INTEGER_BITS = {"int2": 16, "int4": 32, "int8": 64}
_FLOAT4_LIMIT = 3.4028235e38


class Pass(IntEnum):
    """What a column's values may pass inline as (the kernel's enum, in its order)."""

    NONE = 0
    TEXT = 1  # a string, as it is
    INTEGER = 2  # an int in range, as str() writes it, or a short string of digits
    FLOAT = 3  # a float within float_limit, as repr() writes it
    EPOCH = 4  # an int count of epoch units in range, as epoch_text writes it, with the suffix


@dataclass(frozen=True)
class PassRule:
    """One column's inline cases, and its converter for every other value (the kernel reads the fields in order)."""

    kind: Pass
    convert: Converter
    nullable: bool  # None is NULL
    empty_is_null: bool  # "" is NULL
    limit: int = -1  # TEXT: the column's bytes (-1: none)
    fixed_width: bool = False  # TEXT: a CHAR, ASCII only
    blanks_as_null: bool = False  # TEXT: a blank string goes to the converter
    low: int = 0  # INTEGER and EPOCH: the range
    high: int = 0
    digits: int = 0  # INTEGER: a string of at most this many digits (no leading zero) is in range
    float_limit: float = math.inf
    scale: int = 1  # EPOCH: units a second
    suffix: str = ""  # EPOCH: after the timestamp


def row_function(
    columns: Sequence[Column],
    converters: Sequence[Converter],
    options: CopyOptions,
    *,
    json_values: bool = True,
    column_values: ColumnValues | None = None,
    compiled: bool = RowKernel is not None,
) -> RowFunction:
    """The row function of `columns`, falling back on `converters` (in column order): the kernel's, or (not
    `compiled`) the interpreter's. A record is mapped to its values by `column_values` (None: the record is its
    values). The inline cases are those of JSON (and Parquet) values; text formats' fields (str, or None for NULL)
    inline only None."""
    rules = [
        pass_rule(column, converter, options, json_values=json_values)
        for column, converter in zip(columns, converters, strict=True)
    ]
    if compiled:
        keys = exact_keys(column_values) if column_values is not None else None
        return RowKernel(tuple(astuple(rule) for rule in rules), NULL, column_values, keys)
    return _interpreted(rules, column_values)


def pass_rule(column: Column, convert: Converter, options: CopyOptions, *, json_values: bool) -> PassRule:
    """The column's rule: when a case holds, the field is what its converter would give."""
    kind = column.type_name
    nullable = not column.not_null
    nulls = {"nullable": nullable, "empty_is_null": nullable and kind not in _EMPTY_NOT_NULL_TYPES}
    if not json_values:
        return PassRule(Pass.NONE, convert, **nulls)
    if kind in _CHARACTER_TYPES:
        fixed_width = kind == "bpchar"
        if options.trim_blanks and not fixed_width:  # TRIMBLANKS strips VARCHAR values: the converter's work
            return PassRule(Pass.NONE, convert, **nulls)
        limit = -1 if column.length is None else column.length
        return PassRule(Pass.TEXT, convert, **nulls, limit=limit, fixed_width=fixed_width,
                        blanks_as_null=options.blanks_as_null)  # fmt: skip
    if kind in _INTEGER_BITS:
        bits = _INTEGER_BITS[kind]
        low, high = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
        return PassRule(Pass.INTEGER, convert, **nulls, low=low, high=high, digits=len(str(high)) - 1)
    if kind in ("float8", "float4"):
        limit = _FLOAT4_LIMIT if kind == "float4" else sys.float_info.max  # inf is out of range (an Overflow)
        return PassRule(Pass.FLOAT, convert, **nulls, float_limit=limit)
    if kind in ("timestamp", "timestamptz") and options.timeformat in EPOCH_SCALES:
        scale = EPOCH_SCALES[options.timeformat]
        _text, low, high = epoch_text(scale)
        suffix = "+00" if kind == "timestamptz" else ""
        return PassRule(Pass.EPOCH, convert, **nulls, low=low, high=high, scale=scale, suffix=suffix)
    return PassRule(Pass.NONE, convert, **nulls)


def _interpreted(rules: Sequence[PassRule], column_values: ColumnValues | None) -> RowFunction:
    """The rules as one Python function, compiled from its source."""
    names: dict[str, Any] = {"NULL": NULL, "special": _SPECIAL.search, "column_values": column_values}
    body: list[str] = []
    for index, rule in enumerate(rules):
        value = f"v{index}"
        names[f"c{index}"] = rule.convert
        if rule.kind == Pass.EPOCH:
            names[f"epoch_text{index}"] = epoch_text(rule.scale)[0]
        cases = _cases(value, rule, f"epoch_text{index}")
        if rule.nullable:
            cases.append((f"{value} is None", "NULL"))
        if rule.empty_is_null:
            cases.append((f'{value} == ""', "NULL"))
        for number, (test, field) in enumerate(cases):
            body += [f"{'if' if number == 0 else 'elif'} {test}:", f"    f{index} = {field}"]
        fallback = f"f{index} = c{index}({value})"
        body += ["else:", f"    {fallback}"] if cases else [fallback]
    fields = "".join(f"{{f{index}}}\\t" for index in range(len(rules)))[:-2]
    source = (
        "def convert_row(record, clean):\n"
        f"    {', '.join(f'v{index}' for index in range(len(rules)))}, = "
        + ("record\n" if column_values is None else "column_values(record)\n")
        + "".join(f"    {line}\n" for line in body)
        + f'    return f"{fields}\\n"\n'
    )
    exec(compile(source, f"<COPY row function of {len(rules)} columns>", "exec"), names)
    return names["convert_row"]


def _cases(value: str, rule: PassRule, epoch_text_name: str) -> list[tuple[str, str]]:
    """(test, field) pairs of the rule's inline cases."""
    if rule.kind == Pass.TEXT:
        return [(" and ".join(_text_tests(value, rule)), value)]
    if rule.kind == Pass.INTEGER:
        return [
            (f"{value}.__class__ is int and {rule.low} <= {value} <= {rule.high}", f"str({value})"),
            (f"{value}.__class__ is str and 0 < len({value}) <= {rule.digits} and {value}.isdigit()"
             f' and {value}.isascii() and {value}[0] != "0"', value),
        ]  # fmt: skip
    if rule.kind == Pass.FLOAT:
        limit = rule.float_limit
        return [(f"{value}.__class__ is float and {-limit!r} <= {value} <= {limit!r}", f"repr({value})")]
    if rule.kind == Pass.EPOCH:
        suffix = f" + {rule.suffix!r}" if rule.suffix else ""
        test = f"{value}.__class__ is int and {rule.low} <= {value} <= {rule.high}"
        return [(test, f"{epoch_text_name}({value}){suffix}")]
    return []


def _text_tests(value: str, rule: PassRule) -> list[str]:
    """A string the column takes as it is: not empty, not blank under BLANKSASNULL, within the column's bytes
    (len * 4 bounds a UTF-8 string's bytes; an ASCII string has as many bytes as characters), ASCII in a CHAR,
    nothing to escape."""
    tests = [f"{value}.__class__ is str", value]
    limit = None if rule.limit < 0 else rule.limit
    if rule.fixed_width:
        tests.append(f"{value}.isascii()" if limit is None else f"{value}.isascii() and len({value}) <= {limit}")
    elif limit is not None:
        tests.append(f"(len({value}) <= {limit // 4} or (len({value}) <= {limit} and {value}.isascii()))")
    if rule.blanks_as_null:
        tests.append(f"not {value}.isspace()")
    tests.append(f"(clean or special({value}) is None)")
    return tests
