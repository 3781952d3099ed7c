"""CREATE FUNCTION and CREATE PROCEDURE as the translation writes them: a SQL function's unnamed parameters
("CREATE FUNCTION": f_name (sql_arg_data_type, ...)), interval parameters of Redshift's interval types ("Interval
data types and literals"), and a procedure's parameter type modifiers recorded after it (translation/routines.py)."""

from __future__ import annotations

from local_redshift.translation import translate


def test_a_sql_functions_parameters_may_be_types_alone_with_their_modifiers():
    [statement] = translate(
        "CREATE FUNCTION f(NUMERIC(10,5), VARCHAR(20), INT) RETURNS INT STABLE AS $$ SELECT 1 $$ LANGUAGE sql"
    )
    assert statement.postgres == [
        "CREATE FUNCTION f(DECIMAL(10, 5), VARCHAR(20), INT) RETURNS INT STABLE LANGUAGE sql AS $$ SELECT 1 $$"
    ]


def test_a_procedures_parameters_may_be_types_alone_too():
    # "CREATE PROCEDURE": [ argname ] [ argmode ] argtype
    [statement] = translate("CREATE PROCEDURE p(INT, VARCHAR(3)) AS $$ BEGIN END; $$ LANGUAGE plpgsql")
    assert statement.postgres[0] == "CREATE PROCEDURE p(INT, VARCHAR(3)) LANGUAGE plpgsql AS $$ BEGIN END; $$"


def test_a_routines_interval_parameters_and_result_are_intervaly2m_and_intervald2s():
    [function] = translate(
        "CREATE FUNCTION f(INTERVAL DAY TO SECOND) RETURNS INTERVAL YEAR TO MONTH STABLE AS $$ SELECT NULL $$"
        " LANGUAGE sql"
    )
    assert function.postgres[0].startswith(
        "CREATE FUNCTION f(redshift_system.intervald2s) RETURNS redshift_system.intervaly2m"
    )
    [procedure] = translate(
        "CREATE PROCEDURE p(a INTERVAL MONTH, b INTERVAL HOUR TO MINUTE, c INTERVALY2M) AS $$ BEGIN END; $$"
        " LANGUAGE plpgsql"
    )
    y2m, d2s = "redshift_system.intervaly2m", "redshift_system.intervald2s"
    assert procedure.postgres[0].startswith(f"CREATE PROCEDURE p(a {y2m}, b {d2s}, c {y2m})")


def test_a_procedures_parameter_types_are_recorded_with_their_modifiers_under_its_folded_name():
    [statement] = translate(
        'CREATE PROCEDURE "Sales".Load_Day(day DATE, OUT total NUMERIC(12,2)) AS $$ BEGIN END; $$ LANGUAGE plpgsql'
    )
    create, record = statement.postgres
    assert create.startswith('CREATE PROCEDURE "sales".Load_Day(day DATE, OUT total DECIMAL(12, 2))')
    assert record == (
        "CALL redshift_system.record_procedure_parameters('sales', 'load_day',"
        " ARRAY[pg_catalog.to_regtype('DATE'), pg_catalog.to_regtype('DECIMAL(12, 2)')]::regtype[],"
        " ARRAY[pg_catalog.to_regtypemod('DATE'), pg_catalog.to_regtypemod('DECIMAL(12, 2)')]::integer[])"
    )
    [unqualified] = translate("CREATE PROCEDURE p(a CHAR(3)) AS $$ BEGIN END; $$ LANGUAGE plpgsql")
    assert "record_procedure_parameters(pg_catalog.current_schema(), 'p'," in unqualified.postgres[1]
    [function] = translate("CREATE FUNCTION f(NUMERIC(10,5)) RETURNS INT STABLE AS $$ SELECT 1 $$ LANGUAGE sql")
    assert len(function.postgres) == 1  # a function's parameters keep no modifier in Redshift
