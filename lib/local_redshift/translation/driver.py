"""Split a client's query text into statements; parse each, apply the RULES and write PostgreSQL.

A COPY statement is read by the COPY grammar instead, an UNLOAD by the UNLOAD grammar, the user statements by their
own (translation.users), after the rules refused what reaches past the cluster. A statement sqlglot cannot
parse is refused as unreadable, never passed to PostgreSQL as written; so is one it reads only as a command, unless
the command's first words are of a utility statement PostgreSQL reads as Redshift does (_COMMANDS_AS_WRITTEN).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from sqlglot import exp
from sqlglot.errors import ErrorLevel, ParseError, TokenError, UnsupportedError
from sqlglot.tokens import Token, TokenType

from local_redshift.copy.grammar import parse_copy
from local_redshift.copy.options import CopyOptions
from local_redshift.errors import STATEMENT_TOO_LARGE, RedshiftError, SqlState, UnsupportedFeature
from local_redshift.explain import explained_statement
from local_redshift.translation import names
from local_redshift.translation.databases import NamedDatabase
from local_redshift.translation.parser import LocalRedshift
from local_redshift.translation.placeholders import spaced_placeholders
from local_redshift.translation.roles import database_grant, role_statement
from local_redshift.translation.rule import Context, command_text
from local_redshift.translation.rules import RULES
from local_redshift.translation.system_roles import system_role_grant
from local_redshift.translation.table_grants import table_grant
from local_redshift.translation.transactions import transaction_begun
from local_redshift.translation.unicode_spaces import delimited_unicode_space_names
from local_redshift.translation.unreadable import forgiven_syntax_error, unreadable
from local_redshift.translation.users import UserStatement, user_statement
from local_redshift.unload import UnloadOptions, parse_unload


@dataclass(frozen=True)
class Statement:
    """One statement of the client's text and what PostgreSQL runs for it.

    `postgres[0]` is the statement itself and answers the client; any further statements are bookkeeping
    (e.g. recording a table's design in the catalog) to run after it in the same transaction, whose
    results are not for the client.
    """

    source: str  # the Redshift text of this one statement
    postgres: list[str]  # PostgreSQL statements to run, in order, in the same transaction
    copy: CopyOptions | None = None  # set for COPY: read by the COPY grammar, not translated (postgres == [])
    explain: str | None = None  # set for EXPLAIN: the PostgreSQL text of the statement explained (postgres == [])
    unload: UnloadOptions | None = None  # set for UNLOAD: read by the UNLOAD grammar, likewise
    user: UserStatement | None = None  # CREATE, ALTER and DROP USER, CREATE and DROP ROLE: run by the endpoint
    before: tuple[str, ...] = ()  # PostgreSQL statements to run before `postgres`, in its transaction, unanswered
    databases: tuple[NamedDatabase, ...] = ()  # the databases it names (endpoint/databases.py checks them)
    case_sensitive: bool | None = None  # what it sets enable_case_sensitive_identifier to, for the session to keep
    outside_transaction_block: str | None = None  # the construct, if Redshift refuses it in a transaction block

    @property
    def in_endpoint(self) -> bool:
        """COPY, UNLOAD, EXPLAIN and the user statements: run by the endpoint itself, not passed on."""
        return any(part is not None for part in (self.copy, self.unload, self.explain, self.user))


# Statements sqlglot passes on as they are: the user's own text is kept. A statement read as a bare name
# (sqlglot takes START TRANSACTION for the column START aliased TRANSACTION) is also kept as written.
_KEPT_AS_WRITTEN = (exp.Command, exp.Transaction, exp.Commit, exp.Rollback, exp.Set, exp.Alias, exp.Column)


# The statements sqlglot reads only as commands (exp.Command) that go to PostgreSQL as written, as their first words
# say: utility statements that PostgreSQL reads as Redshift does (or refuses naming what it cannot do). Any other
# command (a CREATE TABLE or a query sqlglot could not read whole) is refused as unreadable.
_COMMANDS_AS_WRITTEN: tuple[tuple[str, ...], ...] = tuple(
    tuple(start.split())
    for start in (
        "SET", "RESET", "SHOW", "VACUUM", "ANALYZE", "CALL", "GRANT", "REVOKE", "COMMENT", "ALTER", "DROP", "LOCK",
        "TRUNCATE", "DECLARE", "FETCH", "MOVE", "CLOSE", "PREPARE", "EXECUTE", "DEALLOCATE", "CANCEL", "ABORT",
        "BEGIN", "START", "END", "COMMIT", "ROLLBACK", "REFRESH",
        "CREATE FUNCTION", "CREATE PROCEDURE", "CREATE OR REPLACE FUNCTION", "CREATE OR REPLACE PROCEDURE",
        "CREATE OR REPLACE VIEW", "CREATE OR REPLACE EXTERNAL", "CREATE USER", "CREATE GROUP", "CREATE SCHEMA",
        "CREATE EXTERNAL",
    )
)  # fmt: skip


LARGEST_STATEMENT = 16 * 2**20
"""The bytes of the largest statement: "The maximum size for a single SQL statement is 16 MB" (r_INSERT_30.html)."""


def translate(sql: str, case_sensitive: bool = False) -> list[Statement]:
    """Split a client's query text into statements (several may come in one simple query) and translate each, in a
    session whose enable_case_sensitive_identifier is `case_sensitive` (until a statement of the text sets it).

    Raises UnsupportedFeature for SQL that Amazon Redshift rejects, the COPY grammar's RedshiftError for a COPY
    statement it refuses, and a RedshiftError (SYNTAX_ERROR) for a statement the translator cannot read.
    """
    sql = delimited_unicode_space_names(spaced_placeholders(sql))
    if (size := len(sql.encode())) > LARGEST_STATEMENT:  # the text as sent, its comments too
        message = STATEMENT_TOO_LARGE.format(size=size, largest=LARGEST_STATEMENT)
        raise RedshiftError(message, sqlstate=SqlState.SYNTAX_ERROR)
    statements = []
    for source, tokens in _split(sql):
        with names.identifiers_case_sensitive(case_sensitive):
            statement = _translate_statement(sql, source, tokens)
        statements.append(statement)
        case_sensitive = case_sensitive if statement.case_sensitive is None else statement.case_sensitive
    return statements


def _split(sql: str) -> Iterator[tuple[str, list[Token] | None]]:
    """Each statement's text (without its semicolon) and tokens; comments alone and empty statements are skipped.

    Text the tokenizer cannot read (an unterminated string, say) comes back whole, without tokens.
    """
    try:
        tokens = LocalRedshift().tokenize(sql)
    except TokenError:
        if sql.strip():
            yield sql.strip(), None
        return
    statement: list[Token] = []
    for token in [*tokens, None]:
        if token is not None and token.token_type != TokenType.SEMICOLON:
            statement.append(token)
        elif statement:
            yield sql[statement[0].start : statement[-1].end + 1].strip(), statement
            statement = []


def _translate_statement(sql: str, source: str, tokens: list[Token] | None) -> Statement:
    if tokens is not None and (too_long := names.too_long_name(tokens)) is not None:
        raise too_long
    if tokens is not None and (begun := transaction_begun(tokens)) is not None:
        return Statement(source=source, postgres=[begun])
    if tokens is not None and tokens[0].token_type == TokenType.COPY:
        return Statement(source=source, postgres=[], copy=parse_copy(source))
    if tokens is not None and (explained := explained_statement(source, tokens)) is not None:
        [inner] = translate(explained, names.case_sensitive())
        return Statement(source=source, postgres=[], explain=inner.postgres[0])
    if tokens is not None and tokens[0].token_type == TokenType.COMMAND and tokens[0].text.upper() == "UNLOAD":
        unload = replace(parse_unload(source), case_sensitive=names.case_sensitive())
        return Statement(source=source, postgres=[], unload=unload)
    if tokens is not None and (grant := database_grant(tokens) or system_role_grant(tokens) or table_grant(tokens)):
        return Statement(source=source, postgres=[], user=grant)
    if tokens is not None and (forgiven := forgiven_syntax_error(tokens)) is not None:
        raise forgiven
    try:
        if tokens is None:
            raise TokenError("the text cannot be tokenized")
        trees = LocalRedshift().parser().parse(tokens, sql)
        if len(trees) != 1 or trees[0] is None:  # a lone keyword such as ELSE parses into no statement
            raise ParseError(f"{len(trees)} statements")
        [tree] = trees
    except (ParseError, TokenError) as error:
        raise unreadable(sql, source, tokens, _tokenizing_error(source) if tokens is None else error) from error
    as_written = tree.copy() if isinstance(tree, _KEPT_AS_WRITTEN) else None
    context = Context()
    tree = _apply_rules(tree, context)
    if isinstance(tree, _KEPT_AS_WRITTEN) and tree == as_written:
        if tokens is not None and (user := user_statement(tokens) or role_statement(tokens)) is not None:
            return Statement(source=source, postgres=[], user=user)
        if isinstance(tree, exp.Command) and not _passes_as_written(tree):
            raise unreadable(sql, source, tokens, None)
        written = source if tokens is None else names.delimited_names_in(sql, tokens)
        return Statement(source, [written, *context.bookkeeping], case_sensitive=context.case_sensitive)
    postgres = [_written(tree), *context.bookkeeping]
    return Statement(
        source, postgres, databases=tuple(context.databases), before=tuple(context.before),
        case_sensitive=context.case_sensitive, outside_transaction_block=context.outside_transaction_block,
    )  # fmt: skip


def _written(tree: exp.Expr) -> str:
    """The translated statement as PostgreSQL text; a construct sqlglot's writer would leave out (PIVOT, say) is
    refused by name rather than dropped."""
    try:
        return tree.sql(dialect="postgres", unsupported_level=ErrorLevel.RAISE)
    except UnsupportedError as error:
        raise UnsupportedFeature.of(_left_out(str(error)), by="the local Redshift") from error


def _left_out(message: str) -> str:
    """The construct a writer's message names ("PIVOT unsupported", "Unsupported property diststyleproperty")."""
    words = [word.upper().removesuffix("PROPERTY") for word in message.split()]
    return " ".join(word for word in words if word not in ("UNSUPPORTED", "")) or message


def _tokenizing_error(source: str) -> TokenError:
    """Why the tokenizer cannot read the statement."""
    try:
        LocalRedshift().tokenize(source)
    except TokenError as error:
        return error
    return TokenError("the text cannot be tokenized")


def _passes_as_written(command: exp.Command) -> bool:
    """Whether a statement sqlglot reads only as a command is one PostgreSQL runs as Redshift does."""
    words = command_text(command).upper().split()
    return any(words[: len(start)] == list(start) for start in _COMMANDS_AS_WRITTEN)


def _apply_rules(tree: exp.Expr, context: Context) -> exp.Expr:
    """Apply the RULES in order, each to every node it matches, descendants before their ancestors.

    Returns the new root. The list of nodes is walked again only after a rule matched (and maybe changed) some.
    """
    nodes = _descendants_first(tree)
    for rule in RULES:
        matched = [node for node in nodes if rule.matches(node)]
        for node in matched:
            parent, arg_key, index = node.parent, node.arg_key, node.index  # before the rewrite reparents the node
            rewritten = rule.rewrite(node, context)
            if rewritten is node:
                continue
            if parent is None:
                tree = rewritten
            else:
                parent.set(arg_key, rewritten, index)
        if matched:
            nodes = _descendants_first(tree)
    return tree


def _descendants_first(tree: exp.Expr) -> list[exp.Expr]:
    return list(reversed(list(tree.dfs())))
