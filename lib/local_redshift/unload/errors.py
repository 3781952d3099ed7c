"""The errors of an UNLOAD, worded as Redshift words them (or, where only the local Redshift refuses, naming what)."""

from __future__ import annotations

from local_redshift.errors import RedshiftError, SqlState

NOT_EMPTY = (
    "Specified unload destination on S3 is not empty. Consider using a different bucket / prefix, manually removing "
    "the target files in S3, or using the ALLOWOVERWRITE option."
)
"""Without ALLOWOVERWRITE, UNLOAD refuses to write where files already are (the UNLOAD page's ALLOWOVERWRITE)."""


class UnloadError(RedshiftError):
    """The UNLOAD statement failed: sent to the client as an ErrorResponse (severity ERROR)."""


def syntax_error(message: str) -> UnloadError:
    return UnloadError(message, sqlstate=SqlState.SYNTAX_ERROR)


def conflict(first: str, second: str) -> UnloadError:
    """Two parameters the UNLOAD page says cannot be used together."""
    return syntax_error(f"{first} cannot be used with {second} in UNLOAD")


def unsupported(what: str) -> UnloadError:
    return UnloadError(f"The local Redshift does not support {what} in UNLOAD", sqlstate=SqlState.FEATURE_NOT_SUPPORTED)
