"""The Redshift Serverless API (JSON 1.1, target prefix RedshiftServerless): a thin layer over models.py, with
the field names of the botocore service model."""

from __future__ import annotations

from typing import Any

from local_redshift.json_api import Caller, Operation, page
from local_redshift.serverless.exceptions import invalid
from local_redshift.serverless.models import ServerlessBackend

TARGET_PREFIX = "RedshiftServerless"


def iam_db_user(caller: Caller) -> str:
    """The database user GetCredentials names for the caller: `IAM:<user>`, or `IAMR:<role>` for a role's session."""
    from moto.sts.models import sts_backends

    _, arn, _ = sts_backends[caller.account_id]["global"].get_caller_identity(caller.access_key, caller.region)
    kind, _, path = arn.split(":", 5)[5].partition("/")
    if kind == "assumed-role":
        return "IAMR:" + path.split("/")[0]
    return "IAM:" + path.rsplit("/", 1)[-1]


def operations(backend: ServerlessBackend) -> dict[str, Operation]:
    """Each operation by its name in the service model."""
    address = backend.endpoint_host

    def create_namespace(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        return {"namespace": backend.create_namespace(caller, request).describe()}

    def get_namespace(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        return {"namespace": backend.namespace(caller, request.get("namespaceName", "")).describe()}

    def list_namespaces(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        listed = [n.describe() for n in backend.list_namespaces(caller)]
        namespaces, token = page(listed, request.get("nextToken"), request.get("maxResults") or 100)
        return {"namespaces": namespaces, **({"nextToken": token} if token else {})}

    def update_namespace(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        return {"namespace": backend.update_namespace(caller, request).describe("MODIFYING")}

    def delete_namespace(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        return {"namespace": backend.delete_namespace(caller, request.get("namespaceName", "")).describe()}

    def create_workgroup(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        return {"workgroup": backend.create_workgroup(caller, request).describe(address, "CREATING")}

    def get_workgroup(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        return {"workgroup": backend.workgroup(caller, request.get("workgroupName", "")).describe(address)}

    def list_workgroups(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        listed = [w.describe(address) for w in backend.list_workgroups(caller)]
        workgroups, token = page(listed, request.get("nextToken"), request.get("maxResults") or 100)
        return {"workgroups": workgroups, **({"nextToken": token} if token else {})}

    def update_workgroup(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        return {"workgroup": backend.update_workgroup(caller, request).describe(address, "MODIFYING")}

    def delete_workgroup(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        workgroup = backend.delete_workgroup(caller, request.get("workgroupName", ""))
        return {"workgroup": workgroup.describe(address)}

    def get_credentials(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        if "customDomainName" in request:
            raise invalid("customDomainName is not supported by the local AWS stand-in; give workgroupName")
        credentials = backend.get_credentials(caller, request, iam_db_user(caller))
        return {
            "dbUser": credentials.db_user,
            "dbPassword": credentials.password,
            "expiration": credentials.expiration,
            "nextRefreshTime": credentials.expiration,
        }

    return {
        "CreateNamespace": create_namespace,
        "GetNamespace": get_namespace,
        "ListNamespaces": list_namespaces,
        "UpdateNamespace": update_namespace,
        "DeleteNamespace": delete_namespace,
        "CreateWorkgroup": create_workgroup,
        "GetWorkgroup": get_workgroup,
        "ListWorkgroups": list_workgroups,
        "UpdateWorkgroup": update_workgroup,
        "DeleteWorkgroup": delete_workgroup,
        "GetCredentials": get_credentials,
    }
