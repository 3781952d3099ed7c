"""INSERT, UPDATE and MERGE as their pages read them where PostgreSQL reads them otherwise: the target table joined
again in UPDATE's FROM clause is the target itself; what the pages forbid (subqueries in a multi-row VALUES, a WITH
clause before MERGE or an element of a SUPER in it, MERGE's forms beyond its syntax, SELECT INTO UNLOGGED) is
refused in their words or by name."""

from __future__ import annotations

from sqlglot import exp

from local_redshift.errors import (
    MULTI_ROW_VALUES_SUBQUERY,
    OUTER_JOIN_TO_UPDATE_TARGET,
    PARTIAL_SUPER_IN_MERGE,
    RedshiftError,
    SqlState,
    UnsupportedFeature,
)
from local_redshift.translation.rule import Context, Rule, node_is, reject


def _same_table(table: exp.Expr, target: exp.Table) -> bool:
    return (
        isinstance(table, exp.Table)
        and table.name.lower() == target.name.lower()
        and table.db.lower() == target.db.lower()
    )


def _target_joins(update: exp.Expr) -> bool:
    """Whether an UPDATE's FROM clause joins its target table again (FROM event JOIN category cat ON ...)."""
    source = update.args.get("from_") if isinstance(update, exp.Update) else None
    first = source.this if isinstance(source, exp.From) else None
    joins = first.args.get("joins") or [] if isinstance(first, exp.Table) else []
    return any(_same_table(join.this, update.this) for join in joins)


def target_joined_in_from(update: exp.Update, _: Context) -> exp.Expr:
    """UPDATE category SET ... FROM event JOIN category cat ON event.catid = cat.catid: CAT is the target row
    (c_Examples_of_UPDATE_statements.html gives it as another way to write FROM event WHERE event.catid =
    category.catid), where PostgreSQL would join every target row to another scan of the table. An outer join to
    the target is refused in the page's words."""
    target = update.this
    first = update.args["from_"].this
    kept, conditions, aliases = [], [], set()
    for join in first.args.get("joins") or []:
        if not _same_table(join.this, target):
            kept.append(join)
            continue
        if join.side or join.args.get("using") or join.args.get("on") is None:
            raise RedshiftError(OUTER_JOIN_TO_UPDATE_TARGET, sqlstate=SqlState.FEATURE_NOT_SUPPORTED)
        aliases.add(join.this.alias_or_name.lower())
        conditions.append(join.args["on"])
    first.set("joins", kept or None)
    where = update.args.get("where")
    condition = exp.and_(*conditions, *([where.this] if where is not None else []))
    update.set("where", exp.Where(this=condition))
    alias = target.args.get("alias")
    for column in update.find_all(exp.Column):
        if column.table.lower() in aliases:
            column.set("table", (alias.this if alias is not None else target.this).copy())
    return update


def subquery_in_multi_row_values(values: exp.Values, _: Context) -> exp.Expr:
    """r_INSERT_30.html: "Subqueries aren't supported as expressions for multiple-row INSERT VALUES statements"."""
    raise RedshiftError(MULTI_ROW_VALUES_SUBQUERY, sqlstate=SqlState.FEATURE_NOT_SUPPORTED)


def _multi_row_values_with_a_subquery(values: exp.Values) -> bool:
    rows = values.expressions
    return isinstance(values.parent, exp.Insert) and len(rows) > 1 and any(row.find(exp.Subquery) for row in rows)


def partial_super_in_merge(_: exp.Merge, __: Context) -> exp.Expr:
    """r_MERGE.html: "match_condition and expr can't partially reference SUPER type columns"."""
    raise RedshiftError(PARTIAL_SUPER_IN_MERGE, sqlstate=SqlState.FEATURE_NOT_SUPPORTED)


def _references_a_super_element(merge: exp.Merge) -> bool:
    """An element of an array in MERGE's condition or actions (source.value[0]): only a SUPER has them."""
    return any(part.find(exp.Bracket) for part in (merge.args.get("on"), merge.args.get("whens")) if part is not None)


def _merge_form(merge: exp.Merge) -> str | None:
    """What of a MERGE r_MERGE.html's syntax lacks: it is MERGE INTO target_table USING source ON match_condition
    WHEN MATCHED THEN { UPDATE SET ... | DELETE } WHEN NOT MATCHED THEN INSERT [ (col_name, ...) ] VALUES (...)."""
    if merge.this.args.get("alias") is not None:
        return _MERGE_ALIAS
    whens = merge.args["whens"].expressions
    for when in whens:
        clause = "WHEN NOT MATCHED BY SOURCE" if when.args.get("source") else f"WHEN {_matched(when)}"
        then = when.args.get("then")
        if when.args.get("condition") is not None:
            return f"{clause} AND condition"
        if isinstance(then, exp.Var) and then.name.upper() == "DO NOTHING":
            return f"{clause} THEN DO NOTHING"
        if when.args.get("source"):
            return clause
        if not when.args.get("matched") and not isinstance(then, exp.Insert):
            return f"{clause} THEN {then.sql().split()[0].upper()}"
    if [_matched(when) for when in whens] != ["MATCHED", "NOT MATCHED"]:
        return "A MERGE without one WHEN MATCHED clause followed by one WHEN NOT MATCHED clause"
    return None


def _matched(when: exp.When) -> str:
    return "MATCHED" if when.args.get("matched") else "NOT MATCHED"


_MERGE_ALIAS = "An alias of MERGE's target table"
_MERGE_CLAUSES = (
    "MERGE takes WHEN MATCHED THEN UPDATE SET ... or DELETE, then WHEN NOT MATCHED THEN INSERT ... VALUES (...);"
    " write the other cases as UPDATE, DELETE and INSERT statements"
)


def merge_form(merge: exp.Merge, _: Context) -> exp.Expr:
    construct = str(_merge_form(merge))
    hint = "name the target table by its own name" if construct == _MERGE_ALIAS else _MERGE_CLAUSES
    raise UnsupportedFeature.of(construct, hint=hint)


TARGET_JOINED_IN_FROM = Rule("UPDATE ... FROM ... JOIN target", _target_joins, target_joined_in_from)
RULES = [
    Rule(
        "Subqueries in a multi-row VALUES",
        node_is(exp.Values, where=_multi_row_values_with_a_subquery),
        subquery_in_multi_row_values,
    ),
    Rule("MERGE's form", node_is(exp.Merge, where=lambda merge: _merge_form(merge) is not None), merge_form),
    Rule("A SUPER element in MERGE", node_is(exp.Merge, where=_references_a_super_element), partial_super_in_merge),
    # r_MERGE.html: "You can't use the WITH clause in a MERGE statement."
    reject("A WITH clause in a MERGE statement", node_is(exp.Merge, where=lambda merge: bool(merge.args.get("with_")))),
    # r_SELECT_INTO.html: INTO [ TEMPORARY | TEMP ] [ TABLE ] new_table
    reject("SELECT INTO UNLOGGED", node_is(exp.Into, where=lambda into: bool(into.args.get("unlogged")))),
]
