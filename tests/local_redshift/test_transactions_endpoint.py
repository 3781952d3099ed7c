"""Transactions through the running endpoint: "Amazon Redshift processes all isolation levels as serializable"
(r_BEGIN.html), so a READ COMMITTED transaction does not see another session's commit."""

from __future__ import annotations

import uuid

import psycopg
import pytest


@pytest.mark.parametrize(
    "begin", ["BEGIN ISOLATION LEVEL READ COMMITTED", "START TRANSACTION ISOLATION LEVEL READ UNCOMMITTED"]
)
def test_every_isolation_level_reads_one_snapshot(cluster, begin):
    table = f"isolated_{uuid.uuid4().hex[:8]}"
    with cluster.psycopg(autocommit=True) as reader, cluster.psycopg(autocommit=True) as writer:
        writer.execute(f"CREATE TABLE {table} (n INT)")
        writer.execute(f"INSERT INTO {table} VALUES (1), (2)")
        reader.execute(begin)
        assert reader.execute(f"SELECT count(*) FROM {table}").fetchone() == (2,)
        writer.execute(f"INSERT INTO {table} VALUES (3)")
        assert reader.execute(f"SELECT count(*) FROM {table}").fetchone() == (2,)
        reader.execute("END")
        assert reader.execute(f"SELECT count(*) FROM {table}").fetchone() == (3,)


def test_a_read_only_transaction_refuses_a_write(cluster):
    table = f"kept_{uuid.uuid4().hex[:8]}"
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute(f"CREATE TABLE {table} (n INT)")
        connection.execute("BEGIN READ ONLY")
        with pytest.raises(psycopg.Error, match="read-only transaction"):
            connection.execute(f"INSERT INTO {table} VALUES (1)")
        connection.execute("ROLLBACK")
        assert connection.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
