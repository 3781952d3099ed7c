"""Remove everything the tutorial created, and list what still exists with what it costs per hour."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import boto3

from sparkify_dwh import aws, cluster, costs, iam, network, serverless
from sparkify_dwh.config import Config
from sparkify_dwh.resources import aws_errors

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TeardownSummary:
    """What one teardown removed; all empty when there was nothing left to remove."""

    cluster_deleted: bool  # the cluster, or the workgroup and its namespace
    rules_revoked: tuple[network.IngressRule, ...]
    role_deleted: bool
    warehouse: str = "cluster"

    def lines(self) -> list[str]:
        """One line per step, for people."""
        rules = ", ".join(f"{r.cidr} on {r.group_id}" for r in self.rules_revoked) or "none left"
        return [
            f"{self.warehouse}: {'deleted (no final snapshot)' if self.cluster_deleted else 'none left'}",
            f"ingress rules revoked: {rules}",
            f"IAM role: {'deleted' if self.role_deleted else 'none left'}",
        ]


@dataclass(frozen=True)
class Leftover:
    """A resource that still exists; `usd_per_hour` is None when its price is unknown."""

    kind: str
    name: str
    detail: str
    usd_per_hour: float | None


def teardown(
    config: Config,
    *,
    redshift: Any | None = None,
    ec2: Any | None = None,
    iam_client: Any | None = None,
    boto_session: boto3.Session | None = None,
    progress: bool = True,
    sleep: Callable[[float], None] = time.sleep,
) -> TeardownSummary:
    """Delete the cluster (or the workgroup and its namespace; no final snapshot) and wait until it is gone, revoke
    the ingress rules, delete the role.

    Safe to run again: steps with nothing left to remove do nothing.
    """
    deleted = cluster.delete(config, redshift=redshift, boto_session=boto_session, progress=progress, sleep=sleep)
    revoked = network.revoke_ingress(config, ec2=ec2, boto_session=boto_session)
    role_deleted = iam.delete_role(config, iam=iam_client, boto_session=boto_session)
    warehouse = "workgroup and namespace" if config.dwh.is_serverless else "cluster"
    summary = TeardownSummary(deleted, tuple(revoked), role_deleted, warehouse)
    log.info("teardown: %s", "; ".join(summary.lines()))
    return summary


def _cluster_leftover(config: Config, found: dict[str, Any]) -> Leftover:
    nodes, node_type = int(found["NumberOfNodes"]), found["NodeType"]
    ours = found["ClusterIdentifier"] == config.dwh.identifier
    detail = f"{nodes} x {node_type}, {found['ClusterStatus']}" + ("" if ours else ", not the one dwh.cfg names")
    if config.is_local:
        return Leftover("Redshift cluster", found["ClusterIdentifier"], f"{detail}, local stand-in: free", 0.0)
    try:
        price: float | None = round(costs.node_hour_price(node_type) * nodes, 3)
    except costs.UnknownNodeType:
        price = None
    return Leftover("Redshift cluster", found["ClusterIdentifier"], detail, price)


def _workgroup_leftover(config: Config, found: dict[str, Any]) -> Leftover:
    capacity = int(found["baseCapacity"])
    ours = found["workgroupName"] == config.dwh.workgroup
    detail = f"namespace {found['namespaceName']}, base capacity {capacity} RPUs, {found['status']}, "
    detail += "billed per second while queries run" + ("" if ours else ", not the one dwh.cfg names")
    if config.is_local:
        return Leftover("Serverless workgroup", found["workgroupName"], f"{detail}, local stand-in: free", 0.0)
    return Leftover("Serverless workgroup", found["workgroupName"], detail, costs.rpu_hour_cost(capacity))


def _namespace_leftover(config: Config, found: dict[str, Any]) -> Leftover:
    ours = found["namespaceName"] == config.dwh.namespace
    detail = f"database {found['dbName']}, {found['status']}, its storage billed per GB-month"
    return Leftover(
        "Serverless namespace", found["namespaceName"], detail + ("" if ours else ", not the one dwh.cfg names"), 0.0
    )


def remaining(
    config: Config,
    *,
    redshift: Any | None = None,
    ec2: Any | None = None,
    iam_client: Any | None = None,
    serverless_client: Any | None = None,
    boto_session: boto3.Session | None = None,
) -> list[Leftover]:
    """Every Redshift cluster in the region (they bill by the hour), every Serverless workgroup (billed while queries
    run; its usd_per_hour is that of its base capacity) and namespace, plus the tutorial's role and ingress rules."""
    redshift = redshift or aws.client(config, "redshift", boto_session=boto_session)
    serverless_client = serverless_client or aws.client(config, "redshift-serverless", boto_session=boto_session)
    with aws_errors(config, "list the Redshift clusters"):
        pages = redshift.get_paginator("describe_clusters").paginate()
        leftovers = [_cluster_leftover(config, found) for page in pages for found in page["Clusters"]]
    with aws_errors(config, "list the Redshift Serverless workgroups and namespaces"):
        leftovers += [_workgroup_leftover(config, found) for found in serverless.workgroups(serverless_client)]
        leftovers += [_namespace_leftover(config, found) for found in serverless.namespaces(serverless_client)]
    if arn := iam.role_arn(config, iam=iam_client, boto_session=boto_session):
        leftovers.append(Leftover("IAM role", config.dwh.iam_role_name, arn, 0.0))
    for rule in network.ingress_rules(config, ec2=ec2, boto_session=boto_session):
        leftovers.append(Leftover("ingress rule", rule.group_id, f"tcp {rule.port} from {rule.cidr}", 0.0))
    return leftovers


def hourly_total(leftovers: list[Leftover]) -> float:
    """USD per hour of what remains (prices unknown count as zero)."""
    return round(sum(item.usd_per_hour or 0.0 for item in leftovers), 3)
