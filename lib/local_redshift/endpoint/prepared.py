"""How a session runs a statement a client prepares: as PostgreSQL text, or as a virtual statement (COPY from S3,
several statements in one Parse) that the session answers for itself and runs when it is executed; and what is known
of a prepared statement's types."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from local_redshift.endpoint import messages
from local_redshift.endpoint.codes import Backend
from local_redshift.endpoint.databases import SessionDatabases
from local_redshift.endpoint.raised import raise_sql
from local_redshift.endpoint.relay import Relay, Route
from local_redshift.endpoint.type_codes import Column, TypeCodes, columns_of
from local_redshift.endpoint.value_formats import RowConversion, postgres_bind, postgres_format
from local_redshift.errors import RedshiftError
from local_redshift.translation import Statement, translate
from local_redshift.translation.system import KEEPS_CASE


@dataclass(frozen=True)
class Prepared:
    """A client's statement as the session runs it: PostgreSQL text, or a virtual statement."""

    source: str  # the client's own text
    sql: str | None = None
    after: tuple[str, ...] = ()  # bookkeeping statements run after each execution, their results swallowed
    before: tuple[str, ...] = ()  # statements run before each execution, their results swallowed
    virtual: tuple[Statement, ...] = ()
    elsewhere: str | None = None  # the other database whose contents `sql` shows (endpoint/shown.py)
    shown_parameter: int | None = None  # the parameter that names the database whose contents `sql` shows
    case_sensitive: bool | None = None  # what it sets enable_case_sensitive_identifier to, once executed
    outside_transaction_block: str | None = None  # the construct, if it may not run in a transaction block


@dataclass
class Shape:
    """What is known of a prepared statement's types: its parameters' as the client declared them and as PostgreSQL
    resolved them, and its result columns (the last two once the client has described the statement)."""

    declared: list[int]
    resolved: list[int] | None = None
    columns: list[Column] | None = None

    def observe(self, kind: int, data: bytes) -> bytes:
        """Keep what a Describe of the statement answers (its messages pass unchanged)."""
        if kind == Backend.PARAMETER_DESCRIPTION:
            self.resolved = messages.parameter_types(data)
        elif kind == Backend.ROW_DESCRIPTION:
            self.columns = columns_of(data)
        elif kind == Backend.NO_DATA:
            self.columns = []
        return data


@dataclass
class Folding:
    """The session's enable_case_sensitive_identifier, which its statements are translated with; a statement that
    sets it changes it once run, and what PostgreSQL keeps of it (translation.system.KEEPS_CASE) settles it once the
    request ends outside a transaction block (a rolled-back transaction, a lapsed SET LOCAL take it back)."""

    case_sensitive: bool = False
    unsettled: bool = False  # set in this request, or in the transaction block still open

    def translated(self, sql: str, databases: SessionDatabases | None) -> tuple[Statement, ...] | RedshiftError:
        """The statements of `sql` as the session (connected to `databases`) runs them."""
        statements = translated(sql, self.case_sensitive)
        return statements if databases is None else databases.checked(statements)

    def ran(self, statement: Statement | Prepared) -> None:
        if statement.case_sensitive is not None:
            self.case_sensitive = statement.case_sensitive
            self.unsettled = True

    def settle(self, relay: Relay) -> None:
        """After a request: read the setting back from PostgreSQL if it was changed (never in a failed transaction
        block, which reads nothing until it ends)."""
        if not self.unsettled or relay.status == "E":
            return
        reply = relay.query(f"SELECT current_setting('{KEEPS_CASE}', true)", Route.CAPTURE)
        if reply.error is None and reply.rows:
            self.case_sensitive = reply.rows[0][0] == "on"
        self.unsettled = relay.status != "I"


@functools.lru_cache(maxsize=1024)
def translated(sql: str, case_sensitive: bool = False) -> tuple[Statement, ...] | RedshiftError:
    try:
        return tuple(translate(sql, case_sensitive))
    except RedshiftError as refusal:
        return refusal


def prepare(text: str, databases: SessionDatabases | None = None, folding: Folding | None = None) -> Prepared:
    """How the session (connected to `databases`, folding names as `folding` says) runs a statement the client
    prepares."""
    statements = (folding or Folding()).translated(text, databases)
    if isinstance(statements, RedshiftError):
        return Prepared(text, sql=raise_sql(statements))
    if not statements:
        return Prepared(text, sql=text)
    if len(statements) == 1 and not statements[0].in_endpoint:
        [statement] = statements
        elsewhere = databases.elsewhere(statement) if databases is not None else None
        shown = databases.shown_parameter(statement) if databases is not None else None
        return Prepared(
            text, sql=statement.postgres[0], after=tuple(statement.postgres[1:]), before=statement.before,
            elsewhere=elsewhere,
            shown_parameter=shown, case_sensitive=statement.case_sensitive,
            outside_transaction_block=statement.outside_transaction_block,
        )  # fmt: skip
    return Prepared(text, virtual=statements)


def explains(prepared: Prepared | None) -> bool:
    """Whether a prepared statement is one EXPLAIN, whose result is its plan's lines."""
    return prepared is not None and len(prepared.virtual) == 1 and prepared.virtual[0].explain is not None


def bound_for_postgres(frame: bytes, shape: Shape, codes: TypeCodes) -> tuple[bytes, RowConversion | None]:
    """The Bind PostgreSQL gets: parameters in its formats, and text asked for the values the endpoint
    converts itself; and the portal's row conversion, when its rows need one."""
    bind = messages.bind_fields(frame)
    changed = postgres_bind(bind, shape.declared, shape.resolved, codes)
    conversion = None
    if shape.columns:
        client = [messages.format_of(bind.result_formats, index) for index in range(len(shape.columns))]
        converted = RowConversion(codes, shape.columns, client)
        conversion = converted if converted.needed else None
        asked = [postgres_format(codes, column, fmt) for column, fmt in zip(shape.columns, client, strict=True)]
        if asked != client:
            bind.result_formats, changed = asked, True
    return (bind.frame() if changed else frame), conversion
