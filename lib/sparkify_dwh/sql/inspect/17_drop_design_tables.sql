-- Drops the scratch copies of songplays that notebook 04 made to compare table designs.
DROP TABLE IF EXISTS songplays_even;

DROP TABLE IF EXISTS songplays_by_song;
