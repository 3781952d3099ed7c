"""The PostgreSQL functions Amazon Redshift does not have, refused by name, as the Developer Guide's "Unsupported
PostgreSQL functions" page lists them (https://docs.aws.amazon.com/redshift/latest/dg/c_unsupported-postgresql-functions.html).

Only names Redshift has no function of: CONVERT, VERSION, PG_CANCEL_BACKEND, HAS_TABLE_PRIVILEGE and the other
look-alikes it does have are let through, and so are the functions that run on the leader node only
(GENERATE_SERIES, the catalog and schema visibility functions), which are refused only against user tables.
PG_SLEEP, which the page lists too, is let through: the endpoint's tests of cancel requests sleep with it.
"""

from __future__ import annotations

from sqlglot import exp

from local_redshift.errors import UnsupportedFeature
from local_redshift.translation.rule import Context, Rule, node_is, reject

# Calls sqlglot leaves as plain calls (exp.Anonymous), by upper-case name; the value is a hint, or "".
_CALLS: dict[str, str] = {
    # Aggregate functions
    "EVERY": "use BOOL_AND",
    "XML_AGG": "",
    "XMLAGG": "",
    # Array functions
    "ARRAY_DIMS": "",
    "ARRAY_FILL": "",
    "ARRAY_LOWER": "",
    "ARRAY_NDIMS": "",
    "ARRAY_REPLACE": "",
    "ARRAY_UPPER": "",
    "CARDINALITY": "",
    "GENERATE_SUBSCRIPTS": "",
    # Date/time functions
    "CLOCK_TIMESTAMP": "use GETDATE or SYSDATE",
    "TRANSACTION_TIMESTAMP": "use SYSDATE",
    # Mathematical functions
    "SETSEED": "",
    # String functions
    "CONVERT_FROM": "",
    "CONVERT_TO": "",
    "QUOTE_NULLABLE": "",
    "REGEXP_MATCHES": "use REGEXP_SUBSTR",
    "REGEXP_SPLIT_TO_ARRAY": "use SPLIT_TO_ARRAY",
    "REGEXP_SPLIT_TO_TABLE": "",
    # System information functions
    "CURRENT_QUERY": "",
    "INET_CLIENT_ADDR": "",
    "INET_CLIENT_PORT": "",
    "INET_SERVER_ADDR": "",
    "INET_SERVER_PORT": "",
    "PG_CONF_LOAD_TIME": "",
    "PG_IS_OTHER_TEMP_SCHEMA": "",
    "PG_LISTENING_CHANNELS": "",
    "PG_MY_TEMP_SCHEMA": "",
    "PG_POSTMASTER_START_TIME": "",
    "PG_TRIGGER_DEPTH": "",
    # Sequence manipulation functions
    "NEXTVAL": "use IDENTITY(seed, step)",
    "CURRVAL": "",
    "SETVAL": "",
    "LASTVAL": "",
    # Database object size and location functions
    "PG_COLUMN_SIZE": "",
    "PG_DATABASE_SIZE": "",
    "PG_INDEXES_SIZE": "",
    "PG_RELATION_SIZE": "",
    "PG_SIZE_PRETTY": "",
    "PG_TABLE_SIZE": "",
    "PG_TABLESPACE_SIZE": "",
    "PG_TOTAL_RELATION_SIZE": "",
    "PG_RELATION_FILENODE": "",
    "PG_RELATION_FILEPATH": "",
    # Generic file access functions
    "PG_LS_DIR": "",
    "PG_READ_FILE": "",
    "PG_READ_BINARY_FILE": "",
    "PG_STAT_FILE": "",
    # Backup control, recovery, server signaling and snapshot synchronization functions
    "PG_START_BACKUP": "",
    "PG_STOP_BACKUP": "",
    "PG_BACKUP_START": "",
    "PG_BACKUP_STOP": "",
    "PG_CREATE_RESTORE_POINT": "",
    "PG_SWITCH_WAL": "",
    "PG_IS_IN_RECOVERY": "",
    "PG_LAST_XLOG_RECEIVE_LOCATION": "",
    "PG_LAST_XLOG_REPLAY_LOCATION": "",
    "PG_LAST_WAL_RECEIVE_LSN": "",
    "PG_LAST_WAL_REPLAY_LSN": "",
    "PG_LAST_XACT_REPLAY_TIMESTAMP": "",
    "PG_RELOAD_CONF": "",
    "PG_ROTATE_LOGFILE": "",
    "PG_EXPORT_SNAPSHOT": "",
    # Trigger functions
    "SUPPRESS_REDUNDANT_UPDATES_TRIGGER": "",
    # Range functions
    "ISEMPTY": "",
    "LOWER_INC": "",
    "UPPER_INC": "",
    "LOWER_INF": "",
    "UPPER_INF": "",
    "RANGE_MERGE": "",
    # Text search functions
    "TO_TSVECTOR": "",
    "TO_TSQUERY": "",
    "PLAINTO_TSQUERY": "",
    "PHRASETO_TSQUERY": "",
    "WEBSEARCH_TO_TSQUERY": "",
    "TS_RANK": "",
    "TS_RANK_CD": "",
    "TS_HEADLINE": "",
    "SETWEIGHT": "",
    # Geometric functions
    "AREA": "",
    "CENTER": "",
    "DIAMETER": "",
    "NPOINTS": "",
    "RADIUS": "",
    # Network address functions
    "ABBREV": "",
    "BROADCAST": "",
    "HOSTMASK": "",
    "MASKLEN": "",
    "NETMASK": "",
    "NETWORK": "",
    "SET_MASKLEN": "",
    "INET_MERGE": "",
    "INET_SAME_FAMILY": "",
}

# Families refused by the start of the name: advisory locks, transaction IDs and snapshots, ENUM support, XML.
_PREFIXES = ("PG_ADVISORY_", "PG_TRY_ADVISORY_", "TXID_", "ENUM_", "XML", "XPATH")


def _is_unsupported_call(call: exp.Anonymous) -> bool:
    name = call.name.upper()
    return name in _CALLS or name.startswith(_PREFIXES)


def refuse_call(call: exp.Anonymous, _: Context) -> exp.Expr:
    """NAME() is not supported by Amazon Redshift."""
    name = call.name.upper()
    raise UnsupportedFeature.of(f"{name}()", hint=_CALLS.get(name, ""))


def _is_string_agg(aggregate: exp.GroupConcat) -> bool:
    """STRING_AGG, which sqlglot reads as LISTAGG's node too: LISTAGG comes from its function table, which notes where
    the name stands (`meta`); STRING_AGG comes from a parser of its own, which notes nothing."""
    return "start" not in aggregate.meta


# Calls sqlglot reads into nodes of their own; no Redshift function is read into these nodes.
_NODES: list[tuple[type[exp.Expr], str, str]] = [
    (exp.ArrayAgg, "ARRAY_AGG()", "use LISTAGG"),
    (exp.Corr, "CORR()", ""),
    (exp.CovarPop, "COVAR_POP()", ""),
    (exp.CovarSamp, "COVAR_SAMP()", ""),
    (exp.RegrAvgx, "REGR_AVGX()", ""),
    (exp.RegrAvgy, "REGR_AVGY()", ""),
    (exp.RegrCount, "REGR_COUNT()", ""),
    (exp.RegrIntercept, "REGR_INTERCEPT()", ""),
    (exp.RegrR2, "REGR_R2()", ""),
    (exp.RegrSlope, "REGR_SLOPE()", ""),
    (exp.RegrSxx, "REGR_SXX()", ""),
    (exp.RegrSxy, "REGR_SXY()", ""),
    (exp.RegrSyy, "REGR_SYY()", ""),
    (exp.ArrayAppend, "ARRAY_APPEND()", ""),
    (exp.ArrayPrepend, "ARRAY_PREPEND()", ""),
    (exp.ArrayRemove, "ARRAY_REMOVE()", ""),
    (exp.JustifyDays, "JUSTIFY_DAYS()", ""),
    (exp.JustifyHours, "JUSTIFY_HOURS()", ""),
    (exp.JustifyInterval, "JUSTIFY_INTERVAL()", ""),
    (exp.IntDiv, "DIV()", "use the / operator on integers"),
    (exp.WidthBucket, "WIDTH_BUCKET()", ""),
    (exp.BitLength, "BIT_LENGTH()", "use OCTET_LENGTH"),
    (exp.Overlay, "OVERLAY()", ""),
    (exp.Encode, "ENCODE()", ""),
    (exp.Format, "FORMAT()", ""),
    (exp.CurrentCatalog, "CURRENT_CATALOG", "use CURRENT_DATABASE()"),
    (exp.NullSafeNEQ, "IS DISTINCT FROM", ""),
    (exp.NullSafeEQ, "IS NOT DISTINCT FROM", ""),
    (exp.MatchAgainst, "The text search operator @@", ""),
]

UNSUPPORTED_FUNCTIONS: list[Rule] = [
    Rule("Unsupported PostgreSQL functions", node_is(exp.Anonymous, where=_is_unsupported_call), refuse_call),
    reject("STRING_AGG()", node_is(exp.GroupConcat, where=_is_string_agg), hint="use LISTAGG"),
    *(reject(construct, node_is(node), hint=hint) for node, construct, hint in _NODES),
]
"""PostgreSQL functions that Amazon Redshift rejects."""
