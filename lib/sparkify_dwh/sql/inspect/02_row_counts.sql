-- Rows in each table of the warehouse: staging first, then the star schema.
SELECT table_name, row_count
FROM (
    SELECT 1 AS position, 'staging_events' AS table_name, COUNT(*) AS row_count FROM staging_events
    UNION ALL SELECT 2, 'staging_songs', COUNT(*) FROM staging_songs
    UNION ALL SELECT 3, 'songplays', COUNT(*) FROM songplays
    UNION ALL SELECT 4, 'users', COUNT(*) FROM users
    UNION ALL SELECT 5, 'songs', COUNT(*) FROM songs
    UNION ALL SELECT 6, 'artists', COUNT(*) FROM artists
    UNION ALL SELECT 7, 'time', COUNT(*) FROM time
) AS counts
ORDER BY position;
