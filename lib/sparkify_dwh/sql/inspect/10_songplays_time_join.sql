-- Plays per hour of the day: every play joined to its moment in time. Notebook 04 asks Redshift how it would run
-- it (EXPLAIN): songplays and time are both distributed and sorted on start_time, so each slice joins its own rows.
SELECT hour, COUNT(*) AS plays
FROM songplays
JOIN time USING (start_time)
GROUP BY hour;
