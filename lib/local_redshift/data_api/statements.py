"""The Data API's statements and their lifecycle: SUBMITTED when accepted, PICKED when a worker takes it, STARTED
when it runs, then FINISHED, FAILED (with Error) or ABORTED. A batch's sub-statements carry the same statuses,
each with its own Id (`<batch id>:<n>`). Statements and their results are kept 24 hours."""

from __future__ import annotations

import datetime
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from local_redshift.data_api import exceptions
from local_redshift.data_api.records import Result
from local_redshift.data_api.targets import Target
from local_redshift.json_api import now

RETENTION = datetime.timedelta(hours=24)
RUNNING = ("SUBMITTED", "PICKED", "STARTED")
ENDED = ("FINISHED", "FAILED", "ABORTED")


@dataclass
class Part:
    """One SQL statement: a statement of ExecuteStatement, or a sub-statement of a batch."""

    id: str
    sql: str
    created: datetime.datetime = field(default_factory=now)
    updated: datetime.datetime = field(default_factory=now)
    status: str = "SUBMITTED"
    error: str | None = None
    result: Result | None = None
    result_rows: int = -1
    query_id: int | None = None
    duration_ns: int = -1
    _started: float = 0.0

    def move(self, status: str, error: str | None = None) -> None:
        """Go to `status`; a cancelled (ABORTED) part stays so."""
        if self.status == "ABORTED":
            return
        if status == "STARTED":
            self._started = time.perf_counter()
        if status in ENDED and self._started:
            self.duration_ns = int((time.perf_counter() - self._started) * 1e9)
        self.status, self.error, self.updated = status, error, now()

    def describe(self) -> dict[str, Any]:
        described: dict[str, Any] = {
            "Id": self.id, "QueryString": self.sql, "Status": self.status, "CreatedAt": self.created,
            "UpdatedAt": self.updated, "Duration": self.duration_ns, "HasResultSet": self.result is not None,
            "ResultRows": self.result_rows, "ResultSize": self.result.size if self.result is not None else 0,
        }  # fmt: skip
        if self.error is not None:
            described["Error"] = self.error
        if self.query_id is not None:
            described["RedshiftQueryId"] = self.query_id
        return described


@dataclass
class Statement:
    """What ExecuteStatement or BatchExecuteStatement was asked to run, and how it went."""

    id: str
    account_id: str
    region: str
    target: Target
    parts: list[Part]
    is_batch: bool
    parameters: list[dict[str, Any]] | None = None
    name: str | None = None
    result_format: str = "JSON"
    execution_mode: str = "TRANSACTION"
    session_id: str | None = None
    redshift_pid: int | None = None
    status: str = "SUBMITTED"
    error: str | None = None
    created: datetime.datetime = field(default_factory=now)
    updated: datetime.datetime = field(default_factory=now)
    ended: threading.Event = field(default_factory=threading.Event)
    cancel: Callable[[], None] | None = None  # cancels the running SQL, once it runs

    def move(self, status: str, error: str | None = None) -> None:
        """Go to `status`; a cancelled (ABORTED) statement stays so."""
        if self.status == "ABORTED":
            return
        self.status, self.error, self.updated = status, error, now()
        if not self.is_batch:
            self.parts[0].move(status, error)
        if status in ENDED:
            self.ended.set()

    def describe(self) -> dict[str, Any]:
        first = self.parts[0].describe()
        described: dict[str, Any] = {
            **self.target.named(), "Id": self.id, "Status": self.status, "CreatedAt": self.created,
            "UpdatedAt": self.updated, "ResultFormat": self.result_format,
        }  # fmt: skip
        if self.redshift_pid is not None:
            described["RedshiftPid"] = self.redshift_pid
        if self.error is not None:
            described["Error"] = self.error
        if self.parameters:
            described["QueryParameters"] = self.parameters
        if self.session_id:
            described["SessionId"] = self.session_id
        if self.is_batch:
            parts = [part.describe() for part in self.parts]
            described |= {
                "SubStatements": parts, "ExecutionMode": self.execution_mode,
                "Duration": sum(max(part["Duration"], 0) for part in parts) if self.status in ENDED else -1,
                "HasResultSet": any(part["HasResultSet"] for part in parts),
                "ResultRows": sum(max(part["ResultRows"], 0) for part in parts),
                "ResultSize": sum(part["ResultSize"] for part in parts),
            }  # fmt: skip
        else:
            for key in ("QueryString", "Duration", "HasResultSet", "ResultRows", "ResultSize", "RedshiftQueryId"):
                if key in first:
                    described[key] = first[key]
        return described

    def listed(self) -> dict[str, Any]:
        """The StatementData shape of ListStatements."""
        listed: dict[str, Any] = {
            "Id": self.id, "Status": self.status, "CreatedAt": self.created, "UpdatedAt": self.updated,
            "IsBatchStatement": self.is_batch, "ResultFormat": self.result_format,
        }  # fmt: skip
        if self.is_batch:
            listed["QueryStrings"] = [part.sql for part in self.parts]
        else:
            listed["QueryString"] = self.parts[0].sql
        for key, value in (("StatementName", self.name), ("SecretArn", self.target.secret_arn),
                           ("QueryParameters", self.parameters), ("SessionId", self.session_id)):  # fmt: skip
            if value:
                listed[key] = value
        return listed


def new_statement(account_id: str, region: str, target: Target, sqls: list[str], is_batch: bool, **options: Any):
    """A statement in SUBMITTED, with a new Id (its sub-statements `<Id>:1`, `<Id>:2`... for a batch)."""
    statement_id = str(uuid.uuid4())
    for sql in sqls:
        if len(sql.encode()) > exceptions.MAX_STATEMENT_BYTES:
            raise exceptions.statement_too_large()
    parts = [Part(f"{statement_id}:{n}" if is_batch else statement_id, sql) for n, sql in enumerate(sqls, 1)]
    return Statement(statement_id, account_id, region, target, parts, is_batch, **options)


class StatementStore:
    """Every statement of the last 24 hours; `clock` gives the time (tests move it)."""

    def __init__(self, clock: Callable[[], datetime.datetime] = now) -> None:
        self._statements: dict[str, Statement] = {}
        self._lock = threading.Lock()
        self._clock = clock

    def add(self, statement: Statement) -> None:
        with self._lock:
            self._expire()
            self._statements[statement.id] = statement

    def find(self, account_id: str, region: str, statement_id: str) -> tuple[Statement, Part | None]:
        """The statement an Id names, and the sub-statement if the Id has a `:n` suffix."""
        base, _, number = statement_id.partition(":")
        with self._lock:
            self._expire()
            statement = self._statements.get(base)
        if statement is None or (statement.account_id, statement.region) != (account_id, region):
            raise exceptions.statement_not_found(statement_id)
        if not number:
            return statement, None
        index = int(number) - 1 if number.isdigit() else -1
        if not statement.is_batch or not 0 <= index < len(statement.parts):
            raise exceptions.statement_not_found(statement_id)
        return statement, statement.parts[index]

    def listed(self, account_id: str, region: str) -> list[Statement]:
        """The caller's statements, the newest first."""
        with self._lock:
            self._expire()
            mine = [s for s in self._statements.values() if (s.account_id, s.region) == (account_id, region)]
        return sorted(mine, key=lambda s: s.created, reverse=True)

    def _expire(self) -> None:
        oldest = self._clock() - RETENTION
        for statement_id in [i for i, s in self._statements.items() if s.created < oldest]:
            del self._statements[statement_id]
