"""Prices: every node type dwh.cfg accepts has one, and the configured cluster's hourly cost follows from it; a
serverless workgroup's from its base capacity in RPUs."""

import pytest

from sparkify_dwh import costs
from sparkify_dwh.config import NODE_TYPES, load_config
from tests.support import REPO_ROOT


def configured(**environ):
    return load_config(REPO_ROOT / "dwh.cfg", environ={"SPARKIFY_DWH_DB_PASSWORD": "Sandbox1pass", **environ})


def test_every_node_type_the_configuration_accepts_has_a_price():
    assert set(costs.ON_DEMAND_USD_PER_NODE_HOUR) == set(NODE_TYPES)


def test_the_default_cluster_costs_one_ra3_large_node_hour():
    assert costs.hourly_cost(configured()) == 0.543


def test_a_multi_node_cluster_costs_its_nodes_times_the_price():
    config = configured(
        SPARKIFY_DWH_CLUSTER_TYPE="multi-node", SPARKIFY_DWH_NUM_NODES="4", SPARKIFY_DWH_NODE_TYPE="ra3.4xlarge"
    )
    assert costs.hourly_cost(config) == 13.04


def test_an_unknown_node_type_is_one_clear_sentence():
    with pytest.raises(costs.UnknownNodeType) as raised:
        costs.node_hour_price("dc2.large")
    assert str(raised.value) == (
        "no on-demand price is known for node type 'dc2.large'; known: ra3.large, ra3.xlplus, ra3.4xlarge, ra3.16xlarge"
    )


def test_a_serverless_workgroup_costs_its_base_capacity_in_rpu_hours_while_queries_run():
    # The pricing page's rate recorded in costs.py (0.375 USD per RPU-hour) times the base capacity.
    config = configured(SPARKIFY_DWH_DEPLOYMENT="serverless")
    assert costs.hourly_cost(config) == 3.0  # 8 RPUs, dwh.cfg's default
    assert costs.hourly_cost(configured(SPARKIFY_DWH_DEPLOYMENT="serverless", SPARKIFY_DWH_BASE_CAPACITY="128")) == 48.0
    line = costs.summary(config)
    assert line.startswith("workgroup dwh-workgroup, base capacity 8 RPUs: 3.000 USD per hour of queries on AWS")
    assert "nothing while idle" in line and line.endswith("free here (local mode)")
    on_aws = configured(SPARKIFY_DWH_DEPLOYMENT="serverless", SPARKIFY_MODE="aws")
    assert costs.summary(on_aws).endswith("billed per second while queries run")
    assert costs.summary(configured()) == "1 x ra3.large: 0.543 USD per hour on AWS, free here (local mode)"
