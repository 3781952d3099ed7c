"""A cluster's users keep their logins, groups, roles and privileges across `local down` and `local up`: the logins
are kept in the warehouse's folder, the rest by its PostgreSQL server."""

from __future__ import annotations

import dataclasses
import uuid

import pytest

from tests.local_redshift.conftest import create_cluster
from tests.support import running_stack

pytestmark = pytest.mark.server  # starts a local stack of its own


def test_a_user_logs_in_with_its_privileges_after_down_and_up(tmp_path_factory):
    with running_stack(tmp_path_factory.mktemp("users-durable")) as stack:
        cluster = create_cluster(stack, f"users-durable-{uuid.uuid4().hex[:8]}")
        with cluster.psycopg(autocommit=True) as connection:
            for statement in (
                "CREATE USER reader PASSWORD 'Reader1234'",
                "CREATE ROLE readers",
                "CREATE TABLE kept (n INT)",
                "INSERT INTO kept VALUES (1), (2)",
                "GRANT SELECT ON kept TO ROLE readers",
                "GRANT ROLE readers TO reader",
            ):
                connection.execute(statement)
        stack.down()
        stack.up()
        reader = dataclasses.replace(cluster, user="reader", password="Reader1234")
        with reader.psycopg() as connection:
            assert connection.execute("SELECT count(*) FROM kept").fetchone() == (2,)
        with reader.redshift_connector() as connection:
            cursor = connection.cursor()
            cursor.execute("SELECT current_user")
            assert cursor.fetchone() == ["reader"]
