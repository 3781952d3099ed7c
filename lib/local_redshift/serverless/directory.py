"""The workgroups as the endpoint's cluster directory lists them: one entry per way to log in (the namespace's
admin user, and each temporary user of GetCredentials until it expires), all naming the namespace's data. A
namespace without a workgroup is listed with no user, so that no one logs in and its data is kept for its next
workgroup."""

from __future__ import annotations

import hashlib
from typing import Any

from local_redshift.serverless.models import Namespace, ServerlessBackend, Workgroup


def workgroup_logins(backend: ServerlessBackend) -> list[dict[str, Any]]:
    """The cluster directory's entries for every workgroup (see aws_server.cluster_directory)."""
    entries = []
    with backend.lock:
        served = {id(workgroup.namespace) for workgroup in backend.all_workgroups()}
        for namespace in backend.namespaces.values():
            if id(namespace) not in served:
                entries.append(_kept(namespace))
        for workgroup in backend.all_workgroups():
            namespace = workgroup.namespace
            if namespace.admin_username and namespace.admin_password:
                verifier = hashlib.md5((namespace.admin_password + namespace.admin_username).encode()).hexdigest()
                entries.append(_entry(workgroup, namespace.db_name, namespace.admin_username, verifier))
            for credentials in workgroup.live_credentials():
                entries.append(_entry(workgroup, credentials.database, credentials.db_user, credentials.md5_verifier))
    return entries


def _kept(namespace: Namespace) -> dict[str, Any]:
    return {
        "identifier": namespace.name, "account_id": namespace.account_id, "region": namespace.region,
        "database": namespace.db_name, "master_username": "", "md5_verifier": "", "status": "without workgroup",
        "created": namespace.id, "iam_roles": [], "serverless": True,
    }  # fmt: skip


def _entry(workgroup: Workgroup, database: str, user: str, verifier: str) -> dict[str, Any]:
    namespace = workgroup.namespace
    return {
        "identifier": workgroup.name, "account_id": namespace.account_id, "region": namespace.region,
        "database": database, "master_username": user, "md5_verifier": verifier,
        "status": workgroup.status.lower(), "created": namespace.id, "iam_roles": namespace.roles_default_first(),
        "serverless": True,
    }  # fmt: skip
