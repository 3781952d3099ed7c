-- The most played song, among the plays whose song is in the catalog (several songs if they tie).
SELECT title, artist, plays
FROM (
    SELECT
        songs.title,
        artists.name AS artist,
        COUNT(*) AS plays,
        RANK() OVER (ORDER BY COUNT(*) DESC) AS place
    FROM songplays
    JOIN songs ON songs.song_id = songplays.song_id
    JOIN artists ON artists.artist_id = songplays.artist_id
    GROUP BY songplays.song_id, songs.title, artists.name
) AS ranked
WHERE place = 1
ORDER BY title, artist;
