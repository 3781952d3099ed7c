-- The artist with the most songs in the catalog (several artists if they tie). Counting songs per artist
-- needs GROUP BY: without it, COUNT(*) counts every song at once and no artist can be named beside it.
SELECT artist, songs
FROM (
    SELECT
        artists.name AS artist,
        COUNT(*) AS songs,
        RANK() OVER (ORDER BY COUNT(*) DESC) AS place
    FROM songs
    JOIN artists ON artists.artist_id = songs.artist_id
    GROUP BY artists.artist_id, artists.name
) AS ranked
WHERE place = 1
ORDER BY artist;
