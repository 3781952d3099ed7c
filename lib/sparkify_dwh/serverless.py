"""The serverless warehouse: a Redshift Serverless namespace (database, admin user, roles) and its workgroup
(compute and endpoint), created or reused from `dwh.cfg`, waited for, described and deleted.

`cluster`'s functions call these when `[DWH] DWH_DEPLOYMENT = serverless`, so notebooks and the command line use
the same calls for both deployments. A description here is GetWorkgroup's `workgroup`, with GetNamespace's
`namespace` under the key `namespace`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import Any

import boto3
import pandas as pd
from tqdm.auto import tqdm  # a widget in a notebook, a line on a terminal

from sparkify_dwh import aws
from sparkify_dwh.config import Config
from sparkify_dwh.resources import ResourceError, aws_errors, where

log = logging.getLogger(__name__)

POLL_SECONDS = 5
TIMEOUT_SECONDS = 30 * 60
LOCAL_HOST = "127.0.0.1"
PROPERTY_KEYS = (
    "workgroupName",
    "status",
    "namespaceName",
    "baseCapacity",
    "dbName",
    "adminUsername",
    "endpoint",
    "securityGroupIds",
    "iamRoles",
    "defaultIamRoleArn",
    "publiclyAccessible",
    "creationDate",
)
_NAMESPACE_KEYS = ("dbName", "adminUsername", "iamRoles", "defaultIamRoleArn")


class WorkgroupNotFound(ResourceError):
    """The configured workgroup does not exist (yet)."""


class WorkgroupNotReady(ResourceError):
    """The workgroup exists but cannot take connections yet (creating, modifying, deleting)."""


def _client(config: Config, serverless: Any | None, boto_session: boto3.Session | None) -> Any:
    return serverless or aws.client(config, "redshift-serverless", boto_session=boto_session)


def _namespace(serverless: Any, name: str) -> dict[str, Any] | None:
    try:
        return serverless.get_namespace(namespaceName=name)["namespace"]
    except serverless.exceptions.ResourceNotFoundException:
        return None


def _workgroup(serverless: Any, name: str) -> dict[str, Any] | None:
    try:
        return serverless.get_workgroup(workgroupName=name)["workgroup"]
    except serverless.exceptions.ResourceNotFoundException:
        return None


def _find(config: Config, serverless: Any) -> dict[str, Any] | None:
    workgroup = _workgroup(serverless, config.dwh.workgroup)
    if workgroup is None:
        return None
    return {**workgroup, "namespace": _namespace(serverless, workgroup["namespaceName"]) or {}}


def _require(config: Config, serverless: Any) -> dict[str, Any]:
    found = _find(config, serverless)
    if found is None:
        raise WorkgroupNotFound(
            f"no workgroup {config.dwh.workgroup!r} exists yet in {where(config)}; create it with notebook "
            f"02_cluster or `sparkify-dwh cluster` (a workgroup made in the other mode is not seen here)"
        )
    return found


def describe(
    config: Config, *, serverless: Any | None = None, boto_session: boto3.Session | None = None
) -> dict[str, Any] | None:
    """The configured workgroup (with its namespace), or None when there is none."""
    serverless = _client(config, serverless, boto_session)
    with aws_errors(config, f"describe the workgroup {config.dwh.workgroup!r}"):
        return _find(config, serverless)


def require(
    config: Config, *, serverless: Any | None = None, boto_session: boto3.Session | None = None
) -> dict[str, Any]:
    """The configured workgroup's description; WorkgroupNotFound, in one sentence, when there is none yet."""
    serverless = _client(config, serverless, boto_session)
    with aws_errors(config, f"describe the workgroup {config.dwh.workgroup!r}"):
        return _require(config, serverless)


def _ensure_namespace(config: Config, serverless: Any, role_arn: str) -> None:
    """Create the namespace with `role_arn` as its default role, or give an existing one that role."""
    name = config.dwh.namespace
    found = _namespace(serverless, name)
    if found is None:
        serverless.create_namespace(
            namespaceName=name,
            dbName=config.dwh.db,
            adminUsername=config.dwh.db_user,
            adminUserPassword=config.dwh.db_password.reveal(),
            iamRoles=[role_arn],
            defaultIamRoleArn=role_arn,
        )
        log.info("creating the namespace %s (database %s)", name, config.dwh.db)
        return
    if found["status"] == "DELETING":
        raise WorkgroupNotReady(
            f"the namespace {name!r} is being deleted; wait until `sparkify-dwh status` no longer lists it, "
            f"then create it again"
        )
    if found.get("defaultIamRoleArn") != role_arn:
        roles = sorted({*found.get("iamRoles", ()), role_arn})
        serverless.update_namespace(namespaceName=name, iamRoles=roles, defaultIamRoleArn=role_arn)
        log.info("made %s the default role of the namespace %s", role_arn, name)
    log.info("reusing the namespace %s (%s)", name, found["status"])


def create(
    config: Config, role_arn: str, *, serverless: Any | None = None, boto_session: boto3.Session | None = None
) -> dict[str, Any]:
    """Create the namespace (its default role `role_arn`) and workgroup `dwh.cfg` names, or reuse them; return the
    workgroup's description."""
    serverless = _client(config, serverless, boto_session)
    name = config.dwh.workgroup
    with aws_errors(config, f"create the workgroup {name!r}"):
        _ensure_namespace(config, serverless, role_arn)
        found = _workgroup(serverless, name)
        if found is not None:
            if found["status"] == "DELETING":
                raise WorkgroupNotReady(
                    f"the workgroup {name!r} is being deleted; wait until `sparkify-dwh status` no longer lists it, "
                    f"then create it again"
                )
            if found["namespaceName"] != config.dwh.namespace:
                raise ResourceError(
                    f"the workgroup {name!r} serves the namespace {found['namespaceName']!r}, not "
                    f"{config.dwh.namespace!r}; set another [DWH] DWH_WORKGROUP or DWH_NAMESPACE"
                )
            log.info("reusing the workgroup %s (%s)", name, found["status"])
        else:
            serverless.create_workgroup(
                workgroupName=name,
                namespaceName=config.dwh.namespace,
                baseCapacity=config.dwh.base_capacity,
                port=config.dwh.port,
                publiclyAccessible=True,  # reachable from the learner's machine, through the /32 ingress rule only
            )
            log.info("creating the workgroup %s: base capacity %s RPUs", name, config.dwh.base_capacity)
        return _require(config, serverless)


def _poll(
    label: str,
    goal: str,
    status: Callable[[], str | None],
    done: Callable[[str | None], bool],
    *,
    progress: bool,
    sleep: Callable[[float], None],
) -> None:
    """Ask `status` every POLL_SECONDS until `done` says so, showing the status and the time spent."""
    deadline = time.monotonic() + TIMEOUT_SECONDS
    with tqdm(desc=f"{label}: waiting to be {goal}", bar_format="{desc} [{elapsed}]", disable=not progress) as line:
        while not done(current := status()):
            if time.monotonic() > deadline:
                raise WorkgroupNotReady(
                    f"the {label} did not become {goal} in {TIMEOUT_SECONDS // 60} minutes; check it in the "
                    f"Redshift Serverless console"
                )
            line.set_description_str(f"{label}: {current or 'gone'}")
            for _ in range(POLL_SECONDS):
                sleep(1)
                line.refresh()
        line.set_description_str(f"{label}: {goal}", refresh=False)


def _wait_available(config: Config, serverless: Any, *, progress: bool, sleep: Callable[[float], None]) -> None:
    def status() -> str | None:
        found = _workgroup(serverless, config.dwh.workgroup)
        namespace = _namespace(serverless, config.dwh.namespace)
        if found is None or namespace is None:
            raise WorkgroupNotFound(f"the workgroup {config.dwh.workgroup!r} or its namespace disappeared")
        return found["status"] if namespace["status"] == "AVAILABLE" else f"namespace {namespace['status']}"

    _poll(
        f"workgroup {config.dwh.workgroup}", "available", status, lambda s: s == "AVAILABLE", progress=progress,
        sleep=sleep,
    )  # fmt: skip


def wait_available(
    config: Config,
    *,
    serverless: Any | None = None,
    boto_session: boto3.Session | None = None,
    progress: bool = True,
    sleep: Callable[[float], None] = time.sleep,
) -> dict[str, Any]:
    """Wait until the workgroup and its namespace are AVAILABLE, showing the status live; their description."""
    serverless = _client(config, serverless, boto_session)
    with aws_errors(config, f"wait for the workgroup {config.dwh.workgroup!r}"):
        _require(config, serverless)
        _wait_available(config, serverless, progress=progress, sleep=sleep)
        return _require(config, serverless)


def endpoint(
    config: Config, *, serverless: Any | None = None, boto_session: boto3.Session | None = None
) -> tuple[str, int]:
    """Host and port to connect to: the workgroup's endpoint; locally the warehouse endpoint on 127.0.0.1."""
    found = require(config, serverless=serverless, boto_session=boto_session)
    if found["status"] != "AVAILABLE" or not found.get("endpoint"):
        raise WorkgroupNotReady(
            f"the workgroup {config.dwh.workgroup!r} is still {found['status']}; wait for it (notebook 02_cluster "
            f"or `sparkify-dwh cluster`) and try again"
        )
    if config.is_local:
        return LOCAL_HOST, config.dwh.port
    return found["endpoint"]["address"], int(found["endpoint"]["port"])


def attached_role_arn(
    config: Config, *, serverless: Any | None = None, boto_session: boto3.Session | None = None
) -> str:
    """The namespace's default role, when it is `[DWH] DWH_IAM_ROLE_NAME`: the role COPY reads S3 as."""
    namespace = require(config, serverless=serverless, boto_session=boto_session)["namespace"]
    default = namespace.get("defaultIamRoleArn", "")
    if default.endswith(f"/{config.dwh.iam_role_name}"):
        return default
    raise ResourceError(
        f"the namespace {config.dwh.namespace!r} has not the role {config.dwh.iam_role_name!r} as its default role; "
        f"run notebooks 01_iam_role and 02_cluster"
    )


def _show(key: str, value: Any, status: str) -> str:
    if key == "endpoint":
        return f"{value['address']}:{value['port']}" if value else f"none yet (workgroup {status})"
    if key in ("securityGroupIds", "iamRoles"):
        return ", ".join(value or []) or "none listed"
    if key == "baseCapacity":
        return f"{value} RPUs"
    return "none" if value is None else str(value)


def properties(workgroup: Mapping[str, Any]) -> pd.DataFrame:
    """The key properties of a workgroup and its namespace as a two-column table; missing ones say none."""
    status = str(workgroup.get("status", "unknown"))
    namespace = workgroup.get("namespace") or {}
    merged = {**workgroup, **{key: namespace.get(key) for key in _NAMESPACE_KEYS}}
    values = [_show(key, merged.get(key), status) for key in PROPERTY_KEYS]
    return pd.DataFrame({"value": values}, index=pd.Index(PROPERTY_KEYS, name="property"))


def _gone(getter: Callable[[Any, str], dict[str, Any] | None], serverless: Any, name: str) -> Callable[[], str | None]:
    def status() -> str | None:
        found = getter(serverless, name)
        return None if found is None else found["status"]

    return status


def delete(
    config: Config,
    *,
    serverless: Any | None = None,
    boto_session: boto3.Session | None = None,
    progress: bool = True,
    sleep: Callable[[float], None] = time.sleep,
) -> bool:
    """Delete the workgroup, wait until it is gone, then its namespace (no final snapshot) and wait again; False
    when there was neither."""
    serverless = _client(config, serverless, boto_session)
    names = config.dwh.workgroup, config.dwh.namespace
    deleted = False
    with aws_errors(config, f"delete the workgroup {names[0]!r} and the namespace {names[1]!r}"):
        for kind, name, getter, remove in (
            ("workgroup", names[0], _workgroup, lambda: serverless.delete_workgroup(workgroupName=names[0])),
            ("namespace", names[1], _namespace, lambda: serverless.delete_namespace(namespaceName=names[1])),
        ):
            found = getter(serverless, name)
            if found is None:
                continue
            if found["status"] not in ("AVAILABLE", "DELETING"):
                _poll(f"{kind} {name}", "available", _gone(getter, serverless, name),
                      lambda s: s in (None, "AVAILABLE"), progress=progress, sleep=sleep)  # fmt: skip
            if found["status"] != "DELETING":
                try:
                    remove()
                except serverless.exceptions.ResourceNotFoundException:
                    continue
                log.info("deleting the %s %s", kind, name)
            _poll(f"{kind} {name}", "deleted", _gone(getter, serverless, name), lambda s: s is None,
                  progress=progress, sleep=sleep)  # fmt: skip
            deleted = True
    if deleted:
        log.info("the workgroup %s and the namespace %s are gone", *names)
    return deleted


def workgroups(serverless: Any) -> list[dict[str, Any]]:
    """Every workgroup in the region (ListWorkgroups, every page)."""
    return [w for page in serverless.get_paginator("list_workgroups").paginate() for w in page["workgroups"]]


def namespaces(serverless: Any) -> list[dict[str, Any]]:
    """Every namespace in the region (ListNamespaces, every page)."""
    return [n for page in serverless.get_paginator("list_namespaces").paginate() for n in page["namespaces"]]
