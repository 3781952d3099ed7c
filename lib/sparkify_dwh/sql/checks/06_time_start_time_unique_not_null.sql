-- time.start_time is unique and never NULL.
SELECT start_time, COUNT(*) AS row_count
FROM time
GROUP BY start_time
HAVING start_time IS NULL OR COUNT(*) > 1;
