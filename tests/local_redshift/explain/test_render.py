"""Redshift's EXPLAIN lines written from PostgreSQL plans recorded in plans/*.json (the catalog's explain_plan
answer for the query each file holds, over tables whose designs the file records too).

The expected shape is the Developer Guide's: "Query plan" (https://docs.aws.amazon.com/redshift/latest/dg/c-the-query-plan.html),
"Reviewing query plan steps" (.../reviewing-query-plan-steps.html) and EXPLAIN (.../r_EXPLAIN.html); each label is
the meaning "Evaluating the query plan" (.../c_data_redistribution.html) gives it, for the recorded designs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from local_redshift.explain import render

PLANS = Path(__file__).parent / "plans"


def lines_of(name: str) -> list[str]:
    return render(json.loads((PLANS / f"{name}.json").read_text())["payload"])


def stripped(name: str) -> list[str]:
    """The lines without indentation and costs: the operators and their detail lines."""
    return [line.strip().removeprefix("->  ").split("  (cost=")[0] for line in lines_of(name)]


@pytest.mark.parametrize(
    ("plan", "join"),
    [
        # songplays and time are both DISTKEY and SORTKEY start_time: collocated, and merged ("Query plan": a merge
        # join is used when the join columns are both distribution keys and sort keys)
        ("dist_none", "XN Merge Join DS_DIST_NONE"),
        # users is DISTSTYLE ALL and the inner table
        ("dist_all_none", "XN Hash Join DS_DIST_ALL_NONE"),
        # all_users (ALL) is the outer table, few_keyed (KEY user_id) the inner one
        ("dist_all_inner", "XN Hash Join DS_DIST_ALL_INNER"),
        # plays_by_user is DISTKEY user_id (outer), listeners EVEN (inner): the inner table is redistributed
        ("dist_inner", "XN Hash Join DS_DIST_INNER"),
        # plays_even (EVEN, outer) and time (DISTKEY start_time, inner, as large): the outer table is redistributed
        ("dist_outer", "XN Hash Join DS_DIST_OUTER"),
        # ten rows of time after a LIMIT (gathered, on no key) against plays_by_user (DISTKEY user_id): broadcast
        ("bcast_inner", "XN Hash Join DS_BCAST_INNER"),
        # a full join of two tables not distributed on song_id: both redistributed (never merged, never broadcast)
        ("dist_both", "XN Hash Full Join DS_DIST_BOTH"),
        # a nested loop whose inner table is DISTSTYLE ALL
        ("cross", "XN Nested Loop DS_DIST_ALL_NONE"),
    ],
)
def test_each_join_has_its_label(plan, join):
    assert join in stripped(plan)


def test_a_collocated_merge_join_reads_both_tables_without_sorting():
    assert stripped("dist_none") == [
        "XN HashAggregate",
        "XN Merge Join DS_DIST_NONE",
        'Merge Cond: ("outer".start_time = "inner".start_time)',
        "XN Seq Scan on songplays sp",
        "XN Seq Scan on time t",
    ]


def test_a_hash_join_hashes_its_inner_table_and_names_the_sides_outer_and_inner():
    assert stripped("dist_outer") == [
        "XN Aggregate",
        "XN Hash Join DS_DIST_OUTER",
        'Hash Cond: ("outer".start_time = "inner".start_time)',
        "XN Seq Scan on plays_even e",
        "XN Hash",
        "XN Seq Scan on time t",
    ]


def test_a_final_sort_is_merged_by_the_leader_below_the_limit():
    # "Reviewing query plan steps": XN Merge (Merge Key) over XN Network (Send to leader) over XN Sort (Sort Key)
    assert stripped("ordered") == [
        "XN Limit",
        "XN Merge",
        "Merge Key: (count(*)) DESC",
        "XN Network",
        "Send to leader",
        "XN Sort",
        "Sort Key: (count(*)) DESC",
        "XN HashAggregate",
        "XN Seq Scan on songplays",
    ]


def test_lines_are_indented_as_postgresql_and_redshift_indent_them_with_postgresql_costs():
    payload = json.loads((PLANS / "dist_outer.json").read_text())["payload"]
    plan = payload["plan"]
    lines = lines_of("dist_outer")
    assert lines[0] == (
        f"XN Aggregate  (cost={plan['Startup Cost']:.2f}..{plan['Total Cost']:.2f}"
        f" rows={plan['Plan Rows']} width={plan['Plan Width']})"
    )
    assert lines[1].startswith("  ->  XN Hash Join DS_DIST_OUTER  (cost=")
    assert lines[2] == '        Hash Cond: ("outer".start_time = "inner".start_time)'
    assert lines[3].startswith("        ->  XN Seq Scan on plays_even e  (cost=")


def test_a_scan_filter_names_its_columns_without_the_table():
    assert "Filter: (hour = 1)" in stripped("bcast_inner")


def test_a_nested_loop_reads_its_inner_table_without_postgresql_s_materialize():
    assert stripped("cross") == [
        "XN Aggregate",
        "XN Nested Loop DS_DIST_ALL_NONE",
        'Join Filter: ("outer".user_id < "inner".user_id)',
        "XN Seq Scan on plays_even e",
        "XN Seq Scan on users u",
    ]
