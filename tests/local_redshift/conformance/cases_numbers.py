"""Numbers: result types of AVG, SUM and the arithmetic operators, DECIMAL's default precision and scale, overflow,
the math functions, and the aggregates (APPROXIMATE COUNT(DISTINCT), MEDIAN, PERCENTILE_CONT/DISC, LISTAGG over
any type, STDDEV and VARIANCE, BIT_AND/BOOL_AND, COUNT forms).

Column types are read back from PG_TABLE_DEF after CREATE TABLE AS. Where a page's example uses the TICKIT tables,
a tiny table holds rows from which the page's rule gives the result (said in a comment).
"""

from decimal import Decimal

from tests.local_redshift.conformance.case import DEVELOPER_GUIDE, Case, Refused, Rows
from tests.local_redshift.conformance.cases_windows import WINSALES as _WINSALES  # the window examples' table

AVG = DEVELOPER_GUIDE + "r_AVG.html"
SUM = DEVELOPER_GUIDE + "r_SUM.html"
NUMERIC_TYPES = DEVELOPER_GUIDE + "r_Numeric_types201.html"
COMPUTATIONS = DEVELOPER_GUIDE + "r_numeric_computations201.html"
ROUND = DEVELOPER_GUIDE + "r_ROUND.html"
TRUNC = DEVELOPER_GUIDE + "r_TRUNC.html"
CEILING = DEVELOPER_GUIDE + "r_CEILING_FLOOR.html"
FLOOR = DEVELOPER_GUIDE + "r_FLOOR.html"
MOD = DEVELOPER_GUIDE + "r_MOD.html"
POWER = DEVELOPER_GUIDE + "r_POWER.html"
SQRT = DEVELOPER_GUIDE + "r_SQRT.html"
DLOG10 = DEVELOPER_GUIDE + "r_DLOG10.html"
DEXP = DEVELOPER_GUIDE + "r_DEXP.html"
COUNT = DEVELOPER_GUIDE + "r_COUNT.html"
MEDIAN = DEVELOPER_GUIDE + "r_MEDIAN.html"
PERCENTILE_CONT = DEVELOPER_GUIDE + "r_PERCENTILE_CONT.html"
PERCENTILE_DISC = DEVELOPER_GUIDE + "r_PERCENTILE_DISC.html"
LISTAGG = DEVELOPER_GUIDE + "r_LISTAGG.html"
STDDEV = DEVELOPER_GUIDE + "r_STDDEV_functions.html"
VARIANCE = DEVELOPER_GUIDE + "r_VARIANCE_functions.html"
BIT_AND = DEVELOPER_GUIDE + "r_BIT_AND.html"
BOOL_AND = DEVELOPER_GUIDE + "r_BOOL_AND.html"
BOOL_OR = DEVELOPER_GUIDE + "r_BOOL_OR.html"
CREATE_TABLE = DEVELOPER_GUIDE + "r_CREATE_TABLE_NEW.html"


def _types(table: str) -> str:
    return f'SELECT "column", type FROM pg_table_def WHERE tablename = \'{table}\' ORDER BY "column"'


# A SALES table of the TICKIT kind: QTYSOLD SMALLINT, PRICEPAID and COMMISSION DECIMAL(8,2), with the two rows the
# ROUND (salesid 10000, commission 28.05) and TRUNC (salesid 784, commission 111.15) examples read.
_SALES = (
    "CREATE TABLE sales (salesid INTEGER, qtysold SMALLINT, pricepaid DECIMAL(8,2), commission DECIMAL(8,2))",
    "INSERT INTO sales VALUES (10000, 1, 187.00, 28.05), (784, 2, 741.00, 111.15)",
)
# Integers whose mean is not whole: an integer AVG cannot be told from its DECIMAL value by accident.
_QUANTITIES = ("CREATE TABLE quantities (qty SMALLINT)", "INSERT INTO quantities VALUES (1), (2), (3), (3)")
_PRICES = (
    "CREATE TABLE prices (price DECIMAL(5,2), big BIGINT, ratio REAL)",
    "INSERT INTO prices VALUES (1.00, 9000000000, 1.5), (2.00, 1, 2.5), (2.50, 2, NULL)",
)
CASES = [
    # AVG: BIGINT for an integer argument, DOUBLE PRECISION for a float, the argument's scale for DECIMAL.
    Case(
        id="num-avg-of-integers-is-an-integer",
        page=AVG,
        setup=_QUANTITIES,
        sql="SELECT avg(qty) FROM quantities",  # 9 / 4 = 2.25, a BIGINT
        expect=Rows([(2,)]),
    ),
    Case(
        id="num-avg-of-integers-drops-the-fraction",
        page=DEVELOPER_GUIDE + "r_WF_AVG.html",
        setup=("CREATE TABLE fractions (qty INT)", "INSERT INTO fractions VALUES (10), (10), (30)"),
        sql="SELECT avg(qty) FROM fractions",  # the page's rolling average of 10, 10, 30 is 16
        expect=Rows([(16,)]),
    ),
    Case(
        id="num-avg-of-integers-ctas-column-is-bigint",
        page=AVG,
        setup=(*_QUANTITIES, "CREATE TABLE avg_types AS SELECT avg(qty) AS a FROM quantities"),
        sql=_types("avg_types"),
        expect=Rows([("a", "bigint")]),
    ),
    Case(
        id="num-avg-of-decimal-keeps-its-scale",
        page=AVG,
        setup=_PRICES,
        sql="SELECT avg(price) FROM prices",  # 5.50 / 3, at the scale of DECIMAL(5,2)
        expect=Rows([(Decimal("1.83"),)]),
    ),
    Case(
        id="num-avg-of-real-is-double-precision",
        page=AVG,
        setup=(*_PRICES, "CREATE TABLE avg_real AS SELECT avg(ratio) AS a FROM prices"),
        sql=_types("avg_real"),
        expect=Rows([("a", "double precision")]),
    ),
    Case(
        id="num-avg-distinct",
        page=AVG,
        setup=("CREATE TABLE repeated (n INT)", "INSERT INTO repeated VALUES (2), (2), (2), (4), (9)"),
        sql="SELECT avg(DISTINCT n) FROM repeated",  # (2 + 4 + 9) / 3
        expect=Rows([(5,)]),
    ),
    Case(
        id="num-avg-ignores-nulls",
        page=AVG,
        setup=("CREATE TABLE sparse (n INT)", "INSERT INTO sparse VALUES (4), (NULL), (8)"),
        sql="SELECT avg(n) FROM sparse",
        expect=Rows([(6,)]),
    ),
    # SUM: BIGINT for SMALLINT, INTEGER and BIGINT; DOUBLE PRECISION for floats; the argument's scale for DECIMAL.
    Case(
        id="num-sum-of-smallint-and-bigint-is-bigint",
        page=SUM,
        setup=(
            *_QUANTITIES,
            *_PRICES,
            "CREATE TABLE sum_types AS SELECT (SELECT sum(qty) FROM quantities) AS q,"
            " sum(big) AS b, sum(ratio) AS r FROM prices",
        ),
        sql=_types("sum_types"),
        expect=Rows([("b", "bigint"), ("q", "bigint"), ("r", "double precision")]),
    ),
    Case(
        id="num-sum-of-bigint",
        page=SUM,
        setup=_PRICES,
        sql="SELECT sum(big) FROM prices",
        expect=Rows([(9000000003,)]),
    ),
    Case(
        id="num-sum-of-decimal-keeps-its-scale",
        page=SUM,
        setup=_PRICES,
        sql="SELECT sum(price)::varchar FROM prices",
        expect=Rows([("5.50",)]),
    ),
    # DECIMAL and NUMERIC without precision and scale are DECIMAL(18,0); with a precision only, scale 0.
    Case(
        id="num-decimal-without-precision-in-ddl",
        page=NUMERIC_TYPES,
        setup=("CREATE TABLE plain_decimals (d DECIMAL, n NUMERIC, p DECIMAL(10))",),
        sql=_types("plain_decimals"),
        expect=Rows([("d", "numeric(18,0)"), ("n", "numeric(18,0)"), ("p", "numeric(10,0)")]),
    ),
    Case(
        id="num-decimal-without-precision-in-a-cast",
        page=NUMERIC_TYPES,
        sql="SELECT CAST(48.2891 AS DECIMAL), 48.2891::numeric",  # the page's 48.2891, at the default scale 0
        expect=Rows([(48, 48)]),
    ),
    Case(
        id="num-decimal-insert-rounds-to-the-scale",
        page=NUMERIC_TYPES,
        setup=("CREATE TABLE scaled (pricepaid DECIMAL(8,2))", "INSERT INTO scaled VALUES (48.2891)"),
        sql="SELECT pricepaid::varchar FROM scaled",
        expect=Rows([("48.29",)]),
    ),
    Case(
        id="num-decimal-too-many-integer-digits-overflows",
        page=NUMERIC_TYPES,
        setup=("CREATE TABLE narrow (pricepaid DECIMAL(8,2))",),
        sql="INSERT INTO narrow VALUES (1234567.00)",  # 7 digits left of the point; 8 - 2 = 6 fit
        expect=Refused("22003", "overflow"),
    ),
    Case(
        id="num-cast-overflow-is-refused",
        page=COMPUTATIONS,
        sql="SELECT CAST(12345.67 AS DECIMAL(7,3))",
        expect=Refused("22003", "overflow"),
    ),
    # Integer arithmetic stays integer: INT4 / INT4 is INT4, INT2 + INT2 is INT2, INT4 * INT8 is INT8.
    Case(
        id="num-integer-division-truncates",
        page=COMPUTATIONS,
        sql="SELECT 7 / 2, -7 / 2",
        expect=Rows([(3, -3)]),
    ),
    Case(
        id="num-integer-computation-types",
        page=COMPUTATIONS,
        setup=(
            "CREATE TABLE integer_types AS SELECT CAST(1 AS SMALLINT) + CAST(2 AS SMALLINT) AS i2,"
            " 7 / 2 AS i4, CAST(1 AS INTEGER) * CAST(2 AS BIGINT) AS i8, CAST(1 AS SMALLINT) + 1.5::float8 AS f8",
        ),
        sql=_types("integer_types"),
        expect=Rows([("f8", "double precision"), ("i2", "smallint"), ("i4", "integer"), ("i8", "bigint")]),
    ),
    # DECIMAL results: + and - scale max(s1,s2), precision max(p1-s1,p2-s2)+1+scale; * scale s1+s2, precision
    # p1+p2+1; / scale max(4,s1+p2-s2+1), precision p1-s1+s2+scale; an integer counts as DECIMAL(5/10/19,0).
    Case(
        id="num-decimal-division-precision-and-scale",
        page=COMPUTATIONS,
        setup=(
            *_SALES,
            # the page's PRICEPAID / COMMISSION, both DECIMAL(8,2): DECIMAL(17,9)
            "CREATE TABLE quotients AS SELECT CAST(pricepaid AS DECIMAL(8,2)) / CAST(commission AS DECIMAL(8,2))"
            " AS q FROM sales",
        ),
        sql=_types("quotients"),
        expect=Rows([("q", "numeric(17,9)")]),
    ),
    Case(
        id="num-decimal-division-scale-of-the-value",
        page=COMPUTATIONS,
        sql="SELECT (CAST(1 AS DECIMAL(8,2)) / CAST(3 AS DECIMAL(8,2)))::varchar",
        expect=Rows([("0.333333333",)]),
    ),
    Case(
        id="num-decimal-times-smallint",
        page=COMPUTATIONS,
        setup=(
            *_SALES,
            # COMMISSION DECIMAL(8,2) * QTYSOLD SMALLINT is DECIMAL(8,2) * DECIMAL(5,0): DECIMAL(14,2)
            "CREATE TABLE products AS SELECT CAST(commission AS DECIMAL(8,2)) * CAST(qtysold AS SMALLINT) AS c"
            " FROM sales",
        ),
        sql=_types("products"),
        expect=Rows([("c", "numeric(14,2)")]),
    ),
    Case(
        id="num-decimal-addition-and-subtraction",
        page=COMPUTATIONS,
        setup=(
            "CREATE TABLE sums AS SELECT CAST(1 AS DECIMAL(8,2)) + CAST(1 AS DECIMAL(10,4)) AS a,"
            " CAST(1 AS DECIMAL(8,2)) - CAST(1 AS INTEGER) AS s",
        ),
        sql=_types("sums"),
        expect=Rows([("a", "numeric(11,4)"), ("s", "numeric(13,2)")]),
    ),
    Case(
        id="num-decimal-precision-is-at-most-38",
        page=COMPUTATIONS,
        setup=("CREATE TABLE widest AS SELECT CAST(1 AS DECIMAL(30,2)) * CAST(1 AS DECIMAL(20,2)) AS w",),
        sql=_types("widest"),
        expect=Rows([("w", "numeric(38,4)")]),
    ),
    Case(
        id="num-decimal-and-float-is-double-precision",
        page=COMPUTATIONS,
        setup=("CREATE TABLE mixed AS SELECT CAST(1 AS DECIMAL(8,2)) * CAST(2 AS FLOAT8) AS m",),
        sql=_types("mixed"),
        expect=Rows([("m", "double precision")]),
    ),
    # ROUND and TRUNC keep the number's type, FLOAT8 included; CEILING and FLOOR.
    Case(
        id="num-round-to-a-whole-number",
        page=ROUND,
        setup=_SALES,
        sql="SELECT commission, ROUND(commission) FROM sales WHERE salesid=10000",
        expect=Rows([(Decimal("28.05"), 28)]),
    ),
    Case(
        id="num-round-to-one-place",
        page=ROUND,
        setup=_SALES,
        sql="SELECT ROUND(commission, 1)::varchar FROM sales WHERE salesid=10000",
        expect=Rows([("28.1",)]),
    ),
    Case(
        id="num-round-to-tens",
        page=ROUND,
        setup=_SALES,
        sql="SELECT ROUND(commission, -1) FROM sales WHERE salesid=10000",
        expect=Rows([(30,)]),
    ),
    Case(
        id="num-round-a-float8-to-places",
        page=ROUND,
        setup=("CREATE TABLE ratios AS SELECT ROUND(CAST(2.567 AS FLOAT8), 2) AS r",),
        sql="SELECT r, (SELECT type FROM pg_table_def WHERE tablename = 'ratios') FROM ratios",
        expect=Rows([(2.57, "double precision")]),
    ),
    Case(
        id="num-trunc-to-a-whole-number",
        page=TRUNC,
        setup=_SALES,
        sql="SELECT commission, TRUNC(commission) FROM sales WHERE salesid=784",
        expect=Rows([(Decimal("111.15"), 111)]),
    ),
    Case(
        id="num-trunc-to-one-place",
        page=TRUNC,
        setup=_SALES,
        sql="SELECT TRUNC(commission,1)::varchar FROM sales WHERE salesid=784",
        expect=Rows([("111.1",)]),
    ),
    Case(
        id="num-trunc-to-tens",
        page=TRUNC,
        setup=_SALES,
        sql="SELECT TRUNC(commission,-1) FROM sales WHERE salesid=784",
        expect=Rows([(110,)]),
    ),
    Case(
        id="num-trunc-a-float8-to-places",
        page=TRUNC,
        sql="SELECT TRUNC(CAST(2.567 AS FLOAT8), 2)",
        expect=Rows([(2.56,)]),
    ),
    Case(
        id="num-ceiling",
        page=CEILING,
        setup=_SALES,
        sql="SELECT CEILING(commission), CEIL(commission) FROM sales WHERE salesid=10000",
        expect=Rows([(29, 29)]),
    ),
    Case(
        id="num-floor",
        page=FLOOR,
        setup=_SALES,
        sql="SELECT FLOOR(commission) FROM sales WHERE salesid=10000",
        expect=Rows([(28,)]),
    ),
    Case(
        id="num-mod",
        page=MOD,
        sql="SELECT MOD(10, 4), MOD(10.5, 4)",  # the remainder of 10 and of 10.5 divided by 4
        expect=Rows([(2, Decimal("2.5"))]),
    ),
    # POWER, SQRT, DLOG10, DEXP return DOUBLE PRECISION.
    Case(
        id="num-power-two-to-the-third",
        page=POWER,
        setup=("CREATE TABLE powers AS SELECT POWER(2,3) AS p, POW(2.5, 2) AS q",),
        sql="SELECT p, q, (SELECT listagg(type, ',') WITHIN GROUP (ORDER BY \"column\") FROM pg_table_def"
        " WHERE tablename = 'powers') FROM powers",
        expect=Rows([(8.0, 6.25, "double precision,double precision")]),
    ),
    Case(
        id="num-sqrt-of-16",
        page=SQRT,
        sql="SELECT SQRT(16), SQRT('16'), SQRT(ROUND(16.4))",
        expect=Rows([(4.0, 4.0, 4.0)]),
    ),
    Case(
        id="num-sqrt-radius-of-a-circle",
        page=SQRT,
        sql="SELECT SQRT(20/PI()) AS radius",
        expect=Rows([(2.5231325220201604,)]),
    ),
    Case(
        id="num-sqrt-of-a-decimal-is-double-precision",
        page=SQRT,
        setup=("CREATE TABLE roots AS SELECT SQRT(2.0) AS r",),
        sql=_types("roots"),
        expect=Rows([("r", "double precision")]),
    ),
    Case(
        id="num-dlog10-of-100",
        page=DLOG10,
        sql="SELECT DLOG10(100)",
        expect=Rows([(2.0,)]),
    ),
    Case(
        id="num-dexp-of-0",
        page=DEXP,
        sql="SELECT DEXP(0)",  # e to the power 0
        expect=Rows([(1.0,)]),
    ),
    # COUNT forms: APPROXIMATE COUNT(DISTINCT) (a count within its error; exact here), COUNT(DISTINCT), COUNT(x).
    Case(
        id="num-approximate-count-distinct",
        page=COUNT,
        setup=_WINSALES,
        sql="SELECT APPROXIMATE COUNT(DISTINCT qty) FROM winsales",  # 10, 15, 20, 30, 40
        expect=Rows([(5,)]),
    ),
    Case(
        id="num-count-forms",
        page=COUNT,
        setup=_WINSALES,
        sql="SELECT COUNT(*), COUNT(qty_shipped), COUNT(DISTINCT qty_shipped), COUNT(ALL sellerid) FROM winsales",
        expect=Rows([(11, 5, 2, 11)]),
    ),
    # MEDIAN and PERCENTILE_CONT interpolate; PERCENTILE_DISC picks a value.
    Case(
        id="num-median",
        page=MEDIAN,
        setup=_WINSALES,
        sql="SELECT MEDIAN(qty) FROM winsales",  # the 6th of 11 sorted values
        expect=Rows([(20,)]),
    ),
    Case(
        id="num-median-of-an-even-count-interpolates",
        page=MEDIAN,
        setup=_WINSALES,
        sql="SELECT sellerid, MEDIAN(qty) FROM winsales GROUP BY sellerid ORDER BY sellerid",
        expect=Rows([(1, 10), (2, 20), (3, 17.5), (4, 25)]),
    ),
    Case(
        id="num-percentile-cont",
        page=PERCENTILE_CONT,
        setup=_WINSALES,
        sql="SELECT PERCENTILE_CONT(0.75) WITHIN GROUP (ORDER BY qty) FROM winsales",  # row 8.5: 20 and 30
        expect=Rows([(25,)]),
    ),
    Case(
        id="num-percentile-disc",
        page=PERCENTILE_DISC,
        setup=_WINSALES,
        sql="SELECT PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY qty) FROM winsales",
        expect=Rows([(20,)]),
    ),
    Case(
        id="num-median-distinct-refused",
        page=MEDIAN,
        setup=_WINSALES,
        sql="SELECT MEDIAN(DISTINCT qty) FROM winsales",
        expect=Refused("0A000", "MEDIAN(DISTINCT ...) is not supported by Amazon Redshift", by_translation=True),
    ),
    Case(
        id="num-approximate-percentile-disc-refused-not-misread",
        page=DEVELOPER_GUIDE + "r_APPROXIMATE_PERCENTILE_DISC.html",
        setup=_WINSALES,
        sql="SELECT APPROXIMATE PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY qty DESC) FROM winsales",
        expect=Refused(
            "0A000", "APPROXIMATE PERCENTILE_DISC is not supported by the local Redshift", by_translation=True
        ),
    ),
    # LISTAGG of any type; NULLs and empty strings ignored; DISTINCT keeps the first of values equal but for
    # trailing blanks.
    Case(
        id="num-listagg-of-integers",
        page=LISTAGG,
        setup=_WINSALES,
        sql="SELECT sellerid, LISTAGG(salesid, ',') WITHIN GROUP (ORDER BY salesid) FROM winsales"
        " GROUP BY sellerid ORDER BY sellerid",
        expect=Rows([(1, "10001,10005,10006"), (2, "20001,20002"), (3, "30001,30003,30004,30007"), (4, "40001,40005")]),
    ),
    Case(
        id="num-listagg-of-dates",
        page=LISTAGG,
        setup=_WINSALES,
        sql="SELECT LISTAGG(dateid, ',') WITHIN GROUP (ORDER BY dateid) FROM winsales WHERE sellerid = 2",
        expect=Rows([("2004-02-12,2004-02-16",)]),
    ),
    Case(
        id="num-listagg-distinct-integers-in-order",
        page=LISTAGG,
        setup=_WINSALES,
        sql="SELECT LISTAGG(DISTINCT qty, ',') WITHIN GROUP (ORDER BY qty DESC) FROM winsales WHERE sellerid = 3",
        expect=Rows([("30,20,15,10",)]),
    ),
    Case(
        id="num-listagg-ignores-nulls-and-empty-strings",
        page=LISTAGG,
        setup=(
            "CREATE TABLE words (n INT, w VARCHAR(5))",
            "INSERT INTO words VALUES (1, 'a'), (2, ''), (3, NULL), (4, 'b')",
        ),
        sql="SELECT LISTAGG(w, ',') WITHIN GROUP (ORDER BY n) FROM words",
        expect=Rows([("a,b",)]),
    ),
    Case(
        id="num-listagg-distinct-ignores-trailing-blanks",
        page=LISTAGG,
        setup=(
            "CREATE TABLE padded (n INT, w VARCHAR(5))",
            "INSERT INTO padded VALUES (1, 'a'), (2, 'a '), (3, 'b')",
        ),
        sql="SELECT LISTAGG(DISTINCT w, ',') WITHIN GROUP (ORDER BY n) FROM padded",
        expect=Rows([("a,b",)]),
    ),
    # STDDEV and VARIANCE: DOUBLE PRECISION whatever the argument; NULL for a single value.
    Case(
        id="num-stddev-and-variance-are-double-precision",
        page=STDDEV,
        setup=(
            *_QUANTITIES,
            "CREATE TABLE deviations AS SELECT STDDEV(qty) AS sd, STDDEV_POP(qty) AS sp, VARIANCE(qty) AS vs,"
            " VAR_POP(qty) AS vp FROM quantities",
        ),
        sql=_types("deviations"),
        expect=Rows(
            [
                ("sd", "double precision"),
                ("sp", "double precision"),
                ("vp", "double precision"),
                ("vs", "double precision"),
            ]
        ),
    ),
    Case(
        id="num-stddev-of-one-value-is-null",
        page=STDDEV,
        sql="SELECT STDDEV_SAMP(x), VAR_SAMP(x) FROM (SELECT 7 AS x)",
        expect=Rows([(None, None)]),
    ),
    Case(
        id="num-var-pop-of-integers",
        page=VARIANCE,
        setup=("CREATE TABLE spread (n INT)", "INSERT INTO spread VALUES (1), (3)"),
        sql="SELECT VAR_POP(n), VAR_SAMP(n), STDDEV_POP(n) FROM spread",
        expect=Rows([(1.0, 2.0, 1.0)]),
    ),
    # BIT_AND, BIT_OR, BOOL_AND, BOOL_OR.
    Case(
        id="num-bit-and-bit-or",
        page=BIT_AND,
        setup=("CREATE TABLE bits (b INT)", "INSERT INTO bits VALUES (7), (3), (NULL)"),
        sql="SELECT BIT_AND(b), BIT_OR(b) FROM bits",
        expect=Rows([(3, 7)]),
    ),
    Case(
        id="num-bool-and",
        page=BOOL_AND,
        setup=("CREATE TABLE flags (f BOOLEAN)", "INSERT INTO flags VALUES (true), (false), (NULL)"),
        sql="SELECT BOOL_AND(f) FROM flags",
        expect=Rows([(False,)]),
    ),
    Case(
        id="num-bool-or",
        page=BOOL_OR,
        setup=("CREATE TABLE flags (f BOOLEAN)", "INSERT INTO flags VALUES (true), (false), (NULL)"),
        sql="SELECT BOOL_OR(f) FROM flags",
        expect=Rows([(True,)]),
    ),
    # An explicit value for an IDENTITY column is refused in Redshift's words (no OVERRIDING SYSTEM VALUE hint).
    Case(
        id="num-identity-column-refuses-an-explicit-value",
        page=CREATE_TABLE,
        setup=("CREATE TABLE numbered (id BIGINT IDENTITY(0,1), name VARCHAR(10))",),
        sql="INSERT INTO numbered (id, name) VALUES (5, 'five')",
        expect=Refused("428C9", "cannot set an identity column to a value"),
    ),
]
