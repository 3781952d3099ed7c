"""Teardown and status against the real moto server: everything goes, twice is safe, what remains is listed with
its cost; the same through the command line; and the notebooks of this part are stored valid and without outputs."""

import json
import uuid
from urllib.parse import urlsplit

import nbformat
import pytest

from sparkify_dwh import cli, cluster, iam, network, teardown
from sparkify_dwh.config import load_config
from tests.support import REPO_ROOT, free_port

NOTEBOOKS = {
    "01_iam_role.ipynb": "02_cluster.ipynb",
    "02_cluster.ipynb": "03_staging.ipynb",
    "06_teardown.ipynb": "01_iam_role.ipynb",
}


def build_everything(config, session):
    arn = iam.ensure_role(config, boto_session=session)
    cluster.create(config, arn, boto_session=session)
    cluster.wait_available(config, boto_session=session, progress=False)
    return network.open_ingress(config, boto_session=session)


def test_status_lists_the_cluster_the_role_and_the_rule_then_teardown_leaves_nothing_twice(sandbox):
    config, session = sandbox
    rule = build_everything(config, session)
    left = teardown.remaining(config, boto_session=session)
    assert [(item.kind, item.name) for item in left] == [
        ("Redshift cluster", "dwhcluster"),
        ("IAM role", "dwhRole"),
        ("ingress rule", rule.group_id),
    ]
    assert left[0].detail == "1 x ra3.large, available, local stand-in: free" and teardown.hourly_total(left) == 0.0

    first = teardown.teardown(config, boto_session=session, progress=False)
    assert first == teardown.TeardownSummary(cluster_deleted=True, rules_revoked=(rule,), role_deleted=True)
    assert teardown.remaining(config, boto_session=session) == []
    second = teardown.teardown(config, boto_session=session, progress=False)
    assert second.lines() == ["cluster: none left", "ingress rules revoked: none left", "IAM role: none left"]
    assert teardown.remaining(config, boto_session=session) == []


def test_serverless_status_lists_the_workgroup_and_namespace_then_teardown_leaves_nothing_twice(
    serverless_sandbox,
):
    config, session = serverless_sandbox
    rule = build_everything(config, session)
    left = teardown.remaining(config, boto_session=session)
    assert [(item.kind, item.name) for item in left] == [
        ("Serverless workgroup", "dwh-workgroup"),
        ("Serverless namespace", "dwh-namespace"),
        ("IAM role", "dwhRole"),
        ("ingress rule", rule.group_id),
    ]
    assert left[0].detail.endswith("billed per second while queries run, local stand-in: free")
    assert teardown.hourly_total(left) == 0.0
    first = teardown.teardown(config, boto_session=session, progress=False)
    assert first == teardown.TeardownSummary(True, (rule,), True, "workgroup and namespace")
    assert teardown.remaining(config, boto_session=session) == []
    second = teardown.teardown(config, boto_session=session, progress=False)
    assert second.lines()[0] == "workgroup and namespace: none left"
    assert teardown.remaining(config, boto_session=session) == []


def test_on_aws_each_cluster_in_the_region_shows_its_hourly_cost(sandbox, stand_in_endpoint):
    """aws mode with clients handed in: the stand-in plays the account."""
    session = sandbox[1]
    config = load_config(
        REPO_ROOT / "dwh.cfg", environ={"SPARKIFY_MODE": "aws", "SPARKIFY_DWH_DB_PASSWORD": "Sandbox1pass"}
    )
    clients = {
        name: session.client(service, endpoint_url=stand_in_endpoint)
        for name, service in (
            ("redshift", "redshift"), ("ec2", "ec2"), ("iam_client", "iam"),
            ("serverless_client", "redshift-serverless"),
        )
    }  # fmt: skip
    serverless = clients["serverless_client"]
    serverless.create_namespace(namespaceName="other-namespace")
    serverless.create_workgroup(workgroupName="other-workgroup", namespaceName="other-namespace", baseCapacity=32)
    for identifier, node_type, nodes in (("dwhcluster", "ra3.xlplus", 2), ("legacy", "dc2.large", 1)):
        clients["redshift"].create_cluster(
            ClusterIdentifier=identifier,
            NodeType=node_type,
            NumberOfNodes=nodes,
            ClusterType="multi-node" if nodes > 1 else "single-node",
            MasterUsername="dwhuser",
            MasterUserPassword="Sandbox1pass",
        )
    left = {item.name: item for item in teardown.remaining(config, **clients)}
    assert left["dwhcluster"] == teardown.Leftover("Redshift cluster", "dwhcluster", "2 x ra3.xlplus, available", 2.172)
    assert left["legacy"].usd_per_hour is None and left["legacy"].detail.endswith("not the one dwh.cfg names")
    # 32 RPUs x 0.375 USD per RPU-hour (costs.py: the Amazon Redshift pricing page), while queries run.
    assert left["other-workgroup"].usd_per_hour == 12.0 and "not the one" in left["other-workgroup"].detail
    assert left["other-namespace"].usd_per_hour == 0.0 and "per GB-month" in left["other-namespace"].detail
    teardown.teardown(config, progress=False, **{k: v for k, v in clients.items() if k != "serverless_client"})
    left = [item.name for item in teardown.remaining(config, **clients)]
    assert left == ["legacy", "other-workgroup", "other-namespace"]  # not the tutorial's to delete


@pytest.fixture
def project(tmp_path, monkeypatch, stand_in_endpoint):
    """The command line's view: dwh.cfg in a folder of its own, the AWS stand-in as the local stack, fresh names."""
    (tmp_path / "dwh.cfg").write_text((REPO_ROOT / "dwh.cfg").read_text())
    suffix = uuid.uuid4().hex[:8]
    for name, value in {
        "SPARKIFY_CONFIG": str(tmp_path / "dwh.cfg"),
        "SPARKIFY_DWH_DB_PASSWORD": "Sandbox1pass",
        "SPARKIFY_LOCAL_AWS_PORT": str(urlsplit(stand_in_endpoint).port),
        "SPARKIFY_AWS_REGION": "ap-southeast-4",  # a region no other test uses
        "SPARKIFY_DWH_IAM_ROLE_NAME": f"cliRole{suffix}",
        "SPARKIFY_DWH_CLUSTER_IDENTIFIER": f"cli{suffix}",
    }.items():
        monkeypatch.setenv(name, value)
    return suffix


def test_the_command_line_builds_reports_and_tears_down(project, capsys):
    assert cli.main(["iam"]) == 0
    assert capsys.readouterr().out.strip().endswith(f":role/cliRole{project}")
    assert cli.main(["iam", "--policy"]) == 0
    assert f"role/cliRole{project}" in json.dumps(json.loads(capsys.readouterr().out))
    assert cli.main(["cluster"]) == 0
    out = capsys.readouterr().out
    assert f"cli{project}" in out and "port 5439 open to 127.0.0.1/32 only" in out and "0.543 USD per hour" in out
    assert cli.main(["status"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith(f"Redshift cluster cli{project}: 1 x ra3.large")
    assert cli.main(["teardown"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("nothing the tutorial creates remains")
    assert cli.main(["teardown"]) == 0
    assert cli.main(["status"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("nothing the tutorial creates remains")


def test_command_line_errors_are_one_line(project, monkeypatch, capsys):
    monkeypatch.setenv("SPARKIFY_LOCAL_AWS_PORT", str(free_port()))  # the local stack is not running there
    for command in ("status", "teardown", "cluster"):
        assert cli.main([command]) == 2
        err = capsys.readouterr().err.strip()
        assert "\n" not in err and "nothing answers at 127.0.0.1:" in err and "`sparkify-dwh local up`" in err


@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_the_notebooks_are_stored_valid_without_outputs_and_link_onwards(name):
    notebook = nbformat.read(REPO_ROOT / "notebooks" / name, as_version=nbformat.NO_CONVERT)
    nbformat.validate(notebook)
    assert notebook.nbformat == 4 and notebook.metadata.kernelspec.name == "python3"
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(cell.outputs == [] and cell.execution_count is None for cell in code)
    assert notebook.cells[0].cell_type == "markdown" and "needs" in notebook.cells[0].source
    assert notebook.cells[-1].cell_type == "markdown" and f"]({NOTEBOOKS[name]})" in notebook.cells[-1].source
    assert "sys.path" not in "".join(cell.source for cell in code)
