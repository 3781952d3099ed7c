-- Plays per level of the listener: songplays joined to users, which is DISTSTYLE ALL (a whole copy on every node),
-- so every slice finds each play's user on its own node.
SELECT users.level, COUNT(*) AS plays
FROM songplays
JOIN users ON users.user_id = songplays.user_id
GROUP BY users.level;
