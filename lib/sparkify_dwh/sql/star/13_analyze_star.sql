-- Then ANALYZE: the query planner chooses join orders and which rows to move between slices from each table's
-- statistics (row counts, value distributions), which INSERT ... SELECT does not refresh. Run after each load.
ANALYZE songplays;
ANALYZE time;
ANALYZE users;
ANALYZE songs;
ANALYZE artists;
