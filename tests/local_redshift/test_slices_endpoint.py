"""Modelled slices through the running endpoint: STV_SLICES for the cluster's node type, the rows of each slice in
STV_TBL_PERM placed as each distribution style places them, and SVV_TABLE_INFO.skew_rows over them.

The rules are the Developer Guide's "Distribution styles" (https://docs.aws.amazon.com/redshift/latest/dg/c_choosing_dist_sort.html):
KEY "the rows are distributed according to the values in one column ... matching values from the common columns
are physically stored together"; EVEN "The leader node distributes the rows across the slices in a round-robin
fashion"; ALL "A copy of the entire table is distributed to every node". STV_SLICES, STV_TBL_PERM and SVV_TABLE_INFO
are their pages (r_STV_SLICES.html, r_STV_TBL_PERM.html, r_SVV_TABLE_INFO.html).
"""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from tests.local_redshift.conftest import create_cluster, stack_client


@pytest.fixture
def connection(cluster):
    """A connection working in a schema of the test's own."""
    schema = f"slices_{uuid.uuid4().hex[:10]}"
    with cluster.psycopg(autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
        connection.execute(f"SET search_path TO {schema}")
        yield connection
        connection.execute(f"DROP SCHEMA {schema} CASCADE")


def slice_rows(connection, table: str) -> list[tuple[int, int]]:
    return connection.execute(
        "SELECT slice, rows FROM stv_tbl_perm WHERE TRIM(name) = %s ORDER BY slice", [table]
    ).fetchall()


def test_stv_slices_has_the_two_slices_of_one_ra3_large_node(connection):
    # the test cluster is one ra3.large node; the Management Guide's node type table gives it 2 slices per node
    assert connection.execute("SELECT node, slice FROM stv_slices ORDER BY slice").fetchall() == [(0, 0), (0, 1)]


def test_even_deals_the_rows_round_robin(connection):
    connection.execute("CREATE TABLE dealt (n INTEGER) DISTSTYLE EVEN")
    connection.execute("INSERT INTO dealt SELECT g FROM generate_series(1, 1001) g")
    assert slice_rows(connection, "dealt") == [(0, 501), (1, 500)]
    skew = connection.execute("SELECT skew_rows FROM svv_table_info WHERE \"table\" = 'dealt'").fetchone()[0]
    assert skew == Decimal("1.00")  # 501 / 500, to two places


def test_key_stores_equal_values_together_and_skew_rows_compares_the_slices(connection):
    connection.execute("CREATE TABLE keyed (k VARCHAR(8) DISTKEY, n INTEGER)")
    connection.execute("INSERT INTO keyed SELECT 'same', g FROM generate_series(1, 50) g")
    rows = [count for _, count in slice_rows(connection, "keyed")]
    assert sorted(rows) == [0, 50]  # one value: one slice holds every row
    connection.execute("INSERT INTO keyed SELECT 'k' || g, g FROM generate_series(1, 500) g")
    rows = [count for _, count in slice_rows(connection, "keyed")]
    assert sum(rows) == 550 and min(rows) > 0
    skew = connection.execute("SELECT skew_rows FROM svv_table_info WHERE \"table\" = 'keyed'").fetchone()[0]
    assert skew == round(Decimal(max(rows)) / Decimal(min(rows)), 2)  # the slice with most rows over the fewest


def test_all_keeps_a_copy_on_the_first_slice_of_the_node(connection):
    connection.execute("CREATE TABLE copied (n INTEGER) DISTSTYLE ALL")
    connection.execute("INSERT INTO copied SELECT g FROM generate_series(1, 7) g")
    assert slice_rows(connection, "copied") == [(0, 7), (1, 0)]
    perm = "SELECT DISTINCT dist_style, block_count FROM stv_tbl_perm WHERE TRIM(name) = 'copied'"
    assert connection.execute(perm).fetchall() == [(8, -1)]  # PG_CLASS_INFO's 8 = ALL; blocks not counted


def test_the_slices_follow_the_clusters_node_type_and_count_and_its_resize(local_stack):
    # the Management Guide's node type table: ra3.4xlarge has 4 slices per node
    identifier = f"slices-{uuid.uuid4().hex[:8]}"
    login = create_cluster(local_stack, identifier, NodeType="ra3.4xlarge", ClusterType="multi-node", NumberOfNodes=2)
    query = "SELECT count(*), count(DISTINCT node), max(localslice) FROM stv_slices"
    with login.psycopg() as connection:
        assert connection.execute(query).fetchone() == (8, 2, 3)
    stack_client(local_stack, "redshift").modify_cluster(ClusterIdentifier=identifier, NumberOfNodes=3)
    with login.psycopg() as connection:  # a new session sees the cluster as it is now
        assert connection.execute(query).fetchone() == (12, 3, 3)
