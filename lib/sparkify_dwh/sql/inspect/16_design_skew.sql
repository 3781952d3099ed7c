-- The three designs side by side in SVV_TABLE_INFO: distribution style, first sort key column, skew_rows (the
-- rows of the fullest slice over those of the emptiest) and the share of rows not in sort key order.
SELECT "table" AS table_name, diststyle, sortkey1, skew_rows, unsorted, tbl_rows
FROM svv_table_info
WHERE "table" IN ('songplays', 'songplays_even', 'songplays_by_song')
ORDER BY "table";
