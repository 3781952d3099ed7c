"""DDL as Redshift has it: TRUNCATE, ALTER TABLE APPEND, late-binding views, CREATE TABLE AS and LIKE, ALTER TABLE
of the table design, informational constraints, VACUUM and ANALYZE."""

from tests.local_redshift.conformance.case import DEVELOPER_GUIDE, Case, Refused, Rows

TRUNCATE = DEVELOPER_GUIDE + "r_TRUNCATE.html"
APPEND = DEVELOPER_GUIDE + "r_ALTER_TABLE_APPEND.html"
CREATE_VIEW = DEVELOPER_GUIDE + "r_CREATE_VIEW.html"
CTAS_EXAMPLES = DEVELOPER_GUIDE + "r_CTAS_examples.html"
CTAS_NOTES = DEVELOPER_GUIDE + "r_CTAS_usage_notes.html"
CONSTRAINTS = DEVELOPER_GUIDE + "t_Defining_constraints.html"
ALTER_TABLE = DEVELOPER_GUIDE + "r_ALTER_TABLE.html"
VACUUM = DEVELOPER_GUIDE + "r_VACUUM_command.html"
ANALYZE = DEVELOPER_GUIDE + "r_ANALYZE.html"
CREATE_TABLE = DEVELOPER_GUIDE + "r_CREATE_TABLE_NEW.html"
COMMENT = DEVELOPER_GUIDE + "r_COMMENT.html"

_DATES = ("CREATE TABLE date (dateid SMALLINT, caldate DATE)", "INSERT INTO date VALUES (1, '2008-01-01'), (2, NULL)")
_EVENT = (
    "CREATE TABLE event (eventid INTEGER, venueid SMALLINT, catid SMALLINT, dateid SMALLINT, "
    "eventname VARCHAR(200), starttime TIMESTAMP) DISTKEY (eventid) SORTKEY (dateid)",
)
_DESIGN = 'SELECT "column", distkey, sortkey FROM pg_table_def WHERE tablename = {!r} ORDER BY "column"'
_ENCODINGS = 'SELECT "column", trim(encoding) FROM pg_table_def WHERE tablename = \'t\' ORDER BY "column"'
_SALES = (
    "CREATE TABLE sales (salesid INTEGER, qtysold SMALLINT, pricepaid DECIMAL(8, 2))",
    "CREATE TABLE sales_monthly (pricepaid DECIMAL(8, 2), salesid INTEGER, qtysold SMALLINT)",
    "INSERT INTO sales_monthly VALUES (10.50, 1, 2), (20.00, 2, 4)",
)

CASES = [
    # TRUNCATE commits the transaction in which it is run.
    Case(
        id="truncate-stays-truncated-after-rollback",
        page=TRUNCATE,
        setup=(*_DATES, "BEGIN", "TRUNCATE date", "ROLLBACK"),
        sql="SELECT count(*) FROM date",
        expect=Rows([(0,)]),
    ),
    Case(
        id="truncate-commits-the-other-operations-of-its-transaction",
        page=TRUNCATE,
        setup=(
            *_DATES,
            "CREATE TABLE category (catid SMALLINT)",
            "BEGIN",
            "INSERT INTO category VALUES (7)",
            "TRUNCATE TABLE date",
            "ROLLBACK",
        ),
        sql="SELECT catid FROM category",
        expect=Rows([(7,)]),
    ),
    Case(
        id="truncate-in-autocommit",
        page=TRUNCATE,
        setup=(*_DATES, "TRUNCATE date"),
        sql="SELECT count(*) FROM date",
        expect=Rows([(0,)]),
    ),
    # ALTER TABLE APPEND moves the rows: column order doesn't matter, the source ends empty.
    Case(
        id="append-moves-rows-to-matching-columns",
        page=APPEND,
        setup=(*_SALES, "ALTER TABLE sales APPEND FROM sales_monthly"),
        sql="SELECT salesid, qtysold, pricepaid::varchar FROM sales ORDER BY salesid",
        expect=Rows([(1, 2, "10.50"), (2, 4, "20.00")]),
    ),
    Case(
        id="append-leaves-the-source-empty",
        page=APPEND,
        setup=(*_SALES, "ALTER TABLE sales APPEND FROM sales_monthly"),
        sql="SELECT count(*) FROM sales_monthly",
        expect=Rows([(0,)]),
    ),
    Case(
        id="append-refuses-a-source-column-the-target-lacks",
        page=APPEND,
        setup=(*_SALES, "ALTER TABLE sales_monthly ADD COLUMN note VARCHAR(10)"),
        sql="ALTER TABLE sales APPEND FROM sales_monthly",
        expect=Refused("42804", "don't match: note"),
    ),
    Case(
        id="append-ignoreextra-drops-the-source-only-columns",
        page=APPEND,
        setup=(
            *_SALES,
            "ALTER TABLE sales_monthly ADD COLUMN note VARCHAR(10) DEFAULT 'x'",
            "ALTER TABLE sales APPEND FROM sales_monthly IGNOREEXTRA",
        ),
        sql="SELECT salesid FROM sales ORDER BY salesid",
        expect=Rows([(1,), (2,)]),
    ),
    Case(
        id="append-refuses-a-target-column-the-source-lacks",
        page=APPEND,
        setup=(*_SALES, "ALTER TABLE sales ADD COLUMN region VARCHAR(10)"),
        sql="ALTER TABLE sales APPEND FROM sales_monthly",
        expect=Refused("42804", "don't match: region"),
    ),
    Case(
        id="append-filltarget-fills-the-default-or-null",
        page=APPEND,
        setup=(
            *_SALES,
            "ALTER TABLE sales ADD COLUMN region VARCHAR(10) DEFAULT 'west'",
            "ALTER TABLE sales ADD COLUMN note VARCHAR(10)",
            "ALTER TABLE sales APPEND FROM sales_monthly FILLTARGET",
        ),
        sql="SELECT salesid, region, note FROM sales ORDER BY salesid",
        expect=Rows([(1, "west", None), (2, "west", None)]),
    ),
    Case(
        id="append-filltarget-fills-an-identity-column",
        page=APPEND,
        setup=(
            "CREATE TABLE target (id BIGINT IDENTITY(1, 1), v INTEGER)",
            "CREATE TABLE source (v INTEGER)",
            "INSERT INTO source VALUES (5)",
            "ALTER TABLE target APPEND FROM source FILLTARGET",
        ),
        sql="SELECT id IS NOT NULL, v FROM target",
        expect=Rows([(True, 5)]),
    ),
    Case(
        id="append-refuses-identity-columns-in-both-tables",
        page=APPEND,
        setup=(
            "CREATE TABLE target (id BIGINT IDENTITY(1, 1), v INTEGER)",
            "CREATE TABLE source (id BIGINT IDENTITY(1, 1), v INTEGER)",
        ),
        sql="ALTER TABLE target APPEND FROM source",
        expect=Refused("42804", "ALTER TABLE APPEND"),
    ),
    Case(
        id="append-refuses-columns-of-different-attributes",
        page=APPEND,
        setup=("CREATE TABLE target (v INTEGER)", "CREATE TABLE source (v VARCHAR(10))"),
        sql="ALTER TABLE target APPEND FROM source",
        expect=Refused("42804", "don't match: v"),
    ),
    Case(
        id="append-refuses-a-different-distribution-key",
        page=APPEND,
        setup=("CREATE TABLE target (v INTEGER, w INTEGER) DISTKEY (v)", "CREATE TABLE source (v INTEGER, w INTEGER)"),
        sql="ALTER TABLE target APPEND FROM source",
        expect=Refused("42804", "same distribution style"),
    ),
    Case(
        id="append-refuses-a-temporary-target",
        page=APPEND,
        setup=("CREATE TEMP TABLE target (v INTEGER)", "CREATE TABLE source (v INTEGER)"),
        sql="ALTER TABLE target APPEND FROM source",
        expect=Refused("42809", "must be a permanent table"),
    ),
    # Late-binding views.
    Case(
        id="late-binding-view-over-a-table",
        page=CREATE_VIEW,
        setup=(
            "CREATE TABLE public.ddl_lbv_event (eventname VARCHAR(200))",
            "INSERT INTO public.ddl_lbv_event VALUES ('Hamlet')",
            "CREATE VIEW myevent AS SELECT eventname FROM public.ddl_lbv_event WITH NO SCHEMA BINDING",
        ),
        sql="SELECT eventname FROM myevent",
        expect=Rows([("Hamlet",)]),
    ),
    Case(
        id="late-binding-view-before-its-table-exists",
        page=CREATE_VIEW,
        setup=(
            "CREATE VIEW later AS SELECT eventname FROM public.ddl_lbv_later WITH NO SCHEMA BINDING",
            "CREATE TABLE public.ddl_lbv_later (eventname VARCHAR(200))",
            "INSERT INTO public.ddl_lbv_later VALUES ('Macbeth')",
        ),
        sql="SELECT eventname FROM later",
        expect=Rows([("Macbeth",)]),
    ),
    Case(
        id="late-binding-view-outlives-a-dropped-table",
        page=CREATE_VIEW,
        setup=(
            "CREATE TABLE public.ddl_lbv_dropped (eventname VARCHAR(200))",
            "CREATE VIEW survivor AS SELECT eventname FROM public.ddl_lbv_dropped WITH NO SCHEMA BINDING",
            "DROP TABLE public.ddl_lbv_dropped",
            "CREATE TABLE public.ddl_lbv_dropped (eventname VARCHAR(200))",
            "INSERT INTO public.ddl_lbv_dropped VALUES ('Othello')",
        ),
        sql="SELECT eventname FROM survivor",
        expect=Rows([("Othello",)]),
    ),
    Case(
        id="late-binding-view-column-names",
        page=CREATE_VIEW,
        setup=(
            "CREATE TABLE public.ddl_lbv_named (eventid INTEGER, eventname VARCHAR(200))",
            "INSERT INTO public.ddl_lbv_named VALUES (1, 'Hamlet')",
            "CREATE VIEW named (id, name) AS SELECT eventid, eventname FROM public.ddl_lbv_named "
            "WITH NO SCHEMA BINDING",
        ),
        sql="SELECT id, name FROM named",
        expect=Rows([(1, "Hamlet")]),
    ),
    Case(
        id="late-binding-view-needs-schema-qualified-tables",
        page=CREATE_VIEW,
        setup=("CREATE TABLE event (eventname VARCHAR(200))",),
        sql="CREATE VIEW myevent AS SELECT eventname FROM event WITH NO SCHEMA BINDING",
        expect=Refused("42P01", "must be qualified with a schema name", by_translation=True),
    ),
    # CREATE TABLE AS: what the new table keeps.
    Case(
        id="ctas-of-a-scan-inherits-distribution-and-sort-keys",
        page=CTAS_EXAMPLES,
        setup=(*_EVENT, "CREATE TABLE event_backup AS SELECT * FROM event"),
        sql=_DESIGN.format("event_backup"),
        expect=Rows(
            [
                ("catid", False, 0),
                ("dateid", False, 1),
                ("eventid", True, 0),
                ("eventname", False, 0),
                ("starttime", False, 0),
                ("venueid", False, 0),
            ]
        ),
    ),
    Case(
        id="ctas-keys-by-column-position",
        page=CTAS_EXAMPLES,
        setup=(
            *_EVENT,
            "CREATE TABLE eventdistsort DISTKEY (1) SORTKEY (1, 3) AS "
            "SELECT eventid, venueid, dateid, eventname FROM event",
        ),
        sql=_DESIGN.format("eventdistsort"),
        expect=Rows([("dateid", False, 2), ("eventid", True, 1), ("eventname", False, 0), ("venueid", False, 0)]),
    ),
    Case(
        id="ctas-keys-by-column-name",
        page=CTAS_EXAMPLES,
        setup=(
            *_EVENT,
            "CREATE TABLE eventdistsort1 DISTKEY (eventid) SORTKEY (eventid, dateid) AS "
            "SELECT eventid, venueid, dateid, eventname FROM event",
        ),
        sql=_DESIGN.format("eventdistsort1"),
        expect=Rows([("dateid", False, 2), ("eventid", True, 1), ("eventname", False, 0), ("venueid", False, 0)]),
    ),
    Case(
        id="ctas-keeps-no-constraints-identity-or-defaults",
        page=CTAS_NOTES,
        setup=(
            "CREATE TABLE parent (id BIGINT IDENTITY(1, 1) PRIMARY KEY, qty INTEGER NOT NULL DEFAULT 5)",
            "INSERT INTO parent (qty) VALUES (1)",
            "CREATE TABLE child AS SELECT * FROM parent",
            "INSERT INTO child (id) VALUES (NULL)",
        ),
        sql="SELECT id, qty FROM child WHERE id IS NULL",
        expect=Rows([(None, None)]),
    ),
    Case(
        id="ctas-assigns-compression-encodings",
        page=CTAS_NOTES,
        setup=(
            "CREATE TABLE parent (d DATE, n INTEGER, s VARCHAR(10), b BOOLEAN, r REAL) SORTKEY (d)",
            "CREATE TABLE child AS SELECT * FROM parent",
        ),
        sql='SELECT "column", trim(encoding) FROM pg_table_def WHERE tablename = \'child\' ORDER BY "column"',
        expect=Rows([("b", "none"), ("d", "none"), ("n", "az64"), ("r", "none"), ("s", "lzo")]),
    ),
    # CREATE TABLE ... (LIKE parent): column names, types and NOT NULL, distribution style and sort keys.
    Case(
        id="like-inherits-keys-and-not-null",
        page=CREATE_TABLE,
        setup=(
            "CREATE TABLE parent (a INTEGER NOT NULL, b VARCHAR(10)) DISTKEY (a) SORTKEY (b)",
            "CREATE TABLE child (LIKE parent)",
        ),
        sql='SELECT "column", type, distkey, sortkey, "notnull" FROM pg_table_def WHERE tablename = \'child\' '
        'ORDER BY "column"',
        expect=Rows([("a", "integer", True, 0, True), ("b", "character varying(10)", False, 1, False)]),
    ),
    Case(
        id="like-excludes-defaults-by-default",
        page=CREATE_TABLE,
        setup=(
            "CREATE TABLE parent (a INTEGER, b INTEGER DEFAULT 7)",
            "CREATE TABLE child (LIKE parent)",
            "CREATE TABLE child_with (LIKE parent INCLUDING DEFAULTS)",
            "INSERT INTO child (a) VALUES (1)",
            "INSERT INTO child_with (a) VALUES (1)",
        ),
        sql="SELECT c.b, w.b FROM child c, child_with w",
        expect=Rows([(None, 7)]),
    ),
    # Informational constraints: not enforced.
    Case(
        id="primary-key-allows-duplicates",
        page=CONSTRAINTS,
        setup=("CREATE TABLE users (userid INTEGER PRIMARY KEY)", "INSERT INTO users VALUES (1), (1)"),
        sql="SELECT count(*) FROM users",
        expect=Rows([(2,)]),
    ),
    Case(
        id="unique-allows-duplicates",
        page=CONSTRAINTS,
        setup=("CREATE TABLE users (email VARCHAR(100), UNIQUE (email))", "INSERT INTO users VALUES ('a'), ('a')"),
        sql="SELECT count(*) FROM users",
        expect=Rows([(2,)]),
    ),
    Case(
        id="foreign-key-allows-orphans",
        page=CONSTRAINTS,
        setup=(
            "CREATE TABLE users (userid INTEGER PRIMARY KEY)",
            "CREATE TABLE sales (buyerid INTEGER REFERENCES users (userid), FOREIGN KEY (buyerid) REFERENCES users)",
            "INSERT INTO sales VALUES (99)",
        ),
        sql="SELECT buyerid FROM sales",
        expect=Rows([(99,)]),
    ),
    Case(
        id="primary-key-added-by-alter-table-allows-duplicates",
        page=CONSTRAINTS,
        setup=(
            "CREATE TABLE users (userid INTEGER NOT NULL, email VARCHAR(100))",
            "ALTER TABLE users ADD PRIMARY KEY (userid)",
            "ALTER TABLE users ADD CONSTRAINT users_email UNIQUE (email)",
            "INSERT INTO users VALUES (1, 'a'), (1, 'a')",
        ),
        sql="SELECT count(*) FROM users",
        expect=Rows([(2,)]),
    ),
    Case(
        id="foreign-key-added-by-alter-table-allows-orphans",
        page=CONSTRAINTS,
        setup=(
            "CREATE TABLE users (userid INTEGER)",
            "CREATE TABLE sales (buyerid INTEGER)",
            "ALTER TABLE sales ADD FOREIGN KEY (buyerid) REFERENCES users (userid)",
            "INSERT INTO sales VALUES (99)",
        ),
        sql="SELECT buyerid FROM sales",
        expect=Rows([(99,)]),
    ),
    # ALTER TABLE of the table design.
    Case(
        id="alter-diststyle-all",
        page=ALTER_TABLE,
        setup=(
            "CREATE TABLE ddl_diststyle_all (a INTEGER)",
            "INSERT INTO ddl_diststyle_all VALUES (1)",
            "ALTER TABLE ddl_diststyle_all ALTER DISTSTYLE ALL",
        ),
        sql="SELECT diststyle FROM svv_table_info WHERE \"table\" = 'ddl_diststyle_all'",
        expect=Rows([("ALL",)]),
    ),
    Case(
        id="alter-distkey",
        page=ALTER_TABLE,
        setup=("CREATE TABLE t (a INTEGER, b INTEGER) DISTKEY (a)", "ALTER TABLE t ALTER DISTKEY b"),
        sql=_DESIGN.format("t"),
        expect=Rows([("a", False, 0), ("b", True, 0)]),
    ),
    Case(
        id="alter-compound-sortkey",
        page=ALTER_TABLE,
        setup=("CREATE TABLE t (a INTEGER, b INTEGER) SORTKEY (a)", "ALTER TABLE t ALTER COMPOUND SORTKEY (b, a)"),
        sql=_DESIGN.format("t"),
        expect=Rows([("a", False, 2), ("b", False, 1)]),
    ),
    Case(
        id="the-distkey-column-cannot-be-dropped",
        page=ALTER_TABLE,
        setup=("CREATE TABLE t (a INTEGER, b INTEGER) DISTKEY (a)",),
        sql="ALTER TABLE t DROP COLUMN a",
        expect=Refused("2BP01", 'cannot drop distkey column "a"'),
    ),
    Case(
        id="a-sortkey-column-cannot-be-dropped",
        page=ALTER_TABLE,
        setup=("CREATE TABLE t (a INTEGER, b INTEGER) SORTKEY (a, b)",),
        sql="ALTER TABLE t DROP COLUMN b",
        expect=Refused("2BP01", 'cannot drop sortkey column "b"'),
    ),
    Case(
        id="another-column-can-be-dropped",
        page=ALTER_TABLE,
        setup=("CREATE TABLE t (a INTEGER, b INTEGER) DISTKEY (a) SORTKEY (a)", "ALTER TABLE t DROP COLUMN b"),
        sql=_DESIGN.format("t"),
        expect=Rows([("a", True, 1)]),
    ),
    Case(
        id="a-table-with-a-distkey-can-be-dropped",
        page=ALTER_TABLE,
        setup=("CREATE TABLE t (a INTEGER) DISTKEY (a) SORTKEY (a)", "DROP TABLE t"),
        sql="SELECT count(*) FROM pg_table_def WHERE tablename = 't'",
        expect=Rows([(0,)]),
    ),
    # VACUUM and ANALYZE are accepted.
    Case(
        id="vacuum-the-database",
        page=VACUUM,
        sql="VACUUM",
        expect=Rows([]),
    ),
    Case(
        id="vacuum-full-to-percent",
        page=VACUUM,
        setup=("CREATE TABLE sales (salesid INTEGER)",),
        sql="VACUUM FULL sales TO 75 PERCENT",
        expect=Rows([]),
    ),
    Case(
        id="vacuum-sort-only",
        page=VACUUM,
        setup=("CREATE TABLE sales (salesid INTEGER)",),
        sql="VACUUM SORT ONLY sales",
        expect=Rows([]),
    ),
    Case(
        id="vacuum-delete-only",
        page=VACUUM,
        setup=("CREATE TABLE sales (salesid INTEGER)",),
        sql="VACUUM DELETE ONLY sales",
        expect=Rows([]),
    ),
    Case(
        id="analyze-a-table",
        page=ANALYZE,
        setup=("CREATE TABLE sales (salesid INTEGER, qtysold SMALLINT)",),
        sql="ANALYZE sales",
        expect=Rows([]),
    ),
    Case(
        id="analyze-columns",
        page=ANALYZE,
        setup=("CREATE TABLE sales (salesid INTEGER, qtysold SMALLINT)",),
        sql="ANALYZE sales (salesid, qtysold)",
        expect=Rows([]),
    ),
    Case(
        id="analyze-predicate-columns",
        page=ANALYZE,
        setup=("CREATE TABLE sales (salesid INTEGER, qtysold SMALLINT)",),
        sql="ANALYZE sales PREDICATE COLUMNS",
        expect=Rows([]),
    ),
    Case(
        id="analyze-verbose-all-columns",
        page=ANALYZE,
        sql="ANALYZE VERBOSE ALL COLUMNS",
        expect=Rows([]),
    ),
    Case(
        id="analyze-in-a-transaction-block",
        page=ANALYZE,
        setup=("CREATE TABLE sales (salesid INTEGER)", "BEGIN", "ANALYZE sales", "COMMIT"),
        sql="SELECT count(*) FROM sales",
        expect=Rows([(0,)]),
    ),
    # ALTER TABLE's ENCODE clauses (ALTER_TABLE): a column's encoding changed, several at once, one added with its own,
    # and ALTER ENCODE AUTO, after which Redshift chooses again (the defaults CTAS_NOTES shows: AZ64, LZO)
    Case(
        id="alter-column-encode-changes-the-encoding",
        page=ALTER_TABLE,
        setup=(
            "CREATE TABLE t (n INTEGER, s VARCHAR(10))",
            "ALTER TABLE t ALTER COLUMN n ENCODE zstd, ALTER COLUMN s ENCODE bytedict",
        ),
        sql=_ENCODINGS,
        expect=Rows([("n", "zstd"), ("s", "bytedict")]),
    ),
    Case(
        id="add-column-keeps-its-encode",
        page=ALTER_TABLE,
        setup=("CREATE TABLE t (n INTEGER)", "ALTER TABLE t ADD COLUMN s VARCHAR(10) ENCODE zstd"),
        sql=_ENCODINGS,
        expect=Rows([("n", "az64"), ("s", "zstd")]),
    ),
    Case(
        id="alter-encode-auto-lets-redshift-choose-again",
        page=ALTER_TABLE,
        setup=("CREATE TABLE t (n INTEGER ENCODE zstd, s VARCHAR(10) ENCODE raw)", "ALTER TABLE t ALTER ENCODE AUTO"),
        sql=_ENCODINGS,
        expect=Rows([("n", "az64"), ("s", "lzo")]),
    ),
    Case(
        id="alter-column-encode-of-a-missing-column-refused",
        page=ALTER_TABLE,
        setup=("CREATE TABLE t (n INTEGER)",),
        sql="ALTER TABLE t ALTER COLUMN m ENCODE zstd",
        expect=Refused("42703", 'column "m" of relation "t" does not exist'),
    ),
    # ALTER TABLE ... RENAME COLUMN (ALTER_TABLE): the column keeps its place in the table's design, and its VARCHAR
    # length is what a later ALTER COLUMN ... TYPE sets
    Case(
        id="rename-column-keeps-its-distkey-sortkey-and-encoding",
        page=ALTER_TABLE,
        setup=(
            "CREATE TABLE t (a INTEGER DISTKEY SORTKEY ENCODE zstd, b INTEGER)",
            "ALTER TABLE t RENAME COLUMN a TO c",
        ),
        sql="SELECT \"column\", distkey, sortkey, trim(encoding) FROM pg_table_def WHERE tablename = 't' ORDER BY 1",
        expect=Rows([("b", False, 0, "az64"), ("c", True, 1, "zstd")]),
    ),
    Case(
        id="rename-column-then-widen-its-varchar",
        page=ALTER_TABLE,
        setup=(
            "CREATE TABLE t (s VARCHAR(3))",
            "ALTER TABLE t RENAME COLUMN s TO v",
            "ALTER TABLE t ALTER COLUMN v TYPE VARCHAR(10)",
            "INSERT INTO t VALUES ('abcdefg')",
        ),
        sql="SELECT v FROM t",
        expect=Rows([("abcdefg",)]),
    ),
    Case(
        id="an-encoding-the-page-does-not-list-refused",
        page=DEVELOPER_GUIDE + "c_Compression_encodings.html",
        sql="CREATE TABLE t (n INTEGER ENCODE lz4)",
        expect=Refused("0A000", "ENCODE lz4 is not supported by Amazon Redshift", by_translation=True),
    ),
    # COMMENT (r_COMMENT.html): its examples, a constraint's comment, and IS NULL removing one
    Case(
        id="comment-on-table-and-its-removal",
        page=COMMENT,
        setup=(
            "CREATE TABLE sales (salesid INTEGER, eventid INTEGER)",
            "COMMENT ON TABLE sales IS 'This table stores tickets sales data'",
            "COMMENT ON COLUMN sales.eventid IS 'Foreign-key reference to the EVENT table.'",
        ),
        sql="SELECT obj_description('sales'::regclass), col_description('sales'::regclass, 2)",
        expect=Rows([("This table stores tickets sales data", "Foreign-key reference to the EVENT table.")]),
    ),
    Case(
        id="comment-is-null-removes-it",
        page=COMMENT,
        setup=(
            "CREATE TABLE sales (salesid INTEGER)",
            "COMMENT ON TABLE sales IS 'This table stores tickets sales data'",
            "COMMENT ON TABLE sales IS NULL",
        ),
        sql="SELECT obj_description('sales'::regclass)",
        expect=Rows([(None,)]),
    ),
    Case(
        id="comment-on-constraint-refused-locally",
        page=COMMENT,
        setup=("CREATE TABLE sales (salesid INTEGER, CONSTRAINT sales_pk PRIMARY KEY (salesid))",),
        sql="COMMENT ON CONSTRAINT sales_pk ON sales IS 'one row a sale'",
        expect=Refused("0A000", "COMMENT ON CONSTRAINT is not supported by the local Redshift", by_translation=True),
    ),
    Case(
        id="comment-on-database-refused-locally",
        page=COMMENT,
        sql="COMMENT ON DATABASE dev IS 'the tutorial database'",
        expect=Refused("0A000", "COMMENT ON DATABASE is not supported by the local Redshift", by_translation=True),
    ),
    Case(
        id="comment-on-a-function-refused",
        page=COMMENT,
        sql="COMMENT ON FUNCTION f(int) IS 'x'",
        expect=Refused("0A000", "COMMENT ON FUNCTION is not supported by Amazon Redshift", by_translation=True),
    ),
]
