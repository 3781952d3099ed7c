-- The ten places whose listeners play the most songs.
SELECT location, COUNT(*) AS plays
FROM songplays
WHERE location IS NOT NULL
GROUP BY location
ORDER BY plays DESC, location
LIMIT 10;
