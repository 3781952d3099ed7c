-- The latest records COPY could not load, on Redshift Serverless, which refuses STL_LOAD_ERRORS and answers
-- SYS_LOAD_ERROR_DETAIL: which file and line, which column, and why (this view has no raw value).
SELECT
    start_time AS starttime,
    TRIM(file_name) AS filename,
    line_number,
    TRIM(column_name) AS colname,
    TRIM(column_type) AS column_type,
    error_code AS err_code,
    TRIM(error_message) AS err_reason
FROM sys_load_error_detail
ORDER BY start_time DESC, line_number
LIMIT 10;
