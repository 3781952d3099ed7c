"""Which part of the AWS stand-in's state a request may change: the service and region its SigV4 credential scope
names, unless the request only reads (GET or HEAD, or an operation named Describe..., List..., Get...)."""

from __future__ import annotations

import io
import re
import urllib.parse
from dataclasses import dataclass
from typing import Any

_SCOPE = re.compile(r"Credential=[^/,\s]+/\d{8}/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request")
_QUERY_SCOPE = re.compile(r"^[^/]+/\d{8}/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request$")
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
READ_PREFIXES = ("Describe", "List", "Get", "Head")
CHANGING_READS = frozenset({"GetCredentials"})  # Redshift Serverless: issues a temporary user
_FORM = "application/x-www-form-urlencoded"
_MAX_FORM = 10 * 1024 * 1024


@dataclass(frozen=True)
class Change:
    """A request that may have changed `service`'s state in `region` (None: unsigned, any service, any region)."""

    service: str | None
    region: str | None


def change_of(environ: dict[str, Any]) -> Change | None:
    """What the request may change, or None when it only reads. A form body is read here and put back."""
    if environ.get("REQUEST_METHOD", "GET").upper() in READ_METHODS:
        return None
    operation = _operation(environ)
    if operation.startswith(READ_PREFIXES) and operation not in CHANGING_READS:
        return None
    match = _SCOPE.search(environ.get("HTTP_AUTHORIZATION", ""))
    if match is None:
        credential = urllib.parse.parse_qs(environ.get("QUERY_STRING", "")).get("X-Amz-Credential", [""])[0]
        match = _QUERY_SCOPE.match(credential)
    return Change(match.group(2), match.group(1)) if match else Change(None, None)


def _operation(environ: dict[str, Any]) -> str:
    """The operation X-Amz-Target or the Action parameter (query string or form body) names; '' for REST APIs."""
    if target := environ.get("HTTP_X_AMZ_TARGET"):
        return target.partition(".")[2]
    query = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
    if "Action" in query:
        return query["Action"][0]
    if not environ.get("CONTENT_TYPE", "").startswith(_FORM):
        return ""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return ""
    if not 0 < length <= _MAX_FORM:
        return ""
    body = environ["wsgi.input"].read(length)
    environ["wsgi.input"] = io.BytesIO(body)
    return urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("Action", [""])[0]
