"""Clusters as the local AWS stand-in knows them, and the PostgreSQL database that holds each one's data.

A client is admitted only while a cluster with its database and master user exists and is available. Each
cluster gets its own database, named after the cluster's identity and creation time: a cluster created anew
starts empty, and the database of a cluster that no longer exists is dropped.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass

import psycopg
from psycopg import sql

from local_redshift.aws_server import CLUSTERS_PATH
from local_redshift.catalog import install
from local_redshift.errors import SqlState
from local_redshift.postgres import PostgresServer
from local_redshift.serverless import catalog as serverless_catalog

log = logging.getLogger(__name__)

DATABASE_PREFIX = "rs_"


class LoginRefused(Exception):
    """Why a client cannot connect, with the SQLSTATE the client gets."""

    def __init__(self, sqlstate: SqlState, message: str) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


def password_failed(user: str) -> str:
    """PostgreSQL's (and Redshift's) words for a login that names no known user or a wrong password."""
    return f'password authentication failed for user "{user}"'


@dataclass(frozen=True)
class Cluster:
    """One Redshift cluster of the local AWS stand-in."""

    identifier: str
    account_id: str
    region: str
    database: str
    master_username: str
    md5_verifier: str
    status: str
    created: str  # for a serverless workgroup: its namespace's id
    iam_roles: tuple[str, ...]
    serverless: bool = False  # a Redshift Serverless workgroup, its data its namespace's
    node_type: str = "ra3.large"
    number_of_nodes: int = 1

    @property
    def settings(self) -> dict[str, str]:
        """What its sessions know of the cluster's hardware: the modelled slices follow it (catalog_sql/50_slices)."""
        return {"redshift.node_type": self.node_type, "redshift.number_of_nodes": str(self.number_of_nodes)}

    @property
    def postgres_database(self) -> str:
        """The PostgreSQL database holding this cluster's data: new for every cluster (or namespace) created."""
        what = f"namespace/{self.created}" if self.serverless else f"{self.identifier}/{self.created}"
        identity = f"{self.account_id}/{self.region}/{what}"
        return DATABASE_PREFIX + hashlib.sha1(identity.encode()).hexdigest()[:24]


class ClusterDirectory:
    """Looks clusters up in the AWS stand-in and keeps one PostgreSQL database per live cluster."""

    def __init__(self, aws_endpoint: str, postgres: PostgresServer) -> None:
        self.aws_endpoint = aws_endpoint
        self.postgres = postgres
        self._lock = threading.Lock()

    def clusters(self) -> list[Cluster]:
        """Every cluster the AWS stand-in holds right now."""
        try:
            with urllib.request.urlopen(self.aws_endpoint + CLUSTERS_PATH, timeout=10) as response:
                listed = json.load(response)
        except (urllib.error.URLError, OSError) as error:
            raise LoginRefused(
                SqlState.CONNECTION_REFUSED,
                f"the local AWS stand-in at {self.aws_endpoint} does not answer ({error}): "
                "start the local stack with `sparkify-dwh local up`",
            ) from error
        return [Cluster(**{**item, "iam_roles": tuple(item["iam_roles"])}) for item in listed]

    @staticmethod
    def candidates(clusters: list[Cluster], user: str, database: str) -> list[Cluster]:
        """Of `clusters`, the available ones a client with this user and database may be connecting to."""
        if not clusters:
            raise LoginRefused(
                SqlState.CONNECTION_REFUSED,
                "no Redshift cluster exists in the local AWS stand-in: create one first "
                "(notebook 02_cluster, or `sparkify-dwh cluster`)",
            )
        of_user = [cluster for cluster in clusters if cluster.master_username == user]
        if not of_user and all(cluster.database != database for cluster in clusters):
            known = ", ".join(f"{c.identifier} ({c.database}, {c.master_username})" for c in clusters)
            raise LoginRefused(
                SqlState.CONNECTION_REFUSED,
                f'no cluster in the local AWS stand-in has database "{database}" and master user "{user}" '
                f"(was it deleted?); clusters here: {known}",
            )
        if not of_user:
            raise LoginRefused(SqlState.INVALID_AUTHORIZATION, password_failed(user))
        matching = [cluster for cluster in of_user if cluster.database == database]
        if not matching:
            raise LoginRefused(SqlState.INVALID_CATALOG_NAME, f'database "{database}" does not exist')
        available = [cluster for cluster in matching if cluster.status == "available"]
        if not available:
            cluster = matching[0]
            raise LoginRefused(
                SqlState.CANNOT_CONNECT_NOW,
                f'cluster "{cluster.identifier}" is {cluster.status}: connect once it is available',
            )
        return available

    def current(self, cluster: Cluster) -> Cluster | None:
        """The cluster as it is now (its roles may have changed), or None once deleted."""
        return next((c for c in self.clusters() if c.postgres_database == cluster.postgres_database), None)

    def database_for(self, cluster: Cluster, clusters: list[Cluster]) -> str:
        """The cluster's PostgreSQL database, created with the Redshift catalog on first use.

        Databases of clusters that are not in `clusters` (every cluster that exists) are dropped on the way.
        """
        with self._lock:
            live = {c.postgres_database for c in clusters}
            with psycopg.connect(self.postgres.conninfo(), autocommit=True) as admin:
                existing = {
                    row[0]
                    for row in admin.execute(
                        "SELECT datname FROM pg_database WHERE starts_with(datname, %s)", [DATABASE_PREFIX]
                    )
                }
                for stale in existing - live:
                    log.info("dropping database %s: its cluster no longer exists", stale)
                    admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(stale)))
                admin.execute(
                    sql.SQL(
                        "DO $$BEGIN CREATE ROLE {} SUPERUSER NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END$$"
                    ).format(sql.Identifier(cluster.master_username))
                )  # the master user, as sessions run as it (Redshift's master user is a superuser)
                name = cluster.postgres_database
                if name not in existing:
                    log.info("creating database %s for cluster %s", name, cluster.identifier)
                    admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                    admin.execute(
                        sql.SQL("ALTER DATABASE {} SET redshift.database = {}").format(
                            sql.Identifier(name), sql.Literal(cluster.database)
                        )
                    )
                    try:
                        with psycopg.connect(self.postgres.conninfo(name), autocommit=True) as connection:
                            install(connection)
                            if cluster.serverless:
                                serverless_catalog.install(connection)
                    except Exception:
                        admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
                        raise
            return name
