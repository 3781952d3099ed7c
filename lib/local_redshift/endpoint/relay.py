"""The relay between a client and its backend: what the backend owes for each request, and where it goes.

Requests go to the backend in order, each with a Reply queued that says which backend messages end it and
where its messages go: forwarded to the client, swallowed (the bookkeeping statements a translation adds),
captured (the queries COPY runs), or tag-only. Notices, notifications and parameter changes are passed on
wherever they arrive. Result rows are passed through as they came, without being decoded, but for a reply that
observes its messages (the rows of a portal whose values Redshift formats otherwise: value_formats).
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import enum
import select
import socket
from collections.abc import Callable
from dataclasses import dataclass, field

from local_redshift.endpoint import messages
from local_redshift.endpoint.codes import ASYNCHRONOUS, COMMAND_ENDS, Backend, Target
from local_redshift.endpoint.framing import ConnectionClosed, Reader
from local_redshift.endpoint.raised import raise_sql, scrubbed
from local_redshift.errors import RedshiftError

INTERNAL = "_local_redshift"  # the statement and portal names of what the endpoint runs in extended mode
_ROWS = bytes([Backend.DATA_ROW])
_STOPS = bytes([Backend.ERROR_RESPONSE, Backend.READY_FOR_QUERY])  # what the fast path leaves to the routing
_SPIN = 0.0002  # how long to wait for the backend awake before sleeping until it answers (a point query's time)
_OUT_LIMIT = 262144  # bytes kept for the client before they are sent
_SEND_DIRECTLY = 65536  # a run of rows at least this long is sent from the backend's buffer as it is


class Route(enum.Enum):
    FORWARD = "forward"  # to the client
    SWALLOW = "swallow"  # not for the client (errors excepted)
    CAPTURE = "capture"  # kept for the endpoint: rows, command tag, error
    TAG_ONLY = "tag-only"  # only the command tag reaches the client


class ClientGone(Exception):
    """The client closed its connection."""


class BackendGone(ConnectionClosed):
    """The backend closed its connection: its server stopped (a full disk, a crash) or ended the session."""


PARSE_ENDS = frozenset({Backend.PARSE_COMPLETE})
BIND_ENDS = frozenset({Backend.BIND_COMPLETE})
DESCRIBE_ENDS = frozenset({Backend.ROW_DESCRIPTION, Backend.NO_DATA})
EXECUTE_ENDS = frozenset({*COMMAND_ENDS, Backend.PORTAL_SUSPENDED})
CLOSE_ENDS = frozenset({Backend.CLOSE_COMPLETE})
SYNC_ENDS = frozenset({Backend.READY_FOR_QUERY})


@dataclass
class Reply:
    """What the backend still owes for one request, and where it goes.

    A simple Query (or FunctionCall) ends with ReadyForQuery whatever happens; an extended-protocol request
    ends with one of `ends`, or with an error, after which the backend skips everything up to the next Sync.
    """

    route: Route = Route.FORWARD
    ends: frozenset[int] = SYNC_ENDS
    simple: bool = False
    synthetic: bytes | None = None  # an answer the session gives itself, in order with the backend's
    routes: list[Route] | None = None  # simple query: each statement's route, in order (then `route`)
    until_copy: bool = False  # ends at CopyInResponse: the backend then waits for the data
    observe: Callable[[int, bytes], bytes] | None = None  # sees (and may rewrite) each message before it is routed
    index: int = 0
    rows: list[tuple[str | None, ...]] = field(default_factory=list)
    tag: str = ""
    error: dict[str, str] | None = None
    copy_started: bool = False
    refused: RedshiftError | None = None  # simple query: a value refused in its rows (row_checks.CheckedRelay)
    plain: bool = field(init=False)  # passed to the client as it is, to the end of an extended-mode request

    def __post_init__(self) -> None:
        self.plain = self.route is Route.FORWARD and not self.simple and self.synthetic is None and self.observe is None

    @property
    def is_sync(self) -> bool:
        """The reply to a Sync: where the backend resumes after an error in extended mode."""
        return self.ends is SYNC_ENDS and not self.simple and self.synthetic is None

    @property
    def current_route(self) -> Route:
        routes = self.routes
        return routes[self.index] if routes is not None and self.index < len(routes) else self.route


class ClientOutput:
    """What goes to the client, collected until flushed; long runs of rows are sent from where they lie."""

    def __init__(self, client: socket.socket) -> None:
        self.client = client
        self.describe: Callable[[bytes], bytes] | None = None  # rewrites the messages the client gets
        self._queued = bytearray()

    def emit(self, frame: bytes) -> None:
        if self.describe is not None:
            frame = self.describe(frame)
        self._queued += frame
        if len(self._queued) > _OUT_LIMIT:
            self.flush()

    def rows(self, rows: memoryview) -> None:
        """Whole DataRow messages as the backend sent them."""
        if len(rows) < _SEND_DIRECTLY:
            self._queued += rows
            if len(self._queued) > _OUT_LIMIT:
                self.flush()
            return
        self.flush()
        self._send(rows)

    def flush(self) -> None:
        if self._queued:
            self._send(self._queued)
            self._queued.clear()

    def _send(self, data: bytes | bytearray | memoryview) -> None:
        try:
            self.client.sendall(data)
        except OSError as error:
            raise ClientGone from error


def _internal_frames(sql: str) -> tuple[bytes, ...]:
    """An endpoint's statement in extended mode, its statement and portal closed before and after (a failed
    execution skips the closes after it)."""
    closes = (messages.close(Target.PORTAL, INTERNAL), messages.close(Target.STATEMENT, INTERNAL))
    return (
        *closes,
        messages.parse(INTERNAL, sql),
        messages.bind(INTERNAL, INTERNAL),
        messages.execute(INTERNAL),
        *closes,
    )


_INTERNAL_ENDS = (
    (CLOSE_ENDS, False), (CLOSE_ENDS, False), (PARSE_ENDS, False), (BIND_ENDS, False), (EXECUTE_ENDS, True),
    (CLOSE_ENDS, False), (CLOSE_ENDS, False),
)  # fmt: skip
"""What the backend owes for _internal_frames, in order; True for the statement's own result."""


class Relay:
    """Sends requests to the backend and routes its answers; collects what goes to the client until flushed."""

    def __init__(self, client: socket.socket, backend: socket.socket) -> None:
        self.client = client
        self.backend = backend
        self.reader = Reader(backend)
        self.owed: collections.deque[Reply] = collections.deque()
        self.status = "I"  # the backend's transaction status at its last ReadyForQuery
        self.skipping = False  # an error in extended mode: the client's messages are ignored until its Sync
        self.failure: dict[str, str] | None = None  # the fields of the last error told to the client (take_failure)
        self.database: tuple[str, str] | None = None  # the PostgreSQL database's name and the cluster's, for errors
        self._special = 0  # owed replies that are not plain
        self._refused: RedshiftError | None = None  # a value refused in a transaction block, failed at its Sync
        self._out = ClientOutput(client)
        self._stops = _STOPS
        self._to_backend = bytearray()
        self._watch_client = True
        self._poll = select.poll()
        self._poll.register(backend, select.POLLIN)
        self._poll.register(client, select.POLLIN)

    # --- sending ---------------------------------------------------------------------------------------------

    def send(self, *frames: bytes, expect: Reply | None = None) -> None:
        """Queue frames for the backend (sent when the relay next waits for it), and the reply they are owed."""
        for frame in frames:
            self._to_backend += frame
        if expect is not None:
            self.expect(expect)

    def expect(self, reply: Reply) -> None:
        self.owed.append(reply)
        if not reply.plain:
            self._special += 1

    def _done(self) -> Reply:
        reply = self.owed.popleft()  # the one place replies leave the queue
        if not reply.plain:
            self._special -= 1
        return reply

    def take_failure(self) -> dict[str, str] | None:
        """The last error told to the client since this was last asked, if any."""
        failure, self.failure = self.failure, None
        return failure

    def send_now(self) -> None:
        if self._to_backend:
            self.backend.sendall(self._to_backend)
            self._to_backend.clear()

    def describe_rows_with(self, rewrite: Callable[[bytes], bytes]) -> None:
        """Pass every message the client gets through `rewrite` (a protocol version that adds to RowDescription);
        RowDescriptions then leave the fast path, which passes rows only."""
        self._out.describe = rewrite
        self._stops = _STOPS + bytes([Backend.ROW_DESCRIPTION])

    def emit(self, frame: bytes) -> None:
        """Queue a message for the client."""
        self._out.emit(frame)

    def flush(self) -> None:
        """Send the client what is queued for it."""
        self._out.flush()

    # --- requests the endpoint makes itself ------------------------------------------------------------------

    def query(self, sql: str, route: Route, routes: list[Route] | None = None) -> Reply:
        """Run one simple query and route its answer; its Reply (with what was captured)."""
        reply = Reply(route, simple=True, routes=routes)
        self.send(messages.query(sql), expect=reply)
        self.pump()
        return reply

    def internal(self, sql: str, route: Route) -> None:
        """Queue one statement of the endpoint's own in extended mode, in the client's transaction."""
        self.send(*_internal_frames(sql))
        for ends, result in _INTERNAL_ENDS:
            self.expect(Reply(route if result else Route.SWALLOW, ends))

    def drain(self) -> None:
        """Get every answer owed so far (so that what runs next runs after it)."""
        self.send(messages.FLUSH)
        self.pump()

    # --- routing ---------------------------------------------------------------------------------------------

    def pump(self) -> None:
        """Send what is queued, then route backend messages until nothing more is owed. When the backend goes, what
        it said last (the error of a PANIC, a FATAL) still reaches the client."""
        try:
            self._route_owed()
        except ConnectionClosed as gone:  # only the backend's reader raises it here
            with contextlib.suppress(ClientGone):
                self.flush()
            raise BackendGone from gone

    def _route_owed(self) -> None:
        self.send_now()
        self._watch_client = True
        owed, reader = self.owed, self.reader
        while owed:
            head = owed[0]
            if head.synthetic is not None:
                self._done()
                self.emit(head.synthetic)
                continue
            if not self._special and owed[-1].is_sync:  # all plain up to a Sync: whole messages pass as they are,
                reader.pass_run(self._stops, self._out.rows, stop=True)  # up to an error or the ReadyForQuery
            elif head.current_route is Route.FORWARD and head.observe is None:
                reader.pass_run(_ROWS, self._out.rows)
            kind, frame = self._next()
            if kind in ASYNCHRONOUS:
                self.emit(frame)
            elif head.simple:
                self._route_simple(head, kind, frame)
            else:
                self._route_extended(head, kind, frame)

    def _route_simple(self, head: Reply, kind: int, frame: bytes) -> None:
        if kind == Backend.READY_FOR_QUERY:
            self.status = chr(frame[5])
            self._done()
            if head.route is Route.FORWARD:
                self.emit(frame)
        elif kind == Backend.ERROR_RESPONSE:
            if head.route is Route.CAPTURE:
                head.error = messages.error_fields(frame)
            else:
                head.error = {}
                self.failure = messages.error_fields(frame)
                self.emit(scrubbed(frame, self.database))
        elif kind == Backend.COPY_IN_RESPONSE and head.until_copy:
            head.copy_started = True
            self._done()
        else:
            route = head.current_route
            if route is Route.CAPTURE:
                if kind == Backend.DATA_ROW:
                    head.rows.append(messages.data_row_values(frame))
                elif kind == Backend.COMMAND_COMPLETE:
                    head.tag = messages.first_string(frame)
            elif route is Route.FORWARD or (route is Route.TAG_ONLY and kind in COMMAND_ENDS):
                self.emit(frame)
            if kind in COMMAND_ENDS:
                head.index += 1

    def _route_extended(self, head: Reply, kind: int, frame: bytes) -> None:
        if kind == Backend.ERROR_RESPONSE:
            self.failure = messages.error_fields(frame)
            self.emit(scrubbed(frame, self.database))
            # the backend ignores everything up to the next Sync: so are the answers owed for it
            while self.owed and not self.owed[0].is_sync:
                self._done()
            if not self.owed:
                self.skipping = True
            return
        if kind == Backend.READY_FOR_QUERY:  # the Sync's: whatever was owed before it has been answered
            while len(self.owed) > 1 and not head.is_sync:
                self._done()
                head = self.owed[0]
        if head.observe is not None:
            try:
                frame = head.observe(kind, frame)
            except RedshiftError as refusal:
                self._refuse_rest(refusal)
                return
        if kind == Backend.READY_FOR_QUERY and self._refused is not None and head.is_sync:
            self._fail_block(head)
            return
        if head.route is Route.FORWARD or (head.route is Route.TAG_ONLY and kind in COMMAND_ENDS):
            self.emit(frame)
        if kind in head.ends:
            self._done()
            if kind == Backend.READY_FOR_QUERY:
                self.status = chr(frame[5])

    def _refuse_rest(self, refusal: RedshiftError) -> None:
        """A value the endpoint cannot give the client, in the middle of a result: the client gets the error, and
        the backend's answers up to the client's Sync are swallowed, as the backend skips its own after an error;
        in a transaction block the backend's transaction is failed at the Sync, as the client's now is."""
        error = messages.error(refusal.sqlstate, refusal.message)
        self.failure = messages.error_fields(error)
        self.emit(error)
        owed = self.owed
        for index, reply in enumerate(owed):
            if reply.is_sync:
                break
            if reply.plain:
                self._special += 1
            owed[index] = dataclasses.replace(reply, route=Route.SWALLOW, observe=None)
        else:
            self.skipping = True  # the client's Sync is still to come
        if self.status == "T":
            self._refused = refusal

    def _fail_block(self, sync: Reply) -> None:
        """The Sync after a refused value in a transaction block: the backend's transaction fails with the same
        error (swallowed), and the client gets the ReadyForQuery of a failed transaction."""
        refusal, self._refused = self._refused, None
        assert refusal is not None
        self._done()
        self.send(messages.query(raise_sql(refusal)), expect=Reply(Route.CAPTURE, simple=True))
        self.send_now()
        self.expect(Reply(synthetic=messages.ready_for_query("E")))

    def _next(self) -> tuple[int, bytes]:
        """The backend's next message; notices a client that leaves while it waits."""
        if self._watch_client and not self.reader.buffered() and not self.reader.fill_soon(_SPIN):
            ready = {fd for fd, _ in self._poll.poll()}
            if self.client.fileno() in ready and self.backend.fileno() not in ready:
                if not socket.socket.recv(self.client, 1, socket.MSG_PEEK):  # the bytes as sent, even over TLS
                    raise ClientGone
                self._watch_client = False  # the client sent more: it is still there
        return self.reader.message()
