-- songs: one row per song of the catalog. The whole course catalog is some 15,000 rows, small enough for
-- DISTSTYLE ALL (a copy on every node, so joins with songplays move no data). SORTKEY(song_id) for lookups.
CREATE TABLE songs (
    song_id   VARCHAR(32)  NOT NULL PRIMARY KEY,
    title     VARCHAR(512),
    artist_id VARCHAR(32)  REFERENCES artists (artist_id),
    year      INTEGER,     -- NULL when unknown (0 in the song files)
    duration  DOUBLE PRECISION
)
DISTSTYLE ALL
SORTKEY(song_id);
