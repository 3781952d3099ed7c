"""The AWS stand-in's own routes, tried as a local attacker would (any user of the machine reaches 127.0.0.1): the
cluster directory holds every cluster's md5 verifier, which logs in by itself, and moto's `/moto-api/` every
password; without the stack's token both answer 403 and nothing else, and the endpoint still logs clusters in."""

from __future__ import annotations

import hashlib
import json
import stat
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from local_redshift import stand_in_token
from tests.local_redshift.conftest import Login, stack_client


def _get(url: str, headers: dict[str, str] | None = None, method: str = "GET") -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _verifier(cluster: Login) -> str:
    return hashlib.md5((cluster.password + cluster.user).encode()).hexdigest()


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Bearer "}, {"Authorization": "Basic c3RhbmQ6aW4="}],
    ids=["no token", "wrong token", "empty token", "other scheme"],
)
def test_the_cluster_route_refuses_a_caller_without_the_token(local_stack, cluster, headers) -> None:
    status, body = _get(local_stack.settings.aws_endpoint + "/_local_redshift/clusters", headers)
    assert status == 403
    assert _verifier(cluster).encode() not in body and b"md5" not in body and cluster.identifier.encode() not in body


def test_moto_api_refuses_a_caller_without_the_token(local_stack, cluster) -> None:
    base = local_stack.settings.aws_endpoint
    for path in ("/moto-api/data.json", "/moto-api/", "//moto-api/data.json"):
        status, body = _get(base + path)
        assert status == 403, path
        assert cluster.password.encode() not in body and _verifier(cluster).encode() not in body, path
    status, _ = _get(base + "/moto-api/reset", method="POST")
    assert status == 403
    redshift = stack_client(local_stack, "redshift")
    assert redshift.describe_clusters(ClusterIdentifier=cluster.identifier)["Clusters"]  # not reset


def test_the_stack_token_opens_the_route_and_the_endpoint_logs_in(local_stack, cluster) -> None:
    token = stand_in_token.read(local_stack.token_file)
    status, body = _get(local_stack.settings.aws_endpoint + "/_local_redshift/clusters", stand_in_token.headers(token))
    assert status == 200
    assert cluster.identifier in {entry["identifier"] for entry in json.loads(body)["clusters"]}
    with cluster.psycopg() as connection:
        assert connection.execute("SELECT current_user").fetchone() == (cluster.user,)


def test_the_token_is_private_and_on_no_command_line(local_stack) -> None:
    """`ps` shows every process's arguments to every user: the processes get the file's name, not the token."""
    token = stand_in_token.read(local_stack.token_file)
    assert stat.S_IMODE(local_stack.token_file.stat().st_mode) == 0o600
    running = [component for component in local_stack.status() if component.name in ("moto", "endpoint")]
    assert len(running) == 2 and all(component.pid for component in running)
    for component in running:
        assert token.encode() not in Path(f"/proc/{component.pid}/cmdline").read_bytes(), component.name
    for log_file in local_stack.settings.state_dir.glob("*.log"):
        assert token not in log_file.read_text(errors="replace"), log_file
