-- artists.artist_id is unique and never NULL.
SELECT artist_id, COUNT(*) AS row_count
FROM artists
GROUP BY artist_id
HAVING artist_id IS NULL OR COUNT(*) > 1;
