-- One row per distinct start time of songplays (the ts of the NextSong events), with the parts of it that
-- questions group by. EXTRACT(dayofweek ...) counts from 0 = Sunday.
-- One transaction, as in load_users: delete the old rows, insert the new ones.
DELETE FROM time;

INSERT INTO time (start_time, hour, day, week, month, year, weekday)
SELECT
    start_time,
    EXTRACT(hour FROM start_time),
    EXTRACT(day FROM start_time),
    EXTRACT(week FROM start_time),
    EXTRACT(month FROM start_time),
    EXTRACT(year FROM start_time),
    EXTRACT(dayofweek FROM start_time)
FROM (
    SELECT DISTINCT ts AS start_time
    FROM staging_events
    WHERE page = 'NextSong' AND ts IS NOT NULL
) AS play_times;
