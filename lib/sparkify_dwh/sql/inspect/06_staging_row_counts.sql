-- Rows in each staging table, as the two COPY statements left them.
SELECT table_name, row_count
FROM (
    SELECT 'staging_events' AS table_name, COUNT(*) AS row_count FROM staging_events
    UNION ALL SELECT 'staging_songs', COUNT(*) FROM staging_songs
) AS counts
ORDER BY table_name;
