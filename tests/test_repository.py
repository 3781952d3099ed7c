"""What is committed: no credential in any tracked file, and dwh.cfg with its secrets left empty."""

from __future__ import annotations

import configparser
import re
import subprocess

import pytest

from tests.support import REPO_ROOT

ACCESS_KEY_ID = re.compile(rb"\b(AKIA|ASIA)[A-Z0-9]{16}\b")
SECRET_ASSIGNMENT = re.compile(rb"(?i)(aws_secret_access_key|secret)\s*[=:]\s*['\"]?[A-Za-z0-9/+]{40}\b")
PRIVATE_KEY = re.compile(rb"-----BEGIN [A-Z ]*PRIVATE KEY-----")


def tracked_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO_ROOT, capture_output=True, check=False)
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    return [name for name in listed.stdout.decode().split("\0") if name and (REPO_ROOT / name).is_file()]


def test_no_tracked_file_holds_an_aws_key_or_a_private_key():
    leaks = []
    for name in tracked_files():
        data = (REPO_ROOT / name).read_bytes()
        for pattern in (ACCESS_KEY_ID, SECRET_ASSIGNMENT, PRIVATE_KEY):
            if match := pattern.search(data):
                leaks.append(f"{name}: {match.group(0)[:12]!r}...")
    assert leaks == []


def test_dwh_cfg_is_committed_with_empty_secrets():
    parser = configparser.ConfigParser()
    parser.optionxform = str
    parser.read(REPO_ROOT / "dwh.cfg")
    assert parser["AWS"]["KEY"] == "" and parser["AWS"]["SECRET"] == ""
    assert parser["DWH"]["DWH_DB_PASSWORD"] == ""


def test_files_that_hold_real_values_are_ignored_by_git():
    checked = subprocess.run(
        ["git", "check-ignore", "dwh.local.cfg", ".local_redshift/dwh.password", ".env"],
        cwd=REPO_ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert checked.stdout.split() == ["dwh.local.cfg", ".local_redshift/dwh.password", ".env"]
