-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).
-- IDENTITY columns declared without NOT NULL (PostgreSQL makes every identity column NOT NULL; Redshift only those
-- declared so): recorded by the translated CREATE TABLE (translation/identity_columns.py) on a table this
-- transaction created, gone with the table's design. PG_ATTRIBUTE (60_tools_catalog.sql) reads them.
CREATE TABLE IF NOT EXISTS redshift_system.nullable_identity (
    relid oid NOT NULL REFERENCES redshift_system.table_design (relid) ON DELETE CASCADE,
    attname name NOT NULL,
    PRIMARY KEY (relid, attname)
);

CREATE OR REPLACE PROCEDURE redshift_system.record_nullable_identity(relation regclass, column_name text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    IF coalesce(relation::oid::text = ANY (string_to_array(current_setting('redshift.tables_created', true), ',')),
                false) THEN
        INSERT INTO redshift_system.nullable_identity VALUES (relation, column_name) ON CONFLICT DO NOTHING;
    END IF;
END
$$;
