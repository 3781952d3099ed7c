"""The statements the endpoint runs itself, in the client's session: COPY, UNLOAD, EXPLAIN and the user
statements."""

from __future__ import annotations

from typing import Protocol

from local_redshift.copy import CopyOptions
from local_redshift.endpoint import messages
from local_redshift.endpoint.explaining import ExplainPath
from local_redshift.translation import Statement
from local_redshift.translation.users import UserStatement
from local_redshift.unload import UnloadOptions
from local_redshift.unload.run import COMPLETED


class Users(Protocol):
    """Runs a session's CREATE, ALTER and DROP USER statements (users.UserPath)."""

    def run_or_report(self, statement: UserStatement, extended: bool) -> str | None:
        """The command tag; None when it failed, the failure told to the client."""
        ...


class Copies(Protocol):
    """Runs a session's COPY statements (copying.CopyPath)."""

    def run_or_report(self, options: CopyOptions, extended: bool) -> int | None:
        """The rows loaded; None when it failed, the failure told to the client."""
        ...

    def unload_or_report(self, options: UnloadOptions, extended: bool) -> int | None:
        """The rows an UNLOAD wrote; None when it failed, the failure told to the client."""
        ...


class InEndpoint:
    """Runs a statement the endpoint runs itself and tells what the client is sent for it."""

    def __init__(self, copies: Copies, users: Users, explains: ExplainPath) -> None:
        self._copies = copies
        self._users = users
        self._explains = explains

    def run(self, statement: Statement, extended: bool) -> tuple[bytes, bytes] | None:
        """Run a COPY, an UNLOAD, an EXPLAIN or a user statement: what the client is sent (notices, or the plan's
        rows) and the command tag that tells it the statement completed; None when it failed (the failure told to
        the client)."""
        if statement.user is not None:
            tag = self._users.run_or_report(statement.user, extended)
            return None if tag is None else (b"", messages.command_complete(tag))
        if statement.explain is not None:
            rows = self._explains.run_or_report(statement.explain, extended)
            return None if rows is None else (rows, messages.command_complete("EXPLAIN"))
        if statement.copy is not None:
            count = self._copies.run_or_report(statement.copy, extended)
            return None if count is None else (b"", messages.command_complete(f"COPY {count}"))
        assert statement.unload is not None
        count = self._copies.unload_or_report(statement.unload, extended)
        if count is None:
            return None
        return messages.notice(COMPLETED.format(count=count)), messages.command_complete("UNLOAD")
