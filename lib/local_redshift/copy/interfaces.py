"""What COPY needs from its caller: the client's database session, the cluster, and AWS clients."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

AwsClients = Callable[[str, str | None], Any]
"""`aws(service, region)`: a boto3 client for "s3", "iam" or "sts" pointed at the right endpoint."""


class Backend(Protocol):
    """The client's session on the embedded PostgreSQL, as the endpoint exposes it.

    What PostgreSQL refuses, `fetch` and `copy_in` raise as local_redshift.errors.BackendError, with the fields
    of PostgreSQL's ErrorResponse (C sqlstate, M message, D detail, c column name, W context).
    """

    def fetch(self, sql: str) -> list[tuple]:
        """Run `sql` in the client's session and transaction; values come back as text (str) or None.

        Raises BackendError when PostgreSQL refuses the statement.
        """
        ...

    def copy_in(self, sql: str, chunks: Iterable[bytes]) -> int:
        """Run `COPY ... FROM STDIN` (text format) streaming `chunks`; an error raised by `chunks` cancels it
        and is raised again as it was.

        Raises BackendError when PostgreSQL refuses the COPY or a row of it.
        """
        ...

    def log_load(self, rows: Mapping[str, list[dict]]) -> None:
        """Insert rows into the redshift_system tables that name them (stl_load_errors, load_history,
        load_commits; UNLOAD's unload_history and unload_files) on a separate connection, committed whatever
        becomes of the client's transaction."""
        ...


@dataclass(frozen=True)
class ClusterContext:
    """The cluster and session a COPY runs in."""

    identifier: str
    database: str
    db_user: str
    region: str
    account_id: str
    iam_roles: tuple[str, ...]
    session_id: int
    query_id: int

    @property
    def db_user_arn(self) -> str:
        """The database user as IAM sees it when the cluster assumes a role for it."""
        return f"arn:aws:redshift:{self.region}:{self.account_id}:dbuser:{self.identifier}/{self.db_user}"
