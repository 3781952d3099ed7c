"""Window functions over the WINSALES table of the window function examples (c_Window_functions), as each
function's page says: RATIO_TO_REPORT, MEDIAN, PERCENTILE_CONT/DISC and LISTAGG over a partition, FIRST_VALUE,
LAST_VALUE, NTH_VALUE, LAG and LEAD with IGNORE NULLS or RESPECT NULLS, the ranking and distribution functions, the
aggregate window functions, and the frame rules (ROWS only; an aggregate with ORDER BY needs a frame).

Where a page shows only part of its example's output, the rest is derived from the page's rule over WINSALES.
"""

from tests.local_redshift.conformance.case import DEVELOPER_GUIDE, Case, Refused, Rows

WINDOW_FUNCTIONS = DEVELOPER_GUIDE + "c_Window_functions.html"
RATIO_TO_REPORT = DEVELOPER_GUIDE + "r_WF_RATIO_TO_REPORT.html"
MEDIAN = DEVELOPER_GUIDE + "r_WF_MEDIAN.html"
PERCENTILE_CONT = DEVELOPER_GUIDE + "r_WF_PERCENTILE_CONT.html"
PERCENTILE_DISC = DEVELOPER_GUIDE + "r_WF_PERCENTILE_DISC.html"
LISTAGG = DEVELOPER_GUIDE + "r_WF_LISTAGG.html"
FIRST_VALUE = DEVELOPER_GUIDE + "r_WF_first_value.html"
LAST_VALUE = DEVELOPER_GUIDE + "r_WF_last_value.html"
NTH_VALUE = DEVELOPER_GUIDE + "r_WF_NTH.html"
LAG = DEVELOPER_GUIDE + "r_WF_LAG.html"
LEAD = DEVELOPER_GUIDE + "r_WF_LEAD.html"
CUME_DIST = DEVELOPER_GUIDE + "r_WF_CUME_DIST.html"
NTILE = DEVELOPER_GUIDE + "r_WF_NTILE.html"
PERCENT_RANK = DEVELOPER_GUIDE + "r_WF_PERCENT_RANK.html"
RANK = DEVELOPER_GUIDE + "r_WF_RANK.html"
DENSE_RANK = DEVELOPER_GUIDE + "r_WF_DENSE_RANK.html"
ROW_NUMBER = DEVELOPER_GUIDE + "r_WF_ROW_NUMBER.html"
SUM = DEVELOPER_GUIDE + "r_WF_SUM.html"
AVG = DEVELOPER_GUIDE + "r_WF_AVG.html"
COUNT = DEVELOPER_GUIDE + "r_WF_COUNT.html"
MAX = DEVELOPER_GUIDE + "r_WF_MAX.html"
MIN = DEVELOPER_GUIDE + "r_WF_MIN.html"
STDDEV = DEVELOPER_GUIDE + "r_WF_STDDEV.html"

WINSALES = (
    "CREATE TABLE winsales (salesid INT, dateid DATE, sellerid INT, buyerid CHAR(10), qty INT, qty_shipped INT)",
    "INSERT INTO winsales VALUES (30001, '2003-08-02', 3, 'b', 10, 10), (10001, '2003-12-24', 1, 'c', 10, 10),"
    " (10005, '2003-12-24', 1, 'a', 30, NULL), (40001, '2004-01-09', 4, 'a', 40, NULL),"
    " (10006, '2004-01-18', 1, 'c', 10, NULL), (20001, '2004-02-12', 2, 'b', 20, 20),"
    " (40005, '2004-02-12', 4, 'a', 10, 10), (20002, '2004-02-16', 2, 'c', 20, 20),"
    " (30003, '2004-04-18', 3, 'b', 15, NULL), (30004, '2004-04-18', 3, 'b', 20, NULL),"
    " (30007, '2004-09-07', 3, 'c', 30, NULL)",
)
_BY_SALESID = [10001, 10005, 10006, 20001, 20002, 30001, 30003, 30004, 30007, 40001, 40005]
_QTY = {10001: 10, 10005: 30, 10006: 10, 20001: 20, 20002: 20, 30001: 10, 30003: 15, 30004: 20, 30007: 30, 40001: 40,
        40005: 10}  # fmt: skip
_SELLER = {salesid: salesid // 10000 for salesid in _BY_SALESID}
_SELLER_TOTAL = {1: 50, 2: 40, 3: 75, 4: 50}
_FULL_FRAME = "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING"


def _by_salesid(*values: object) -> Rows:
    return Rows(list(zip(_BY_SALESID, values, strict=True)))


def _by_seller(*values: object) -> Rows:
    return Rows([(seller, value) for seller, value in enumerate(values, start=1)])


CASES = [
    # RATIO_TO_REPORT: the value over the partition's sum, a FLOAT8; the OVER clause has no ORDER BY nor frame.
    Case(
        id="win-ratio-to-report-over-the-whole-table",
        page=RATIO_TO_REPORT,
        setup=WINSALES,
        sql="select sellerid, qty, ratio_to_report(qty) over() from winsales order by sellerid",
        expect=Rows([(_SELLER[s], _QTY[s], _QTY[s] / 215) for s in _BY_SALESID], ordered=False),
    ),
    Case(
        id="win-ratio-to-report-by-seller",
        page=RATIO_TO_REPORT,
        setup=WINSALES,
        sql="select salesid, ratio_to_report(qty) over (partition by sellerid) from winsales order by salesid",
        expect=_by_salesid(*(_QTY[s] / _SELLER_TOTAL[_SELLER[s]] for s in _BY_SALESID)),
    ),
    Case(
        id="win-ratio-to-report-of-null-is-null",
        page=RATIO_TO_REPORT,
        setup=WINSALES,
        sql="SELECT salesid, r FROM (SELECT salesid, ratio_to_report(qty_shipped) OVER () AS r FROM winsales)"
        " WHERE salesid IN (10001, 10005) ORDER BY salesid",
        expect=Rows([(10001, 10 / 70), (10005, None)]),
    ),
    Case(
        id="win-ratio-to-report-is-float8",
        page=RATIO_TO_REPORT,
        setup=(*WINSALES, "CREATE TABLE ratios AS SELECT ratio_to_report(qty) OVER () AS r FROM winsales"),
        sql="SELECT type FROM pg_table_def WHERE tablename = 'ratios'",
        expect=Rows([("double precision",)]),
    ),
    Case(
        id="win-ratio-to-report-refuses-an-order",
        page=RATIO_TO_REPORT,
        setup=WINSALES,
        sql="select ratio_to_report(qty) over (order by salesid) from winsales",
        expect=Refused("0A000", "OVER clause of RATIO_TO_REPORT", by_translation=True),
    ),
    # MEDIAN, PERCENTILE_CONT and PERCENTILE_DISC over a partition.
    Case(
        id="win-median-by-seller",
        page=MEDIAN,
        setup=WINSALES,
        sql="select sellerid, qty, median(qty) over (partition by sellerid) from winsales order by sellerid",
        expect=Rows(
            [(_SELLER[s], _QTY[s], {1: 10, 2: 20, 3: 17.5, 4: 25}[_SELLER[s]]) for s in _BY_SALESID], ordered=False
        ),
    ),
    Case(
        id="win-median-over-the-whole-table",
        page=MEDIAN,
        setup=WINSALES,
        sql="select distinct median(qty) over () from winsales",
        expect=Rows([(20,)]),
    ),
    Case(
        id="win-median-refuses-an-order",
        page=MEDIAN,
        setup=WINSALES,
        sql="select median(qty) over (order by qty) from winsales",
        expect=Refused("0A000", "OVER clause of MEDIAN", by_translation=True),
    ),
    Case(
        id="win-percentile-cont-over-the-whole-table",
        page=PERCENTILE_CONT,
        setup=WINSALES,
        sql="select distinct percentile_cont(0.5) within group (order by qty) over() as median from winsales",
        expect=Rows([(20,)]),
    ),
    Case(
        id="win-percentile-cont-descending-by-seller",
        page=PERCENTILE_CONT,
        setup=WINSALES,
        # row 1 + 0.25 * (n - 1) of the values from the largest: seller 3 (30, 20, 15, 10) gives 30 - 0.75 * 10
        sql="select distinct sellerid, percentile_cont(0.25) within group (order by qty desc)"
        " over (partition by sellerid) from winsales order by sellerid",
        expect=Rows([(1, 20), (2, 20), (3, 22.5), (4, 32.5)]),
    ),
    Case(
        id="win-percentile-disc-by-seller",
        page=PERCENTILE_DISC,
        setup=WINSALES,
        sql="select distinct sellerid, percentile_disc(0.5) within group (order by qty)"
        " over (partition by sellerid) from winsales order by sellerid",
        expect=Rows([(1, 10), (2, 20), (3, 15), (4, 10)]),
    ),
    Case(
        id="win-percentile-disc-descending-by-seller",
        page=PERCENTILE_DISC,
        setup=WINSALES,
        sql="select distinct sellerid, percentile_disc(0.5) within group (order by qty desc)"
        " over (partition by sellerid) from winsales order by sellerid",
        expect=Rows([(1, 10), (2, 20), (3, 20), (4, 40)]),
    ),
    # LISTAGG over a partition, of any type, with DISTINCT; the OVER clause has no ORDER BY nor frame.
    Case(
        id="win-listagg-by-seller",
        page=LISTAGG,
        setup=WINSALES,
        sql="select distinct sellerid, listagg(salesid, ',') within group (order by salesid)"
        " over (partition by sellerid) from winsales order by sellerid",
        expect=_by_seller("10001,10005,10006", "20001,20002", "30001,30003,30004,30007", "40001,40005"),
    ),
    Case(
        id="win-listagg-distinct-by-seller",
        page=LISTAGG,
        setup=WINSALES,
        sql="select distinct sellerid, listagg(distinct qty, ',') within group (order by qty)"
        " over (partition by sellerid) from winsales order by sellerid",
        expect=_by_seller("10,30", "20", "10,15,20,30", "10,40"),
    ),
    Case(
        id="win-listagg-of-dates",
        page=LISTAGG,
        setup=WINSALES,
        sql="select distinct listagg(dateid, ';') within group (order by dateid desc) over (partition by sellerid)"
        " from winsales where sellerid = 2",
        expect=Rows([("2004-02-16;2004-02-12",)]),
    ),
    Case(
        id="win-listagg-leaves-out-nulls",
        page=LISTAGG,
        setup=WINSALES,
        sql="select distinct sellerid, listagg(qty_shipped, '+') within group (order by salesid)"
        " over (partition by sellerid) from winsales order by sellerid",
        expect=_by_seller("10", "20+20", "10", "10"),
    ),
    Case(
        id="win-listagg-refuses-an-order-in-over",
        page=LISTAGG,
        setup=WINSALES,
        sql="select listagg(qty, ',') over (order by salesid) from winsales",
        expect=Refused("0A000", "OVER clause of LISTAGG", by_translation=True),
    ),
    # FIRST_VALUE, LAST_VALUE, NTH_VALUE: IGNORE NULLS skips the NULLs of the frame, RESPECT NULLS (the default)
    # does not.
    Case(
        id="win-first-value-by-seller",
        page=FIRST_VALUE,
        setup=WINSALES,
        sql=f"select distinct sellerid, first_value(qty) over (partition by sellerid order by salesid {_FULL_FRAME})"
        " from winsales order by sellerid",
        expect=_by_seller(10, 20, 10, 40),
    ),
    Case(
        id="win-first-value-ignore-nulls",
        page=FIRST_VALUE,
        setup=WINSALES,
        sql="select distinct sellerid, first_value(qty_shipped) ignore nulls over (partition by sellerid"
        f" order by salesid {_FULL_FRAME}) from winsales order by sellerid",
        expect=_by_seller(10, 20, 10, 10),
    ),
    Case(
        id="win-first-value-respect-nulls",
        page=FIRST_VALUE,
        setup=WINSALES,
        sql="select distinct sellerid, first_value(qty_shipped) respect nulls over (partition by sellerid"
        f" order by salesid {_FULL_FRAME}) from winsales order by sellerid",
        expect=_by_seller(10, 20, 10, None),
    ),
    Case(
        id="win-last-value-ignore-nulls",
        page=LAST_VALUE,
        setup=WINSALES,
        sql="select distinct sellerid, last_value(qty_shipped) ignore nulls over (partition by sellerid"
        f" order by salesid {_FULL_FRAME}) from winsales order by sellerid",
        expect=_by_seller(10, 20, 10, 10),
    ),
    Case(
        id="win-last-value-respect-nulls",
        page=LAST_VALUE,
        setup=WINSALES,
        sql="select distinct sellerid, last_value(qty_shipped) over (partition by sellerid"
        f" order by salesid {_FULL_FRAME}) from winsales order by sellerid",
        expect=_by_seller(None, 20, None, 10),
    ),
    Case(
        id="win-nth-value-ignore-nulls",
        page=NTH_VALUE,
        setup=WINSALES,
        # the values not NULL by salesid: 10, 20, 20, 10, 10
        sql=f"select distinct nth_value(qty_shipped, 2) ignore nulls over (order by salesid {_FULL_FRAME})"
        " from winsales",
        expect=Rows([(20,)]),
    ),
    Case(
        id="win-nth-value-respect-nulls",
        page=NTH_VALUE,
        setup=WINSALES,
        sql=f"select distinct nth_value(qty_shipped, 2) over (order by salesid {_FULL_FRAME}) from winsales",
        expect=Rows([(None,)]),
    ),
    Case(
        id="win-nth-value-third-highest-by-seller",
        page=NTH_VALUE,
        setup=WINSALES,
        sql="select distinct sellerid, nth_value(qty, 3) ignore nulls over (partition by sellerid order by qty desc"
        f" {_FULL_FRAME}) from winsales order by sellerid",
        expect=_by_seller(10, None, 15, None),
    ),
    # LAG and LEAD: IGNORE NULLS counts only the rows whose value is not NULL.
    Case(
        id="win-lag-ignore-nulls",
        page=LAG,
        setup=WINSALES,
        sql="select salesid, lag(qty_shipped) ignore nulls over (order by salesid) from winsales order by salesid",
        expect=_by_salesid(None, 10, 10, 10, 20, 20, 10, 10, 10, 10, 10),
    ),
    Case(
        id="win-lag-two-rows-ignore-nulls",
        page=LAG,
        setup=WINSALES,
        sql="select salesid, lag(qty_shipped, 2) ignore nulls over (order by salesid) from winsales order by salesid",
        expect=_by_salesid(None, None, None, None, 10, 20, 20, 20, 20, 20, 20),
    ),
    Case(
        id="win-lag-respect-nulls",
        page=LAG,
        setup=WINSALES,
        sql="select salesid, lag(qty, 1) respect nulls over (order by salesid) from winsales order by salesid",
        expect=_by_salesid(None, 10, 30, 10, 20, 20, 10, 15, 20, 30, 40),
    ),
    Case(
        id="win-lead-ignore-nulls",
        page=LEAD,
        setup=WINSALES,
        sql="select salesid, lead(qty_shipped) ignore nulls over (order by salesid) from winsales order by salesid",
        expect=_by_salesid(20, 20, 20, 20, 10, 10, 10, 10, 10, 10, None),
    ),
    Case(
        id="win-lead-by-seller",
        page=LEAD,
        setup=WINSALES,
        sql="select salesid, lead(qty, 1) over (partition by sellerid order by salesid) from winsales order by salesid",
        expect=_by_salesid(30, 10, None, 20, None, 15, 20, 30, None, 10, None),
    ),
    # Ranking and distribution functions take an ORDER BY without a frame.
    Case(
        id="win-cume-dist-by-seller",
        page=CUME_DIST,
        setup=WINSALES,
        sql="select sellerid, qty, cume_dist() over (partition by sellerid order by qty) from winsales",
        expect=Rows(
            [
                (1, 10, 2 / 3),
                (1, 10, 2 / 3),
                (1, 30, 1.0),
                (2, 20, 1.0),
                (2, 20, 1.0),
                (3, 10, 0.25),
                (3, 15, 0.5),
                (3, 20, 0.75),
                (3, 30, 1.0),
                (4, 10, 0.5),
                (4, 40, 1.0),
            ],
            ordered=False,
        ),
    ),
    Case(
        id="win-ntile-of-four",
        page=NTILE,
        setup=WINSALES,
        sql="select salesid, ntile(4) over (order by salesid) from winsales order by salesid",
        expect=_by_salesid(1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4),
    ),
    Case(
        id="win-percent-rank-by-seller",
        page=PERCENT_RANK,
        setup=WINSALES,
        sql="select sellerid, qty, percent_rank() over (partition by sellerid order by qty) from winsales",
        expect=Rows(
            [
                (1, 10, 0.0),
                (1, 10, 0.0),
                (1, 30, 1.0),
                (2, 20, 0.0),
                (2, 20, 0.0),
                (3, 10, 0.0),
                (3, 15, 1 / 3),
                (3, 20, 2 / 3),
                (3, 30, 1.0),
                (4, 10, 0.0),
                (4, 40, 1.0),
            ],
            ordered=False,
        ),
    ),
    Case(
        id="win-rank-and-dense-rank",
        page=RANK,
        setup=WINSALES,
        sql="select distinct qty, rank() over (order by qty desc), dense_rank() over (order by qty desc)"
        " from winsales order by qty desc",
        expect=Rows([(40, 1, 1), (30, 2, 2), (20, 4, 3), (15, 7, 4), (10, 8, 5)]),
    ),
    Case(
        id="win-dense-rank-by-seller",
        page=DENSE_RANK,
        setup=WINSALES,
        sql="select salesid, dense_rank() over (partition by sellerid order by qty) from winsales order by salesid",
        expect=_by_salesid(1, 2, 1, 1, 1, 1, 2, 3, 4, 2, 1),
    ),
    Case(
        id="win-row-number-by-seller",
        page=ROW_NUMBER,
        setup=WINSALES,
        sql="select salesid, row_number() over (partition by sellerid order by salesid) from winsales order by salesid",
        expect=_by_salesid(1, 2, 3, 1, 2, 1, 2, 3, 4, 1, 2),
    ),
    # Aggregate window functions: with ORDER BY, an explicit ROWS frame; without ORDER BY, the whole partition.
    Case(
        id="win-sum-running-total",
        page=SUM,
        setup=WINSALES,
        sql="select salesid, qty, sum(qty) over (order by dateid, salesid rows unbounded preceding) as sum"
        " from winsales order by dateid, salesid",
        expect=Rows(
            [
                (30001, 10, 10),
                (10001, 10, 20),
                (10005, 30, 50),
                (40001, 40, 90),
                (10006, 10, 100),
                (20001, 20, 120),
                (40005, 10, 130),
                (20002, 20, 150),
                (30003, 15, 165),
                (30004, 20, 185),
                (30007, 30, 215),
            ]
        ),
    ),
    Case(
        id="win-avg-rolling-average-is-an-integer",
        page=AVG,
        setup=WINSALES,
        sql="select salesid, avg(qty) over (order by dateid, salesid rows unbounded preceding) as avg"
        " from winsales order by dateid, salesid",
        expect=Rows(
            [
                (30001, 10),
                (10001, 10),
                (10005, 16),
                (40001, 22),
                (10006, 20),
                (20001, 20),
                (40005, 18),
                (20002, 18),
                (30003, 18),
                (30004, 18),
                (30007, 19),
            ]
        ),
    ),
    Case(
        id="win-count-running",
        page=COUNT,
        setup=WINSALES,
        sql="select salesid, count(*) over (order by dateid, salesid rows unbounded preceding) as count"
        " from winsales order by dateid, salesid",
        expect=Rows(
            [
                (30001, 1),
                (10001, 2),
                (10005, 3),
                (40001, 4),
                (10006, 5),
                (20001, 6),
                (40005, 7),
                (20002, 8),
                (30003, 9),
                (30004, 10),
                (30007, 11),
            ]
        ),
    ),
    Case(
        id="win-sum-over-a-partition-needs-no-frame",
        page=SUM,
        setup=WINSALES,
        sql="select distinct sellerid, sum(qty) over (partition by sellerid) from winsales order by sellerid",
        expect=_by_seller(50, 40, 75, 50),
    ),
    Case(
        id="win-max-over-a-moving-frame",
        page=MAX,
        setup=WINSALES,
        sql="select salesid, max(qty) over (order by salesid rows between 1 preceding and 1 following)"
        " from winsales order by salesid",
        expect=_by_salesid(30, 30, 30, 20, 20, 20, 20, 30, 40, 40, 40),
    ),
    Case(
        id="win-min-by-seller",
        page=MIN,
        setup=WINSALES,
        sql="select distinct sellerid, min(qty) over (partition by sellerid) from winsales order by sellerid",
        expect=_by_seller(10, 20, 10, 10),
    ),
    Case(
        id="win-stddev-samp-by-seller",
        page=STDDEV,
        setup=WINSALES,
        sql="select distinct stddev_samp(qty) over (partition by sellerid) from winsales where sellerid = 2",
        expect=Rows([(0.0,)]),
    ),
    Case(
        id="win-sum-with-order-and-no-frame-refused",
        page=WINDOW_FUNCTIONS,
        setup=WINSALES,
        sql="select sum(qty) over (order by dateid) from winsales",
        expect=Refused("0A000", "explicit ROWS frame", by_translation=True),
    ),
    Case(
        id="win-avg-with-order-and-no-frame-refused",
        page=AVG,
        setup=WINSALES,
        sql="select avg(qty) over (partition by sellerid order by dateid) from winsales",
        expect=Refused("0A000", "explicit ROWS frame", by_translation=True),
    ),
    Case(
        id="win-last-value-with-order-and-no-frame-refused",
        page=LAST_VALUE,
        setup=WINSALES,
        sql="select last_value(qty) over (partition by sellerid order by salesid) from winsales",
        expect=Refused("0A000", "explicit ROWS frame", by_translation=True),
    ),
    Case(
        id="win-first-value-ignore-nulls-with-order-and-no-frame-refused",
        page=FIRST_VALUE,
        setup=WINSALES,
        sql="select first_value(qty_shipped) ignore nulls over (order by salesid) from winsales",
        expect=Refused("0A000", "explicit ROWS frame", by_translation=True),
    ),
    Case(
        id="win-range-frame-refused",
        page=WINDOW_FUNCTIONS,
        setup=WINSALES,
        sql="select sum(qty) over (order by dateid range between unbounded preceding and current row) from winsales",
        expect=Refused("0A000", "A RANGE window frame is not supported by Amazon Redshift", by_translation=True),
    ),
]
