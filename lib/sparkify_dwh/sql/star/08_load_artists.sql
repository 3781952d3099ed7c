-- One row per artist_id. The same artist comes with every one of its songs, and not always with the same
-- name or place, so SELECT DISTINCT over all the columns would give one artist several rows. Instead one
-- record per artist is kept: the most complete one (with coordinates, then with a location), ties going to
-- the artist's smallest song_id, so a reload picks the same one. An empty location becomes NULL.
-- One transaction, as in load_users: delete the old rows, insert the new ones.
DELETE FROM artists;

INSERT INTO artists (artist_id, name, location, latitude, longitude)
SELECT artist_id, artist_name, location, artist_latitude, artist_longitude
FROM (
    SELECT
        artist_id,
        artist_name,
        NULLIF(TRIM(artist_location), '') AS location,
        artist_latitude,
        artist_longitude,
        ROW_NUMBER() OVER (
            PARTITION BY artist_id
            ORDER BY
                CASE WHEN artist_latitude IS NOT NULL AND artist_longitude IS NOT NULL THEN 0 ELSE 1 END,
                CASE WHEN NULLIF(TRIM(artist_location), '') IS NOT NULL THEN 0 ELSE 1 END,
                song_id,
                artist_name
        ) AS preference
    FROM staging_songs
    WHERE artist_id IS NOT NULL
) AS artists_by_id
WHERE preference = 1;
