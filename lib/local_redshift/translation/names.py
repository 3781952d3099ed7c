"""Names as Redshift gives and reads them: lateral column aliases, select-list aliases in WHERE and HAVING, result
column names, delimited identifiers, and the length of a name."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sqlglot import exp
from sqlglot.errors import TokenError
from sqlglot.tokens import Token, TokenType

from local_redshift.errors import NAME_TOO_LONG, UnsupportedFeature
from local_redshift.translation.parser import LocalRedshift, QualifiedInterval
from local_redshift.translation.rule import Context, Rule, call_of, node_is


def _year_to_month(interval: QualifiedInterval) -> bool:
    return interval.args["qualifier"].split()[0] in ("YEAR", "MONTH")


# The name Redshift gives a result column that is one of these function calls, unaliased.
_RESULT_COLUMN_NAMES: list[tuple[Callable[[exp.Expr], bool], str]] = [
    (node_is(exp.Extract), "date_part"),
    (call_of("DATE_PART"), "pgdate_part"),
    (call_of("DATEDIFF", "DATE_DIFF"), "date_diff"),
    (call_of("DATEADD", "DATE_ADD"), "date_add"),
    (call_of("ADD_MONTHS"), "add_months"),
    (call_of("GETDATE"), "timestamp"),
    (node_is(exp.CurrentTimestamp, where=lambda t: bool(t.args.get("sysdate"))), "timestamp"),
    (node_is(exp.GroupConcat), "listagg"),
    (node_is(exp.WithinGroup, where=lambda within: isinstance(within.this, exp.GroupConcat)), "listagg"),
    (node_is(exp.FromBase), "strtol"),
    (node_is(exp.Trunc), "trunc"),
    (node_is(QualifiedInterval, where=_year_to_month), "intervaly2m"),  # "Examples of interval literals"
    (node_is(QualifiedInterval), "intervald2s"),
]


def result_column_names(select: exp.Select, _: Context) -> exp.Expr:
    """An unaliased call of a translated function keeps the column name Redshift gives it."""
    for projection in select.expressions:
        for matches, name in _RESULT_COLUMN_NAMES:
            if matches(projection):
                projection.replace(exp.alias_(projection.copy(), name))
                break
    return select


def lateral_column_alias(select: exp.Select, _: Context) -> exp.Expr:
    """An alias defined in the select list can be used by the expressions after it: its expression is inlined.

    "If there is a column with the same name defined in the FROM clause ..., the column in the FROM clause takes
    priority": see _is_a_column for what the translator can tell of that without the table definitions.
    """
    defined: dict[str, exp.Expr] = {}
    for projection in select.expressions:
        for column in list(projection.find_all(exp.Column)):
            if not column.table and column.name.lower() in defined and column.find_ancestor(exp.Select) is select:
                column.replace(exp.paren(defined[column.name.lower()].copy()))
        if isinstance(projection, exp.Alias) and not _is_a_column(projection.alias.lower(), projection.this, select):
            defined[projection.alias.lower()] = projection.this
    return select


def _is_a_column(name: str, expression: exp.Expr, select: exp.Select) -> bool:
    """Whether a FROM-clause column is known to have the alias's name: the aliased expression reads an unqualified
    column of that name (`upper(name) AS name`), or the query reads it qualified (`t.name`). A table column that the
    query does not read cannot be seen without the table definitions; there the alias wins."""
    return any(column.name.lower() == name for column in expression.find_all(exp.Column) if not column.table) or any(
        column.name.lower() == name for column in select.find_all(exp.Column) if column.table
    )


def select_list_aliases_in_where_and_having(select: exp.Select, _: Context) -> exp.Expr:
    """A select-list alias used in WHERE or HAVING stands for its expression, which is inlined; a FROM-clause column
    of the same name takes priority, as in the select list (see _is_a_column)."""
    aliases = {
        projection.alias.lower(): projection.this
        for projection in select.expressions
        if isinstance(projection, exp.Alias) and not _is_a_column(projection.alias.lower(), projection.this, select)
    }
    for clause in (select.args.get("where"), select.args.get("having")):
        if not aliases or clause is None:
            continue
        for column in list(clause.find_all(exp.Column)):
            name = column.name.lower()
            if not column.table and name in aliases and column.find_ancestor(exp.Select) is select:
                column.replace(exp.paren(aliases[name].copy()))
    return select


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def folded(name: str) -> str:
    """`name` as Redshift folds identifiers: "ASCII letters in standard and delimited identifiers are case-insensitive
    and are folded to lowercase" ("Names and identifiers"); other letters keep their case (ÖhNo is Öhno)."""
    return name.translate(_ASCII_LOWER)


_CASE_SENSITIVE: ContextVar[bool] = ContextVar("enable_case_sensitive_identifier", default=False)


@contextmanager
def identifiers_case_sensitive(on: bool) -> Iterator[None]:
    """Translate with enable_case_sensitive_identifier `on` (the session's setting) until the block ends."""
    token = _CASE_SENSITIVE.set(on)
    try:
        yield
    finally:
        _CASE_SENSITIVE.reset(token)


def case_sensitive() -> bool:
    """Whether "Quoted" names keep their case: enable_case_sensitive_identifier is on."""
    return _CASE_SENSITIVE.get()


def delimited(name: str) -> str:
    """A "Quoted" name as Redshift reads it: as written where enable_case_sensitive_identifier is on, else folded to
    lower case like any other ("The case of name identifiers is preserved when you enclose identifiers within double
    quotation marks and set enable_case_sensitive_identifier to true")."""
    return name if _CASE_SENSITIVE.get() else folded(name)


def written_name(text: str) -> str:
    """The name a written identifier stands for: a "quoted" one (its "" undoubled) as `delimited` reads it, else
    folded."""
    return delimited(text[1:-1].replace('""', '"')) if text.startswith('"') else folded(text)


def written_user_name(text: str) -> str:
    """The name of a user a written identifier stands for: a "quoted" one (its "" undoubled) as written, whatever
    enable_case_sensitive_identifier says ("The case of a username enclosed in double quotation marks is always
    preserved"), else folded."""
    return text[1:-1].replace('""', '"') if text.startswith('"') else folded(text)


def quoted(node: exp.Expr) -> bool:
    """Whether an identifier (or a column, or a column definition) is written "quoted"."""
    identifier = node if isinstance(node, exp.Identifier) else node.args.get("this")
    return isinstance(identifier, exp.Identifier) and bool(identifier.quoted)


def stored_name(node: exp.Expr) -> str:
    """The name an identifier (or a column, or a column definition) stands for, once the delimited identifiers are
    read (DELIMITED_IDENTIFIERS): a quoted one as it is, any other folded, as PostgreSQL keeps it."""
    return node.name if quoted(node) else folded(node.name)


_PRINCIPAL_AFTER = frozenset({"AUTHORIZATION", "USER", "GROUP", "ROLE"})


def _tokens(text: str) -> list[Token]:
    tokens = LocalRedshift().tokenize(text)
    if not tokens:
        raise TokenError("no words")
    return tokens


def delimited_names_in(sql: str, tokens: list[Token]) -> str:
    """A statement passed to PostgreSQL as written (the text `sql` the `tokens` were read from, from its first token
    to its last), each "Quoted" name as `delimited` reads it, but a user's, group's or role's, which keeps its case
    ("The case of a username enclosed in double quotation marks is always preserved")."""
    words = [token.text.upper() if token.token_type != TokenType.IDENTIFIER else "" for token in tokens]
    grants = words[0] in ("GRANT", "REVOKE") or words[:3] == ["ALTER", "DEFAULT", "PRIVILEGES"]
    grantees = max((i for i, word in enumerate(words) if word in ("TO", "FROM")), default=len(words)) if grants else -1
    parts, position = [], tokens[0].start
    for index, token in enumerate(tokens):
        rest = sql[tokens[index - 1].end + 1 : token.end + 1] if index else ""
        if token.token_type == TokenType.STRING and rest.strip() == token.text:
            # the rest of a command (LOCK "T", CALL "P"()), which the tokenizer keeps as one string: its own words
            try:
                written = delimited_names_in(rest, _tokens(rest))
            except TokenError:
                continue
            parts += [sql[position : tokens[index - 1].end + 1], rest[: len(rest) - len(rest.lstrip())], written]
            position = token.end + 1
            continue
        if token.token_type != TokenType.IDENTIFIER or token.text == delimited(token.text):
            continue
        before = words[max(index - 2, 0) : index]
        owner = before == ["OWNER", "TO"]
        if not (0 <= grantees < index or owner or (before and before[-1] in _PRINCIPAL_AFTER)):
            quoted = exp.to_identifier(delimited(token.text), quoted=True).sql(dialect="postgres")
            parts += [sql[position : token.start], quoted]
            position = token.end + 1
    return "".join([*parts, sql[position : tokens[-1].end + 1]])


def delimited_identifiers_fold_to_lower_case(identifier: exp.Identifier, _: Context) -> exp.Expr:
    """Redshift folds "Quoted" names to lower case too, unless enable_case_sensitive_identifier is on."""
    identifier.set("this", folded(identifier.name))
    return identifier


LATERAL_COLUMN_ALIAS = Rule("Lateral column alias reference", node_is(exp.Select), lateral_column_alias)
SELECT_LIST_ALIASES_IN_WHERE_AND_HAVING = Rule(
    "Select-list aliases in WHERE and HAVING", node_is(exp.Select), select_list_aliases_in_where_and_having
)
RESULT_COLUMN_NAMES = Rule("Result column names", node_is(exp.Select), result_column_names)
DELIMITED_IDENTIFIERS = Rule(
    "Delimited identifiers",
    node_is(
        exp.Identifier,
        # "The case of a username enclosed in double quotation marks is always preserved" (a GRANT's grantee)
        where=lambda i: i.quoted and i.name != delimited(i.name) and not isinstance(i.parent, exp.GrantPrincipal),
    ),
    delimited_identifiers_fold_to_lower_case,
)


LONGEST_NAME = 63
"""The bytes of a name PostgreSQL keeps (NAMEDATALEN - 1), where Redshift keeps 127 ("Names and identifiers")."""


def too_long_name(tokens: list[Token]) -> UnsupportedFeature | None:
    """The refusal of a statement naming something with more bytes than PostgreSQL keeps: it would cut the name
    short in silence (two long names alike at the start are then one), where Redshift keeps it whole."""
    for token in tokens:
        size = len(token.text.encode())
        if token.token_type in (TokenType.VAR, TokenType.IDENTIFIER) and size > LONGEST_NAME:
            return UnsupportedFeature(NAME_TOO_LONG.format(name=token.text, length=size, longest=LONGEST_NAME))
    return None
