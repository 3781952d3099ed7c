-- The ten most played artists, among the plays whose song is in the catalog.
SELECT artists.name AS artist, COUNT(*) AS plays
FROM songplays
JOIN artists ON artists.artist_id = songplays.artist_id
GROUP BY artists.artist_id, artists.name
ORDER BY plays DESC, artists.name
LIMIT 10;
