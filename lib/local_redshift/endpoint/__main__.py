"""`python -m local_redshift.endpoint`: run the endpoint in the foreground (the local stack starts it)."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from local_redshift import logs, stand_in_token
from local_redshift.endpoint.admission import HANDSHAKE_SECONDS
from local_redshift.endpoint.server import Endpoint
from local_redshift.warehouses import Warehouses

HOST = "127.0.0.1"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m local_redshift.endpoint", description=__doc__)
    parser.add_argument("--port", type=int, required=True, help="where clients connect (on 127.0.0.1)")
    parser.add_argument("--aws-endpoint", required=True, help="URL of the local AWS stand-in")
    parser.add_argument("--warehouses", type=Path, required=True, help="the folder of the clusters' PostgreSQL servers")
    parser.add_argument("--postgres-port", type=int, required=True, help="the first port of the clusters' servers")
    parser.add_argument("--tls-folder", type=Path, required=True, help="where the TLS certificate is (made if absent)")
    parser.add_argument("--token-file", type=Path, required=True, help="the token the AWS stand-in's routes need")
    parser.add_argument("--handshake-timeout", type=float, default=HANDSHAKE_SECONDS, help="seconds to log in")
    parser.add_argument("--log-file", type=Path, help="where to log, rotated by size (default: stderr)")
    args = parser.parse_args(argv)
    logs.log_to(args.log_file)
    logging.getLogger("botocore").setLevel(logging.WARNING)
    logging.getLogger("sqlglot").setLevel(logging.ERROR)  # its warnings quote the statement, passwords and all
    warehouses = Warehouses(args.warehouses, args.postgres_port, HOST)
    logs.PostgresLogKeeper(args.warehouses).start()
    Endpoint(
        HOST, args.port, args.aws_endpoint, warehouses, tls_folder=args.tls_folder,
        stand_in_token=stand_in_token.read(args.token_file), handshake_seconds=args.handshake_timeout,
    ).serve_forever()  # fmt: skip


if __name__ == "__main__":
    main()
