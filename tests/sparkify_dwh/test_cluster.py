"""The cluster against the real moto server; the states moto skips (creating, deleting) through botocore's Stubber."""

import boto3
import pytest
from botocore.stub import Stubber

from sparkify_dwh import cluster, iam
from sparkify_dwh.config import ConfigError, load_config
from sparkify_dwh.resources import ResourceError
from tests.support import REPO_ROOT


@pytest.fixture
def redshift(sandbox, moto_endpoint):
    return sandbox[1].client("redshift", endpoint_url=moto_endpoint)


@pytest.fixture
def role_arn(sandbox):
    config, session = sandbox
    return iam.ensure_role(config, boto_session=session)


def one_sentence(error: Exception) -> str:
    text = str(error)
    assert "\n" not in text and "Traceback" not in text and len(text) < 300
    return text


def stubbed(*statuses):
    """A Redshift client that answers DescribeClusters with these statuses, in order."""
    client = boto3.client("redshift", region_name="us-west-2", aws_access_key_id="x", aws_secret_access_key="x")
    stubber = Stubber(client)
    for status in statuses:
        description = {
            "ClusterIdentifier": "dwhcluster",
            "ClusterStatus": status,
            "NodeType": "ra3.large",
            "NumberOfNodes": 1,
        }
        stubber.add_response("describe_clusters", {"Clusters": [description]}, {"ClusterIdentifier": "dwhcluster"})
    stubber.activate()
    return client


def test_the_cluster_is_made_as_dwh_cfg_says_with_the_role(sandbox, redshift, role_arn):
    config, _ = sandbox
    created = cluster.create(config, role_arn, redshift=redshift)
    assert created["ClusterStatus"] == "creating"
    found = redshift.describe_clusters(ClusterIdentifier="dwhcluster")["Clusters"][0]
    assert (found["NodeType"], found["NumberOfNodes"], found["DBName"], found["MasterUsername"]) == (
        "ra3.large",
        1,
        "dwh",
        "dwhuser",
    )
    assert found["Endpoint"]["Port"] == 5439 and found["PubliclyAccessible"] is True
    assert [r["IamRoleArn"] for r in found["IamRoles"]] == [role_arn]


def test_a_second_create_reuses_the_cluster(sandbox, redshift, role_arn):
    config, session = sandbox
    first = cluster.create(config, role_arn, boto_session=session)
    again = cluster.create(config, role_arn, boto_session=session)
    assert again["ClusterCreateTime"] == first["ClusterCreateTime"]
    assert [c["ClusterIdentifier"] for c in redshift.describe_clusters()["Clusters"]] == ["dwhcluster"]


def test_wait_returns_the_available_cluster_and_its_properties(sandbox, role_arn):
    config, session = sandbox
    cluster.create(config, role_arn, boto_session=session)
    found = cluster.wait_available(config, boto_session=session, progress=False)
    table = cluster.properties(found)
    assert list(table.index) == list(cluster.PROPERTY_KEYS)
    assert table.loc["ClusterStatus", "value"] == "available"
    assert table.loc["Endpoint", "value"].endswith(".redshift.amazonaws.com:5439")
    assert table.loc["IamRoles", "value"] == role_arn
    assert table.loc["VpcId", "value"] == "none"  # moto gives none; the classic table crashed on such gaps
    assert cluster.endpoint(config, boto_session=session) == ("127.0.0.1", 5439)


def test_properties_of_a_cluster_still_creating_say_so_instead_of_crashing():
    creating = {"ClusterIdentifier": "dwhcluster", "ClusterStatus": "creating", "NodeType": "ra3.large"}
    table = cluster.properties(creating)
    assert table.loc["Endpoint", "value"] == "none yet (cluster creating)"
    assert table.loc["VpcSecurityGroups", "value"] == "none listed"
    assert table.loc["ClusterCreateTime", "value"] == "none"


def test_wait_shows_the_status_live_until_available(sandbox, capsys):
    config, _ = sandbox
    naps = []
    found = cluster.wait_available(
        config, redshift=stubbed("creating", "creating", "available", "available"), progress=True, sleep=naps.append
    )
    assert found["ClusterStatus"] == "available"
    assert len(naps) == cluster.POLL_SECONDS  # one poll interval slept, one second at a time
    shown = capsys.readouterr().err
    assert "cluster dwhcluster: creating" in shown and "cluster dwhcluster: available" in shown


def test_waiting_for_a_cluster_being_deleted_is_one_sentence(sandbox):
    config, _ = sandbox
    with pytest.raises(cluster.ClusterNotReady) as raised:
        cluster.wait_available(config, redshift=stubbed("deleting", "deleting"), progress=False, sleep=lambda _: None)
    assert one_sentence(raised.value).startswith("the cluster 'dwhcluster' is deleting and will not become available")


def test_connecting_to_a_cluster_still_creating_is_one_sentence(sandbox):
    config, _ = sandbox
    with pytest.raises(cluster.ClusterNotReady) as raised:
        cluster.endpoint(config, redshift=stubbed("creating"))
    assert one_sentence(raised.value) == (
        "the cluster 'dwhcluster' is still creating; wait for it (notebook "
        "02_cluster or `sparkify-dwh cluster`) and try again"
    )


def test_no_cluster_yet_is_one_sentence(sandbox):
    config, session = sandbox
    for call in (cluster.endpoint, cluster.require, cluster.wait_available):
        with pytest.raises(cluster.ClusterNotFound) as raised:
            call(config, boto_session=session)
        assert one_sentence(raised.value).startswith("no cluster 'dwhcluster' exists yet in the local stand-in")
    assert cluster.describe(config, boto_session=session) is None


def test_delete_skips_the_final_snapshot_waits_and_is_safe_twice(sandbox, redshift, role_arn):
    config, session = sandbox
    cluster.create(config, role_arn, boto_session=session)
    assert cluster.delete(config, redshift=redshift, progress=False) is True
    assert redshift.describe_clusters()["Clusters"] == []
    assert redshift.describe_cluster_snapshots()["Snapshots"] == []
    assert cluster.delete(config, redshift=redshift, progress=False) is False


def test_a_reused_local_cluster_without_the_role_is_one_sentence(sandbox, redshift, role_arn):
    config, session = sandbox
    redshift.create_cluster(
        ClusterIdentifier="dwhcluster",
        ClusterType="single-node",
        NodeType="ra3.large",
        MasterUsername="dwhuser",
        MasterUserPassword="Sandbox1pass",
    )
    with pytest.raises(ResourceError) as raised:
        cluster.create(config, role_arn, boto_session=session)
    assert one_sentence(raised.value).endswith("run `sparkify-dwh teardown` and create it again")


def test_aws_mode_asks_what_can_be_ordered_before_creating(sandbox):
    """DescribeOrderableClusterOptions is answered by real AWS only, so this exchange is stubbed."""
    config = load_config(
        REPO_ROOT / "dwh.cfg", environ={"SPARKIFY_MODE": "aws", "SPARKIFY_DWH_DB_PASSWORD": "Sandbox1pass"}
    )
    client = boto3.client("redshift", region_name="us-west-2", aws_access_key_id="x", aws_secret_access_key="x")
    with Stubber(client) as stubber:
        stubber.add_client_error("describe_clusters", "ClusterNotFound", http_status_code=404)
        stubber.add_response(
            "describe_orderable_cluster_options",
            {
                "OrderableClusterOptions": [
                    {
                        "ClusterVersion": "1.0",
                        "ClusterType": "multi-node",
                        "NodeType": "ra3.xlplus",
                        "AvailabilityZones": [],
                    }
                ]
            },
        )
        with pytest.raises(ConfigError, match="cannot be ordered in us-west-2"):
            cluster.create(config, "arn:aws:iam::123456789012:role/dwhRole", redshift=client)
        stubber.assert_no_pending_responses()  # and create_cluster was never called
