"""ABSTIME, RELTIME and TINTERVAL, PostgreSQL 8.0's time types that the Developer Guide does not document and
PostgreSQL 12 removed, are refused by name as types the local Redshift does not build (translation.legacy_types),
never passed to PostgreSQL."""

from __future__ import annotations

import pytest

from local_redshift.translation import UnsupportedFeature, translate


@pytest.mark.parametrize(
    ("sql", "construct"),
    [
        ("SELECT 'infinity'::abstime", "The ABSTIME type"),  # as redshift_connector's integration tests cast
        ("SELECT CAST('2022-06-10' AS ABSTIME)", "The ABSTIME type"),
        ("SELECT '1 day'::reltime", "The RELTIME type"),
        ("CREATE TABLE t1 (a tinterval)", "The TINTERVAL type"),
    ],
)
def test_the_legacy_time_types_are_refused_by_name(sql, construct):
    with pytest.raises(UnsupportedFeature) as refused:
        translate(sql)
    assert refused.value.message.startswith(f"{construct} is not supported by the local Redshift; use ")
    assert refused.value.sqlstate == "0A000"


def test_a_column_named_abstime_is_no_type():
    [statement] = translate("SELECT abstime FROM t1")
    assert statement.postgres == ["SELECT abstime FROM t1"]
