"""The Redshift Data API (JSON 1.1, target prefix RedshiftData): a thin layer over the statement store, the
runner and the catalog calls, with the field names of the botocore service model."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import psycopg

from local_redshift.data_api import exceptions, metadata
from local_redshift.data_api.parameters import bind
from local_redshift.data_api.records import Result
from local_redshift.data_api.runner import Runner, Session, error_text
from local_redshift.data_api.statements import ENDED, RUNNING, Statement, StatementStore, new_statement
from local_redshift.data_api.targets import resolve
from local_redshift.json_api import Caller, Operation, page
from local_redshift.serverless.models import ServerlessBackend

TARGET_PREFIX = "RedshiftData"
RESULT_PAGE_ROWS = 1000  # the stand-in's page of GetStatementResult
_SESSION_FIELDS = ("WorkgroupName", "ClusterIdentifier", "SecretArn", "DbUser", "Database")


class DataApi:
    """The Data API's state: statements, sessions and workers."""

    def __init__(self, serverless: ServerlessBackend, host: str, port: int) -> None:
        self.serverless = serverless
        self.store = StatementStore()
        self.runner = Runner(host, port)
        self._tokens: dict[tuple[str, str, str], str] = {}  # ClientToken -> statement Id

    def submit(self, caller: Caller, request: dict[str, Any], sqls: list[str], is_batch: bool) -> dict[str, Any]:
        """Accept a statement (SUBMITTED) and hand it to a worker; the answer of (Batch)ExecuteStatement."""
        token = request.get("ClientToken")
        tokened = (caller.account_id, caller.region, token)
        if token and tokened in self._tokens:
            statement, _ = self.store.find(caller.account_id, caller.region, self._tokens[tokened])
            return _submitted(statement)
        for sql in sqls:
            bind(sql, request.get("Parameters"))  # a parameter missing or unused is refused now, not when run
        session, keep_alive = self._session(caller, request)
        target = session.target if session is not None else resolve(caller, request, self.serverless)
        session_id = session.id if session is not None else (self.runner.new_session_id() if keep_alive else None)
        statement = new_statement(
            caller.account_id, caller.region, target, sqls, is_batch, parameters=request.get("Parameters"),
            name=request.get("StatementName"), result_format=request.get("ResultFormat") or "JSON",
            execution_mode=request.get("ExecutionMode") or "TRANSACTION", session_id=session_id,
        )  # fmt: skip
        self.store.add(statement)
        if token:
            self._tokens[tokened] = statement.id
        self.runner.submit(statement, session, keep_alive)
        if wait := request.get("WaitTimeSeconds"):  # wait up to that long for the statement to end
            statement.ended.wait(min(int(wait), 30))
            return {**_submitted(statement), "Status": statement.status}
        return _submitted(statement)

    def _session(self, caller: Caller, request: dict[str, Any]) -> tuple[Session | None, int]:
        keep_alive = int(request.get("SessionKeepAliveSeconds") or 0)
        session_id = request.get("SessionId")
        if not session_id:
            return None, keep_alive
        if any(request.get(name) for name in _SESSION_FIELDS):
            raise exceptions.session_with_target()
        return self.runner.session(session_id), keep_alive

    def find(self, caller: Caller, statement_id: str) -> tuple[Statement, Any]:
        return self.store.find(caller.account_id, caller.region, statement_id)

    @contextlib.contextmanager
    def connection(self, caller: Caller, request: dict[str, Any]) -> Iterator[psycopg.Connection]:
        """A session for a catalog call, to ConnectedDatabase if given, else Database."""
        target = resolve(caller, {**request, "Database": request.get("ConnectedDatabase") or request.get("Database")},
                         self.serverless)  # fmt: skip
        try:
            connection = self.runner.connect(target)
        except psycopg.Error as error:
            raise exceptions.connection_failed(error_text(error)) from None
        with connection:
            yield connection


def _submitted(statement: Statement) -> dict[str, Any]:
    answer: dict[str, Any] = {
        **statement.target.named(), "Id": statement.id, "CreatedAt": statement.created,
    }  # fmt: skip
    if statement.session_id:
        answer["SessionId"] = statement.session_id
    return answer


def _result(api: DataApi, caller: Caller, request: dict[str, Any], result_format: str) -> tuple[Result, str, int, int]:
    statement, part = api.find(caller, request.get("Id", ""))
    if statement.is_batch and part is None:
        part = next((p for p in reversed(statement.parts) if p.result is not None), statement.parts[-1])
    part = part or statement.parts[0]
    if part.status != "FINISHED" or part.result is None:
        raise exceptions.no_result()
    if statement.result_format != result_format:
        operation = "GetStatementResultV2" if statement.result_format == "CSV" else "GetStatementResult"
        raise exceptions.wrong_result_format(part.id, statement.result_format, operation)
    token = request.get("NextToken") or "0"
    _, next_token = page(part.result.rows, token, RESULT_PAGE_ROWS)
    start = int(token)
    return part.result, next_token or "", start, min(start + RESULT_PAGE_ROWS, len(part.result.rows))


def operations(api: DataApi) -> dict[str, Operation]:
    """Each operation by its name in the service model."""

    def execute_statement(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        return api.submit(caller, request, [request.get("Sql", "")], is_batch=False)

    def batch_execute_statement(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        return api.submit(caller, request, list(request.get("Sqls") or []), is_batch=True)

    def describe_statement(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        statement, part = api.find(caller, request.get("Id", ""))
        if wait := request.get("WaitTimeSeconds"):
            statement.ended.wait(min(int(wait), 30))
        if part is None:
            return statement.describe()
        return {**statement.describe(), **part.describe(), "SubStatements": []}

    def get_statement_result(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        result, token, start, end = _result(api, caller, request, "JSON")
        answer = {"Records": result.records(start, end), "ColumnMetadata": result.columns,
                  "TotalNumRows": len(result.rows)}  # fmt: skip
        return answer | ({"NextToken": token} if token else {})

    def get_statement_result_v2(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        result, token, start, end = _result(api, caller, request, "CSV")
        answer = {
            "Records": [{"CSVRecords": result.csv(start, end, header=start == 0)}], "ColumnMetadata": result.columns,
            "TotalNumRows": len(result.rows), "ResultFormat": "CSV",
        }  # fmt: skip
        return answer | ({"NextToken": token} if token else {})

    def cancel_statement(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        statement, _ = api.find(caller, request.get("Id", ""))
        if statement.status in ENDED:
            raise exceptions.cannot_cancel(statement.status)
        cancel = statement.cancel
        statement.move("ABORTED")
        for part in statement.parts:
            if part.status in RUNNING:
                part.move("ABORTED")
        if cancel is not None:
            cancel()
        return {"Status": True}

    def list_statements(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        status = request.get("Status") or "ALL"
        name = request.get("StatementName")
        fields = {
            key: request.get(key) for key in ("Database", "ClusterIdentifier", "WorkgroupName") if request.get(key)
        }
        listed = [
            s.listed() for s in api.store.listed(caller.account_id, caller.region)
            if (status == "ALL" or s.status == status) and (not name or (s.name or "").startswith(name))
            and all(s.target.named().get(key) == value for key, value in fields.items())
        ]  # fmt: skip
        statements, token = page(listed, request.get("NextToken"), request.get("MaxResults") or 100)
        return {"Statements": statements} | ({"NextToken": token} if token else {})

    def paged(key: str, items: list[Any], request: dict[str, Any]) -> dict[str, Any]:
        chosen, token = page(items, request.get("NextToken"), request.get("MaxResults") or 1000)
        return {key: chosen} | ({"NextToken": token} if token else {})

    def list_databases(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        with api.connection(caller, request) as connection:
            return paged("Databases", metadata.list_databases(connection), request)

    def list_schemas(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        with api.connection(caller, request) as connection:
            return paged("Schemas", metadata.list_schemas(connection, request.get("SchemaPattern")), request)

    def list_tables(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        with api.connection(caller, request) as connection:
            tables = metadata.list_tables(connection, request.get("SchemaPattern"), request.get("TablePattern"))
            return paged("Tables", tables, request)

    def describe_table(caller: Caller, request: dict[str, Any]) -> dict[str, Any]:
        with api.connection(caller, request) as connection:
            columns = metadata.describe_table(connection, request.get("Schema"), request.get("Table"))
        answer = paged("ColumnList", columns, request)
        return answer | ({"TableName": request["Table"]} if request.get("Table") else {})

    return {
        "ExecuteStatement": execute_statement,
        "BatchExecuteStatement": batch_execute_statement,
        "DescribeStatement": describe_statement,
        "GetStatementResult": get_statement_result,
        "GetStatementResultV2": get_statement_result_v2,
        "CancelStatement": cancel_statement,
        "ListStatements": list_statements,
        "ListDatabases": list_databases,
        "ListSchemas": list_schemas,
        "ListTables": list_tables,
        "DescribeTable": describe_table,
    }
