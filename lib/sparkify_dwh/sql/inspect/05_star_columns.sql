-- The columns of the star schema's tables as the catalog knows them, in the order they were declared: type,
-- NOT NULL, whether the column is the table's distribution key, and its place in the sort key (0: not in it).
-- PG_TABLE_DEF has the Redshift-specific part; INFORMATION_SCHEMA.COLUMNS gives each column's position;
-- SVV_TABLE_INFO the table's DISTSTYLE (ALL, EVEN or KEY(column)).
SELECT
    d.tablename AS table_name,
    c.ordinal_position,
    d."column" AS column_name,
    d.type AS data_type,
    d.notnull AS not_null,
    d.distkey AS dist_key,
    d.sortkey AS sort_key_position,
    t.diststyle
FROM pg_table_def AS d
JOIN information_schema.columns AS c
    ON c.table_schema = d.schemaname AND c.table_name = d.tablename AND c.column_name = d."column"
LEFT JOIN svv_table_info AS t
    ON t.schema = d.schemaname AND t."table" = d.tablename
WHERE d.schemaname = 'public'
    AND d.tablename IN ('songplays', 'users', 'songs', 'artists', 'time')
ORDER BY d.tablename, c.ordinal_position;
