"""A statement's tokens read word by word, for the statements the translator reads itself (users and roles)."""

from __future__ import annotations

import re

from sqlglot.tokens import Token, TokenType

from local_redshift.errors import SYNTAX_END, SYNTAX_NEAR, RedshiftError, SqlState
from local_redshift.translation.names import delimited

_NAME = re.compile(r"[A-Za-z_][\w$]*")


class Words:
    """A statement's tokens, read from the left."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.texts = [token.text for token in tokens]
        self.position = 0

    def done(self) -> bool:
        return self.position >= len(self.tokens)

    def _next(self) -> Token:
        if self.done():
            raise RedshiftError(SYNTAX_END, sqlstate=SqlState.SYNTAX_ERROR)
        token = self.tokens[self.position]
        self.position += 1
        return token

    def unexpected(self) -> RedshiftError:
        near = self.tokens[self.position - 1].text if self.position else ""
        return RedshiftError(SYNTAX_NEAR.format(near=near), sqlstate=SqlState.SYNTAX_ERROR)

    def accept(self, word: str) -> bool:
        token = None if self.done() else self.tokens[self.position]
        if token is None or token.token_type in LITERALS or token.text.upper() != word:
            return False
        self.position += 1
        return True

    def expect(self, word: str) -> None:
        if not self.accept(word):
            self._next()
            raise self.unexpected()

    def end(self) -> None:
        if not self.done():
            self._next()
            raise self.unexpected()

    def word(self) -> str:
        token = self._next()
        if token.token_type in LITERALS:
            raise self.unexpected()
        return token.text.upper()

    def name(self) -> str:
        """A name: as written when quoted, else in lower case."""
        token = self._next()
        if token.token_type == TokenType.IDENTIFIER:
            return token.text
        if token.token_type in LITERALS or not _NAME.fullmatch(token.text):
            raise self.unexpected()
        return token.text.lower()

    def object_name(self) -> str:
        """A database object's name (a schema, a table): a quoted one as translation.names.delimited reads it."""
        token = self.tokens[self.position] if not self.done() else None
        name = self.name()
        return delimited(name) if token is not None and token.token_type == TokenType.IDENTIFIER else name

    def string(self) -> str:
        token = self._next()
        if token.token_type != TokenType.STRING:
            raise self.unexpected()
        return token.text

    def number(self) -> str:
        token = self._next()
        if token.token_type != TokenType.NUMBER or not token.text.isdigit():
            raise self.unexpected()
        return token.text

    def value(self) -> str:
        """A setting's value, as PostgreSQL reads it."""
        token = self._next()
        if token.token_type == TokenType.STRING:
            return literal(token.text)
        if token.token_type == TokenType.IDENTIFIER:
            return identifier(token.text)
        if token.token_type == TokenType.NUMBER or _NAME.fullmatch(token.text):
            return token.text
        raise self.unexpected()


LITERALS = frozenset({TokenType.STRING, TokenType.NUMBER, TokenType.IDENTIFIER})


def identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
