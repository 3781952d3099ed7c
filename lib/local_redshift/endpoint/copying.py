"""COPY from S3 and UNLOAD to it in a client's session: the loader (or unloader) runs its queries and its bulk load
over the client's own backend, in the client's transaction, and its failure reaches the client as any failed
statement's would."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping

from local_redshift.copy import AwsClients, ClusterContext, CopyOptions, run_copy
from local_redshift.copy.load_errors import RowWriter
from local_redshift.endpoint import messages
from local_redshift.endpoint.clusters import ClusterDirectory
from local_redshift.endpoint.login import Login
from local_redshift.endpoint.raised import raise_sql, scrubbed
from local_redshift.endpoint.relay import ClientGone, Relay, Reply, Route
from local_redshift.errors import BackendError, RedshiftError
from local_redshift.unload import UnloadOptions
from local_redshift.unload.run import run_unload

log = logging.getLogger(__name__)


class SessionBackend:
    """The COPY loader's Backend (copy.interfaces) over the client's session."""

    def __init__(self, relay: Relay, log_load: Callable[[Mapping[str, list[dict]]], None]) -> None:
        self._relay = relay
        self.log_load = log_load

    def fetch(self, sql: str) -> list[tuple]:
        reply = self._relay.query(sql, Route.CAPTURE)
        if reply.error is not None:
            raise BackendError(reply.error)
        return reply.rows

    def copy_in(self, sql: str, chunks: Iterable[bytes]) -> int:
        """COPY ... FROM STDIN, streaming `chunks`; an error raised by `chunks` cancels it."""
        relay = self._relay
        start = Reply(Route.CAPTURE, simple=True, until_copy=True)
        relay.send(messages.query(sql), expect=start)
        relay.pump()
        if not start.copy_started:
            raise BackendError(start.error or {})
        finish = Reply(Route.CAPTURE, simple=True)
        try:
            for chunk in chunks:
                relay.send(messages.copy_data(chunk))
                relay.send_now()
        except BaseException as error:
            relay.send(messages.copy_fail(str(error)[:200] or "COPY cancelled"), expect=finish)
            relay.pump()
            raise
        relay.send(messages.COPY_DONE, expect=finish)
        relay.pump()
        if finish.error is not None:
            raise BackendError(finish.error)
        return messages.row_count(finish.tag)


class CopyPath:
    """Runs the COPY statements of one session and reports their failures to its client."""

    def __init__(
        self,
        relay: Relay,
        login: Login,
        directory: ClusterDirectory,
        aws: AwsClients,
        session_id: int,
        query_id: Callable[[], int],
    ) -> None:
        """`query_id`: the query id of the statement running now (the COPY's, in the query history)."""
        self._relay = relay
        self._query_id = query_id
        self._login = login
        self._directory = directory
        self._aws = aws
        self._session_id = session_id
        conninfo = directory.bookkeeping_conninfo(login.postgres_database, login.dbname)  # the logs of its tables
        self._logs = RowWriter(conninfo)
        self._backend = SessionBackend(relay, self._logs)

    def close(self) -> None:
        """The session ends: let go of the connection the logs are written on."""
        self._logs.close()

    def run_or_report(self, options: CopyOptions, extended: bool) -> int | None:
        """The rows a COPY loaded; None when it failed, the failure told to the client."""
        return self._run_or_report(options, extended)

    def unload_or_report(self, options: UnloadOptions, extended: bool) -> int | None:
        """The rows an UNLOAD wrote; None when it failed, the failure told to the client."""
        return self._run_or_report(options, extended)

    def _run_or_report(self, options: CopyOptions | UnloadOptions, extended: bool) -> int | None:
        try:
            return self._run(options)
        except ClientGone:
            raise
        except Exception as error:
            report(self._relay, error, extended)
            return None

    def _run(self, options: CopyOptions | UnloadOptions) -> int:
        query_id = self._query_id()
        login = self._login
        cluster = self._directory.current(login.cluster) or login.cluster
        context = ClusterContext(
            identifier=cluster.identifier,
            database=login.database,  # the one connected to: the load is in its tables
            db_user=login.user,
            region=cluster.region,
            account_id=cluster.account_id,
            iam_roles=cluster.iam_roles,
            session_id=self._session_id,
            query_id=query_id,
        )
        if isinstance(options, UnloadOptions):
            return run_unload(options, self._backend, context, self._aws)
        return run_copy(options, self._backend, context, self._aws)


def report(relay: Relay, error: Exception, extended: bool) -> None:
    """Tell the client a COPY failed, leaving the transaction as a failed statement leaves it."""
    if not isinstance(error, BackendError) and isinstance(error, RedshiftError) and relay.status == "E":
        error = BackendError(
            messages.fields_of(error.sqlstate, error.message, detail=error.detail)
        )  # the cancelled load failed the transaction already
    if isinstance(error, BackendError):  # PostgreSQL failed already: relay the words (in Redshift's, where they differ)
        relay.failure = error.fields
        relay.emit(scrubbed(messages.error_response(error.fields), relay.database))
        if extended:
            relay.skipping = True
        else:
            relay.emit(messages.ready_for_query(relay.status))
        return
    if not isinstance(error, RedshiftError):
        log.exception("COPY failed unexpectedly")
        error = RedshiftError(f"COPY failed in the local Redshift endpoint: {error}")
    if extended:
        relay.internal(raise_sql(error), Route.FORWARD)
        relay.drain()
    else:
        relay.query(raise_sql(error), Route.FORWARD)
