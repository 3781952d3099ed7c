"""Where a Data API request runs and as whom: a provisioned cluster (with DbUser or a secret) or a serverless
workgroup (with a secret, or as the caller's IAM identity through GetCredentials' temporary user)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from local_redshift.data_api import exceptions
from local_redshift.json_api import Caller
from local_redshift.serverless.models import ServerlessBackend
from local_redshift.serverless.responses import iam_db_user


@dataclass(frozen=True)
class Target:
    """A login to the local Redshift endpoint, and how the Data API names where it runs."""

    database: str
    user: str
    password: str = ""
    cluster_identifier: str | None = None
    workgroup_name: str | None = None
    secret_arn: str | None = None
    db_user: str | None = None

    def named(self) -> dict[str, str]:
        """The fields describing the target in the Data API's answers."""
        fields = {
            "ClusterIdentifier": self.cluster_identifier, "WorkgroupName": self.workgroup_name,
            "SecretArn": self.secret_arn, "DbUser": self.db_user, "Database": self.database,
        }  # fmt: skip
        return {key: value for key, value in fields.items() if value}


def resolve(caller: Caller, request: dict[str, Any], serverless: ServerlessBackend) -> Target:
    """The target a request names (WorkgroupName, or ClusterIdentifier with DbUser or SecretArn, and Database)."""
    workgroup, cluster = request.get("WorkgroupName"), request.get("ClusterIdentifier")
    if bool(workgroup) == bool(cluster):
        raise exceptions.one_target()
    database = request.get("Database")
    if not database:
        raise exceptions.database_required()
    secret_arn = request.get("SecretArn")
    if workgroup:
        return _workgroup(caller, workgroup, database, secret_arn, serverless)
    return _cluster(caller, cluster, database, request.get("DbUser"), secret_arn)


def _workgroup(
    caller: Caller, name: str, database: str, secret_arn: str | None, serverless: ServerlessBackend
) -> Target:
    name = name.rsplit("/", 1)[-1] if name.startswith("arn:") else name
    with serverless.lock:
        if (caller.account_id, caller.region, name) not in serverless.workgroups:
            raise exceptions.workgroup_not_found(name)
    if secret_arn:
        user, password = _secret(caller, secret_arn)
        return Target(database, user, password, workgroup_name=name, secret_arn=secret_arn)
    credentials = serverless.get_credentials(caller, {"workgroupName": name, "dbName": database}, iam_db_user(caller))
    return Target(database, credentials.db_user, credentials.password, workgroup_name=name, db_user=credentials.db_user)


def _cluster(caller: Caller, identifier: str, database: str, db_user: str | None, secret_arn: str | None) -> Target:
    from moto.redshift.models import redshift_backends

    cluster = redshift_backends[caller.account_id][caller.region].clusters.get(identifier)
    if cluster is None:
        raise exceptions.cluster_not_found(identifier)
    if secret_arn:
        user, password = _secret(caller, secret_arn)
        return Target(database, user, password, cluster_identifier=identifier, secret_arn=secret_arn)
    if not db_user:
        raise exceptions.cluster_credentials()
    # GetClusterCredentials' temporary password signs in the database user; the local stand-in gives no temporary
    # passwords, so the Data API signs in with the master password: a DbUser other than the master user (one made
    # with CREATE USER included) is refused at login.
    return Target(database, db_user, cluster.master_user_password, cluster_identifier=identifier, db_user=db_user)


def _secret(caller: Caller, arn: str) -> tuple[str, str]:
    """The username and password of a Secrets Manager secret (JSON, as the Data API expects)."""
    from moto.secretsmanager.models import secretsmanager_backends

    try:
        value = secretsmanager_backends[caller.account_id][caller.region].get_secret_value(arn, None, None)
        secret = json.loads(value.get("SecretString") or "{}")
        return str(secret["username"]), str(secret["password"])
    except (KeyError, ValueError, TypeError) as error:
        raise exceptions.secret_unreadable(arn, f"it needs JSON with username and password ({error!r})") from None
    except Exception as error:  # moto's SecretNotFoundException and kin
        raise exceptions.secret_unreadable(arn, str(error) or type(error).__name__) from None
