-- Every songplays.song_id that is not NULL is found in songs.
SELECT songplays.songplay_id, songplays.song_id
FROM songplays
LEFT JOIN songs ON songs.song_id = songplays.song_id
WHERE songplays.song_id IS NOT NULL AND songs.song_id IS NULL;
