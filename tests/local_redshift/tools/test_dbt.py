"""dbt-redshift against the local stack, as a new user runs a project: seed, run twice (incremental models), snapshot,
test, docs generate, with two threads. The project is dbt_project/ beside this file. dbt-redshift pins
redshift-connector below 2.2, so it is no dependency of the tutorial: run these tests from a venv of their own
(`pip install -e '.[dev]' dbt-redshift`); they are skipped where it is not installed."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

dbt_main = pytest.importorskip("dbt.cli.main", reason="dbt-redshift is not installed (see the docstring)")

PROJECT = Path(__file__).with_name("dbt_project")
SCHEMA = "dbt_tools"


@pytest.fixture(scope="module")
def dbt(cluster, tmp_path_factory) -> Iterator:
    """Runs a dbt command on the project against the cluster; its result."""
    runs = tmp_path_factory.mktemp("dbt")
    environment = {
        "DBT_LOCAL_REDSHIFT_HOST": cluster.host,
        "DBT_LOCAL_REDSHIFT_PORT": str(cluster.port),
        "DBT_LOCAL_REDSHIFT_USER": cluster.user,
        "DBT_LOCAL_REDSHIFT_PASSWORD": cluster.password,
        "DBT_LOCAL_REDSHIFT_DATABASE": cluster.database,
        "DBT_LOCAL_REDSHIFT_SCHEMA": SCHEMA,
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    saved = {name: os.environ.get(name) for name in environment}
    os.environ.update(environment)

    def run(*command: str):
        paths = ["--project-dir", str(PROJECT), "--profiles-dir", str(PROJECT)]
        paths += ["--target-path", str(runs / "target"), "--log-path", str(runs / "logs")]
        return dbt_main.dbtRunner().invoke([*command, *paths])

    with cluster.psycopg(autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
    yield run
    with cluster.psycopg(autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def rows(cluster, sql: str, search_path: str = "public") -> list[tuple]:
    with cluster.psycopg() as conn:
        conn.execute(f"SET search_path TO {search_path}")
        return conn.execute(sql).fetchall()


def test_seed_run_twice_snapshot_test(cluster, dbt):
    assert dbt("seed").success
    assert dbt("run").success
    assert rows(cluster, f"SELECT count(*) FROM {SCHEMA}.songplays") == [(4,)]
    with cluster.psycopg(autocommit=True) as conn:  # a new event arrives: the incremental models take it in
        conn.execute(f"INSERT INTO {SCHEMA}.raw_events VALUES (5, 12, 'Fix You', 'paid', 1541905000000)")
    assert dbt("run").success
    assert rows(cluster, f"SELECT count(*), count(DISTINCT event_id) FROM {SCHEMA}.songplays") == [(5, 5)]
    assert rows(cluster, f"SELECT count(*) FROM {SCHEMA}.plays_appended") == [(5,)]
    # dist='user_id', sort=['user_id']: the table's design as PG_TABLE_DEF shows it
    design = rows(
        cluster,
        "SELECT \"column\", distkey, sortkey FROM pg_table_def WHERE tablename = 'plays_by_user'"
        " AND \"column\" = 'user_id'",
        search_path=SCHEMA,
    )
    assert design == [("user_id", True, 1)]
    assert dbt("snapshot").success
    with cluster.psycopg(autocommit=True) as conn:  # a user upgrades: the snapshot keeps both versions
        conn.execute(f"UPDATE {SCHEMA}.raw_users SET level = 'paid' WHERE user_id = 10")
    assert dbt("snapshot").success
    assert rows(cluster, f"SELECT count(*) FROM {SCHEMA}.users_snapshot WHERE user_id = 10") == [(2,)]
    assert dbt("test").success


def test_docs_generate(dbt):
    result = dbt("docs", "generate")
    assert result.success and not result.result.errors
