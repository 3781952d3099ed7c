"""UNLOAD in a client's session: run the query in the client's transaction, write its files to S3.

The query is translated as any Redshift SQL, then run through a temporary view so that the catalog names its
columns and their types. The files are written only after the destination is checked (ALLOWOVERWRITE,
CLEANPATH), with the permissions of the statement's authorization, in the bucket's region (REGION, else the
cluster's). Once the statement, its credentials, bucket, query and destination are checked the UNLOAD begins, and
what it did is noted (unload.history).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Sequence

from botocore.exceptions import BotoCoreError, ClientError
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

from local_redshift.copy.authorization import S3Permissions, authorize
from local_redshift.copy.errors import aws_error
from local_redshift.copy.interfaces import AwsClients, Backend, ClusterContext
from local_redshift.copy.load_history import RunningReports
from local_redshift.copy.load_state import slice_count
from local_redshift.copy.source import S3Object, S3Source
from local_redshift.copy.target import quote_literal
from local_redshift.errors import BackendError, SqlState, UnsupportedFeature
from local_redshift.translation import LocalRedshift, translate
from local_redshift.unload.columns import ResultColumn
from local_redshift.unload.errors import NOT_EMPTY, UnloadError
from local_redshift.unload.history import UnloadHistory, begin_unload, complete_unload
from local_redshift.unload.layout import DataFile, data_files, written_columns
from local_redshift.unload.manifest import manifest
from local_redshift.unload.options import UnloadOptions
from local_redshift.unload.sketches import check_sketches

log = logging.getLogger(__name__)

COMPLETED = "UNLOAD completed, {count} record(s) unloaded successfully."
"""The INFO notice Redshift sends when an UNLOAD succeeds (its command tag is UNLOAD)."""


def run_unload(options: UnloadOptions, backend: Backend, cluster: ClusterContext, aws: AwsClients) -> int:
    """Write what an UNLOAD statement (read by grammar.parse_unload) asks for; return the number of rows unloaded.

    Raises UnloadError, the COPY errors of authorization and S3 (CopyError), or the backend's BackendError.
    """
    sql = _select(options.query, options.case_sensitive)
    permissions = authorize(options.authorization, cluster, aws)
    region = options.region or cluster.region
    client = aws("s3", region)
    destination = S3Object.parse(options.destination)
    source = S3Source(
        client, region=region, region_given=options.region is not None, permissions=permissions,
        query_id=cluster.query_id,
    )  # fmt: skip
    source._check_bucket(destination.bucket)
    view = _view(backend, sql, cluster.query_id)
    try:
        columns = _columns(backend, view)
        _refuse_the_destination(options, source, permissions, destination)
        history = begin_unload(backend, options, cluster)
        reports = RunningReports(lambda: history.write_running(backend), "UNLOAD")
        reports.now()
        writer = _Writer(client, permissions, destination.bucket, cluster.query_id)
        try:
            count = _unload(options, backend, view, columns, source, writer, destination, history, reports)
        except Exception as error:
            history.write(backend, unloaded_rows=None, error=getattr(error, "message", None) or str(error))
            raise
    finally:
        with contextlib.suppress(BackendError):  # the transaction failed already: the view goes with it
            backend.fetch(f"DROP VIEW IF EXISTS {view}")
    complete_unload(backend, history, count)
    return count


def _unload(
    options: UnloadOptions, backend: Backend, view: str, columns: list[ResultColumn], source: S3Source,
    writer: _Writer, destination: S3Object, history: UnloadHistory, reports: RunningReports,
) -> int:  # fmt: skip
    """Run the query and write its files (and the manifest), each file noted in the history as it is written."""
    rows = backend.fetch(f"SELECT * FROM {view}")
    check_sketches(options, columns, rows)
    files = list(data_files(options, columns, rows, slice_count(backend)))
    if options.clean_path and not options.allow_overwrite:
        _clean(options, source, writer, destination, files)
    for file in files:
        writer.put(destination.key + file.name, file.body)
        history.wrote(options.destination + file.name, file)
        reports.after_file()
    if options.manifest:
        kept = [columns[index] for index in written_columns(options, columns)]
        body = manifest(options.destination, files, kept, verbose=options.manifest_verbose)
        writer.put(destination.key + "manifest", body)
    log.info("UNLOAD wrote %d row(s) in %d file(s) to %s", len(rows), len(files), options.destination)
    return len(rows)


def _select(query: str, case_sensitive: bool) -> str:
    """The query as PostgreSQL runs it: one SELECT, without LIMIT in its outer SELECT (the UNLOAD page)."""
    statements = translate(query, case_sensitive)
    if len(statements) != 1 or statements[0].in_endpoint or not statements[0].postgres:
        raise UnloadError("UNLOAD needs exactly one SELECT statement as its query")
    try:
        tree = LocalRedshift().parse(query)[0]
    except (ParseError, TokenError):  # what sqlglot cannot read, PostgreSQL judges
        tree = None
    if isinstance(tree, exp.Query) and tree.args.get("limit") is not None:
        raise UnsupportedFeature.of("LIMIT in the outer SELECT of an UNLOAD", hint="use a nested LIMIT clause")
    if tree is not None and not isinstance(tree, exp.Query):
        raise UnloadError("UNLOAD needs a SELECT statement as its query")
    return statements[0].postgres[0]


def _view(backend: Backend, sql: str, query_id: int) -> str:
    """A temporary view of the query (the caller drops it), so that the catalog names its columns and types."""
    view = f"pg_temp.local_redshift_unload_{int(query_id)}"
    try:
        backend.fetch(f"CREATE TEMPORARY VIEW {view} AS {sql}")
    except BackendError as error:
        if error.sqlstate != SqlState.DUPLICATE_COLUMN:
            raise
        raise UnsupportedFeature.of(
            "UNLOAD of a query with two result columns of the same name",
            by="the local Redshift",
            hint="name each column of the query differently (AS)",
        ) from None
    return view


def _columns(backend: Backend, view: str) -> list[ResultColumn]:
    """The view's columns, with their types."""
    described = backend.fetch(
        "SELECT a.attname, t.typname, pg_catalog.format_type(a.atttypid, a.atttypmod)"
        " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
        f" WHERE a.attrelid = pg_catalog.to_regclass({quote_literal(view)}) AND a.attnum > 0 ORDER BY a.attnum"
    )
    return [ResultColumn(name, type_name, formatted) for name, type_name, formatted in described]


def _refuse_the_destination(
    options: UnloadOptions, source: S3Source, permissions: S3Permissions, destination: S3Object
) -> None:
    """Refuse credentials that may not write to the destination and, without ALLOWOVERWRITE or CLEANPATH, a
    destination that holds objects already."""
    permissions.require("s3:PutObject", destination.bucket, destination.key)  # denied before the UNLOAD begins
    if options.allow_overwrite or options.clean_path:
        return
    permissions.require("s3:ListBucket", destination.bucket)
    if next(source._listing(destination), None) is not None:
        raise UnloadError(NOT_EMPTY)


def _clean(
    options: UnloadOptions, source: S3Source, writer: _Writer, destination: S3Object, files: Sequence[DataFile]
) -> None:
    """CLEANPATH: empty the destination first; with partitions, only the partition folders that receive files."""
    writer.require_listing()
    prefixes = [destination.key]
    if options.partition_by:
        prefixes = sorted({destination.key + file.name.rpartition("/")[0] + "/" for file in files})
    existing = [location for prefix in prefixes for location in source._listing(S3Object(destination.bucket, prefix))]
    for location in existing:  # listed whole before the first delete
        writer.delete(location.key)


class _Writer:
    """Puts and deletes objects of one bucket, as the statement's credentials allow."""

    def __init__(self, client: object, permissions: S3Permissions, bucket: str, query_id: int) -> None:
        self._client = client
        self._permissions = permissions
        self._bucket = bucket
        self._query_id = query_id

    def require_listing(self) -> None:
        self._permissions.require("s3:ListBucket", self._bucket)

    def put(self, key: str, body: bytes) -> None:
        self._permissions.require("s3:PutObject", self._bucket, key)
        self._call("put_object", key, Body=body)

    def delete(self, key: str) -> None:
        self._permissions.require("s3:DeleteObject", self._bucket, key)
        self._call("delete_object", key)

    def _call(self, operation: str, key: str, **arguments: object) -> None:
        try:
            getattr(self._client, operation)(Bucket=self._bucket, Key=key, **arguments)
        except ClientError as error:
            details = error.response.get("Error", {})
            status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", "")
            message = f"S3ServiceException:{details.get('Message') or details.get('Code')},Status {status}"
            raise aws_error(message, context=f"s3://{self._bucket}/{key}", query_id=self._query_id) from None
        except BotoCoreError as error:
            raise aws_error(
                f"S3ServiceException:{error}", context=f"s3://{self._bucket}/{key}", query_id=self._query_id
            ) from None
