"""Names as Redshift gives and reads them: lateral column aliases, select-list aliases in WHERE and HAVING, result
column names, delimited identifiers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sqlglot import exp

from local_redshift.translation.parser import QualifiedInterval
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


def stored_name(node: exp.Expr) -> str:
    """The name an identifier (or a column, or a column definition) stands for, once the delimited identifiers are
    read (DELIMITED_IDENTIFIERS): a quoted one as it is, any other folded, as PostgreSQL keeps it."""
    identifier = node if isinstance(node, exp.Identifier) else node.args.get("this")
    return node.name if isinstance(identifier, exp.Identifier) and identifier.quoted else folded(node.name)


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
