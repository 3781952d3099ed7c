"""DescribeOrderableClusterOptions is answered by real AWS only, so these tests stub that one call."""

import boto3
import pytest
from botocore.stub import Stubber

from sparkify_dwh.config import ConfigError, load_config
from sparkify_dwh.node_types import confirm_orderable
from tests.support import REPO_ROOT


def stubbed_redshift(options):
    redshift = boto3.client("redshift", region_name="us-west-2", aws_access_key_id="x", aws_secret_access_key="x")
    stubber = Stubber(redshift)
    stubber.add_response("describe_orderable_cluster_options", {"OrderableClusterOptions": options})
    stubber.activate()
    return redshift


def option(node, kind):
    return {"ClusterVersion": "1.0", "ClusterType": kind, "NodeType": node, "AvailabilityZones": []}


def test_the_default_choice_is_confirmed():
    config = load_config(REPO_ROOT / "dwh.cfg", environ={})
    confirm_orderable(config, stubbed_redshift([option("ra3.large", "single-node"), option("ra3.large", "multi-node")]))


def test_a_choice_not_on_offer_is_refused_with_what_is():
    config = load_config(REPO_ROOT / "dwh.cfg", environ={})
    with pytest.raises(
        ConfigError,
        match=r"'ra3.large' as single-node cannot be ordered in us-west-2; "
        r"on offer: ra3.xlplus \(multi-node\)",
    ):
        confirm_orderable(config, stubbed_redshift([option("ra3.xlplus", "multi-node")]))
