"""CREATE TABLE's rules as r_CREATE_TABLE_NEW.html and r_CREATE_TABLE_usage.html state them: one DISTKEY, and with it
DISTSTYLE KEY or none; DISTSTYLE KEY names a DISTKEY; a column-level SORTKEY on one column, at most 400 SORTKEY
columns and eight interleaved; key columns the table has; LIKE inherits the design and BACKUP, and can't set them;
IDENTITY of INT or BIGINT; the lengths, precisions and scales of the types (r_Character_types.html,
r_Numeric_types201.html). Where a page gives no words, the case checks the construct the refusal names."""

from tests.local_redshift.conformance.case import DEVELOPER_GUIDE, Case, Refused, Rows

CREATE_TABLE = DEVELOPER_GUIDE + "r_CREATE_TABLE_NEW.html"
USAGE = DEVELOPER_GUIDE + "r_CREATE_TABLE_usage.html"
CTAS = DEVELOPER_GUIDE + "r_CREATE_TABLE_AS.html"
CHARACTERS = DEVELOPER_GUIDE + "r_Character_types.html"
NUMERICS = DEVELOPER_GUIDE + "r_Numeric_types201.html"


def _translator_refuses(case_id: str, page: str, sql: str, sqlstate: str, says: str) -> Case:
    return Case(id=case_id, page=page, sql=sql, expect=Refused(sqlstate, says, by_translation=True))


_COLUMNS = ", ".join(f"c{n} INT" for n in range(401))
_ALL_SORTED = ", ".join(f"c{n}" for n in range(401))

CASES = [
    # "If DISTKEY is set, either at the column level or at the table level, DISTSTYLE must be set to KEY or not set
    # at all."
    _translator_refuses(
        "distkey-with-diststyle-all",
        USAGE,
        "CREATE TABLE t (a INT DISTKEY, b INT) DISTSTYLE ALL",
        "42P16",
        "DISTSTYLE ALL",
    ),
    _translator_refuses(
        "distkey-with-diststyle-even",
        USAGE,
        "CREATE TABLE t (a INT, b INT) DISTSTYLE EVEN DISTKEY (a)",
        "42P16",
        "DISTSTYLE EVEN",
    ),
    _translator_refuses(
        "ctas-distkey-with-diststyle-all",
        CTAS,
        "CREATE TABLE t DISTSTYLE ALL DISTKEY (a) AS SELECT 1 AS a",
        "42P16",
        "DISTSTYLE ALL",
    ),
    Case(
        id="distkey-with-diststyle-key",
        page=USAGE,
        setup=("CREATE TABLE keyed_t (a INT DISTKEY, b INT) DISTSTYLE KEY", "INSERT INTO keyed_t VALUES (1, 2)"),
        sql="SELECT diststyle FROM svv_table_info WHERE \"table\" = 'keyed_t'",
        expect=Rows([("KEY(a)",)]),
    ),
    # "Only one column in a table can be the distribution key."
    _translator_refuses(
        "two-distkeys", CREATE_TABLE, "CREATE TABLE t (a INT DISTKEY, b INT DISTKEY)", "42P16", "only one column"
    ),
    _translator_refuses(
        "column-and-table-distkeys",
        CREATE_TABLE,
        "CREATE TABLE t (a INT DISTKEY, b INT) DISTKEY (b)",
        "42P16",
        "only one column",
    ),
    # "If you specify DISTSTYLE KEY, you must name a DISTKEY column"
    _translator_refuses(
        "diststyle-key-without-distkey",
        CREATE_TABLE,
        "CREATE TABLE t (a INT) DISTSTYLE KEY",
        "42P16",
        "names no DISTKEY column",
    ),
    # "If set at the column level, SORTKEY must be a single column."
    _translator_refuses(
        "two-column-sortkeys", USAGE, "CREATE TABLE t (a INT SORTKEY, b INT SORTKEY)", "42P16", "single column"
    ),
    # "You can define a maximum of 400 SORTKEY columns per table."
    _translator_refuses(
        "sortkey-of-401-columns",
        CREATE_TABLE,
        f"CREATE TABLE t ({_COLUMNS}) SORTKEY ({_ALL_SORTED})",
        "42P16",
        "more than 400 columns",
    ),
    # "A maximum of eight columns can be specified for an interleaved sort key."
    _translator_refuses(
        "interleaved-sortkey-of-nine-columns",
        CREATE_TABLE,
        f"CREATE TABLE t ({_COLUMNS}) INTERLEAVED SORTKEY ({', '.join(f'c{n}' for n in range(9))})",
        "42P16",
        "more than eight columns",
    ),
    # DISTKEY and SORTKEY name columns of the table ("column_name", or CTAS's "positional number").
    Case(
        id="distkey-of-a-missing-column",
        page=CREATE_TABLE,
        sql="CREATE TABLE t (a INT, b INT) DISTKEY (zz)",
        expect=Refused("42703", 'column "zz" named in DISTKEY does not exist'),
    ),
    Case(
        id="ctas-sortkey-position-past-the-columns",
        page=CTAS,
        setup=("CREATE TABLE event (eventid INT, venueid INT)",),
        sql="CREATE TABLE t SORTKEY (3) AS SELECT * FROM event",
        expect=Refused("42703", "named in SORTKEY does not exist"),
    ),
    # "Distribution style, sort keys, BACKUP, and NULL properties are inherited by LIKE tables, but you can't
    # explicitly set them in the CREATE TABLE ... LIKE statement."
    _translator_refuses(
        "like-with-a-diststyle",
        CREATE_TABLE,
        "CREATE TABLE t (LIKE parent) DISTSTYLE EVEN",
        "42P16",
        "can't be set in CREATE TABLE ... LIKE",
    ),
    _translator_refuses(
        "like-with-backup",
        CREATE_TABLE,
        "CREATE TABLE t (LIKE parent) BACKUP YES",
        "42P16",
        "can't be set in CREATE TABLE ... LIKE",
    ),
    Case(
        id="like-inherits-backup-no",
        page=CREATE_TABLE,
        setup=(
            "CREATE TABLE parent (a INT) BACKUP NO",
            "CREATE TABLE unbacked_child (LIKE parent)",
            "INSERT INTO unbacked_child VALUES (1)",
        ),
        sql="SELECT DISTINCT backup FROM stv_tbl_perm WHERE trim(name) = 'unbacked_child'",
        expect=Rows([(0,)]),
    ),
    # "The data type for an IDENTITY column must be either INT or BIGINT."
    _translator_refuses(
        "identity-of-a-smallint",
        CREATE_TABLE,
        "CREATE TABLE t (a SMALLINT IDENTITY(1, 1))",
        "42P16",
        "must be either INT or BIGINT",
    ),
    _translator_refuses(
        "generated-identity-of-a-smallint",
        CREATE_TABLE,
        "CREATE TABLE t (a SMALLINT GENERATED BY DEFAULT AS IDENTITY(1, 1))",
        "42P16",
        "must be either INT or BIGINT",
    ),
    # r_Character_types.html: CHAR holds at most 4096 bytes, VARCHAR 65535; "MAX sets the maximum length to 4,096
    # bytes for CHAR or 65535 bytes for VARCHAR" (r_CREATE_TABLE_NEW.html).
    _translator_refuses("varchar-past-65535", CHARACTERS, "CREATE TABLE t (a VARCHAR(65536))", "22023", "65535"),
    _translator_refuses("char-past-4096", CHARACTERS, "CREATE TABLE t (a CHAR(4097))", "22023", "4096"),
    Case(
        id="char-max-is-4096",
        page=CREATE_TABLE,
        setup=("CREATE TABLE t (a CHAR(MAX), b VARCHAR(MAX))",),
        sql="SELECT \"column\", type FROM pg_table_def WHERE tablename = 't' ORDER BY 1",
        expect=Rows([("a", "character(4096)"), ("b", "character varying(65535)")]),
    ),
    # r_Numeric_types201.html: "The maximum precision is 38"; "The maximum scale is 37"; the scale at most the
    # precision.
    _translator_refuses("decimal-precision-39", NUMERICS, "CREATE TABLE t (a DECIMAL(39, 2))", "22023", "precision 39"),
    _translator_refuses("decimal-scale-38", NUMERICS, "CREATE TABLE t (a DECIMAL(38, 38))", "22023", "scale 38"),
    _translator_refuses(
        "decimal-scale-past-precision", NUMERICS, "CREATE TABLE t (a DECIMAL(5, 6))", "22023", "scale 6"
    ),
]
