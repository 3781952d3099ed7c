"""Table design with evidence: how Redshift would run a join (EXPLAIN), and where a table's rows are (slices).

The queries and the scratch tables are files of the `inspect` layer; `explain` asks the warehouse for the plan of
one of its queries, as Redshift writes it, and reads the redistribution label of each join in it.
"""

from __future__ import annotations

import re

import redshift_connector

from sparkify_dwh import sql, warehouse

LAYER = "inspect"
_LABEL = re.compile(r"\bDS_(?:DIST|BCAST)_[A-Z_]+")
MOVES_NO_ROWS = frozenset({"DS_DIST_NONE", "DS_DIST_ALL_NONE"})
"""The labels of joins that move no rows between slices (the Developer Guide: "DS_DIST_NONE and DS_DIST_ALL_NONE
are good")."""


class QueryPlan(str):
    """EXPLAIN's lines as one text; a notebook cell ending with it shows it as preformatted text."""

    @property
    def labels(self) -> list[str]:
        """The redistribution label of each join, from the top of the plan down."""
        return _LABEL.findall(self)

    def _repr_markdown_(self) -> str:
        return f"```text\n{self}\n```"


def explain(connection: redshift_connector.Connection, name: str) -> QueryPlan:
    """The plan of the query in `inspect/<name>.sql`, as EXPLAIN gives it; the query itself is not run."""
    [statement] = sql.statements(sql.find(LAYER, name).text)
    plan = warehouse.query(connection, f"EXPLAIN {statement}")
    return QueryPlan("\n".join(plan.iloc[:, 0]))
