-- Drop the star schema, the fact table first: a table cannot be dropped while another one's REFERENCES
-- point at it. The create files that follow build it again, dimensions first for the same reason.
DROP TABLE IF EXISTS songplays;
DROP TABLE IF EXISTS songs;
DROP TABLE IF EXISTS artists;
DROP TABLE IF EXISTS users;
DROP TABLE IF EXISTS time;
