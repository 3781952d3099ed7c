"""Conformance cases as data: Redshift SQL, what the Developer Guide says it gives, and the page that says so.

A case module is any `cases_*.py` in this folder with a list CASES; the runners find them. Each case runs in a
schema of its own (its `setup` first, then `sql`, one statement at a time, autocommit: write BEGIN ... COMMIT to
test transactions). Expected values come from the cited page, never from what the local Redshift returns.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEVELOPER_GUIDE = "https://docs.aws.amazon.com/redshift/latest/dg/"


@dataclass(frozen=True)
class Rows:
    """The rows the last statement returns, in order (`ordered=False`: as a multiset)."""

    rows: Sequence[tuple[Any, ...]]
    ordered: bool = True


@dataclass(frozen=True)
class Refused:
    """The statement fails with this SQLSTATE and a message containing `says`.

    `by_translation`: the translator refuses it already (so the fast tier checks it without a server).
    """

    sqlstate: str
    says: str
    by_translation: bool = False


@dataclass(frozen=True)
class Case:
    id: str
    page: str  # a Developer Guide page, e.g. DEVELOPER_GUIDE + "r_WHERE_clause.html"
    sql: str  # the statement whose outcome is checked
    expect: Rows | Refused
    setup: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.page.startswith("https://docs.aws.amazon.com/redshift/"):
            raise ValueError(f"case {self.id}: cite the Redshift documentation page it follows")


def all_cases() -> list[Case]:
    """Every case of every `cases_*` module beside this one; ids are unique."""
    cases: list[Case] = []
    for module in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if module.name.startswith("cases_"):
            cases += importlib.import_module(f"{__package__}.{module.name}").CASES
    ids = [case.id for case in cases]
    if duplicated := sorted({i for i in ids if ids.count(i) > 1}):
        raise ValueError(f"case ids used twice: {duplicated}")
    return cases
