-- How Redshift stores each table: its distribution style, first sort key column and rows.
SELECT "table" AS table_name, diststyle, sortkey1, tbl_rows
FROM svv_table_info
WHERE schema = 'public'
ORDER BY "table";
