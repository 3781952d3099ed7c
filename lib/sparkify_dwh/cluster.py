"""The warehouse: create or reuse it from `dwh.cfg`, wait with a live status line, describe it, delete it.

A provisioned cluster by default; with `[DWH] DWH_DEPLOYMENT = serverless` each public function here hands over to
`serverless` (a namespace and its workgroup), so notebooks and the command line make the same calls for both.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import Any

import boto3
import pandas as pd
from botocore.exceptions import ClientError, WaiterError
from tqdm.auto import tqdm  # a widget in a notebook, a line on a terminal

from sparkify_dwh import aws, serverless
from sparkify_dwh.config import Config
from sparkify_dwh.node_types import confirm_orderable
from sparkify_dwh.resources import ResourceError, aws_errors, where

log = logging.getLogger(__name__)

POLL_SECONDS = 15
TIMEOUT_SECONDS = 40 * 60
LOCAL_HOST = "127.0.0.1"
PROPERTY_KEYS = (
    "ClusterIdentifier",
    "ClusterStatus",
    "NodeType",
    "NumberOfNodes",
    "DBName",
    "MasterUsername",
    "Endpoint",
    "VpcId",
    "VpcSecurityGroups",
    "IamRoles",
    "PubliclyAccessible",
    "ClusterCreateTime",
)


class ClusterNotFound(ResourceError):
    """The configured cluster does not exist (yet)."""


class ClusterNotReady(ResourceError):
    """The cluster exists but cannot take connections yet (creating, modifying, deleting)."""


def _redshift(config: Config, redshift: Any | None, boto_session: boto3.Session | None) -> Any:
    return redshift or aws.client(config, "redshift", boto_session=boto_session)


def _find(redshift: Any, identifier: str) -> dict[str, Any] | None:
    try:
        return redshift.describe_clusters(ClusterIdentifier=identifier)["Clusters"][0]
    except redshift.exceptions.ClusterNotFoundFault:
        return None


def _require(config: Config, redshift: Any) -> dict[str, Any]:
    found = _find(redshift, config.dwh.identifier)
    if found is None:
        raise ClusterNotFound(
            f"no cluster {config.dwh.identifier!r} exists yet in {where(config)}; create it with notebook "
            f"02_cluster or `sparkify-dwh cluster` (a cluster made in the other mode is not seen here)"
        )
    return found


def describe(
    config: Config, *, redshift: Any | None = None, boto_session: boto3.Session | None = None
) -> dict[str, Any] | None:
    """The configured cluster as DescribeClusters returns it (or the workgroup), or None when there is none."""
    if config.dwh.is_serverless:
        return serverless.describe(config, boto_session=boto_session)
    redshift = _redshift(config, redshift, boto_session)
    with aws_errors(config, f"describe the cluster {config.dwh.identifier!r}"):
        return _find(redshift, config.dwh.identifier)


def require(
    config: Config, *, redshift: Any | None = None, boto_session: boto3.Session | None = None
) -> dict[str, Any]:
    """The configured cluster's (or workgroup's) description; ClusterNotFound, in one sentence, when there is none."""
    if config.dwh.is_serverless:
        return serverless.require(config, boto_session=boto_session)
    redshift = _redshift(config, redshift, boto_session)
    with aws_errors(config, f"describe the cluster {config.dwh.identifier!r}"):
        return _require(config, redshift)


def _attach_role(config: Config, redshift: Any, found: Mapping[str, Any], role_arn: str) -> None:
    """Make sure a reused cluster can assume the role (real AWS only: the local stand-in cannot change roles)."""
    if role_arn in {role["IamRoleArn"] for role in found.get("IamRoles", [])}:
        return
    if config.is_local:
        raise ResourceError(
            f"the cluster {config.dwh.identifier!r} exists without the role {role_arn}; run `sparkify-dwh teardown` "
            f"and create it again"
        )
    redshift.modify_cluster_iam_roles(ClusterIdentifier=config.dwh.identifier, AddIamRoles=[role_arn])
    log.info("attached the role %s to the cluster %s", role_arn, config.dwh.identifier)


def _create_request(config: Config, role_arn: str) -> dict[str, Any]:
    request: dict[str, Any] = {
        "ClusterIdentifier": config.dwh.identifier,
        "ClusterType": config.dwh.cluster_type,
        "NodeType": config.dwh.node_type,
        "DBName": config.dwh.db,
        "MasterUsername": config.dwh.db_user,
        "MasterUserPassword": config.dwh.db_password.reveal(),
        "Port": config.dwh.port,
        "IamRoles": [role_arn],
        "PubliclyAccessible": True,  # reachable from the learner's machine, through the /32 ingress rule only
    }
    if config.dwh.cluster_type == "multi-node":
        request["NumberOfNodes"] = config.dwh.num_nodes
    return request


def create(
    config: Config, role_arn: str, *, redshift: Any | None = None, boto_session: boto3.Session | None = None
) -> dict[str, Any]:
    """Create the cluster `dwh.cfg` describes with `role_arn` attached, or reuse it; return its description.

    Serverless: the namespace, with `role_arn` as its default role, and its workgroup."""
    if config.dwh.is_serverless:
        return serverless.create(config, role_arn, boto_session=boto_session)
    redshift = _redshift(config, redshift, boto_session)
    identifier = config.dwh.identifier
    with aws_errors(config, f"create the cluster {identifier!r}"):
        found = _find(redshift, identifier)
        if found is not None:
            if found["ClusterStatus"] == "deleting":
                raise ClusterNotReady(
                    f"the cluster {identifier!r} is being deleted; wait until `sparkify-dwh status` no longer lists "
                    f"it, then create it again"
                )
            if (found["NodeType"], found["NumberOfNodes"]) != (config.dwh.node_type, config.dwh.num_nodes):
                log.warning(
                    "the existing cluster %s has %s x %s, not what dwh.cfg says; reusing it as it is",
                    identifier,
                    found["NumberOfNodes"],
                    found["NodeType"],
                )
            _attach_role(config, redshift, found, role_arn)
            log.info("reusing the cluster %s (%s)", identifier, found["ClusterStatus"])
            return found
        if not config.is_local:
            confirm_orderable(config, redshift)
        created = redshift.create_cluster(**_create_request(config, role_arn))["Cluster"]
        log.info("creating the cluster %s: %s x %s", identifier, config.dwh.num_nodes, config.dwh.node_type)
        return created


def _wait(
    config: Config, redshift: Any, waiter_name: str, goal: str, *, progress: bool, sleep: Callable[[float], None]
) -> None:
    """Poll with boto3's `waiter_name` waiter, one attempt at a time, showing the status and elapsed time."""
    waiter = redshift.get_waiter(waiter_name)
    identifier = config.dwh.identifier
    attempts = TIMEOUT_SECONDS // POLL_SECONDS
    label = f"cluster {identifier}"
    with tqdm(desc=f"{label}: waiting to be {goal}", bar_format="{desc} [{elapsed}]", disable=not progress) as line:
        for _ in range(attempts):
            try:
                waiter.wait(ClusterIdentifier=identifier, WaiterConfig={"Delay": POLL_SECONDS, "MaxAttempts": 1})
                line.set_description_str(f"{label}: {goal}", refresh=False)
                return
            except WaiterError as error:
                response = error.last_response or {}
                if "Error" in response:
                    raise ClientError(response, "DescribeClusters") from error  # credentials, throttling, ...
                status = ",".join(c["ClusterStatus"] for c in response.get("Clusters", [])) or "unknown"
                if not str(error.kwargs.get("reason", "")).startswith("Max attempts exceeded"):
                    raise ClusterNotReady(
                        f"the cluster {identifier!r} is {status} and will not become {goal}; check it with "
                        f"`sparkify-dwh status` and try again"
                    ) from error
                line.set_description_str(f"{label}: {status}")
            for _ in range(POLL_SECONDS):
                sleep(1)
                line.refresh()
    raise ClusterNotReady(
        f"the cluster {identifier!r} did not become {goal} in {TIMEOUT_SECONDS // 60} minutes; "
        f"check it in the Redshift console"
    )


def wait_available(
    config: Config,
    *,
    redshift: Any | None = None,
    boto_session: boto3.Session | None = None,
    progress: bool = True,
    sleep: Callable[[float], None] = time.sleep,
) -> dict[str, Any]:
    """Wait until the cluster (or workgroup) is available (minutes on AWS), showing its status live; return its
    description."""
    if config.dwh.is_serverless:
        return serverless.wait_available(config, boto_session=boto_session, progress=progress, sleep=sleep)
    redshift = _redshift(config, redshift, boto_session)
    with aws_errors(config, f"wait for the cluster {config.dwh.identifier!r}"):
        _require(config, redshift)
        _wait(config, redshift, "cluster_available", "available", progress=progress, sleep=sleep)
        return _require(config, redshift)


def endpoint(
    config: Config, *, redshift: Any | None = None, boto_session: boto3.Session | None = None
) -> tuple[str, int]:
    """Host and port to connect to; locally the warehouse endpoint on 127.0.0.1 stands in for the cluster's (or the
    workgroup's)."""
    if config.dwh.is_serverless:
        return serverless.endpoint(config, boto_session=boto_session)
    redshift = _redshift(config, redshift, boto_session)
    with aws_errors(config, f"find the endpoint of the cluster {config.dwh.identifier!r}"):
        found = _require(config, redshift)
    status = found["ClusterStatus"]
    if status != "available" or "Endpoint" not in found:
        raise ClusterNotReady(
            f"the cluster {config.dwh.identifier!r} is still {status}; wait for it (notebook 02_cluster or "
            f"`sparkify-dwh cluster`) and try again"
        )
    if config.is_local:
        return LOCAL_HOST, config.dwh.port
    return found["Endpoint"]["Address"], int(found["Endpoint"]["Port"])


def attached_role_arn(config: Config, *, redshift: Any | None = None, boto_session: boto3.Session | None = None) -> str:
    """The ARN of the role `[DWH] DWH_IAM_ROLE_NAME` attached to the cluster (on Serverless: the namespace's default
    role): the role COPY reads S3 as."""
    if config.dwh.is_serverless:
        return serverless.attached_role_arn(config, boto_session=boto_session)
    for role in require(config, redshift=redshift, boto_session=boto_session).get("IamRoles", ()):
        if role["IamRoleArn"].endswith(f"/{config.dwh.iam_role_name}"):
            return role["IamRoleArn"]
    raise ResourceError(
        f"the cluster {config.dwh.identifier!r} has no role {config.dwh.iam_role_name!r} attached; "
        f"run notebooks 01_iam_role and 02_cluster"
    )


def status(description: Mapping[str, Any]) -> str:
    """The status of a cluster's or a workgroup's description (`ClusterStatus`, or `status`)."""
    return str(description.get("ClusterStatus") or description.get("status") or "unknown")


def name(config: Config) -> str:
    """What the warehouse is, for people: the cluster and its nodes, or the workgroup and its namespace."""
    if config.dwh.is_serverless:
        return f"workgroup {config.dwh.workgroup} (namespace {config.dwh.namespace}), {config.dwh.base_capacity} RPUs"
    return f"cluster {config.dwh.identifier}, {config.dwh.num_nodes} x {config.dwh.node_type}"


def _show(key: str, value: Any, status: str) -> str:
    if key == "Endpoint":
        return f"{value['Address']}:{value['Port']}" if value else f"none yet (cluster {status})"
    if key == "VpcSecurityGroups":
        return ", ".join(f"{g['VpcSecurityGroupId']} ({g['Status']})" for g in value or []) or "none listed"
    if key == "IamRoles":
        return ", ".join(role["IamRoleArn"] for role in value or []) or "none"
    return "none" if value is None else str(value)


def properties(cluster: Mapping[str, Any]) -> pd.DataFrame:
    """The key properties of a cluster (or workgroup) description as a two-column table; missing ones say so."""
    if "workgroupName" in cluster:
        return serverless.properties(cluster)
    status = str(cluster.get("ClusterStatus", "unknown"))
    values = [_show(key, cluster.get(key), status) for key in PROPERTY_KEYS]
    return pd.DataFrame({"value": values}, index=pd.Index(PROPERTY_KEYS, name="property"))


def delete(
    config: Config,
    *,
    redshift: Any | None = None,
    boto_session: boto3.Session | None = None,
    progress: bool = True,
    sleep: Callable[[float], None] = time.sleep,
) -> bool:
    """Delete the cluster without a final snapshot (or the workgroup, then its namespace) and wait until it is gone;
    False when there was none."""
    if config.dwh.is_serverless:
        return serverless.delete(config, boto_session=boto_session, progress=progress, sleep=sleep)
    redshift = _redshift(config, redshift, boto_session)
    identifier = config.dwh.identifier
    with aws_errors(config, f"delete the cluster {identifier!r}"):
        found = _find(redshift, identifier)
        if found is None:
            return False
        if found["ClusterStatus"] not in ("available", "deleting", "paused"):  # paused ones can be deleted
            log.info("the cluster %s is %s; waiting until it can be deleted", identifier, found["ClusterStatus"])
            _wait(config, redshift, "cluster_available", "available", progress=progress, sleep=sleep)
        if found["ClusterStatus"] != "deleting":
            try:
                redshift.delete_cluster(ClusterIdentifier=identifier, SkipFinalClusterSnapshot=True)
            except redshift.exceptions.ClusterNotFoundFault:
                return False
            log.info("deleting the cluster %s without a final snapshot", identifier)
        _wait(config, redshift, "cluster_deleted", "deleted", progress=progress, sleep=sleep)
    log.info("the cluster %s is gone", identifier)
    return True
