"""The learner's least-privilege policy: well formed, scoped, and covering exactly the calls the tutorial makes."""

import dataclasses
import json

import pytest

from sparkify_dwh import cluster, data_api, iam, network, teardown
from sparkify_dwh.config import load_config
from tests.sparkify_dwh.conftest import account_session, stack_config
from tests.support import REPO_ROOT

# Allowed but not seen against the stand-in, each for a reason: in both deployments, then in one only.
NOT_CALLED_LOCALLY = {
    "iam:PassRole": "implied by CreateCluster or CreateNamespace with IamRoles",
    "iam:CreateServiceLinkedRole": "Redshift makes its service-linked role on first use",
    "s3:ListBucket": "notebooks list the data bucket",
    "s3:GetObject": "notebooks peek at the data files",
}
NOT_CALLED_LOCALLY_BY_DEPLOYMENT = {
    "provisioned": {
        "redshift:DescribeOrderableClusterOptions": "asked on AWS only, before creating",
        "redshift:ModifyClusterIamRoles": "on AWS only, when a reused cluster lacks the role",
        "redshift:GetClusterCredentials": "the Data API calls it for DbUser on a cluster, as the caller",
    },
    "serverless": {
        "redshift-serverless:GetCredentials": "the Data API calls it on a workgroup, as the caller",
        "redshift-serverless:UpdateNamespace": "when a reused namespace lacks the role as its default role",
    },
}
READ_ONLY_PREFIXES = ("Describe", "List", "Get")


def actions(policy) -> set[str]:
    found = set()
    for statement in policy["Statement"]:
        listed = statement["Action"]
        found.update([listed] if isinstance(listed, str) else listed)
    return found


def test_the_policy_is_well_formed_and_grants_nothing_wholesale():
    policy = iam.learner_policy()
    assert policy["Version"] == "2012-10-17"
    for statement in policy["Statement"]:
        assert statement["Effect"] == "Allow" and statement["Sid"].isalnum()
        listed = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
        assert all("*" not in action for action in listed)
        if statement["Resource"] == "*":  # only reads may name every resource
            assert all(action.split(":")[1].startswith(READ_ONLY_PREFIXES) for action in listed), statement["Sid"]
    assert json.loads(iam.learner_policy_json()) == policy


def test_the_policy_names_the_configured_role_cluster_and_buckets():
    config = load_config(
        REPO_ROOT / "dwh.cfg",
        environ={
            "SPARKIFY_DWH_IAM_ROLE_NAME": "classRole",
            "SPARKIFY_DWH_CLUSTER_IDENTIFIER": "classCluster",
            "SPARKIFY_S3_SONG_DATA": "s3://class-songs/song_data",
            "SPARKIFY_DWH_DB_PASSWORD": "Sandbox1pass",
        },
    )
    resources = [r for s in iam.learner_policy(config)["Statement"] for r in s["Resource"]]
    assert "arn:aws:iam::*:role/classRole" in resources and "arn:aws:iam::*:role/dwhRole" not in resources
    assert "arn:aws:redshift:*:*:cluster:classcluster" in resources
    assert {"arn:aws:s3:::class-songs", "arn:aws:s3:::udacity-dend", "arn:aws:s3:::class-songs/*"} <= set(resources)


def test_each_deployment_s_policy_keeps_its_own_statements():
    config = load_config(REPO_ROOT / "dwh.cfg", environ={"SPARKIFY_DWH_DB_PASSWORD": "Sandbox1pass"})
    serverless = dataclasses.replace(config, dwh=dataclasses.replace(config.dwh, deployment="serverless"))
    provisioned_actions, serverless_actions = (
        actions(iam.learner_policy(config)),
        actions(iam.learner_policy(serverless)),
    )
    assert "redshift:CreateCluster" in provisioned_actions - serverless_actions
    assert {"redshift-serverless:CreateWorkgroup", "redshift-serverless:GetCredentials"} <= serverless_actions
    assert not any(action.startswith("redshift-serverless:Create") for action in provisioned_actions)
    assert iam.learner_policy() == iam.learner_policy(None)
    resources = [r for s in iam.learner_policy(config)["Statement"] for r in s["Resource"]]
    assert "arn:aws:redshift:*:*:dbuser:dwhcluster/dwhuser" in resources


@pytest.mark.parametrize("deployment", ["provisioned", "serverless"])
def test_the_policy_allows_every_call_of_the_whole_lifecycle_and_little_else(local_stack, deployment):
    """Against the whole local stack (so that the Data API runs its statements), in an AWS account of its own."""
    config, session = stack_config(local_stack, SPARKIFY_DWH_DEPLOYMENT=deployment), account_session()
    called = set()
    session.events.register(
        "before-call", lambda model, **_: called.add(f"{model.service_model.signing_name}:{model.name}")
    )
    arn = iam.ensure_role(config, boto_session=session)
    cluster.create(config, arn, boto_session=session)
    cluster.wait_available(config, boto_session=session, progress=False)
    network.open_ingress(config, boto_session=session)
    batch = data_api.submit_batch(config, ["CREATE TABLE t (n integer)", "DROP TABLE t"], boto_session=session)
    data_api.wait(config, batch, boto_session=session, progress=False, poll_seconds=0.05)
    assert data_api.query(config, "SELECT 1 AS one", boto_session=session, progress=False)["one"].tolist() == [1]
    teardown.remaining(config, boto_session=session)
    teardown.teardown(config, boto_session=session, progress=False)
    teardown.teardown(config, boto_session=session, progress=False)
    allowed = actions(iam.learner_policy(config))
    assert called - allowed == set()
    assert allowed - called == {*NOT_CALLED_LOCALLY, *NOT_CALLED_LOCALLY_BY_DEPLOYMENT[deployment]}
