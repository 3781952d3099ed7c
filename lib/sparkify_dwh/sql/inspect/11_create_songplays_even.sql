-- A scratch copy of songplays spread round robin over the slices (DISTSTYLE EVEN) instead of by start_time, to
-- compare the plans of the same join under the two designs. Dropped again by inspect/17_drop_design_tables.sql.
DROP TABLE IF EXISTS songplays_even;

CREATE TABLE songplays_even DISTSTYLE EVEN AS SELECT * FROM songplays;
