-- Every songplays.user_id that is not NULL is found in users.
SELECT songplays.songplay_id, songplays.user_id
FROM songplays
LEFT JOIN users ON users.user_id = songplays.user_id
WHERE songplays.user_id IS NOT NULL AND users.user_id IS NULL;
