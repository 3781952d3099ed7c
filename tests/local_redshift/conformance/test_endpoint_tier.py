"""The conformance cases through the running local Redshift endpoint, each in a schema of its own."""

from __future__ import annotations

import uuid
from collections import Counter

import psycopg
import pytest

from tests.local_redshift.conformance.case import Case, Refused, Rows, all_cases

CASES = all_cases()


@pytest.fixture(scope="module")
def conformance_cluster(local_stack):
    from tests.local_redshift.conftest import create_cluster

    return create_cluster(local_stack, f"conformance-{uuid.uuid4().hex[:8]}")


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_the_case_behaves_as_its_page_says(conformance_cluster, case: Case):
    with conformance_cluster.psycopg(autocommit=True) as connection:
        schema = f"c_{uuid.uuid4().hex[:10]}"
        connection.execute(f"CREATE SCHEMA {schema}")
        connection.execute(f"SET search_path TO {schema}, public")
        for statement in case.setup:
            connection.execute(statement)
        if isinstance(case.expect, Refused):
            with pytest.raises(psycopg.Error) as raised:
                connection.execute(case.sql)
            assert raised.value.sqlstate == case.expect.sqlstate, raised.value
            assert case.expect.says in str(raised.value)
            return
        cursor = connection.execute(case.sql)
        rows = [tuple(row) for row in cursor.fetchall()] if cursor.description else []
        assert isinstance(case.expect, Rows)
        if case.expect.ordered:
            assert rows == list(case.expect.rows)
        else:
            assert Counter(rows) == Counter(case.expect.rows)
