"""Every error the local Redshift reports, stated once: SQLSTATEs, load error codes, and the exception types.

Callers raise by name (`RedshiftError("...", sqlstate=SqlState.SYNTAX_ERROR)`, `LoadErrorCode.INVALID_DIGIT`); no
module writes a SQLSTATE or a load error code as a literal.
"""

from __future__ import annotations

import enum


class SqlState(str, enum.Enum):
    """The SQLSTATEs the local Redshift sends (PostgreSQL's codes, which Redshift uses too)."""

    SUCCESSFUL_COMPLETION = "00000"  # the code of a notice (NoticeResponse)
    FEATURE_NOT_SUPPORTED = "0A000"
    CONNECTION_REFUSED = "08001"  # sqlclient_unable_to_establish_sqlconnection
    PROTOCOL_VIOLATION = "08P01"
    CARDINALITY_VIOLATION = "21000"
    NOT_NULL_VIOLATION = "23502"
    INVALID_AUTHORIZATION = "28000"
    INVALID_PASSWORD = "28P01"
    INVALID_CATALOG_NAME = "3D000"
    DUPLICATE_DATABASE = "42P04"
    RESERVED_NAME = "42939"
    SERIALIZATION_FAILURE = "40001"
    ACTIVE_SQL_TRANSACTION = "25001"
    SYNTAX_ERROR = "42601"
    INVALID_PARAMETER_VALUE = "22023"
    NUMERIC_VALUE_OUT_OF_RANGE = "22003"
    DUPLICATE_COLUMN = "42701"
    UNDEFINED_COLUMN = "42703"
    INSUFFICIENT_PRIVILEGE = "42501"
    WRONG_OBJECT_TYPE = "42809"
    UNDEFINED_TABLE = "42P01"
    UNDEFINED_OBJECT = "42704"
    GENERATED_ALWAYS = "428C9"
    DISK_FULL = "53100"
    TOO_MANY_CONNECTIONS = "53300"
    OBJECT_IN_USE = "55006"
    DEPENDENT_OBJECTS = "2BP01"  # dependent_objects_still_exist
    INVALID_TABLE_DEFINITION = "42P16"
    CANNOT_CONNECT_NOW = "57P03"
    INTERNAL_ERROR = "XX000"

    def __str__(self) -> str:
        return self.value


DATA_EXCEPTION_CLASS = "22"
"""SQLSTATE class of data exceptions: a value PostgreSQL refused, which COPY reports as a load error."""

INTEGRITY_CONSTRAINT_VIOLATION_CLASS = "23"
"""SQLSTATE class of integrity constraint violations (NOT NULL, CHECK...): a row PostgreSQL refused, which COPY
reports as a load error too."""

IDENTITY_COLUMN_SET = "cannot set an identity column to a value"
"""Redshift's words (SQLSTATE GENERATED_ALWAYS) for an explicit value written into an IDENTITY column."""

VARBYTE_LENGTH = "length for type varbyte must be 1 to 16777216 bytes, not {length}"
"""Why a VARBYTE(n) is refused (SQLSTATE INVALID_PARAMETER_VALUE) whose n is out of the VARBYTE type page's range."""

UNSUPPORTED_COLUMN_TYPE = 'Column "{table}.{column}" has unsupported type "{type}".'
"""Redshift's words when CREATE TABLE or ALTER TABLE ADD COLUMN declares a column of a type it does not have (as
redshift_connector's own integration tests and clients' reports quote them); the construct's name follows."""

ALTER_COLUMN_USING = "ALTER TABLE ALTER COLUMN does not support USING expression"
ALTER_COLUMN_DEFAULT = "ALTER COLUMN SET/DROP DEFAULT is not supported"
"""Redshift's words (SQLSTATE FEATURE_NOT_SUPPORTED, as clients' reports quote them) for ALTER COLUMN ... TYPE ...
USING, and for ALTER COLUMN ... SET DEFAULT or DROP DEFAULT, which r_ALTER_TABLE.html's syntax does not have."""

ENCODE_TWICE = 'column "{column}" is given an encoding more than once in one ALTER TABLE'
"""Why a list of ALTER COLUMN ... ENCODE is refused (SQLSTATE SYNTAX_ERROR) that names a column twice:
r_ALTER_TABLE.html, "You can't alter a column to the same or different encoding type multiple times in a single
command"."""

IN_TRANSACTION_BLOCK = "{construct} cannot run inside a transaction block"
"""Redshift's words (SQLSTATE ACTIVE_SQL_TRANSACTION) for a statement it runs only outside a transaction block, as
clients' reports quote them for ALTER TABLE ALTER COLUMN (r_ALTER_TABLE.html: "You can't alter columns within a
transaction block")."""

NAME_TOO_LONG = (
    'the name "{name}" is {length} bytes long, and the local Redshift keeps names of up to {longest} bytes (Amazon'
    " Redshift keeps 127): shorten it"
)
"""Why a statement is refused (SQLSTATE FEATURE_NOT_SUPPORTED) that names something longer than PostgreSQL keeps."""

MULTI_ROW_VALUES_SUBQUERY = "can't use subqueries in multi-row VALUES"
OUTER_JOIN_TO_UPDATE_TARGET = "Target table must be part of an equijoin predicate"
"""Redshift's words (c_Examples_of_INSERT_30.html, c_Examples_of_UPDATE_statements.html; SQLSTATE
FEATURE_NOT_SUPPORTED) for a subquery in an INSERT of several VALUES rows, and for an UPDATE whose FROM clause
joins its target table by an outer join."""

MULTIPLE_MATCHES = "Found multiple matches to update the same tuple."
"""Redshift's words (r_MERGE.html's example; SQLSTATE CARDINALITY_VIOLATION, PostgreSQL's) for a MERGE in which
several source rows match one target row."""

PARTIAL_SUPER_IN_MERGE = "Partial reference of SUPER column is not supported in MERGE statement."
"""Redshift's words (r_MERGE.html's example; SQLSTATE FEATURE_NOT_SUPPORTED) for an element of a SUPER in MERGE."""

TYPE_LENGTH = "Column length exceeds maximum allowed (maximum column length is {longest})"
"""Redshift's words (SQLSTATE INVALID_PARAMETER_VALUE; as clients' reports quote them for a VARCHAR(65536)) for a
CHAR or VARCHAR longer than r_Character_types.html allows."""

NUMERIC_PRECISION = "NUMERIC precision {precision} must be between 1 and {largest}"
NUMERIC_SCALE = "NUMERIC scale {scale} must be between 0 and {largest}"
"""Why a DECIMAL is refused (SQLSTATE INVALID_PARAMETER_VALUE) whose precision or scale is beyond Redshift's
(r_Numeric_types201.html), in the words of PostgreSQL 8.0, Redshift's base."""

TABLE_DESIGN_CONFLICT = '{construct} of table "{table}" {why}'
"""Why a CREATE TABLE is refused (SQLSTATE INVALID_TABLE_DEFINITION) whose DISTSTYLE, DISTKEY or SORTKEY break
r_CREATE_TABLE_NEW.html's and r_CREATE_TABLE_usage.html's rules, in the page's words."""

IDENTITY_TYPE = (
    'IDENTITY column "{column}" is {type}: the data type for an IDENTITY column must be either INT or BIGINT'
)
"""r_CREATE_TABLE_NEW.html's rule (SQLSTATE INVALID_TABLE_DEFINITION)."""

STATEMENT_TOO_LARGE = "Statement is too large. Statement Size: {size} bytes. Maximum Allowed: {largest} bytes"
"""Redshift's words (SQLSTATE SYNTAX_ERROR, as clients' reports quote them) for a statement of more than 16 MB."""

UNREADABLE_STATEMENT = 'the local Redshift could not read the statement at line {line}, column {column}, near "{near}"'
"""Why a statement is refused (SQLSTATE SYNTAX_ERROR) that the translator cannot parse: it never reaches PostgreSQL
untranslated. The detail says what the parser expected."""

DISK_FULL_MESSAGE = "Disk Full"
"""Redshift's words (SQLSTATE DISK_FULL) for a statement that ran out of disk space: the Developer Guide's
STL_DISK_FULL_DIAG "logs information about errors recorded when the disk is full"
(https://docs.aws.amazon.com/redshift/latest/dg/r_STL_DISK_FULL_DIAG.html). PostgreSQL's own words follow in the
detail, and DISK_FULL_HINT after them."""

DISK_FULL_HINT = "the disk holding the local Redshift's state folder is full: free space on it, then run it again"

DISK_FULL_STOPPED = "the cluster's server stopped: it could not write to its disk"
"""The detail of DISK_FULL_MESSAGE for a session whose backend went because a full disk stopped the server."""

STATE_DISK_FULL = (
    "the disk holding the local Redshift's state folder {folder} is full ({free} MiB free), so the server of cluster "
    '"{cluster}" cannot start: free space on that disk, then connect again (its data is kept)'
)
"""Why a login is refused (SQLSTATE DISK_FULL) while its cluster's server cannot start for want of disk space."""


DATABASE_MISSING = 'database "{name}" does not exist'
"""PostgreSQL's (and Redshift's) words (SQLSTATE INVALID_CATALOG_NAME) for a database the cluster does not have."""

DATABASE_EXISTS = 'database "{name}" already exists'
"""PostgreSQL's words (SQLSTATE DUPLICATE_DATABASE) for CREATE DATABASE of a name the cluster has."""

DATABASE_NAME_RESERVED = 'database name "{name}" is reserved by {by}'
"""Why CREATE DATABASE refuses a name Amazon Redshift or the local Redshift keeps (SQLSTATE RESERVED_NAME)."""

CURRENT_DATABASE_DROPPED = "cannot drop the currently open database"
"""PostgreSQL's words (SQLSTATE OBJECT_IN_USE): r_DROP_DATABASE, "you can't drop the current database"."""

CURRENT_DATABASE_RENAMED = "current database may not be renamed"
"""Redshift's words (r_ALTER_DATABASE's example; SQLSTATE FEATURE_NOT_SUPPORTED, as PostgreSQL's)."""


PASSWORD_LENGTH = "password must be 8 to 64 characters in length"
PASSWORD_CLASSES = "password must contain at least one uppercase letter, one lowercase letter, and one number"
PASSWORD_CHARACTERS = (
    "password may use ASCII characters 33-126 except ' (single quotation mark), \" (double quotation mark), \\ and /"
)
"""Why a clear-text password of CREATE or ALTER USER is refused (SQLSTATE INVALID_PARAMETER_VALUE), in the words of
the constraints r_CREATE_USER.html lists."""

SESSION_TIMEOUT_RANGE = "SESSION TIMEOUT must be from 60 to 1728000 seconds"
"""r_CREATE_USER.html's range of SESSION TIMEOUT (SQLSTATE INVALID_PARAMETER_VALUE)."""

SETTING_NOT_BOOLEAN = 'parameter "{name}" requires a Boolean value'
"""Why SET of a boolean setting to another value is refused: PostgreSQL's words, which Redshift's boolean settings
(true, false: r_enable_case_sensitive_identifier.html) keep (SQLSTATE INVALID_PARAMETER_VALUE)."""

SYNTAX_NEAR = 'syntax error at or near "{near}"'
SYNTAX_END = "syntax error at end of input"
"""PostgreSQL's (and Redshift's) words for a statement read no further than `near`, or than its end (SQLSTATE
SYNTAX_ERROR)."""

UNTYPED_STRING_IN_SUPER = (
    "the local Redshift reads an untyped string literal given a SUPER as JSON, and this one is not JSON: write"
    " 'text'::VARCHAR for a string scalar, or JSON_PARSE('...') for a document"
)
"""Where PostgreSQL says "invalid input syntax for type json": only the input of a SUPER reads JSON
(translation/supers.py)."""

PERMISSION_DENIED_FOR_RELATION = "permission denied for relation {name}"
"""Redshift's words (SQLSTATE INSUFFICIENT_PRIVILEGE, r_GRANT-examples.html) where PostgreSQL says "permission
denied for table" (or view)."""

USER_OWNS_OBJECTS = 'user "{user}" can\'t be dropped because the user owns some object'
USER_HAS_PRIVILEGES = 'user "{user}" can\'t be dropped because the user has a privilege on some object'
"""r_DROP_USER.html's errors (SQLSTATE OBJECT_IN_USE) for a user that owns objects or holds privileges."""

USER_MISSING = 'user "{user}" does not exist'
GROUP_MISSING = 'group "{group}" does not exist'
ROLE_MISSING = 'role "{role}" does not exist'
"""DROP USER, DROP GROUP or DROP ROLE naming no user, group or role (SQLSTATE UNDEFINED_OBJECT)."""

GROUP_HAS_PRIVILEGES = 'group "{group}" can\'t be dropped because the group has a privilege on some object'
"""r_DROP_GROUP.html's error (SQLSTATE OBJECT_IN_USE here, as DROP USER's) for a group that holds privileges."""

ROLE_NAME_RESERVED = 'role name "{role}" is reserved: the sys: prefix names the system-defined roles'
"""r_roles-default.html: "You can't use the sys: prefix for a custom system-defined role" (SQLSTATE RESERVED_NAME)."""

ROLE_GRANTED_TO_A_USER = "cannot drop this role since it has been granted on a user"
ROLE_DEPENDS_ON_A_ROLE = "cannot drop this role since it depends on another role"
"""r_DROP_ROLE.html's errors (SQLSTATE DEPENDENT_OBJECTS here) for DROP ROLE without FORCE."""


class LoadErrorCode(enum.IntEnum):
    """STL_LOAD_ERRORS.err_code values, as the Amazon Redshift Database Developer Guide's "Load error reference"
    (https://docs.aws.amazon.com/redshift/latest/dg/r_Load_Error_Reference.html) describes each.

    One name for one code. Overflow of a numeric type is reported as INVALID_INPUT_LINE (1216), as the tests
    assert; the reference also lists 1222, "Integer value overflow error", which the local Redshift does not use.
    """

    EXTRA_COLUMNS = 1202  # input data had more columns than were defined in the DDL
    STRING_TOO_LONG = 1204  # input data exceeded the acceptable range for the data type
    INVALID_DATE = 1205  # date format is not valid
    INVALID_TIMESTAMP = 1206  # timestamp format is not valid
    INVALID_DIGIT = 1207  # data contained a value outside of the expected range of 0-9
    INVALID_BOOLEAN = 1210  # BOOLEAN data type format error
    MISSING_NOT_NULL = 1213  # a field specified as NOT NULL contained no data
    DELIMITER_NOT_FOUND = 1214  # delimiter not found (a text record with fewer fields than columns)
    INVALID_INPUT_LINE = 1216  # input line is not valid (also: a record that is not valid JSON, an overflow)
    INVALID_UTF8 = 1220  # string contains invalid or unsupported UTF-8 codepoints
    WRONG_ENCODING = 1221  # encoding of the file is not the same as that specified in the COPY command
    INVALID_SUPER = 1224  # input data is in a malformed JSON format or SUPER data type
    AWS_ERROR = 8001  # the reference: "COPY with MANIFEST parameter requires full path of an Amazon S3 object";
    # Redshift gives this code in the DETAIL of its errors about credentials, S3 objects and COPY parameters too


HLLSKETCH_BUILT_LOCALLY = (
    "The local Redshift cannot print an HLLSKETCH it built (HLL_CREATE_SKETCH, or a combination with one): a sketch's"
    " indices depend on Redshift's own hash function, which is not documented; HLL_CARDINALITY reads it"
)
"""A sketch the catalog built (catalog_sql/49_hllsketch.sql) reaching a client, or UNLOAD, as a value."""
HLLSKETCH_NOT_A_SKETCH = (
    'invalid input for type hllsketch: "{written}" is neither the JSON of a sparse sketch nor the Base64 of a dense one'
)
"""A COPY field in an HLLSKETCH column that is no sketch (copy/hllsketches.py); the catalog's own input function,
redshift_system.hllsketch_written, raises the same words for a string cast to HLLSKETCH."""

UNSTATED_NUMERIC_OVERFLOW = (
    "NUMERIC value {value} does not fit NUMERIC({precision},{scale}), the type the local Redshift gives a NUMERIC of"
    " unstated precision under the binary protocol; cast it to a NUMERIC(p,s) that holds it"
)


class RedshiftError(Exception):
    """A statement failed: the client gets an ErrorResponse with this SQLSTATE, message and detail."""

    def __init__(
        self, message: str, *, sqlstate: SqlState = SqlState.INTERNAL_ERROR, detail: str | None = None
    ) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate
        self.message = message
        self.detail = detail


class UnsupportedFeature(RedshiftError):
    """SQL that Amazon Redshift rejects (or the local Redshift cannot run); the message names the construct.

    E.g. 'INSERT ... ON CONFLICT is not supported by Amazon Redshift'.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message, sqlstate=SqlState.FEATURE_NOT_SUPPORTED)

    @classmethod
    def of(cls, construct: str, by: str = "Amazon Redshift", hint: str = "") -> UnsupportedFeature:
        """'<construct> is not supported by <by>[; <hint>]'; `by` is "the local Redshift" for what only we lack."""
        return cls(f"{construct} is not supported by {by}" + (f"; {hint}" if hint else ""))

    @classmethod
    def of_column(cls, table: str, column: str, type_name: str, construct: str, hint: str = "") -> UnsupportedFeature:
        """A table column of a type Amazon Redshift lacks: Redshift's words, then those of `of(construct)`."""
        sentence = UNSUPPORTED_COLUMN_TYPE.format(table=table, column=column, type=type_name)
        return cls(f"{sentence} {cls.of(construct, hint=hint)}")


class BackendError(RedshiftError):
    """An error the embedded PostgreSQL reported, with its ErrorResponse fields by their one-letter codes."""

    def __init__(self, fields: dict[str, str]) -> None:
        super().__init__(fields.get("M", "error"), sqlstate=fields.get("C", ""), detail=fields.get("D"))  # type: ignore[arg-type]
        self.fields = fields
        self.column_name = fields.get("c")
        self.context = fields.get("W")
