"""PostgreSQL's plan (`EXPLAIN (FORMAT JSON, VERBOSE)`) read into a tree of nodes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Node:
    """One node of PostgreSQL's plan: its type, its fields as PostgreSQL names them, and its children."""

    kind: str  # "Seq Scan", "Hash Join", ...
    fields: dict[str, Any]
    children: list[Node] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return int(self.fields.get("Plan Rows", 0))

    @property
    def width(self) -> int:
        return int(self.fields.get("Plan Width", 0))

    @property
    def bytes(self) -> int:
        """The estimated bytes the node returns: what moving its rows between slices costs."""
        return self.rows * max(self.width, 1)

    @property
    def alias(self) -> str | None:
        return self.fields.get("Alias")

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def aliases(self) -> frozenset[str]:
        """The aliases of the relations this node reads (its own and its descendants')."""
        return frozenset(node.alias for node in self.walk() if node.alias)


def read_plan(plan: dict[str, Any]) -> Node:
    """The tree of a plan's "Plan" object."""
    fields = {key: value for key, value in plan.items() if key not in ("Node Type", "Plans")}
    return Node(plan["Node Type"], fields, [read_plan(child) for child in plan.get("Plans", [])])
