-- Each table holds the rows its rule takes from staging: a play per NextSong event (and a song for each event
-- whose title, artist and duration are in the catalog), a user per user id, a song per song_id, an artist per
-- artist_id, and a time per distinct start time of the plays. A row here is a table that does not add up.
SELECT 'songplays' AS count_of, loaded.n AS loaded, expected.n AS expected
FROM (SELECT COUNT(*) AS n FROM songplays) AS loaded
CROSS JOIN (SELECT COUNT(*) AS n FROM staging_events WHERE page = 'NextSong') AS expected
WHERE loaded.n <> expected.n
UNION ALL
SELECT 'songplays with a song', loaded.n, expected.n
FROM (SELECT COUNT(song_id) AS n FROM songplays) AS loaded
CROSS JOIN (
    SELECT COUNT(*) AS n
    FROM staging_events AS e
    JOIN (SELECT DISTINCT title, artist_name, duration FROM staging_songs WHERE song_id IS NOT NULL) AS s
        ON s.title = e.song AND s.artist_name = e.artist AND s.duration = e.length
    WHERE e.page = 'NextSong'
) AS expected
WHERE loaded.n <> expected.n
UNION ALL
SELECT 'users', loaded.n, expected.n
FROM (SELECT COUNT(*) AS n FROM users) AS loaded
CROSS JOIN (SELECT COUNT(DISTINCT user_id) AS n FROM staging_events) AS expected
WHERE loaded.n <> expected.n
UNION ALL
SELECT 'songs', loaded.n, expected.n
FROM (SELECT COUNT(*) AS n FROM songs) AS loaded
CROSS JOIN (SELECT COUNT(DISTINCT song_id) AS n FROM staging_songs) AS expected
WHERE loaded.n <> expected.n
UNION ALL
SELECT 'artists', loaded.n, expected.n
FROM (SELECT COUNT(*) AS n FROM artists) AS loaded
CROSS JOIN (SELECT COUNT(DISTINCT artist_id) AS n FROM staging_songs) AS expected
WHERE loaded.n <> expected.n
UNION ALL
SELECT 'time', loaded.n, expected.n
FROM (SELECT COUNT(*) AS n FROM time) AS loaded
CROSS JOIN (SELECT COUNT(DISTINCT start_time) AS n FROM songplays) AS expected
WHERE loaded.n <> expected.n;
