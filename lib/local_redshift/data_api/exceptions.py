"""The errors of the Data API, each stated once, with the codes of its botocore service model."""

from __future__ import annotations

from local_redshift.json_api import ApiError

MAX_STATEMENT_BYTES = 100 * 1024  # the Data API refuses larger SQL: "Cannot process query string larger than 100kB"


def invalid(message: str) -> ApiError:
    return ApiError("ValidationException", message)


def statement_too_large() -> ApiError:
    return invalid("Cannot process query string larger than 100kB")


def not_found(what: str) -> ApiError:
    return ApiError("ResourceNotFoundException", what)


def statement_not_found(statement_id: str) -> ApiError:
    return not_found(f"Query {statement_id} does not exist")


def no_result() -> ApiError:
    return not_found("Query does not have result. Please check query status with DescribeStatement.")


def wrong_result_format(statement_id: str, result_format: str, operation: str) -> ApiError:
    return invalid(f"Statement {statement_id} has ResultFormat {result_format}: read its result with {operation}")


def cannot_cancel(status: str) -> ApiError:
    return invalid(f"Could not cancel a query that is already in {status} state.")


def one_target() -> ApiError:
    return invalid("Give either WorkgroupName or ClusterIdentifier (or SessionId alone)")


def cluster_credentials() -> ApiError:
    return invalid("With ClusterIdentifier, give DbUser or SecretArn")


def database_required() -> ApiError:
    return invalid("Database is required unless SessionId is given")


def session_with_target() -> ApiError:
    return invalid("A statement with SessionId runs in that session: do not give WorkgroupName, ClusterIdentifier,"
                   " SecretArn, DbUser or Database")  # fmt: skip


def session_not_found(session_id: str) -> ApiError:
    return not_found(f"Session {session_id} does not exist or has expired")


def cluster_not_found(identifier: str) -> ApiError:
    return not_found(f"Cluster {identifier} not found")


def workgroup_not_found(name: str) -> ApiError:
    return not_found(f"Workgroup {name} not found")


def secret_unreadable(arn: str, why: str) -> ApiError:
    return invalid(f"The secret {arn} cannot be used: {why}")


def parameter_missing(name: str) -> ApiError:
    return invalid(f"The SQL names parameter :{name}, which Parameters does not give")


def parameter_unused(name: str) -> ApiError:
    return invalid(f"Parameter {name} is not used in the SQL")


def connection_failed(error: object) -> ApiError:
    return ApiError("DatabaseConnectionException", f"cannot connect to the database: {error}", status=500)


ROW_TOO_LARGE = "Packet for query is too large: the Data API returns rows of at most 64 KB"
RESULT_TOO_LARGE = "Database response exceeded size limit: the Data API returns results of at most 500 MB"
