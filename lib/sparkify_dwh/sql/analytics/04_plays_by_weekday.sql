-- Song plays by day of the week, Sunday (0) first.
SELECT
    time.weekday,
    DECODE(time.weekday, 0, 'Sun', 1, 'Mon', 2, 'Tue', 3, 'Wed', 4, 'Thu', 5, 'Fri', 6, 'Sat') AS day_name,
    COUNT(*) AS plays
FROM songplays
JOIN time ON time.start_time = songplays.start_time
GROUP BY time.weekday
ORDER BY time.weekday;
