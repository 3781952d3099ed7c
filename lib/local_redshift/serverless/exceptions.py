"""The errors of Redshift Serverless, each stated once, with the codes of its botocore service model."""

from __future__ import annotations

from local_redshift.json_api import ApiError


def conflict(message: str) -> ApiError:
    return ApiError("ConflictException", message)


def not_found(kind: str, name: str) -> ApiError:
    return ApiError("ResourceNotFoundException", f"{kind} {name} is not found")


def invalid(message: str) -> ApiError:
    return ApiError("ValidationException", message)


def already_exists(kind: str, name: str) -> ApiError:
    return conflict(f"{kind} {name} already exists")


def namespace_has_workgroup(namespace: str, workgroup: str) -> ApiError:
    return conflict(f"Namespace {namespace} has workgroup {workgroup}: delete the workgroup first")


def namespace_taken(namespace: str, workgroup: str) -> ApiError:
    return conflict(f"Namespace {namespace} already has workgroup {workgroup}; a namespace has one workgroup")


def bad_name(field: str, value: object) -> ApiError:
    return invalid(f"{field} must be 3 to 64 lowercase letters, digits and hyphens, not {value!r}")


def bad_password() -> ApiError:
    return invalid(
        "adminUserPassword must be 8 to 64 characters with at least one uppercase letter, one lowercase letter"
        " and one digit, and none of ' \" \\ / @ or spaces"
    )


def password_without_user() -> ApiError:
    return invalid("adminUsername and adminUserPassword must be given together")


def bad_capacity(value: object) -> ApiError:
    return invalid(f"baseCapacity must be between 8 and 512 RPUs, in units of 8, not {value!r}")


def bad_port(value: object, local: int) -> ApiError:
    return invalid(f"port {value!r} cannot be served: the local Redshift endpoint listens on port {local}")


def bad_duration(value: object) -> ApiError:
    return invalid(f"durationSeconds must be between 900 and 3600, not {value!r}")


def bad_role(arn: object) -> ApiError:
    return invalid(f"defaultIamRoleArn {arn!r} must be one of the namespace's iamRoles")
