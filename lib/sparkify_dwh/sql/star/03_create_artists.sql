-- artists: one row per artist of the catalog; small, so DISTSTYLE ALL like the other small dimensions.
CREATE TABLE artists (
    artist_id VARCHAR(32)  NOT NULL PRIMARY KEY,
    name      VARCHAR(512),
    location  VARCHAR(512),  -- NULL when unknown ("" in the song files)
    latitude  DOUBLE PRECISION,
    longitude DOUBLE PRECISION
)
DISTSTYLE ALL
SORTKEY(artist_id);
