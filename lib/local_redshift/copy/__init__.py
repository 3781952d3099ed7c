"""Redshift's COPY from Amazon S3 (JSON) for the local Redshift: `run_copy` is what the endpoint calls."""

from local_redshift.copy.errors import CopyError
from local_redshift.copy.interfaces import AwsClients, Backend, ClusterContext
from local_redshift.copy.load import run_copy

__all__ = ["AwsClients", "Backend", "ClusterContext", "CopyError", "run_copy"]
