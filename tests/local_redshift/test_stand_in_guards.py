"""Without servers: the stand-in's own routes need the stack's token; the record of deleted clusters tells a cluster
deleted through the API from one only missing; a state file of another kind is set aside, not restored."""

from __future__ import annotations

import pickle
import stat

import pytest
from werkzeug.test import Client

from local_redshift import stand_in_token
from local_redshift.aws_server import WithClusterDirectory
from local_redshift.deleted_clusters import DeletedClusters
from local_redshift.serverless.models import ServerlessBackend
from local_redshift.stand_in_state import StandInState

TOKEN = "s3cr3t-token-of-the-stack"


def _moto(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"moto answered"]


@pytest.fixture
def client() -> Client:
    return Client(WithClusterDirectory(_moto, endpoint_port=5439, token=TOKEN))


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/_local_redshift/clusters", {}),
        ("/_local_redshift/clusters", {"Authorization": "Bearer wrong"}),
        ("/_local_redshift/clusters", {"Authorization": "Bearer " + TOKEN[:-1] + "X"}),
        ("/_local_redshift/clusters", {"Authorization": TOKEN}),  # without its scheme
        ("//_local_redshift/clusters", {}),
        ("/moto-api/data.json", {}),
        ("/moto-api/reset", {"Authorization": "Bearer wrong"}),
        ("//moto-api/data.json", {"Host": "motoapi.amazonaws.com"}),
        ("/", {"Host": "motoapi.amazonaws.com"}),
    ],
)
def test_own_routes_refuse_a_caller_without_the_token(client: Client, path: str, headers: dict[str, str]) -> None:
    answer = client.get("/", headers=headers, environ_overrides={"PATH_INFO": path})  # the path as a server gets it
    assert answer.status_code == 403
    assert b"moto answered" not in answer.data and b"md5" not in answer.data


def test_without_a_token_the_own_routes_answer_no_one() -> None:
    client = Client(WithClusterDirectory(_moto, endpoint_port=5439))
    assert client.get("/moto-api/data.json", headers={"Authorization": "Bearer "}).status_code == 403
    assert client.get("/_local_redshift/clusters", headers={"Authorization": "Bearer None"}).status_code == 403


def test_the_token_opens_moto_api_and_other_paths_go_to_moto(client: Client) -> None:
    assert client.get("/moto-api/data.json", headers=stand_in_token.headers(TOKEN)).data == b"moto answered"
    assert client.get("/some-bucket/key").data == b"moto answered"


def test_the_token_file_is_private_and_kept(tmp_path) -> None:
    path = tmp_path / "state" / "stand-in.token"
    stand_in_token.ensure(path)
    token = stand_in_token.read(path)
    assert len(token) >= 40 and stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o644)
    stand_in_token.ensure(path)
    assert stand_in_token.read(path) == token and stat.S_IMODE(path.stat().st_mode) == 0o600
    path.write_text("")  # cut short: made anew
    stand_in_token.ensure(path)
    assert stand_in_token.read(path) != token


def _entry(identifier: str, created: str, **fields: object) -> dict[str, object]:
    return {
        "identifier": identifier, "account_id": "123456789012", "region": "us-west-2", "database": "dev",
        "master_username": "awsuser", "md5_verifier": "md5-of-it", "status": "available", "created": created,
        "iam_roles": [], **fields,
    }  # fmt: skip


def test_a_cluster_that_leaves_the_directory_is_recorded_once_without_its_verifier() -> None:
    deleted = DeletedClusters()
    kept, gone = _entry("kept", "2026-12-01 10:00"), _entry("gone", "2026-12-01 11:00")
    [noted] = deleted.note_gone([kept, gone], [kept])
    assert noted["identifier"] == "gone" and noted["md5_verifier"] == "" and noted["status"] == "deleted"
    assert deleted.note_gone([kept, gone], [kept]) == []
    assert [entry["identifier"] for entry in deleted.entries()] == ["gone"]


def test_a_renamed_cluster_and_a_namespace_without_workgroup_are_not_deleted() -> None:
    deleted = DeletedClusters()
    old, renamed = _entry("old-name", "2026-12-01 10:00"), _entry("new-name", "2026-12-01 10:00")
    served = _entry("ns-wg", "namespace-id", serverless=True)
    temporary = _entry("ns-wg", "namespace-id", serverless=True, master_username="IAM:learner")
    kept = _entry("ns", "namespace-id", serverless=True, master_username="", status="without workgroup")
    assert deleted.note_gone([old, served, temporary], [renamed, kept]) == []
    [namespace] = deleted.note_gone([served, temporary], [])  # the namespace itself deleted: one record
    assert namespace["created"] == "namespace-id"


def test_the_record_survives_its_file_and_refuses_what_it_did_not_write() -> None:
    deleted = DeletedClusters()
    deleted.note_gone([_entry("gone", "2026-12-01 11:00")], [])
    again = DeletedClusters()
    again.load(deleted.to_json())
    assert again.entries() == deleted.entries()
    for damaged in (b"", b"{not json", b'{"a": 1}', b'[{"identifier": "x"}]', b"[1, 2]"):
        with pytest.raises(ValueError):
            DeletedClusters().load(damaged)


@pytest.mark.parametrize(
    "content",
    [
        pickle.dumps({"format": 99}),  # a pickle, but not a Redshift backend
        b"cmoto.redshift.models\nRedshiftBackendOfAnotherVersion\n)\x81.",  # a class this moto does not have
        b"\x80\x09unsupported protocol",
    ],
)
def test_a_state_file_of_another_kind_is_set_aside(tmp_path, content: bytes) -> None:
    folder = tmp_path / "aws"
    (folder / "redshift" / "123456789012").mkdir(parents=True)
    (folder / "redshift" / "123456789012" / "us-west-2.pickle").write_bytes(content)
    (folder / "deleted-clusters.json").write_bytes(b"[{broken")
    [clusters, record] = StandInState(folder, ServerlessBackend("127.0.0.1", 5439), DeletedClusters()).restore()
    assert "could not restore the Redshift clusters of redshift/123456789012/us-west-2.pickle" in clusters
    assert clusters.endswith(", and their data is kept (only deleting a cluster deletes it)")
    assert "could not restore the record of deleted clusters" in record
    assert sorted(path.name.rpartition(".")[0] for path in (folder / "damaged").iterdir()) == [
        "deleted-clusters.json",
        "redshift_123456789012_us-west-2.pickle",
    ]
    assert (folder / "not-restored.txt").read_text().splitlines() == [clusters, record]
