"""The RULES table: every family's rules in the one order they are applied in."""

from __future__ import annotations

from local_redshift.translation import (
    aggregates,
    alter_table,
    comparisons,
    conditions,
    databases,
    datatypes,
    dates,
    ddl,
    ddl_commands,
    dml,
    formatting,
    geometries,
    hllsketches,
    identity_columns,
    intervals,
    legacy_types,
    names,
    numbers,
    primary_keys,
    privileges,
    regexp,
    rejected,
    roles,
    routines,
    show,
    statement_kinds,
    strings,
    supers,
    system,
    table_grants,
    unbuilt_types,
    varbytes,
    windows,
)
from local_redshift.translation.rule import Rule

RULES: list[Rule] = [
    # First, while the select list is as the user wrote it.
    names.LATERAL_COLUMN_ALIAS,
    names.SELECT_LIST_ALIASES_IN_WHERE_AND_HAVING,  # after the lateral aliases are inlined in the select list
    names.RESULT_COLUMN_NAMES,
    # SQL that Amazon Redshift rejects, then what the local Redshift does not do.
    *rejected.BY_AMAZON_REDSHIFT,
    *statement_kinds.RULES,
    alter_table.ACTIONS,
    *dml.RULES,
    dml.TARGET_JOINED_IN_FROM,  # while the names are as written
    *rejected.BY_THE_LOCAL_REDSHIFT,
    *unbuilt_types.RULES,
    *legacy_types.RULES,
    *privileges.RULES,
    *roles.RULES,  # after the server's own roles are refused
    # Names.
    names.DELIMITED_IDENTIFIERS,
    *supers.NAVIGATION,  # before the three-part names: `c.doc.a` may be a column and its attribute
    databases.THREE_PART_NAMES,  # before the system views, named by schema and name
    databases.CREATE_DATABASE,
    databases.DROP_DATABASE,
    databases.ALTER_DATABASE,
    databases.INFORMATION_SCHEMA_VIEWS,
    databases.INFORMATION_SCHEMA_COLUMNS,
    conditions.NUMERIC_CONDITIONS,
    ddl.HASH_TEMPORARY_TABLE,
    ddl.HASH_NAME,
    table_grants.LENDING,  # after the names are PostgreSQL's
    system.LEADER_NODE_ONLY_FUNCTIONS,
    system.VERSION,
    system.SYSTEM_VIEWS,
    system.SYSTEM_VIEW_COLUMNS,
    system.SYSTEM_VIEW_PRIVILEGES,
    system.SYSTEM_FUNCTIONS,
    table_grants.HAS_TABLE_PRIVILEGE,  # after the leader node-only functions are refused where they may not run
    identity_columns.DEFAULT_TEXT,
    system.CURRENT_DATABASE,
    # Table design.
    ddl.IDENTITY,
    ddl.GENERATED_BY_DEFAULT_IDENTITY,
    primary_keys.KEYS_RECORDED,  # before the key constraints are dropped
    identity_columns.NULLABLE_IDENTITY_RECORDED,  # likewise
    ddl.COLUMN_KEY_CONSTRAINTS,
    ddl.TABLE_CONSTRAINTS,
    datatypes.CHARACTER_TYPES,
    datatypes.VARCHAR_MAX,
    datatypes.TYPE_LIMITS,  # after MAX is a length
    *varbytes.RULES,
    *geometries.RULES,
    *hllsketches.RULES,
    *supers.RULES,
    intervals.QUALIFIED_INTERVAL,
    intervals.INTERVAL_TYPE_NAMES,
    intervals.ROUTINE_INTERVAL_TYPES,  # after the type names are read as qualified intervals
    comparisons.VARCHAR_LENGTH_IN_BYTES,  # after the lengths of the character types are set
    alter_table.CATALOG_CHECKS,  # before the checks of VARCHAR lengths in bytes are added as actions
    comparisons.ALTERED_VARCHAR_LENGTH_IN_BYTES,
    numbers.DECIMAL_DEFAULT_PRECISION,
    ddl.TABLE_DESIGN,
    ddl.MATERIALIZED_VIEW_ATTRIBUTES,
    ddl.ALTER_TABLE_DESIGN,
    ddl.COLUMN_DESIGN_IN_ALTER_TABLE,
    ddl_commands.INFORMATIONAL_KEYS_ADDED,
    ddl_commands.TRUNCATE_COMMITS,
    ddl_commands.APPEND_FROM,
    ddl_commands.ALTER_ENCODINGS,
    ddl_commands.RENAMED_COLUMN_DESIGN,
    # Functions.
    comparisons.STRINGS_COMPARED,  # before the string functions are rewritten
    comparisons.STRING_IN_STRINGS,
    comparisons.CAST_TO_VARCHAR_KEEPS_BYTES,
    dates.EXTRACT,
    dates.DATE_PART,
    dates.DATE_TRUNC,
    dates.DATEDIFF,
    dates.DATEADD,
    dates.ADD_MONTHS,
    dates.GETDATE,
    dates.SYSDATE,
    dates.MONTHS_BETWEEN,
    dates.NEXT_DAY,
    dates.LAST_DAY,
    dates.DATE_PART_YEAR,
    dates.COMPARISONS,
    dates.CONVERT_TIMEZONE,
    formatting.TO_TIMESTAMP,
    formatting.TO_TIMESTAMP_OF_AN_EPOCH,
    formatting.TO_DATE,
    formatting.TO_CHAR,
    # Window functions first: LISTAGG and the percentiles over a partition before their aggregate forms.
    windows.RATIO_TO_REPORT,
    windows.PERCENTILES_OVER_PARTITION,
    windows.LISTAGG_OVER_PARTITION,
    windows.IGNORE_NULLS,
    windows.RESPECT_NULLS,
    aggregates.PERCENTILE_CONT,
    aggregates.LISTAGG_WITHIN_GROUP,
    aggregates.LISTAGG,
    *strings.RULES,
    *regexp.RULES,
    dates.TRUNC,
    numbers.ROUND_AND_TRUNC_TO_PLACES,
    numbers.DOUBLE_PRECISION_FUNCTIONS,
    numbers.REDSHIFT_DOUBLE_FUNCTIONS,
    numbers.APPROXIMATE_COUNT_DISTINCT,
    numbers.AVERAGE_AND_SUM,
    numbers.DOUBLE_PRECISION_DEVIATIONS,
    numbers.DECIMAL_COMPUTATIONS,  # after DECIMAL has its default precision
    # Session and maintenance commands.
    system.SET_REDSHIFT_ONLY_SETTING,
    system.REDSHIFT_ONLY_SETTING_FUNCTIONS,
    show.SHOW_OBJECTS,
    show.SHOW_VIEW,
    system.SHOW_OR_RESET_REDSHIFT_ONLY_SETTING,
    system.VACUUM_OPTIONS,
    ddl_commands.ANALYZE_COLUMNS,
    routines.PROCEDURE_PARAMETERS_RECORDED,  # its parameters' types as translated
    # Last: the view's query is written out, every other rule applied.
    ddl_commands.LATE_BINDING_VIEW,
]
"""Applied in this order, each over the whole statement, children before their parents."""
