"""The table-design evidence of notebook 04: the labels read from a plan as EXPLAIN writes it (the plan below is
the Developer Guide's own example, "Reviewing query plan steps", reviewing-query-plan-steps.html)."""

from __future__ import annotations

from sparkify_dwh import sql
from sparkify_dwh.design import MOVES_NO_ROWS, QueryPlan

GUIDE_PLAN = """XN Merge  (cost=1002815366604.92..1002815366606.36 rows=576 width=27)
  Merge Key: sum(sales.pricepaid)
  ->  XN Network  (cost=1002815366604.92..1002815366606.36 rows=576 width=27)
        Send to leader
        ->  XN Sort  (cost=1002815366604.92..1002815366606.36 rows=576 width=27)
              Sort Key: sum(sales.pricepaid)
              ->  XN HashAggregate  (cost=2815366577.07..2815366578.51 rows=576 width=27)
                    ->  XN Hash Join DS_BCAST_INNER  (cost=109.98..2815365714.80 rows=172456 width=27)
                          Hash Cond: ("outer".eventid = "inner".eventid)
                          ->  XN Seq Scan on sales  (cost=0.00..1724.56 rows=172456 width=14)
                          ->  XN Hash  (cost=87.98..87.98 rows=8798 width=21)
                                ->  XN Seq Scan on event  (cost=0.00..87.98 rows=8798 width=21)"""


def test_labels_are_read_from_the_plan_and_broadcast_moves_rows():
    plan = QueryPlan(GUIDE_PLAN)
    assert plan.labels == ["DS_BCAST_INNER"]
    assert not set(plan.labels) & MOVES_NO_ROWS
    assert plan._repr_markdown_().startswith("```text\nXN Merge")


def test_the_explained_queries_are_single_selects():
    for name in ("songplays_time_join", "songplays_even_time_join", "songplays_users_join"):
        [statement] = sql.statements(sql.find("inspect", name).text)
        assert statement.startswith("SELECT ")
