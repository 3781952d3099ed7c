"""The SUPER type as its Developer Guide pages describe it: how a SUPER value prints, navigation into objects and
arrays (lax mode), dynamic typing of comparisons and arithmetic, casts, the SUPER functions, and PartiQL unnesting
and unpivoting in the FROM clause.

A client reads a SUPER value as the JSON text Redshift prints for it: `JSON_PARSE('[10001,10002,"abc"]')` gives
`[10001,10002,"abc"]`, a string scalar prints with its quotes (`"2001-09-08"`), a number bare (`5`, `1.22`), a
float in exponent form (`2.22e+0`), and SQL NULL stays None. Functions that return VARCHAR, BOOLEAN or an integer
(JSON_SERIALIZE, JSON_TYPEOF, IS_*, GET_ARRAY_LENGTH) are read as those types.

The pages' examples run on the customer_orders_lineitem, region_nations and test_json sample tables; each case here
makes a tiny table holding the rows of the example (or rows of our own, from which the page's stated rule gives the
result; the comment says so).

Not cased, because the local Redshift refuses them by name: SIZE (the bytes of Redshift's own binary form of a value)
and OBJECT_TRANSFORM. A "Quoted" attribute under enable_case_sensitive_identifier is the translation's
(tests/local_redshift/translation/test_case_sensitive_identifiers.py) and the endpoint's
(tests/local_redshift/test_case_sensitive_identifiers.py).
"""

import datetime
from decimal import Decimal

from tests.local_redshift.conformance.case import DEVELOPER_GUIDE, Case, Refused, Rows

QUERY_SUPER = DEVELOPER_GUIDE + "query-super.html"
CONFIGURATIONS = DEVELOPER_GUIDE + "super-configurations.html"
LIMITATIONS = DEVELOPER_GUIDE + "limitations-super.html"
OPERATORS = DEVELOPER_GUIDE + "operators-functions.html"
EXAMPLES = DEVELOPER_GUIDE + "super-examples.html"
JSON_PARSE = DEVELOPER_GUIDE + "JSON_PARSE.html"
JSON_SERIALIZE = DEVELOPER_GUIDE + "JSON_SERIALIZE.html"
JSON_SERIALIZE_TO_VARBYTE = DEVELOPER_GUIDE + "JSON_SERIALIZE_TO_VARBYTE.html"
CAN_JSON_PARSE = DEVELOPER_GUIDE + "CAN_JSON_PARSE.html"
JSON_TYPEOF = DEVELOPER_GUIDE + "r_json_typeof.html"
JSON_SIZE = DEVELOPER_GUIDE + "r_json_size.html"
IS_ARRAY = DEVELOPER_GUIDE + "r_is_array.html"
IS_BIGINT = DEVELOPER_GUIDE + "r_is_bigint.html"
IS_BOOLEAN = DEVELOPER_GUIDE + "r_is_boolean.html"
IS_CHAR = DEVELOPER_GUIDE + "r_is_char.html"
IS_DECIMAL = DEVELOPER_GUIDE + "r_is_decimal.html"
IS_FLOAT = DEVELOPER_GUIDE + "r_is_float.html"
IS_INTEGER = DEVELOPER_GUIDE + "r_is_integer.html"
IS_OBJECT = DEVELOPER_GUIDE + "r_is_object.html"
IS_SCALAR = DEVELOPER_GUIDE + "r_is_scalar.html"
IS_SMALLINT = DEVELOPER_GUIDE + "r_is_smallint.html"
IS_VARCHAR = DEVELOPER_GUIDE + "r_is_varchar.html"
DECIMAL_PRECISION = DEVELOPER_GUIDE + "r_decimal_precision.html"
DECIMAL_SCALE = DEVELOPER_GUIDE + "r_decimal_scale.html"
ARRAY = DEVELOPER_GUIDE + "r_array.html"
ARRAY_CONCAT = DEVELOPER_GUIDE + "r_array_concat.html"
ARRAY_FLATTEN = DEVELOPER_GUIDE + "array_flatten.html"
GET_ARRAY_LENGTH = DEVELOPER_GUIDE + "get_array_length.html"
SPLIT_TO_ARRAY = DEVELOPER_GUIDE + "split_to_array.html"
SUBARRAY = DEVELOPER_GUIDE + "r_subarray.html"
ARRAY_CONTAINS = DEVELOPER_GUIDE + "array_contains.html"
ARRAY_POSITION = DEVELOPER_GUIDE + "array_position.html"
ARRAY_POSITIONS = DEVELOPER_GUIDE + "array_positions.html"
OBJECT = DEVELOPER_GUIDE + "r_object_function.html"
LOWER_ATTRIBUTE_NAMES = DEVELOPER_GUIDE + "r_lower_attribute_names.html"


def _value(case_id: str, page: str, sql: str, *values: object, setup: tuple[str, ...] = ()) -> Case:
    """A case whose statement returns one row of `values`."""
    return Case(id=case_id, page=page, sql=sql, expect=Rows([tuple(values)]), setup=setup)


def _one_super(value_sql: str) -> tuple[str, ...]:
    """The type information pages' table: `CREATE TABLE t(s super)` holding one value."""
    return ("CREATE TABLE t(s super)", f"INSERT INTO t VALUES ({value_sql})")


# Two customers of one order each, as the AT index example's two rows show them (keys and names are the page's).
_CUSTOMERS = (
    "CREATE TABLE customer_orders_lineitem (c_custkey INT, c_name VARCHAR(25), c_orders SUPER)",
    "INSERT INTO customer_orders_lineitem VALUES "
    '(8251, \'Customer#000008251\', JSON_PARSE(\'[{"o_orderkey":3020007,"o_orderstatus":"O"}]\')), '
    '(9452, \'Customer#000009452\', JSON_PARSE(\'[{"o_orderkey":4043971,"o_orderstatus":"F"}]\'))',
)
# One customer whose one order has the o_orderdate of the casting limitations' example.
_ORDER_DATE = (
    "CREATE TABLE customer_orders_lineitem (c_custkey INT, c_orders SUPER)",
    'INSERT INTO customer_orders_lineitem VALUES (1, JSON_PARSE(\'[{"o_orderkey":1,"o_orderdate":"2001-09-08"}]\'))',
)


def _orderkey(key: int) -> tuple[str, ...]:
    """One customer whose first order has o_orderkey `key`."""
    return (
        "CREATE TABLE customer_orders_lineitem (c_custkey INT, c_orders SUPER)",
        f"INSERT INTO customer_orders_lineitem VALUES (1, JSON_PARSE('[{{\"o_orderkey\":{key}}}]'))",
    )


# The ORDER BY section's region_nations rows, strings inserted as VARCHAR literals.
_REGION_NATIONS = (
    "CREATE TABLE region_nations (r_regionkey INT, r_name VARCHAR(10), r_comment VARCHAR(20), r_nations SUPER)",
    "INSERT INTO region_nations VALUES (100, 'name1', 'comment1', 'AWS'), (200, 'name2', 'comment2', 1), "
    "(300, 'name3', 'comment3', ARRAY(1, 'abc', null)), (400, 'name4', 'comment4', -2.5)",
)
# The pnr part of super-examples' test_json document.
_TEST_JSON = (
    "CREATE TABLE test_json (all_data SUPER)",
    'INSERT INTO test_json VALUES (JSON_PARSE(\'{"data":{"pnr":{"type":"pnr","pnrid":"123PQRS-2024-09-20",'
    '"bookingIdentifier":"123PQRS","version":"5","events":['
    '{"eventType":"UPDATED","type":"PART","id":"123PQRS-2024-09-20-HO-1"},'
    '{"eventType":"CREATED","type":"ABC","id":"123PQRS-2024-09-20-OT-38"}]}}}\'))',
)
_ITEMS = "SELECT json_table.data.{items}.{name}, json_table.data.{price} FROM (SELECT json_parse(" + (
    '\'{{"ITEMS":{{"Name":"TV"}}, "price": 345}}\') AS data) AS json_table'
)
# An object with a number, a nested array and a string (our own) for the lax-mode rules.
_LAX = _one_super('JSON_PARSE(\'{"a":1,"b":[10,20],"c":"x"}\')')
# o_orderstatus of three dynamic types (our own rows) for the equality and comparison rules.
_STATUSES = (
    "CREATE TABLE orders (id INT, o SUPER)",
    'INSERT INTO orders VALUES (1, JSON_PARSE(\'{"o_orderstatus":"P"}\')), '
    '(2, JSON_PARSE(\'{"o_orderstatus":1}\')), (3, JSON_PARSE(\'{"o_orderstatus":"Z"}\'))',
)
# Numbers and strings as SUPER values (our own) for the arithmetic rules.
_OPERANDS = (
    "CREATE TABLE n (i SUPER, j SUPER, a SUPER, b SUPER, d SUPER, f SUPER)",
    "INSERT INTO n VALUES (1, 2, 'ab', 'cd', -2.50, 2.22::FLOAT)",
)

_PRINTING = [
    _value(
        "super-json-parse-prints-json", JSON_PARSE, "SELECT JSON_PARSE('[10001,10002,\"abc\"]')", '[10001,10002,"abc"]'
    ),
    # The input's whitespace is not kept: '{"name": "Joe"}' prints {"name":"Joe"}.
    _value(
        "super-object-prints-compact",
        IS_OBJECT,
        "SELECT s, is_object(s) FROM t",
        '{"name":"Joe"}',
        True,
        setup=_one_super('JSON_PARSE(\'{"name": "Joe"}\')'),
    ),
    _value(
        "super-varchar-insert-is-a-string",
        IS_VARCHAR,
        "SELECT s, is_varchar(s) FROM t",
        '"abc"',
        True,
        setup=_one_super("'abc'"),
    ),
    _value("super-char-string", IS_CHAR, "SELECT s, is_char(s) FROM t", '"t"', True, setup=_one_super("'t'")),
    _value(
        "super-boolean-prints-true",
        IS_BOOLEAN,
        "SELECT s, IS_BOOLEAN(s) FROM t",
        "true",
        True,
        setup=_one_super("TRUE"),
    ),
    _value(
        "super-decimal-prints", IS_DECIMAL, "SELECT s, is_decimal(s) FROM t", "1.22", True, setup=_one_super("1.22")
    ),
    _value(
        "super-float-prints-exponent",
        IS_FLOAT,
        "SELECT s, is_float(s) FROM t",
        "2.22e+0",
        True,
        setup=_one_super("2.22::FLOAT"),
    ),
    _value("super-integer", IS_INTEGER, "SELECT s, is_integer(s) FROM t", "5", True, setup=_one_super("5")),
    _value("super-bigint", IS_BIGINT, "SELECT s, is_bigint(s) FROM t", "5", True, setup=_one_super("5")),
    _value("super-smallint", IS_SMALLINT, "SELECT s, is_smallint(s) FROM t", "5", True, setup=_one_super("5")),
    _value("super-array-of-numbers", ARRAY, "select array(1,50,null,100)", "[1,50,null,100]"),
    _value("super-array-of-types", ARRAY, "select array(1,'abc',true,3.14)", '[1,"abc",true,3.14]'),
    # NULL and scalar SUPER values such as "A" are unchanged; names in an object are lowercased.
    Case(
        id="super-lower-attribute-names",
        page=LOWER_ATTRIBUTE_NAMES,
        setup=(
            "CREATE TABLE t (i INT, s SUPER)",
            "INSERT INTO t VALUES (1, NULL), (2, 'A'::SUPER), (3, JSON_PARSE('{\"AttributeName\": \"B\"}'))",
            "UPDATE t SET s = LOWER_ATTRIBUTE_NAMES(s)",
        ),
        sql="SELECT i, s FROM t ORDER BY i",
        expect=Rows([(1, None), (2, '"A"'), (3, '{"attributename":"B"}')]),
    ),
]

_NAVIGATION = [
    Case(
        id="super-navigate-dot-and-bracket",
        page=QUERY_SUPER,
        setup=_CUSTOMERS,
        sql="SELECT c_orders[0].o_orderkey FROM customer_orders_lineitem ORDER BY c_custkey",
        expect=Rows([("3020007",), ("4043971",)]),
    ),
    Case(
        id="super-navigate-with-table-alias",
        page=QUERY_SUPER,
        setup=_CUSTOMERS,
        sql="SELECT cust.c_orders[0].o_orderkey FROM customer_orders_lineitem AS cust ORDER BY cust.c_custkey",
        expect=Rows([("3020007",), ("4043971",)]),
    ),
    _value(
        "super-navigate-in-where",
        QUERY_SUPER,
        "SELECT count(*) FROM customer_orders_lineitem WHERE c_orders[0]. o_orderkey IS NOT NULL",
        2,
        setup=_CUSTOMERS,
    ),
    # "the following query accesses an invalid attribute name": c_orders is an array, not an object.
    Case(
        id="super-lax-invalid-attribute-is-null",
        page=QUERY_SUPER,
        setup=_CUSTOMERS,
        sql="SELECT c.c_orders.something FROM customer_orders_lineitem c",
        expect=Rows([(None,), (None,)]),
    ),
    Case(
        id="super-lax-index-out-of-bounds-is-null",
        page=QUERY_SUPER,
        setup=_CUSTOMERS,
        sql="SELECT c.c_orders[1][1] FROM customer_orders_lineitem c",
        expect=Rows([(None,), (None,)]),
    ),
    # Indexes count from 0 ("super_object.array[2]" is "the third element"); the object and rows are our own.
    _value("super-navigate-index-from-zero", QUERY_SUPER, "SELECT s.b[1], s.c FROM t", "20", '"x"', setup=_LAX),
    # "Object navigation is invalid if the SUPER value is not an object or ... doesn't contain the attribute name".
    _value("super-lax-object-navigation", QUERY_SUPER, "SELECT s.z, s.a.x, s.b.x FROM t", None, None, None, setup=_LAX),
    # "Array navigation returns null if the SUPER value is not an array or the array index is out of bounds."
    _value(
        "super-lax-array-navigation", QUERY_SUPER, "SELECT s[0], s.a[0], s.b[2] FROM t", None, None, None, setup=_LAX
    ),
    # By default the names fold to lowercase and find no "ITEMS" attribute; price is still found.
    _value(
        "super-mixed-case-attribute-not-found",
        CONFIGURATIONS,
        _ITEMS.format(items="ITEMS", name="Name", price="price"),
        None,
        "345",
    ),
    _value(
        "super-case-sensitive-super-attribute",
        CONFIGURATIONS,
        _ITEMS.format(items="ITEMS", name="Name", price="price"),
        '"TV"',
        "345",
        setup=("SET enable_case_sensitive_super_attribute to TRUE",),
    ),
    # Neither s.AttributeName nor s."AttributeName" finds {"AttributeName": "Value"} by default ...
    _value(
        "super-quoted-attribute-folds-by-default",
        LOWER_ATTRIBUTE_NAMES,
        'SELECT s.AttributeName, s."AttributeName" FROM t1',
        None,
        None,
        setup=('CREATE TABLE t1 (s) AS SELECT JSON_PARSE(\'{"AttributeName": "Value"}\')',),
    ),
    # ... while every spelling finds the lowercased attribute.
    _value(
        "super-lowercase-attribute-found",
        LOWER_ATTRIBUTE_NAMES,
        'SELECT s.attributename, s.AttributeName, s."attributename", s."AttributeName" FROM t2',
        '"Value"',
        '"Value"',
        '"Value"',
        '"Value"',
        setup=(
            'CREATE TABLE t1 (s) AS SELECT JSON_PARSE(\'{"AttributeName": "Value"}\')',
            "CREATE TABLE t2 (s) AS SELECT LOWER_ATTRIBUTE_NAMES(s) FROM t1",
        ),
    ),
    _value(
        "super-examples-mixed-case-null-by-default",
        EXAMPLES,
        'SELECT all_data.data.pnr.events[0].eventType, all_data.data.pnr.events[0]."eventType" FROM test_json',
        None,
        None,
        setup=_TEST_JSON,
    ),
    _value(
        "super-examples-count-where",
        EXAMPLES,
        "SELECT COUNT(*) FROM test_json WHERE all_data.data.pnr.events[0].eventType = 'UPDATED'",
        1,
        setup=(*_TEST_JSON, "SET enable_case_sensitive_super_attribute TO true"),
    ),
]

_DYNAMIC_TYPING = [
    Case(
        id="super-equality-filters-strings",
        page=QUERY_SUPER,
        setup=_STATUSES,
        sql="SELECT id FROM orders WHERE o.o_orderstatus = 'P'",
        expect=Rows([(1,)]),
    ),
    # "In all other cases, the equality sign evaluates to false, including ... different types."
    Case(
        id="super-equality-of-other-types-is-false",
        page=QUERY_SUPER,
        setup=_STATUSES,
        sql="SELECT id, o.o_orderstatus = 'P' FROM orders ORDER BY id",
        expect=Rows([(1, True), (2, False), (3, False)]),
    ),
    # "<=" compares strings alphabetically and gives null for a value that is not a string.
    Case(
        id="super-comparison-of-other-types-is-null",
        page=QUERY_SUPER,
        setup=_STATUSES,
        sql="SELECT id, o.o_orderstatus <= 'P' FROM orders ORDER BY id",
        expect=Rows([(1, True), (2, None), (3, False)]),
    ),
    # "integers, decimals, and floating-point values are comparable as SUPER values" (each decimal of its own
    # scale); the string '5' is of another type, so not equal.
    _value(
        "super-numbers-compare-across-kinds",
        QUERY_SUPER,
        "SELECT count(*) FROM t WHERE s = 5",
        3,
        setup=("CREATE TABLE t (s SUPER)", "INSERT INTO t VALUES (5), (5.00), (5.0::FLOAT), ('5')"),
    ),
    # CHAR and VARCHAR "are comparable as strings, including ignoring trailing white-space characters".
    _value(
        "super-strings-ignore-trailing-spaces",
        QUERY_SUPER,
        "SELECT s = c FROM t",
        True,
        setup=("CREATE TABLE t (c CHAR(4), s SUPER)", "INSERT INTO t VALUES ('ab', 'ab')"),
    ),
    # "equality on objects and arrays that are evaluated as deep equal".
    _value(
        "super-deep-equality",
        QUERY_SUPER,
        "SELECT a = b, a = c FROM t",
        True,
        False,
        setup=(
            "CREATE TABLE t (a SUPER, b SUPER, c SUPER)",
            "INSERT INTO t VALUES (JSON_PARSE('{\"x\":[1,2]}'), JSON_PARSE('{\"x\":[1,2]}'), "
            "JSON_PARSE('{\"x\":[1,3]}'))",
        ),
    ),
    # The join section's part keys: integers, then strings such as 'A55', then arrays such as ['X', 10]; a key
    # matches only a key of its own dynamic type (the string '1' is not the number 1).
    Case(
        id="super-join-on-dynamic-types",
        page=QUERY_SUPER,
        setup=(
            "CREATE TABLE l (id INT, k SUPER)",
            "CREATE TABLE p (id INT, k SUPER)",
            "INSERT INTO l VALUES (1, 1), (2, 'A55'), (3, JSON_PARSE('[\"X\",10]'))",
            "INSERT INTO p VALUES (10, 1), (20, 'A55'), (30, JSON_PARSE('[\"X\",10]')), (40, '1')",
        ),
        sql="SELECT l.id, p.id FROM l, p WHERE l.k = p.k",
        expect=Rows([(1, 10), (2, 20), (3, 30)], ordered=False),
    ),
    # "The order among dynamic types is boolean, number, string, array, object" (the page's rows, with a boolean
    # and an object of our own for the two ends).
    Case(
        id="super-order-by-across-types",
        page=QUERY_SUPER,
        setup=(
            *_REGION_NATIONS,
            "INSERT INTO region_nations VALUES (600, 'name6', 'comment6', JSON_PARSE('{\"a\":1}')), "
            "(700, 'name7', 'comment7', TRUE)",
        ),
        sql="SELECT r_nations FROM region_nations order by r_nations",
        expect=Rows([("true",), ("-2.5",), ("1",), ('"AWS"',), ('[1,"abc",null]',), ('{"a":1}',)]),
    ),
    # --- arithmetic ---------------------------------------------------------------------------------------------
    # The page's result; 4192801 is the o_orderkey that gives it.
    _value(
        "super-arithmetic-decimal-scale",
        OPERATORS,
        "SELECT (c_orders[0]. o_orderkey + 0.5) * c_orders[0]. o_orderkey / 10 AS math FROM customer_orders_lineitem",
        "1757958232200.1500",
        setup=_orderkey(4192801),
    ),
    _value(
        "super-arithmetic-functions",
        OPERATORS,
        "SELECT x, FLOOR(x), CEIL(x), ROUND(x) FROM (SELECT (c_orders[0]. o_orderkey + 0.5) * c_orders[0].o_orderkey "
        "/ 10 AS x FROM customer_orders_lineitem)",
        "1389636795898.0500",
        "1389636795898",
        "1389636795899",
        "1389636795898",
        setup=_orderkey(3727783),
    ),
    # "Binary operator + performs addition if the inputs are numbers or concatenation if the inputs are string."
    _value("super-plus-adds-or-concatenates", OPERATORS, "SELECT i + j, a + b FROM n", "3", '"abcd"', setup=_OPERANDS),
    # "If one operand is a string and the other operand is a number, the result is null."
    _value(
        "super-plus-string-and-number-is-null", OPERATORS, "SELECT a + i, i + a FROM n", None, None, setup=_OPERANDS
    ),
    # "For all operators, except for the binary operator +, the input operands must be numbers. Otherwise ... null."
    _value(
        "super-operators-need-numbers",
        OPERATORS,
        "SELECT a - i, a * j, a / j, a % j, b - a FROM n",
        None,
        None,
        None,
        None,
        None,
        setup=_OPERANDS,
    ),
    _value("super-unary-operators-need-numbers", OPERATORS, "SELECT -a, +a FROM n", None, None, setup=_OPERANDS),
    # A float operand promotes the other and gives a float; decimals stay decimals.
    _value(
        "super-float-operand-promotes",
        OPERATORS,
        "SELECT is_float(f + i), is_decimal(d * j), is_float(d * j) FROM n",
        True,
        True,
        False,
        setup=_OPERANDS,
    ),
    # "The ABS function retains the scale of the input decimal".
    _value("super-abs-keeps-the-scale", OPERATORS, "SELECT ABS(d) FROM n", "2.50", setup=_OPERANDS),
    # The arithmetic functions "return null if the input isn't a number".
    _value(
        "super-arithmetic-functions-need-numbers",
        OPERATORS,
        "SELECT FLOOR(a), CEIL(a), CEILING(a), ROUND(a), TRUNC(a), ABS(a) FROM n",
        None,
        None,
        None,
        None,
        None,
        None,
        setup=_OPERANDS,
    ),
]

_CASTS = [
    _value("super-cast-integer-to-bool", LIMITATIONS, "SELECT 5::super::bool", True),
    _value("super-cast-decimal-to-bool-is-null", LIMITATIONS, "SELECT 5.0::super::bool", None),
    Case(
        id="super-numeric-to-bool-without-super",
        page=LIMITATIONS,
        sql="SELECT 5.0::bool",
        expect=Refused("42846", "cannot cast type numeric to boolean"),
    ),
    Case(
        id="super-date-not-castable-to-super",
        page=LIMITATIONS,
        sql="SELECT '2019-09-09'::date::super",
        expect=Refused("42846", "cannot cast type date to super"),
    ),
    Case(
        id="super-object-refuses-a-date",
        page=OBJECT,
        sql="select object('k', '2008-12-31'::date)",
        expect=Refused("42846", "OBJECT could not convert type date to super"),
    ),
    _value(
        "super-date-string-prints-quoted",
        LIMITATIONS,
        "SELECT o.o_orderdate, JSON_TYPEOF(o.o_orderdate) FROM customer_orders_lineitem c,c.c_orders o",
        '"2001-09-08"',
        "string",
        setup=_ORDER_DATE,
    ),
    _value(
        "super-cast-string-to-date",
        LIMITATIONS,
        "SELECT o.o_orderdate::date FROM customer_orders_lineitem c,c.c_orders o",
        datetime.date(2001, 9, 8),
        setup=_ORDER_DATE,
    ),
    # "it can't cast the string value 'Good' of the object attribute o_orderstatus to INTEGER" - null, no error.
    _value(
        "super-cast-string-to-integer-is-null",
        QUERY_SUPER,
        "SELECT s.o_orderstatus::integer FROM t",
        None,
        setup=_one_super('JSON_PARSE(\'{"o_orderstatus":"Good"}\')'),
    ),
    _value(
        "super-cast-string-to-varchar",
        EXAMPLES,
        "select all_data.data.pnr.pnrid::varchar from test_json",
        "123PQRS-2024-09-20",
        setup=_TEST_JSON,
    ),
    # "SUPER values can be cast to and from other data types": numbers to the numeric types.
    _value(
        "super-cast-numbers",
        LIMITATIONS,
        "SELECT i::int, d::decimal(5,2), f::float FROM n",
        1,
        Decimal("-2.50"),
        2.22,
        setup=_OPERANDS,
    ),
    # "Cast from non-scalar values (object and array) to string returns NULL"; serialize them instead.
    _value(
        "super-array-selected-is-serialized",
        LIMITATIONS,
        "SELECT r_nations FROM region_nations WHERE r_regionkey=300",
        '[1,"abc",null]',
        setup=_REGION_NATIONS,
    ),
    _value(
        "super-cast-array-to-varchar-is-null",
        LIMITATIONS,
        "SELECT r_nations::varchar FROM region_nations WHERE r_regionkey=300",
        None,
        setup=_REGION_NATIONS,
    ),
    _value(
        "super-serialize-array",
        LIMITATIONS,
        "SELECT JSON_SERIALIZE(r_nations) FROM region_nations WHERE r_regionkey=300",
        '[1,"abc",null]',
        setup=_REGION_NATIONS,
    ),
    # A JSON text inserted without JSON_PARSE is "a single long string ... the difference is noted in JSON_TYPEOF";
    # navigating into a string gives null.
    _value(
        "super-json-text-inserted-is-a-string",
        QUERY_SUPER,
        "SELECT JSON_TYPEOF(s), s.a FROM t",
        "string",
        None,
        setup=_one_super("'{\"a\":1}'"),
    ),
]

_FUNCTIONS = [
    _value("super-json-parse-typeof", JSON_PARSE, "SELECT JSON_TYPEOF(JSON_PARSE('[10001,10002,\"abc\"]'))", "array"),
    _value("super-json-typeof-array", JSON_TYPEOF, "SELECT JSON_TYPEOF(ARRAY(1,2))", "array"),
    _value("super-json-typeof-object", JSON_TYPEOF, 'SELECT JSON_TYPEOF(JSON_PARSE(\'{"name":"Joe"}\'))', "object"),
    # The page's list of values: boolean, number, string, object, array, or null (object of our own).
    _value(
        "super-json-typeof-scalars",
        JSON_TYPEOF,
        "SELECT JSON_TYPEOF(s.n), JSON_TYPEOF(s.s), JSON_TYPEOF(s.b) FROM t",
        "number",
        "string",
        "boolean",
        setup=_one_super('JSON_PARSE(\'{"n":1.5,"s":"a","b":false}\')'),
    ),
    _value(
        "super-json-serialize",
        JSON_SERIALIZE,
        "SELECT JSON_SERIALIZE(JSON_PARSE('[10001,10002,\"abc\"]'))",
        '[10001,10002,"abc"]',
    ),
    # "If super_expression is NULL, JSON_SERIALIZE returns the JSON string 'null'."
    _value(
        "super-json-serialize-null", JSON_SERIALIZE, "SELECT JSON_SERIALIZE(s) FROM t", "null", setup=_one_super("NULL")
    ),
    _value(
        "super-json-serialize-to-varbyte",
        JSON_SERIALIZE_TO_VARBYTE,
        "SELECT JSON_SERIALIZE_TO_VARBYTE(JSON_PARSE('[10001,10002,\"abc\"]')), "
        "JSON_SERIALIZE_TO_VARBYTE(JSON_PARSE('[10001,10002,\"abc\"]'))::VARCHAR",
        "5b31303030312c31303030322c22616263225d",
        '[10001,10002,"abc"]',
    ),
    # True for JSON, false for other text and for empty strings, NULL for NULL.
    _value(
        "super-can-json-parse",
        CAN_JSON_PARSE,
        "SELECT CAN_JSON_PARSE('[10001,10002,\"abc\"]'), CAN_JSON_PARSE('This is a string.'), CAN_JSON_PARSE(''), "
        "CAN_JSON_PARSE(NULL)",
        True,
        False,
        False,
        None,
    ),
    _value(
        "super-can-json-parse-case",
        CAN_JSON_PARSE,
        "SELECT CASE WHEN CAN_JSON_PARSE('[10001,10002,\"abc\"]') THEN JSON_PARSE('[10001,10002,\"abc\"]') END",
        '[10001,10002,"abc"]',
    ),
    # The CASE is of type SUPER, so its ELSE string prints as a string scalar.
    _value(
        "super-can-json-parse-else",
        CAN_JSON_PARSE,
        "SELECT CASE WHEN CAN_JSON_PARSE('This is a string.') THEN JSON_PARSE('This is a string.') "
        "ELSE 'This is not JSON.' END",
        '"This is not JSON."',
    ),
    # --- type information ---------------------------------------------------------------------------------------
    _value("super-is-array", IS_ARRAY, "SELECT is_array(JSON_PARSE('[1,2]'))", True),
    # "The function also includes empty arrays"; IS_OBJECT includes empty objects; IS_SCALAR is neither.
    _value(
        "super-empty-array-and-object",
        IS_OBJECT,
        "SELECT is_array(JSON_PARSE('[]')), is_object(JSON_PARSE('{}')), is_scalar(JSON_PARSE('[]')), "
        "is_scalar(JSON_PARSE('{}'))",
        True,
        True,
        False,
        False,
    ),
    _value(
        "super-is-scalar",
        IS_SCALAR,
        "SELECT s, is_scalar(s.name), is_scalar(s) FROM t",
        '{"name":"Joe"}',
        True,
        False,
        setup=_one_super('JSON_PARSE(\'{"name": "Joe"}\')'),
    ),
    # "All these functions return false if the input value is null."
    _value(
        "super-type-functions-of-null",
        QUERY_SUPER,
        "SELECT is_array(s), is_object(s), is_scalar(s), is_varchar(s), is_integer(s), is_boolean(s) FROM t",
        False,
        False,
        False,
        False,
        False,
        False,
        setup=_one_super("NULL"),
    ),
    # The ranges: SMALLINT 16-bit, INTEGER 32-bit, BIGINT 64-bit, each a superset of the one before; IS_DECIMAL a
    # superset of IS_BIGINT; IS_FLOAT disjoint from IS_DECIMAL.
    Case(
        id="super-integer-ranges",
        page=IS_BIGINT,
        setup=("CREATE TABLE t (i INT, s SUPER)", "INSERT INTO t VALUES (1, 100000), (2, 3000000000), (3, 2.5::FLOAT)"),
        sql="SELECT i, is_smallint(s), is_integer(s), is_bigint(s), is_decimal(s), is_float(s) FROM t ORDER BY i",
        expect=Rows(
            [
                (1, False, True, True, True, False),
                (2, False, False, True, True, False),
                (3, False, False, False, False, True),
            ]
        ),
    ),
    # IS_CHAR is true for strings of ASCII characters only; IS_VARCHAR for all strings.
    _value(
        "super-char-is-ascii", IS_CHAR, "SELECT is_char(s), is_varchar(s) FROM t", False, True, setup=_one_super("'é'")
    ),
    _value(
        "super-decimal-precision",
        DECIMAL_PRECISION,
        "SELECT decimal_precision(s) FROM t",
        6,
        setup=_one_super("3.14159"),
    ),
    _value("super-decimal-scale", DECIMAL_SCALE, "SELECT decimal_scale(s) FROM t", 5, setup=_one_super("3.14159")),
    _value("super-json-size-counts-bytes", JSON_SIZE, "SELECT JSON_SIZE(JSON_PARSE('[10001,10002,\"⬤\"]'))", 19),
    # --- arrays -------------------------------------------------------------------------------------------------
    _value(
        "super-array-concat",
        ARRAY_CONCAT,
        "SELECT ARRAY_CONCAT(ARRAY(10001,10002),ARRAY(10003,10004)), ARRAY_CONCAT(ARRAY(10001,10002),ARRAY('ab','cd'))",
        "[10001,10002,10003,10004]",
        '[10001,10002,"ab","cd"]',
    ),
    _value(
        "super-array-concat-of-parsed",
        OPERATORS,
        "SELECT ARRAY_CONCAT(JSON_PARSE('[10001,10002]'),JSON_PARSE('[10003,10004]'))",
        "[10001,10002,10003,10004]",
    ),
    # ARRAY_CONCAT and ARRAY_FLATTEN "return a null instead of an error if the input isn't an array".
    _value(
        "super-array-functions-of-non-arrays",
        OPERATORS,
        "SELECT ARRAY_CONCAT(JSON_PARSE('{\"a\":1}'), ARRAY(1)), ARRAY_FLATTEN(5::super)",
        None,
        None,
    ),
    _value(
        "super-array-flatten",
        ARRAY_FLATTEN,
        "SELECT ARRAY_FLATTEN(ARRAY(ARRAY(1,2,3,4),ARRAY(5,6,7,8),ARRAY(9,10)))",
        "[1,2,3,4,5,6,7,8,9,10]",
    ),
    _value(
        "super-array-flatten-nested",
        OPERATORS,
        "SELECT x, ARRAY_FLATTEN(x) FROM (SELECT ARRAY(1, ARRAY(2, ARRAY(3, ARRAY()))) AS x)",
        "[1,[2,[3,[]]]]",
        "[1,2,3]",
    ),
    _value("super-get-array-length", GET_ARRAY_LENGTH, "SELECT GET_ARRAY_LENGTH(ARRAY(1,2,3,4,5,6,7,8,9,10))", 10),
    _value("super-split-to-array", SPLIT_TO_ARRAY, "SELECT SPLIT_TO_ARRAY('12|345|6789', '|')", '["12","345","6789"]'),
    # "If no delimiter is present, then the default is a comma."
    _value("super-split-to-array-comma", SPLIT_TO_ARRAY, "SELECT SPLIT_TO_ARRAY('12,345')", '["12","345"]'),
    _value("super-subarray", SUBARRAY, "SELECT SUBARRAY(ARRAY('a', 'b', 'c', 'd', 'e', 'f'), 2, 3)", '["c","d","e"]'),
    _value("super-array-contains", ARRAY_CONTAINS, "SELECT ARRAY_CONTAINS(ARRAY('red', 'green'), 'red')", True),
    _value(
        "super-array-contains-nulls",
        ARRAY_CONTAINS,
        "SELECT ARRAY_CONTAINS(ARRAY('red', NULL, 'green'), NULL), ARRAY_CONTAINS(ARRAY('red', NULL, 'green'), 'blue', "
        "TRUE)",
        True,
        False,
        setup=("SET default_array_search_null_handling to TRUE",),
    ),
    _value(
        "super-array-position",
        ARRAY_POSITION,
        "SELECT ARRAY_POSITION(ARRAY('red', 'green'), 'red'), ARRAY_POSITION(ARRAY(1, 2, 3), 4), "
        "ARRAY_POSITION(ARRAY('red', 'green', 'red'), 'red'), ARRAY_POSITION(ARRAY('red', NULL, 'green'), NULL)",
        0,
        -1,
        0,
        1,
    ),
    _value(
        "super-array-positions",
        ARRAY_POSITIONS,
        "SELECT ARRAY_POSITIONS(ARRAY('red', 'green', 'red'), 'red'), ARRAY_POSITIONS(ARRAY(1, 2, 3), 4)",
        "[0,2]",
        "[]",
    ),
    # --- objects ------------------------------------------------------------------------------------------------
    _value("super-object-empty", OBJECT, "select object()", "{}"),
    _value(
        "super-object-of-values", OBJECT, "select object('a', 1, 'b', true, 'c', 3.14)", '{"a":1,"b":true,"c":3.14}'
    ),
    _value(
        "super-object-nested",
        OBJECT,
        "select object('a', object('aa', 1), 'b', array(2,3), 'c', json_parse('{}'))",
        '{"a":{"aa":1},"b":[2,3],"c":{}}',
    ),
    Case(
        id="super-object-from-columns",
        page=OBJECT,
        setup=(
            "create table bar (k varchar, v super)",
            "insert into bar values ('k1', json_parse('[1]')), ('k2', json_parse('{}'))",
        ),
        sql="select object(k, v) from bar",
        expect=Rows([('{"k1":[1]}',), ('{"k2":{}}',)], ordered=False),
    ),
    # "All path values specified in this clause are kept" (object of our own); an input that isn't an object is
    # returned whatever KEEP says.
]

_UNNESTING = [
    Case(
        id="super-unnest-at-index",
        page=QUERY_SUPER,
        setup=_CUSTOMERS,
        sql="SELECT c_name, orders.o_orderkey AS orderkey, index AS orderkey_index "
        "FROM customer_orders_lineitem c, c.c_orders AS orders AT index ORDER BY orderkey_index",
        expect=Rows([("Customer#000008251", "3020007", 0), ("Customer#000009452", "4043971", 0)], ordered=False),
    ),
    Case(
        id="super-unnest-scalar-array",
        page=QUERY_SUPER,
        setup=("CREATE TABLE bar AS SELECT json_parse('{\"scalar_array\": [1, 2.3, 45000000]}') AS data",),
        sql="SELECT index, element FROM bar AS b, b.data.scalar_array AS element AT index ORDER BY index",
        expect=Rows([(0, "1"), (1, "2.3"), (2, "45000000")]),
    ),
    Case(
        id="super-unnest-multi-level",
        page=QUERY_SUPER,
        setup=("CREATE TABLE foo AS SELECT json_parse('[[1.1, 1.2], [2.1, 2.2], [3.1, 3.2]]') AS multi_level_array",),
        sql="SELECT array, element FROM foo AS f, f.multi_level_array AS array, array AS element",
        expect=Rows(
            [
                ("[1.1,1.2]", "1.1"),
                ("[1.1,1.2]", "1.2"),
                ("[2.1,2.2]", "2.1"),
                ("[2.1,2.2]", "2.2"),
                ("[3.1,3.2]", "3.1"),
                ("[3.1,3.2]", "3.2"),
            ],
            ordered=False,
        ),
    ),
    Case(
        id="super-unnest-with-casts",
        page=EXAMPLES,
        setup=(*_TEST_JSON, "SET enable_case_sensitive_super_attribute TO true"),
        sql="SELECT a.all_data.data.pnr.type::varchar type_info, a.all_data.data.pnr.pnrid::varchar pnr_id, "
        "a.all_data.data.pnr.bookingIdentifier::varchar booking_id, a.all_data.data.pnr.version::varchar version_info, "
        "b.eventType::varchar event_type, b.id::varchar event_id FROM test_json a, a.all_data.data.pnr.events b",
        expect=Rows(
            [
                ("pnr", "123PQRS-2024-09-20", "123PQRS", "5", "UPDATED", "123PQRS-2024-09-20-HO-1"),
                ("pnr", "123PQRS-2024-09-20", "123PQRS", "5", "CREATED", "123PQRS-2024-09-20-OT-38"),
            ],
            ordered=False,
        ),
    ),
    # The page's attribute names and value types, on an order of our own holding those attributes.
    Case(
        id="super-unpivot-object",
        page=QUERY_SUPER,
        setup=(
            "CREATE TABLE customer_orders_lineitem (c_custkey INT, c_orders SUPER)",
            'INSERT INTO customer_orders_lineitem VALUES (9451, JSON_PARSE(\'[{"o_orderstatus":"F",'
            '"o_clerk":"Clerk#000000001","o_lineitems":[],"o_orderdate":"1992-01-01","o_shippriority":0,'
            '"o_totalprice":1.50,"o_orderkey":1,"o_comment":"c","o_orderpriority":"1-URGENT"}]\'))',
        ),
        sql="SELECT attr as attribute_name, json_typeof(val) as value_type "
        "FROM customer_orders_lineitem c, UNPIVOT c.c_orders[0] AS val AT attr WHERE c_custkey = 9451",
        expect=Rows(
            [
                ("o_orderstatus", "string"),
                ("o_clerk", "string"),
                ("o_lineitems", "array"),
                ("o_orderdate", "string"),
                ("o_shippriority", "number"),
                ("o_totalprice", "number"),
                ("o_orderkey", "number"),
                ("o_comment", "string"),
                ("o_orderpriority", "string"),
            ],
            ordered=False,
        ),
    ),
]

CASES = [*_PRINTING, *_NAVIGATION, *_DYNAMIC_TYPING, *_CASTS, *_FUNCTIONS, *_UNNESTING]
