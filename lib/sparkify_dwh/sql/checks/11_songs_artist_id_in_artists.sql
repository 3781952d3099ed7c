-- Every songs.artist_id that is not NULL is found in artists.
SELECT songs.song_id, songs.artist_id
FROM songs
LEFT JOIN artists ON artists.artist_id = songs.artist_id
WHERE songs.artist_id IS NOT NULL AND artists.artist_id IS NULL;
