-- staging_events: the listening logs exactly as COPY reads them, one row per event.
-- The JSONPaths file maps the events' fields onto these columns BY POSITION, so their order must stay
-- artist, auth, firstName, gender, itemInSession, lastName, length, level, location, method, page,
-- registration, sessionId, song, status, ts, userAgent, userId (the names may differ: snake_case here).
-- No DISTKEY: staging rows are read once, joined on text columns; DISTSTYLE EVEN spreads them evenly.
DROP TABLE IF EXISTS staging_events;

CREATE TABLE staging_events (
    artist          VARCHAR(512),
    auth            VARCHAR(16),
    first_name      VARCHAR(256),
    gender          CHAR(1),
    item_in_session INTEGER,
    last_name       VARCHAR(256),
    length          DOUBLE PRECISION,  -- seconds, compared exactly with staging_songs.duration
    level           VARCHAR(8),        -- free or paid
    location        VARCHAR(256),
    method          VARCHAR(8),
    page            VARCHAR(32),
    registration    DOUBLE PRECISION,  -- epoch milliseconds, written as a float in the logs
    session_id      INTEGER,
    song            VARCHAR(512),
    status          INTEGER,
    ts              TIMESTAMP,         -- epoch milliseconds, converted by COPY's TIMEFORMAT 'epochmillisecs'
    user_agent      VARCHAR(512),
    user_id         INTEGER            -- "" for logged-out events: loads NULL
)
DISTSTYLE EVEN;
