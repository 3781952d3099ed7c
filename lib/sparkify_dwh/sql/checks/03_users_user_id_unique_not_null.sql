-- users.user_id is unique and never NULL.
SELECT user_id, COUNT(*) AS row_count
FROM users
GROUP BY user_id
HAVING user_id IS NULL OR COUNT(*) > 1;
