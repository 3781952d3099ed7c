-- staging_songs: the song catalog exactly as COPY reads it, one row per song object.
-- FORMAT AS JSON 'auto' matches the objects' keys to these column names exactly, so the names are the keys.
-- DISTSTYLE ALL: the catalog is small and every event is looked up in it, so each node keeps a full copy.
DROP TABLE IF EXISTS staging_songs;

CREATE TABLE staging_songs (
    num_songs        INTEGER,
    artist_id        VARCHAR(32),
    artist_latitude  DOUBLE PRECISION,
    artist_longitude DOUBLE PRECISION,
    artist_location  VARCHAR(512),
    artist_name      VARCHAR(512),
    song_id          VARCHAR(32),
    title            VARCHAR(512),
    duration         DOUBLE PRECISION,  -- seconds
    year             INTEGER            -- 0 when unknown
)
DISTSTYLE ALL;
