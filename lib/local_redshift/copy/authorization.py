"""Authorization of a COPY, checked the way Redshift and IAM check it, before anything is read.

With IAM_ROLE (or CREDENTIALS 'aws_iam_role=...') the role must exist, trust redshift.amazonaws.com
and be attached to the cluster, else the cluster may not assume it; once assumed, each S3 request is
allowed or denied by the role's managed and inline policies (an explicit Deny wins; Conditions are
not evaluated). With access keys the user's own keys are used and nothing more is checked here.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import unquote

import orjson
from botocore.exceptions import ClientError

from local_redshift.copy.errors import CopyError, aws_error
from local_redshift.copy.interfaces import AwsClients, ClusterContext
from local_redshift.copy.options import AccessKeys, Authorization, IamRole

log = logging.getLogger(__name__)

REDSHIFT_SERVICE = "redshift.amazonaws.com"
_ROLE_ARN = re.compile(r"arn:aws[\w-]*:iam::(\d{12}):role/(?:[\w+=,.@/-]*/)?([\w+=,.@-]+)")


class S3Permissions(Protocol):
    """Whether the credentials COPY uses may perform an S3 action on a resource."""

    def require(self, action: str, bucket: str, key: str | None = None) -> None:
        """Raise the Access Denied CopyError unless `action` is allowed on the bucket (or on its object `key`)."""
        ...


def authorize(authorization: Authorization, cluster: ClusterContext, aws: AwsClients) -> S3Permissions:
    """Check that the cluster may act with these credentials; return what they allow on S3."""
    if isinstance(authorization, AccessKeys):
        log.info("COPY authorized with access key %s", authorization.access_key_id)
        return _KeyBasedAccess()
    role_arn = _role_arn(authorization, cluster)
    iam = aws("iam", None)
    role = _assumable_role(role_arn, cluster, iam)
    log.info("COPY assumes %s", role_arn)
    return _RoleAccess(role_arn, cluster.query_id, tuple(_role_policy_statements(role, iam)))


def _access_denied(context: str, query_id: int) -> CopyError:
    """S3's 403 as Redshift reports it."""
    return aws_error(
        "S3ServiceException:Access Denied,Status 403,Error AccessDenied", context=context, query_id=query_id
    )


def _role_arn(authorization: IamRole, cluster: ClusterContext) -> str:
    if authorization.arn is not None:
        return authorization.arn
    if not cluster.iam_roles:
        raise aws_error(
            "No default IAM role is associated with the cluster", context="IAM_ROLE default", query_id=cluster.query_id
        )
    return cluster.iam_roles[0]


def _not_authorized(role_arn: str, cluster: ClusterContext) -> CopyError:
    message = f"User {cluster.db_user_arn} is not authorized to assume IAM Role {role_arn}"
    return aws_error(message, context=f"IAM Role={role_arn}", query_id=cluster.query_id)


def _assumable_role(role_arn: str, cluster: ClusterContext, iam: Any) -> dict:
    """The role, if it exists, trusts Redshift and is attached to the cluster."""
    match = _ROLE_ARN.fullmatch(role_arn)
    if match is None:
        raise _not_authorized(role_arn, cluster)
    try:
        role = iam.get_role(RoleName=match.group(2))["Role"]
    except ClientError as error:
        log.info("role %s cannot be read: %s", role_arn, error)
        raise _not_authorized(role_arn, cluster) from None
    if role.get("Arn") != role_arn:
        raise _not_authorized(role_arn, cluster)
    if not _trusts_redshift(_document(role.get("AssumeRolePolicyDocument"))):
        log.info("role %s does not trust %s", role_arn, REDSHIFT_SERVICE)
        raise _not_authorized(role_arn, cluster)
    if role_arn not in cluster.iam_roles:
        log.info("role %s is not attached to cluster %s", role_arn, cluster.identifier)
        raise _not_authorized(role_arn, cluster)
    return role


def _document(document: Any) -> dict:
    """A policy document as IAM returns it: already decoded, or URL-encoded JSON."""
    if isinstance(document, dict):
        return document
    if isinstance(document, str):
        try:
            decoded = orjson.loads(unquote(document))
        except orjson.JSONDecodeError:
            return {}
        return decoded if isinstance(decoded, dict) else {}
    return {}


def _statements(document: dict) -> list[dict]:
    statements = document.get("Statement", [])
    return [statement for statement in _as_list(statements) if isinstance(statement, dict)]


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else [value] if value is not None else []


def _trusts_redshift(document: dict) -> bool:
    for statement in _statements(document):
        if statement.get("Effect") != "Allow":
            continue
        actions = [str(action).lower() for action in _as_list(statement.get("Action"))]
        if not any(_wildcard(action).fullmatch("sts:assumerole") for action in actions):
            continue
        principal = statement.get("Principal")
        services = _as_list(principal.get("Service")) if isinstance(principal, dict) else []
        if principal == "*" or REDSHIFT_SERVICE in services:
            return True
    return False


def _role_policy_statements(role: dict, iam: Any) -> Iterable[dict]:
    """Every statement of the role's attached managed policies (default versions) and inline policies."""
    name = role["RoleName"]
    for page in iam.get_paginator("list_attached_role_policies").paginate(RoleName=name):
        for attached in page["AttachedPolicies"]:
            policy = iam.get_policy(PolicyArn=attached["PolicyArn"])["Policy"]
            version = iam.get_policy_version(PolicyArn=attached["PolicyArn"], VersionId=policy["DefaultVersionId"])
            yield from _statements(_document(version["PolicyVersion"]["Document"]))
    for page in iam.get_paginator("list_role_policies").paginate(RoleName=name):
        for policy_name in page["PolicyNames"]:
            inline = iam.get_role_policy(RoleName=name, PolicyName=policy_name)
            yield from _statements(_document(inline["PolicyDocument"]))


@functools.lru_cache(maxsize=1024)
def _wildcard(pattern: str) -> re.Pattern[str]:
    """An IAM pattern (`*` any run, `?` any one character) as a regular expression."""
    return re.compile(re.escape(pattern).replace(r"\*", ".*").replace(r"\?", "."), re.DOTALL)


class _KeyBasedAccess:
    def require(self, action: str, bucket: str, key: str | None = None) -> None:
        return None


@dataclass(frozen=True)
class _RoleAccess:
    role_arn: str
    query_id: int
    statements: tuple[dict, ...]

    def require(self, action: str, bucket: str, key: str | None = None) -> None:
        resource = f"arn:aws:s3:::{bucket}" + (f"/{key}" if key is not None else "")
        if not self._allows(action.lower(), resource):
            shown = f"s3://{bucket}/{key}" if key is not None else f"s3://{bucket}"
            log.info("%s denied %s on %s", self.role_arn, action, shown)
            raise _access_denied(f"{action} {shown} as {self.role_arn}", self.query_id)

    def _allows(self, action: str, resource: str) -> bool:
        allowed = False
        for statement in self.statements:
            if not (_applies(statement, "Action", action, lower=True) and _applies(statement, "Resource", resource)):
                continue
            if statement.get("Effect") == "Deny":
                return False
            allowed = allowed or statement.get("Effect") == "Allow"
        return allowed


def _applies(statement: dict, element: str, value: str, *, lower: bool = False) -> bool:
    """Whether the statement's Action/Resource (or NotAction/NotResource) covers `value`."""

    def covers(patterns: Any) -> bool:
        return any(
            _wildcard(str(pattern).lower() if lower else str(pattern)).fullmatch(value)
            for pattern in _as_list(patterns)
        )

    if element in statement:
        return covers(statement[element])
    if f"Not{element}" in statement:
        return not covers(statement[f"Not{element}"])
    return False
