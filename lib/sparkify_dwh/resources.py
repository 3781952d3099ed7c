"""The AWS resources the tutorial creates: one error type, and the errors a learner meets said in one sentence."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from botocore.exceptions import (
    ClientError,
    CredentialRetrievalError,
    EndpointConnectionError,
    NoCredentialsError,
    PartialCredentialsError,
    SSOError,
    TokenRetrievalError,
)

from sparkify_dwh.config import Config

EXPIRED_CODES = frozenset({"ExpiredToken", "ExpiredTokenException", "RequestExpired"})
UNKNOWN_KEY_CODES = frozenset(
    {"InvalidClientTokenId", "UnrecognizedClientException", "AuthFailure", "SignatureDoesNotMatch"}
)
DENIED_CODES = frozenset({"AccessDenied", "AccessDeniedException", "UnauthorizedOperation"})
POLICY_HINT = "`sparkify-dwh iam --policy` prints the least-privilege policy it needs"


class ResourceError(RuntimeError):
    """An AWS resource cannot be created, found or removed; the message is one sentence saying what to do."""


def where(config: Config) -> str:
    """Where resources live, for messages: the local stand-in's URL or the AWS region."""
    if config.is_local:
        return f"the local stand-in (local mode, moto at 127.0.0.1:{config.local.aws_port})"
    return f"AWS region {config.aws.region} (aws mode)"


def _explain(config: Config, action: str, error: Exception) -> str | None:
    """The one sentence for an error every AWS call can meet, or None when it is not one of those."""
    if isinstance(error, (NoCredentialsError, PartialCredentialsError)):
        return (
            f"cannot {action}: no AWS credentials found; set AWS_PROFILE (or run `aws sso login`), "
            f"or set SPARKIFY_MODE=local to work offline"
        )
    if isinstance(error, (TokenRetrievalError, SSOError, CredentialRetrievalError)):
        return f"cannot {action}: your AWS session has expired or cannot be refreshed; run `aws sso login` and retry"
    if isinstance(error, EndpointConnectionError):
        if config.is_local:
            return (
                f"cannot {action}: nothing answers at 127.0.0.1:{config.local.aws_port}; start the local stack "
                f"with `make up` or `sparkify-dwh local up` (or set SPARKIFY_MODE=aws to use real AWS)"
            )
        return (
            f"cannot {action}: AWS in region {config.aws.region} cannot be reached; check the network and [AWS] REGION"
        )
    if isinstance(error, ClientError):
        code = error.response.get("Error", {}).get("Code", "")
        if code in EXPIRED_CODES:
            return f"cannot {action}: your AWS session token has expired; renew it (`aws sso login`) and retry"
        if code in UNKNOWN_KEY_CODES:
            return f"cannot {action}: AWS does not recognise these credentials; check AWS_PROFILE or [AWS] KEY"
        if code in DENIED_CODES:
            return f"cannot {action}: your AWS identity is not allowed to; {POLICY_HINT}"
    return None


@contextmanager
def aws_errors(config: Config, action: str) -> Iterator[None]:
    """Raise ResourceError with one sentence for missing credentials, expired tokens, a stopped stack, denials."""
    try:
        yield
    except (
        ClientError,
        NoCredentialsError,
        PartialCredentialsError,
        TokenRetrievalError,
        SSOError,
        CredentialRetrievalError,
        EndpointConnectionError,
    ) as error:
        sentence = _explain(config, action, error)
        if sentence is None:
            raise
        raise ResourceError(sentence) from error
