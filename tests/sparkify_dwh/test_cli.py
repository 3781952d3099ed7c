"""The command line against a real local stack: local up seeds the bucket, seed --from loads a folder, down stops."""

import re

import pytest

from sparkify_dwh import aws, cli, local
from sparkify_dwh.config import load_config
from tests.conftest import REPO_ROOT, free_port


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


def test_local_up_seeds_the_layout_then_down_leaves_nothing(configured, capsys):
    assert cli.main(["local", "up"]) == 0
    listing = keys(configured)
    assert "log_json_path.json" in listing
    assert all(re.fullmatch(r"song_data/[A-Z]/[A-Z]/[A-Z]/TR\w+\.json|log_data/\d{4}/\d\d/\d{4}-\d\d-\d\d-events\.json"
                            r"|log_json_path\.json", key) for key in listing)
    assert cli.main(["local", "up"]) == 0  # idempotent, and no second seeding
    assert keys(configured) == listing
    assert cli.main(["local", "down"]) == 0
    assert cli.main(["local", "status"]) == 0
    status_lines = capsys.readouterr().out.splitlines()[-3:]
    assert [line.split()[:2] for line in status_lines] == [
        ["moto", "stopped"], ["postgres", "stopped"], ["endpoint", "stopped"]
    ]
    assert not any(c.healthy or c.pid for c in local.stack(configured).status())


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
