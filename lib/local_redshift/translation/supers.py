"""SUPER: the type redshift_system.super of the catalog (catalog_sql/48_super.sql), whose text is the JSON Redshift
prints, with PartiQL navigation and unnesting and the SUPER functions under their Redshift names.

Navigation ("Navigation"): `c.c_orders[0].o_orderkey` reads an attribute with a dot and an element with brackets. A
dotted name whose first part is not a relation of the query (`t.doc.a`, `doc.a`) is a column and its attributes; an
attribute's name is folded to lower case, as Redshift folds identifiers. Unnesting ("Unnesting queries"): `FROM t AS c,
c.c_orders AS o [AT i]` ranges `o` over the array's elements (`i` their positions); what is not an array gives none.
Unpivoting ("Object unpivoting"): `FROM t AS c, UNPIVOT c.doc AS v AT k` ranges `v` over an object's values and `k` over
their names. A string literal is a string scalar where Redshift makes it one: compared with a SUPER path (`c.status =
'P'`), or stored by INSERT ... VALUES and UPDATE ... SET. Elsewhere an untyped literal given a SUPER (`WHERE doc =
'abc'`, a whole column) is read as JSON by PostgreSQL, and one that is not JSON is refused
(errors.UNTYPED_STRING_IN_SUPER).
"""

from __future__ import annotations

from sqlglot import exp

from local_redshift.catalog import SCHEMA
from local_redshift.errors import UnsupportedFeature
from local_redshift.translation.names import case_sensitive, quoted
from local_redshift.translation.parser import SuperUnpivot, UnaryPlus
from local_redshift.translation.rule import Context, Rule, call_of, catalog_call, node_is, type_is
from local_redshift.translation.system import reads_only_the_catalog

SUPER = exp.DataType.build(f"{SCHEMA}.super", udt=True)
_SUPERS = exp.DataType.build(f"{SCHEMA}.super[]", udt=True)
_LITERAL = exp.DataType.build(f"{SCHEMA}.literal", udt=True)
FUNCTIONS = (
    "JSON_SERIALIZE",
    "JSON_SERIALIZE_TO_VARBYTE",
    "CAN_JSON_PARSE",
    "JSON_TYPEOF",
    "JSON_SIZE",
    "IS_OBJECT",
    "IS_SCALAR",
    "IS_BOOLEAN",
    "IS_VARCHAR",
    "IS_CHAR",
    "IS_FLOAT",
    "IS_DECIMAL",
    "IS_SMALLINT",
    "IS_INTEGER",
    "IS_BIGINT",
    "DECIMAL_PRECISION",
    "DECIMAL_SCALE",
    "GET_ARRAY_LENGTH",
    "ARRAY_FLATTEN",
    "SUBARRAY",
    "LOWER_ATTRIBUTE_NAMES",
)
"""The SUPER functions that keep their Redshift names (JSON_PARSE, IS_ARRAY, ARRAY, ARRAY_CONCAT and SPLIT_TO_ARRAY
ARRAY_CONTAINS and ARRAY_POSITION are sqlglot expressions of their own; OBJECT takes values made SUPER)."""
_SUPER_CALLS = {
    "lower_attribute_names",
    "array_positions",
    "super_attribute",
    "super_element",
    "super_of_text",
    "json_parse",
    "super_array",
    "super_object",
    "array_concat",
    "array_flatten",
    "subarray",
    "split_to_array",
}
"""The catalog functions that give a SUPER: a string literal compared with one is a string scalar."""
UNBUILT = ("ARRAY_SORT", "SIZE")
"""SUPER functions the local Redshift does not build, refused by name."""
_QUERIES = (exp.Select, exp.Update, exp.Delete, exp.Merge)


def super_type(_: exp.DataType, __: Context) -> exp.Expr:
    return SUPER.copy()


def as_super(value: exp.Expr) -> exp.Expr:
    """`value` made a SUPER: a string literal as a string scalar, anything else by its cast."""
    if isinstance(value, exp.Literal) and value.is_string:
        return catalog_call("super_of_text", value)
    return exp.Cast(this=value, to=SUPER.copy())


def string_cast_to_super(cast: exp.Cast, _: Context) -> exp.Expr:
    """'abc'::SUPER is the string scalar "abc" ('A'::SUPER prints "A", lower_attribute_names)."""
    return catalog_call("super_of_text", cast.this)


def unbuilt_function(call: exp.Func, _: Context) -> exp.Expr:
    name = "OBJECT_TRANSFORM" if isinstance(call, exp.ObjectTransform) else call.name.upper()
    raise UnsupportedFeature.of(f"The SUPER function {name}", by="the local Redshift")


def super_function(call: exp.Anonymous, _: Context) -> exp.Expr:
    return catalog_call(call.name.lower(), *call.expressions)


def array_search(call: exp.ArrayContains | exp.ArrayPosition | exp.Anonymous, _: Context) -> exp.Expr:
    """ARRAY_CONTAINS, ARRAY_POSITION and ARRAY_POSITIONS (array, value[, null_match])."""
    if isinstance(call, exp.Anonymous):
        name, (array, sought, *null_match) = "array_positions", call.expressions
    else:
        name = "array_contains" if isinstance(call, exp.ArrayContains) else "array_position"
        array, sought = call.this, call.expression
        null_match = [match] if (match := call.args.get("check_null") or call.args.get("null_match")) else []
    return catalog_call(name, array, as_super(sought), *null_match)


def parse_json(call: exp.ParseJSON, _: Context) -> exp.Expr:
    return catalog_call("json_parse", call.this)


def is_array(call: exp.IsArray, _: Context) -> exp.Expr:
    return catalog_call("is_array", call.this)


def split_to_array(call: exp.StringToArray, _: Context) -> exp.Expr:
    return catalog_call("split_to_array", *[part for part in (call.this, call.expression) if part is not None])


def array_concat(call: exp.ArrayConcat, _: Context) -> exp.Expr:
    return catalog_call("array_concat", call.this, *call.expressions)


def array(call: exp.Array, _: Context) -> exp.Expr:
    """ARRAY(1, 'abc', true): a SUPER array of its arguments, each made a SUPER."""
    elements = exp.Array(expressions=[as_super(element) for element in call.expressions], bracket_notation=True)
    return catalog_call("super_array", exp.cast(elements, _SUPERS.copy()))


def super_object(call: exp.Anonymous, _: Context) -> exp.Expr:
    """OBJECT(key, value, ...): the keys as strings, the values made SUPER."""
    pairs = call.expressions
    keys = exp.cast(exp.Array(expressions=pairs[0::2], bracket_notation=True), exp.DataType.build("TEXT[]"))
    values = exp.Array(
        expressions=[catalog_call("object_value", value) for value in pairs[1::2]], bracket_notation=True
    )
    return catalog_call("super_object", keys, exp.cast(values, _SUPERS.copy()))


def element(bracket: exp.Bracket, _: Context) -> exp.Expr:
    """value[0]: an element (brackets count from 0), value['name']: an attribute."""
    [key] = bracket.expressions
    return catalog_call("super_element", bracket.this, key)


def attribute(dot: exp.Dot, _: Context) -> exp.Expr:
    return _attributes(dot.this, [dot.expression])


def column_path(column: exp.Column, _: Context) -> exp.Expr:
    """A dotted name read as a column and the attributes after it."""
    parts = list(column.parts)
    relations, elements = _sources(column)
    if parts[0].name.lower() in elements:
        return _attributes(_element(parts[0].name, qualified=True), parts[1:])
    named = [k for k in range(1, len(parts) - 1) if _dotted(parts[:k]) in relations]
    if not named:
        return _attributes(exp.column(parts[0].copy()), parts[1:])
    k = named[-1]
    qualifier = dict(zip(("table", "db", "catalog"), [part.copy() for part in reversed(parts[:k])], strict=False))
    return _attributes(exp.Column(this=parts[k].copy(), **qualifier), parts[k + 1 :])


def unnested(join: exp.Join, _: Context) -> exp.Expr:
    """FROM ..., c.c_orders AS o [AT i]: the array's elements as `o` (and their positions as `i`); FROM ..., o AS p
    where o is an element unnested before: o's elements."""
    source, function = join.this, "super_elements"
    if isinstance(source, SuperUnpivot):
        path, name, function = source.this, source.args["alias"].name, "super_attributes"
        place = source.args["key"].name if source.args.get("key") else f"{name}_name"
    elif isinstance(source, exp.AtIndex):
        path, name, place = source.this.this, source.this.alias, source.expression.name
    elif isinstance(source, exp.Table):
        path, name = _element(source.name, qualified=True), source.alias
        place = f"{name}_place"
    else:
        path, name = source.expressions[0], source.args["alias"].columns[0].name
        place = f"{name}_place"
    names = [exp.to_identifier(name.lower(), quoted=True), exp.to_identifier(place.lower(), quoted=True)]
    alias = exp.TableAlias(this=names[0].copy(), columns=names)
    join.set("this", exp.Table(this=catalog_call(function, path), alias=alias))
    return join


def unary_plus(plus: UnaryPlus, _: Context) -> exp.Expr:
    """+x: a number, or NULL for a SUPER that is not one ("Operators and functions")."""
    return catalog_call("unary_plus", plus.this)


def string_compared(comparison: exp.Binary, _: Context) -> exp.Expr:
    for side, other in (("this", comparison.expression), ("expression", comparison.this)):
        value = comparison.args[side]
        if _is_super(other) and isinstance(value, exp.Literal) and value.is_string:
            comparison.set(side, as_super(value))
    return comparison


def string_branches(case: exp.Case, _: Context) -> exp.Expr:
    """CASE ... THEN a SUPER ... ELSE 'text': the string literals among its results are string scalars."""
    results = [branch.args.get("true") for branch in case.args.get("ifs") or []] + [case.args.get("default")]
    if any(_is_super(result) for result in results if result is not None):
        for result in results:
            if isinstance(result, exp.Literal) and result.is_string:
                result.replace(as_super(result.copy()))
    return case


def string_in(condition: exp.In, _: Context) -> exp.Expr:
    condition.set("expressions", [as_super(value) for value in condition.expressions])
    return condition


def typed_literals(statement: exp.Insert | exp.Update, _: Context) -> exp.Expr:
    """The string literals written as values of INSERT ... VALUES and UPDATE ... SET, typed redshift_system.literal
    (catalog_sql/48_super.sql): each becomes its column's type as before, and a string scalar in a SUPER column."""
    if isinstance(statement, exp.Insert):
        rows = statement.expression.expressions if isinstance(statement.expression, exp.Values) else []
        values = [value for row in rows if isinstance(row, exp.Tuple) for value in row.expressions]
    else:
        values = [item.expression for item in statement.expressions if isinstance(item, exp.EQ)]
    for value in values:
        if isinstance(value, exp.Literal) and value.is_string:
            value.replace(exp.Cast(this=value.copy(), to=_LITERAL.copy()))
    return statement


def element_column(column: exp.Column, _: Context) -> exp.Expr:
    """An unnested element named alone (`SELECT o`), quoted: its name may be a word PostgreSQL reserves (array)."""
    return _element(column.name, qualified=False)


def _element(name: str, qualified: bool) -> exp.Column:
    """The column of unnested element `name` (its table's column of the same name)."""
    identifier = exp.to_identifier(name.lower(), quoted=True)
    return exp.column(identifier, table=identifier.copy() if qualified else None)


def _attributes(value: exp.Expr, names: list[exp.Expr]) -> exp.Expr:
    """Each attribute in turn: a "Quoted" name where enable_case_sensitive_identifier is on is read as written
    ("case is always preserved"), as a name in brackets is."""
    for name in names:
        function = "super_element" if case_sensitive() and quoted(name) else "super_attribute"
        value = catalog_call(function, value, exp.Literal.string(name.name))
    return value


def _sources(node: exp.Expr) -> tuple[set[str], set[str]]:
    """The relations (by name or alias, and schema.name) and the unnested elements the queries around `node` read."""
    relations: set[str] = set()
    elements: set[str] = set()
    for query in _queries_around(node):
        for source in _from_items(query):
            if isinstance(source, exp.Unnest):
                elements.update(column.name.lower() for column in source.args["alias"].columns[:1])
            elif isinstance(source, exp.AtIndex):
                elements.add(source.this.alias.lower())
            elif isinstance(source, SuperUnpivot):
                elements.add(source.args["alias"].name.lower())
            elif isinstance(source, exp.Table) and not source.db and source.alias and source.name.lower() in elements:
                elements.add(source.alias.lower())  # FROM ..., o AS p: the elements of an element
            elif isinstance(source, exp.Table) and source.db:
                qualified = [part for part in (source.args.get("catalog"), source.args.get("db")) if part]
                relations.add(source.alias_or_name.lower())
                relations.update(_dotted([*qualified[i:], source.this]) for i in range(len(qualified)))
            else:
                relations.add(source.alias_or_name.lower())
    return relations, elements


def _queries_around(node: exp.Expr) -> list[exp.Expr]:
    queries, parent = [], node.parent
    while parent is not None:
        if isinstance(parent, _QUERIES):
            queries.append(parent)
        parent = parent.parent
    return queries


def _from_items(query: exp.Expr) -> list[exp.Expr]:
    items = [query.this] if isinstance(query, (exp.Update, exp.Delete, exp.Merge)) else []
    for key in ("from_", "using"):
        if isinstance(clause := query.args.get(key), exp.From):
            items.append(clause.this)
        elif isinstance(clause, exp.Expr):
            items.append(clause)
        elif isinstance(clause, list):
            items += clause
    items += [join.this for join in query.args.get("joins") or []]
    # UPDATE ... FROM a, b and DELETE ... USING a JOIN b: sqlglot hangs the others on the first as its joins
    items += [join.this for item in items if isinstance(item, exp.Table) for join in item.args.get("joins") or []]
    return [item for item in items if isinstance(item, exp.Expr)]


def _is_super(node: exp.Expr) -> bool:
    if isinstance(node, exp.Cast):
        return node.to == SUPER
    return (
        isinstance(node, exp.Dot)
        and isinstance(node.expression, exp.Anonymous)
        and node.this.name == SCHEMA
        and node.expression.name in _SUPER_CALLS
    )


def _is_path(column: exp.Column) -> bool:
    """A dotted name whose qualifier is not a relation of the queries around it (those read as Redshift reads them)."""
    if not column.table or isinstance(column.this, exp.Star) or not _queries_around(column):
        return False
    relations, elements = _sources(column)
    parts = list(column.parts)
    is_path = parts[0].name.lower() in elements or _dotted(parts[:-1]) not in relations
    return is_path and not reads_only_the_catalog(column.root())  # the tree walk only where it decides


def _dotted(parts: list[exp.Expr]) -> str:
    return ".".join(part.name.lower() for part in parts)


def _is_unnesting(join: exp.Join) -> bool:
    source = join.this
    if isinstance(source, exp.AtIndex):
        return isinstance(source.this, exp.Alias)
    if isinstance(source, SuperUnpivot):
        return True
    if isinstance(source, exp.Table) and not source.db and isinstance(source.this, exp.Identifier):
        return bool(source.alias) and source.name.lower() in _sources(join)[1]
    return isinstance(source, exp.Unnest)


def _is_element(column: exp.Column) -> bool:
    if column.table or not isinstance(column.this, exp.Identifier):
        return False
    return any(_is_unnested(source) for query in _queries_around(column) for source in _from_items(query)) and (
        column.name.lower() in _sources(column)[1]
    )


def _is_unnested(source: exp.Expr) -> bool:
    return isinstance(source, (exp.Unnest, exp.AtIndex, SuperUnpivot))


def _is_string_cast_to_super(cast: exp.Cast) -> bool:
    to = cast.args.get("to")
    return (
        isinstance(to, exp.DataType)
        and to.this == exp.DType.SUPER
        and isinstance(cast.this, exp.Literal)
        and cast.this.is_string
    )


def _not_catalog(node: exp.Expr) -> bool:
    return not reads_only_the_catalog(node.root())


_COMPARISONS = (exp.EQ, exp.NEQ, exp.LT, exp.LTE, exp.GT, exp.GTE)

NAVIGATION = [
    Rule("SUPER path", node_is(exp.Column, where=_is_path), column_path),
    Rule("Unnested element", node_is(exp.Column, where=_is_element), element_column),
    Rule("SUPER element", node_is(exp.Bracket, where=_not_catalog), element),
    Rule(
        "SUPER attribute",
        node_is(exp.Dot, where=lambda dot: isinstance(dot.expression, exp.Identifier) and _not_catalog(dot)),
        attribute,
    ),
    Rule("Unnesting a SUPER array", node_is(exp.Join, where=_is_unnesting), unnested),
]
"""Applied while the names are as the user wrote them (a three-part name may be a column and two attributes)."""

RULES = [
    Rule("String cast to SUPER", node_is(exp.Cast, where=_is_string_cast_to_super), string_cast_to_super),
    Rule("SUPER", type_is(exp.DType.SUPER), super_type),
    Rule(
        "SUPER functions not built",
        lambda node: call_of(*UNBUILT)(node) or isinstance(node, exp.ObjectTransform),
        unbuilt_function,
    ),
    Rule("JSON_PARSE", node_is(exp.ParseJSON), parse_json),
    Rule("Prefix +", node_is(UnaryPlus), unary_plus),
    Rule("IS_ARRAY", node_is(exp.IsArray), is_array),
    Rule("SPLIT_TO_ARRAY", node_is(exp.StringToArray), split_to_array),
    Rule("ARRAY_CONCAT", node_is(exp.ArrayConcat), array_concat),
    Rule("ARRAY", node_is(exp.Array, where=lambda a: not a.args.get("bracket_notation")), array),
    Rule("OBJECT", call_of("OBJECT"), super_object),
    Rule(
        "ARRAY_CONTAINS, ARRAY_POSITION and ARRAY_POSITIONS",
        lambda node: isinstance(node, (exp.ArrayContains, exp.ArrayPosition)) or call_of("ARRAY_POSITIONS")(node),
        array_search,
    ),
    Rule("SUPER functions", call_of(*FUNCTIONS), super_function),
    Rule("A string compared with a SUPER", node_is(*_COMPARISONS), string_compared),
    Rule("Strings IN a SUPER's values", node_is(exp.In, where=lambda node: _is_super(node.this)), string_in),
    Rule("String results of a CASE of SUPER results", node_is(exp.Case), string_branches),
    Rule("String literals as the values of a row", node_is(exp.Insert, exp.Update), typed_literals),
]
"""The SUPER rules, in the order they are applied."""
