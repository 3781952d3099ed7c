-- One row per NextSong event, whether or not its song is in the catalog (the play still counts).
-- A play is matched to a catalog song when title, artist name and duration are all equal; if several songs
-- match, the one with the smallest song_id is taken, so that a play never becomes two rows.
-- One transaction, as in load_users: delete the old rows, insert the new ones.
DELETE FROM songplays;

INSERT INTO songplays (songplay_id, start_time, user_id, level, song_id, artist_id, session_id, location, user_agent)
SELECT
    ROW_NUMBER() OVER (ORDER BY e.ts, e.session_id, e.item_in_session) AS songplay_id,
    e.ts AS start_time,
    e.user_id,
    e.level,
    catalog.song_id,
    catalog.artist_id,
    e.session_id,
    e.location,
    e.user_agent
FROM staging_events AS e
LEFT JOIN (
    SELECT
        title,
        artist_name,
        duration,
        song_id,
        artist_id,
        ROW_NUMBER() OVER (PARTITION BY title, artist_name, duration ORDER BY song_id) AS preference
    FROM staging_songs
    WHERE song_id IS NOT NULL
) AS catalog
    ON catalog.preference = 1
    AND catalog.title = e.song
    AND catalog.artist_name = e.artist
    AND catalog.duration = e.length
WHERE e.page = 'NextSong';
