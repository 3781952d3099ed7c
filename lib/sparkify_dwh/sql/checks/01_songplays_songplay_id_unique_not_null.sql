-- songplays.songplay_id is unique and never NULL.
SELECT songplay_id, COUNT(*) AS row_count
FROM songplays
GROUP BY songplay_id
HAVING songplay_id IS NULL OR COUNT(*) > 1;
