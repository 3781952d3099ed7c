"""Redshift regular expressions as PostgreSQL reads them: a pattern rewritten for PostgreSQL's ARE engine, or refused
naming the construct ARE reads otherwise.

Redshift's default dialect (the "POSIX operators" page: its metacharacters, bracket expressions, POSIX classes and
the Perl-influenced \\d \\D \\s \\S \\w \\W) is read by ARE alike, except that Redshift's [:alnum:], [:alpha:],
[:lower:] and [:upper:] hold ASCII characters only: they become ASCII ranges.

Parameter 'p' reads the pattern as PCRE, which ARE reads otherwise in places: \\b and \\B (word boundaries in PCRE,
a backspace and a backslash in ARE) become \\y and \\Y, \\z becomes \\Z and \\Z its PCRE meaning, '.' (in PCRE any
character but a newline) becomes [^\\n], and '$' (in PCRE the end or a newline ending the string) (?=\\n?\\Z). What
has no ARE equivalent is refused: named, atomic and conditional groups, inline options other than a leading (?i),
possessive quantifiers, the escapes \\K \\G \\R \\h \\v \\p \\X \\Q \\E \\g \\k, alternation (PCRE takes the first
alternative that matches, ARE the longest) and greedy and lazy quantifiers mixed in one pattern (ARE makes the whole
pattern greedy or lazy, PCRE each quantifier).

Outside parameter 'p', a construct the page does not list (\\b, \\y, lookahead...) goes to PostgreSQL as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from local_redshift.errors import UnsupportedFeature

_ASCII_CLASSES = {"alnum": "0-9A-Za-z", "alpha": "A-Za-z", "lower": "a-z", "upper": "A-Z"}
_PCRE_ESCAPES = {"b": r"\y", "B": r"\Y", "z": r"\Z", "Z": r"(?=\n?\Z)"}
_PCRE_CHARACTERS = {".": "[^\\n]", "$": r"(?=\n?\Z)"}
_PCRE_ONLY_ESCAPES = set("KGRhHvVNpPXQEgkC")
_PCRE_GROUPS = {"?:", "?=", "?!", "?<=", "?<!", "?#"}
_QUANTIFIER_BOUND = re.compile(r"\{\d+(,\d*)?\}")


@dataclass(frozen=True)
class Pattern:
    """A pattern as PostgreSQL reads it, and how many capturing groups (subexpressions) it has."""

    text: str
    groups: int


def for_postgres(pattern: str, pcre: bool) -> Pattern:
    """Rewrite a Redshift pattern (PCRE when `pcre`) for PostgreSQL; raise UnsupportedFeature for what ARE reads
    otherwise."""
    return _Scanner(pattern, pcre).scan()


def _refuse(construct: str) -> UnsupportedFeature:
    return UnsupportedFeature.of(f"{construct} in a PCRE pattern (parameter 'p')", by="the local Redshift")


class _Scanner:
    def __init__(self, pattern: str, pcre: bool) -> None:
        self.pattern, self.pcre = pattern, pcre
        self.out: list[str] = []
        self.groups = 0
        self.quantifiers: set[str] = set()  # "greedy" and/or "lazy"

    def scan(self) -> Pattern:
        text, position = self.pattern, 0
        while position < len(text):
            position = self._step(text, position)
        if self.pcre and len(self.quantifiers) == 2:
            raise _refuse("greedy and lazy quantifiers mixed")
        return Pattern("".join(self.out), self.groups)

    def _step(self, text: str, position: int) -> int:
        char = text[position]
        if char == "\\":
            return self._escape(text, position)
        if char == "[":
            return self._bracket(text, position)
        if char == "(":
            return self._group(text, position)
        bound = _QUANTIFIER_BOUND.match(text, position) if char == "{" else None
        if char in "*+?" or bound:
            return self._quantifier(text, bound.end() if bound else position + 1)
        if self.pcre and char == "|":
            raise _refuse("alternation (|)")
        self.out.append(_PCRE_CHARACTERS.get(char, char) if self.pcre else char)
        return position + 1

    def _escape(self, text: str, position: int) -> int:
        escaped = text[position + 1 : position + 2]
        if self.pcre and escaped in _PCRE_ONLY_ESCAPES:
            raise _refuse(f"the escape \\{escaped}")
        end = text.find("}", position)
        if self.pcre and escaped == "x" and text[position + 2 : position + 3] == "{" and end > 0:
            self.out.append(f"\\U{int(text[position + 3 : end], 16):08x}")
            return end + 1
        self.out.append(_PCRE_ESCAPES.get(escaped, "\\" + escaped) if self.pcre else "\\" + escaped)
        return position + 2

    def _bracket(self, text: str, position: int) -> int:
        """A bracket expression, its ASCII-only classes spelled as ranges; a ] first in the list is a member."""
        self.out.append("[")
        position += 1
        if text[position : position + 1] == "^":
            self.out.append("^")
            position += 1
        if text[position : position + 1] == "]":
            self.out.append("]")
            position += 1
        while position < len(text) and text[position] != "]":
            if text.startswith("[:", position) and (end := text.find(":]", position + 2)) > 0:
                name = text[position + 2 : end]
                self.out.append(_ASCII_CLASSES.get(name, f"[:{name}:]"))
                position = end + 2
            elif text[position] == "\\":
                self.out.append(text[position : position + 2])
                position += 2
            else:
                self.out.append(text[position])
                position += 1
        self.out.append("]")
        return position + 1

    def _group(self, text: str, position: int) -> int:
        """A capturing group is counted; a (?...) group is kept whole up to its ?, not read as a quantifier."""
        if text[position + 1 : position + 2] != "?":
            self.groups += 1
            self.out.append("(")
            return position + 1
        known = any(text.startswith(kind, position + 1) for kind in _PCRE_GROUPS)
        if self.pcre and not known and not (position == 0 and text.startswith("(?i)")):
            raise _refuse(f"the group {text[position : position + 3]}...")
        self.out.append("(?")
        return position + 2

    def _quantifier(self, text: str, end: int) -> int:
        following = text[end : end + 1]
        if self.pcre and following == "+":
            raise _refuse("a possessive quantifier")
        self.quantifiers.add("lazy" if following == "?" else "greedy")
        self.out.append(text[self._start(text, end) : end + (following == "?")])
        return end + (following == "?")

    @staticmethod
    def _start(text: str, end: int) -> int:
        if text[end - 1] == "}":
            return text.rindex("{", 0, end)
        return end - 1
