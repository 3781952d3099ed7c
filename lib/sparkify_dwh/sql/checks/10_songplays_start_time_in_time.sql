-- Every songplays.start_time that is not NULL is found in time.
SELECT songplays.songplay_id, songplays.start_time
FROM songplays
LEFT JOIN time ON time.start_time = songplays.start_time
WHERE songplays.start_time IS NOT NULL AND time.start_time IS NULL;
