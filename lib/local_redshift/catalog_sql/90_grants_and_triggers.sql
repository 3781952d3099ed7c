-- Part of the Redshift system catalog inside PostgreSQL (local_redshift.catalog installs the files in order).

GRANT SELECT ON ALL TABLES IN SCHEMA redshift_system TO PUBLIC;
GRANT USAGE ON SEQUENCE redshift_system.query_id TO PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA redshift_system TO PUBLIC;
GRANT EXECUTE ON ALL PROCEDURES IN SCHEMA redshift_system TO PUBLIC;

-- Last, so that the catalog's own tables get no design rows.
DROP EVENT TRIGGER IF EXISTS redshift_system_table_created;
CREATE EVENT TRIGGER redshift_system_table_created ON ddl_command_end
    WHEN TAG IN ('CREATE TABLE', 'CREATE TABLE AS', 'SELECT INTO')
    EXECUTE FUNCTION redshift_system.on_table_created();

DROP EVENT TRIGGER IF EXISTS redshift_system_table_dropped;
CREATE EVENT TRIGGER redshift_system_table_dropped ON sql_drop
    EXECUTE FUNCTION redshift_system.on_table_dropped();

DROP EVENT TRIGGER IF EXISTS redshift_system_relation_dropped;
CREATE EVENT TRIGGER redshift_system_relation_dropped ON sql_drop
    EXECUTE FUNCTION redshift_system.on_relation_dropped();
