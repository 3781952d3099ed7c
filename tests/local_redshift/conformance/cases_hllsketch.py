"""The HLLSKETCH type and the HyperLogLog functions as their Developer Guide pages describe them: how a sketch prints
(sparse JSON, dense Base64), HLL, HLL_CREATE_SKETCH, HLL_CARDINALITY, HLL_COMBINE and HLL_COMBINE_SKETCHES.

The pages' sketches built by HLL_CREATE_SKETCH print indices from Redshift's own hash function, which no page gives:
the local Redshift refuses to print a sketch it built (its indices would differ), so those examples assert the
refusal, and their cardinalities (the pages' counts) instead. A sketch written in its printed form prints back as it
was written. Expected values are the pages'; where a case uses values of our own, the comment says which rule of the
page gives the result.
"""

from tests.local_redshift.conformance.case import DEVELOPER_GUIDE, Case, Refused, Rows

HLLSKETCH_TYPE = DEVELOPER_GUIDE + "r_HLLSKTECH_type.html"
CONSIDERATIONS = DEVELOPER_GUIDE + "hyperloglog-functions-usage-notes.html"
EXAMPLES = DEVELOPER_GUIDE + "r_HLL-examples.html"
HLL = DEVELOPER_GUIDE + "r_HLL_function.html"
HLL_CREATE_SKETCH = DEVELOPER_GUIDE + "r_HLL_CREATE_SKETCH.html"
HLL_CARDINALITY = DEVELOPER_GUIDE + "r_HLL_CARDINALITY.html"
HLL_COMBINE = DEVELOPER_GUIDE + "r_HLL_COMBINE.html"
HLL_COMBINE_SKETCHES = DEVELOPER_GUIDE + "r_HLL_COMBINE_SKETCHES.html"

BUILT_LOCALLY = Refused("0A000", "The local Redshift cannot print an HLLSKETCH it built")

# The type page's sparse sketch, and the considerations page's (with "version":1), as they print.
TYPE_PAGE_SKETCH = '{"logm":15,"sparse":{"indices":[4878,9559,14523],"values":[1,2,1]}}'
CONSIDERATIONS_SKETCH = (
    '{"version":1,"logm":15,"sparse":{"indices":[15099259,33107846,37891580,50065963],"values":[2,3,2,1]}}'
)
# HLL_CREATE_SKETCH's example: the sketch of 1, 2, 3, 4; HLL_COMBINE's: that of 1 to 6 combined with it.
CREATE_SKETCH_SKETCH = (
    '{"version":1,"logm":15,"sparse":{"indices":[20812342,20850007,22362299,47158030],"values":[1,2,1,1]}}'
)
COMBINED_SKETCH = (
    '{"version":1,"logm":15,"sparse":{"indices":[20812342,20850007,22362299,40314817,42650774,47158030],'
    '"values":[1,2,1,3,2,1]}}'
)
# The examples page's HLL_COMBINE of the Sales customers' sketches (three distinct customers).
SALES_COMBINED = '{"version":1,"logm":15,"sparse":{"indices":[29808639,35021072,47612452],"values":[1,1,1]}}'

# The HLL_CARDINALITY and HLL_COMBINE pages' tables.
_A_TABLE = (
    "CREATE TABLE a_table(an_int INT, b_int INT)",
    "INSERT INTO a_table VALUES (1,1), (2,1), (3,1), (4,1), (1,2), (2,2), (3,2), (4,2), (5,2), (6,2)",
    "CREATE TABLE hll_table (sketch HLLSKETCH)",
    "INSERT INTO hll_table select hll_create_sketch(an_int) from a_table group by b_int",
)
# The HLL and HLL_CREATE_SKETCH pages' table.
_FOUR_INTS = ("CREATE TABLE a_table(an_int INT)", "INSERT INTO a_table VALUES (1), (2), (3), (4)")
# The examples page's Sales table.
_SALES = (
    "CREATE TABLE Sales (customer VARCHAR, country VARCHAR, amount BIGINT)",
    "INSERT INTO Sales VALUES ('David Joe', 'Greece', 14.5),  ('David Joe', 'Greece', 19.95), "
    "('John Doe', 'USA', 29.95), ('John Doe', 'USA', 19.95), ('George Spanos', 'Greece', 9.95), "
    "('George Spanos', 'Greece', 2.95)",
)
# The loading page's table t1, holding the pages' printed sketches (the examples' CSV file is not on the page).
_T1 = (
    "CREATE TABLE t1 (sketch hllsketch, a bigint)",
    f"INSERT INTO t1 VALUES ('{TYPE_PAGE_SKETCH}', 1), ('{CONSIDERATIONS_SKETCH}', 2), (NULL, 3)",
)
# HLL_COMBINE_SKETCHES' example: sixteen values and NULLs, a sketch of each, combined in pairs.
_COMBINE_SKETCHES_QUERY = (
    "WITH tbl1(x, y) AS (SELECT Hll_create_sketch(1), Hll_create_sketch(2) UNION ALL SELECT Hll_create_sketch(3), "
    "Hll_create_sketch(4) UNION ALL SELECT Hll_create_sketch(5), Hll_create_sketch(6) UNION ALL SELECT "
    "Hll_create_sketch(7), Hll_create_sketch(8)), tbl2(x, y) AS (SELECT Hll_create_sketch(9), Hll_create_sketch(10) "
    "UNION ALL SELECT Hll_create_sketch(11), Hll_create_sketch(12) UNION ALL SELECT Hll_create_sketch(13), "
    "Hll_create_sketch(14) UNION ALL SELECT Hll_create_sketch(15), Hll_create_sketch(16) UNION ALL SELECT "
    "Hll_create_sketch(NULL), Hll_create_sketch(NULL)), tbl3(x, y) AS (SELECT * FROM tbl1 UNION ALL SELECT * FROM "
    "tbl2) SELECT {select} FROM tbl3"
)


def _value(case_id: str, page: str, sql: str, *values: object, setup: tuple[str, ...] = ()) -> Case:
    """A case whose statement returns one row of `values`."""
    return Case(id=case_id, page=page, sql=sql, expect=Rows([tuple(values)]), setup=setup)


CASES = [
    # Printing: a sketch written in its printed form prints as it was written, sparse or dense.
    _value(
        "hllsketch-sparse-prints-as-written",
        HLLSKETCH_TYPE,
        f"SELECT '{TYPE_PAGE_SKETCH}'::hllsketch",
        TYPE_PAGE_SKETCH,
    ),
    _value(
        "hllsketch-versioned-sparse-prints-as-written",
        CONSIDERATIONS,
        f"SELECT '{CONSIDERATIONS_SKETCH}'::hllsketch",
        CONSIDERATIONS_SKETCH,
    ),
    # The page prints the dense form as "ABAABA..." (cut short): a whole Base64 string of its kind prints as written.
    _value("hllsketch-dense-prints-as-written", HLLSKETCH_TYPE, "SELECT 'ABAABAAAAAAA'::hllsketch", "ABAABAAAAAAA"),
    Case(
        id="hllsketch-column-holds-printed-sketches",
        page=DEVELOPER_GUIDE + "copy-usage_notes-hll.html",
        setup=_T1,
        sql="SELECT sketch, a FROM t1 ORDER BY a",
        expect=Rows([(TYPE_PAGE_SKETCH, 1), (CONSIDERATIONS_SKETCH, 2), (None, 3)]),
    ),
    # "use the Base64 format for dense HyperLogLog sketches and the JSON format for sparse": nothing else is one.
    Case(
        id="hllsketch-text-of-neither-form-is-refused",
        page=DEVELOPER_GUIDE + "copy-usage_notes-hll.html",
        sql="SELECT 'not a sketch'::hllsketch",
        expect=Refused("22P02", "invalid input for type hllsketch"),
    ),
    # HLL_CARDINALITY of a printed sparse sketch: small counts are exact (each page's sketch of n values gives n).
    _value(
        "hll-cardinality-of-the-type-pages-sketch",
        HLL_CARDINALITY,
        f"SELECT hll_cardinality('{TYPE_PAGE_SKETCH}'::hllsketch)",
        3,
    ),
    _value(
        "hll-cardinality-of-hll-create-sketchs-sketch",
        HLL_CREATE_SKETCH,
        f"SELECT hll_cardinality('{CREATE_SKETCH_SKETCH}'::hllsketch)",
        4,
    ),
    _value(
        "hll-cardinality-of-hll-combines-sketch",
        HLL_COMBINE,
        f"SELECT hll_cardinality('{COMBINED_SKETCH}'::hllsketch)",
        6,
    ),
    _value(
        "hll-cardinality-of-the-sales-customers-sketch",
        EXAMPLES,
        f"SELECT hll_cardinality('{SALES_COMBINED}'::hllsketch)",
        3,
    ),
    # HLL_COMBINE of the pages' two printed sketches: HLL_COMBINE's result, which prints (no local hash in it).
    Case(
        id="hll-combine-of-printed-sketches-prints-the-pages-combination",
        page=HLL_COMBINE,
        setup=(
            "CREATE TABLE hll_table (sketch HLLSKETCH)",
            f"INSERT INTO hll_table VALUES ('{CREATE_SKETCH_SKETCH}'), ('{COMBINED_SKETCH}')",
        ),
        sql="SELECT hll_combine(sketch) AS sketches FROM hll_table",
        expect=Rows([(COMBINED_SKETCH,)]),
    ),
    _value(
        "hll-combine-sketches-of-printed-sketches",
        HLL_COMBINE_SKETCHES,
        f"SELECT hll_combine_sketches('{CREATE_SKETCH_SKETCH}'::hllsketch, '{COMBINED_SKETCH}'::hllsketch)",
        COMBINED_SKETCH,
    ),
    # HLL: "returns the HyperLogLog cardinality of the input expression values"; "When there are no rows in a table
    # or all rows are NULL, the resulting cardinality is 0".
    _value("hll-of-four-values", HLL, "SELECT hll(an_int) AS cardinality FROM a_table", 4, setup=_FOUR_INTS),
    _value("hll-of-no-rows-is-zero", HLL, "SELECT hll(an_int) FROM a_table WHERE an_int > 9", 0, setup=_FOUR_INTS),
    _value("hll-ignores-nulls", HLL, "SELECT hll(n) FROM (SELECT NULL::int AS n UNION ALL SELECT 1) AS v", 1),
    # HLL_CREATE_SKETCH: "When there are no rows in a table or all rows are NULL, the resulting sketch has no
    # index-value pairs": that sketch prints as the page gives it.
    _value(
        "hll-create-sketch-of-no-rows",
        HLL_CREATE_SKETCH,
        "SELECT hll_create_sketch(an_int) AS sketch FROM a_table WHERE an_int IS NULL",
        '{"version":1,"logm":15,"sparse":{"indices":[],"values":[]}}',
        setup=_FOUR_INTS,
    ),
    # The pages' printed sketches of HLL_CREATE_SKETCH depend on Redshift's hash: refused, not answered otherwise.
    Case(
        id="hll-create-sketch-is-not-printed",
        page=HLL_CREATE_SKETCH,
        setup=_FOUR_INTS,
        sql="SELECT hll_create_sketch(an_int) AS sketch FROM a_table",
        expect=BUILT_LOCALLY,
    ),
    _value(
        "hll-cardinality-of-hll-create-sketch",
        HLL_CREATE_SKETCH,
        "SELECT hll_cardinality(hll_create_sketch(an_int)) FROM a_table",
        4,
        setup=_FOUR_INTS,
    ),
    Case(
        id="hll-cardinality-of-stored-sketches",
        page=HLL_CARDINALITY,
        setup=_A_TABLE,
        sql="SELECT hll_cardinality(sketch) AS cardinality FROM hll_table",
        expect=Rows([(6,), (4,)], ordered=False),
    ),
    Case(
        id="hll-combine-is-not-printed",
        page=HLL_COMBINE,
        setup=_A_TABLE,
        sql="SELECT hll_combine(sketch) AS sketches FROM hll_table",
        expect=BUILT_LOCALLY,
    ),
    # "After combining sketches, Amazon Redshift extracts the cardinality of the union": {1..4} with {1..6}.
    _value(
        "hll-cardinality-of-hll-combine",
        HLL_COMBINE,
        "SELECT hll_cardinality(hll_combine(sketch)) FROM hll_table",
        6,
        setup=_A_TABLE,
    ),
    Case(
        id="hll-combine-sketches-is-not-printed",
        page=HLL_COMBINE_SKETCHES,
        sql=_COMBINE_SKETCHES_QUERY.format(select="Hll_combine_sketches(x, y)"),
        expect=BUILT_LOCALLY,
    ),
    # The same query's pairs are sketches of two values each (one pair of NULLs: an empty sketch), unioned by
    # HLL_COMBINE: the sixteen values.
    Case(
        id="hll-combine-sketches-pairs",
        page=HLL_COMBINE_SKETCHES,
        sql=_COMBINE_SKETCHES_QUERY.format(select="hll_cardinality(Hll_combine_sketches(x, y))"),
        expect=Rows([(2,)] * 8 + [(0,)], ordered=False),
    ),
    _value(
        "hll-combine-of-the-pairs",
        HLL_COMBINE,
        _COMBINE_SKETCHES_QUERY.format(select="hll_cardinality(hll_combine(Hll_combine_sketches(x, y)))"),
        16,
    ),
    # The examples page: unique customers from each country, and the sketches combined.
    Case(
        id="hll-examples-cardinality-in-a-subquery",
        page=EXAMPLES,
        setup=_SALES,
        sql="SELECT hll_cardinality(sketch), country FROM (SELECT hll_create_sketch(customer) AS sketch, country "
        "FROM Sales GROUP BY country) AS hll_subquery",
        expect=Rows([(1, "USA"), (2, "Greece")], ordered=False),
    ),
    Case(
        id="hll-examples-combined-sketches-in-a-subquery",
        page=EXAMPLES,
        setup=_SALES,
        sql="SELECT hll_combine(sketch) FROM (SELECT hll_create_sketch(customer) AS sketch FROM Sales GROUP BY country)"
        " AS hll_subquery",
        expect=BUILT_LOCALLY,
    ),
    _value(
        "hll-examples-combined-cardinality",
        EXAMPLES,
        "SELECT hll_cardinality(hll_combine(sketch)) FROM (SELECT hll_create_sketch(customer) AS sketch FROM Sales"
        " GROUP BY country) AS hll_subquery",
        3,
        setup=_SALES,
    ),
    # "This function supports any data type as input except HLLSKETCH, GEOMETRY, GEOGRAPHY, and VARBYTE".
    Case(
        id="hll-create-sketch-does-not-take-a-sketch",
        page=HLL_CREATE_SKETCH,
        setup=_T1,
        sql="SELECT hll_create_sketch(sketch) FROM t1",
        expect=Refused("0A000", "HLL and HLL_CREATE_SKETCH do not take a HLLSKETCH value"),
    ),
    Case(
        id="hll-does-not-take-a-varbyte",
        page=HLL,
        sql="SELECT hll('ab'::varbyte)",
        expect=Refused("0A000", "HLL and HLL_CREATE_SKETCH do not take a VARBYTE value"),
    ),
    # "The following non-HyperLogLog functions can accept an input of type HLLSKETCH": COUNT, COALESCE, NVL, CASE.
    _value("hllsketch-count", CONSIDERATIONS, "SELECT count(sketch) FROM t1", 2, setup=_T1),
    _value(
        "hllsketch-coalesce",
        CONSIDERATIONS,
        "SELECT coalesce(sketch, NULL) FROM t1 WHERE a = 1",
        TYPE_PAGE_SKETCH,
        setup=_T1,
    ),
    _value(
        "hllsketch-nvl",
        CONSIDERATIONS,
        f"SELECT nvl(sketch, '{TYPE_PAGE_SKETCH}'::hllsketch) FROM t1 WHERE a = 3",
        TYPE_PAGE_SKETCH,
        setup=_T1,
    ),
    _value(
        "hllsketch-case",
        CONSIDERATIONS,
        "SELECT CASE WHEN a = 2 THEN sketch END FROM t1 WHERE a = 2",
        CONSIDERATIONS_SKETCH,
        setup=_T1,
    ),
]
