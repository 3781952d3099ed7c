"""Faults in the tutorial's pipeline: the endpoint killed during the star load, a client (a notebook kernel) killed
during a COPY. Afterwards each table is fully loaded or untouched, and running the step again completes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator

import psycopg
import pytest

from sparkify_dwh import aws, checks, cluster, iam, local, pipeline, warehouse
from sparkify_dwh.config import Config, load_config
from sparkify_dwh.sampledata import GeneratorOptions, seed_generated
from tests.conftest import stack_environment
from tests.support import REPO_ROOT

pytestmark = pytest.mark.server  # starts a local stack of its own

STAR = ("users", "songs", "artists", "time", "songplays")


@pytest.fixture
def environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A stack of its own (its components get killed), with the role, the cluster and a larger sample."""
    home = tmp_path_factory.mktemp("pipeline-faults")
    environ = stack_environment(home / "state")
    config = load_config(REPO_ROOT / "dwh.cfg", environ=environ)
    stack = local.stack(config)
    stack.up()
    try:
        cluster.create(config, iam.ensure_role(config))
        seed_generated(
            aws.client(config, "s3", config.s3.region),
            GeneratorOptions(scale=4, songs_per_file=20),
            layout=local.layout(config),
            region=config.s3.region,
            progress=False,
        )
        yield environ
    finally:
        stack.down()


def config_of(environ: dict[str, str]) -> Config:
    return load_config(REPO_ROOT / "dwh.cfg", environ=environ)


def star_counts(config: Config) -> dict[str, int]:
    with warehouse.connect(config) as connection:
        return {
            table: int(warehouse.query(connection, f"SELECT COUNT(*) AS n FROM {table}")["n"].item()) for table in STAR
        }


def wait_for_statement(config: Config, fragment: str) -> None:
    """Until the cluster's PostgreSQL server runs a statement containing `fragment`."""
    deadline = time.monotonic() + 60
    server = local.stack(config).warehouse(config.dwh.identifier)
    with psycopg.connect(server.conninfo(), autocommit=True) as admin:
        while time.monotonic() < deadline:
            if admin.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE %s", [f"%{fragment}%"]
            ).fetchone()[0]:
                return
            time.sleep(0.002)
    pytest.fail(f"no statement like {fragment!r} ever ran")


def test_the_endpoint_killed_during_the_star_load_leaves_each_table_whole_or_empty(environment):
    config = config_of(environment)
    with warehouse.connect(config) as connection:
        pipeline.create_tables(connection)
        pipeline.load_staging(connection, pipeline.copy_params(config))
    errors: list[Exception] = []

    def load() -> None:
        try:
            with warehouse.connect(config) as connection:
                pipeline.load_star(connection)
        except Exception as error:
            errors.append(error)

    loader = threading.Thread(target=load)
    loader.start()
    wait_for_statement(config, "INSERT INTO songplays")
    endpoint = next(c.pid for c in local.stack(config).status() if c.name == "endpoint")
    os.kill(endpoint, signal.SIGKILL)
    loader.join(60)
    assert errors, "the load finished before the endpoint was killed"
    local.stack(config).up()
    interrupted = star_counts(config)
    with warehouse.connect(config) as connection:
        pipeline.load_star(connection)
        full = star_counts(config)
        assert (checks.run(connection)["failing_rows"] == 0).all()
    assert all(interrupted[table] in (0, full[table]) for table in STAR), (interrupted, full)
    assert interrupted["songplays"] == 0 and interrupted["users"] == full["users"]


def test_a_client_killed_during_a_copy_leaves_nothing_that_blocks_the_next_run(environment):
    config = config_of(environment)
    with warehouse.connect(config) as connection:
        pipeline.create_tables(connection)
    script = textwrap.dedent("""
        from sparkify_dwh import pipeline, warehouse
        from sparkify_dwh.config import load_config
        config = load_config()
        with warehouse.connect(config) as connection:
            pipeline.load_staging(connection, pipeline.copy_params(config))
    """)
    kernel = subprocess.Popen([sys.executable, "-c", script], env={**os.environ, **environment}, cwd=REPO_ROOT)
    try:
        wait_for_statement(config, "FROM STDIN")
    finally:
        kernel.kill()  # as a notebook kernel killed by a timeout
        kernel.wait()
    with warehouse.connect(config) as connection:
        pipeline.load_staging(connection, pipeline.copy_params(config))  # would wait forever on a leftover lock
        loaded = pipeline.row_counts(connection).set_index("table_name")["row_count"]
    assert loaded["staging_events"] > 0 and loaded["staging_songs"] > 0
