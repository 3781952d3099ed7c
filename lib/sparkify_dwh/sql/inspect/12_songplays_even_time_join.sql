-- The same plays per hour over the EVEN copy: a play's row of time is on some other slice, so Redshift must move
-- rows (redistribute one side, or broadcast one) before it can join them.
SELECT hour, COUNT(*) AS plays
FROM songplays_even
JOIN time USING (start_time)
GROUP BY hour;
