-- users: one row per listener. A few hundred rows at most, so DISTSTYLE ALL keeps a copy on every node and
-- joining songplays to users never moves data. SORTKEY(user_id) serves lookups of one user.
CREATE TABLE users (
    user_id    INTEGER      NOT NULL PRIMARY KEY,
    first_name VARCHAR(256),
    last_name  VARCHAR(256),
    gender     CHAR(1),
    level      VARCHAR(8)   -- free or paid, as of the user's latest event
)
DISTSTYLE ALL
SORTKEY(user_id);
