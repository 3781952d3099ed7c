"""REAL and DOUBLE PRECISION fields past the type's range: load error 1216 of their record (as REAL's overflow was
already), where PostgreSQL's "out of range" failed the whole load. "Numeric types" gives REAL 6 significant digits
and DOUBLE PRECISION 15, the IEEE 754 single and double formats whose largest values the reasons name."""

from __future__ import annotations

import pytest

from tests.local_redshift.copy.test_conversion import convert, refusal

DOUBLE_OVERFLOW = "Overflow (Double valid range -1.7976931348623157e+308 to 1.7976931348623157e+308)"


@pytest.mark.parametrize("value", ["1e400", "-1e309", 10**400])
def test_a_double_past_its_range_is_an_overflow(value):
    assert refusal("float8", value) == (1216, DOUBLE_OVERFLOW)


@pytest.mark.parametrize(("type_name", "text"), [("float8", "1e-400"), ("float4", "1e-46")])
def test_a_nonzero_number_the_type_reads_as_zero_is_refused(type_name, text):
    assert refusal(type_name, text)[0] == 1216


@pytest.mark.parametrize(("type_name", "text"), [("float8", "0e-400"), ("float8", "4e-320"), ("float4", "1e-40")])
def test_zero_and_the_subnormal_numbers_load(type_name, text):
    assert convert(type_name, text) == text
