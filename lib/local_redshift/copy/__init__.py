"""Redshift's COPY from Amazon S3 (JSON) for the local Redshift: `parse_copy` reads the statement into CopyOptions,
`run_copy` loads what they ask for."""

from local_redshift.copy.errors import CopyError
from local_redshift.copy.grammar import parse_copy
from local_redshift.copy.interfaces import AwsClients, Backend, ClusterContext
from local_redshift.copy.load import run_copy
from local_redshift.copy.options import CopyOptions

__all__ = ["AwsClients", "Backend", "ClusterContext", "CopyError", "CopyOptions", "parse_copy", "run_copy"]
