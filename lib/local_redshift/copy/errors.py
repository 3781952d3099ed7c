"""Errors of a COPY: statement failures (CopyError) and bad records (LoadError), worded as Redshift words them."""

from __future__ import annotations

INTERNAL_ERROR = "XX000"
SYNTAX_ERROR = "42601"
FEATURE_NOT_SUPPORTED = "0A000"
UNDEFINED_TABLE = "42P01"
UNDEFINED_COLUMN = "42703"

AWS_ERROR_CODE = 8001
"""The code Redshift gives errors about credentials, S3 and COPY parameters."""

_RULE = "-" * 47


class CopyError(Exception):
    """The COPY statement failed: sent to the client as an ErrorResponse (severity ERROR)."""

    def __init__(self, message: str, *, sqlstate: str = INTERNAL_ERROR, detail: str | None = None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate
        self.message = message
        self.detail = detail


def redshift_detail(error: str, *, code: int, context: str, query_id: int) -> str:
    """The framed DETAIL block Redshift attaches to internal errors (error, code, context, query)."""
    lines = [_RULE, f"error:  {error}", f"code:      {code}", f"context:   {context}", f"query:     {query_id}", _RULE]
    return "\n" + "\n".join(f"  {line}" for line in lines) + "\n"


def aws_error(message: str, *, context: str, query_id: int) -> CopyError:
    """A failure reaching AWS (IAM, S3) or reading its answer: XX000 with code 8001 in the DETAIL."""
    return CopyError(message, detail=redshift_detail(message, code=AWS_ERROR_CODE, context=context, query_id=query_id))


class LoadError(Exception):
    """One bad record or field: logged to stl_load_errors and counted against MAXERROR."""

    def __init__(self, code: int, reason: str, *, raw_value: str = "", position: int = 0) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.raw_value = raw_value
        self.position = position
