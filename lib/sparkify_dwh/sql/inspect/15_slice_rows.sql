-- The rows each slice holds of songplays and of its two scratch copies (STV_TBL_PERM has a row per slice of each
-- table): even over the slices for start_time and round robin, lopsided for song_id.
SELECT TRIM(name) AS table_name, slice, rows
FROM stv_tbl_perm
WHERE TRIM(name) IN ('songplays', 'songplays_even', 'songplays_by_song')
ORDER BY table_name, slice;
