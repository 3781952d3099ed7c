"""Redshift's system tables and views, its system functions, its session settings and maintenance commands."""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from local_redshift.catalog import SCHEMA, system_functions, system_relations
from local_redshift.errors import SETTING_NOT_BOOLEAN, RedshiftError, SqlState, UnsupportedFeature
from local_redshift.translation.rule import (
    Context,
    Rule,
    call_of,
    catalog_call,
    command_is,
    command_text,
    node_is,
    string_literal,
)


def system_views(table: exp.Table, _: Context) -> exp.Expr:
    """Redshift's system tables and views live in schema redshift_system."""
    if table.name.lower() in system_relations() and table.db.lower() in ("", "pg_catalog") and not table.catalog:
        table.set("db", exp.to_identifier(SCHEMA))
    return table


def system_view_columns(column: exp.Column, _: Context) -> exp.Expr:
    """pg_catalog.view.column names the column of a system view by its view's name alone."""
    column.set("db", None)
    return column


def privilege_of_a_system_view(call: exp.Anonymous, _: Context) -> exp.Expr:
    """HAS_TABLE_PRIVILEGE(..., 'svv_table_info', ...): the system view is named in schema redshift_system."""
    for argument in call.expressions:
        if _is_a_system_view_name(argument):
            argument.replace(string_literal(f"{SCHEMA}.{argument.this.lower().removeprefix('pg_catalog.')}"))
    return call


def _is_a_system_view_name(argument: exp.Expr) -> bool:
    return (
        isinstance(argument, exp.Literal)
        and argument.is_string
        and argument.this.lower().removeprefix("pg_catalog.") in system_relations()
    )


def current_database_is_the_clusters(_current: exp.CurrentDatabase, _: Context) -> exp.Expr:
    """CURRENT_DATABASE(): the database named when the cluster was created, whatever PostgreSQL calls it."""
    return catalog_call("current_database")


def version(_version: exp.CurrentVersion, _: Context) -> exp.Expr:
    """VERSION(): PostgreSQL 8.0.2 and the Redshift build, as Redshift answers."""
    return catalog_call("version")


# The leader node-only functions of the Developer Guide's "Leader node-only functions" page (its system
# information functions) and VERSION(), whose own page says so: each with the name Redshift's INFO message gives it.
_LEADER_NODE_ONLY: list[tuple[Callable[[exp.Expr], bool], str]] = [
    (node_is(exp.CurrentSchema), "current_schema()"),
    (node_is(exp.CurrentSchemas), "current_schemas()"),
    (node_is(exp.CurrentVersion), "version()"),
    (call_of("HAS_DATABASE_PRIVILEGE"), "has_database_privilege()"),
    (call_of("HAS_SCHEMA_PRIVILEGE"), "has_schema_privilege()"),
    (call_of("HAS_TABLE_PRIVILEGE"), "has_table_privilege()"),
]

LEADER_NODE_ONLY_REFUSED = (
    "Specified types or functions (one per INFO message) not supported on Amazon Redshift tables."
)


def _runs_on_compute_nodes(statement: exp.Expr) -> bool:
    """Whether the statement references a user-created table or a system table or view (STL, STV, SVL, SVV...):
    anything but the catalog tables (PG prefix, or schema pg_catalog or information_schema) and its own CTEs."""
    ctes = {cte.alias_or_name.lower() for cte in statement.find_all(exp.CTE)}
    for table in statement.find_all(exp.Table):
        name, schema = table.name.lower(), table.db.lower()
        if not name or (not schema and name in ctes):
            continue
        if not name.startswith("pg_") and schema not in ("pg_catalog", "information_schema"):
            return True
    return False


def reads_only_the_catalog(statement: exp.Expr) -> bool:
    """Whether the statement reads a catalog table (PG prefix, pg_catalog, information_schema) and otherwise only
    system tables and views or its own CTEs: a query the leader node answers, as the tools' catalog queries are."""
    ctes = {cte.alias_or_name.lower() for cte in statement.find_all(exp.CTE)}
    reads_the_catalog = False
    for table in statement.find_all(exp.Table):
        name, schema = table.name.lower(), table.db.lower()
        if not name or (not schema and name in ctes) or name in system_relations():
            reads_the_catalog |= name.startswith("pg_")
            continue
        if not name.startswith("pg_") and schema not in ("pg_catalog", "information_schema"):
            return False
        reads_the_catalog = True
    return reads_the_catalog


def _leader_node_only_function(statement: exp.Expr) -> str | None:
    """The name of the first leader node-only function the statement calls, if any."""
    for node in statement.walk():
        for matches, name in _LEADER_NODE_ONLY:
            if matches(node):
                return name
    return None


def refuse_leader_node_only_functions(statement: exp.Expr, _: Context) -> exp.Expr:
    """A leader node-only function in a statement that runs on the compute nodes fails, as on Redshift."""
    if _runs_on_compute_nodes(statement):
        raise RedshiftError(
            LEADER_NODE_ONLY_REFUSED,
            sqlstate=SqlState.FEATURE_NOT_SUPPORTED,
            detail=f'Function "{_leader_node_only_function(statement)}" not supported.',
        )
    return statement


def system_function(call: exp.Anonymous | exp.Dot, _: Context) -> exp.Expr:
    """PG_LAST_COPY_COUNT() and the other system functions the catalog defines under their Redshift names (also
    when named in schema pg_catalog)."""
    if isinstance(call, exp.Dot):
        call = call.expression
    return catalog_call(call.name.lower(), *call.expressions)


def _is_a_system_function(node: exp.Expr) -> bool:
    if isinstance(node, exp.Dot):
        return node.this.name.lower() == "pg_catalog" and _is_a_system_function(node.expression)
    return isinstance(node, exp.Anonymous) and node.name.lower() in system_functions()


REDSHIFT_ONLY_SETTINGS = frozenset(
    {
        "analyze_threshold_percent",
        "auto_mv",
        "default_array_search_null_handling",
        "default_geometry_encoding",
        "describe_field_name_in_uppercase",
        "downcase_delimited_identifier",
        "enable_case_sensitive_identifier",
        "enable_case_sensitive_super_attribute",
        "enable_numeric_rounding",
        "enable_result_cache_for_session",
        "enable_vacuum_boost",
        "error_on_nondeterministic_update",
        "interval_forbid_composite_literals",
        "json_parse_dedup_attributes",
        "json_parse_truncate_strings",
        "mv_enable_aqmv_for_session",
        "navigate_super_null_on_error",
        "parse_super_null_on_error",
        "query_group",
        "spectrum_enable_pseudo_columns",
        "spectrum_query_maxerror",
        "stored_proc_log_min_messages",
        "use_fips_ssl",
        "wlm_query_slot_count",
    }
)
"""Redshift configuration parameters PostgreSQL does not have."""


def _kept_as(name: str) -> str:
    """The PostgreSQL setting that holds Redshift-only parameter `name` (redshift.<name>)."""
    return f"redshift.{name}"


_CASE_SENSITIVE_WHEN = {"enable_case_sensitive_identifier": "true", "downcase_delimited_identifier": "false"}
"""The settings of how "Quoted" names fold, and the value of each that keeps their case (downcase_delimited_identifier
off is enable_case_sensitive_identifier on: r_downcase_delimited_identifier.html). The session keeps the setting:
it changes how the translator reads every later statement (translation.names.delimited)."""

KEEPS_CASE = _kept_as("identifiers_keep_case")
"""The PostgreSQL setting that holds whether the session's "Quoted" names keep their case (the last SET of either
setting above), in the client's transaction: the session reads it back once a transaction that changed it ends,
rolled back or committed, or a SET LOCAL of it lapses (endpoint.prepared.Folding)."""


def _keeps_case(context: Context, keeps: bool, local: bool) -> None:
    """Note what the statement sets the session's folding of "Quoted" names to, and keep it in KEEPS_CASE."""
    context.case_sensitive = keeps
    context.bookkeeping.append(
        f"SELECT set_config('{KEEPS_CASE}', '{'on' if keeps else 'off'}', {'true' if local else 'false'})"
    )


_NOT_HONOURED = {
    "error_on_nondeterministic_update": (
        "an UPDATE here updates a row that its FROM clause matches more than once from one of the matches, without"
        " the error (r_error_on_nondeterministic_update.html)"
    ),
}
"""Redshift-only settings whose true the local Redshift cannot honour, and what it does instead."""


def set_redshift_only_setting(item: exp.SetItem, context: Context) -> exp.Expr:
    """SET of a Redshift-only parameter: accepted as PostgreSQL setting redshift.<name>, without effect but for the
    settings of how names fold; a true the local Redshift cannot honour is refused by name."""
    assignment = item.this
    if isinstance(assignment, exp.EQ) and isinstance(assignment.this, exp.Column):
        name = assignment.this.name.lower()
        if name in REDSHIFT_ONLY_SETTINGS and not assignment.this.table:
            if name in _CASE_SENSITIVE_WHEN:
                _keeps_case(context, _case_sensitive(name, item), local=item.args.get("kind") == "LOCAL")
            elif name in _NOT_HONOURED and _boolean(assignment.expression) == "true":
                raise UnsupportedFeature.of(f"SET {name} TO true", by="the local Redshift", hint=_NOT_HONOURED[name])
            assignment.set("this", exp.column(name, table="redshift"))
    return item


def _case_sensitive(name: str, item: exp.SetItem) -> bool:
    """Whether SET `name` TO a value makes "Quoted" names keep their case; a value neither true nor false, as
    Redshift's boolean settings take them, is refused."""
    value = item.this.expression
    text = _boolean(value) if isinstance(value, exp.Boolean | exp.Var | exp.Literal | exp.Column) else ""
    if text == "default":
        return False
    if text not in ("true", "false"):
        raise RedshiftError(SETTING_NOT_BOOLEAN.format(name=name), sqlstate=SqlState.INVALID_PARAMETER_VALUE)
    return text == _CASE_SENSITIVE_WHEN[name]


def _boolean(value: exp.Expr) -> str:
    """A setting's boolean value as true or false (on, off, 1, 0, and their quoted forms)."""
    text = (value.name if not isinstance(value, exp.Boolean) else str(value.this)).lower()
    return {"on": "true", "1": "true", "off": "false", "0": "false"}.get(text, text)


def redshift_only_setting_function(call: exp.Anonymous, _: Context) -> exp.Expr:
    """CURRENT_SETTING and SET_CONFIG of a Redshift-only parameter read and set PostgreSQL setting redshift.<name>
    (r_CURRENT_SETTING.html, r_SET_CONFIG.html); SET_CONFIG of a setting of how names fold is refused by name: the
    session learns of it only from SET."""
    name = call.expressions[0]
    setting = name.name.lower()
    if not isinstance(name, exp.Literal) or not name.is_string or setting not in REDSHIFT_ONLY_SETTINGS:
        return call
    if call.name.upper() == "SET_CONFIG" and setting in _CASE_SENSITIVE_WHEN:
        raise UnsupportedFeature.of(f"SET_CONFIG('{setting}', ...)", by="the local Redshift", hint=f"SET {setting}")
    name.replace(string_literal(_kept_as(setting)))
    return call


def show_or_reset_redshift_only_setting(command: exp.Command, context: Context) -> exp.Expr:
    """SHOW and RESET of a Redshift-only parameter read or reset PostgreSQL setting redshift.<name>; RESET of a
    setting of how names fold (or RESET ALL) makes "Quoted" names fold again. SHOW answers a column of the
    parameter's name, as r_SHOW.html's; one never SET whose default no page states (local_redshift.postgres) is
    refused by name."""
    verb, *rest = command_text(command).split()
    if verb.upper() == "RESET" and [word.lower() for word in rest] == ["all"]:
        context.case_sensitive = False  # KEEPS_CASE is reset with the rest
    elif verb.upper() == "RESET" and [word.lower() for word in rest] in ([n] for n in _CASE_SENSITIVE_WHEN):
        _keeps_case(context, False, local=False)
    if len(rest) != 1 or rest[0].lower() not in REDSHIFT_ONLY_SETTINGS:
        return command
    name = rest[0].lower()
    if verb.upper() == "RESET":
        return exp.Command(this="RESET", expression=string_literal(_kept_as(name)))
    unset = UnsupportedFeature.of(
        f"SHOW {name} before it is SET", by="the local Redshift", hint="no page states its default"
    )
    raised = exp.cast(catalog_call("raise_error", string_literal(unset.sqlstate), string_literal(str(unset))), "text")
    setting = exp.func("current_setting", string_literal(_kept_as(name)), exp.true())
    return exp.select(exp.alias_(exp.Coalesce(this=setting, expressions=[raised]), name))


_VACUUM_OPTIONS = {"FULL", "SORT", "DELETE", "ONLY", "REINDEX", "RECLUSTER", "TO", "PERCENT", "BOOST"}


def vacuum_options(command: exp.Command, _: Context) -> exp.Expr:
    """VACUUM [FULL | SORT ONLY | DELETE ONLY | REINDEX | RECLUSTER] [table] [TO n PERCENT] [BOOST]: PostgreSQL
    vacuums the table (or the database) its own way."""
    words = command_text(command).split()[1:]
    tables = [word for word in words if word.upper() not in _VACUUM_OPTIONS and not word.isdigit()]
    return exp.Command(this="VACUUM", expression=string_literal(tables[0]) if tables else None)


SYSTEM_VIEWS = Rule("System tables and views", node_is(exp.Table), system_views)
SYSTEM_VIEW_COLUMNS = Rule(
    "Columns qualified by a system view's schema",
    node_is(exp.Column, where=lambda c: c.db.lower() == "pg_catalog" and c.table.lower() in system_relations()),
    system_view_columns,
)
SYSTEM_VIEW_PRIVILEGES = Rule(
    "HAS_TABLE_PRIVILEGE() of a system view",
    lambda node: call_of("HAS_TABLE_PRIVILEGE")(node) and any(_is_a_system_view_name(a) for a in node.expressions),
    privilege_of_a_system_view,
)
SYSTEM_FUNCTIONS = Rule(
    "PG_LAST_COPY_COUNT() and the other system functions",
    lambda node: _is_a_system_function(node) and not isinstance(node.parent, exp.Dot),
    system_function,
)
LEADER_NODE_ONLY_FUNCTIONS = Rule(
    "Leader node-only functions",
    lambda node: node.parent is None and _leader_node_only_function(node) is not None,
    refuse_leader_node_only_functions,
)
VERSION = Rule("VERSION()", node_is(exp.CurrentVersion), version)
CURRENT_DATABASE = Rule("CURRENT_DATABASE()", node_is(exp.CurrentDatabase), current_database_is_the_clusters)
SET_REDSHIFT_ONLY_SETTING = Rule("SET of a Redshift-only parameter", node_is(exp.SetItem), set_redshift_only_setting)
REDSHIFT_ONLY_SETTING_FUNCTIONS = Rule(
    "CURRENT_SETTING and SET_CONFIG of a Redshift-only parameter",
    lambda n: call_of("CURRENT_SETTING", "SET_CONFIG")(n) and bool(n.expressions),
    redshift_only_setting_function,
)
SHOW_OR_RESET_REDSHIFT_ONLY_SETTING = Rule(
    "SHOW and RESET of a Redshift-only parameter",
    lambda n: command_is("SHOW")(n) or command_is("RESET")(n),
    show_or_reset_redshift_only_setting,
)
VACUUM_OPTIONS = Rule("VACUUM options", command_is("VACUUM"), vacuum_options)
