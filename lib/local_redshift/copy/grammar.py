"""Redshift's COPY grammar: `parse_copy(text)` reads a COPY statement, once, into CopyOptions.

    COPY [[database.]schema.]table [(column [, ...])] FROM 's3://bucket/prefix' parameter [[AS] argument] ...

The tokens are sqlglot's Redshift tokenizer's (strings unquoted, comments dropped); no parser reads them but
this one. The parameters (authorization and FORMAT among them) may come in any order; what each keyword
takes after it is the data of parameters.KEYWORDS, and what it means is applied there. The PostgreSQL forms
Amazon Redshift refuses (COPY ... TO, FROM STDIN, from a local file) and sources other than Amazon S3 are
refused as UnsupportedFeature as soon as the source is read, whatever parameters follow.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from sqlglot.dialects.redshift import Redshift
from sqlglot.errors import TokenError
from sqlglot.tokens import TokenType

from local_redshift.copy.errors import CopyError
from local_redshift.copy.options import CopyOptions
from local_redshift.copy.parameters import KEYWORDS, Keyword, Parameter, Takes, build_options
from local_redshift.errors import SqlState, UnsupportedFeature

_NO_TABLE = "COPY needs a target table"
_ONE_SOURCE = "COPY needs exactly one quoted source, e.g. FROM 's3://bucket/prefix'"
_WORD = re.compile(r"#?[^\W\d][\w$]*")
_RESERVED = frozenset({"FROM", "INTO", "TO", "WITH"})
"""Words that cannot be an unquoted table or column name (reserved in PostgreSQL, whose grammar Redshift's is)."""
_FORMAT = "FORMAT"


class _Kind(enum.Enum):
    WORD = "word"  # a keyword or an unquoted name
    NAME = "name"  # a "quoted" name
    STRING = "string"
    NUMBER = "number"
    SYMBOL = "symbol"  # punctuation, and whatever else the tokenizer reads (e.g. $$dollar-quoted$$ text)


@dataclass(frozen=True)
class _Token:
    kind: _Kind
    text: str  # what it means: strings and quoted names without their quotes
    written: str  # as the statement writes it

    @property
    def keyword(self) -> str:
        return self.text.upper() if self.kind is _Kind.WORD else ""

    def is_symbol(self, symbol: str) -> bool:
        return self.kind is _Kind.SYMBOL and self.text == symbol


def parse_copy(text: str) -> CopyOptions:
    """Read and validate a `COPY ... FROM 's3://...'` statement (its text, with or without the semicolon).

    Raises UnsupportedFeature for the COPY forms the local Redshift refuses, else CopyError (sqlstate, message).
    """
    reader = _Reader(_tokens(text))
    first = reader.take()
    if first is None or first.keyword != "COPY":
        raise _unexpected(first)
    schema, table, columns = _target(reader)
    source_url = _source(reader)
    return build_options(_parameters(reader), schema=schema, table=table, columns=columns, source_url=source_url)


def _tokens(text: str) -> list[_Token]:
    try:
        raw = Redshift().tokenize(text)
    except TokenError:
        raise CopyError(
            "syntax error: unterminated quoted string, quoted name or comment", sqlstate=SqlState.SYNTAX_ERROR
        ) from None
    while raw and raw[-1].token_type == TokenType.SEMICOLON:
        raw.pop()
    tokens: list[_Token] = []
    for token in raw:
        token_kind, written = _kind(token.token_type, token.text), text[token.start : token.end + 1]
        if token_kind is _Kind.NUMBER and tokens and tokens[-1].is_symbol("-"):  # a negative number: one argument
            minus = tokens.pop()
            tokens.append(_Token(_Kind.NUMBER, f"-{token.text}", f"{minus.written}{written}"))
        else:
            tokens.append(_Token(token_kind, token.text, written))
    return tokens


def _kind(token_type: TokenType, text: str) -> _Kind:
    if token_type == TokenType.STRING:
        return _Kind.STRING
    if token_type == TokenType.NUMBER:
        return _Kind.NUMBER
    if token_type == TokenType.IDENTIFIER:
        return _Kind.NAME
    return _Kind.WORD if _WORD.fullmatch(text) else _Kind.SYMBOL


class _Reader:
    """The statement's tokens, read from the first on."""

    def __init__(self, tokens: list[_Token]) -> None:
        self._tokens = tokens
        self._position = 0

    def peek(self) -> _Token | None:
        return self._tokens[self._position] if self._position < len(self._tokens) else None

    def take(self) -> _Token | None:
        token = self.peek()
        self._position += token is not None
        return token

    def at_symbol(self, symbol: str) -> bool:
        token = self.peek()
        return token is not None and token.is_symbol(symbol)

    def take_as(self) -> bool:
        """Skip an AS, if one comes next."""
        token = self.peek()
        if token is not None and token.keyword == "AS":
            self._position += 1
            return True
        return False

    def skip_parenthesized(self) -> None:
        """Skip `( ... )`, nested parentheses and all."""
        depth = 0
        while (token := self.take()) is not None:
            depth += token.is_symbol("(") - token.is_symbol(")")
            if depth == 0:
                return


def _unexpected(token: _Token | None) -> CopyError:
    if token is None:
        return CopyError("syntax error at end of input", sqlstate=SqlState.SYNTAX_ERROR)
    return CopyError(f'syntax error at or near "{token.written}"', sqlstate=SqlState.SYNTAX_ERROR)


def _target(reader: _Reader) -> tuple[str | None, str, tuple[str, ...] | None]:
    """The table (names fold to lower case, as Redshift stores them; #name is a temporary table's `name`)."""
    if reader.at_symbol("("):  # COPY (query) TO ...
        reader.skip_parenthesized()
        _from(reader)
        raise CopyError(_NO_TABLE, sqlstate=SqlState.SYNTAX_ERROR)
    first = reader.peek()
    if first is None or first.keyword in ("FROM", "TO"):
        raise CopyError(_NO_TABLE, sqlstate=SqlState.SYNTAX_ERROR)
    names = [_name(reader)]
    while len(names) < 3 and reader.at_symbol("."):
        reader.take()
        names.append(_name(reader))
    columns = _column_list(reader) if reader.at_symbol("(") else None
    _from(reader)
    schema = names[-2] if len(names) > 1 else None  # a database name before it is not checked
    return schema, names[-1].lstrip("#"), columns


def _name_of(token: _Token) -> str | None:
    if token.kind is _Kind.NAME or (token.kind is _Kind.WORD and token.keyword not in _RESERVED):
        return token.text.lower()
    return None


def _name(reader: _Reader) -> str:
    token = reader.take()
    name = _name_of(token) if token is not None else None
    if name is None:
        raise _unexpected(token)
    return name


def _column_list(reader: _Reader) -> tuple[str, ...]:
    reader.take()
    columns = [_name(reader)]
    while reader.at_symbol(","):
        reader.take()
        columns.append(_name(reader))
    closing = reader.take()
    if closing is None or not closing.is_symbol(")"):
        raise _unexpected(closing)
    return tuple(columns)


def _from(reader: _Reader) -> None:
    token = reader.take()
    if token is not None and token.keyword == "TO":
        raise UnsupportedFeature.of("COPY ... TO", hint="use UNLOAD")
    if token is None or token.keyword != "FROM":
        raise _unexpected(token)


def _source(reader: _Reader) -> str:
    """The one S3 URL the data comes from; the other sources are refused here."""
    token = reader.take()
    if token is None or token.kind not in (_Kind.STRING, _Kind.WORD):
        raise CopyError(_ONE_SOURCE, sqlstate=SqlState.SYNTAX_ERROR)
    source = token.text
    if source.lower() == "stdin":
        raise UnsupportedFeature.of("COPY ... FROM STDIN")
    if token.kind is _Kind.STRING and source.startswith("/"):
        raise UnsupportedFeature.of("COPY from a local file")
    if token.kind is _Kind.WORD or not source.startswith("s3://"):  # e.g. FROM PROGRAM, 'dynamodb://...'
        raise UnsupportedFeature.of("COPY from a source other than Amazon S3", by="the local Redshift")
    if reader.at_symbol(","):
        raise CopyError(_ONE_SOURCE, sqlstate=SqlState.SYNTAX_ERROR)
    return source


def _parameters(reader: _Reader) -> list[Parameter]:
    """The parameters as written: `keyword [[AS] argument]` each, `FORMAT [AS]` before a data format."""
    parameters = []
    while (token := reader.take()) is not None:
        keyword, after_format = token.keyword, False
        if keyword == _FORMAT:
            reader.take_as()
            token = reader.take()
            if token is None:
                raise CopyError(
                    f"syntax error at end of input: {_FORMAT} needs an argument", sqlstate=SqlState.SYNTAX_ERROR
                )
            keyword, after_format = token.keyword, True
        grammar = KEYWORDS.get(keyword)
        if grammar is None or (after_format and not grammar.data_format):
            raise _unexpected(token)
        argument = _argument(reader, keyword, grammar)
        parameters.append(Parameter(keyword, argument and argument.text, after_format, argument and _literal(argument)))
    return parameters


def _literal(token: _Token) -> str | None:
    """A quoted string as written between its quotes (COPY reads its backslash sequences itself)."""
    if token.kind is _Kind.STRING and len(token.written) >= 2 and token.written[0] == token.written[-1] == "'":
        return token.written[1:-1]
    return None


def _argument(reader: _Reader, keyword: str, grammar: Keyword) -> _Token | None:
    """The argument that follows `keyword` (after an optional AS), as its grammar says it takes one."""
    if grammar.takes is Takes.NOTHING:
        return None
    written_as = reader.take_as()
    token = reader.peek()
    if token is not None and _is_argument(token, grammar):
        reader.take()
        return token
    if grammar.takes is Takes.OPTIONAL and not written_as:
        return None
    if token is None:
        raise CopyError(f"syntax error at end of input: {keyword} needs an argument", sqlstate=SqlState.SYNTAX_ERROR)
    raise _unexpected(token)


def _is_argument(token: _Token, grammar: Keyword) -> bool:
    if token.kind is _Kind.STRING:
        return True
    if grammar.takes is Takes.OPTIONAL:
        return token.keyword in grammar.words
    if token.kind is _Kind.NUMBER:
        return True
    return token.kind is _Kind.WORD and token.keyword not in KEYWORDS and token.keyword not in (_FORMAT, "AS")
