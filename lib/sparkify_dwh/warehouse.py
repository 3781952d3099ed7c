"""The warehouse connection: where the endpoint is, connecting to it, and running the SQL files through it.

Locally the endpoint is the local Redshift on 127.0.0.1 (without SSL); on AWS it is the cluster's endpoint from
DescribeClusters, or the serverless workgroup's from GetWorkgroup (with SSL); `cluster.endpoint` says which, or why
there is none yet. Everything else is the same: `redshift_connector`, and SQLAlchemy's
`redshift+redshift_connector://` for pandas and the `%sql` magic. A connection remembers its deployment, so that
`query_file` runs the serverless variant of a file (`sql.find`) on a workgroup.

A connection opens itself again when used after `close()` or after it was lost (the stack restarted): a notebook's
cells can be run again after Run All. A file or query whose connection was lost runs once more on a new one (each
is one transaction, so nothing ran half).
"""

from __future__ import annotations

import contextlib
import logging
import socket
import time
import weakref
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import boto3
import pandas as pd
import redshift_connector
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL
from tqdm.auto import tqdm

from sparkify_dwh import cluster, mistakes, sql
from sparkify_dwh.config import Config

log = logging.getLogger(__name__)
T = TypeVar("T")

STACK_NOT_UP = mistakes.STACK_DOWN
_DEPLOYMENTS: weakref.WeakKeyDictionary[redshift_connector.Connection, str] = weakref.WeakKeyDictionary()


class WarehouseError(RuntimeError):
    """The warehouse cannot be reached or refused a statement; the message says what to do."""


def server_message(error: redshift_connector.Error) -> str:
    """The server's own message in a driver error (the driver wraps it in a dict of protocol fields)."""
    first = error.args[0] if error.args else error
    return first.get("M", str(first)) if isinstance(first, dict) else str(first)


def _failed(what: str, error: redshift_connector.Error) -> WarehouseError:
    """`what` failed: the server's message, headed by the step that fixes it when the mistake is a known one."""
    message = server_message(error)
    fix = mistakes.hint(message)
    return WarehouseError(f"{fix} ({what}: {message})" if fix else f"{what} failed: {message}")


def _lost(error: BaseException) -> bool:
    """True when the driver says the connection is gone (closed, or the server went away), not the statement."""
    return isinstance(error, (redshift_connector.InterfaceError, OSError))


class Connection:
    """A warehouse connection that opens itself again when used after `close()` or after it was lost.

    Everything else (`cursor`, `commit`, `rollback`, ...) is the `redshift_connector.Connection` it holds.
    """

    def __init__(self, opener: Callable[[], redshift_connector.Connection]) -> None:
        self._opener = opener
        self._open: redshift_connector.Connection | None = opener()

    @property
    def raw(self) -> redshift_connector.Connection:
        """The driver's connection, opened again when it was closed."""
        if self._open is None:
            self._open = self._opener()
        return self._open

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)

    @property
    def autocommit(self) -> bool:
        """Whether each statement commits on its own (off unless a file needs it: VACUUM does)."""
        return self.raw.autocommit

    @autocommit.setter
    def autocommit(self, on: bool) -> None:
        self.raw.autocommit = on

    def close(self) -> None:
        """Close it; the next use opens a new one."""
        opened, self._open = self._open, None
        if opened is not None:
            with contextlib.suppress(redshift_connector.Error, OSError):
                opened.close()

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _once_more_if_lost(connection: Any, action: Callable[[], T]) -> T:
    """Run `action`; when the connection turns out lost, open a new one and run it once more."""
    try:
        return action()
    except (redshift_connector.Error, OSError) as error:
        if not (_lost(error) and isinstance(connection, Connection)):
            raise
        log.info("the connection was lost (%s): connecting again", server_message(error))
        connection.close()
        return action()


def _ssl(config: Config) -> bool:
    """SSL to a cluster on AWS; the local endpoint on 127.0.0.1 answers SSL requests with "no"."""
    return not config.is_local


def _unreachable(config: Config, host: str, port: int) -> WarehouseError:
    if config.is_local:
        return WarehouseError(STACK_NOT_UP)
    return WarehouseError(
        f"cannot reach the cluster at {host}:{port}: check that its security group lets your address in "
        f"(notebook 02_cluster opens it)"
    )


def connect(config: Config, *, boto_session: boto3.Session | None = None, reach_timeout: float = 10.0) -> Connection:
    """A new connection to the warehouse (a context manager that closes it); autocommit is off.

    The endpoint must answer within `reach_timeout` seconds; statements then take as long as they need. Used
    after `close()`, or after it was lost, it connects again.
    """
    return Connection(lambda: _open(config, boto_session, reach_timeout))


def _open(config: Config, boto_session: boto3.Session | None, reach_timeout: float) -> redshift_connector.Connection:
    host, port = cluster.endpoint(config, boto_session=boto_session)
    try:
        socket.create_connection((host, port), timeout=reach_timeout).close()
    except OSError as error:
        raise _unreachable(config, host, port) from error
    try:
        connection = redshift_connector.connect(
            host=host,
            port=port,
            database=config.dwh.db,
            user=config.dwh.db_user,
            password=config.dwh.db_password.reveal(),
            ssl=_ssl(config),
        )
    except redshift_connector.Error as error:
        if any(isinstance(arg, OSError) for arg in error.args):
            raise _unreachable(config, host, port) from error
        raise WarehouseError(f"the warehouse refused the connection: {server_message(error)}") from error
    log.info("connected to %s as %s at %s:%s", config.dwh.db, config.dwh.db_user, host, port)
    _DEPLOYMENTS[connection] = config.dwh.deployment
    return connection


def deployment(connection: Connection | redshift_connector.Connection) -> str:
    """The deployment (`[DWH] DWH_DEPLOYMENT`) a connection of `connect` reaches; provisioned for any other."""
    raw = connection.raw if isinstance(connection, Connection) else connection
    return _DEPLOYMENTS.get(raw, "provisioned")


def engine(config: Config, *, boto_session: boto3.Session | None = None) -> Engine:
    """A SQLAlchemy engine (`redshift+redshift_connector://`) for pandas and the `%sql` magic.

    The password is in the URL object only: its str() and repr() mask it.
    """
    host, port = cluster.endpoint(config, boto_session=boto_session)
    url = URL.create(
        "redshift+redshift_connector",
        username=config.dwh.db_user,
        password=config.dwh.db_password.reveal(),
        host=host,
        port=port,
        database=config.dwh.db,
    )
    # pool_pre_ping: a pooled connection the stack lost (it was restarted) is replaced before a query uses it.
    return create_engine(url, connect_args={"ssl": _ssl(config)}, pool_pre_ping=True)


def run_file(
    connection: redshift_connector.Connection,
    sql_file: sql.SqlFile,
    params: Mapping[str, str] | None = None,
    *,
    autocommit: bool = False,
) -> None:
    """Run the statements of one file in one transaction: all of them take effect, or none.

    With `autocommit`, each statement commits on its own instead, for those that cannot run inside a transaction
    block (VACUUM).
    """
    started = time.perf_counter()
    statements = sql.statements(sql.render(sql_file.text, params or {}))

    def run() -> None:
        connection.autocommit = autocommit
        try:
            cursor = connection.cursor()
            for statement in statements:
                cursor.execute(statement)
            if not autocommit:
                connection.commit()
        finally:
            connection.autocommit = False

    try:
        _once_more_if_lost(connection, run)
    except (redshift_connector.Error, OSError) as error:
        _roll_back(connection, error)
        raise _failed(sql_file.relative, error) from error
    log.info("ran %s in %.1f s", sql_file.relative, time.perf_counter() - started)


def _roll_back(connection: Any, error: BaseException) -> None:
    """End the failed transaction; a lost connection is closed instead, so that the next use opens a new one."""
    if _lost(error) and isinstance(connection, Connection):
        connection.close()
        return
    with contextlib.suppress(redshift_connector.Error, OSError):
        connection.rollback()


def run_layer(
    connection: redshift_connector.Connection,
    layer: str,
    params: Mapping[str, str] | None = None,
    *,
    steps: tuple[str, ...] = (),
    progress: bool = False,
) -> list[sql.SqlFile]:
    """Run the files of `layer` (only those of `steps`, when given) in order, each in its own transaction."""
    chosen = sql.files(layer, *steps)
    for sql_file in tqdm(chosen, desc=layer, unit="file", disable=not progress):
        run_file(connection, sql_file, params)
    return chosen


def query(connection: redshift_connector.Connection, text: str) -> pd.DataFrame:
    """The rows of one query as a DataFrame (its transaction ended, so that it holds no lock afterwards)."""
    found = sql.statements(text)
    if len(found) != 1:
        raise ValueError(f"query() runs exactly one statement; this text holds {len(found)}")

    def run() -> pd.DataFrame:
        cursor = connection.cursor()
        cursor.execute(found[0])
        if cursor.description is None:
            connection.rollback()
            raise ValueError(f"not a query (it returns no rows), undone: {found[0][:60]!r}")
        columns = [column[0] for column in cursor.description]
        frame = pd.DataFrame.from_records(list(cursor.fetchall()), columns=columns)
        connection.commit()
        return frame

    try:
        return _once_more_if_lost(connection, run)
    except (redshift_connector.Error, OSError) as error:
        _roll_back(connection, error)
        raise _failed("the query", error) from error


def query_file(
    connection: redshift_connector.Connection, layer: str, name: str, params: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """The rows of the query in file `name` of `layer` (its variant for the connection's deployment)."""
    return query(connection, sql.render(sql.find(layer, name, deployment(connection)).text, params or {}))


def first_query(config: Config, *, boto_session: boto3.Session | None = None) -> pd.DataFrame:
    """Connect and ask which database, user and server answer: proof that the warehouse is reachable."""
    with connect(config, boto_session=boto_session) as connection:
        return query_file(connection, "inspect", "first_query")
