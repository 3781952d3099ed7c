-- songplays.start_time is never NULL: every play happened at some time.
SELECT songplay_id
FROM songplays
WHERE start_time IS NULL;
