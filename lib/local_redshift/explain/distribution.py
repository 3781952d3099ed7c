"""How Redshift would move a join's rows between slices, decided from each side's distribution and the join keys.

The labels and their meanings are the Developer Guide's ("Evaluating the query plan",
https://docs.aws.amazon.com/redshift/latest/dg/c_data_redistribution.html). The rules applied, in order:

1. the inner side is DISTSTYLE ALL: DS_DIST_ALL_NONE ("the inner join table used DISTSTYLE ALL");
2. the outer side is DISTSTYLE ALL: DS_DIST_ALL_INNER ("the entire inner table is redistributed to a single slice
   because the outer table uses DISTSTYLE ALL");
3. both sides are distributed on the two columns of one of the join's equalities: DS_DIST_NONE (collocated);
4. only the outer side is: DS_DIST_INNER (the inner side is redistributed on its join column);
5. only the inner side is: DS_DIST_OUTER, or DS_BCAST_INNER where broadcasting the inner side moves fewer bytes;
6. neither is: DS_BCAST_INNER, or DS_DIST_BOTH where redistributing both sides moves fewer bytes.

Broadcasting puts a copy of the inner side on every slice (its bytes times the slices); redistributing moves a
side's bytes once. The inner side of a join that keeps its unmatched rows (right and full joins) cannot be
broadcast (each copy would add those rows again), and a join without equalities can only broadcast. The join's
result is distributed as the side that did not move (both sides' keys when nothing moved).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class Style(enum.Enum):
    KEY = "KEY"
    EVEN = "EVEN"  # no known key: round robin, DISTSTYLE AUTO (shown as AUTO(EVEN)), a redistributed result
    ALL = "ALL"


class Label(str, enum.Enum):
    DS_DIST_NONE = "DS_DIST_NONE"
    DS_DIST_ALL_NONE = "DS_DIST_ALL_NONE"
    DS_DIST_INNER = "DS_DIST_INNER"
    DS_DIST_OUTER = "DS_DIST_OUTER"
    DS_BCAST_INNER = "DS_BCAST_INNER"
    DS_DIST_ALL_INNER = "DS_DIST_ALL_INNER"
    DS_DIST_BOTH = "DS_DIST_BOTH"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Distribution:
    """Where a relation's rows are: on every node (ALL), spread by the value of any of `keys` (KEY), or not by
    any known column (EVEN). Keys are column references as the plan writes them, `alias.column`."""

    style: Style
    keys: frozenset[str] = frozenset()

    @classmethod
    def of_table(cls, alias: str, diststyle: str | None, distkey: str | None) -> Distribution:
        """A table's rows, read under `alias`; DISTSTYLE AUTO is modelled as EVEN (SVV_TABLE_INFO says AUTO(EVEN))."""
        if diststyle == "ALL":
            return ALL
        if diststyle == "KEY" and distkey:
            return cls(Style.KEY, frozenset({f"{alias}.{distkey}"}))
        return EVEN

    def keyed_on(self, column: str) -> bool:
        return self.style is Style.KEY and column in self.keys

    def renamed(self, names: dict[str, str]) -> Distribution:
        """The same rows under the names a subquery gives its columns; EVEN when the key is not among them."""
        if self.style is not Style.KEY:
            return self
        keys = frozenset(names[key] for key in self.keys if key in names)
        return Distribution(Style.KEY, keys) if keys else EVEN

    def kept_by(self, columns: set[str]) -> Distribution:
        """What grouping on `columns` leaves: the same keys when one of them is grouped on, else EVEN."""
        if self.style is not Style.KEY:
            return self
        keys = self.keys & columns
        return Distribution(Style.KEY, frozenset(keys)) if keys else EVEN


EVEN = Distribution(Style.EVEN)
ALL = Distribution(Style.ALL)

_REF = r'"?([A-Za-z_][\w$]*)"?\."?([A-Za-z_][\w$]*)"?'
_OPERAND = _REF + r"\)*(?:::[\w ]+(?:\([\d,]+\))?)?\)*"
_EQUALITY = re.compile(_OPERAND + r"\s*=\s*\(*" + _REF)
_PRESERVES_INNER = frozenset({"Right", "Full", "Right Anti", "Right Semi"})  # joins that keep unmatched inner rows


@dataclass(frozen=True)
class Side:
    """One side of a join: how its rows are distributed, which aliases it reads, and the bytes it returns."""

    distribution: Distribution
    aliases: frozenset[str]
    bytes: int


def key_pairs(conditions: list[str], outer: Side, inner: Side) -> list[tuple[str, str]]:
    """The (outer column, inner column) pairs the conditions equate, as `alias.column`."""
    pairs = []
    for condition in conditions:
        for left_alias, left_column, right_alias, right_column in _EQUALITY.findall(condition):
            left, right = f"{left_alias}.{left_column}", f"{right_alias}.{right_column}"
            if left_alias in outer.aliases and right_alias in inner.aliases:
                pairs.append((left, right))
            elif right_alias in outer.aliases and left_alias in inner.aliases:
                pairs.append((right, left))
    return pairs


def decide(outer: Side, inner: Side, pairs: list[tuple[str, str]], join_type: str, slices: int) -> Label:
    """The label Redshift gives the join (the rules of the module's docstring)."""
    if inner.distribution.style is Style.ALL:
        return Label.DS_DIST_ALL_NONE
    if outer.distribution.style is Style.ALL:
        return Label.DS_DIST_ALL_INNER
    outer_keyed = any(outer.distribution.keyed_on(o) for o, _ in pairs)
    inner_keyed = any(inner.distribution.keyed_on(i) for _, i in pairs)
    if any(outer.distribution.keyed_on(o) and inner.distribution.keyed_on(i) for o, i in pairs):
        return Label.DS_DIST_NONE
    if outer_keyed:
        return Label.DS_DIST_INNER
    broadcast = inner.bytes * slices if join_type not in _PRESERVES_INNER else None
    if not pairs:
        return Label.DS_BCAST_INNER
    if inner_keyed:
        return Label.DS_BCAST_INNER if broadcast is not None and broadcast < outer.bytes else Label.DS_DIST_OUTER
    if broadcast is not None and broadcast <= outer.bytes + inner.bytes:
        return Label.DS_BCAST_INNER
    return Label.DS_DIST_BOTH


def joined(label: Label, outer: Side, inner: Side, pairs: list[tuple[str, str]]) -> Distribution:
    """How the join's result is distributed."""
    o, i = outer.distribution, inner.distribution
    if label is Label.DS_DIST_NONE:
        return Distribution(Style.KEY, o.keys | i.keys)
    if label is Label.DS_DIST_INNER:
        return Distribution(Style.KEY, o.keys | {inner_key for outer_key, inner_key in pairs if o.keyed_on(outer_key)})
    if label is Label.DS_DIST_OUTER:
        return Distribution(Style.KEY, i.keys | {outer_key for outer_key, inner_key in pairs if i.keyed_on(inner_key)})
    if label is Label.DS_DIST_BOTH:
        return Distribution(Style.KEY, frozenset(pairs[0]))
    if label is Label.DS_DIST_ALL_INNER:
        return EVEN  # on a single slice: no key to join on locally
    return o  # DS_DIST_ALL_NONE, DS_BCAST_INNER: the outer side's rows did not move
