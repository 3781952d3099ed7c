"""Cases of Redshift's system views about tables, columns and sessions, VERSION() and the leader node-only
functions. Table names are the pages' own with a v_ prefix: every case of the suite shares one database."""

from decimal import Decimal

from tests.local_redshift.conformance.case import DEVELOPER_GUIDE, Case, Refused, Rows

LEADER_NODE_ONLY = Refused(
    "0A000",
    "Specified types or functions (one per INFO message) not supported on Amazon Redshift tables.",
    by_translation=True,
)
VERSION_SHAPE = "PostgreSQL 8.0.2 on i686-pc-linux-gnu, compiled by GCC gcc (GCC) 3.4.2 20041017 (Red Hat 3.4.2-6.fc3)"
# The page's tickit_sales_redshift: its sample gives listid, buyerid, eventid, dateid and commission positions 2, 4, 5,
# 7 and 9.
SALES = (
    "CREATE TABLE v_sales (salesid INTEGER NOT NULL, listid INTEGER NOT NULL, sellerid INTEGER NOT NULL,"
    " buyerid INTEGER NOT NULL, eventid INTEGER NOT NULL, qtysold SMALLINT NOT NULL, dateid SMALLINT NOT NULL,"
    " pricepaid DECIMAL(8,2), commission DECIMAL(8,2), saletime TIMESTAMP)"
)

CASES = [
    Case(
        id="version-names-postgresql-8-and-redshift",
        page=DEVELOPER_GUIDE + "r_VERSION.html",
        sql=f"SELECT version() LIKE '{VERSION_SHAPE}, Redshift 1.0.%'",
        expect=Rows([(True,)]),
    ),
    Case(
        id="version-refused-with-a-user-table",
        page=DEVELOPER_GUIDE + "r_VERSION.html",
        setup=("CREATE TABLE v_versioned (a INT)",),
        sql="SELECT version(), a FROM v_versioned",
        expect=LEADER_NODE_ONLY,
    ),
    Case(
        id="version-refused-with-an-stv-table",
        page=DEVELOPER_GUIDE + "r_VERSION.html",
        sql="SELECT version(), count(*) FROM stv_sessions",
        expect=LEADER_NODE_ONLY,
    ),
    Case(
        id="current-schema-refused-with-a-user-table",
        page=DEVELOPER_GUIDE + "c_sql-functions-leader-node.html",
        setup=("CREATE TABLE users (userid INTEGER)",),
        sql="select current_schema(), userid from users",
        expect=LEADER_NODE_ONLY,
    ),
    Case(
        id="current-schema-runs-on-the-leader-with-pg-table-def",
        page=DEVELOPER_GUIDE + "c_sql-functions-leader-node.html",
        setup=("CREATE TABLE v_category (catid SMALLINT NOT NULL DISTKEY SORTKEY, catname VARCHAR(10))",),
        sql='SELECT tablename, "column", type, distkey, sortkey, "notnull" FROM pg_table_def'
        ' WHERE schemaname = current_schema() ORDER BY "column" LIMIT 1',
        expect=Rows([("v_category", "catid", "smallint", True, 1, True)]),
    ),
    Case(
        id="has-table-privilege-refused-with-a-user-table",
        page=DEVELOPER_GUIDE + "c_SQL_functions_leader_node_only.html",
        setup=("CREATE TABLE v_private (a INT)",),
        sql="SELECT has_table_privilege('v_private', 'select'), a FROM v_private",
        expect=LEADER_NODE_ONLY,
    ),
    Case(
        id="has-schema-privilege-refused-with-an-svv-view",
        page=DEVELOPER_GUIDE + "c_SQL_functions_leader_node_only.html",
        sql="SELECT has_schema_privilege('public', 'usage'), count(*) FROM svv_tables",
        expect=LEADER_NODE_ONLY,
    ),
    Case(
        id="stv-sessions-lists-this-session",
        page=DEVELOPER_GUIDE + "r_STV_SESSIONS.html",
        sql="SELECT TRIM(user_name) = current_user, TRIM(db_name) = current_database(), timeout_sec"
        " FROM stv_sessions WHERE process = pg_backend_pid()",
        expect=Rows([(True, True, 0)]),
    ),
    Case(
        id="stv-sessions-counts-at-least-this-one",
        page=DEVELOPER_GUIDE + "r_STV_SESSIONS.html",
        sql="select count(*) >= 1 from stv_sessions",
        expect=Rows([(True,)]),
    ),
    Case(
        id="svv-table-info-diststyle-all-sort-key-skew",
        page=DEVELOPER_GUIDE + "r_SVV_TABLE_INFO.html",
        setup=(
            "CREATE TABLE v_venue (venueid SMALLINT NOT NULL ENCODE RAW, venuename VARCHAR(100) ENCODE RAW)"
            " DISTSTYLE ALL SORTKEY (venueid)",
            "INSERT INTO v_venue VALUES (1, 'Toyota Park'), (2, 'Columbus Crew Stadium')",
        ),
        sql='SELECT "table", encoded, diststyle, sortkey1, skew_sortkey1, skew_rows FROM svv_table_info'
        " WHERE \"table\" = 'v_venue'",
        expect=Rows([("v_venue", "N", "ALL", "venueid", Decimal("1.00"), None)]),
    ),
    Case(
        id="svv-table-info-key-distribution",
        page=DEVELOPER_GUIDE + "r_SVV_TABLE_INFO.html",
        setup=(
            "CREATE TABLE v_users (userid INTEGER NOT NULL DISTKEY SORTKEY, username CHAR(8))",
            "INSERT INTO v_users VALUES (1, 'JSG99FHE'), (2, 'PGL08LJI')",
        ),
        sql='SELECT "table", encoded, diststyle, sortkey1, skew_sortkey1 FROM svv_table_info'
        " WHERE \"table\" = 'v_users'",
        expect=Rows([("v_users", "Y", "KEY(userid)", "userid", Decimal("1.00"))]),
    ),
    Case(
        id="svv-table-info-skips-empty-tables",
        page=DEVELOPER_GUIDE + "r_SVV_TABLE_INFO.html",
        setup=("CREATE TABLE v_empty (a INT)",),
        sql="SELECT count(*) FROM svv_table_info WHERE \"table\" = 'v_empty'",
        expect=Rows([(0,)]),
    ),
    Case(
        id="svv-all-columns-of-a-table",
        page=DEVELOPER_GUIDE + "r_SVV_ALL_COLUMNS.html",
        setup=(SALES,),
        sql="SELECT table_name, column_name, ordinal_position, column_default, is_nullable, data_type,"
        " character_maximum_length, numeric_precision, numeric_scale, remarks FROM svv_all_columns"
        " WHERE table_name = 'v_sales' ORDER BY column_name LIMIT 5",
        expect=Rows(
            [
                ("v_sales", "buyerid", 4, None, "NO", "integer", None, 32, 0, None),
                ("v_sales", "commission", 9, None, "YES", "numeric", None, 8, 2, None),
                ("v_sales", "dateid", 7, None, "NO", "smallint", None, 16, 0, None),
                ("v_sales", "eventid", 5, None, "NO", "integer", None, 32, 0, None),
                ("v_sales", "listid", 2, None, "NO", "integer", None, 32, 0, None),
            ]
        ),
    ),
    Case(
        id="svv-columns-lists-the-columns-of-views",
        page=DEVELOPER_GUIDE + "r_SVV_COLUMNS.html",
        setup=(
            "CREATE TABLE v_listing (listid INTEGER NOT NULL)",
            "CREATE VIEW v_listing_view AS SELECT listid FROM v_listing",
        ),
        sql="SELECT table_name, column_name, ordinal_position, is_nullable, data_type FROM svv_columns"
        " WHERE table_name IN ('v_listing', 'v_listing_view') ORDER BY table_name",
        expect=Rows([("v_listing", "listid", 1, "NO", "integer"), ("v_listing_view", "listid", 1, "YES", "integer")]),
    ),
    Case(
        id="svv-all-tables-lists-a-table",
        page=DEVELOPER_GUIDE + "r_SVV_ALL_TABLES.html",
        setup=("CREATE TABLE v_date (dateid SMALLINT NOT NULL)",),
        sql="SELECT database_name = current_database(), table_name, table_type, table_acl, remarks FROM svv_all_tables"
        " WHERE table_name = 'v_date'",
        expect=Rows([(True, "v_date", "TABLE", None, None)]),
    ),
    Case(
        id="svv-tables-lists-base-tables-and-views",
        page=DEVELOPER_GUIDE + "r_SVV_TABLES.html",
        setup=("CREATE TABLE v_event (eventid INTEGER)", "CREATE VIEW v_event_view AS SELECT eventid FROM v_event"),
        sql="SELECT table_name, table_type, remarks FROM svv_tables WHERE table_name IN ('v_event', 'v_event_view')"
        " ORDER BY table_name",
        expect=Rows([("v_event", "BASE TABLE", None), ("v_event_view", "VIEW", None)]),
    ),
    Case(
        id="svv-all-schemas-lists-public",
        page=DEVELOPER_GUIDE + "r_SVV_ALL_SCHEMAS.html",
        sql="SELECT database_name = current_database(), schema_name FROM svv_all_schemas WHERE schema_name = 'public'",
        expect=Rows([(True, "public")]),
    ),
    Case(
        id="pg-table-def-hides-schemas-off-the-search-path",
        page=DEVELOPER_GUIDE + "r_PG_TABLE_DEF.html",
        setup=("create schema v_demo", "create table v_demo.v_demotable (one int)"),
        sql="select * from pg_table_def where tablename = 'v_demotable'",
        expect=Rows([]),
    ),
    Case(
        id="pg-table-def-shows-schemas-on-the-search-path",
        page=DEVELOPER_GUIDE + "r_PG_TABLE_DEF.html",
        setup=(
            "create schema v_shown",
            "create table v_shown.v_showntable (one int)",
            "set search_path to '$user', 'public', 'v_shown'",
        ),
        sql='select schemaname, tablename, "column", type, distkey, sortkey, "notnull" from pg_table_def'
        " where tablename = 'v_showntable'",
        expect=Rows([("v_shown", "v_showntable", "one", "integer", False, 0, False)]),
    ),
]
