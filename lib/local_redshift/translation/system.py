"""Redshift's system tables and views, its system functions, its session settings and maintenance commands."""

from __future__ import annotations

from sqlglot import exp

from local_redshift.catalog import SCHEMA, system_functions, system_relations
from local_redshift.translation.rule import (
    Context,
    Rule,
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


def current_database_is_the_clusters(_current: exp.CurrentDatabase, _: Context) -> exp.Expr:
    """CURRENT_DATABASE(): the database named when the cluster was created, whatever PostgreSQL calls it."""
    return catalog_call("current_database")


def system_function(call: exp.Anonymous, _: Context) -> exp.Expr:
    """PG_LAST_COPY_COUNT() and the other system functions the catalog defines under their Redshift names."""
    return catalog_call(call.name.lower(), *call.expressions)


REDSHIFT_ONLY_SETTINGS = frozenset(
    {
        "analyze_threshold_percent",
        "auto_mv",
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


def set_redshift_only_setting(item: exp.SetItem, _: Context) -> exp.Expr:
    """SET of a Redshift-only parameter: accepted, without effect, as PostgreSQL setting redshift.<name>."""
    assignment = item.this
    if isinstance(assignment, exp.EQ) and isinstance(assignment.this, exp.Column):
        name = assignment.this.name.lower()
        if name in REDSHIFT_ONLY_SETTINGS and not assignment.this.table:
            assignment.set("this", exp.column(name, table="redshift"))
    return item


def show_or_reset_redshift_only_setting(command: exp.Command, _: Context) -> exp.Expr:
    """SHOW and RESET of a Redshift-only parameter read or reset PostgreSQL setting redshift.<name>."""
    verb, *rest = command_text(command).split()
    if len(rest) != 1 or rest[0].lower() not in REDSHIFT_ONLY_SETTINGS:
        return command
    return exp.Command(this=verb.upper(), expression=string_literal(f"redshift.{rest[0].lower()}"))


_VACUUM_OPTIONS = {"FULL", "SORT", "DELETE", "ONLY", "REINDEX", "RECLUSTER", "TO", "PERCENT", "BOOST"}


def vacuum_options(command: exp.Command, _: Context) -> exp.Expr:
    """VACUUM [FULL | SORT ONLY | DELETE ONLY | REINDEX | RECLUSTER] [table] [TO n PERCENT] [BOOST]: PostgreSQL
    vacuums the table (or the database) its own way."""
    words = command_text(command).split()[1:]
    tables = [word for word in words if word.upper() not in _VACUUM_OPTIONS and not word.isdigit()]
    return exp.Command(this="VACUUM", expression=string_literal(tables[0]) if tables else None)


SYSTEM_VIEWS = Rule("System tables and views", node_is(exp.Table), system_views)
SYSTEM_FUNCTIONS = Rule(
    "PG_LAST_COPY_COUNT() and the other system functions",
    node_is(exp.Anonymous, where=lambda call: call.name.lower() in system_functions()),
    system_function,
)
CURRENT_DATABASE = Rule("CURRENT_DATABASE()", node_is(exp.CurrentDatabase), current_database_is_the_clusters)
SET_REDSHIFT_ONLY_SETTING = Rule("SET of a Redshift-only parameter", node_is(exp.SetItem), set_redshift_only_setting)
SHOW_OR_RESET_REDSHIFT_ONLY_SETTING = Rule(
    "SHOW and RESET of a Redshift-only parameter",
    lambda n: command_is("SHOW")(n) or command_is("RESET")(n),
    show_or_reset_redshift_only_setting,
)
VACUUM_OPTIONS = Rule("VACUUM options", command_is("VACUUM"), vacuum_options)
