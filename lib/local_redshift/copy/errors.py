"""Errors of a COPY: statement failures (CopyError) and bad records (LoadError), worded as Redshift words them.

SQLSTATEs and load error codes are local_redshift.errors' SqlState and LoadErrorCode.
"""

from __future__ import annotations

from local_redshift.errors import LoadErrorCode, RedshiftError

_RULE = "-" * 47


class CopyError(RedshiftError):
    """The COPY statement failed: sent to the client as an ErrorResponse (severity ERROR)."""


def redshift_detail(error: str, *, code: int, context: str, query_id: int) -> str:
    """The framed DETAIL block Redshift attaches to internal errors (error, code, context, query)."""
    lines = [
        _RULE,
        f"error:  {error}",
        f"code:      {int(code)}",
        f"context:   {context}",
        f"query:     {query_id}",
        _RULE,
    ]
    return "\n" + "\n".join(f"  {line}" for line in lines) + "\n"


def aws_error(message: str, *, context: str, query_id: int) -> CopyError:
    """A failure reaching AWS (IAM, S3) or reading its answer: XX000 with code 8001 in the DETAIL."""
    detail = redshift_detail(message, code=LoadErrorCode.AWS_ERROR, context=context, query_id=query_id)
    return CopyError(message, detail=detail)


class LoadError(Exception):
    """One bad record or field: logged to stl_load_errors and counted against MAXERROR."""

    def __init__(self, code: LoadErrorCode, reason: str, *, raw_value: str = "", position: int = 0) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.raw_value = raw_value
        self.position = position
