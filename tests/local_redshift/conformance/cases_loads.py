"""What a load leaves behind, in a session that has run no COPY: PG_LAST_COPY_ID() is -1, and the load views
answer their pages' sample queries and column lists with no row of this session's (last) COPY."""

from tests.local_redshift.conformance.case import DEVELOPER_GUIDE, Case, Rows

NONE = Rows([])

CASES = [
    Case(
        id="pg-last-copy-id-before-any-copy",
        page=DEVELOPER_GUIDE + "PG_LAST_COPY_ID.html",
        sql="SELECT pg_last_copy_id()",
        expect=Rows([(-1,)]),
    ),
    Case(
        id="pg-last-copy-id-joins-load-errors",
        page=DEVELOPER_GUIDE + "PG_LAST_COPY_ID.html",
        sql="SELECT query, filename, line_number, err_reason FROM stl_load_errors WHERE query = pg_last_copy_id()",
        expect=NONE,
    ),
    Case(
        id="stl-load-commits-sample-query",
        page=DEVELOPER_GUIDE + "r_STL_LOAD_COMMITS.html",
        sql="select query, trim(filename) as file, curtime as updated from stl_load_commits"
        " where query = pg_last_copy_id()",
        expect=NONE,
    ),
    Case(
        id="stl-load-commits-columns",
        page=DEVELOPER_GUIDE + "r_STL_LOAD_COMMITS.html",
        sql="SELECT userid, query, slice, name, filename, byte_offset, lines_scanned, errors, curtime, status,"
        " file_format, is_partial, start_offset, copy_job_id FROM stl_load_commits WHERE query = pg_last_copy_id()",
        expect=NONE,
    ),
    Case(
        id="stl-load-commits-count-of-last-copy",
        page=DEVELOPER_GUIDE + "r_STL_LOAD_COMMITS.html",
        sql="SELECT count(*) FROM stl_load_commits WHERE query = pg_last_copy_id()",
        expect=Rows([(0,)]),
    ),
    Case(
        id="sys-load-history-columns",
        page=DEVELOPER_GUIDE + "SYS_LOAD_HISTORY.html",
        sql="SELECT user_id, query_id, transaction_id, session_id, database_name, status, table_name, start_time,"
        " end_time, duration, data_source, file_format, loaded_rows, loaded_bytes, source_file_count,"
        " source_file_bytes, file_count_scanned, file_bytes_scanned, error_count, copy_job_id"
        " FROM sys_load_history WHERE query_id = pg_last_copy_id()",
        expect=NONE,
    ),
    Case(
        id="sys-load-history-daily-sample-query",
        page=DEVELOPER_GUIDE + "SYS_LOAD_HISTORY.html",
        sql="SELECT date_trunc('day', start_time) AS exec_day, SUM(loaded_rows) AS loaded_rows,"
        " SUM(loaded_bytes) AS loaded_bytes FROM sys_load_history WHERE query_id = pg_last_copy_id()"
        " GROUP BY exec_day ORDER BY exec_day DESC",
        expect=NONE,
    ),
    Case(
        id="sys-load-error-detail-columns",
        page=DEVELOPER_GUIDE + "SYS_LOAD_ERROR_DETAIL.html",
        sql="SELECT user_id, query_id, transaction_id, session_id, database_name, table_id, start_time, file_name,"
        " line_number, column_name, column_type, column_length, position, error_code, error_message"
        " FROM sys_load_error_detail WHERE query_id = pg_last_copy_id()",
        expect=NONE,
    ),
    Case(
        id="sys-load-error-detail-sample-query",
        page=DEVELOPER_GUIDE + "SYS_LOAD_ERROR_DETAIL.html",
        sql="SELECT query_id, table_id, start_time, trim(file_name) AS file_name, trim(column_name) AS column_name,"
        " trim(column_type) AS column_type, trim(error_message) AS error_message FROM sys_load_error_detail"
        " WHERE query_id = pg_last_copy_id() ORDER BY start_time LIMIT 10",
        expect=NONE,
    ),
    Case(
        id="stl-load-errors-columns",
        page=DEVELOPER_GUIDE + "r_STL_LOAD_ERRORS.html",
        sql="SELECT userid, slice, tbl, starttime, session, query, filename, line_number, colname, type, col_length,"
        " position, raw_line, raw_field_value, err_code, err_reason"
        " FROM stl_load_errors WHERE query = pg_last_copy_id()",
        expect=NONE,
    ),
]
