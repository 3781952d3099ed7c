"""What a cluster costs to keep running: on-demand prices per node-hour of the node types sold today."""

from __future__ import annotations

from sparkify_dwh.config import Config

# On-demand USD per node-hour, US East (N. Virginia) and US West (Oregon), from the public Amazon Redshift pricing
# page https://aws.amazon.com/redshift/pricing/ as recorded for this project in November 2026. Other regions cost
# more, and prices change: check the page before you budget. Storage (RMS) is billed on top.
ON_DEMAND_USD_PER_NODE_HOUR: dict[str, float] = {
    "ra3.large": 0.543,
    "ra3.xlplus": 1.086,
    "ra3.4xlarge": 3.26,
    "ra3.16xlarge": 13.04,
}


class UnknownNodeType(ValueError):
    """No price is known for a node type."""


def node_hour_price(node_type: str) -> float:
    """The on-demand USD price of one node of `node_type` for one hour."""
    try:
        return ON_DEMAND_USD_PER_NODE_HOUR[node_type.lower()]
    except KeyError:
        known = ", ".join(ON_DEMAND_USD_PER_NODE_HOUR)
        raise UnknownNodeType(f"no on-demand price is known for node type {node_type!r}; known: {known}") from None


def hourly_cost(config: Config) -> float:
    """USD per hour of the cluster `dwh.cfg` describes, on AWS (local mode itself costs nothing)."""
    return round(node_hour_price(config.dwh.node_type) * config.dwh.num_nodes, 3)
