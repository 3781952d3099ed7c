"""Redshift's own type the local Redshift does not build (GEOGRAPHY: in the Developer Guide's "Data types" table,
c_Supported_data_types.html, with GEOMETRY, HLLSKETCH and SUPER, which it builds) is refused by name, in a column or
a cast, not passed to PostgreSQL, which has none."""

from __future__ import annotations

import pytest

from local_redshift.translation import UnsupportedFeature, translate


@pytest.mark.parametrize(
    ("sql", "construct"),
    [
        ("CREATE TABLE t (a INT, c GEOGRAPHY)", "The GEOGRAPHY type"),
        ("ALTER TABLE t ADD COLUMN c GEOGRAPHY", "The GEOGRAPHY type"),
    ],
)
def test_a_redshift_type_the_local_redshift_lacks_is_refused_by_name(sql, construct):
    with pytest.raises(UnsupportedFeature) as refused:
        translate(sql)
    assert refused.value.message.startswith(f"{construct} is not supported by the local Redshift")
    assert refused.value.sqlstate == "0A000"


def test_the_names_as_columns_are_fine():
    [statement] = translate("SELECT super, geometry FROM t")
    assert statement.postgres == ["SELECT super, geometry FROM t"]
