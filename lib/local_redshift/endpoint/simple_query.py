"""The simple query protocol: a Query's statements run as segments, the runs of statements PostgreSQL takes as one
query, and between them those the endpoint runs itself (COPY, UNLOAD, EXPLAIN, user statements)."""

from __future__ import annotations

from collections.abc import Callable

from local_redshift.endpoint import messages
from local_redshift.endpoint.databases import SessionDatabases
from local_redshift.endpoint.in_endpoint import InEndpoint
from local_redshift.endpoint.prepared import Folding
from local_redshift.endpoint.query_log import SessionQueries
from local_redshift.endpoint.raised import raise_sql
from local_redshift.endpoint.relay import Relay, Route
from local_redshift.endpoint.transaction_blocks import refused_in_blocks
from local_redshift.errors import RedshiftError
from local_redshift.translation import Statement


class SimpleQuery:
    """Runs the client's Query messages."""

    def __init__(
        self,
        relay: Relay,
        queries: SessionQueries,
        databases: SessionDatabases | None,
        in_endpoint: InEndpoint,
        shown_setting: Callable[[Statement], str | None],
        folding: Folding,
    ) -> None:
        self.relay = relay
        self.queries = queries
        self.databases = databases
        self.in_endpoint = in_endpoint
        self.shown_setting = shown_setting
        self.folding = folding

    def run(self, frame: bytes) -> None:
        """Answer one Query message: its statements, run in segments (simple_query's docstring)."""
        relay, text = self.relay, messages.first_string(frame)
        statements = self.folding.translated(text, self.databases)
        if not isinstance(statements, RedshiftError):
            statements = refused_in_blocks(statements, in_block=relay.status != "I")
        relay.take_failure()
        if isinstance(statements, RedshiftError):
            pending = self.queries.begin(text.strip())
            relay.query(raise_sql(statements), Route.FORWARD)
            self.queries.end(pending, relay.take_failure())
        elif not statements:
            relay.query(text, Route.FORWARD)
        else:
            segments = _segments(statements)
            for number, segment in enumerate(segments):
                if not self._run_segment(segment, last=number == len(segments) - 1):
                    break
        self.folding.settle(relay)
        relay.flush()

    def _run_segment(self, segment: Statement | list[Statement], last: bool) -> bool:
        """Run a COPY, UNLOAD or EXPLAIN, or statements PostgreSQL runs as one query; False when the query ends."""
        relay, queries = self.relay, self.queries
        if isinstance(segment, Statement):
            pending = queries.begin(segment.source)
            completion = self.in_endpoint.run(segment, extended=False)
            queries.end(pending, relay.take_failure() if completion is None else None)
            if completion is None:
                return False
            relay.emit(completion[0] + completion[1])
            if last:
                relay.emit(messages.ready_for_query(relay.status))
            return True
        pendings = [queries.begin(statement.source) for statement in segment]
        settings = [
            setting or self.shown_setting(statement)  # a SHOW never reads PG_LAST_QUERY_ID
            for statement, setting in zip(segment, queries.settings(pendings), strict=True)
        ]
        texts, routes, starts = _one_query(segment, settings)
        reply = relay.query("\n;\n".join(texts), Route.FORWARD if last else Route.SWALLOW, routes)
        failure = relay.take_failure() if reply.error is not None else None
        for statement, pending, start, end in zip(segment, pendings, starts, [*starts[1:], len(texts)], strict=True):
            if failure is not None and reply.index < start:
                break  # not run: the query ended at the failing statement
            failed = failure is not None and reply.index < end
            queries.end(pending, failure if failed else None)
            if not failed:
                self.folding.ran(statement)
        if reply.error is not None and not last:
            relay.emit(messages.ready_for_query(relay.status))
            return False
        return True


def _one_query(segment: list[Statement], settings: list[str | None]) -> tuple[list[str], list[Route], list[int]]:
    """The statements of a segment as PostgreSQL runs them, each after its setting of the last query id if any:
    their texts, their routes, and where each statement begins."""
    texts: list[str] = []
    routes: list[Route] = []
    starts: list[int] = []
    for statement, setting in zip(segment, settings, strict=True):
        starts.append(len(texts))
        texts += [setting] if setting else []
        routes += [Route.SWALLOW] if setting else []
        texts += [*statement.before, *statement.postgres]
        routes += [Route.SWALLOW] * len(statement.before)
        routes += [Route.FORWARD] + [Route.SWALLOW] * (len(statement.postgres) - 1)
    return texts, routes, starts


def _segments(statements: tuple[Statement, ...]) -> list[Statement | list[Statement]]:
    """Runs of statements PostgreSQL can take as one query, and the statements the endpoint runs between them."""
    segments: list[Statement | list[Statement]] = []
    for statement in statements:
        if statement.in_endpoint:
            segments.append(statement)
        elif segments and isinstance(segments[-1], list):
            segments[-1].append(statement)
        else:
            segments.append([statement])
    return segments
