-- One row per user id, over all events that carry one (not only song plays), with the name and the level
-- (free or paid) of that user's latest event: a user who upgraded during the month is a paying user now.
-- Each load file runs as one transaction: the old rows are deleted and the new ones inserted together, so a
-- reload gives the same table and a failed one leaves the previous table. (Not TRUNCATE: in Redshift it
-- commits the transaction at once, and a failure would leave the table empty.)
DELETE FROM users;

INSERT INTO users (user_id, first_name, last_name, gender, level)
SELECT user_id, first_name, last_name, gender, level
FROM (
    SELECT
        user_id,
        first_name,
        last_name,
        gender,
        level,
        ROW_NUMBER() OVER (
            PARTITION BY user_id ORDER BY ts DESC, session_id DESC, item_in_session DESC
        ) AS recency
    FROM staging_events
    WHERE user_id IS NOT NULL
) AS events_by_user
WHERE recency = 1;
