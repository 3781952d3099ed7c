-- One row per song_id of the catalog; should a song_id be filed twice, one of its rows is kept (the same
-- one every time). Year 0 means "unknown" in the song files and becomes NULL.
-- One transaction, as in load_users: delete the old rows, insert the new ones.
DELETE FROM songs;

INSERT INTO songs (song_id, title, artist_id, year, duration)
SELECT song_id, title, artist_id, NULLIF(year, 0), duration
FROM (
    SELECT
        song_id,
        title,
        artist_id,
        year,
        duration,
        ROW_NUMBER() OVER (PARTITION BY song_id ORDER BY artist_id, title, duration, year) AS preference
    FROM staging_songs
    WHERE song_id IS NOT NULL
) AS songs_by_id
WHERE preference = 1;
