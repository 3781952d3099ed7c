"""Clients of the local AWS stand-in: the one place that knows its credentials."""

from __future__ import annotations

from typing import Any

import boto3
from botocore.config import Config

CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
"""The stand-in accepts any keys; these are the ones everything local uses."""

DEFAULT_REGION = "us-east-1"


def session(region: str | None = None) -> boto3.Session:
    """A boto3 session with the stand-in's credentials."""
    return boto3.Session(region_name=region or DEFAULT_REGION, **CREDENTIALS)


def client(service: str, endpoint_url: str, region: str | None = None, config: Config | None = None) -> Any:
    """A boto3 client of `service` on the stand-in at `endpoint_url`."""
    return session(region).client(service, endpoint_url=endpoint_url, config=config)
