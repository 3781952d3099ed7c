"""Numbers as Redshift computes them: DECIMAL's default precision and scale, the result types of AVG and SUM, of
DECIMAL arithmetic (where the statement states the operands' types) and of the math functions, and APPROXIMATE
COUNT(DISTINCT ...).

The rules follow the Developer Guide's "Numeric types" (r_Numeric_types201), "Computations with numeric values"
(r_numeric_computations201), the AVG and SUM pages and the math function pages.
"""

from __future__ import annotations

from sqlglot import exp

from local_redshift.translation.rule import Context, Rule, call_of, catalog_call, node_is

DEFAULT_PRECISION, DEFAULT_SCALE = 18, 0  # DECIMAL without them (r_Numeric_types201)
MAX_PRECISION = 38

# An integer operand of a DECIMAL computation counts as a DECIMAL of this precision (r_numeric_computations201).
_INTEGER_PRECISION = {exp.DType.SMALLINT: 5, exp.DType.INT: 10, exp.DType.BIGINT: 19}
_FLOATS = {exp.DType.FLOAT, exp.DType.DOUBLE}
_INT4_RANGE = range(-(2**31), 2**31)
_INT8_RANGE = range(-(2**63), 2**63)

NumericType = tuple[str, int, int]
"""("integer" | "decimal" | "float", precision, scale): what the statement says of an expression's type."""


def decimal_default_precision(data_type: exp.DataType, _: Context) -> exp.Expr:
    """DECIMAL and NUMERIC without a precision are DECIMAL(18,0), in DDL and in casts alike."""
    if data_type.this == exp.DType.DECIMAL and not data_type.expressions:
        return exp.DataType.build(f"DECIMAL({DEFAULT_PRECISION}, {DEFAULT_SCALE})")
    return data_type


def numeric_type(node: exp.Expr) -> NumericType | None:
    """The numeric type of a literal, a cast, or a computation of those; None when the statement does not say."""
    if isinstance(node, (exp.Paren, exp.Neg)):
        return numeric_type(node.this)
    if isinstance(node, exp.Literal) and not node.is_string:
        return _literal_type(node.this)
    if isinstance(node, exp.Cast) and isinstance(node.to, exp.DataType):
        return _declared_type(node.to)
    if isinstance(node, (exp.Add, exp.Sub, exp.Mul, exp.Div)):
        left, right = numeric_type(node.this), numeric_type(node.expression)
        return None if left is None or right is None else _computed_type(node, left, right)
    return None


def _literal_type(text: str) -> NumericType | None:
    if "e" in text.lower():
        return ("float", 0, 0)
    if "." not in text:
        value = int(text)
        if value in _INT4_RANGE:
            return ("integer", _INTEGER_PRECISION[exp.DType.INT], 0)
        if value in _INT8_RANGE:
            return ("integer", _INTEGER_PRECISION[exp.DType.BIGINT], 0)
        return ("decimal", len(text.lstrip("-")), 0)
    whole, fraction = text.lstrip("-").split(".", 1)
    return ("decimal", max(len(whole.lstrip("0")) + len(fraction), 1), len(fraction))


def _declared_type(data_type: exp.DataType) -> NumericType | None:
    if data_type.this in _INTEGER_PRECISION:
        return ("integer", _INTEGER_PRECISION[data_type.this], 0)
    if data_type.this in _FLOATS:
        return ("float", 0, 0)
    params = [int(param.name) for param in data_type.expressions if param.name.isdigit()]
    if data_type.this == exp.DType.DECIMAL and params:  # without them, a rule's own cast to PostgreSQL's NUMERIC
        precision, scale = [*params, DEFAULT_SCALE][:2]
        return ("decimal", precision, scale)
    return None


def _computed_type(node: exp.Expr, left: NumericType, right: NumericType) -> NumericType:
    """The return type table and the precision and scale rules of r_numeric_computations201."""
    kinds = {left[0], right[0]}
    if "float" in kinds:
        return ("float", 0, 0)
    if kinds == {"integer"}:
        return ("integer", max(left[1], right[1]), 0)
    (p1, s1), (p2, s2) = left[1:], right[1:]
    if isinstance(node, (exp.Add, exp.Sub)):
        scale = max(s1, s2)
        precision = max(p1 - s1, p2 - s2) + 1 + scale
    elif isinstance(node, exp.Mul):
        scale, precision = s1 + s2, p1 + p2 + 1
    else:
        scale = max(4, s1 + p2 - s2 + 1)
        precision = p1 - s1 + s2 + scale
    precision = min(precision, MAX_PRECISION)
    return ("decimal", precision, min(scale, precision))


def decimal_computation_type(computation: exp.Binary, _: Context) -> exp.Expr:
    """+, -, * and / of DECIMAL operands whose types the statement states: the result has the precision and scale
    of "Computations with numeric values" (a CTAS column's type included); a quotient is rounded to that scale."""
    computed = numeric_type(computation)
    if computed is None or computed[0] != "decimal":
        return computation
    _, precision, scale = computed
    return exp.cast(computation, exp.DataType.build(f"DECIMAL({precision}, {scale})"))


def average_or_sum(aggregate: exp.Avg | exp.Sum, _: Context) -> exp.Expr:
    """AVG and SUM with Redshift's result types: BIGINT for integers (AVG truncated), DOUBLE PRECISION for floats,
    DECIMAL of the argument's scale for DECIMAL (catalog_sql/44_numeric_and_window_functions.sql)."""
    return catalog_call("avg" if isinstance(aggregate, exp.Avg) else "sum", aggregate.this)


def double_precision_argument(function: exp.Func, _: Context) -> exp.Expr:
    """POWER, SQRT, EXP, LN, LOG and CBRT return DOUBLE PRECISION whatever the numeric argument."""
    function.set("this", exp.cast(function.this, exp.DType.DOUBLE))
    if isinstance(function, exp.Pow):
        function.set("expression", exp.cast(function.expression, exp.DType.DOUBLE))
    return function


_REDSHIFT_DOUBLE_FUNCTIONS = {"DEXP": "EXP", "DLOG1": "LN", "DLOG10": "LOG"}


def redshift_double_function(call: exp.Anonymous, _: Context) -> exp.Expr:
    """DEXP, DLOG1 and DLOG10: EXP, LN and LOG (base 10) of a DOUBLE PRECISION."""
    [argument] = call.expressions
    name = call.name.upper()
    computed = exp.Anonymous(this=_REDSHIFT_DOUBLE_FUNCTIONS[name], expressions=[exp.cast(argument, exp.DType.DOUBLE)])
    if isinstance(call.parent, exp.Select) and call.arg_key == "expressions":  # the column keeps its name
        return exp.alias_(computed, name.lower())
    return computed


def round_or_trunc_to_places(function: exp.Round | exp.Trunc, _: Context) -> exp.Expr:
    """ROUND(number, places) and TRUNC(number, places) keep the number's type, DOUBLE PRECISION included."""
    name = "round" if isinstance(function, exp.Round) else "trunc"
    return catalog_call(name, function.this, function.args["decimals"])


def approximate_count_distinct(approximate: exp.ApproxDistinct, _: Context) -> exp.Expr:
    """APPROXIMATE COUNT(DISTINCT x): the exact count, which is within the approximation's error."""
    return exp.Count(this=exp.Distinct(expressions=[approximate.this]))


def double_precision_deviation(aggregate: exp.Func, _: Context) -> exp.Expr:
    """STDDEV_SAMP, STDDEV_POP, VAR_SAMP and VAR_POP return DOUBLE PRECISION whatever the argument's type."""
    values = aggregate.this
    if isinstance(values, exp.Distinct):
        values.set("expressions", [exp.cast(value, exp.DType.DOUBLE) for value in values.expressions])
    else:
        aggregate.set("this", exp.cast(values, exp.DType.DOUBLE))
    return aggregate


def _of_one_number_or_power(function: exp.Expr) -> bool:
    return isinstance(function, exp.Pow) or function.args.get("expression") is None


def _has_places(function: exp.Expr) -> bool:
    return function.args.get("decimals") is not None


DECIMAL_DEFAULT_PRECISION = Rule(
    "DECIMAL without precision",
    node_is(exp.DataType, where=lambda t: t.this == exp.DType.DECIMAL),
    decimal_default_precision,
)
DECIMAL_COMPUTATIONS = Rule(
    "DECIMAL computations", node_is(exp.Add, exp.Sub, exp.Mul, exp.Div), decimal_computation_type
)
AVERAGE_AND_SUM = Rule("AVG and SUM result types", node_is(exp.Avg, exp.Sum), average_or_sum)
DOUBLE_PRECISION_FUNCTIONS = Rule(
    "POWER, SQRT, EXP, LN, LOG, CBRT",
    node_is(exp.Pow, exp.Sqrt, exp.Exp, exp.Ln, exp.Cbrt, exp.Log, where=_of_one_number_or_power),
    double_precision_argument,
)
REDSHIFT_DOUBLE_FUNCTIONS = Rule("DEXP, DLOG1, DLOG10", call_of(*_REDSHIFT_DOUBLE_FUNCTIONS), redshift_double_function)
ROUND_AND_TRUNC_TO_PLACES = Rule(
    "ROUND and TRUNC to places", node_is(exp.Round, exp.Trunc, where=_has_places), round_or_trunc_to_places
)
APPROXIMATE_COUNT_DISTINCT = Rule(
    "APPROXIMATE COUNT(DISTINCT ...)", node_is(exp.ApproxDistinct), approximate_count_distinct
)
DOUBLE_PRECISION_DEVIATIONS = Rule(
    "STDDEV and VARIANCE",
    node_is(exp.Stddev, exp.StddevSamp, exp.StddevPop, exp.Variance, exp.VariancePop),
    double_precision_deviation,
)
