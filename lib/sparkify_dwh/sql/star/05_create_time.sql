-- time: one row per moment a song was played, broken into the parts questions group by.
-- It has as many rows as songplays has distinct start times, so it grows with the fact table: it is
-- distributed like songplays, DISTKEY(start_time), so each play finds its moment on its own slice.
CREATE TABLE time (
    start_time TIMESTAMP NOT NULL PRIMARY KEY,
    hour       SMALLINT  NOT NULL,  -- 0 to 23
    day        SMALLINT  NOT NULL,  -- day of the month, 1 to 31
    week       SMALLINT  NOT NULL,  -- ISO week of the year, 1 to 53
    month      SMALLINT  NOT NULL,  -- 1 to 12
    year       SMALLINT  NOT NULL,
    weekday    SMALLINT  NOT NULL   -- 0 = Sunday to 6 = Saturday
)
DISTKEY(start_time)
SORTKEY(start_time);
