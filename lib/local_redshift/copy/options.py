"""The parameters of a `COPY ... FROM 's3://...'` statement, read from sqlglot's AST.

sqlglot (read="redshift") keeps the target, the column list, the FROM path and the credentials it knows
as structured nodes, but it reads the remaining parameters greedily as `name value` pairs: a flag can
swallow the next keyword as its "value" and a quoted argument can end up as a bare name. So the
parameters are flattened back into the word sequence the client wrote and parsed here with
Redshift's own grammar: which keywords take an argument, which take an optional one, which none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlglot import exp

from local_redshift.copy.errors import FEATURE_NOT_SUPPORTED, SYNTAX_ERROR, CopyError

MAX_MAXERROR = 100_000
"""Redshift's upper bound for MAXERROR; larger values are lowered to it."""

_JSON_INCOMPATIBLE = {
    "CSV",
    "DELIMITER",
    "ESCAPE",
    "FILLRECORD",
    "FIXEDWIDTH",
    "IGNOREBLANKLINES",
    "NULL",
    "QUOTE",
    "READRATIO",
    "REMOVEQUOTES",
}
_OTHER_FORMATS = {"AVRO", "PARQUET", "ORC", "SHAPEFILE"}
_UNSUPPORTED = {
    "ENCRYPTED": "client-side encrypted files (ENCRYPTED)",
    "MASTER_SYMMETRIC_KEY": "client-side encrypted files (MASTER_SYMMETRIC_KEY)",
    "LZOP": "LZOP compressed files",
    "ZSTD": "ZSTD compressed files",
    "SSH": "COPY from remote hosts (SSH)",
}
_SWITCH_VALUES = {"ON", "OFF", "TRUE", "FALSE"}
_REGION_NAME = re.compile(r"[a-z]{2}(?:-[a-z]+)+-\d")
_CREDENTIALS_FORMAT = (
    "Invalid credentials. Must be of the format: credentials 'aws_iam_role=...' or "
    "'aws_access_key_id=...;aws_secret_access_key=...[;token=...]'"
)


@dataclass(frozen=True)
class IamRole:
    """Role-based access: the cluster assumes `arn` (None: the cluster's default role)."""

    arn: str | None


@dataclass(frozen=True)
class AccessKeys:
    """Key-based access: the user's own access key (and session token for temporary keys)."""

    access_key_id: str
    secret_access_key: str
    session_token: str | None = None


Authorization = IamRole | AccessKeys


@dataclass(frozen=True)
class JsonMapping:
    """How JSON fields map to columns: by name ('auto', optionally ignoring case) or by a JSONPaths file."""

    ignore_case: bool = False
    jsonpaths_url: str | None = None


@dataclass(frozen=True)
class CopyOptions:
    """Everything the statement asks for, validated."""

    schema: str | None
    table: str
    columns: tuple[str, ...] | None
    source_url: str
    authorization: Authorization
    json: JsonMapping
    region: str | None = None
    manifest: bool = False
    compression: str | None = None
    timeformat: str | None = None
    dateformat: str | None = None
    empty_as_null: bool = False
    blanks_as_null: bool = False
    truncate_columns: bool = False
    trim_blanks: bool = False
    round_decimals: bool = False
    explicit_ids: bool = False
    accept_any_date: bool = False
    accept_invalid_chars: str | None = None
    max_errors: int = 0
    ignore_header: int = 0
    no_load: bool = False


@dataclass(frozen=True)
class _Word:
    text: str
    quoted: bool
    after_as: bool = False

    @property
    def keyword(self) -> str:
        return self.text.upper()


def parse_copy(statement: exp.Copy) -> CopyOptions:
    """Read and validate the parameters of a COPY from S3."""
    if not statement.args.get("kind"):
        raise CopyError("COPY TO is not supported; use UNLOAD", sqlstate=FEATURE_NOT_SUPPORTED)
    schema, table, columns = _target(statement.this)
    source_url = _source(statement.args.get("files") or [])
    parser = _ParameterParser(_words(statement))
    settings = parser.parse()
    return CopyOptions(
        schema=schema,
        table=table,
        columns=columns,
        source_url=source_url,
        authorization=parser.authorization(),
        json=parser.json_mapping(),
        **settings,
    )


def _identifier(node: exp.Expression | None) -> str | None:
    """An identifier as Redshift stores it: folded to lower case."""
    return node.name.lower() if node is not None and node.name else None


def _target(node: exp.Expression) -> tuple[str | None, str, tuple[str, ...] | None]:
    columns: tuple[str, ...] | None = None
    if isinstance(node, exp.Schema):
        columns = tuple(_identifier(column) or "" for column in node.expressions)
        node = node.this
    if not isinstance(node, exp.Table) or not node.name:
        raise CopyError("COPY needs a target table", sqlstate=SYNTAX_ERROR)
    return _identifier(node.args.get("db")), node.name.lower(), columns


def _source(files: list[exp.Expression]) -> str:
    if len(files) != 1 or not isinstance(files[0], exp.Literal) or not files[0].is_string:
        raise CopyError("COPY needs exactly one quoted source, e.g. FROM 's3://bucket/prefix'", sqlstate=SYNTAX_ERROR)
    url = files[0].this
    if not url.startswith("s3://"):
        raise CopyError(
            f"The local Redshift loads only from Amazon S3 ('s3://...'), not from '{url}'",
            sqlstate=FEATURE_NOT_SUPPORTED,
        )
    return url


def _words(statement: exp.Copy) -> list[_Word]:
    """The parameters as the client wrote them: credentials clause first, then the rest, AS dropped."""
    words: list[_Word] = []
    credentials = statement.args.get("credentials")
    if credentials is not None:
        for name in ("credentials", "iam_role", "region"):
            value = credentials.args.get(name)
            if value is not None:
                words.append(_Word(name.upper(), quoted=False))
                words.extend(_flatten(value))
    for parameter in statement.args.get("params") or []:
        for part in (parameter.this, parameter.args.get("expression"), *(parameter.args.get("expressions") or [])):
            if part is not None:
                words.extend(_flatten(part))
    kept: list[_Word] = []
    for previous, word in zip([None, *words], words, strict=False):
        if word.quoted or word.keyword != "AS":
            follows_as = previous is not None and not previous.quoted and previous.keyword == "AS"
            kept.append(_Word(word.text, word.quoted, after_as=follows_as))
    return kept


def _credentials_keyword(value: str) -> str | None:
    """The keyword a value of the credentials clause belongs to.

    sqlglot drops IAM_ROLE, CREDENTIALS or REGION when `AS` follows it, leaving `AS 'value'`; the value
    itself tells which one it was.
    """
    if value.startswith("arn:aws") and ":iam::" in value:
        return "IAM_ROLE"
    if value.lower().startswith(("aws_iam_role=", "aws_access_key_id=")):
        return "CREDENTIALS"
    if _REGION_NAME.fullmatch(value):
        return "REGION"
    return None


def _flatten(node: exp.Expression) -> list[_Word]:
    if isinstance(node, exp.Literal):
        return [_Word(str(node.this), quoted=node.is_string)]
    if isinstance(node, exp.Boolean):
        return [_Word("TRUE" if node.this else "FALSE", quoted=False)]
    if isinstance(node, exp.Null):
        return [_Word("NULL", quoted=False)]
    if isinstance(node, exp.Var) and node.name.upper().startswith("FORMAT AS "):
        return [_Word("FORMAT", quoted=False), _Word(node.name.split()[-1], quoted=False)]
    if isinstance(node, exp.Identifier):
        return [_Word(node.name, quoted=node.quoted)]
    if isinstance(node, exp.Var):
        return [_Word(node.name, quoted=False)]
    return [_Word(node.sql(dialect="redshift"), quoted=False)]


@dataclass
class _ParameterParser:
    words: list[_Word]
    position: int = 0
    settings: dict[str, object] = field(default_factory=dict)
    credentials: dict[str, str] = field(default_factory=dict)
    json_option: str | None = None
    json_seen: bool = False
    other_format: str | None = None
    incompatible: str | None = None

    def parse(self) -> dict[str, object]:
        handlers: dict[str, Callable[[str], object]] = {
            "IAM_ROLE": self._credential,
            "CREDENTIALS": self._credential,
            "WITH": lambda _: None,
            "ACCESS_KEY_ID": self._credential,
            "SECRET_ACCESS_KEY": self._credential,
            "SESSION_TOKEN": self._credential,
            "REGION": lambda _: self._set("region", self._argument("REGION")),
            "FORMAT": self._format,
            "JSON": lambda _: self._json(),
            "MANIFEST": lambda _: self._set("manifest", True),
            "GZIP": lambda _: self._set("compression", "gzip"),
            "BZIP2": lambda _: self._set("compression", "bzip2"),
            "TIMEFORMAT": lambda _: self._set("timeformat", self._argument("TIMEFORMAT")),
            "DATEFORMAT": lambda _: self._set("dateformat", self._argument("DATEFORMAT")),
            "EMPTYASNULL": lambda _: self._set("empty_as_null", True),
            "BLANKSASNULL": lambda _: self._set("blanks_as_null", True),
            "TRUNCATECOLUMNS": lambda _: self._set("truncate_columns", True),
            "TRIMBLANKS": lambda _: self._set("trim_blanks", True),
            "ROUNDEC": lambda _: self._set("round_decimals", True),
            "EXPLICIT_IDS": lambda _: self._set("explicit_ids", True),
            "ACCEPTANYDATE": lambda _: self._set("accept_any_date", True),
            "NOLOAD": lambda _: self._set("no_load", True),
            "ACCEPTINVCHARS": lambda _: self._set("accept_invalid_chars", self._replacement_char()),
            "MAXERROR": lambda _: self._set("max_errors", min(self._count("MAXERROR"), MAX_MAXERROR)),
            "IGNOREHEADER": lambda _: self._set("ignore_header", self._count("IGNOREHEADER")),
            "COMPROWS": self._count,
            "COMPUPDATE": lambda _: self._switch(_SWITCH_VALUES | {"PRESET"}),
            "STATUPDATE": lambda _: self._switch(_SWITCH_VALUES),
            "ENCODING": lambda _: self._encoding(),
        }
        while self.position < len(self.words):
            word = self._next()
            name = word.keyword
            if word.quoted:
                name = _credentials_keyword(word.text) if word.after_as else None
                if name is None:
                    raise CopyError(f"syntax error at or near \"'{word.text}'\"", sqlstate=SYNTAX_ERROR)
                self.position -= 1
            if name in _UNSUPPORTED:
                raise CopyError(
                    f"The local Redshift does not support {_UNSUPPORTED[name]}", sqlstate=FEATURE_NOT_SUPPORTED
                )
            if name in _JSON_INCOMPATIBLE:
                self.incompatible = self.incompatible or name
                self._skip_argument()
                continue
            handler = handlers.get(name)
            if handler is None:
                raise CopyError(f'syntax error at or near "{word.text}"', sqlstate=SYNTAX_ERROR)
            handler(name)
        self._check_format()
        return self.settings

    def authorization(self) -> Authorization:
        """The one way of authorization the statement gives (IAM_ROLE, CREDENTIALS, or access keys)."""
        given = self.credentials
        if "IAM_ROLE" in given and len(given) > 1:
            raise CopyError(
                "IAM_ROLE cannot be combined with CREDENTIALS, ACCESS_KEY_ID, SECRET_ACCESS_KEY or SESSION_TOKEN",
                sqlstate=SYNTAX_ERROR,
            )
        if "IAM_ROLE" in given:
            role = given["IAM_ROLE"]
            return IamRole(None if role.lower() == "default" else role)
        if "CREDENTIALS" in given:
            if len(given) > 1:
                raise CopyError(
                    "CREDENTIALS cannot be combined with ACCESS_KEY_ID, SECRET_ACCESS_KEY or SESSION_TOKEN",
                    sqlstate=SYNTAX_ERROR,
                )
            return _parse_credentials_string(given["CREDENTIALS"])
        if "ACCESS_KEY_ID" in given and "SECRET_ACCESS_KEY" in given:
            return AccessKeys(given["ACCESS_KEY_ID"], given["SECRET_ACCESS_KEY"], given.get("SESSION_TOKEN"))
        raise CopyError(_CREDENTIALS_FORMAT)

    def json_mapping(self) -> JsonMapping:
        option = self.json_option or "auto"
        lowered = option.lower()
        if lowered == "auto":
            return JsonMapping()
        if lowered == "auto ignorecase":
            return JsonMapping(ignore_case=True)
        if option.startswith("s3://"):
            return JsonMapping(jsonpaths_url=option)
        if lowered == "noshred":
            raise CopyError("JSON 'noshred' (loading into SUPER) is not supported", sqlstate=FEATURE_NOT_SUPPORTED)
        raise CopyError(
            f"Invalid JSON option '{option}': use 'auto', 'auto ignorecase' or 's3://jsonpaths_file'",
            sqlstate=SYNTAX_ERROR,
        )

    def _check_format(self) -> None:
        if not self.json_seen:
            written = self.other_format or self.incompatible or "delimited text"
            raise CopyError(
                f"The local Redshift loads JSON only (FORMAT AS JSON); {written} is not supported",
                sqlstate=FEATURE_NOT_SUPPORTED,
            )
        if self.incompatible:
            raise CopyError(f"{self.incompatible} is not supported with FORMAT AS JSON", sqlstate=SYNTAX_ERROR)

    def _next(self) -> _Word:
        word = self.words[self.position]
        self.position += 1
        return word

    def _peek(self) -> _Word | None:
        return self.words[self.position] if self.position < len(self.words) else None

    def _set(self, name: str, value: object) -> None:
        self.settings[name] = value

    def _argument(self, name: str) -> str:
        if self._peek() is None:
            raise CopyError(f"syntax error at end of input: {name} needs an argument", sqlstate=SYNTAX_ERROR)
        return self._next().text

    def _skip_argument(self) -> None:
        following = self._peek()
        if following is not None and following.quoted:
            self.position += 1

    def _count(self, name: str) -> int:
        text = self._argument(name)
        if not text.isdigit():
            raise CopyError(f"{name} argument must be a non-negative integer, not '{text}'", sqlstate=SYNTAX_ERROR)
        return int(text)

    def _credential(self, name: str) -> None:
        if name in self.credentials:
            raise CopyError(f"conflicting or redundant options: {name} is given twice", sqlstate=SYNTAX_ERROR)
        self.credentials[name] = self._argument(name)

    def _switch(self, values: set[str]) -> None:
        following = self._peek()
        if following is not None and not following.quoted and following.keyword in values:
            self.position += 1

    def _format(self, _: str) -> None:
        kind = self._argument("FORMAT").upper()
        if kind == "JSON":
            self._json()
        elif kind in _OTHER_FORMATS or kind in _JSON_INCOMPATIBLE:
            self.other_format = self.other_format or kind
            self._skip_argument()
        else:
            raise CopyError(f'syntax error at or near "{kind}"', sqlstate=SYNTAX_ERROR)

    def _json(self) -> None:
        self.json_seen = True
        following = self._peek()
        if following is None:
            return
        text = following.text
        if following.quoted or text.lower() in ("auto", "auto ignorecase", "noshred") or text.startswith("s3://"):
            self.json_option = text
            self.position += 1

    def _replacement_char(self) -> str:
        following = self._peek()
        if following is None or not (following.quoted or (len(following.text) == 1 and not following.text.isalnum())):
            return "?"
        self.position += 1
        char = following.text
        if len(char) != 1 or not char.isascii() or char == "\0":
            raise CopyError(
                f"ACCEPTINVCHARS replacement must be one ASCII character other than NUL, not '{char}'",
                sqlstate=SYNTAX_ERROR,
            )
        return char

    def _encoding(self) -> None:
        encoding = self._argument("ENCODING").upper().replace("-", "")
        if encoding != "UTF8":
            raise CopyError(
                f"ENCODING {encoding} is not supported: the local Redshift reads UTF8 only",
                sqlstate=FEATURE_NOT_SUPPORTED,
            )


def _parse_credentials_string(text: str) -> Authorization:
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
