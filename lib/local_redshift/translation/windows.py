"""Window functions PostgreSQL lacks or runs otherwise: RATIO_TO_REPORT, LISTAGG, MEDIAN, PERCENTILE_CONT and
PERCENTILE_DISC over a partition, and FIRST_VALUE, LAST_VALUE, NTH_VALUE, LAG and LEAD ... IGNORE NULLS.

What PostgreSQL cannot compute over a window is computed from ARRAY_AGG of the window's values by the functions
of catalog_sql/44_numeric_and_window_functions.sql. The frame rules (ROWS only; an aggregate with ORDER BY needs a
frame) are in `rejected`.
"""

from __future__ import annotations

from sqlglot import exp

from local_redshift.errors import UnsupportedFeature
from local_redshift.translation.rule import Context, Rule, catalog_call, node_is, string_literal

_PERCENTILE_NAMES = {exp.Median: "MEDIAN", exp.PercentileCont: "PERCENTILE_CONT", exp.PercentileDisc: "PERCENTILE_DISC"}


def _partition_only(window: exp.Window, function: str) -> exp.Window:
    """A window over the partition of `window`, which may have no ORDER BY nor frame (as these functions' pages say)."""
    if window.args.get("order") or window.args.get("spec"):
        raise UnsupportedFeature.of(f"An ORDER BY or frame clause in the OVER clause of {function}")
    return exp.Window(partition_by=[p.copy() for p in window.args.get("partition_by") or []], over="OVER")


def _over(function: exp.Expr, window: exp.Window, **changes: object) -> exp.Window:
    copy = window.copy()
    copy.set("this", function)
    for key, value in changes.items():
        copy.set(key, value)
    return copy


def _named(window: exp.Window, computed: exp.Expr, name: str) -> exp.Expr:
    """An unaliased select-list column keeps the name Redshift gives it (the function's)."""
    if isinstance(window.parent, exp.Select) and window.arg_key == "expressions":
        return exp.alias_(computed, name)
    return computed


def ratio_to_report(window: exp.Window, _: Context) -> exp.Expr:
    """RATIO_TO_REPORT(x) OVER (PARTITION BY ...): x over the partition's sum of x, a FLOAT8."""
    [value] = window.this.expressions
    as_double = exp.cast(value, exp.DType.DOUBLE)
    total = _over(exp.Sum(this=as_double.copy()), _partition_only(window, "RATIO_TO_REPORT"))
    return _named(window, exp.Div(this=as_double, expression=total), "ratio_to_report")


def _within_group(window: exp.Window) -> tuple[exp.Expr, exp.Ordered | None]:
    """The function of a window and the one ORDER BY of its WITHIN GROUP, if any."""
    if isinstance(window.this, exp.WithinGroup):
        order = window.this.expression
        return window.this.this, order.expressions[0] if isinstance(order, exp.Order) else None
    return window.this, None


def percentile_over_partition(window: exp.Window, _: Context) -> exp.Expr:
    """MEDIAN(x), PERCENTILE_CONT(f) and PERCENTILE_DISC(f) WITHIN GROUP (ORDER BY x) OVER (PARTITION BY ...)."""
    function, ordered = _within_group(window)
    partition = _partition_only(window, _PERCENTILE_NAMES[type(function)])
    if isinstance(function, exp.Median):
        fraction: exp.Expr = exp.Literal.number("0.5")
        values = function.this
    else:
        if ordered is None:
            raise UnsupportedFeature.of(f"{_PERCENTILE_NAMES[type(function)]} without WITHIN GROUP (ORDER BY ...)")
        fraction, values = function.this, ordered.this
    descending = bool(ordered is not None and ordered.args.get("desc"))
    array = _over(exp.ArrayAgg(this=values.copy()), partition)
    name = _PERCENTILE_NAMES[type(function)].lower()
    if isinstance(function, exp.PercentileDisc):
        return _named(window, catalog_call(name, fraction.copy(), array, exp.Boolean(this=descending)), name)
    if descending:
        fraction = exp.Sub(this=exp.Literal.number(1), expression=exp.cast(fraction.copy(), exp.DType.DOUBLE))
    return _named(window, catalog_call("percentile_cont", fraction.copy(), array), name)


def listagg_over_partition(window: exp.Window, _: Context) -> exp.Expr:
    """LISTAGG([DISTINCT] x, delimiter) [WITHIN GROUP (ORDER BY ...)] OVER (PARTITION BY ...): the partition's
    values in the WITHIN GROUP order, NULLs and empty strings left out, joined by the delimiter (none when it is
    not given)."""
    aggregate = window.this.this if isinstance(window.this, exp.WithinGroup) else window.this
    values = aggregate.this
    distinct = isinstance(values, exp.Distinct)
    value, *rest = values.expressions if distinct else [values]
    delimiter = rest[0] if rest else aggregate.args.get("separator") or string_literal("")
    partition = _partition_only(window, "LISTAGG")
    if isinstance(window.this, exp.WithinGroup):
        partition.set("order", window.this.expression.copy())
        partition.set(
            "spec",
            exp.WindowSpec(
                kind="ROWS", start="UNBOUNDED", start_side="PRECEDING", end="UNBOUNDED", end_side="FOLLOWING"
            ),
        )
    array = _over(exp.ArrayAgg(this=exp.cast(value.copy(), exp.DType.TEXT)), partition)
    return _named(window, catalog_call("listagg", array, delimiter.copy(), exp.Boolean(this=distinct)), "listagg")


def _ignoring_nulls(function: exp.Expr) -> tuple[exp.Expr, exp.Expr, bool, dict[str, object]]:
    """What the n-th value IGNORE NULLS is taken from: the value, n, from the end?, and the frame to take it in."""
    if isinstance(function, exp.FirstValue):
        return function.this, exp.Literal.number(1), False, {}
    if isinstance(function, exp.LastValue):
        return function.this, exp.Literal.number(1), True, {}
    if isinstance(function, exp.NthValue):
        return function.this, function.args["offset"], False, {}
    offset = function.args.get("offset") or exp.Literal.number(1)
    if function.args.get("default") is not None:
        raise UnsupportedFeature.of(
            f"{function.sql_name()} with a default value and IGNORE NULLS", by="the local Redshift"
        )
    before = isinstance(function, exp.Lag)
    spec = exp.WindowSpec(
        kind="ROWS",
        start="UNBOUNDED" if before else exp.Literal.number(1),
        start_side="PRECEDING" if before else "FOLLOWING",
        end=exp.Literal.number(1) if before else "UNBOUNDED",
        end_side="PRECEDING" if before else "FOLLOWING",
    )
    return function.this, offset, before, {"spec": spec}


def ignore_nulls(window: exp.Window, _: Context) -> exp.Expr:
    """FIRST_VALUE, LAST_VALUE, NTH_VALUE, LAG and LEAD ... IGNORE NULLS: the n-th value not NULL of the frame
    (for LAG the rows before the current one, for LEAD the rows after it)."""
    function = window.this.this
    value, n, from_last, changes = _ignoring_nulls(function)
    array = _over(exp.ArrayAgg(this=value.copy()), window, **changes)
    computed = catalog_call("nth_value_ignoring_nulls", array, n.copy(), exp.Boolean(this=from_last))
    return _named(window, computed, function.sql_name().lower())


def respect_nulls(window: exp.Window, _: Context) -> exp.Expr:
    """... RESPECT NULLS is the default."""
    window.set("this", window.this.this)
    return window


def _is_ratio_to_report(window: exp.Window) -> bool:
    return isinstance(window.this, exp.Anonymous) and window.this.name.upper() == "RATIO_TO_REPORT"


def _is_percentile(window: exp.Window) -> bool:
    function = window.this.this if isinstance(window.this, exp.WithinGroup) else window.this
    return isinstance(function, tuple(_PERCENTILE_NAMES))


def _is_listagg(window: exp.Window) -> bool:
    function = window.this.this if isinstance(window.this, exp.WithinGroup) else window.this
    return isinstance(function, exp.GroupConcat)


_VALUE_FUNCTIONS = (exp.FirstValue, exp.LastValue, exp.NthValue, exp.Lag, exp.Lead)

RATIO_TO_REPORT = Rule("RATIO_TO_REPORT", node_is(exp.Window, where=_is_ratio_to_report), ratio_to_report)
PERCENTILES_OVER_PARTITION = Rule(
    "MEDIAN, PERCENTILE_CONT and PERCENTILE_DISC as window functions",
    node_is(exp.Window, where=_is_percentile),
    percentile_over_partition,
)
LISTAGG_OVER_PARTITION = Rule(
    "LISTAGG as a window function", node_is(exp.Window, where=_is_listagg), listagg_over_partition
)
IGNORE_NULLS = Rule(
    "IGNORE NULLS",
    node_is(
        exp.Window, where=lambda w: isinstance(w.this, exp.IgnoreNulls) and isinstance(w.this.this, _VALUE_FUNCTIONS)
    ),
    ignore_nulls,
)
RESPECT_NULLS = Rule(
    "RESPECT NULLS", node_is(exp.Window, where=lambda w: isinstance(w.this, exp.RespectNulls)), respect_nulls
)
