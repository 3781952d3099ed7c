"""The learner's least-privilege policy: well formed, scoped, and covering exactly the calls the tutorial makes."""

import json

from sparkify_dwh import cluster, iam, network, teardown
from sparkify_dwh.config import load_config
from tests.support import REPO_ROOT

# Allowed but not seen against moto, each for a reason.
NOT_CALLED_LOCALLY = {
    "redshift:DescribeOrderableClusterOptions": "asked on AWS only, before creating",
    "redshift:ModifyClusterIamRoles": "on AWS only, when a reused cluster lacks the role",
    "iam:PassRole": "implied by CreateCluster with IamRoles",
    "iam:CreateServiceLinkedRole": "Redshift makes its service-linked role on first use",
    "s3:ListBucket": "notebooks list the data bucket",
    "s3:GetObject": "notebooks peek at the data files",
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


def test_the_policy_allows_every_call_of_the_whole_lifecycle_and_little_else(sandbox):
    config, session = sandbox
    called = set()
    session.events.register(
        "before-call", lambda model, **_: called.add(f"{model.service_model.signing_name}:{model.name}")
    )
    arn = iam.ensure_role(config, boto_session=session)
    cluster.create(config, arn, boto_session=session)
    cluster.wait_available(config, boto_session=session, progress=False)
    network.open_ingress(config, boto_session=session)
    teardown.remaining(config, boto_session=session)
    teardown.teardown(config, boto_session=session, progress=False)
    teardown.teardown(config, boto_session=session, progress=False)
    allowed = actions(iam.learner_policy(config))
    assert called - allowed == set()
    assert allowed - called == set(NOT_CALLED_LOCALLY)
