"""The token that opens the AWS stand-in's own routes (the cluster directory, with each cluster's md5 verifier, and
moto's `/moto-api/`, which shows every password): made by the stack once, kept in a 0600 file in its state folder,
read by the stand-in and the endpoint when they start, sent as `Authorization: Bearer <token>` and compared in
constant time. A caller without it gets 403."""

from __future__ import annotations

import hmac
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

_SCHEME = "Bearer "


def ensure(path: Path) -> None:
    """Make the token file (0600, whole or not at all) unless it holds a token."""
    if path.exists() and path.read_text().strip():
        path.chmod(0o600)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_urlsafe(32) + "\n")
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def read(path: Path) -> str:
    """The token kept in `path`."""
    token = path.read_text().strip()
    if not token:
        raise ValueError(f"{path} holds no token: start the stack with `sparkify-dwh local up`")
    return token


def headers(token: str) -> dict[str, str]:
    """The request headers that show the token."""
    return {"Authorization": _SCHEME + token}


def presented(environ: Mapping[str, Any], token: str | None) -> bool:
    """Whether a WSGI request shows `token` (never, without a token to compare with)."""
    shown = environ.get("HTTP_AUTHORIZATION", "").encode("latin-1", "replace")
    return token is not None and hmac.compare_digest(shown, (_SCHEME + token).encode())
