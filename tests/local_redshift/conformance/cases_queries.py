"""The query history: STL_QUERY, SYS_QUERY_HISTORY, PG_LAST_QUERY_ID() and SVL_QUERY_SUMMARY, as their pages say.

Each case runs on a connection of its own, whose CREATE SCHEMA and SET (DDL and a utility command) are no queries.
"""

from tests.local_redshift.conformance.case import DEVELOPER_GUIDE, Case, Refused, Rows

_COUNTED = ("CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1)", "SELECT count(*) FROM t")

CASES = [
    Case(
        id="pg-last-query-id-is-minus-one-before-any-query",
        page=DEVELOPER_GUIDE + "PG_LAST_QUERY_ID.html",
        sql="SELECT pg_last_query_id()",
        expect=Rows([(-1,)]),
    ),
    Case(
        id="pg-last-query-id-finds-the-last-query-in-stl-query",
        page=DEVELOPER_GUIDE + "PG_LAST_QUERY_ID.html",
        setup=_COUNTED,
        sql="select trim(querytxt) as sqlquery from stl_query where query = pg_last_query_id()",
        expect=Rows([("SELECT count(*) FROM t",)]),
    ),
    Case(
        id="stl-query-leaves-out-ddl",
        page=DEVELOPER_GUIDE + "r_STL_QUERY.html",
        setup=("CREATE TABLE queries_not_in_stl (a INT)", "SELECT count(*) FROM queries_not_in_stl"),
        sql="SELECT count(*) FROM stl_query WHERE pid = pg_backend_pid() AND querytxt LIKE 'CREATE TABLE%'",
        expect=Rows([(0,)]),
    ),
    Case(
        id="stl-query-a-completed-query-is-not-aborted",
        page=DEVELOPER_GUIDE + "r_STL_QUERY.html",
        setup=_COUNTED,
        sql="SELECT aborted, label FROM stl_query WHERE query = pg_last_query_id()",
        expect=Rows([(0, "default" + " " * 313)]),
    ),
    Case(
        id="sys-query-history-keeps-ddl",
        page=DEVELOPER_GUIDE + "SYS_QUERY_HISTORY.html",
        setup=("CREATE TABLE queries_ddl_kind (a INT)",),
        sql="SELECT trim(query_type), trim(status) FROM sys_query_history "
        "WHERE session_id = pg_backend_pid() AND trim(query_text) = 'CREATE TABLE queries_ddl_kind (a INT)'",
        expect=Rows([("DDL", "success")]),
    ),
    Case(
        id="sys-query-history-select-status-and-type",
        page=DEVELOPER_GUIDE + "SYS_QUERY_HISTORY.html",
        setup=_COUNTED,
        sql="SELECT trim(query_type), trim(status), result_cache_hit, queue_time FROM sys_query_history "
        "WHERE query_id = pg_last_query_id()",
        expect=Rows([("SELECT", "success", False, 0)]),
    ),
    Case(
        id="sys-query-history-elapsed-time-in-microseconds",
        page=DEVELOPER_GUIDE + "SYS_QUERY_HISTORY.html",
        setup=_COUNTED,
        sql="SELECT elapsed_time = datediff(microsecond, start_time, end_time) FROM sys_query_history "
        "WHERE query_id = pg_last_query_id()",
        expect=Rows([(True,)]),
    ),
    Case(
        id="svl-query-summary-refused",
        page=DEVELOPER_GUIDE + "r_SVL_QUERY_SUMMARY.html",
        sql="SELECT * FROM svl_query_summary WHERE query = pg_last_query_id()",
        expect=Refused("0A000", "SVL_QUERY_SUMMARY is not supported by the local Redshift"),
    ),
]
