-- The latest records COPY could not load: which file and line, which column, the value, and why.
SELECT
    starttime,
    TRIM(filename) AS filename,
    line_number,
    TRIM(colname) AS colname,
    TRIM(type) AS column_type,
    TRIM(raw_field_value) AS raw_field_value,
    err_code,
    TRIM(err_reason) AS err_reason
FROM stl_load_errors
ORDER BY starttime DESC, line_number
LIMIT 10;
