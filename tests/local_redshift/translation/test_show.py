"""The SHOW commands of metadata discovery as the translation writes them: bound names (redshift_connector's metadata
API sends SHOW SCHEMAS FROM DATABASE %s), the forms of SHOW CONSTRAINTS, GRANTS and PARAMETERS their pages give."""

from __future__ import annotations

import pytest

from local_redshift.errors import RedshiftError
from local_redshift.translation import translate
from local_redshift.translation.databases import SHOWN_BOUND, NamedDatabase


def postgres(sql: str) -> list[str]:
    [statement] = translate(sql)
    return statement.postgres


def test_bound_names_are_compared_as_they_are_and_the_database_read_once_bound():
    # the driver binds the database and schema it read from SHOW DATABASES and SHOW SCHEMAS: no folding; which
    # database's contents the SHOW lists is known once bound (endpoint/shown.py reads it there)
    [statement] = translate("SHOW TABLES FROM SCHEMA $1.$2 LIKE $3;")
    [sql] = statement.postgres
    assert "check" not in sql
    assert sql.endswith(
        "WHERE database_name = CAST($1 AS TEXT) AND schema_name = CAST($2 AS TEXT)"
        " AND table_name LIKE CAST($3 AS TEXT) ORDER BY table_name"
    )
    assert statement.databases == (NamedDatabase("$1", SHOWN_BOUND),)


def test_show_tables_lists_the_columns_of_its_page():
    # SHOW TABLES's page: database name, schema name, table name, table type, table ACL, remarks, table owner, last
    # altered time, last modified time, dist_style, and table sub-type
    sql = postgres("SHOW TABLES FROM SCHEMA dev.public")[0]  # then the check that dev is the database connected to
    assert sql.startswith(
        "SELECT database_name, schema_name, table_name, table_type, table_acl, remarks, owner, last_altered_time,"
        " last_modified_time, dist_style, table_subtype FROM redshift_system.show_tables"
    )


@pytest.mark.parametrize(
    ("sql", "where"),
    [
        # SHOW CONSTRAINTS's page: { database_name.schema_name.table_name | schema_name.table_name }
        (
            "SHOW CONSTRAINTS PRIMARY KEYS FROM TABLE demo_schema.pk1",
            "FROM redshift_system.show_primary_keys WHERE schema_name = 'demo_schema' AND table_name = 'pk1'",
        ),
        # EXPORTED: the foreign keys of other tables that reference the target table
        (
            "SHOW CONSTRAINTS FOREIGN KEYS EXPORTED FROM TABLE demo_schema.pk1",
            "FROM redshift_system.show_foreign_keys WHERE pk_schema_name = 'demo_schema' AND pk_table_name = 'pk1'",
        ),
        (
            "SHOW CONSTRAINTS FOREIGN KEYS FROM TABLE demo_schema.fk2",
            "FROM redshift_system.show_foreign_keys WHERE fk_schema_name = 'demo_schema' AND fk_table_name = 'fk2'",
        ),
        # SHOW COLUMN GRANTS's page: [FOR {username | ROLE role_name | PUBLIC}]
        (
            "SHOW COLUMN GRANTS ON TABLE demo_schema.t100 FOR PUBLIC",
            "FROM redshift_system.show_column_grants WHERE schema_name = 'demo_schema' AND table_name = 't100'"
            " AND identity_type = 'public'",
        ),
        (
            "SHOW GRANTS ON TABLE demo_schema.t100 FOR ROLE analysts",
            "FROM redshift_system.show_table_grants WHERE schema_name = 'demo_schema' AND object_name = 't100'"
            " AND identity_name = 'analysts'",
        ),
        # SHOW PARAMETERS's page: the routine named with its argument types, SHOW PARAMETERS OF PROCEDURE
        # demo_db.demo_schema.f1(VARCHAR, DECIMAL, DECIMAL, DECIMAL)
        (
            "SHOW PARAMETERS OF PROCEDURE demo_schema.f1(VARCHAR, DECIMAL)",
            "FROM redshift_system.show_parameters WHERE schema_name = 'demo_schema' AND routine_name = 'f1'"
            " AND prokind = 'p' AND argument_list = CONCAT_WS(', ',"
            " redshift_system.show_type_name(CAST('VARCHAR' AS REGTYPE)),"
            " redshift_system.show_type_name(CAST('DECIMAL' AS REGTYPE)))",
        ),
    ],
)
def test_show_forms_of_their_pages(sql, where):
    [translated] = postgres(sql)
    assert where in translated


def test_show_parameters_of_a_function_names_its_parameters_as_functions():
    [sql] = postgres("SHOW PARAMETERS OF FUNCTION $1.$2.$3();")
    assert sql.startswith("SELECT database_name, schema_name, routine_name AS function_name, parameter_name,")
    assert "AND prokind = 'f' AND argument_list = '' ORDER BY ordinal_position" in sql


def test_show_constraints_in_another_form_is_refused_naming_it():
    with pytest.raises(RedshiftError, match="could not read 'SHOW CONSTRAINTS PRIMARY KEYS FROM pk1'"):
        translate("SHOW CONSTRAINTS PRIMARY KEYS FROM pk1")
