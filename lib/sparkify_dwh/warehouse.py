"""The warehouse connection: where the endpoint is, connecting to it, and running the SQL files through it.

Locally the endpoint is the local Redshift on 127.0.0.1 (without SSL); on AWS it is the cluster's endpoint from
DescribeClusters, or the serverless workgroup's from GetWorkgroup (with SSL); `cluster.endpoint` says which, or why
there is none yet. Everything else is the same: `redshift_connector`, and SQLAlchemy's
`redshift+redshift_connector://` for pandas and the `%sql` magic. A connection remembers its deployment, so that
`query_file` runs the serverless variant of a file (`sql.find`) on a workgroup.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import time
import weakref
from collections.abc import Mapping

import boto3
import pandas as pd
import redshift_connector
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL
from tqdm.auto import tqdm

from sparkify_dwh import cluster, sql
from sparkify_dwh.config import Config

log = logging.getLogger(__name__)

STACK_NOT_UP = "the local stack is not up: run `make demo` or `sparkify-dwh local up`"
_DEPLOYMENTS: weakref.WeakKeyDictionary[redshift_connector.Connection, str] = weakref.WeakKeyDictionary()


class WarehouseError(RuntimeError):
    """The warehouse cannot be reached or refused a statement; the message says what to do."""


def server_message(error: redshift_connector.Error) -> str:
    """The server's own message in a driver error (the driver wraps it in a dict of protocol fields)."""
    first = error.args[0] if error.args else error
    return first.get("M", str(first)) if isinstance(first, dict) else str(first)


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


def connect(
    config: Config, *, boto_session: boto3.Session | None = None, reach_timeout: float = 10.0
) -> redshift_connector.Connection:
    """A new connection to the warehouse (a context manager that closes it); autocommit is off.

    The endpoint must answer within `reach_timeout` seconds; statements then take as long as they need.
    """
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


def deployment(connection: redshift_connector.Connection) -> str:
    """The deployment (`[DWH] DWH_DEPLOYMENT`) a connection of `connect` reaches; provisioned for any other."""
    return _DEPLOYMENTS.get(connection, "provisioned")


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
    return create_engine(url, connect_args={"ssl": _ssl(config)})


def run_file(
    connection: redshift_connector.Connection, sql_file: sql.SqlFile, params: Mapping[str, str] | None = None
) -> None:
    """Run the statements of one file in one transaction: all of them take effect, or none."""
    started = time.perf_counter()
    cursor = connection.cursor()
    try:
        for statement in sql.statements(sql.render(sql_file.text, params or {})):
            cursor.execute(statement)
        connection.commit()
    except redshift_connector.Error as error:
        with contextlib.suppress(redshift_connector.Error):
            connection.rollback()
        raise WarehouseError(f"{sql_file.relative} failed: {server_message(error)}") from error
    log.info("ran %s in %.1f s", sql_file.relative, time.perf_counter() - started)


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
    cursor = connection.cursor()
    try:
        cursor.execute(found[0])
        if cursor.description is None:
            connection.rollback()
            raise ValueError(f"not a query (it returns no rows), undone: {found[0][:60]!r}")
        columns = [column[0] for column in cursor.description]
        frame = pd.DataFrame.from_records(list(cursor.fetchall()), columns=columns)
        connection.commit()
    except redshift_connector.Error as error:
        with contextlib.suppress(redshift_connector.Error):
            connection.rollback()
        raise WarehouseError(f"the query failed: {server_message(error)}") from error
    return frame


def query_file(
    connection: redshift_connector.Connection, layer: str, name: str, params: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """The rows of the query in file `name` of `layer` (its variant for the connection's deployment)."""
    return query(connection, sql.render(sql.find(layer, name, deployment(connection)).text, params or {}))


def first_query(config: Config, *, boto_session: boto3.Session | None = None) -> pd.DataFrame:
    """Connect and ask which database, user and server answer: proof that the warehouse is reachable."""
    with connect(config, boto_session=boto_session) as connection:
        return query_file(connection, "inspect", "first_query")
