"""The local AWS stand-in: moto's server, plus what moto lacks: one route the endpoint asks which clusters exist,
Redshift Serverless (local_redshift.serverless) and the Redshift Data API (local_redshift.data_api).

`GET /_local_redshift/clusters` lists every Redshift cluster moto holds and every serverless workgroup, with what
the endpoint needs to admit a client: database, master user, status, attached roles, and the md5 verifier of the
master password (never the password itself), and the clusters and namespaces deleted through the API
(local_redshift.deleted_clusters). A workgroup is listed once per login (its namespace's admin user, each temporary
user of GetCredentials), with `serverless` set. That route and moto's `/moto-api/` answer only a caller that shows
the token of `--token-file` (local_redshift.stand_in_token); others get 403. Requests whose X-Amz-Target names
Redshift Serverless or the Data API are answered here, never by moto. With `--state-dir DIR` the state of moto's
services and of Redshift Serverless is kept in DIR and restored at start (local_redshift.stand_in_state). Run as
`python -m local_redshift.aws_server --port N --endpoint-port M [--state-dir DIR] [--token-file F] [--log-file FILE]`
(M: the local Redshift endpoint's port, where workgroups are served and Data API statements run; FILE: the log,
rotated by size, local_redshift.logs); it listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from local_redshift import logs, stand_in_token
from local_redshift.data_api import responses as data_api_responses
from local_redshift.data_api.responses import DataApi
from local_redshift.deleted_clusters import DeletedClusters
from local_redshift.json_api import Operation, serve, target_of
from local_redshift.serverless import responses as serverless_api
from local_redshift.serverless.directory import workgroup_logins
from local_redshift.serverless.models import ServerlessBackend
from local_redshift.stand_in_changes import Change, change_of
from local_redshift.stand_in_state import SERVERLESS, StandInState

CLUSTERS_PATH = "/_local_redshift/clusters"
MOTO_API = "/moto-api"  # moto's own routes: every backend's data, passwords included, and a reset of it all
HOST = "127.0.0.1"

log = logging.getLogger(__name__)


def cluster_directory(serverless: ServerlessBackend) -> list[dict[str, Any]]:
    """Every cluster in moto's Redshift backends, in every account and region, and every workgroup's logins."""
    from moto.redshift.models import redshift_backends

    clusters = workgroup_logins(serverless)
    for account_id, regions in list(redshift_backends.items()):  # copies: other requests may add to them
        for region, backend in list(regions.items()):
            for cluster in list(backend.clusters.values()):
                clusters.append(_describe(account_id, region, cluster))
    return clusters


def _describe(account_id: str, region: str, cluster: Any) -> dict[str, Any]:
    verifier = hashlib.md5((cluster.master_user_password + cluster.master_username).encode()).hexdigest()
    return {
        "identifier": cluster.cluster_identifier,
        "account_id": account_id,
        "region": region,
        "database": cluster.db_name,
        "master_username": cluster.master_username,
        "md5_verifier": verifier,
        "status": cluster.status,
        "created": str(cluster.create_time),
        "iam_roles": list(cluster.iam_roles_arn),
        "node_type": cluster.node_type,
        "number_of_nodes": int(cluster.number_of_nodes),
    }


class WithClusterDirectory:
    """WSGI middleware: answers CLUSTERS_PATH, Redshift Serverless and the Data API itself, hands everything else
    to moto; with `state_dir`, restores the state kept there first and saves each change before answering it.
    CLUSTERS_PATH and MOTO_API answer only a request that shows `token` (local_redshift.stand_in_token), others
    get 403; without a token they answer no one. A cluster or namespace a request deletes is recorded in
    `deleted`, which CLUSTERS_PATH lists beside the clusters: the endpoint deletes the data of those alone."""

    def __init__(
        self, app: Callable[..., Iterable[bytes]], endpoint_port: int, state_dir: Path | None = None,
        token: str | None = None,
    ) -> None:  # fmt: skip
        self.app = app
        self.token = token
        self.serverless = ServerlessBackend(HOST, endpoint_port)
        self.deleted = DeletedClusters()
        self.state = StandInState(state_dir, self.serverless, self.deleted) if state_dir else None
        if self.state:
            self.state.restore()
        data_api = DataApi(self.serverless, HOST, endpoint_port)
        self.services: dict[str, tuple[dict[str, Operation], str]] = {
            serverless_api.TARGET_PREFIX: (serverless_api.operations(self.serverless), "message"),
            data_api_responses.TARGET_PREFIX: (data_api_responses.operations(data_api), "Message"),
        }

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        prefix, _ = target_of(environ)
        if prefix in self.services:
            operations, message = self.services[prefix]
            change = change_of(environ) if prefix == serverless_api.TARGET_PREFIX else None
            before = cluster_directory(self.serverless) if change else None
            answer = serve(environ, start_response, operations, message)
            self._note_deleted(before)
            if self.state and change:
                self.state.changed(Change(SERVERLESS, None))
            return answer
        if _own_route(environ) and not stand_in_token.presented(environ, self.token):
            body = b"the local AWS stand-in's own routes answer the local stack alone\n"
            start_response("403 Forbidden", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
            return [body]
        if environ.get("PATH_INFO") != CLUSTERS_PATH:
            return self._moto(environ, start_response)
        listing = {"clusters": cluster_directory(self.serverless), "deleted": self.deleted.entries()}
        body = json.dumps(listing).encode()
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]

    def _moto(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        """moto's answer; a change is saved before it is answered, a cluster it deletes recorded."""
        change = change_of(environ)
        if change is None:
            return self.app(environ, start_response)
        with self.state.lock.shared() if self.state else contextlib.nullcontext():
            before = cluster_directory(self.serverless) if change.service in ("redshift", None) else None
            answer = [b"".join(self.app(environ, start_response))]  # complete before the state is saved
            self._note_deleted(before)
        if self.state:
            self.state.changed(change)
        return answer

    def _note_deleted(self, before: list[dict[str, Any]] | None) -> None:
        """Record the clusters of `before` (the directory before a request) that the request deleted."""
        if before is None:
            return
        for entry in self.deleted.note_gone(before, cluster_directory(self.serverless)):
            log.info("cluster %s was deleted: the endpoint deletes its data", entry["identifier"])


def _own_route(environ: dict[str, Any]) -> bool:
    """Whether the request is for CLUSTERS_PATH or moto's MOTO_API (however its path or host is written)."""
    path = "/" + environ.get("PATH_INFO", "").lstrip("/")
    host = environ.get("HTTP_HOST", "").lower()
    return path.startswith((CLUSTERS_PATH, MOTO_API)) or host.startswith("motoapi.")


def main(argv: list[str] | None = None) -> None:
    """Serve moto and the cluster directory on 127.0.0.1 until stopped."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--endpoint-port", type=int, required=True)
    parser.add_argument("--state-dir", type=Path)
    parser.add_argument("--token-file", type=Path, help="the token CLUSTERS_PATH and MOTO_API require")
    parser.add_argument("--log-file", type=Path, help="where to log, rotated by size (default: stderr)")
    args = parser.parse_args(argv)
    logs.log_to(args.log_file)
    os.environ.setdefault("MOTO_PORT", str(args.port))
    from moto.server import DomainDispatcherApplication, create_backend_app
    from werkzeug.serving import run_simple

    token = stand_in_token.read(args.token_file) if args.token_file else None
    app = WithClusterDirectory(
        DomainDispatcherApplication(create_backend_app), args.endpoint_port, args.state_dir, token
    )
    run_simple(HOST, args.port, app, threaded=True)


if __name__ == "__main__":
    main()
