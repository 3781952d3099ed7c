"""SHOW DATABASES, SHOW SCHEMAS, SHOW TABLES and SHOW COLUMNS: the rows of SVV_REDSHIFT_DATABASES, SVV_ALL_SCHEMAS,
SVV_ALL_TABLES and SVV_ALL_COLUMNS their pages name, with their LIKE (case-sensitive) and LIMIT."""

from __future__ import annotations

import re

from sqlglot import exp

from local_redshift.catalog import SCHEMA
from local_redshift.errors import RedshiftError, SqlState
from local_redshift.translation.databases import SHOWN, NamedDatabase, database_check
from local_redshift.translation.rule import Context, Rule, command_is, command_text

_NAME = r'(?:"[^"]+"|[^\s."]+)'
_TAIL = r"(?:\s+LIKE\s+(?P<pattern>'(?:[^']|'')*'))?(?:\s+LIMIT\s+(?P<limit>\d+))?\s*"

# What each SHOW lists: its grammar (the names after FROM), the view it reads and the view's name columns.
_SHOWS = {
    "DATABASES": (re.compile(rf"SHOW\s+DATABASES{_TAIL}", re.I | re.S), "svv_redshift_databases", []),
    "SCHEMAS": (
        re.compile(rf"SHOW\s+SCHEMAS\s+FROM\s+DATABASE\s+(?P<names>{_NAME}){_TAIL}", re.I | re.S),
        "svv_all_schemas",
        ["database_name"],
    ),
    "TABLES": (
        re.compile(rf"SHOW\s+TABLES\s+FROM\s+SCHEMA\s+(?P<names>{_NAME}\.{_NAME}){_TAIL}", re.I | re.S),
        "svv_all_tables",
        ["database_name", "schema_name"],
    ),
    "COLUMNS": (
        re.compile(rf"SHOW\s+COLUMNS\s+FROM\s+TABLE\s+(?P<names>{_NAME}\.{_NAME}\.{_NAME}){_TAIL}", re.I | re.S),
        "svv_all_columns",
        ["database_name", "schema_name", "table_name"],
    ),
}
_LISTED_NAME = {
    "DATABASES": "database_name",
    "SCHEMAS": "schema_name",
    "TABLES": "table_name",
    "COLUMNS": "column_name",
}
_ORDER = {"DATABASES": "database_name", "SCHEMAS": "schema_name", "TABLES": "table_name", "COLUMNS": "ordinal_position"}


def _name(part: str) -> str:
    """A name as Redshift folds it: "Quoted" names too (enable_case_sensitive_identifier is off)."""
    return (part[1:-1] if part.startswith('"') else part).lower()


def show_objects(command: exp.Command, context: Context) -> exp.Expr:
    """SHOW DATABASES | SCHEMAS FROM DATABASE d | TABLES FROM SCHEMA d.s | COLUMNS FROM TABLE d.s.t
    [LIKE 'pattern'] [LIMIT n]."""
    text = command_text(command).strip()
    kind = text.split()[1].upper()
    grammar, view, name_columns = _SHOWS[kind]
    matched = grammar.fullmatch(text)
    if matched is None:
        raise RedshiftError(
            f"the local Redshift could not read {text!r} as SHOW {kind}", sqlstate=SqlState.SYNTAX_ERROR
        )
    names = re.findall(_NAME, matched.groupdict().get("names") or "")
    conditions = [
        f"{column} = {exp.Literal.string(_name(name)).sql()}" for column, name in zip(name_columns, names, strict=True)
    ]
    if matched["pattern"]:
        conditions.append(f"{_LISTED_NAME[kind]} LIKE {matched['pattern']}")
    limit = matched["limit"]
    if names:  # the database it names: the connected one, or another the endpoint reads first (endpoint/shown.py)
        context.bookkeeping.append(database_check(_name(names[0])))
        context.databases.append(NamedDatabase(_name(names[0]), SHOWN))
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    sql = f"SELECT * FROM {SCHEMA}.{view}{where} ORDER BY {_ORDER[kind]}{f' LIMIT {limit}' if limit else ''}"
    return exp.maybe_parse(sql, dialect="postgres")


SHOW_OBJECTS = Rule(
    "SHOW DATABASES, SCHEMAS, TABLES, COLUMNS",
    lambda node: any(command_is("SHOW", kind)(node) for kind in _SHOWS),
    show_objects,
)
