"""The SHOW commands of metadata discovery ("Use SHOW commands", management guide): SHOW DATABASES, SCHEMAS, TABLES,
COLUMNS, CONSTRAINTS, GRANTS ON TABLE, COLUMN GRANTS, PROCEDURES, FUNCTIONS and PARAMETERS, as the rows of the views
their pages name (SVV_*) or of the catalog's views in their columns (catalog_sql/66_show_metadata.sql), with their
LIKE (case-sensitive) and LIMIT.

A name may be a parameter ($1): redshift_connector's metadata API binds the names it sends (SHOW SCHEMAS FROM
DATABASE %s); a bound name is the object's name as it is, a written one is folded as Redshift folds identifiers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlglot import exp

from local_redshift.catalog import SCHEMA
from local_redshift.errors import RedshiftError, SqlState
from local_redshift.translation.databases import SHOWN, SHOWN_BOUND, NamedDatabase, database_check
from local_redshift.translation.intervals import YEAR_MONTH_FIELDS
from local_redshift.translation.names import written_name
from local_redshift.translation.rule import Context, Rule, command_is, command_text

_NAME = r'(?:"(?:[^"]|"")+"|\$\d+|[^\s."(),;$]+)'
_DOT = r"\s*\.\s*"
_PATTERN = r"(?:'(?:[^']|'')*'|\$\d+)"
_LIKE = rf"(?:\s+LIKE\s+(?P<pattern>{_PATTERN}))?"
_LIMIT = r"(?:\s+LIMIT\s+(?P<limit>\d+))?"
_END = r"\s*;?\s*"


def _names(count: int, optional_database: bool = False) -> str:
    """`count` dotted names in group `names`; with `optional_database`, the first of them may be left out."""
    rest = _DOT.join([_NAME] * (count - 1))
    first = rf"(?:{_NAME}{_DOT})?" if optional_database else rf"{_NAME}{_DOT}"
    return rf"(?P<names>{first}{rest})" if count > 1 else rf"(?P<names>{_NAME})"


@dataclass(frozen=True)
class _Show:
    """One SHOW command: its grammar, the columns it lists from which view, the columns its names select (the last
    names given fill the last of them), the column LIKE matches, the order of its rows and conditions of its own."""

    grammar: re.Pattern[str]
    columns: str
    view: str
    name_columns: tuple[str, ...]
    listed: str
    order: str
    conditions: tuple[str, ...] = ()


def _grammar(text: str) -> re.Pattern[str]:
    return re.compile(text + _END, re.I | re.S)


_TABLE_COLUMNS = (
    "database_name, schema_name, table_name, table_type, table_acl, remarks, owner, last_altered_time, "
    "last_modified_time, dist_style, table_subtype"
)
_COLUMN_COLUMNS = (
    "database_name, schema_name, table_name, column_name, ordinal_position, column_default, is_nullable, data_type, "
    "character_maximum_length, numeric_precision, numeric_scale, remarks, sort_key_type, sort_key, dist_key, "
    'encoding, "collation"'
)
_FOREIGN_KEY_COLUMNS = (
    "pk_database_name, pk_schema_name, pk_table_name, pk_column_name, fk_database_name, fk_schema_name, "
    "fk_table_name, fk_column_name, key_seq, fk_name, pk_name, update_rule, delete_rule, deferrability"
)
_PARAMETER_COLUMNS = (
    "database_name, schema_name, routine_name AS {routine}_name, parameter_name, ordinal_position, parameter_type, "
    "data_type, character_maximum_length, numeric_precision, numeric_scale"
)
_ROUTINE = r"(?P<routine>PROCEDURE|FUNCTION)"
_FOR = rf"(?:\s+FOR\s+(?:(?P<for_role>ROLE)\s+)?(?P<grantee>{_NAME}))?"
_GRANTEE_ORDER = "identity_type = 'role', identity_id"  # users, by id, then roles (Redshift numbers them apart)
_GRANT_COLUMNS = (
    "database_name, schema_name, {object}_name, object_type, privilege_type, identity_id, identity_name, "
    "identity_type, admin_option, privilege_scope, grantor_name"
)

_SHOWS: dict[tuple[str, ...], _Show] = {
    ("DATABASES",): _Show(
        _grammar(rf"SHOW\s+DATABASES{_LIKE}{_LIMIT}"),
        "*",
        "svv_redshift_databases",
        (),
        "database_name",
        "database_name",
    ),
    ("SCHEMAS",): _Show(
        _grammar(rf"SHOW\s+SCHEMAS\s+FROM\s+DATABASE\s+{_names(1)}{_LIKE}{_LIMIT}"),
        "*",
        "svv_all_schemas",
        ("database_name",),
        "schema_name",
        "schema_name",
    ),
    ("TABLES",): _Show(
        _grammar(rf"SHOW\s+TABLES\s+FROM\s+SCHEMA\s+{_names(2)}{_LIKE}{_LIMIT}"),
        _TABLE_COLUMNS,
        "show_tables",
        ("database_name", "schema_name"),
        "table_name",
        "table_name",
    ),
    ("COLUMNS",): _Show(
        _grammar(rf"SHOW\s+COLUMNS\s+FROM\s+TABLE\s+{_names(3)}{_LIKE}{_LIMIT}"),
        _COLUMN_COLUMNS,
        "show_columns",
        ("database_name", "schema_name", "table_name"),
        "column_name",
        "ordinal_position",
    ),
    ("CONSTRAINTS", "PRIMARY"): _Show(
        _grammar(rf"SHOW\s+CONSTRAINTS\s+PRIMARY\s+KEYS\s+FROM\s+TABLE\s+{_names(3, True)}{_LIMIT}"),
        "database_name, schema_name, table_name, pk_name, column_name, key_seq",
        "show_primary_keys",
        ("database_name", "schema_name", "table_name"),
        "column_name",
        "key_seq",
    ),
    ("CONSTRAINTS", "FOREIGN"): _Show(
        _grammar(
            rf"SHOW\s+CONSTRAINTS\s+FOREIGN\s+KEYS(?P<exported>\s+EXPORTED)?\s+FROM\s+TABLE\s+{_names(3, True)}{_LIMIT}"
        ),
        _FOREIGN_KEY_COLUMNS,
        "show_foreign_keys",
        ("{side}_database_name", "{side}_schema_name", "{side}_table_name"),
        "fk_column_name",
        "pk_table_name, key_seq, fk_table_name",
    ),
    ("PROCEDURES",): _Show(
        _grammar(rf"SHOW\s+PROCEDURES\s+FROM\s+SCHEMA\s+{_names(2)}{_LIKE}{_LIMIT}"),
        "database_name, schema_name, procedure_name, return_type, argument_list",
        "show_procedures",
        ("database_name", "schema_name"),
        "procedure_name",
        "procedure_name, argument_list",
    ),
    ("FUNCTIONS",): _Show(
        _grammar(rf"SHOW\s+FUNCTIONS\s+FROM\s+SCHEMA\s+{_names(2)}{_LIKE}{_LIMIT}"),
        "database_name, schema_name, function_name, return_type, argument_list",
        "show_functions",
        ("database_name", "schema_name"),
        "function_name",
        "function_name, argument_list",
    ),
    ("GRANTS", "ON"): _Show(
        _grammar(rf"SHOW\s+GRANTS\s+ON\s+TABLE\s+{_names(3, True)}{_FOR}{_LIMIT}"),
        _GRANT_COLUMNS.format(object="object"),
        "show_table_grants",
        ("database_name", "schema_name", "object_name"),
        "object_name",
        "schema_name, object_name, privilege_type, " + _GRANTEE_ORDER,
    ),
    ("COLUMN", "GRANTS"): _Show(
        _grammar(rf"SHOW\s+COLUMN\s+GRANTS\s+ON\s+TABLE\s+{_names(3, True)}{_FOR}{_LIKE}{_LIMIT}"),
        _GRANT_COLUMNS.format(object="table_name, column"),
        "show_column_grants",
        ("database_name", "schema_name", "table_name"),
        "column_name",
        "column_name, privilege_type, " + _GRANTEE_ORDER,
    ),
    ("PARAMETERS",): _Show(
        _grammar(
            rf"SHOW\s+PARAMETERS\s+OF\s+{_ROUTINE}\s+{_names(3, True)}\s*\((?P<arguments>[^()]*)\){_LIKE}{_LIMIT}"
        ),
        _PARAMETER_COLUMNS,
        "show_parameters",
        ("database_name", "schema_name", "routine_name"),
        "parameter_name",
        "ordinal_position",
    ),
}


def _is_placeholder(part: str) -> bool:
    return re.fullmatch(r"\$\d+", part) is not None


def _value(part: str) -> str:
    """A name's value in the query: a bound one as it is, a written one folded."""
    return f"{part}::text" if _is_placeholder(part) else exp.Literal.string(written_name(part)).sql(dialect="postgres")


_INTERVAL_TYPE = re.compile(
    r"(?P<name>intervaly2m|intervald2s)|interval\s+(?P<first>year|month|day|hour|minute|second)\b.*"
)


def _argument_type(part: str) -> str:
    """One argument type of SHOW PARAMETERS as the catalog lists it: a qualified interval as the catalog's type of a
    routine's interval (translation/intervals.py), another as PostgreSQL reads it."""
    if _is_placeholder(part):
        return f"{part}::text"
    interval = _INTERVAL_TYPE.fullmatch(" ".join(part.lower().split()))
    if interval is not None:
        year_month = interval["name"] == "intervaly2m" or (interval["first"] or "").upper() in YEAR_MONTH_FIELDS
        return "'intervaly2m'" if year_month else "'intervald2s'"
    return f"{SCHEMA}.show_type_name({exp.Literal.string(part).sql(dialect='postgres')}::regtype)"


def _argument_types(arguments: str) -> str:
    """SHOW PARAMETERS's argument types as the catalog lists them (its argument_list)."""
    values = [_argument_type(part.strip()) for part in arguments.split(",") if part.strip()]
    return f"concat_ws(', ', {', '.join(values)})" if values else "''"


def _kind(text: str) -> tuple[str, ...]:
    words = tuple(text.upper().split()[1:3])
    return words if words in _SHOWS else words[:1]


def show_objects(command: exp.Command, context: Context) -> exp.Expr:
    """A SHOW command of metadata discovery: the SELECT of its rows from its view."""
    text = command_text(command).strip()
    kind = _kind(text)
    show = _SHOWS[kind]
    matched = show.grammar.fullmatch(text)
    if matched is None:
        raise RedshiftError(
            f"the local Redshift could not read {text!r} as SHOW {' '.join(kind)}", sqlstate=SqlState.SYNTAX_ERROR
        )
    groups = matched.groupdict()
    side = "pk" if groups.get("exported") else "fk"
    names = re.findall(_NAME, groups.get("names") or "")
    name_columns = [column.format(side=side) for column in show.name_columns][len(show.name_columns) - len(names) :]
    conditions = [f"{column} = {_value(name)}" for column, name in zip(name_columns, names, strict=True)]
    conditions += show.conditions
    if groups.get("routine"):
        conditions += [
            f"prokind = '{groups['routine'][0].lower()}'",
            f"argument_list = {_argument_types(groups['arguments'])}",
        ]
    if groups.get("grantee"):
        grantee = groups["grantee"]
        public = not _is_placeholder(grantee) and written_name(grantee) == "public" and not groups.get("for_role")
        conditions.append("identity_type = 'public'" if public else f"identity_name = {_value(grantee)}")
    if groups.get("pattern"):
        conditions.append(
            f"{show.listed} LIKE {groups['pattern']}{'::text' if _is_placeholder(groups['pattern']) else ''}"
        )
    if len(names) == len(show.name_columns) and names:  # the database it names, which the endpoint reads
        if _is_placeholder(names[0]):  # first when it is not the connected one (endpoint/shown.py)
            context.databases.append(NamedDatabase(names[0], SHOWN_BOUND))  # known once it is bound
        else:
            context.bookkeeping.append(database_check(written_name(names[0])))
            context.databases.append(NamedDatabase(written_name(names[0]), SHOWN))
    columns = show.columns.format(routine=(groups.get("routine") or "").lower())
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    limit = f" LIMIT {groups['limit']}" if groups.get("limit") else ""
    sql = f"SELECT {columns} FROM {SCHEMA}.{show.view}{where} ORDER BY {show.order}{limit}"
    return exp.maybe_parse(sql, dialect="postgres")


SHOW_OBJECTS = Rule(
    "SHOW DATABASES, SCHEMAS, TABLES, COLUMNS, CONSTRAINTS, GRANTS, COLUMN GRANTS, PROCEDURES, FUNCTIONS, PARAMETERS",
    lambda node: any(command_is("SHOW", *kind)(node) for kind in _SHOWS),
    show_objects,
)


_SHOW_VIEW = _grammar(rf"SHOW\s+VIEW\s+(?P<names>(?:{_NAME}{_DOT})?{_NAME})")


def show_view(command: exp.Command, _: Context) -> exp.Expr:
    """SHOW VIEW [schema_name.]view_name: the view's definition, as PG_GET_VIEWDEF gives it (its columns named with
    their relation's name, as the page's examples print them; a late-binding view's whole CREATE VIEW). The page
    prints the definition alone: the column is named after the command."""
    text = command_text(command).strip()
    matched = _SHOW_VIEW.fullmatch(text)
    if matched is None:
        raise RedshiftError(f"the local Redshift could not read {text!r} as SHOW VIEW", sqlstate=SqlState.SYNTAX_ERROR)
    names = [written_name(name) for name in re.findall(_NAME, matched["names"])]
    view = ".".join(exp.to_identifier(name, quoted=True).sql(dialect="postgres") for name in names)
    sql = f"SELECT {SCHEMA}.pg_get_viewdef({exp.Literal.string(view).sql(dialect='postgres')}::regclass) AS show_view"
    return exp.maybe_parse(sql, dialect="postgres")


SHOW_VIEW = Rule("SHOW VIEW", command_is("SHOW", "VIEW"), show_view)
