"""Clusters as the local AWS stand-in knows them, and the warehouse (PostgreSQL server) that holds each one's data.

A client is admitted only while a cluster with its database exists and is available, as its master user or as a user
the cluster created (CREATE USER). Each
cluster gets a server of its own and a database in it, named after the cluster's identity and creation time: a
cluster created anew starts empty, and the warehouse of a cluster deleted through the API is deleted (one that is
only missing from the stand-in, whose state file could not be restored, is kept).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass

import psycopg
from psycopg import sql

from local_redshift import stand_in_token
from local_redshift.aws_server import CLUSTERS_PATH
from local_redshift.catalog import INTERNAL_PREFIX, SERVER_DATABASES, TEMPLATE_DATABASE, install
from local_redshift.catalog import version as catalog_version
from local_redshift.errors import DATABASE_MISSING, STATE_DISK_FULL, SqlState
from local_redshift.postgres import PostgresError, PostgresServer
from local_redshift.serverless import catalog as serverless_catalog
from local_redshift.warehouses import Warehouses

log = logging.getLogger(__name__)


class LoginRefused(Exception):
    """Why a client cannot connect, with the SQLSTATE the client gets."""

    def __init__(self, sqlstate: SqlState, message: str) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


def password_failed(user: str) -> str:
    """PostgreSQL's (and Redshift's) words for a login that names no known user or a wrong password."""
    return f'password authentication failed for user "{user}"'


@dataclass(frozen=True)
class Key:
    """One way into a cluster: the md5 verifier a login answers to, the master user's or a created user's."""

    cluster: Cluster
    verifier: str
    master: bool


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
        return {
            "redshift.node_type": self.node_type,
            "redshift.number_of_nodes": str(self.number_of_nodes),
            "redshift.cluster_database": self.database,  # named in its other databases too (catalog_sql/60)
        }

    @property
    def postgres_database(self) -> str:
        """The PostgreSQL database holding this cluster's data: new for every cluster (or namespace) created."""
        what = f"namespace/{self.created}" if self.serverless else f"{self.identifier}/{self.created}"
        identity = f"{self.account_id}/{self.region}/{what}"
        return INTERNAL_PREFIX + hashlib.sha1(identity.encode()).hexdigest()[:24]


class ClusterDirectory:
    """Looks clusters up in the AWS stand-in and keeps one warehouse (a PostgreSQL server of its own) per live
    cluster, in which the cluster's master user is an ordinary role that owns the cluster's database."""

    def __init__(self, aws_endpoint: str, warehouses: Warehouses, token: str) -> None:
        self.aws_endpoint = aws_endpoint
        self.warehouses = warehouses
        self._token = token  # the stand-in's route answers it alone (local_redshift.stand_in_token)
        self._deleted: frozenset[str] = frozenset()  # databases of the clusters deleted, as last listed
        self._lock = threading.Lock()
        self._users: set[tuple[str, str]] = set()  # (warehouse, user) whose role is known to exist
        self._templates: set[str] = set()  # warehouses known to hold the catalog's template (TEMPLATE_DATABASE)

    def clusters(self) -> list[Cluster]:
        """Every cluster the AWS stand-in holds right now (and, for `database_for`, those deleted)."""
        request = urllib.request.Request(self.aws_endpoint + CLUSTERS_PATH, headers=stand_in_token.headers(self._token))
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                listed = json.load(response)
        except urllib.error.HTTPError as error:
            raise LoginRefused(
                SqlState.CONNECTION_REFUSED,
                f"the local AWS stand-in at {self.aws_endpoint} refuses the endpoint ({error.code}): restart the "
                "local stack with `sparkify-dwh local down` and `sparkify-dwh local up`",
            ) from error
        except (urllib.error.URLError, OSError) as error:
            raise LoginRefused(
                SqlState.CONNECTION_REFUSED,
                f"the local AWS stand-in at {self.aws_endpoint} does not answer ({error}): "
                "start the local stack with `sparkify-dwh local up`",
            ) from error
        self._deleted = frozenset(_cluster(item).postgres_database for item in listed["deleted"])
        return [_cluster(item) for item in listed["clusters"]]

    def candidates(self, clusters: list[Cluster], user: str, database: str) -> list[Key]:
        """Of `clusters`, the available ones a client with this user and database (the cluster's own, or one made
        in it by CREATE DATABASE) may be connecting to, each with the verifiers it may answer to: the master user's,
        or those of a user the cluster created (`users`), who may log in to each of its databases."""
        if not clusters:
            raise LoginRefused(
                SqlState.CONNECTION_REFUSED,
                "no Redshift cluster exists in the local AWS stand-in (nor a serverless workgroup): create one first",
            )

        @functools.cache
        def has(cluster: Cluster) -> bool:  # asked of a cluster once at most: holds() opens its server
            return cluster.database == database or (cluster.status == "available" and self.holds(cluster, database))

        keys = [Key(cluster, cluster.md5_verifier, True) for cluster in clusters if cluster.master_username == user]
        masters = {key.cluster.postgres_database for key in keys}
        keys += [  # a user of another cluster is no user here: its password fails (its cluster is not told)
            Key(cluster, verifier, False)
            for cluster in clusters
            if cluster.postgres_database not in masters
            for verifier in self.users(cluster, user)
            if has(cluster)
        ]
        if not keys and all(cluster.database != database for cluster in clusters):
            raise LoginRefused(  # which clusters exist is not told to a client that has not logged in
                SqlState.CONNECTION_REFUSED,
                f'no cluster in the local AWS stand-in has database "{database}" and master user "{user}" '
                "(was it deleted?)",
            )
        if not keys:
            raise LoginRefused(SqlState.INVALID_AUTHORIZATION, password_failed(user))
        matching = [key for key in keys if key.cluster.database == database] or [
            key for key in keys if has(key.cluster)
        ]
        if not matching:
            raise LoginRefused(SqlState.INVALID_CATALOG_NAME, DATABASE_MISSING.format(name=database))
        available = [key for key in matching if key.cluster.status == "available"]
        if not available:
            cluster = matching[0].cluster
            raise LoginRefused(
                SqlState.CANNOT_CONNECT_NOW,
                f'cluster "{cluster.identifier}" is {cluster.status}: connect once it is available',
            )
        return available

    def users(self, cluster: Cluster, user: str) -> list[str]:
        """The verifiers of `user` among the users the cluster created (none before its warehouse is made)."""
        return self.warehouses.logins(cluster.postgres_database).verifiers(user)

    def holds(self, cluster: Cluster, database: str) -> bool:
        """Whether `database` is one of the cluster's databases made by CREATE DATABASE (its warehouse started)."""
        name = cluster.postgres_database
        if not self.warehouses.is_ready(name) or database in SERVER_DATABASES or database.startswith(INTERNAL_PREFIX):
            return False
        server = self.warehouses.start(name, cluster.identifier)
        with psycopg.connect(_pinned(server.conninfo()), autocommit=True) as admin:
            found = admin.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s AND datallowconn AND NOT datistemplate", [database]
            )
            return found.fetchone() is not None

    def current(self, cluster: Cluster) -> Cluster | None:
        """The cluster as it is now (its roles may have changed), or None once deleted."""
        return next((c for c in self.clusters() if c.postgres_database == cluster.postgres_database), None)

    def database_for(self, cluster: Cluster, clusters: list[Cluster]) -> str:
        """The cluster's PostgreSQL database, in its warehouse: started, and made with its master user and the
        Redshift catalog on first use.

        The warehouses of clusters deleted through the API (and not in `clusters`, every cluster that exists) are
        deleted on the way; a warehouse whose cluster is only missing is kept.
        """
        with self._lock:
            live = {c.postgres_database for c in clusters}
            for stale in self._deleted.intersection(self.warehouses.names()) - live:
                log.info("deleting warehouse %s: its cluster was deleted", stale)
                self.warehouses.remove(stale)
            name = cluster.postgres_database
            server = self._started(name, cluster)
            if not self.warehouses.is_ready(name):
                log.info("creating the warehouse of cluster %s", cluster.identifier)
                _make_warehouse(server, name, cluster, self.warehouses.master_password(name))
                self.warehouses.mark_ready(name, catalog_version())
                self._templates.add(name)
            elif self.warehouses.catalog_version(name) != catalog_version():
                log.info("refreshing the Redshift catalog of cluster %s (made by an earlier build)", cluster.identifier)
                _refresh_catalog(server, cluster)
                self.warehouses.mark_ready(name, catalog_version())
                self._templates.add(name)
            if name not in self._templates:  # a warehouse made before databases could be created in it
                _make_template(server, cluster, replace=False)
                self._templates.add(name)
            if (name, cluster.master_username) not in self._users:
                _admit_user(server, name, cluster.master_username, self.warehouses.master_password(name))
                self._users.add((name, cluster.master_username))
            return name

    def _started(self, name: str, cluster: Cluster) -> PostgresServer:
        """The warehouse's server, started; a login refused in one sentence when a full disk keeps it down."""
        try:
            return self.warehouses.start(name, cluster.identifier)
        except PostgresError:
            free = self.warehouses.free_if_full(name)
            if free is None:
                raise
            folder = self.warehouses.folder.parent
            message = STATE_DISK_FULL.format(folder=folder, free=free // 2**20, cluster=cluster.identifier)
            log.warning("%s", message)
            raise LoginRefused(SqlState.DISK_FULL, message) from None

    def login_conninfo(self, postgres_database: str, user: str, verifier: str | None = None, dbname: str = "") -> str:
        """How the endpoint opens a client's backend, in the cluster's own warehouse: as its master user, or (with
        the `verifier` the client answered to) as a user the cluster created; in the cluster's database or in
        `dbname`, one made by CREATE DATABASE."""
        server = self.warehouses.server(postgres_database)
        if verifier is None:
            password = self.warehouses.master_password(postgres_database)
        else:
            password = self.warehouses.logins(postgres_database).role_password(user, verifier)
        return psycopg.conninfo.make_conninfo(
            host=server.host, port=server.port, user=user, password=password, dbname=dbname or postgres_database
        )

    def restore_master(self, postgres_database: str, user: str) -> None:
        """Give the master user back the password the endpoint logs it in with (ALTER USER in a session of the
        cluster may have changed it in PostgreSQL; the cluster's own password is the AWS stand-in's)."""
        password = self.warehouses.master_password(postgres_database)
        with psycopg.connect(_pinned(self.warehouses.server(postgres_database).conninfo()), autocommit=True) as admin:
            admin.execute(
                sql.SQL("ALTER ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(user), sql.Literal(password))
            )

    def bookkeeping_conninfo(self, postgres_database: str, dbname: str = "") -> str:
        """The endpoint's own channel to a cluster's database, or to `dbname`, another of its databases (the query
        history, load errors): its warehouse's superuser, with only PostgreSQL's own functions on the search path (a
        client's cannot stand in for them)."""
        return _pinned(self.warehouses.server(postgres_database).conninfo(dbname or postgres_database))


def _cluster(item: dict) -> Cluster:
    return Cluster(**{**item, "iam_roles": tuple(item["iam_roles"])})


def _pinned(conninfo: str) -> str:
    return psycopg.conninfo.make_conninfo(conninfo, options="-c search_path=pg_catalog,pg_temp")


def _admit_user(server: PostgresServer, name: str, user: str, password: str) -> None:
    """Another login of the same warehouse (a serverless namespace's temporary GetCredentials user): a role of its
    own that may use what the database's owner, the admin user, may."""
    with psycopg.connect(_pinned(server.conninfo()), autocommit=True) as admin:
        if admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [user]).fetchone() is not None:
            return
        owner = admin.execute("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = %s", [name]).fetchone()
        admin.execute(
            sql.SQL("CREATE ROLE {} LOGIN NOSUPERUSER PASSWORD {}").format(sql.Identifier(user), sql.Literal(password))
        )
        admin.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(owner[0]), sql.Identifier(user)))


def _make_warehouse(server: PostgresServer, name: str, cluster: Cluster, password: str) -> None:
    """In a new warehouse: the master user, a role that may create users and databases and nothing more (no
    superuser, no server files or programs); the Redshift catalog's template; the cluster's database, a copy of it,
    which the master user owns. Safe to run again after a failure."""
    master = sql.Identifier(cluster.master_username)
    with psycopg.connect(_pinned(server.conninfo()), autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [cluster.master_username]).fetchone()
        admin.execute(
            sql.SQL("{} ROLE {} LOGIN CREATEROLE CREATEDB NOSUPERUSER PASSWORD {}").format(
                sql.SQL("ALTER" if exists else "CREATE"), master, sql.Literal(password)
            )
        )
        # the users it creates are its own: it may use their tables, as Redshift's master user may
        admin.execute(sql.SQL("ALTER ROLE {} SET createrole_self_grant = 'set, inherit'").format(master))
        admin.execute("REVOKE CONNECT ON DATABASE postgres, template1 FROM PUBLIC")
    _make_template(server, cluster, replace=True)  # after the master user: the catalog grants it what it reads
    with psycopg.connect(_pinned(server.conninfo()), autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        admin.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {} OWNER {}").format(
                sql.Identifier(name), sql.Identifier(TEMPLATE_DATABASE), master
            )
        )
        admin.execute(
            sql.SQL("ALTER DATABASE {} SET redshift.database = {}").format(
                sql.Identifier(name), sql.Literal(cluster.database)
            )
        )
    with psycopg.connect(_pinned(server.conninfo(name)), autocommit=True) as connection:
        connection.execute(sql.SQL("ALTER SCHEMA public OWNER TO {}").format(master))


def _refresh_catalog(server: PostgresServer, cluster: Cluster) -> None:
    """A warehouse made by an earlier build: its template made again, and the catalog of each of its databases
    refreshed in place, tables and data kept (a database whose refresh fails keeps the catalog it had). A serverless
    namespace's databases keep theirs: its refusals are installed over the catalog once, and a second install of the
    catalog would undo them."""
    _make_template(server, cluster, replace=True)
    if cluster.serverless:
        return
    with psycopg.connect(_pinned(server.conninfo()), autocommit=True) as admin:
        names = admin.execute(
            "SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate AND datname <> ALL(%s)",
            [list(SERVER_DATABASES)],
        ).fetchall()
    for (name,) in names:
        try:
            with psycopg.connect(_pinned(server.conninfo(name)), autocommit=True) as connection:
                install(connection)
        except psycopg.Error as error:
            log.warning("could not refresh the Redshift catalog of database %s, which keeps its own: %s", name, error)


def _make_template(server: PostgresServer, cluster: Cluster, replace: bool) -> None:
    """The catalog's template in a warehouse (made again when `replace`, else only when missing): the Redshift
    catalog and a public schema as a new database of the cluster has them. Its public schema belongs to the
    owner of each copy (PostgreSQL's pg_database_owner); no one connects to it."""
    template = sql.Identifier(TEMPLATE_DATABASE)
    with psycopg.connect(_pinned(server.conninfo()), autocommit=True) as admin:
        found = admin.execute("SELECT datallowconn FROM pg_database WHERE datname = %s", [TEMPLATE_DATABASE])
        made = found.fetchone()
        if made is not None and not made[0] and not replace:
            return
        if made is not None:
            admin.execute(sql.SQL("ALTER DATABASE {} IS_TEMPLATE false").format(template))
            admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(template))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(template))
    with psycopg.connect(_pinned(server.conninfo(TEMPLATE_DATABASE)), autocommit=True) as connection:
        install(connection)
        if cluster.serverless:
            serverless_catalog.install(connection)
        # "By default, all users have CREATE and USAGE permissions on the PUBLIC schema" (Redshift's schema-based
        # permissions page); PostgreSQL 15 and later give CREATE to the owner alone
        connection.execute("GRANT CREATE, USAGE ON SCHEMA public TO PUBLIC")
    with psycopg.connect(_pinned(server.conninfo()), autocommit=True) as admin:
        admin.execute(sql.SQL("ALTER DATABASE {} IS_TEMPLATE true ALLOW_CONNECTIONS false").format(template))
