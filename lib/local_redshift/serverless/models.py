"""The state of Redshift Serverless in the stand-in: namespaces (admin user, database, IAM roles) and workgroups
(capacity, endpoint), per account and region, with the statuses the service reports.

As moto does for clusters, a workgroup's create answers CREATING and an update (of a workgroup or a namespace)
MODIFYING, and the next read finds it AVAILABLE; a deleted namespace or workgroup answers DELETING once and is
gone. The workgroup's endpoint is the local Redshift endpoint, which serves each workgroup like a cluster with the
namespace's data.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import secrets
import threading
import uuid
from dataclasses import dataclass, field
from typing import Any

from local_redshift.json_api import Caller, now
from local_redshift.serverless import exceptions

NAME = re.compile(r"[a-z0-9-]{3,64}")
_PASSWORD_FORBIDDEN = set("'\"\\/@ ")
DEFAULT_DATABASE = "dev"
DEFAULT_CAPACITY = 128  # RPUs, the console's and the API's default
CREDENTIALS_DURATION = (900, 3600)  # seconds: GetCredentials' default and its maximum


@dataclass
class Namespace:
    name: str
    account_id: str
    region: str
    admin_username: str | None
    admin_password: str | None
    db_name: str
    iam_roles: list[str]
    default_iam_role: str | None
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    created: datetime.datetime = field(default_factory=now)
    status: str = "AVAILABLE"

    @property
    def arn(self) -> str:
        return f"arn:aws:redshift-serverless:{self.region}:{self.account_id}:namespace/{self.id}"

    def describe(self, status: str | None = None) -> dict[str, Any]:
        """The Namespace shape; `status` as the call that changed it answers (MODIFYING, DELETING)."""
        described = {
            "namespaceName": self.name, "namespaceId": self.id, "namespaceArn": self.arn, "dbName": self.db_name,
            "iamRoles": list(self.iam_roles), "logExports": [], "status": status or self.status,
            "creationDate": self.created,
        }  # fmt: skip
        if self.admin_username:
            described["adminUsername"] = self.admin_username
        if self.default_iam_role:
            described["defaultIamRoleArn"] = self.default_iam_role
        return described

    def roles_default_first(self) -> list[str]:
        """The namespace's roles, its default role first (what `IAM_ROLE default` assumes)."""
        rest = [role for role in self.iam_roles if role != self.default_iam_role]
        return ([self.default_iam_role] if self.default_iam_role else []) + rest


@dataclass
class Credentials:
    """A temporary database user and password of GetCredentials."""

    db_user: str
    password: str
    database: str
    expiration: datetime.datetime

    @property
    def md5_verifier(self) -> str:
        return hashlib.md5((self.password + self.db_user).encode()).hexdigest()


@dataclass
class Workgroup:
    name: str
    namespace: Namespace
    base_capacity: int
    max_capacity: int | None
    port: int
    publicly_accessible: bool
    enhanced_vpc_routing: bool
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    created: datetime.datetime = field(default_factory=now)
    status: str = "AVAILABLE"
    credentials: list[Credentials] = field(default_factory=list)

    @property
    def arn(self) -> str:
        return f"arn:aws:redshift-serverless:{self.namespace.region}:{self.namespace.account_id}:workgroup/{self.id}"

    def describe(self, address: str, status: str | None = None) -> dict[str, Any]:
        """The Workgroup shape; `status` as the call that changed it answers (CREATING, MODIFYING, DELETING)."""
        described = {
            "workgroupName": self.name, "workgroupId": self.id, "workgroupArn": self.arn,
            "namespaceName": self.namespace.name, "baseCapacity": self.base_capacity,
            "enhancedVpcRouting": self.enhanced_vpc_routing, "publiclyAccessible": self.publicly_accessible,
            "port": self.port, "endpoint": {"address": address, "port": self.port, "vpcEndpoints": []},
            "configParameters": [], "securityGroupIds": [], "subnetIds": [], "status": status or self.status,
            "creationDate": self.created,
        }  # fmt: skip
        if self.max_capacity is not None:
            described["maxCapacity"] = self.max_capacity
        return described

    def live_credentials(self) -> list[Credentials]:
        """Drop the expired credentials; the others."""
        moment = now()
        self.credentials = [c for c in self.credentials if c.expiration > moment]
        return list(self.credentials)


class ServerlessBackend:
    """Every namespace and workgroup of the stand-in, keyed by (account, region, name)."""

    def __init__(self, endpoint_host: str, endpoint_port: int) -> None:
        self.endpoint_host, self.endpoint_port = endpoint_host, endpoint_port
        self.namespaces: dict[tuple[str, str, str], Namespace] = {}
        self.workgroups: dict[tuple[str, str, str], Workgroup] = {}
        self.lock = threading.RLock()

    # --- namespaces ------------------------------------------------------------------------------------------

    def create_namespace(self, caller: Caller, request: dict[str, Any]) -> Namespace:
        name = _name(request, "namespaceName")
        user, password = request.get("adminUsername"), request.get("adminUserPassword")
        if bool(user) != bool(password):
            raise exceptions.password_without_user()
        if password is not None:
            _check_password(password)
        roles = list(request.get("iamRoles") or [])
        default_role = request.get("defaultIamRoleArn")
        if default_role is not None and default_role not in roles:
            raise exceptions.bad_role(default_role)
        with self.lock:
            key = (caller.account_id, caller.region, name)
            if key in self.namespaces:
                raise exceptions.already_exists("Namespace", name)
            namespace = self.namespaces[key] = Namespace(
                name, caller.account_id, caller.region, user, password, request.get("dbName") or DEFAULT_DATABASE,
                roles, default_role,
            )  # fmt: skip
            return namespace

    def namespace(self, caller: Caller, name: str) -> Namespace:
        with self.lock:
            namespace = self.namespaces.get((caller.account_id, caller.region, _checked(name, "namespaceName")))
            if namespace is None:
                raise exceptions.not_found("Namespace", name)
            return namespace

    def list_namespaces(self, caller: Caller) -> list[Namespace]:
        with self.lock:
            return [n for (a, r, _), n in sorted(self.namespaces.items()) if (a, r) == _place(caller)]

    def update_namespace(self, caller: Caller, request: dict[str, Any]) -> Namespace:
        with self.lock:
            namespace = self.namespace(caller, request.get("namespaceName", ""))
            user, password = request.get("adminUsername"), request.get("adminUserPassword")
            if user is not None and password is None:
                raise exceptions.password_without_user()
            if password is not None:
                _check_password(password)
                namespace.admin_password = password
                namespace.admin_username = user or namespace.admin_username
            roles = request.get("iamRoles", namespace.iam_roles)
            default_role = request.get("defaultIamRoleArn", namespace.default_iam_role)
            if default_role is not None and default_role not in roles:
                raise exceptions.bad_role(default_role)
            namespace.iam_roles, namespace.default_iam_role = list(roles), default_role
            return namespace

    def delete_namespace(self, caller: Caller, name: str) -> Namespace:
        with self.lock:
            namespace = self.namespace(caller, name)
            for workgroup in self.workgroups.values():
                if workgroup.namespace is namespace:
                    raise exceptions.namespace_has_workgroup(name, workgroup.name)
            del self.namespaces[(caller.account_id, caller.region, name)]
            namespace.status = "DELETING"
            return namespace

    # --- workgroups ------------------------------------------------------------------------------------------

    def create_workgroup(self, caller: Caller, request: dict[str, Any]) -> Workgroup:
        name = _name(request, "workgroupName")
        capacity = request.get("baseCapacity", DEFAULT_CAPACITY)
        if not isinstance(capacity, int) or not 8 <= capacity <= 512 or capacity % 8:
            raise exceptions.bad_capacity(capacity)
        port = request.get("port", self.endpoint_port)
        if port != self.endpoint_port:
            raise exceptions.bad_port(port, self.endpoint_port)
        with self.lock:
            namespace = self.namespace(caller, request.get("namespaceName", ""))
            key = (caller.account_id, caller.region, name)
            if key in self.workgroups:
                raise exceptions.already_exists("Workgroup", name)
            for other in self.workgroups.values():
                if other.namespace is namespace:
                    raise exceptions.namespace_taken(namespace.name, other.name)
            workgroup = self.workgroups[key] = Workgroup(
                name, namespace, capacity, request.get("maxCapacity"), port,
                bool(request.get("publiclyAccessible", False)), bool(request.get("enhancedVpcRouting", False)),
            )  # fmt: skip
            return workgroup

    def workgroup(self, caller: Caller, name: str) -> Workgroup:
        with self.lock:
            workgroup = self.workgroups.get((caller.account_id, caller.region, _checked(name, "workgroupName")))
            if workgroup is None:
                raise exceptions.not_found("Workgroup", name)
            return workgroup

    def list_workgroups(self, caller: Caller) -> list[Workgroup]:
        with self.lock:
            return [w for (a, r, _), w in sorted(self.workgroups.items()) if (a, r) == _place(caller)]

    def update_workgroup(self, caller: Caller, request: dict[str, Any]) -> Workgroup:
        with self.lock:
            workgroup = self.workgroup(caller, request.get("workgroupName", ""))
            capacity = request.get("baseCapacity", workgroup.base_capacity)
            if not isinstance(capacity, int) or not 8 <= capacity <= 512 or capacity % 8:
                raise exceptions.bad_capacity(capacity)
            port = request.get("port", workgroup.port)
            if port != self.endpoint_port:
                raise exceptions.bad_port(port, self.endpoint_port)
            workgroup.base_capacity = capacity
            workgroup.max_capacity = request.get("maxCapacity", workgroup.max_capacity)
            workgroup.publicly_accessible = bool(request.get("publiclyAccessible", workgroup.publicly_accessible))
            workgroup.enhanced_vpc_routing = bool(request.get("enhancedVpcRouting", workgroup.enhanced_vpc_routing))
            return workgroup

    def delete_workgroup(self, caller: Caller, name: str) -> Workgroup:
        with self.lock:
            workgroup = self.workgroup(caller, name)
            del self.workgroups[(caller.account_id, caller.region, name)]
            workgroup.status = "DELETING"
            return workgroup

    def get_credentials(self, caller: Caller, request: dict[str, Any], db_user: str) -> Credentials:
        duration = request.get("durationSeconds", CREDENTIALS_DURATION[0])
        if not isinstance(duration, int) or not CREDENTIALS_DURATION[0] <= duration <= CREDENTIALS_DURATION[1]:
            raise exceptions.bad_duration(duration)
        with self.lock:
            workgroup = self.workgroup(caller, request.get("workgroupName", ""))
            credentials = Credentials(
                db_user, secrets.token_urlsafe(48), request.get("dbName") or workgroup.namespace.db_name,
                now() + datetime.timedelta(seconds=duration),
            )  # fmt: skip
            workgroup.credentials.append(credentials)
            return credentials

    def all_workgroups(self) -> list[Workgroup]:
        """Every workgroup of every account and region."""
        with self.lock:
            return list(self.workgroups.values())


def _place(caller: Caller) -> tuple[str, str]:
    return caller.account_id, caller.region


def _name(request: dict[str, Any], field_name: str) -> str:
    return _checked(request.get(field_name), field_name)


def _checked(value: Any, field_name: str) -> str:
    if not isinstance(value, str) or not NAME.fullmatch(value):
        raise exceptions.bad_name(field_name, value)
    return value


def _check_password(password: Any) -> None:
    if (
        not isinstance(password, str)
        or not 8 <= len(password) <= 64
        or not re.search("[A-Z]", password)
        or not re.search("[a-z]", password)
        or not re.search("[0-9]", password)
        or _PASSWORD_FORBIDDEN.intersection(password)
        or not password.isprintable()
    ):
        raise exceptions.bad_password()
