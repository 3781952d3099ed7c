-- Every songplays.artist_id that is not NULL is found in artists.
SELECT songplays.songplay_id, songplays.artist_id
FROM songplays
LEFT JOIN artists ON artists.artist_id = songplays.artist_id
WHERE songplays.artist_id IS NOT NULL AND artists.artist_id IS NULL;
