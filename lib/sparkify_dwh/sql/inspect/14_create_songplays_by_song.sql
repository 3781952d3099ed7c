-- A scratch copy of songplays distributed on a bad key, song_id: every play whose song is not in the catalog has
-- a NULL song_id, and all of them land on one slice. Dropped again by inspect/17_drop_design_tables.sql.
DROP TABLE IF EXISTS songplays_by_song;

CREATE TABLE songplays_by_song DISTKEY(song_id) SORTKEY(start_time) AS SELECT * FROM songplays;
