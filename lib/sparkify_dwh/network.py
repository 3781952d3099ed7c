"""The one ingress rule the tutorial adds: the warehouse port, open to the caller's own address (/32) only."""

from __future__ import annotations

import ipaddress
import logging
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import boto3
from botocore.exceptions import ClientError

from sparkify_dwh import aws, cluster
from sparkify_dwh.config import Config
from sparkify_dwh.resources import ResourceError, aws_errors, where

log = logging.getLogger(__name__)

CHECKIP_URL = "https://checkip.amazonaws.com"
CHECKIP_TIMEOUT_SECONDS = 5.0
LOCAL_CIDR = "127.0.0.1/32"
# Marks the rules this tutorial adds, so that teardown removes exactly those, wherever they are.
RULE_DESCRIPTION = "sparkify-dwh tutorial: warehouse port for one address"


@dataclass(frozen=True)
class IngressRule:
    """One address allowed to reach the warehouse port through one security group."""

    group_id: str
    cidr: str
    port: int


def public_ip(timeout: float = CHECKIP_TIMEOUT_SECONDS) -> str:
    """This machine's public IPv4 address, as https://checkip.amazonaws.com sees it."""
    try:
        with urllib.request.urlopen(CHECKIP_URL, timeout=timeout) as response:
            return response.read(64).decode("ascii", "replace").strip()
    except OSError as error:
        raise ResourceError(
            f"cannot learn this machine's public address from {CHECKIP_URL} ({error}); check the network and try again"
        ) from error


def caller_cidr(config: Config, fetch_ip: Callable[[], str] = public_ip) -> str:
    """The caller's own address as a /32: 127.0.0.1/32 in local mode, the public address on AWS."""
    if config.is_local:
        return LOCAL_CIDR
    raw = fetch_ip().strip()
    try:
        address = ipaddress.IPv4Address(raw)
    except ValueError:
        raise ResourceError(f"{CHECKIP_URL} answered {raw[:40]!r}, which is not an IPv4 address; try again") from None
    if address.is_unspecified or address.is_multicast:
        raise ResourceError(f"{CHECKIP_URL} answered {address}, which cannot be allowed in; try again")
    return f"{address}/32"


def _permission(cidr: str, port: int, described: bool) -> dict[str, Any]:
    address_range = {"CidrIp": cidr, **({"Description": RULE_DESCRIPTION} if described else {})}
    return {"IpProtocol": "tcp", "FromPort": port, "ToPort": port, "IpRanges": [address_range]}


def _security_group(config: Config, found: dict[str, Any], ec2: Any) -> str:
    """The cluster's VPC security group (a workgroup's `securityGroupIds`); the default VPC's default group when it
    lists none (as locally)."""
    listed = [g["VpcSecurityGroupId"] for g in found.get("VpcSecurityGroups", []) if g.get("Status") != "removing"]
    listed += found.get("securityGroupIds", [])
    if listed:
        return listed[0]
    vpcs = ec2.describe_vpcs(Filters=[{"Name": "isDefault", "Values": ["true"]}])["Vpcs"]
    if not vpcs:
        raise ResourceError(
            f"the warehouse lists no security group and {where(config)} has no default VPC; "
            f"open port {config.dwh.port} on the warehouse's security group in the console"
        )
    groups = ec2.describe_security_groups(
        Filters=[
            {"Name": "vpc-id", "Values": [vpcs[0]["VpcId"]]},
            {"Name": "group-name", "Values": ["default"]},
        ]
    )["SecurityGroups"]
    return groups[0]["GroupId"]


def _tutorial_rules(ec2: Any, port: int) -> Iterator[IngressRule]:
    """Every rule this tutorial added on `port`, in any security group of the region."""
    for page in ec2.get_paginator("describe_security_groups").paginate():
        for group in page["SecurityGroups"]:
            for permission in group.get("IpPermissions", []):
                if (permission.get("IpProtocol"), permission.get("FromPort"), permission.get("ToPort")) != (
                    "tcp",
                    port,
                    port,
                ):
                    continue
                for address_range in permission.get("IpRanges", []):
                    if address_range.get("Description") == RULE_DESCRIPTION:
                        yield IngressRule(group["GroupId"], address_range["CidrIp"], port)


def _revoke(ec2: Any, rule: IngressRule) -> bool:
    try:
        ec2.revoke_security_group_ingress(
            GroupId=rule.group_id, IpPermissions=[_permission(rule.cidr, rule.port, described=False)]
        )
    except ClientError as error:
        if error.response["Error"]["Code"] != "InvalidPermission.NotFound":
            raise
        return False
    log.info("revoked ingress to port %s from %s on %s", rule.port, rule.cidr, rule.group_id)
    return True


def open_ingress(
    config: Config,
    *,
    fetch_ip: Callable[[], str] = public_ip,
    redshift: Any | None = None,
    ec2: Any | None = None,
    boto_session: boto3.Session | None = None,
) -> IngressRule:
    """Allow the caller's /32 to reach the warehouse port on the cluster's (or workgroup's) security group
    (idempotent).

    Rules this tutorial added earlier for another address of yours on that group are revoked, so exactly one remains.
    """
    ec2 = ec2 or aws.client(config, "ec2", boto_session=boto_session)
    cidr = caller_cidr(config, fetch_ip)
    found = cluster.require(config, redshift=redshift, boto_session=boto_session)
    with aws_errors(config, f"open port {config.dwh.port} to {cidr}"):
        rule = IngressRule(_security_group(config, found, ec2), cidr, config.dwh.port)
        try:
            ec2.authorize_security_group_ingress(
                GroupId=rule.group_id, IpPermissions=[_permission(cidr, rule.port, described=True)]
            )
            log.info("opened port %s to %s on %s", rule.port, cidr, rule.group_id)
        except ClientError as error:
            if error.response["Error"]["Code"] != "InvalidPermission.Duplicate":
                raise
            log.info("port %s is already open to %s on %s", rule.port, cidr, rule.group_id)
        for stale in list(_tutorial_rules(ec2, rule.port)):
            if stale.group_id == rule.group_id and stale.cidr != cidr:
                _revoke(ec2, stale)
    return rule


def ingress_rules(
    config: Config, *, ec2: Any | None = None, boto_session: boto3.Session | None = None
) -> list[IngressRule]:
    """The rules this tutorial added on the warehouse port that still exist, in any security group."""
    ec2 = ec2 or aws.client(config, "ec2", boto_session=boto_session)
    with aws_errors(config, "list the tutorial's ingress rules"):
        return list(_tutorial_rules(ec2, config.dwh.port))


def revoke_ingress(
    config: Config, *, ec2: Any | None = None, boto_session: boto3.Session | None = None
) -> list[IngressRule]:
    """Revoke every rule this tutorial added on the warehouse port; return those revoked (none the second time)."""
    ec2 = ec2 or aws.client(config, "ec2", boto_session=boto_session)
    with aws_errors(config, "revoke the tutorial's ingress rules"):
        return [rule for rule in list(_tutorial_rules(ec2, config.dwh.port)) if _revoke(ec2, rule)]
