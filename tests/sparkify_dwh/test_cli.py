"""The command line against a real local stack: local up seeds the bucket, seed --from loads a folder, down stops."""

import re

import pytest

from sparkify_dwh import aws, cli, local
from sparkify_dwh.config import load_config
from tests.support import REPO_ROOT, free_port


@pytest.fixture
def configured(tmp_path, monkeypatch):
    """A project folder with the committed dwh.cfg, on free ports; the stack is stopped afterwards."""
    tmp_path.chmod(0o755)
    (tmp_path / "dwh.cfg").write_text((REPO_ROOT / "dwh.cfg").read_text())
    monkeypatch.setenv("SPARKIFY_CONFIG", str(tmp_path / "dwh.cfg"))
    monkeypatch.setenv("SPARKIFY_LOCAL_AWS_PORT", str(free_port()))
    monkeypatch.setenv("SPARKIFY_LOCAL_POSTGRES_PORT", str(free_port()))
    monkeypatch.setenv("SPARKIFY_DWH_PORT", str(free_port()))
    config = load_config()
    yield config
    local.stack(config).down()


def keys(config):
    s3 = aws.client(config, "s3", config.s3.region)
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket="udacity-dend")
    return sorted(o["Key"] for page in pages for o in page.get("Contents", []))


@pytest.mark.server  # `local up` starts the stack
def test_local_up_seeds_the_layout_then_down_leaves_nothing(configured, capsys):
    assert cli.main(["local", "up"]) == 0
    listing = keys(configured)
    assert "log_json_path.json" in listing
    assert all(
        re.fullmatch(
            r"song_data/[A-Z]/[A-Z]/[A-Z]/TR\w+\.json|log_data/\d{4}/\d\d/\d{4}-\d\d-\d\d-events\.json"
            r"|log_json_path\.json",
            key,
        )
        for key in listing
    )
    assert cli.main(["local", "up"]) == 0  # idempotent, and no second seeding
    assert keys(configured) == listing
    assert cli.main(["local", "down"]) == 0
    assert cli.main(["local", "status"]) == 0
    status_lines = capsys.readouterr().out.splitlines()[-2:]
    assert [line.split()[:2] for line in status_lines] == [
        ["moto", "stopped"],
        ["endpoint", "stopped"],
    ]  # and no cluster's PostgreSQL server: no cluster has been logged in to
    assert not any(c.healthy or c.pid for c in local.stack(configured).status())


@pytest.mark.server  # `local up` starts the stack
def test_seed_from_the_course_sample_keeps_its_keys(configured, udacity_sample):
    assert cli.main(["local", "up"]) == 0
    assert cli.main(["seed", "--from", str(udacity_sample)]) == 0
    listing = keys(configured)
    expected = sorted(str(p.relative_to(udacity_sample)) for p in udacity_sample.rglob("*.json"))
    assert listing == expected and len(expected) == 102


def test_errors_are_one_line_not_a_traceback(configured, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SPARKIFY_DWH_NODE_TYPE", "dc2.large")
    assert cli.main(["local", "status"]) == 2
    assert "retired" in capsys.readouterr().err


STAR_COUNTS = {
    "staging_events": 7913,
    "staging_songs": 200,
    "songplays": 6631,
    "users": 88,
    "songs": 200,
    "artists": 112,
    "time": 6618,
}  # the default generated sample, by the rules of notebook 04


def printed_counts(out: str) -> dict[str, int]:
    """The row-count table a pipeline command printed."""
    return {
        words[0]: int(words[1])
        for words in map(str.split, out.splitlines())
        if len(words) == 2 and words[0] in STAR_COUNTS and words[1].isdigit()
    }


@pytest.mark.server  # `local up` starts the stack
def test_run_builds_everything_offline_then_teardown_leaves_nothing(configured, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SPARKIFY_IMAGES_DIR", str(tmp_path / "charts"))
    assert cli.main(["local", "up"]) == 0
    assert cli.main(["run"]) == 0
    assert printed_counts(capsys.readouterr().out) == STAR_COUNTS
    assert len(list((tmp_path / "charts").glob("*.png"))) >= 6
    assert cli.main(["etl"]) == 0
    assert printed_counts(capsys.readouterr().out) == STAR_COUNTS  # again: the same tables, no duplicates
    assert cli.main(["teardown"]) == 0
    assert cli.main(["teardown"]) == 0  # safe twice
    assert cli.main(["status"]) == 0
    assert "nothing the tutorial creates remains" in capsys.readouterr().out


@pytest.mark.server  # `local up` starts the stack
def test_pipeline_commands_without_a_cluster_say_what_to_do(configured, capsys):
    assert cli.main(["local", "up"]) == 0
    assert cli.main(["etl"]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "no cluster 'dwhcluster' exists yet" in error[0] and "02_cluster" in error[0]
