-- A load that fails on purpose: the COPY of staging_events with the same options, into a temporary table shaped
-- like staging_events, so that staging is untouched. Here the library fills log_data with a folder of its own
-- that holds one bad file (sparkify_dwh/staging.py), not with the logs' folder.
-- COPY stops at the first record it cannot load (MAXERROR is 0 by default) and the transaction is rolled back,
-- the temporary table with it; why the record failed stays in STL_LOAD_ERRORS (inspect/03_load_errors.sql).
CREATE TEMPORARY TABLE bad_events (LIKE staging_events);

COPY bad_events
FROM {{ log_data }}
IAM_ROLE {{ role_arn }}
REGION {{ region }}
FORMAT AS JSON {{ log_jsonpath }}
TIMEFORMAT AS 'epochmillisecs'
TRUNCATECOLUMNS BLANKSASNULL EMPTYASNULL;
