-- songplays, the fact table: one row per song play (a NextSong event).
-- DISTKEY(start_time): plays spread evenly over the slices by their timestamp (song_id would not do: every play
-- whose song is not in the catalog has a NULL song_id, and all of them would land on one slice), and they sit
-- on the same slice as their row of `time`, so joining the two moves no data.
-- SORTKEY(start_time): most questions are about a period, and Redshift skips the blocks outside it.
-- songplay_id is numbered by the load (ROW_NUMBER), not IDENTITY: IDENTITY keeps counting after a reload,
-- so a second load would give other ids; ROW_NUMBER over the events' order gives the same ids every time.
-- Redshift does not enforce PRIMARY KEY or REFERENCES; it uses them to plan queries. The checks enforce them.
CREATE TABLE songplays (
    songplay_id BIGINT       NOT NULL PRIMARY KEY,
    start_time  TIMESTAMP    NOT NULL REFERENCES time (start_time),
    user_id     INTEGER      REFERENCES users (user_id),
    level       VARCHAR(8),
    song_id     VARCHAR(32)  REFERENCES songs (song_id),     -- NULL when the song is not in the catalog
    artist_id   VARCHAR(32)  REFERENCES artists (artist_id), -- NULL when the song is not in the catalog
    session_id  INTEGER,
    location    VARCHAR(256),
    user_agent  VARCHAR(512)
)
DISTKEY(start_time)
SORTKEY(start_time);
