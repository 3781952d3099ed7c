-- A peek at staging_events: its first five events in time, as COPY loaded them, with the columns the star schema
-- is built from first (the page, the time, the user and the song played) and none of the others.
SELECT
    page,
    ts,
    user_id,
    first_name,
    last_name,
    gender,
    level,
    song,
    artist,
    length,
    session_id,
    item_in_session,
    location,
    user_agent
FROM staging_events
ORDER BY ts, session_id, item_in_session
LIMIT 5;
