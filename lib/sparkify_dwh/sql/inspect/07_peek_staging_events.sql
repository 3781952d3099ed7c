-- A peek at staging_events: its first five events in time, as COPY loaded them.
SELECT *
FROM staging_events
ORDER BY ts, session_id, item_in_session
LIMIT 5;
