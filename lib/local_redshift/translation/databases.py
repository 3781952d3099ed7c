"""A cluster's databases as Redshift names them: three-part names (`dev.public.t`), INFORMATION_SCHEMA, whose
*_catalog columns name the cluster's database, not the PostgreSQL database holding it, and CREATE, DROP and ALTER
DATABASE (r_CREATE_DATABASE, r_DROP_DATABASE, r_ALTER_DATABASE).

A database made by CREATE DATABASE is a PostgreSQL database of the cluster's own server under its Redshift name,
copied from the catalog's template (catalog.TEMPLATE_DATABASE). What depends on the session (which database it is
connected to, the cluster's own database) is the endpoint's to check: each statement lists the databases it names
(NamedDatabase), and endpoint/databases.py decides."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlglot import exp

from local_redshift.catalog import INTERNAL_PREFIX, SCHEMA, SERVER_DATABASES, TEMPLATE_DATABASE
from local_redshift.errors import DATABASE_MISSING, DATABASE_NAME_RESERVED, RedshiftError, SqlState, UnsupportedFeature
from local_redshift.translation.names import written_name, written_user_name
from local_redshift.translation.rule import Context, Rule, command_is, command_text, node_is

INFORMATION_SCHEMA = "information_schema"

REDSHIFT_DATABASES = ("dev", "padb_harvest", "template0", "template1", "sys:internal")
"""The databases r_DROP_DATABASE and r_ALTER_DATABASE say cannot be dropped or renamed."""

# What a statement does to a database it names (NamedDatabase.verb).
CREATE, DROP, RENAME, ALTER, QUALIFIED = "CREATE", "DROP", "RENAME", "ALTER", "QUALIFIED"
SHOWN = "SHOWN"  # SHOW SCHEMAS, TABLES or COLUMNS lists what the database holds (translation/show.py)
SHOWN_BOUND = "SHOWN_BOUND"  # the same, of the database whose name is bound to the parameter `name` ($1)


@dataclass(frozen=True)
class NamedDatabase:
    """A database a statement names, and what it does with it: CREATE, DROP, RENAME or ALTER (another ALTER
    DATABASE: `rest` is the PostgreSQL text after the name), QUALIFIED (a three-part name reads or writes in it),
    SHOWN (a SHOW lists what it holds) or SHOWN_BOUND (the same, the database's name bound to parameter `name`)."""

    name: str
    verb: str
    rest: str = ""


def database_check(name: str) -> str:
    """The statement that fails (and fails its transaction) unless `name` is the database connected to: as the
    bookkeeping after a statement with a three-part name, or in its place (endpoint/databases.py)."""
    return f"SELECT {SCHEMA}.check_database({exp.Literal.string(name).sql(dialect='postgres')})"


def three_part_name(node: exp.Table | exp.Column, context: Context) -> exp.Expr:
    """database.schema.object: the database must be the one connected to (the local Redshift cannot read across
    databases, nor write to another); the name is then read as schema.object."""
    name = node.args["catalog"].name.lower()
    node.set("catalog", None)
    if (check := database_check(name)) not in context.bookkeeping:
        context.bookkeeping.append(check)
        context.databases.append(NamedDatabase(name, QUALIFIED))
    return node


_NAME = r'(?:"(?:[^"]|"")+"|[^\s"=;]+)'
_LIMIT = r"CONNECTION\s+LIMIT\s+(?P<limit>\d+|UNLIMITED)"
_COLLATE = r"COLLATE\s*=?\s*(?P<collate>CASE_SENSITIVE|CS|CASE_INSENSITIVE|CI)"
_ISOLATION = r"ISOLATION\s+LEVEL\s+(?P<isolation>SNAPSHOT|SERIALIZABLE)"
_CREATE = re.compile(
    rf"CREATE\s+DATABASE\s+(?P<name>{_NAME})(?:\s+WITH)?(?:\s+OWNER\s*=?\s*(?P<owner>{_NAME}))?"
    rf"(?:\s+{_LIMIT})?(?:\s+{_COLLATE})?(?:\s+{_ISOLATION})?",
    re.I | re.S,
)
_DROP = re.compile(rf"DROP\s+DATABASE\s+(?P<exists>IF\s+EXISTS\s+)?(?P<name>{_NAME})(?P<force>\s+FORCE)?", re.I | re.S)
_ALTER = re.compile(
    rf"ALTER\s+DATABASE\s+(?P<name>{_NAME})\s+(?:RENAME\s+TO\s+(?P<new_name>{_NAME})|OWNER\s+TO\s+(?P<owner>{_NAME})"
    rf"|(?=\S)(?:WITH\s+)?(?:{_LIMIT})?(?:\s*{_COLLATE})?(?:\s*{_ISOLATION})?)",
    re.I | re.S,
)
# What CREATE and ALTER DATABASE may say that the local Redshift cannot hold, by the words that start it.
_NOT_HELD = (
    ("FROM INTEGRATION", "CREATE DATABASE ... FROM INTEGRATION (zero-ETL integrations)"),
    ("FROM ARN", "CREATE DATABASE ... FROM ARN (AWS Glue Data Catalog databases)"),
    ("FROM DATASHARE", "CREATE DATABASE ... FROM DATASHARE (datashares)"),
    ("WITH PERMISSIONS", "CREATE DATABASE ... WITH PERMISSIONS FROM DATASHARE (datashares)"),
    ("IAM_ROLE", "CREATE DATABASE ... IAM_ROLE"),
    ("INTEGRATION", "ALTER DATABASE ... INTEGRATION (zero-ETL integrations)"),
)


def create_database(node: exp.Create | exp.Command, context: Context) -> exp.Expr:
    """CREATE DATABASE name [WITH] [OWNER [=] owner] [CONNECTION LIMIT {limit | UNLIMITED}] [COLLATE ...]
    [ISOLATION LEVEL ...]: a copy of the catalog's template. COLLATE CASE_SENSITIVE and ISOLATION LEVEL SERIALIZABLE
    are what every database of the local Redshift has; CASE_INSENSITIVE and SNAPSHOT are refused."""
    text = _statement_text(node)
    matched = _matched(_CREATE, text, "CREATE DATABASE")
    name = _new_name(matched["name"])
    _hold(matched)
    context.databases.append(NamedDatabase(name, CREATE))
    parts = [f"DATABASE {_identifier(name)} WITH TEMPLATE {_identifier(TEMPLATE_DATABASE)}"]
    if matched["owner"]:
        parts.append(f"OWNER {_identifier(written_user_name(matched['owner']))}")
    if matched["limit"]:
        parts.append(f"CONNECTION LIMIT {_limit(matched['limit'])}")
    return exp.Command(this="CREATE", expression=" ".join(parts))


def drop_database(node: exp.Drop | exp.Command, context: Context) -> exp.Expr:
    """DROP DATABASE name [FORCE]: FORCE ends the sessions connected to it first, as PostgreSQL's WITH (FORCE)
    does. Redshift's own databases are kept (r_DROP_DATABASE), the server's are no database of the cluster."""
    text = _statement_text(node)
    matched = _matched(_DROP, text, "DROP DATABASE")
    name = _existing_name(matched["name"], "DROP DATABASE {name}")
    context.databases.append(NamedDatabase(name, DROP))
    exists = "IF EXISTS " if matched["exists"] else ""
    force = " WITH (FORCE)" if matched["force"] else ""
    return exp.Command(this="DROP", expression=f"DATABASE {exists}{_identifier(name)}{force}")


def alter_database(node: exp.Command, context: Context) -> exp.Expr:
    """ALTER DATABASE name {RENAME TO new_name | OWNER TO owner | [CONNECTION LIMIT ...] [COLLATE ...]
    [ISOLATION LEVEL ...]} (r_ALTER_DATABASE)."""
    text = _statement_text(node)
    matched = _matched(_ALTER, text, "ALTER DATABASE")
    if matched["new_name"]:
        name = _existing_name(matched["name"], "ALTER DATABASE {name} RENAME TO")
        rest = f"RENAME TO {_identifier(_new_name(matched['new_name']))}"
        verb = RENAME
    else:
        name = _existing_name(matched["name"])
        _hold(matched)
        if matched["owner"]:
            rest = f"OWNER TO {_identifier(written_user_name(matched['owner']))}"
        elif matched["limit"]:
            rest = f"CONNECTION LIMIT {_limit(matched['limit'])}"
        else:  # COLLATE CASE_SENSITIVE, ISOLATION LEVEL SERIALIZABLE: as the database is; its owner may say so
            rest = f"RESET {_UNCHANGED}"
        verb = ALTER
    context.databases.append(NamedDatabase(name, verb, rest))
    return exp.Command(this="ALTER", expression=f"DATABASE {_identifier(name)} {rest}")


_UNCHANGED = "redshift.unchanged"  # a setting no database has: resetting it changes nothing


def _statement_text(node: exp.Expr) -> str:
    return command_text(node).strip() if isinstance(node, exp.Command) else node.sql(dialect="redshift")


def _matched(grammar: re.Pattern[str], text: str, statement: str) -> re.Match[str]:
    matched = grammar.fullmatch(text.rstrip())
    if matched is not None:
        return matched
    words = " ".join(text.upper().split())
    for start, construct in _NOT_HELD:
        if f" {start} " in f"{words} ":
            raise UnsupportedFeature.of(construct, by="the local Redshift")
    raise RedshiftError(f"the local Redshift could not read {text!r} as {statement}", sqlstate=SqlState.SYNTAX_ERROR)


def _hold(matched: re.Match[str]) -> None:
    """Refuse what PostgreSQL cannot hold: case-insensitive collation, snapshot isolation."""
    if (matched["collate"] or "").upper() in ("CASE_INSENSITIVE", "CI"):
        raise UnsupportedFeature.of(
            "COLLATE CASE_INSENSITIVE (a database of case-insensitive names and strings)", by="the local Redshift"
        )
    if (matched["isolation"] or "").upper() == "SNAPSHOT":
        raise UnsupportedFeature.of(
            "ISOLATION LEVEL SNAPSHOT", by="the local Redshift", hint="its databases run SERIALIZABLE"
        )


def _new_name(written: str) -> str:
    """The name of a database to be made: none that Redshift or the local server keeps, none PostgreSQL cannot hold."""
    name = written_name(written)
    if name in REDSHIFT_DATABASES[1:] or name in SERVER_DATABASES or name.startswith(INTERNAL_PREFIX):
        by = "Amazon Redshift" if name in REDSHIFT_DATABASES else "the local Redshift"
        raise RedshiftError(DATABASE_NAME_RESERVED.format(name=name, by=by), sqlstate=SqlState.RESERVED_NAME)
    return name


def _existing_name(written: str, kept: str = "") -> str:
    """The name of a database to be dropped or changed: the server's are none of the cluster's, so they do not exist
    (as another cluster's database does not); Redshift's own are refused as `kept` (a construct naming {name})."""
    name = written_name(written)
    if name == SERVER_DATABASES[0] or name.startswith(INTERNAL_PREFIX):
        raise RedshiftError(DATABASE_MISSING.format(name=name), sqlstate=SqlState.INVALID_CATALOG_NAME)
    if kept and name in REDSHIFT_DATABASES:
        raise UnsupportedFeature.of(kept.format(name=name))
    return name


def _identifier(name: str) -> str:
    return exp.to_identifier(name, quoted=True).sql(dialect="postgres")


def _limit(written: str) -> str:
    return "-1" if written.upper() == "UNLIMITED" else written


def information_schema_view(table: exp.Table, _: Context) -> exp.Expr:
    """INFORMATION_SCHEMA.x reads the catalog's copy of PostgreSQL's view x, under the name x."""
    name = table.name
    alias = table.args.get("alias")
    table.set("this", exp.to_identifier(f"{INFORMATION_SCHEMA}_{name.lower()}"))
    table.set("db", exp.to_identifier(SCHEMA))
    if alias is None:
        table.set("alias", exp.TableAlias(this=exp.to_identifier(name)))
    return table


def information_schema_column(column: exp.Column, _: Context) -> exp.Expr:
    """information_schema.x.column names the column of view x by its table name alone."""
    column.set("db", None)
    return column


def _has_catalog(node: exp.Table | exp.Column) -> bool:
    return bool(node.args.get("catalog")) and not isinstance(node.this, exp.Anonymous)


THREE_PART_NAMES = Rule("Three-part names", node_is(exp.Table, exp.Column, where=_has_catalog), three_part_name)
_CREATED = node_is(exp.Create, where=lambda create: create.kind == "DATABASE")
_DROPPED = node_is(exp.Drop, where=lambda drop: drop.kind == "DATABASE")
CREATE_DATABASE = Rule(
    "CREATE DATABASE", lambda node: _CREATED(node) or command_is("CREATE", "DATABASE")(node), create_database
)
DROP_DATABASE = Rule(
    "DROP DATABASE", lambda node: _DROPPED(node) or command_is("DROP", "DATABASE")(node), drop_database
)
ALTER_DATABASE = Rule("ALTER DATABASE", command_is("ALTER", "DATABASE"), alter_database)
INFORMATION_SCHEMA_VIEWS = Rule(
    "INFORMATION_SCHEMA views",
    node_is(exp.Table, where=lambda t: t.db.lower() == INFORMATION_SCHEMA and isinstance(t.this, exp.Identifier)),
    information_schema_view,
)
INFORMATION_SCHEMA_COLUMNS = Rule(
    "Columns qualified by INFORMATION_SCHEMA",
    node_is(exp.Column, where=lambda c: c.db.lower() == INFORMATION_SCHEMA),
    information_schema_column,
)
