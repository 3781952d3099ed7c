"""Redshift's UNLOAD to Amazon S3 for the local Redshift: `parse_unload` reads the statement into UnloadOptions,
`local_redshift.unload.run.run_unload` writes the files they ask for."""

from local_redshift.unload.errors import UnloadError
from local_redshift.unload.grammar import parse_unload
from local_redshift.unload.options import Format, UnloadOptions

__all__ = ["Format", "UnloadError", "UnloadOptions", "parse_unload"]
