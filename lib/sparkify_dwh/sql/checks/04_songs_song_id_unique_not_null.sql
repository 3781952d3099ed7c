-- songs.song_id is unique and never NULL.
SELECT song_id, COUNT(*) AS row_count
FROM songs
GROUP BY song_id
HAVING song_id IS NULL OR COUNT(*) > 1;
