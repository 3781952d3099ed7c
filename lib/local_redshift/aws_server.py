"""The local AWS stand-in: moto's server, plus one route the endpoint asks which clusters exist.

`GET /_local_redshift/clusters` lists every Redshift cluster moto holds, with what the endpoint needs to admit a
client: database, master user, status, attached roles, and the md5 verifier of the master password (never the
password itself). Run as `python -m local_redshift.aws_server --port N`; it listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from collections.abc import Callable, Iterable
from typing import Any

CLUSTERS_PATH = "/_local_redshift/clusters"
HOST = "127.0.0.1"


def cluster_directory() -> list[dict[str, Any]]:
    """Every cluster in moto's Redshift backends, in every account and region."""
    from moto.redshift.models import redshift_backends

    clusters = []
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
    }


class WithClusterDirectory:
    """WSGI middleware: answers CLUSTERS_PATH itself, hands everything else to moto."""

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != CLUSTERS_PATH:
            return self.app(environ, start_response)
        body = json.dumps(cluster_directory()).encode()
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]


def main(argv: list[str] | None = None) -> None:
    """Serve moto and the cluster directory on 127.0.0.1 until stopped."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    os.environ.setdefault("MOTO_PORT", str(args.port))
    from moto.server import DomainDispatcherApplication, create_backend_app
    from werkzeug.serving import run_simple

    run_simple(HOST, args.port, WithClusterDirectory(DomainDispatcherApplication(create_backend_app)), threaded=True)


if __name__ == "__main__":
    main()
