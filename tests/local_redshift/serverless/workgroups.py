"""What the serverless and Data API tests share: a namespace with its workgroup in the running stand-in, and the
Data API's polling loop as today's course writes it."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Any

import psycopg

from tests.local_redshift.conftest import stack_client

ENDED = ("FINISHED", "FAILED", "ABORTED")


@dataclass(frozen=True)
class Workgroup:
    """A namespace and its workgroup, with the admin login."""

    namespace: str
    name: str
    admin: str
    password: str
    database: str
    host: str
    port: int

    def connect(self, user: str | None = None, password: str | None = None, **options: Any) -> psycopg.Connection:
        """A driver's session at the workgroup's endpoint (address and port as GetWorkgroup gives them)."""
        return psycopg.connect(
            host=self.host, port=self.port, dbname=self.database, user=user or self.admin,
            password=password or self.password, autocommit=True, **options,
        )  # fmt: skip


def create_workgroup(stack: Any, prefix: str, **namespace_options: Any) -> Workgroup:
    """A new namespace (admin user and password, database dev) and its workgroup; waits until AVAILABLE."""
    serverless = stack_client(stack, "redshift-serverless")
    namespace = f"{prefix}-{uuid.uuid4().hex[:8]}"
    password = f"Pw{uuid.uuid4().hex[:12]}"
    serverless.create_namespace(
        namespaceName=namespace, adminUsername="admin", adminUserPassword=password, **namespace_options
    )
    serverless.create_workgroup(workgroupName=f"{namespace}-wg", namespaceName=namespace)
    while (found := serverless.get_workgroup(workgroupName=f"{namespace}-wg")["workgroup"])["status"] != "AVAILABLE":
        time.sleep(0.1)
    endpoint = found["endpoint"]
    return Workgroup(namespace, f"{namespace}-wg", "admin", password, "dev", endpoint["address"], endpoint["port"])


def wait(data: Any, statement_id: str, patience: float = 60.0) -> dict[str, Any]:
    """Poll describe_statement while the statement is SUBMITTED, PICKED or STARTED; its last description."""
    deadline = time.monotonic() + patience
    while (described := data.describe_statement(Id=statement_id))["Status"] not in ENDED:
        assert time.monotonic() < deadline, f"statement still {described['Status']}"
        time.sleep(0.05)
    return described


def run(data: Any, workgroup: Workgroup, sql: str, **options: Any) -> dict[str, Any]:
    """Run one statement on the workgroup through the Data API and wait for it to end."""
    started = data.execute_statement(WorkgroupName=workgroup.name, Database=workgroup.database, Sql=sql, **options)
    return wait(data, started["Id"])


def rows(data: Any, statement_id: str) -> list[list[Any]]:
    """Every record of a statement's result (all pages), each field as its one value."""
    found, token = [], None
    while True:
        answer = data.get_statement_result(Id=statement_id, **({"NextToken": token} if token else {}))
        found += [[next(iter(field.values())) if "isNull" not in field else None for field in r]
                  for r in answer["Records"]]  # fmt: skip
        token = answer.get("NextToken")
        if not token:
            return found
