"""The IAM role the warehouse assumes to read S3, and the least-privilege policy of the learner's own IAM user."""

from __future__ import annotations

import json
import logging
from importlib import resources as package_files
from typing import Any
from urllib.parse import urlsplit

import boto3

from sparkify_dwh import aws
from sparkify_dwh.config import Config
from sparkify_dwh.resources import ResourceError, aws_errors, where

log = logging.getLogger(__name__)

REDSHIFT_SERVICE = "redshift.amazonaws.com"
S3_READ_ONLY_ARN = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
TRUST_POLICY: dict[str, Any] = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Principal": {"Service": REDSHIFT_SERVICE}, "Action": "sts:AssumeRole"},
    ],
}
LEARNER_POLICY_FILE = "learner_least_privilege.json"
# The names the shipped policy file is written for: dwh.cfg's defaults.
POLICY_DEFAULTS = {
    "role/dwhRole": "role/{role}",
    "cluster:dwhcluster": "cluster:{cluster}",
    "dbuser:dwhcluster/dwhuser": "dbuser:{cluster}/{user}",
    "dbname:dwhcluster/dwh": "dbname:{cluster}/{db}",
}
# The statements only one deployment needs (by Sid); the shipped file holds both, learner_policy keeps one's.
DEPLOYMENT_STATEMENTS = {
    "provisioned": frozenset(
        {"CreateAndDeleteTheTutorialCluster", "SeeWhatClustersCanBeOrdered", "RunSqlOnTheClusterThroughTheDataApi",
         "TemporaryCredentialsOfTheMasterUserForTheDataApi"}
    ),
    "serverless": frozenset(
        {"CreateAndDeleteTheTutorialWorkgroupAndNamespace", "RunSqlOnTheWorkgroupThroughTheDataApi"}
    ),
}  # fmt: skip
POLICY_DEFAULT_BUCKET = "udacity-dend"


def _trusts_redshift(document: dict[str, Any]) -> bool:
    """True when a trust policy lets Redshift assume the role."""
    for statement in document.get("Statement", []):
        services = statement.get("Principal", {}).get("Service", [])
        services = [services] if isinstance(services, str) else services
        if statement.get("Effect") == "Allow" and REDSHIFT_SERVICE in services:
            return True
    return False


def role_arn(config: Config, *, iam: Any | None = None, boto_session: boto3.Session | None = None) -> str | None:
    """The ARN of the configured role, or None when it does not exist."""
    iam = iam or aws.client(config, "iam", boto_session=boto_session)
    with aws_errors(config, f"look up the IAM role {config.dwh.iam_role_name!r}"):
        try:
            return iam.get_role(RoleName=config.dwh.iam_role_name)["Role"]["Arn"]
        except iam.exceptions.NoSuchEntityException:
            return None


def ensure_role(config: Config, *, iam: Any | None = None, boto_session: boto3.Session | None = None) -> str:
    """Create (or reuse) the role Redshift assumes, with AmazonS3ReadOnlyAccess attached; return its ARN."""
    name = config.dwh.iam_role_name
    iam = iam or aws.client(config, "iam", boto_session=boto_session)
    with aws_errors(config, f"create the IAM role {name!r}"):
        try:
            role = iam.get_role(RoleName=name)["Role"]
            if not _trusts_redshift(role["AssumeRolePolicyDocument"]):
                raise ResourceError(
                    f"the IAM role {name!r} already exists in {where(config)} but does not trust {REDSHIFT_SERVICE}; "
                    f"set another [DWH] DWH_IAM_ROLE_NAME"
                )
            log.info("reusing the IAM role %s", role["Arn"])
        except iam.exceptions.NoSuchEntityException:
            role = iam.create_role(
                RoleName=name,
                AssumeRolePolicyDocument=json.dumps(TRUST_POLICY),
                Description="Lets the Sparkify tutorial's Redshift cluster read S3",
            )["Role"]
            log.info("created the IAM role %s", role["Arn"])
        iam.attach_role_policy(RoleName=name, PolicyArn=S3_READ_ONLY_ARN)  # attaching twice changes nothing
    return role["Arn"]


def delete_role(config: Config, *, iam: Any | None = None, boto_session: boto3.Session | None = None) -> bool:
    """Detach every managed policy from the role, then delete it; False when there was no role."""
    name = config.dwh.iam_role_name
    iam = iam or aws.client(config, "iam", boto_session=boto_session)
    with aws_errors(config, f"delete the IAM role {name!r}"):
        try:
            pages = iam.get_paginator("list_attached_role_policies").paginate(RoleName=name)
            for policy in [p for page in pages for p in page["AttachedPolicies"]]:
                iam.detach_role_policy(RoleName=name, PolicyArn=policy["PolicyArn"])
            iam.delete_role(RoleName=name)
        except iam.exceptions.NoSuchEntityException:
            return False
        except iam.exceptions.DeleteConflictException as error:
            raise ResourceError(
                f"the IAM role {name!r} still has inline policies or an instance profile the tutorial did not add; "
                f"remove them in the IAM console, then run the teardown again"
            ) from error
    log.info("deleted the IAM role %s", name)
    return True


def _tailor(resource: str, config: Config) -> list[str]:
    """One resource ARN of the shipped policy, rewritten for the configured role, cluster and data buckets."""
    if POLICY_DEFAULT_BUCKET in resource:
        buckets = sorted(
            {urlsplit(uri).netloc for uri in (config.s3.song_data, config.s3.log_data, config.s3.log_jsonpath)}
        )
        return [resource.replace(POLICY_DEFAULT_BUCKET, bucket) for bucket in buckets]
    names = {"role": config.dwh.iam_role_name, "cluster": config.dwh.identifier, "user": config.dwh.db_user}
    for default, pattern in POLICY_DEFAULTS.items():
        resource = resource.replace(default, pattern.format(**names, db=config.dwh.db))
    return [resource]


def learner_policy(config: Config | None = None) -> dict[str, Any]:
    """The least-privilege IAM policy a learner's own user needs, for `config`'s deployment and names (dwh.cfg's
    defaults, a provisioned cluster, if None)."""
    text = package_files.files("sparkify_dwh").joinpath("policies", LEARNER_POLICY_FILE).read_text(encoding="utf-8")
    policy = json.loads(text)
    deployment = config.dwh.deployment if config is not None else "provisioned"
    others = set().union(*(sids for name, sids in DEPLOYMENT_STATEMENTS.items() if name != deployment))
    policy["Statement"] = [statement for statement in policy["Statement"] if statement["Sid"] not in others]
    if config is not None:
        for statement in policy["Statement"]:
            resources = statement["Resource"]
            resources = [resources] if isinstance(resources, str) else resources
            statement["Resource"] = [tailored for r in resources for tailored in _tailor(r, config)]
    return policy


def learner_policy_json(config: Config | None = None) -> str:
    """The learner policy as indented JSON, ready to paste into the IAM console."""
    return json.dumps(learner_policy(config), indent=2)
