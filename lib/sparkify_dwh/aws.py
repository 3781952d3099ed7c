"""The one place that builds boto3 clients: the moto endpoint in local mode, real AWS in aws mode."""

from __future__ import annotations

from typing import Any

import boto3

from local_redshift import aws_clients
from sparkify_dwh.config import Config


def session(config: Config) -> boto3.Session:
    """A boto3 session for the configured mode: dummy keys locally; the default chain (or [AWS] keys) on AWS."""
    if config.is_local:
        return aws_clients.session(config.aws.region)
    if config.aws.key:
        return boto3.Session(
            region_name=config.aws.region,
            aws_access_key_id=config.aws.key.reveal(),
            aws_secret_access_key=config.aws.secret.reveal(),
        )
    return boto3.Session(region_name=config.aws.region)


def client(config: Config, service: str, region: str | None = None, boto_session: boto3.Session | None = None) -> Any:
    """A boto3 client for `service`; pass `boto_session` to use your own credentials (tests do)."""
    chosen = boto_session or session(config)
    endpoint = f"http://127.0.0.1:{config.local.aws_port}" if config.is_local else None
    return chosen.client(service, region_name=region or config.aws.region, endpoint_url=endpoint)
