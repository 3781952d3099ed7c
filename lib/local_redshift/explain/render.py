"""Redshift's `XN` lines for PostgreSQL's plan: its operators under Redshift's names, PostgreSQL's costs and
estimates, each join's redistribution label, and the leader's Merge and Network steps above a final sort.

The shape is the Developer Guide's ("Query plan", "Reviewing query plan steps" and EXPLAIN): one line per
operator, `  ->  ` before a child, `(cost=a..b rows=n width=w)`, then its `Hash Cond:`, `Filter:`, `Sort Key:`
lines; join conditions name the two sides "outer" and "inner".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from local_redshift.explain.distribution import EVEN, Distribution, Label, Side, decide, joined, key_pairs
from local_redshift.explain.plan import Node, read_plan

QUERY_PLAN = "QUERY PLAN"  # the one column of EXPLAIN's result

_JOINS = {"Hash Join": "Hash", "Merge Join": "Merge", "Nested Loop": "Nested Loop"}
_JOIN_CONDITIONS = ("Hash Cond", "Merge Cond", "Join Filter")
_AGGREGATES = {"Hashed": "HashAggregate", "Sorted": "GroupAggregate", "Plain": "Aggregate", "Mixed": "HashAggregate"}
_NAMES = {"Incremental Sort": "Sort", "WindowAgg": "Window"}
_PASSED_OVER = frozenset({"Gather", "Gather Merge", "Memoize", "ModifyTable"})
_JOIN_INPUT_STEPS = frozenset({"Sort", "Incremental Sort", "Hash", "Materialize"})  # PostgreSQL's, for its join
_KEEP_DISTRIBUTION = frozenset({"Hash", "Sort", "Incremental Sort", "Materialize", "Unique", "WindowAgg"})
# (a LIMIT gathers its rows: what it returns is not spread by any key)
_ABOVE_LEADER_SORT = frozenset({"XN Limit", "XN Unique"})  # steps that stay above the Merge of a final sort
_REF = re.compile(r'"?([A-Za-z_][\w$]*)"?\.("?[A-Za-z_][\w$]*"?)')


@dataclass
class Step:
    """One line of Redshift's plan with its detail lines and children."""

    title: str
    node: Node
    details: list[str] = field(default_factory=list)
    children: list[Step] = field(default_factory=list)
    distribution: Distribution = EVEN
    sorted_on: frozenset[str] = frozenset()  # a table scan: its first sort key column, as `alias.column`

    @property
    def cost(self) -> str:
        fields = self.node.fields
        return (
            f"(cost={fields.get('Startup Cost', 0):.2f}..{fields.get('Total Cost', 0):.2f}"
            f" rows={self.node.rows} width={self.node.width})"
        )


def render(payload: dict[str, Any]) -> list[str]:
    """The lines of EXPLAIN for the catalog's explain_plan answer: the plan, the tables' designs, the slices."""
    planner = _Planner(payload.get("tables") or {}, int(payload.get("slices") or 1))
    top = _leader_steps(planner.step(read_plan(payload["plan"])))
    return list(_lines(top, 0))


class _Planner:
    def __init__(self, tables: dict[str, dict[str, str | None]], slices: int) -> None:
        self.tables = tables
        self.slices = slices

    def step(self, node: Node) -> Step:
        if node.kind in _PASSED_OVER and node.children:
            return self.step(node.children[0])
        if "Relation Name" in node.fields:  # any scan of a table (index scans too, were PostgreSQL to choose one)
            return self._scan(node)
        children = [self.step(child) for child in node.children]
        if node.kind in _JOINS and len(children) == 2:
            return self._join(node, children)
        step = Step(self._title(node), node, self._details(node), children)
        first = children[0].distribution if children else EVEN
        if node.kind == "Aggregate":
            step.distribution = first.kept_by({_unquoted(key) for key in node.fields.get("Group Key", [])})
        elif node.kind == "Subquery Scan" and children:
            inner_names = [_unquoted(name) for name in children[0].node.fields.get("Output", [])]
            names = [_unquoted(name) for name in node.fields.get("Output", [])]
            step.distribution = first.renamed(dict(zip(inner_names, names, strict=False)))
        elif node.kind in _KEEP_DISTRIBUTION:
            step.distribution = first
        return step

    def _scan(self, node: Node) -> Step:
        relation, alias = node.fields["Relation Name"], node.alias or node.fields["Relation Name"]
        design = self.tables.get(f"{node.fields.get('Schema', '')}.{relation}", {})
        title = f"XN Seq Scan on {relation}" + (f" {alias}" if alias != relation else "")
        conditions = [node.fields[key] for key in ("Index Cond", "Recheck Cond", "Filter") if key in node.fields]
        details = [f"Filter: {_unqualified(' AND '.join(conditions), alias)}"] if conditions else []
        distribution = Distribution.of_table(alias, design.get("diststyle"), design.get("distkey"))
        sorted_on = frozenset({f"{alias}.{design['sortkey1']}"} if design.get("sortkey1") else ())
        return Step(title, node, details, distribution=distribution, sorted_on=sorted_on)

    def _join(self, node: Node, children: list[Step]) -> Step:
        outer, inner = (Side(c.distribution, c.node.aliases(), c.node.bytes) for c in children)
        conditions = [node.fields[key] for key in _JOIN_CONDITIONS if key in node.fields]
        pairs = key_pairs(conditions, outer, inner)
        join_type = node.fields.get("Join Type", "Inner")
        label = decide(outer, inner, pairs, join_type, self.slices)
        words = {"Inner": ""}.get(join_type, f" {join_type}")
        distribution = joined(label, outer, inner, pairs)
        details = (
            [f"Join Filter: {_sides(node.fields['Join Filter'], outer, inner)}"] if "Join Filter" in node.fields else []
        )
        outer_rows, inner_rows = (_unwrapped(child) for child in children)
        if node.kind == "Nested Loop":
            title = f"XN Nested Loop{words}{' Join' if words else ''} {label}"
            return Step(title, node, details, [outer_rows, inner_rows], distribution)
        condition = _sides(node.fields.get("Hash Cond") or node.fields.get("Merge Cond", ""), outer, inner)
        if _merges(label, join_type, pairs, outer_rows, inner_rows):
            title, details = f"XN Merge{words} Join {label}", [f"Merge Cond: {condition}", *details]
            return Step(title, node, details, [outer_rows, inner_rows], distribution)
        hash_node = children[1].node if children[1].node.kind == "Hash" else inner_rows.node
        hashed = Step("XN Hash", hash_node, children=[inner_rows], distribution=inner_rows.distribution)
        title, details = f"XN Hash{words} Join {label}", [f"Hash Cond: {condition}", *details]
        return Step(title, node, details, [outer_rows, hashed], distribution)

    @staticmethod
    def _title(node: Node) -> str:
        if node.kind == "Aggregate":
            return "XN " + _AGGREGATES.get(node.fields.get("Strategy", "Plain"), "Aggregate")
        if node.kind == "Subquery Scan":
            return f"XN Subquery Scan {node.alias}"
        if node.kind == "Function Scan":
            return f"XN Function Scan on {node.fields.get('Function Name', '')}"
        return "XN " + _NAMES.get(node.kind, node.kind)

    @staticmethod
    def _details(node: Node) -> list[str]:
        details = []
        if "Sort Key" in node.fields:
            details.append("Sort Key: " + ", ".join(node.fields["Sort Key"]))
        if "Filter" in node.fields:
            details.append(f"Filter: {node.fields['Filter']}")
        return details


def _unwrapped(child: Step) -> Step:
    """A join's input without what PostgreSQL put between it and its join: the Sort under a merge join, the Hash
    under a hash join, the Materialize under a nested loop (Redshift's join then shows the input it reads)."""
    while child.node.kind in _JOIN_INPUT_STEPS and child.children:
        child = child.children[0]
    return child


def _merges(label: Label, join_type: str, pairs: list[tuple[str, str]], outer: Step, inner: Step) -> bool:
    """Whether Redshift merges the join (the guide's "Query plan" page: when the join columns are both distribution
    keys and sort keys, never for full joins); it hashes any other, whichever PostgreSQL chose."""
    return (
        label is Label.DS_DIST_NONE
        and join_type != "Full"
        and any(o in outer.sorted_on and i in inner.sorted_on for o, i in pairs)
    )


def _leader_steps(top: Step) -> Step:
    """The final sort runs on every slice; the leader then merges the sorted rows it is sent (XN Merge above
    XN Network, "Send to leader", as the guide's example shows); a LIMIT above it stays on top."""
    if top.title in _ABOVE_LEADER_SORT and top.children:
        top.children[0] = _leader_steps(top.children[0])
        return top
    if top.title != "XN Sort":
        return top
    keys = top.details[0].removeprefix("Sort Key: ") if top.details else ""
    network = Step("XN Network", top.node, ["Send to leader"], [top], top.distribution)
    return Step("XN Merge", top.node, [f"Merge Key: {keys}"], [network], top.distribution)


def _lines(step: Step, depth: int) -> Iterator[str]:
    lead = "" if depth == 0 else " " * (6 * depth - 4) + "->  "
    yield f"{lead}{step.title}  {step.cost}"
    for detail in step.details:
        yield " " * (6 * depth + 2) + detail
    for child in step.children:
        yield from _lines(child, depth + 1)


def _unquoted(reference: str) -> str:
    return reference.replace('"', "")


def _unqualified(condition: str, alias: str) -> str:
    """A scan's condition without its own alias before each column, as Redshift writes a scan's filter."""
    return _REF.sub(lambda ref: ref.group(2) if ref.group(1) == alias else ref.group(0), condition)


def _sides(condition: str, outer: Side, inner: Side) -> str:
    """A join condition with each column named by its side: "outer".column, "inner".column."""

    def side(ref: re.Match[str]) -> str:
        if ref.group(1) in outer.aliases:
            return f'"outer".{ref.group(2)}'
        if ref.group(1) in inner.aliases:
            return f'"inner".{ref.group(2)}'
        return ref.group(0)

    return _REF.sub(side, condition)
