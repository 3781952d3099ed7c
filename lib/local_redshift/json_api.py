"""The AWS JSON 1.1 protocol of the services the stand-in answers itself (Redshift Serverless, the Data API): the
operation named by X-Amz-Target, the caller's region from its signature, errors as botocore reads them."""

from __future__ import annotations

import datetime
import http
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

DEFAULT_ACCOUNT = "123456789012"  # moto's account for any access key it does not know
DEFAULT_REGION = "us-east-1"
_SCOPE = re.compile(r"Credential=([^/,\s]+)/\d{8}/([a-z0-9-]+)/")


class ApiError(Exception):
    """An error as the service model names it (its shape name is the code botocore raises)."""

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.code, self.message, self.status = code, message, status


@dataclass(frozen=True)
class Caller:
    """Who signed the request: access key, account and region."""

    access_key: str
    account_id: str
    region: str


Operation = Callable[[Caller, dict[str, Any]], dict[str, Any]]


def caller_of(environ: Mapping[str, Any]) -> Caller:
    """The caller as the request's SigV4 credential scope names it, in the account moto's `x-moto-account-id`
    header names (moto's default account without it)."""
    account = environ.get("HTTP_X_MOTO_ACCOUNT_ID") or DEFAULT_ACCOUNT
    match = _SCOPE.search(environ.get("HTTP_AUTHORIZATION", ""))
    if match is None:
        return Caller("", account, DEFAULT_REGION)
    return Caller(match.group(1), account, match.group(2))


def target_of(environ: Mapping[str, Any]) -> tuple[str, str]:
    """(service prefix, operation) of X-Amz-Target, e.g. ("RedshiftServerless", "CreateNamespace")."""
    prefix, _, operation = environ.get("HTTP_X_AMZ_TARGET", "").partition(".")
    return prefix, operation


def serve(
    environ: dict[str, Any], start_response: Callable[..., Any], operations: Mapping[str, Operation], message: str
) -> Iterable[bytes]:
    """Run the operation X-Amz-Target names with the request's JSON body; its answer or its error as JSON, the
    error's text in the member `message` names (its spelling differs between service models)."""
    _, name = target_of(environ)
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = json.loads(environ["wsgi.input"].read(length) or b"{}")
        operation = operations.get(name)
        if operation is None:
            raise ApiError("UnknownOperationException", f"{name} is not implemented by the local AWS stand-in")
        status, answer = 200, operation(caller_of(environ), body)
    except ApiError as error:
        status, answer = error.status, {"__type": error.code, message: error.message}
    payload = json.dumps(answer, default=_encode).encode()
    start_response(
        f"{status} {http.HTTPStatus(status).phrase}",
        [("Content-Type", "application/x-amz-json-1.1"), ("Content-Length", str(len(payload)))],
    )
    return [payload]


def _encode(value: Any) -> Any:
    """Timestamps as the JSON protocol sends them: seconds since the epoch."""
    if isinstance(value, datetime.datetime):
        return value.timestamp()
    raise TypeError(f"cannot encode {type(value).__name__}")


def page(items: list[Any], token: str | None, size: int) -> tuple[list[Any], str | None]:
    """One page of `items` from `token` (an offset), and the next page's token if any."""
    token = token or "0"
    if not token.isdigit():
        raise ApiError("ValidationException", f"the token {token!r} is not valid")
    start = int(token)
    end = start + size
    return items[start:end], (str(end) if end < len(items) else None)


def now() -> datetime.datetime:
    """The time now, in UTC."""
    return datetime.datetime.now(datetime.UTC)
