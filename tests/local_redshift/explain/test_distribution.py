"""The redistribution label of a join, decided from each side's distribution and the join's keys.

Each expected label is the Developer Guide's meaning of it ("Evaluating the query plan",
https://docs.aws.amazon.com/redshift/latest/dg/c_data_redistribution.html), applied to the pair of sides given.
"""

from __future__ import annotations

import pytest

from local_redshift.explain.distribution import ALL, EVEN, Distribution, Label, Side, Style, decide, joined, key_pairs

SLICES = 2  # one ra3.large node

KEY_START = Distribution(Style.KEY, frozenset({"sp.start_time"}))
TIME_KEY = Distribution(Style.KEY, frozenset({"t.start_time"}))
USER_KEY = Distribution(Style.KEY, frozenset({"sp.user_id"}))
PAIRS = [("sp.start_time", "t.start_time")]


def sides(outer: Distribution, inner: Distribution, outer_bytes: int = 1000, inner_bytes: int = 1000) -> tuple:
    return Side(outer, frozenset({"sp"}), outer_bytes), Side(inner, frozenset({"t"}), inner_bytes)


@pytest.mark.parametrize(
    ("outer", "inner", "outer_bytes", "inner_bytes", "join_type", "expected"),
    [
        # "No redistribution is required, because corresponding slices are collocated": both on the join key
        (KEY_START, TIME_KEY, 1000, 1000, "Inner", Label.DS_DIST_NONE),
        # "because the inner join table used DISTSTYLE ALL"
        (USER_KEY, ALL, 1000, 1000, "Inner", Label.DS_DIST_ALL_NONE),
        (EVEN, ALL, 1000, 1000, "Left", Label.DS_DIST_ALL_NONE),
        # "The entire inner table is redistributed to a single slice because the outer table uses DISTSTYLE ALL"
        (ALL, TIME_KEY, 1000, 1000, "Inner", Label.DS_DIST_ALL_INNER),
        # "DS_DIST_INNER indicates that the outer table is already properly distributed on the join key"
        (KEY_START, EVEN, 1000, 1000, "Inner", Label.DS_DIST_INNER),
        # the inner side is on the join key: the outer one moves, unless a copy of the inner side on every slice
        # moves fewer bytes ("A copy of the entire inner table is broadcast to all the compute nodes")
        (EVEN, TIME_KEY, 1000, 1000, "Inner", Label.DS_DIST_OUTER),
        (EVEN, TIME_KEY, 1000, 100, "Inner", Label.DS_BCAST_INNER),
        # neither side on the join key: broadcast the inner side, or redistribute both when that moves less
        (USER_KEY, EVEN, 1000, 100, "Inner", Label.DS_BCAST_INNER),
        (USER_KEY, EVEN, 100, 1000, "Inner", Label.DS_DIST_BOTH),
        # a full join keeps the unmatched rows of both sides: copies of the inner side would repeat them
        (EVEN, USER_KEY, 1000, 10, "Full", Label.DS_DIST_BOTH),
        (EVEN, TIME_KEY, 1000, 10, "Right", Label.DS_DIST_OUTER),
    ],
)
def test_label_of_a_join_on_start_time(outer, inner, outer_bytes, inner_bytes, join_type, expected):
    outer_side, inner_side = sides(outer, inner, outer_bytes, inner_bytes)
    assert decide(outer_side, inner_side, PAIRS, join_type, SLICES) is expected


def test_a_join_without_equality_broadcasts_its_inner_side():
    # a nested loop compares every pair of rows: every slice needs the whole inner side
    assert decide(*sides(KEY_START, TIME_KEY), [], "Inner", SLICES) is Label.DS_BCAST_INNER


def test_key_pairs_read_equalities_in_either_order_through_casts_and_quotes():
    outer, inner = Side(EVEN, frozenset({"sp"}), 1), Side(EVEN, frozenset({"time", "s"}), 1)
    conditions = ['(("time".start_time = sp.start_time) AND ((sp.song_id)::text = (s.song_id)::text))']
    assert key_pairs(conditions, outer, inner) == [("sp.start_time", "time.start_time"), ("sp.song_id", "s.song_id")]


def test_a_collocated_join_is_distributed_on_both_keys_and_a_redistributed_one_on_the_key_it_moved_to():
    outer, inner = sides(KEY_START, TIME_KEY)
    assert joined(Label.DS_DIST_NONE, outer, inner, PAIRS).keys == {"sp.start_time", "t.start_time"}
    outer, inner = sides(EVEN, TIME_KEY)
    assert joined(Label.DS_DIST_OUTER, outer, inner, PAIRS).keys == {"sp.start_time", "t.start_time"}
    assert joined(Label.DS_BCAST_INNER, outer, inner, PAIRS) == EVEN


def test_auto_is_modelled_as_even_as_svv_table_info_shows_it():
    assert Distribution.of_table("t", "AUTO", None) == EVEN
    assert Distribution.of_table("t", None, None) == EVEN
    assert Distribution.of_table("t", "KEY", "c") == Distribution(Style.KEY, frozenset({"t.c"}))
