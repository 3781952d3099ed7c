-- Load every log file under the log_data prefix in one COPY: Redshift reads the files in parallel.
-- The logs' keys are camelCase (firstName), which 'auto' would not match to columns, hence the JSONPaths file.
-- TIMEFORMAT 'epochmillisecs' turns ts (milliseconds since 1970) into a TIMESTAMP;
-- BLANKSASNULL and EMPTYASNULL load "" (userId of logged-out events, say) as NULL;
-- TRUNCATECOLUMNS cuts a string longer than its column instead of failing the load.
-- COPY appends, so the rows of an earlier load are deleted first, in the same transaction: running this again
-- gives the same table, and if the COPY fails the earlier rows are still there.
DELETE FROM staging_events;

COPY staging_events
FROM {{ log_data }}
IAM_ROLE {{ role_arn }}
REGION {{ region }}
FORMAT AS JSON {{ log_jsonpath }}
TIMEFORMAT AS 'epochmillisecs'
TRUNCATECOLUMNS BLANKSASNULL EMPTYASNULL;
