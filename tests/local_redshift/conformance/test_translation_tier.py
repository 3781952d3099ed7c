"""The conformance cases without a server: every case translates, and what the translator refuses it refuses
with the case's SQLSTATE and words."""

from __future__ import annotations

import pytest

from local_redshift.errors import RedshiftError
from local_redshift.translation import translate
from tests.local_redshift.conformance.case import Case, Refused, all_cases

CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_the_case_translates_or_is_refused_as_the_page_says(case: Case):
    for statement in case.setup:
        translate(statement)
    refused = case.expect if isinstance(case.expect, Refused) else None
    if refused is None or not refused.by_translation:
        translate(case.sql)
        return
    with pytest.raises(RedshiftError) as raised:
        translate(case.sql)
    assert raised.value.sqlstate == refused.sqlstate
    assert refused.says in raised.value.message
