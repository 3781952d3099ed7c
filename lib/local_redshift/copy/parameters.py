"""Every COPY parameter the local Redshift reads: what it takes after it, and what it means.

KEYWORDS is the table the grammar (grammar.py) reads: for each keyword whether it takes an argument, an
optional one or nothing (an AS may come between a keyword and its argument), which bare words its optional
argument may be, whether it may follow FORMAT [AS], and how it sets the options. `build_options` applies a
statement's parameters in the order written, then checks what no single parameter can: the data format and
the one way of authorization.

The parameters are those of the Database Developer Guide's COPY pages: data sources, authorization, data
format, file compression, data conversion and data load operations.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from local_redshift.copy.errors import CopyError
from local_redshift.copy.options import AccessKeys, Authorization, CopyOptions, IamRole, JsonMapping
from local_redshift.copy.text_parameters import text_format
from local_redshift.errors import SqlState

MAX_MAXERROR = 100_000
"""Redshift's upper bound for MAXERROR; larger values are lowered to it."""

_CREDENTIALS_FORMAT = (
    "Invalid credentials. Must be of the format: credentials 'aws_iam_role=...' or "
    "'aws_access_key_id=...;aws_secret_access_key=...[;token=...]'"
)


class Takes(enum.Enum):
    """What a keyword takes after it."""

    NOTHING = "nothing"
    OPTIONAL = "an optional argument"  # a quoted string, or one of the keyword's words
    ARGUMENT = "an argument"  # a quoted string, a number, or a bare word that is no keyword


@dataclass(frozen=True)
class Parameter:
    """One parameter as written: its keyword (upper case), its argument (unquoted) if any."""

    keyword: str
    argument: str | None = None
    after_format: bool = False  # written as FORMAT [AS] keyword
    literal: str | None = None  # a quoted argument as written between its quotes (backslashes not yet read)


@dataclass
class _Settings:
    """What the parameters read so far have set."""

    values: dict[str, object] = field(default_factory=dict)  # CopyOptions fields by name
    credentials: dict[str, str] = field(default_factory=dict)
    json_option: str | None = None
    json_seen: bool = False
    other_format: str | None = None  # the first data format other than JSON
    incompatible: str | None = None  # the first parameter that has no meaning with JSON
    text: dict[str, str | None] = field(default_factory=dict)  # the text formats' parameters: keyword -> literal


Apply = Callable[[_Settings, Parameter], None]


@dataclass(frozen=True)
class Keyword:
    """The grammar and meaning of one COPY keyword."""

    takes: Takes
    apply: Apply
    words: frozenset[str] = frozenset()  # the bare words (upper case) an optional argument may be
    data_format: bool = False  # may follow FORMAT [AS]


def _set(name: str, value: object = True) -> Apply:
    def apply(settings: _Settings, _: Parameter) -> None:
        settings.values[name] = value

    return apply


def _argument(name: str) -> Apply:
    def apply(settings: _Settings, parameter: Parameter) -> None:
        settings.values[name] = parameter.argument

    return apply


def _count(name: str | None = None, limit: int | None = None) -> Apply:
    """A non-negative integer argument, set as `name` (at most `limit`), or only checked when `name` is None."""

    def apply(settings: _Settings, parameter: Parameter) -> None:
        text = parameter.argument or ""
        if not (text.isascii() and text.isdigit()):
            message = f"{parameter.keyword} argument must be a non-negative integer, not '{text}'"
            raise CopyError(message, sqlstate=SqlState.SYNTAX_ERROR)
        if name is not None:
            settings.values[name] = int(text) if limit is None else min(int(text), limit)

    return apply


def _unsupported(what: str) -> Apply:
    def apply(_: _Settings, __: Parameter) -> None:
        raise CopyError(f"The local Redshift does not support {what}", sqlstate=SqlState.FEATURE_NOT_SUPPORTED)

    return apply


def _ignored(_: _Settings, __: Parameter) -> None:
    """Read and accepted; nothing to do in the local Redshift (e.g. COMPUPDATE: no compression encodings)."""


def _credential(settings: _Settings, parameter: Parameter) -> None:
    name = parameter.keyword
    if name in settings.credentials:
        message = f"conflicting or redundant options: {name} is given twice"
        raise CopyError(message, sqlstate=SqlState.SYNTAX_ERROR)
    settings.credentials[name] = parameter.argument or ""


def _json(settings: _Settings, parameter: Parameter) -> None:
    settings.json_seen = True
    if parameter.argument is not None:
        settings.json_option = parameter.argument


def _other_format(settings: _Settings, parameter: Parameter) -> None:
    settings.other_format = settings.other_format or parameter.keyword


def _not_with_json(settings: _Settings, parameter: Parameter) -> None:
    """A parameter of the text formats (CSV, delimited, fixed-width), which has no meaning with JSON."""
    settings.incompatible = settings.incompatible or parameter.keyword
    if parameter.keyword in settings.text:
        message = f"conflicting or redundant options: {parameter.keyword} is given twice"
        raise CopyError(message, sqlstate=SqlState.SYNTAX_ERROR)
    settings.text[parameter.keyword] = parameter.literal if parameter.literal is not None else parameter.argument


def _replacement_char(settings: _Settings, parameter: Parameter) -> None:
    char = "?" if parameter.argument is None else parameter.argument
    if len(char) != 1 or not char.isascii() or char == "\0":
        message = f"ACCEPTINVCHARS replacement must be one ASCII character other than NUL, not '{char}'"
        raise CopyError(message, sqlstate=SqlState.SYNTAX_ERROR)
    settings.values["accept_invalid_chars"] = char


def _encoding(settings: _Settings, parameter: Parameter) -> None:
    encoding = (parameter.argument or "").upper().replace("-", "")
    if encoding not in ("UTF8", "UTF16", "UTF16LE", "UTF16BE"):
        message = f"Invalid ENCODING '{parameter.argument}': use UTF8, UTF16, UTF16LE or UTF16BE"
        raise CopyError(message, sqlstate=SqlState.SYNTAX_ERROR)
    settings.values["encoding"] = encoding.lower()


_NOTHING, _OPTIONAL, _ARGUMENT = Takes.NOTHING, Takes.OPTIONAL, Takes.ARGUMENT
_SWITCH = frozenset({"ON", "TRUE", "OFF", "FALSE"})

KEYWORDS: dict[str, Keyword] = {
    # Authorization: IAM_ROLE {default | 'arn'}, [WITH] CREDENTIALS [AS] '...', or the access keys.
    "IAM_ROLE": Keyword(_ARGUMENT, _credential),
    "CREDENTIALS": Keyword(_ARGUMENT, _credential),
    "WITH": Keyword(_NOTHING, _ignored),
    "ACCESS_KEY_ID": Keyword(_ARGUMENT, _credential),
    "SECRET_ACCESS_KEY": Keyword(_ARGUMENT, _credential),
    "SESSION_TOKEN": Keyword(_ARGUMENT, _credential),
    # Data source.
    "REGION": Keyword(_ARGUMENT, _argument("region")),
    "MANIFEST": Keyword(_NOTHING, _set("manifest")),
    "ENCRYPTED": Keyword(_NOTHING, _unsupported("client-side encrypted files (ENCRYPTED)")),
    "MASTER_SYMMETRIC_KEY": Keyword(_ARGUMENT, _unsupported("client-side encrypted files (MASTER_SYMMETRIC_KEY)")),
    "SSH": Keyword(_NOTHING, _unsupported("COPY from remote hosts (SSH)")),
    # Data format: [FORMAT [AS]] one of these, and the parameters of the text formats.
    "JSON": Keyword(_OPTIONAL, _json, words=frozenset({"AUTO", "NOSHRED"}), data_format=True),
    "AVRO": Keyword(_OPTIONAL, _other_format, words=frozenset({"AUTO"}), data_format=True),
    "PARQUET": Keyword(_NOTHING, _set("parquet"), data_format=True),
    "SERIALIZETOJSON": Keyword(_NOTHING, _set("serialize_to_json")),
    "ORC": Keyword(_NOTHING, _other_format, data_format=True),
    "SHAPEFILE": Keyword(_NOTHING, _other_format, data_format=True),
    "CSV": Keyword(_NOTHING, _not_with_json, data_format=True),
    "DELIMITER": Keyword(_ARGUMENT, _not_with_json, data_format=True),
    "FIXEDWIDTH": Keyword(_ARGUMENT, _not_with_json, data_format=True),
    "QUOTE": Keyword(_ARGUMENT, _not_with_json),
    "NULL": Keyword(_ARGUMENT, _not_with_json),
    "ESCAPE": Keyword(_NOTHING, _not_with_json),
    "FILLRECORD": Keyword(_NOTHING, _not_with_json),
    "IGNOREBLANKLINES": Keyword(_NOTHING, _not_with_json),
    "REMOVEQUOTES": Keyword(_NOTHING, _not_with_json),
    "READRATIO": Keyword(_ARGUMENT, _not_with_json),
    # File compression.
    "GZIP": Keyword(_NOTHING, _set("compression", "gzip")),
    "BZIP2": Keyword(_NOTHING, _set("compression", "bzip2")),
    "LZOP": Keyword(_NOTHING, _unsupported("LZOP compressed files")),
    "ZSTD": Keyword(_NOTHING, _set("compression", "zstd")),
    # Data conversion.
    "ACCEPTANYDATE": Keyword(_NOTHING, _set("accept_any_date")),
    "ACCEPTINVCHARS": Keyword(_OPTIONAL, _replacement_char),
    "BLANKSASNULL": Keyword(_NOTHING, _set("blanks_as_null")),
    "DATEFORMAT": Keyword(_ARGUMENT, _argument("dateformat")),
    "EMPTYASNULL": Keyword(_NOTHING, _set("empty_as_null")),
    "ENCODING": Keyword(_ARGUMENT, _encoding),
    "EXPLICIT_IDS": Keyword(_NOTHING, _set("explicit_ids")),
    "IGNOREHEADER": Keyword(_ARGUMENT, _count("ignore_header")),
    "ROUNDEC": Keyword(_NOTHING, _set("round_decimals")),
    "TIMEFORMAT": Keyword(_ARGUMENT, _argument("timeformat")),
    "TRIMBLANKS": Keyword(_NOTHING, _set("trim_blanks")),
    "TRUNCATECOLUMNS": Keyword(_NOTHING, _set("truncate_columns")),
    # Data load operations.
    "COMPROWS": Keyword(_ARGUMENT, _count()),
    "COMPUPDATE": Keyword(_OPTIONAL, _ignored, words=_SWITCH | {"PRESET"}),
    "MAXERROR": Keyword(_ARGUMENT, _count("max_errors", MAX_MAXERROR)),
    "NOLOAD": Keyword(_NOTHING, _set("no_load")),
    "STATUPDATE": Keyword(_OPTIONAL, _ignored, words=_SWITCH),
}
"""Every keyword a COPY parameter may start with (FORMAT aside, which only introduces a data format)."""


def build_options(
    parameters: Iterable[Parameter], *, schema: str | None, table: str, columns: tuple[str, ...] | None, source_url: str
) -> CopyOptions:
    """The options the parameters ask for, applied in the order written and checked."""
    settings = _Settings()
    parameters = list(parameters)
    for parameter in parameters:
        KEYWORDS[parameter.keyword].apply(settings, parameter)
    _check_columnar(parameters)
    _check_format(settings)
    return CopyOptions(
        schema=schema,
        table=table,
        columns=columns,
        source_url=source_url,
        authorization=_authorization(settings.credentials),
        json=_json_mapping(settings.json_option),
        text=None if settings.json_seen or "parquet" in settings.values else text_format(settings.text),
        **settings.values,  # type: ignore[arg-type]
    )


_COLUMNAR_PARAMETERS = frozenset(
    {"PARQUET", "ACCEPTINVCHARS", "FILLRECORD", "IAM_ROLE", "CREDENTIALS", "WITH", "ACCESS_KEY_ID"}
    | {"SECRET_ACCESS_KEY", "SESSION_TOKEN", "STATUPDATE", "MANIFEST", "EXPLICIT_IDS", "SERIALIZETOJSON"}
)
"""The only parameters COPY takes with FORMAT AS PARQUET ("COPY from columnar data formats"; SERIALIZETOJSON:
"Using COPY to load data into SUPER columns")."""


def _check_columnar(parameters: list[Parameter]) -> None:
    if any(parameter.keyword == "PARQUET" for parameter in parameters):
        for parameter in parameters:
            if parameter.keyword not in _COLUMNAR_PARAMETERS:
                message = f"{parameter.keyword} is not supported with FORMAT AS PARQUET"
                raise CopyError(message, sqlstate=SqlState.SYNTAX_ERROR)
    elif any(parameter.keyword == "SERIALIZETOJSON" for parameter in parameters):
        raise CopyError("SERIALIZETOJSON is supported only with FORMAT AS PARQUET", sqlstate=SqlState.SYNTAX_ERROR)


def _check_format(settings: _Settings) -> None:
    if not settings.json_seen and settings.other_format:
        raise CopyError(
            f"The local Redshift loads JSON, CSV, delimited and fixed-width text; {settings.other_format} is not"
            " supported",
            sqlstate=SqlState.FEATURE_NOT_SUPPORTED,
        )
    conflicting = settings.incompatible or settings.other_format
    if settings.json_seen and conflicting:
        raise CopyError(f"{conflicting} is not supported with FORMAT AS JSON", sqlstate=SqlState.SYNTAX_ERROR)


def _authorization(given: dict[str, str]) -> Authorization:
    """The one way of authorization the statement gives (IAM_ROLE, CREDENTIALS, or access keys)."""
    if "IAM_ROLE" in given and len(given) > 1:
        raise CopyError(
            "IAM_ROLE cannot be combined with CREDENTIALS, ACCESS_KEY_ID, SECRET_ACCESS_KEY or SESSION_TOKEN",
            sqlstate=SqlState.SYNTAX_ERROR,
        )
    if "IAM_ROLE" in given:
        role = given["IAM_ROLE"]
        return IamRole(None if role.lower() == "default" else role)
    if "CREDENTIALS" in given:
        if len(given) > 1:
            raise CopyError(
                "CREDENTIALS cannot be combined with ACCESS_KEY_ID, SECRET_ACCESS_KEY or SESSION_TOKEN",
                sqlstate=SqlState.SYNTAX_ERROR,
            )
        return _credentials_string(given["CREDENTIALS"])
    if "ACCESS_KEY_ID" in given and "SECRET_ACCESS_KEY" in given:
        return AccessKeys(given["ACCESS_KEY_ID"], given["SECRET_ACCESS_KEY"], given.get("SESSION_TOKEN"))
    raise CopyError(_CREDENTIALS_FORMAT)


def _credentials_string(text: str) -> Authorization:
    """`aws_iam_role=arn` or `aws_access_key_id=..;aws_secret_access_key=..[;token=..]`."""
    pairs: dict[str, str] = {}
    for part in filter(None, (piece.strip() for piece in text.split(";"))):
        key, separator, value = part.partition("=")
        if not separator or not value.strip():
            raise CopyError(_CREDENTIALS_FORMAT)
        pairs[key.strip().lower()] = value.strip()
    if set(pairs) == {"aws_iam_role"}:
        return IamRole(pairs["aws_iam_role"])
    if (
        {"aws_access_key_id", "aws_secret_access_key"}
        <= set(pairs)
        <= {
            "aws_access_key_id",
            "aws_secret_access_key",
            "token",
        }
    ):
        return AccessKeys(pairs["aws_access_key_id"], pairs["aws_secret_access_key"], pairs.get("token"))
    raise CopyError(_CREDENTIALS_FORMAT)


def _json_mapping(option: str | None) -> JsonMapping:
    option = option or "auto"
    lowered = option.lower()
    if lowered == "auto":
        return JsonMapping()
    if lowered == "auto ignorecase":
        return JsonMapping(ignore_case=True)
    if option.startswith("s3://"):
        return JsonMapping(jsonpaths_url=option)
    if lowered == "noshred":
        return JsonMapping(noshred=True)
    raise CopyError(
        f"Invalid JSON option '{option}': use 'auto', 'auto ignorecase', 'noshred' or 's3://jsonpaths_file'",
        sqlstate=SqlState.SYNTAX_ERROR,
    )
