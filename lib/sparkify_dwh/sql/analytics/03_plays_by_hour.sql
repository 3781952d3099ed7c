-- Song plays by hour of the day (UTC); an hour without any play has no row.
SELECT time.hour, COUNT(*) AS plays
FROM songplays
JOIN time ON time.start_time = songplays.start_time
GROUP BY time.hour
ORDER BY time.hour;
