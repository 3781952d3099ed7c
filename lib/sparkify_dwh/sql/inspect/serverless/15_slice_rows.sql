-- Redshift Serverless shows no slices (it refuses STV_TBL_PERM and STV_SLICES: its compute is managed for you), so
-- here are the rows of songplays and of its two scratch copies with how unevenly SVV_TABLE_INFO finds them spread.
SELECT "table" AS table_name, tbl_rows AS rows, skew_rows
FROM svv_table_info
WHERE "table" IN ('songplays', 'songplays_even', 'songplays_by_song')
ORDER BY table_name;
