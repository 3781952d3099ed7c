"""The local AWS stand-in: moto's server, plus what moto lacks: one route the endpoint asks which clusters exist,
Redshift Serverless (local_redshift.serverless) and the Redshift Data API (local_redshift.data_api).

`GET /_local_redshift/clusters` lists every Redshift cluster moto holds and every serverless workgroup, with what
the endpoint needs to admit a client: database, master user, status, attached roles, and the md5 verifier of the
master password (never the password itself). A workgroup is listed once per login (its namespace's admin user,
each temporary user of GetCredentials), with `serverless` set. Requests whose X-Amz-Target names Redshift
Serverless or the Data API are answered here, never by moto. With `--state-dir DIR` the state of moto's services
and of Redshift Serverless is kept in DIR and restored at start (local_redshift.stand_in_state). Run as
`python -m local_redshift.aws_server --port N --endpoint-port M [--state-dir DIR]` (M: the local Redshift
endpoint's port, where workgroups are served and Data API statements run); it listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from local_redshift.data_api import responses as data_api_responses
from local_redshift.data_api.responses import DataApi
from local_redshift.json_api import Operation, serve, target_of
from local_redshift.serverless import responses as serverless_api
from local_redshift.serverless.directory import workgroup_logins
from local_redshift.serverless.models import ServerlessBackend
from local_redshift.stand_in_changes import Change, change_of
from local_redshift.stand_in_state import SERVERLESS, StandInState

CLUSTERS_PATH = "/_local_redshift/clusters"
HOST = "127.0.0.1"


def cluster_directory(serverless: ServerlessBackend) -> list[dict[str, Any]]:
    """Every cluster in moto's Redshift backends, in every account and region, and every workgroup's logins."""
    from moto.redshift.models import redshift_backends

    clusters = workgroup_logins(serverless)
    for account_id, regions in redshift_backends.items():
        for region, backend in regions.items():
            for cluster in backend.clusters.values():
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
    to moto; with `state_dir`, restores the state kept there first and saves each change before answering it."""

    def __init__(self, app: Callable[..., Iterable[bytes]], endpoint_port: int, state_dir: Path | None = None) -> None:
        self.app = app
        self.serverless = ServerlessBackend(HOST, endpoint_port)
        self.state = StandInState(state_dir, self.serverless) if state_dir else None
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
            answer = serve(environ, start_response, operations, message)
            if self.state and prefix == serverless_api.TARGET_PREFIX and change_of(environ):
                self.state.changed(Change(SERVERLESS, None))
            return answer
        if environ.get("PATH_INFO") != CLUSTERS_PATH:
            return self._moto(environ, start_response)
        body = json.dumps(cluster_directory(self.serverless)).encode()
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]

    def _moto(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        """moto's answer; a change is saved before it is answered."""
        if self.state is None:
            return self.app(environ, start_response)
        change = change_of(environ)
        with self.state.lock.shared():
            answer = self.app(environ, start_response)
            if change:  # the answer is complete before the state is saved
                answer = [b"".join(answer)]
        if change:
            self.state.changed(change)
        return answer


def main(argv: list[str] | None = None) -> None:
    """Serve moto and the cluster directory on 127.0.0.1 until stopped."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--endpoint-port", type=int, required=True)
    parser.add_argument("--state-dir", type=Path)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    os.environ.setdefault("MOTO_PORT", str(args.port))
    from moto.server import DomainDispatcherApplication, create_backend_app
    from werkzeug.serving import run_simple

    app = WithClusterDirectory(DomainDispatcherApplication(create_backend_app), args.endpoint_port, args.state_dir)
    run_simple(HOST, args.port, app, threaded=True)


if __name__ == "__main__":
    main()
