-- A peek at staging_songs: five songs of the catalog, as COPY loaded them.
SELECT *
FROM staging_songs
ORDER BY song_id
LIMIT 5;
