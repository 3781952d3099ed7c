"""PostgreSQL-only SQL refused by name, as the "Unsupported PostgreSQL ..." pages list it; and the look-alikes that
Redshift does support (procedures, materialized views, SQL UDFs, LISTAGG, CONVERT, ROWS frames) not refused."""

from tests.local_redshift.conformance.case import DEVELOPER_GUIDE, Case, Refused, Rows

DATA_TYPES = DEVELOPER_GUIDE + "c_unsupported-postgresql-datatypes.html"
FEATURES = DEVELOPER_GUIDE + "c_unsupported-postgresql-features.html"
FUNCTIONS = DEVELOPER_GUIDE + "c_unsupported-postgresql-functions.html"
WINDOW_FUNCTIONS = DEVELOPER_GUIDE + "c_Window_functions.html"

_TABLE = ("CREATE TABLE t (a VARCHAR(10), b INT, c INT)",)


def _refused(case_id: str, page: str, sql: str, says: str, setup: tuple[str, ...] = ()) -> Case:
    return Case(id=case_id, page=page, sql=sql, expect=Refused("0A000", says, by_translation=True), setup=setup)


_DATA_TYPE_CASES = [
    _refused("uuid-type-refused", DATA_TYPES, "CREATE TABLE t (id UUID)", "The UUID type"),
    _refused("money-type-refused", DATA_TYPES, "CREATE TABLE t (price MONEY)", "The MONEY type"),
    _refused("inet-type-refused", DATA_TYPES, "SELECT '127.0.0.1'::inet", "The INET type"),
    _refused("hstore-type-refused", DATA_TYPES, "CREATE TABLE t (attributes HSTORE)", "The HSTORE type"),
    _refused("xml-type-refused", DATA_TYPES, "SELECT '<a/>'::xml", "The XML type"),
    _refused("bit-type-refused", DATA_TYPES, "CREATE TABLE t (flag BIT)", "The BIT type"),
    _refused("point-type-refused", DATA_TYPES, "CREATE TABLE t (location POINT)", "The POINT type"),
    _refused("range-type-refused", DATA_TYPES, "CREATE TABLE t (during TSRANGE)", "The TSRANGE type"),
    _refused("oid-column-refused", DATA_TYPES, "CREATE TABLE t (o OID)", "The OID type"),
    _refused("name-column-refused", DATA_TYPES, "CREATE TABLE t (n NAME)", "The NAME type"),
    _refused("enum-type-refused", DATA_TYPES, "CREATE TYPE mood AS ENUM ('sad', 'happy')", "CREATE TYPE"),
    _refused("composite-type-refused", DATA_TYPES, "CREATE TYPE pair AS (a INT, b INT)", "CREATE TYPE"),
    _refused("cidr-type-refused", DATA_TYPES, "CREATE TABLE t (network CIDR)", "The CIDR type"),
    _refused("macaddr-type-refused", DATA_TYPES, "SELECT '08:00:2b:01:02:03'::macaddr", "The MACADDR type"),
    _refused("polygon-type-refused", DATA_TYPES, "CREATE TABLE t (area POLYGON)", "The POLYGON type"),
    _refused("tsvector-type-refused", DATA_TYPES, "SELECT 'a fat cat'::tsvector", "The TSVECTOR type"),
    _refused("txid-snapshot-type-refused", DATA_TYPES, "CREATE TABLE t (s TXID_SNAPSHOT)", "The TXID_SNAPSHOT type"),
    _refused("bit-varying-type-refused", DATA_TYPES, "CREATE TABLE t (flags VARBIT)", "The VARBIT type"),
    Case(
        id="geometric-type-names-as-column-names-are-fine",
        page=DATA_TYPES,
        setup=("CREATE TABLE shapes (path VARCHAR(10), box INT)", "INSERT INTO shapes VALUES ('a/b', 1)"),
        sql="SELECT path, box FROM shapes",
        expect=Rows([("a/b", 1)]),
    ),
]

_FUNCTION_CASES = [
    _refused("string-agg-refused", FUNCTIONS, "SELECT STRING_AGG(a, ',') FROM t", "STRING_AGG()", _TABLE),
    _refused("array-agg-refused", FUNCTIONS, "SELECT ARRAY_AGG(a) FROM t", "ARRAY_AGG()", _TABLE),
    _refused("every-refused", FUNCTIONS, "SELECT EVERY(b > 0) FROM t", "EVERY()", _TABLE),
    _refused("corr-refused", FUNCTIONS, "SELECT CORR(b, c) FROM t", "CORR()", _TABLE),
    _refused("covar-pop-refused", FUNCTIONS, "SELECT COVAR_POP(b, c) FROM t", "COVAR_POP()", _TABLE),
    _refused("regr-slope-refused", FUNCTIONS, "SELECT REGR_SLOPE(b, c) FROM t", "REGR_SLOPE()", _TABLE),
    _refused("clock-timestamp-refused", FUNCTIONS, "SELECT CLOCK_TIMESTAMP()", "CLOCK_TIMESTAMP()"),
    _refused("justify-days-refused", FUNCTIONS, "SELECT JUSTIFY_DAYS(INTERVAL '35 days')", "JUSTIFY_DAYS()"),
    _refused("div-refused", FUNCTIONS, "SELECT DIV(9, 4)", "DIV()"),
    _refused("setseed-refused", FUNCTIONS, "SELECT SETSEED(0.5)", "SETSEED()"),
    _refused("width-bucket-refused", FUNCTIONS, "SELECT WIDTH_BUCKET(5, 0, 10, 5)", "WIDTH_BUCKET()"),
    _refused("bit-length-refused", FUNCTIONS, "SELECT BIT_LENGTH('abc')", "BIT_LENGTH()"),
    _refused("overlay-refused", FUNCTIONS, "SELECT OVERLAY('abcdef' PLACING 'xx' FROM 2)", "OVERLAY()"),
    _refused("encode-refused", FUNCTIONS, "SELECT ENCODE('abc', 'hex')", "ENCODE()"),
    _refused("format-refused", FUNCTIONS, "SELECT FORMAT('%s', 'abc')", "FORMAT()"),
    _refused("quote-nullable-refused", FUNCTIONS, "SELECT QUOTE_NULLABLE('abc')", "QUOTE_NULLABLE()"),
    _refused("regexp-matches-refused", FUNCTIONS, "SELECT REGEXP_MATCHES('abc', 'b')", "REGEXP_MATCHES()"),
    _refused(
        "regexp-split-to-table-refused",
        FUNCTIONS,
        "SELECT REGEXP_SPLIT_TO_TABLE('a b', ' ')",
        "REGEXP_SPLIT_TO_TABLE()",
    ),
    _refused("current-query-refused", FUNCTIONS, "SELECT CURRENT_QUERY()", "CURRENT_QUERY()"),
    _refused("current-catalog-refused", FUNCTIONS, "SELECT CURRENT_CATALOG", "CURRENT_CATALOG"),
    _refused("inet-client-addr-refused", FUNCTIONS, "SELECT INET_CLIENT_ADDR()", "INET_CLIENT_ADDR()"),
    _refused(
        "pg-postmaster-start-time-refused",
        FUNCTIONS,
        "SELECT PG_POSTMASTER_START_TIME()",
        "PG_POSTMASTER_START_TIME()",
    ),
    _refused("is-distinct-from-refused", FUNCTIONS, "SELECT b IS DISTINCT FROM c FROM t", "IS DISTINCT FROM", _TABLE),
    _refused("nextval-refused", FUNCTIONS, "SELECT NEXTVAL('ids')", "NEXTVAL()"),
    _refused("advisory-lock-refused", FUNCTIONS, "SELECT PG_ADVISORY_LOCK(1)", "PG_ADVISORY_LOCK()"),
    _refused("database-size-refused", FUNCTIONS, "SELECT PG_DATABASE_SIZE('dev')", "PG_DATABASE_SIZE()"),
    _refused("read-file-refused", FUNCTIONS, "SELECT PG_READ_FILE('postgresql.conf')", "PG_READ_FILE()"),
    _refused("txid-current-refused", FUNCTIONS, "SELECT TXID_CURRENT()", "TXID_CURRENT()"),
    _refused("to-tsvector-refused", FUNCTIONS, "SELECT TO_TSVECTOR('fat cats')", "TO_TSVECTOR()"),
    _refused("is-in-recovery-refused", FUNCTIONS, "SELECT PG_IS_IN_RECOVERY()", "PG_IS_IN_RECOVERY()"),
    _refused("reload-conf-refused", FUNCTIONS, "SELECT PG_RELOAD_CONF()", "PG_RELOAD_CONF()"),
    _refused("export-snapshot-refused", FUNCTIONS, "SELECT PG_EXPORT_SNAPSHOT()", "PG_EXPORT_SNAPSHOT()"),
    _refused("array-append-refused", FUNCTIONS, "SELECT ARRAY_APPEND(NULL, 1)", "ARRAY_APPEND()"),
    _refused("rollback-to-savepoint-refused", FUNCTIONS, "ROLLBACK TO SAVEPOINT before_load", "ROLLBACK TO SAVEPOINT"),
]

_FEATURE_CASES = [
    _refused("partition-by-refused", FEATURES, "CREATE TABLE t (a INT) PARTITION BY RANGE (a)", "Table partitioning"),
    _refused(
        "partition-of-refused",
        FEATURES,
        "CREATE TABLE t_2024 PARTITION OF t FOR VALUES FROM (1) TO (10)",
        "Table partitioning",
    ),
    _refused("tablespace-refused", FEATURES, "CREATE TABLE t (a INT) TABLESPACE fast", "TABLESPACE"),
    _refused("create-tablespace-refused", FEATURES, "CREATE TABLESPACE fast LOCATION '/ssd'", "CREATE TABLESPACE"),
    _refused("check-column-refused", FEATURES, "CREATE TABLE t (a INT CHECK (a > 0))", "CHECK constraint"),
    _refused(
        "check-table-constraint-refused",
        FEATURES,
        "ALTER TABLE t ADD CONSTRAINT positive CHECK (b > 0)",
        "CHECK constraint",
        _TABLE,
    ),
    _refused(
        "exclusion-constraint-refused",
        FEATURES,
        "CREATE TABLE t (a INT, EXCLUDE USING gist (a WITH =))",
        "exclusion constraint",
    ),
    _refused("foreign-table-refused", FEATURES, "CREATE FOREIGN TABLE f (a INT) SERVER s", "CREATE FOREIGN TABLE"),
    _refused("foreign-server-refused", FEATURES, "CREATE SERVER s FOREIGN DATA WRAPPER w", "CREATE SERVER"),
    _refused(
        "values-constant-table-refused",
        FEATURES,
        "SELECT a FROM (VALUES (1), (2)) AS v (a)",
        "VALUES list used as a constant table",
    ),
    _refused(
        "locale-collation-refused",
        FEATURES,
        'SELECT a COLLATE "C" FROM t',
        "A locale-specific or user-defined collation",
        _TABLE,
    ),
    _refused(
        "table-function-setof-refused",
        FEATURES,
        "CREATE FUNCTION f_ids() RETURNS SETOF INT AS $$ SELECT 1 $$ LANGUAGE sql",
        "table function",
    ),
    _refused("row-constructor-refused", FEATURES, "SELECT ROW(1, 'a')", "row constructor"),
    _refused("array-constructor-refused", FEATURES, "SELECT ARRAY[1, 2]", "ARRAY[...]"),
    _refused(
        "table-function-refused",
        FEATURES,
        "CREATE FUNCTION f_pairs() RETURNS TABLE (a INT) AS $$ SELECT 1 $$ LANGUAGE sql",
        "table function",
    ),
    _refused("listen-refused", FEATURES, "LISTEN loads", "LISTEN"),
    _refused("unlisten-refused", FEATURES, "UNLISTEN loads", "UNLISTEN"),
    _refused("notify-refused", FEATURES, "NOTIFY loads", "NOTIFY"),
    Case(
        id="system-column-name-refused",
        page=FEATURES,
        sql="CREATE TABLE t (xmin INT)",
        expect=Refused("42701", "xmin"),
    ),
]

_WINDOW_FRAME_CASES = [
    _refused(
        "range-frame-refused",
        WINDOW_FUNCTIONS,
        "SELECT SUM(b) OVER (ORDER BY b RANGE UNBOUNDED PRECEDING) FROM t",
        "A RANGE window frame",
        _TABLE,
    ),
    _refused(
        "groups-frame-refused",
        WINDOW_FUNCTIONS,
        "SELECT SUM(b) OVER (ORDER BY b GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t",
        "A GROUPS window frame",
        _TABLE,
    ),
    _refused(
        "ordered-aggregate-without-frame-refused",
        WINDOW_FUNCTIONS,
        "SELECT SUM(b) OVER (ORDER BY b) FROM t",
        "An aggregate window function with ORDER BY and no frame clause",
        _TABLE,
    ),
    _refused(
        "frame-exclusion-refused",
        WINDOW_FUNCTIONS,
        "SELECT SUM(b) OVER (ORDER BY b ROWS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW) FROM t",
        "EXCLUDE in a window frame",
        _TABLE,
    ),
]

_ROWS = ("CREATE TABLE t (a VARCHAR(10), b INT)", "INSERT INTO t VALUES ('c', 3), ('a', 1), ('b', 2)")

_SUPPORTED_LOOKALIKE_CASES = [
    Case(
        id="rows-frame-accepted",
        page=WINDOW_FUNCTIONS,
        setup=_ROWS,
        sql="SELECT b, SUM(b) OVER (ORDER BY b ROWS UNBOUNDED PRECEDING) FROM t ORDER BY b",
        expect=Rows([(1, 1), (2, 3), (3, 6)]),
    ),
    Case(
        id="listagg-accepted",
        page=DEVELOPER_GUIDE + "r_LISTAGG.html",
        setup=_ROWS,
        sql="SELECT LISTAGG(a, ',') WITHIN GROUP (ORDER BY a) FROM t",
        expect=Rows([("a,b,c",)]),
    ),
    Case(
        id="convert-accepted",
        page=DEVELOPER_GUIDE + "r_CONVERT_function.html",
        sql="SELECT CONVERT(INTEGER, '2008')",
        expect=Rows([(2008,)]),
    ),
    Case(
        id="multi-row-insert-values-accepted",
        page=DEVELOPER_GUIDE + "r_INSERT_30.html",
        setup=_ROWS[:1],
        sql="INSERT INTO t VALUES ('a', 1), ('b', 2)",
        expect=Rows([]),
    ),
    Case(
        id="recursive-cte-accepted",
        page=DEVELOPER_GUIDE + "r_WITH_clause.html",
        sql="WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r ORDER BY n",
        expect=Rows([(1,), (2,), (3,)]),
    ),
    Case(
        id="sql-udf-accepted",
        page=DEVELOPER_GUIDE + "udf-scalar-sql-function-example.html",
        setup=(
            "CREATE FUNCTION f_sql_greater (float, float) RETURNS float STABLE AS $$ "
            "SELECT CASE WHEN $1 > $2 THEN $1 ELSE $2 END $$ LANGUAGE sql",
        ),
        sql="SELECT f_sql_greater(1.5, 2.5)",
        expect=Rows([(2.5,)]),
    ),
    Case(
        id="stored-procedure-accepted",
        page=DEVELOPER_GUIDE + "r_CREATE_PROCEDURE.html",
        setup=(
            "CREATE OR REPLACE PROCEDURE test_sp1(f1 int, f2 varchar) AS $$ "
            "BEGIN RAISE INFO 'f1 = %, f2 = %', f1, f2; END; $$ LANGUAGE plpgsql",
        ),
        sql="CALL test_sp1(5, 'abc')",
        expect=Rows([]),
    ),
    Case(
        id="materialized-view-accepted",
        page=DEVELOPER_GUIDE + "materialized-view-create-sql-command.html",
        setup=(*_ROWS, "CREATE MATERIALIZED VIEW t_mv AS SELECT COUNT(*) AS n, SUM(b) AS total FROM t"),
        sql="SELECT n, total FROM t_mv",
        expect=Rows([(3, 6)]),
    ),
]

# The "SQL commands" page lists Redshift's ALTER and DROP statements; PostgreSQL's others are refused by name.
COMMANDS = DEVELOPER_GUIDE + "c_SQL_commands.html"
_ALTER_TABLE = DEVELOPER_GUIDE + "r_ALTER_TABLE.html"

_STATEMENT_KIND_CASES = [
    _refused("drop-sequence-refused", COMMANDS, "DROP SEQUENCE IF EXISTS s", "DROP SEQUENCE"),
    _refused("drop-index-refused", COMMANDS, "DROP INDEX IF EXISTS i", "DROP INDEX"),
    _refused("drop-extension-refused", COMMANDS, "DROP EXTENSION IF EXISTS hstore", "DROP EXTENSION"),
    _refused("drop-trigger-refused", COMMANDS, "DROP TRIGGER IF EXISTS trg ON t", "DROP TRIGGER", setup=_TABLE),
    _refused("drop-type-refused", COMMANDS, "DROP TYPE IF EXISTS mood", "DROP TYPE"),
    _refused("drop-owned-refused", COMMANDS, "DROP OWNED BY CURRENT_USER", "DROP OWNED BY"),
    _refused("alter-sequence-refused", COMMANDS, "ALTER SEQUENCE s RESTART", "ALTER SEQUENCE"),
    _refused("alter-index-refused", COMMANDS, "ALTER INDEX i RENAME TO j", "ALTER INDEX"),
    _refused("alter-type-refused", COMMANDS, "ALTER TYPE mood RENAME TO feeling", "ALTER TYPE"),
    _refused("alter-extension-refused", COMMANDS, "ALTER EXTENSION plpgsql UPDATE", "ALTER EXTENSION"),
    # views are altered with ALTER TABLE (r_ALTER_TABLE.html's examples rename a view and change its owner)
    # syntax errors Redshift's parser stops at (PostgreSQL's words, SQLSTATE 42601) where sqlglot's reads on: the
    # FROM clause's JOIN takes "ON join_condition | USING ( join_column [, ...] )" but CROSS and NATURAL joins
    Case(
        id="join-without-on-refused",
        page=DEVELOPER_GUIDE + "r_FROM_clause30.html",
        setup=_TABLE,
        sql="SELECT t.a FROM t JOIN t AS u WHERE t.b = u.b",
        expect=Refused("42601", 'syntax error at or near "WHERE"', by_translation=True),
    ),
    Case(
        id="trailing-comma-in-the-select-list-refused",
        page=DEVELOPER_GUIDE + "r_SELECT_list.html",
        setup=_TABLE,
        sql="SELECT a, b, FROM t",
        expect=Refused("42601", 'syntax error at or near "FROM"', by_translation=True),
    ),
    Case(
        id="trailing-comma-in-a-column-list-refused",
        page=DEVELOPER_GUIDE + "r_CREATE_TABLE_NEW.html",
        sql="CREATE TABLE t2 (a INT, b INT,)",
        expect=Refused("42601", 'syntax error at or near ")"', by_translation=True),
    ),
    _refused(
        "pivot-refused-locally", DEVELOPER_GUIDE + "r_FROM_clause-pivot-unpivot-examples.html",
        "SELECT * FROM (SELECT b, c FROM t) PIVOT (SUM(c) FOR b IN (1, 2))",
        "PIVOT is not supported by the local Redshift", setup=_TABLE,
    ),
    _refused(
        "unpivot-refused-locally", DEVELOPER_GUIDE + "r_FROM_clause-pivot-unpivot-examples.html",
        "SELECT * FROM (SELECT b, c FROM t) UNPIVOT (v FOR k IN (b, c))",
        "UNPIVOT is not supported by the local Redshift", setup=_TABLE,
    ),
    _refused(
        "materialized-view-auto-refresh-refused-locally", DEVELOPER_GUIDE + "materialized-view-create-sql-command.html",
        "CREATE MATERIALIZED VIEW t_mv AUTO REFRESH YES AS SELECT b FROM t",
        "AUTO REFRESH YES is not supported by the local Redshift", setup=_TABLE,
    ),
    Case(
        id="materialized-view-attributes-accepted",
        page=DEVELOPER_GUIDE + "materialized-view-create-sql-command.html",
        setup=(
            *_TABLE, "INSERT INTO t VALUES ('x', 1, 2)",
            "CREATE MATERIALIZED VIEW t_mv BACKUP NO DISTSTYLE KEY DISTKEY (b) SORTKEY (b) AUTO REFRESH NO "
            "AS SELECT b, c FROM t",
        ),
        sql="SELECT b, c FROM t_mv",
        expect=Rows([(1, 2)]),
    ),
    _refused("discard-refused", COMMANDS, "DISCARD ALL", "DISCARD is not supported by Amazon Redshift"),
    _refused("alter-view-refused", COMMANDS, "ALTER VIEW v RENAME TO w", "ALTER VIEW is not supported by Amazon"),
    _refused(
        "alter-table-enable-rls-refused", _ALTER_TABLE, "ALTER TABLE t ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE ... ENABLE ROW LEVEL SECURITY is not supported by Amazon Redshift", setup=_TABLE,
    ),
    _refused(
        "alter-table-enable-trigger-refused", _ALTER_TABLE, "ALTER TABLE t ENABLE TRIGGER ALL",
        "ALTER TABLE ... ENABLE TRIGGER", setup=_TABLE,
    ),
    _refused(
        "alter-table-row-level-security-on-refused-locally", _ALTER_TABLE, "ALTER TABLE t ROW LEVEL SECURITY ON",
        "ALTER TABLE ... ROW LEVEL SECURITY is not supported by the local Redshift", setup=_TABLE,
    ),
    _refused(
        "alter-table-set-tablespace-refused", _ALTER_TABLE, "ALTER TABLE t SET TABLESPACE pg_default",
        "ALTER TABLE ... SET TABLESPACE is not supported by Amazon Redshift", setup=_TABLE,
    ),
    # an external table's forms (r_ALTER_TABLE.html's examples): the local Redshift has no external tables
    _refused(
        "alter-table-set-location-refused-locally", _ALTER_TABLE,
        "ALTER TABLE spectrum.sales SET LOCATION 's3://amzn-s3-demo-bucket/mysales/'",
        "ALTER TABLE ... SET LOCATION is not supported by the local Redshift",
    ),
    _refused(
        "alter-table-add-partition-refused-locally", _ALTER_TABLE,
        "ALTER TABLE spectrum.sales ADD PARTITION (saledate='2008-01-01') "
        "LOCATION 's3://amzn-s3-demo-bucket/tickit/spectrum/sales_partition/saledate=2008-01/'",
        "ALTER TABLE ... ADD PARTITION is not supported by the local Redshift",
    ),
    _refused(
        "alter-table-drop-partition-refused-locally", _ALTER_TABLE,
        "ALTER TABLE spectrum.sales DROP PARTITION (saledate='2008-01-01')",
        "ALTER TABLE ... DROP PARTITION is not supported by the local Redshift",
    ),
    Case(
        id="alter-table-renames-a-view",
        page=_ALTER_TABLE,
        setup=(*_TABLE, "CREATE VIEW v AS SELECT b FROM t", "ALTER TABLE v RENAME TO w"),
        sql="SELECT count(*) FROM w",
        expect=Rows([(0,)]),
    ),
    Case(
        id="drop-materialized-view-accepted",
        page=DEVELOPER_GUIDE + "materialized-view-drop-sql-command.html",
        setup=(*_TABLE, "CREATE MATERIALIZED VIEW mv AS SELECT b FROM t", "DROP MATERIALIZED VIEW mv"),
        sql="SELECT count(*) FROM pg_class WHERE relname = 'mv'",
        expect=Rows([(0,)]),
    ),
]  # fmt: skip

CASES = [
    *_DATA_TYPE_CASES, *_FUNCTION_CASES, *_FEATURE_CASES, *_WINDOW_FRAME_CASES, *_SUPPORTED_LOOKALIKE_CASES,
    *_STATEMENT_KIND_CASES,
]  # fmt: skip
