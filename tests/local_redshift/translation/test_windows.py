"""Window functions computed from ARRAY_AGG of the window: what the conformance cases do not show."""

from __future__ import annotations

import psycopg
import pytest

from local_redshift.errors import UnsupportedFeature
from local_redshift.translation import translate
from tests.local_redshift.translation.support import column_names, run

_VALUES = "(SELECT 1 AS k, CAST(NULL AS INT) AS v UNION ALL SELECT 2, 5 UNION ALL SELECT 3, NULL) AS t"


def test_lag_with_a_default_and_ignore_nulls_is_refused():
    with pytest.raises(UnsupportedFeature, match="LAG with a default value and IGNORE NULLS"):
        translate("SELECT LAG(v, 1, 0) IGNORE NULLS OVER (ORDER BY k) FROM t")


def test_percentile_cont_without_within_group_is_refused():
    with pytest.raises(UnsupportedFeature, match="PERCENTILE_CONT without WITHIN GROUP"):
        translate("SELECT PERCENTILE_CONT(0.5) OVER (PARTITION BY k) FROM t")


def test_columns_keep_the_function_names(conn: psycopg.Connection):
    sql = (
        "SELECT ratio_to_report(v) OVER (), median(v) OVER (), listagg(v) WITHIN GROUP (ORDER BY k) OVER (),"
        " first_value(v) IGNORE NULLS OVER (ORDER BY k ROWS UNBOUNDED PRECEDING), lag(v) IGNORE NULLS OVER"
        f" (ORDER BY k), dlog10(100) FROM {_VALUES}"
    )
    assert column_names(conn, sql) == ["ratio_to_report", "median", "listagg", "first_value", "lag", "dlog10"]


def test_a_frame_without_values_gives_null(conn: psycopg.Connection):
    sql = (
        "SELECT k, listagg(v) WITHIN GROUP (ORDER BY k) OVER (PARTITION BY v IS NULL),"
        f" nth_value(v, 1) IGNORE NULLS OVER (ORDER BY k ROWS BETWEEN CURRENT ROW AND CURRENT ROW) FROM {_VALUES}"
        " ORDER BY k"
    )
    assert run(conn, sql) == [(1, None, None), (2, "5", 5), (3, None, None)]
