"""What the warehouse costs on AWS: a cluster's node-hours while it exists, a serverless workgroup's RPU-hours
while queries run."""

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


# On-demand USD per RPU-hour of Redshift Serverless compute, US East (N. Virginia) and US West (Oregon), from the
# same page (its "Amazon Redshift Serverless" section) as recorded for this project in November 2026. Billed per
# second while queries run, 60 seconds at least each time, at the workgroup's base capacity or more when it scales
# up; nothing while no query runs. Storage (RMS) is billed on top, per GB-month.
SERVERLESS_USD_PER_RPU_HOUR = 0.375
SERVERLESS_MINIMUM_SECONDS = 60


class UnknownNodeType(ValueError):
    """No price is known for a node type."""


def node_hour_price(node_type: str) -> float:
    """The on-demand USD price of one node of `node_type` for one hour."""
    try:
        return ON_DEMAND_USD_PER_NODE_HOUR[node_type.lower()]
    except KeyError:
        known = ", ".join(ON_DEMAND_USD_PER_NODE_HOUR)
        raise UnknownNodeType(f"no on-demand price is known for node type {node_type!r}; known: {known}") from None


def rpu_hour_cost(base_capacity: int) -> float:
    """USD for one hour of queries on a workgroup of `base_capacity` RPUs (when it does not scale up)."""
    return round(SERVERLESS_USD_PER_RPU_HOUR * base_capacity, 3)


def hourly_cost(config: Config) -> float:
    """USD per hour of the warehouse `dwh.cfg` describes, on AWS (local mode itself costs nothing): the cluster's
    nodes while it exists, or the workgroup's base capacity while queries run."""
    if config.dwh.is_serverless:
        return rpu_hour_cost(config.dwh.base_capacity)
    return round(node_hour_price(config.dwh.node_type) * config.dwh.num_nodes, 3)


def summary(config: Config) -> str:
    """One line for people: what the configured warehouse costs on AWS, and when it is billed."""
    hourly = hourly_cost(config)
    if config.dwh.is_serverless:
        billing = "free here (local mode)" if config.is_local else "billed per second while queries run"
        return (
            f"workgroup {config.dwh.workgroup}, base capacity {config.dwh.base_capacity} RPUs: {hourly:.3f} USD per "
            f"hour of queries on AWS ({SERVERLESS_USD_PER_RPU_HOUR} USD per RPU-hour, at least "
            f"{SERVERLESS_MINIMUM_SECONDS} s each time; nothing while idle), {billing}"
        )
    billing = "free here (local mode)" if config.is_local else "billed while the cluster exists"
    return f"{config.dwh.num_nodes} x {config.dwh.node_type}: {hourly:.3f} USD per hour on AWS, {billing}"
