"""PostgreSQL 8.0's time types ABSTIME, RELTIME and TINTERVAL, which the local Redshift does not build.

Redshift answers to ABSTIME (redshift_connector reads its type code, 702, as seconds since 1970, and its integration
tests cast 'infinity' and dates to it), but the Developer Guide documents none of the three, and PostgreSQL 12 removed
them: what a cluster answers cannot be taken from the oracle. Refused by name wherever they are written (a cast, a
column), instead of reaching PostgreSQL, which answers 'type "abstime" does not exist'.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from local_redshift.translation.rule import Rule, node_is, reject

_BY = "the local Redshift"


def _named(name: str) -> Callable[[exp.Expr], bool]:
    return node_is(
        exp.DataType,
        where=lambda data_type: (
            data_type.this == exp.DType.USERDEFINED
            and data_type.args.get("kind") is not None
            and data_type.args["kind"].name.lower() == name
        ),
    )


_INSTEAD = {"abstime": "TIMESTAMPTZ", "reltime": "INTERVAL", "tinterval": "two TIMESTAMPTZ values"}

RULES: list[Rule] = [
    reject(f"The {name.upper()} type", _named(name), by=_BY, hint=f"use {instead}")
    for name, instead in _INSTEAD.items()
]
"""Applied with the other refusals of what the local Redshift does not do."""
