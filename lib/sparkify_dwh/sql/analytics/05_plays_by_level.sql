-- Free against paid: song plays and listeners by the level they had when they played.
SELECT level, COUNT(*) AS plays, COUNT(DISTINCT user_id) AS listeners
FROM songplays
GROUP BY level
ORDER BY level;
