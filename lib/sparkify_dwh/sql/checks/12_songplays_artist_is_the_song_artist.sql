-- A play has both a song_id and an artist_id, or neither, and its artist is the artist of its song in songs.
SELECT sp.songplay_id, sp.song_id, sp.artist_id, s.artist_id AS song_artist_id
FROM songplays AS sp
LEFT JOIN songs AS s ON s.song_id = sp.song_id
WHERE (sp.song_id IS NULL AND sp.artist_id IS NOT NULL)
    OR (sp.song_id IS NOT NULL AND sp.artist_id IS NULL)
    OR s.artist_id <> sp.artist_id;
