"""Data-quality checks: each file of the `checks` layer is a query that returns the rows breaking one rule.

A check passes when its query returns no row. The rule each one tests is the comment that opens its file.
"""

from __future__ import annotations

import logging

import pandas as pd
import redshift_connector

from sparkify_dwh import sql, warehouse

log = logging.getLogger(__name__)

LAYER = "checks"


class DataQualityError(RuntimeError):
    """One or more checks returned rows; the message lists them."""


def run(connection: redshift_connector.Connection, *, strict: bool = False) -> pd.DataFrame:
    """Run every check; one row per check: `check`, `failing_rows`, `rule`. With `strict`, raise on any failure."""
    rows = []
    for sql_file in sql.files(LAYER):
        failing = warehouse.query(connection, sql_file.text)
        rows.append({"check": sql_file.name, "failing_rows": len(failing), "rule": sql_file.description})
    results = pd.DataFrame(rows, columns=["check", "failing_rows", "rule"])
    failed = int((results["failing_rows"] > 0).sum())
    log.info("%d data-quality checks run, %d failed", len(results), failed)
    if strict:
        raise_for_failures(results)
    return results


def raise_for_failures(results: pd.DataFrame) -> None:
    """Raise DataQualityError naming every check of `results` (as `run` returns them) that found rows."""
    failures = results[results["failing_rows"] > 0]
    if failures.empty:
        return
    lines = [f"- {row.check}: {row.failing_rows} rows break '{row.rule}'" for row in failures.itertuples()]
    raise DataQualityError(
        f"{len(failures)} of {len(results)} data-quality checks failed "
        f"(run the files of sql/{LAYER}/ to see the rows):\n" + "\n".join(lines)
    )
