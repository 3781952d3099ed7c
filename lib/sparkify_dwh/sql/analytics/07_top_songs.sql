-- The ten most played songs, among the plays whose song is in the catalog.
SELECT songs.title, artists.name AS artist, COUNT(*) AS plays
FROM songplays
JOIN songs ON songs.song_id = songplays.song_id
JOIN artists ON artists.artist_id = songplays.artist_id
GROUP BY songplays.song_id, songs.title, artists.name
ORDER BY plays DESC, songs.title, artists.name
LIMIT 10;
