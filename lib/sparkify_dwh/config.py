"""The project's settings: `dwh.cfg`, an optional ignored `dwh.local.cfg`, then environment variables.

Every value can be overridden by an environment variable named `SPARKIFY_<KEY>` when the key already starts with
its section's name (`DWH_DB_PASSWORD` -> `SPARKIFY_DWH_DB_PASSWORD`), else `SPARKIFY_<SECTION>_<KEY>`
(`[S3] LOG_DATA` -> `SPARKIFY_S3_LOG_DATA`, `[SPARKIFY] MODE` -> `SPARKIFY_MODE`).
"""

from __future__ import annotations

import configparser
import functools
import logging
import os
import re
import secrets
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import botocore.session

log = logging.getLogger(__name__)

CONFIG_NAME = "dwh.cfg"
OVERRIDE_NAME = "dwh.local.cfg"
MODES = ("local", "aws")
RETIRED_NODE_FAMILIES = ("dc1", "dc2", "ds1", "ds2")
NODE_TYPES = ("ra3.large", "ra3.xlplus", "ra3.4xlarge", "ra3.16xlarge")
CLUSTER_TYPES = ("single-node", "multi-node")
DEPLOYMENTS = ("provisioned", "serverless")  # a provisioned cluster, or a Redshift Serverless workgroup
SERVERLESS_NAME = re.compile(r"[a-z0-9-]{3,64}")  # namespace and workgroup names, as the service model says
INI = "an INI file of [SECTION] headers and KEY = value lines"
SETTINGS: dict[str, tuple[str, ...]] = {
    "SPARKIFY": ("MODE", "IMAGES_DIR"),
    "AWS": ("REGION", "KEY", "SECRET"),
    "DWH": (
        "DWH_CLUSTER_TYPE",
        "DWH_NUM_NODES",
        "DWH_NODE_TYPE",
        "DWH_IAM_ROLE_NAME",
        "DWH_CLUSTER_IDENTIFIER",
        "DWH_DB",
        "DWH_DB_USER",
        "DWH_DB_PASSWORD",
        "DWH_PORT",
        "DWH_DEPLOYMENT",
        "DWH_NAMESPACE",
        "DWH_WORKGROUP",
        "DWH_BASE_CAPACITY",
    ),
    "S3": ("LOG_DATA", "LOG_JSONPATH", "SONG_DATA", "REGION"),
    "LOCAL": ("AWS_PORT", "POSTGRES_PORT", "STATE_DIR"),
}
"""Every section and key the files may hold; anything else is a typo, refused by name."""


class ConfigError(ValueError):
    """The configuration is missing something or holds a value that cannot be used."""


class Secret:
    """A value that never shows itself in a repr, a log line or a notebook output."""

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The real value, to hand to a client library; never print it."""
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __repr__(self) -> str:
        return "Secret('****')" if self._value else "Secret('')"

    __str__ = __repr__


@dataclass(frozen=True)
class AwsSettings:
    """Where and as whom to reach AWS. Credentials are empty unless a user filled them in."""

    region: str
    key: Secret
    secret: Secret


@dataclass(frozen=True)
class ClusterSettings:
    """The warehouse, as the seed's `[DWH]` section describes it: a provisioned cluster, or a serverless namespace
    and workgroup (with the same database, admin user, password, role and port)."""

    cluster_type: str
    num_nodes: int
    node_type: str
    iam_role_name: str
    identifier: str
    db: str
    db_user: str
    db_password: Secret
    port: int
    deployment: str  # DEPLOYMENTS: the settings above are the cluster's, those below the workgroup's
    namespace: str
    workgroup: str
    base_capacity: int  # RPUs

    @property
    def is_serverless(self) -> bool:
        """True when the warehouse is a Redshift Serverless workgroup rather than a provisioned cluster."""
        return self.deployment == "serverless"


@dataclass(frozen=True)
class S3Settings:
    """Where the raw data lives."""

    log_data: str
    log_jsonpath: str
    song_data: str
    region: str


@dataclass(frozen=True)
class LocalSettings:
    """The local stand-in: ports on 127.0.0.1 and the ignored folder that keeps its state."""

    aws_port: int
    postgres_port: int
    state_dir: Path


@dataclass(frozen=True)
class Config:
    """Everything the tutorial needs to know, validated."""

    mode: str
    aws: AwsSettings
    dwh: ClusterSettings
    s3: S3Settings
    local: LocalSettings
    source: Path
    images_dir: Path  # where charts and the schema diagram are saved

    @property
    def is_local(self) -> bool:
        return self.mode == "local"


def find_config(start: Path | None = None) -> Path:
    """`dwh.cfg` in `start` or the nearest folder above it (notebooks run from `notebooks/`)."""
    if env_path := os.environ.get("SPARKIFY_CONFIG"):
        return Path(env_path)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder / CONFIG_NAME
    raise ConfigError(f"no {CONFIG_NAME} found in {here} or any folder above it; run from the project's folder")


def env_name(section: str, key: str) -> str:
    """The environment variable that overrides `[section] key`."""
    section, key = section.upper(), key.upper()
    return f"SPARKIFY_{key}" if section == "SPARKIFY" or key.startswith(section) else f"SPARKIFY_{section}_{key}"


@functools.cache
def _known_regions() -> frozenset[str]:
    """The regions botocore knows, in every partition (offline: from its own endpoint data)."""
    session = botocore.session.get_session()
    return frozenset(
        region
        for partition in session.get_available_partitions()
        for region in session.get_available_regions("redshift", partition_name=partition)
    )


def _parse_file(path: Path) -> configparser.ConfigParser:
    """One INI file, parsed and checked: a ConfigError names the file, the line and what is expected."""
    parser = configparser.ConfigParser(interpolation=None, inline_comment_prefixes=(";", "#"))
    parser.optionxform = str.upper  # type: ignore[assignment,method-assign]
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the file ({error.strerror}); expected {INI}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        raise ConfigError(f"{path}: line {line}: byte 0x{byte:02x} is not UTF-8 text; save the file as UTF-8") from None
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error as error:
        raise ConfigError(f"{path}: {_syntax_problem(error, text.splitlines())}") from None
    _refuse_unknown(parser, path)
    return parser


def _syntax_problem(error: configparser.Error, lines: list[str]) -> str:
    """What is wrong with a file configparser refused, from its line on."""
    if isinstance(error, configparser.DuplicateOptionError):
        return f"line {error.lineno}: [{error.section}] {error.option} is set twice; keep one"
    if isinstance(error, configparser.DuplicateSectionError):
        return f"line {error.lineno}: section [{error.section}] appears twice; keep one"
    if isinstance(error, configparser.MissingSectionHeaderError):
        return f"line {error.lineno}: {error.line.strip()!r} comes before any [SECTION]; expected {INI}"
    if isinstance(error, configparser.ParsingError):
        line_number = error.errors[0][0]
        return f"line {line_number}: {lines[line_number - 1].strip()!r} is not KEY = value; expected {INI}"
    return f"{error.message}; expected {INI}"


def _refuse_unknown(parser: configparser.ConfigParser, path: Path) -> None:
    """A section or key that is not a setting (a typo) is refused by name, with the ones that exist."""
    for key in parser.defaults():
        raise ConfigError(f"{path}: [DEFAULT] {key} is not a setting; put settings in {', '.join(SETTINGS)}")
    for section in parser.sections():
        if section not in SETTINGS:
            raise ConfigError(f"{path}: section [{section}] is unknown; expected one of: {', '.join(SETTINGS)}")
        for key in parser.options(section):
            if key not in SETTINGS[section]:
                raise ConfigError(
                    f"{path}: [{section}] {key} is not a setting; expected one of: {', '.join(SETTINGS[section])}"
                )


class _Reader:
    """Reads typed values from the files (the later file wins) and the environment (which wins over both), and
    names where a bad value came from: the file and key, or the environment variable."""

    def __init__(self, files: list[tuple[Path, configparser.ConfigParser]], environ: Mapping[str, str]) -> None:
        self.files, self.environ = files, environ
        self.source = files[0][0]

    def origin(self, section: str, key: str) -> str:
        """Where `[section] key` is set: `SPARKIFY_... (environment)` or `<file>: [section] key`."""
        name = env_name(section, key)
        if name in self.environ:
            return f"environment variable {name}"
        for path, parser in reversed(self.files):
            if parser.has_option(section, key):
                return f"{path}: [{section}] {key}"
        return f"{self.source}: [{section}] {key}"

    def text(self, section: str, key: str, *, allow_empty: bool = False) -> str:
        name = env_name(section, key)
        if name in self.environ:
            value = self.environ[name].strip()
        else:
            found = [parser.get(section, key) for _, parser in self.files if parser.has_option(section, key)]
            if not found:
                if not any(parser.has_section(section) for _, parser in self.files):
                    raise ConfigError(f"{self.source}: section [{section}] is missing")
                raise ConfigError(f"{self.source}: [{section}] {key} is missing")
            value = found[-1].strip()
        if not value and not allow_empty:
            hint = "" if name in self.environ else f" (or set {name})"
            raise ConfigError(f"{self.origin(section, key)} is empty; expected a value{hint}")
        return value

    def number(self, section: str, key: str, low: int, high: int) -> int:
        raw = self.text(section, key)
        if not re.fullmatch(r"\d+", raw) or not low <= int(raw) <= high:
            raise ConfigError(f"{self.origin(section, key)} = {raw!r} must be a whole number from {low} to {high}")
        return int(raw)

    def choice(self, section: str, key: str, choices: tuple[str, ...]) -> str:
        raw = self.text(section, key).lower()
        if raw not in choices:
            raise ConfigError(f"{self.origin(section, key)} = {raw!r} must be one of: {', '.join(choices)}")
        return raw

    def s3_uri(self, section: str, key: str, *, names_object: bool = False) -> str:
        raw = self.text(section, key)
        if not re.fullmatch(r"s3://[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9](/\S*)?", raw):
            raise ConfigError(f"{self.origin(section, key)} = {raw!r} must be an S3 URI like s3://bucket/prefix")
        if names_object and not re.fullmatch(r"s3://[^/]+/\S*[^/]", raw):
            raise ConfigError(f"{self.origin(section, key)} = {raw!r} must name an object, like s3://bucket/file.json")
        return raw

    def region(self, section: str, key: str) -> str:
        raw = self.text(section, key).lower()
        if raw not in _known_regions():
            raise ConfigError(
                f"{self.origin(section, key)} = {raw!r} is not an AWS region; expected one like us-west-2 "
                f"(the course's bucket), us-east-1 or eu-west-1"
            )
        return raw

    def folder(self, section: str, key: str, base: Path) -> Path:
        raw = self.text(section, key)
        path = (base / raw).resolve()
        if path.exists() and not path.is_dir():
            raise ConfigError(f"{self.origin(section, key)} = {raw!r}: {path} is a file; expected a folder")
        return path

    def serverless_name(self, section: str, key: str) -> str:
        raw = self.text(section, key).lower()
        if not SERVERLESS_NAME.fullmatch(raw):
            raise ConfigError(
                f"{self.origin(section, key)} = {raw!r} must be 3 to 64 lower-case letters, digits and hyphens"
            )
        return raw

    def capacity(self, section: str, key: str) -> int:
        raw = self.number(section, key, 8, 512)
        if raw % 8:
            raise ConfigError(f"{self.origin(section, key)} = {raw} must be a multiple of 8 RPUs, from 8 to 512")
        return raw

    def node_type(self, section: str, key: str) -> str:
        raw = self.text(section, key).lower()
        if raw.split(".")[0] in RETIRED_NODE_FAMILIES:
            raise ConfigError(
                f"{self.origin(section, key)} = {raw!r}: DC1, DC2, DS1 and DS2 node types are retired and "
                f"can no longer be used for new clusters; use ra3.large (the smallest type sold today)"
            )
        if raw not in NODE_TYPES:
            raise ConfigError(f"{self.origin(section, key)} = {raw!r} must be one of: {', '.join(NODE_TYPES)}")
        return raw


def writable_state_dir(config: Config) -> Path:
    """The state folder, created when missing; ConfigError when it cannot be written (read-only, not a folder)."""
    state_dir = config.local.state_dir
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
        tempfile.TemporaryFile(dir=state_dir).close()
    except OSError as error:
        raise ConfigError(
            f"{config.source}: [LOCAL] STATE_DIR: cannot write in {state_dir}: {error.strerror}; expected a folder "
            f"you can write (or set SPARKIFY_LOCAL_STATE_DIR)"
        ) from None
    return state_dir


def local_password(state_dir: Path) -> Secret:
    """The master password of local clusters: random, made once, kept in the ignored state folder."""
    path = state_dir / "dwh.password"
    if not path.exists():
        state_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Sp{secrets.token_urlsafe(18)}9a")
        path.chmod(0o600)
    return Secret(path.read_text().strip())


def _local_password(read: _Reader, state_dir: Path) -> Secret:
    try:
        return local_password(state_dir)
    except OSError as error:
        raise ConfigError(
            f"{read.origin('LOCAL', 'STATE_DIR')}: cannot keep the local password in {state_dir}: {error.strerror}; "
            f"expected a folder you can write, or set SPARKIFY_DWH_DB_PASSWORD"
        ) from None


def load_config(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Config:
    """Read and validate the configuration; one ConfigError names the file, the key and what is expected."""
    source = path or find_config()
    environ = os.environ if environ is None else environ
    files = [(source, _parse_file(source))]
    if (override := source.parent / OVERRIDE_NAME).exists():
        files.append((override, _parse_file(override)))
    read = _Reader(files, environ)

    mode = read.choice("SPARKIFY", "MODE", MODES)
    local = LocalSettings(
        aws_port=read.number("LOCAL", "AWS_PORT", 1024, 65535),
        postgres_port=read.number("LOCAL", "POSTGRES_PORT", 1024, 65535),
        state_dir=read.folder("LOCAL", "STATE_DIR", source.parent),
    )
    aws = AwsSettings(
        region=read.region("AWS", "REGION"),
        key=Secret(read.text("AWS", "KEY", allow_empty=True)),
        secret=Secret(read.text("AWS", "SECRET", allow_empty=True)),
    )
    if bool(aws.key) != bool(aws.secret):
        raise ConfigError(f"{source}: [AWS] KEY and SECRET must be both set or both empty")
    if aws.key and mode == "aws":
        log.warning("using the access key from [AWS] KEY/SECRET; prefer AWS_PROFILE or SSO, and never commit keys")

    password = read.text("DWH", "DWH_DB_PASSWORD", allow_empty=True)
    if not password and mode == "aws":
        raise ConfigError(
            f"{source}: [DWH] DWH_DB_PASSWORD is empty: set SPARKIFY_DWH_DB_PASSWORD or put it in {OVERRIDE_NAME} "
            f"(8 to 64 characters with an upper-case letter, a lower-case letter and a digit)"
        )
    cluster_type = read.choice("DWH", "DWH_CLUSTER_TYPE", CLUSTER_TYPES)
    num_nodes = read.number("DWH", "DWH_NUM_NODES", 1, 128)
    if (cluster_type == "single-node") != (num_nodes == 1):
        raise ConfigError(
            f"{source}: [DWH] DWH_CLUSTER_TYPE = {cluster_type!r} and DWH_NUM_NODES = {num_nodes} disagree: "
            f"single-node takes 1 node, multi-node 2 or more"
        )
    dwh = ClusterSettings(
        cluster_type=cluster_type,
        num_nodes=num_nodes,
        node_type=read.node_type("DWH", "DWH_NODE_TYPE"),
        iam_role_name=read.text("DWH", "DWH_IAM_ROLE_NAME"),
        identifier=read.text("DWH", "DWH_CLUSTER_IDENTIFIER").lower(),
        db=read.text("DWH", "DWH_DB").lower(),
        db_user=read.text("DWH", "DWH_DB_USER").lower(),
        db_password=Secret(password) if password else _local_password(read, local.state_dir),
        port=read.number("DWH", "DWH_PORT", 1150, 65535),
        deployment=read.choice("DWH", "DWH_DEPLOYMENT", DEPLOYMENTS),
        namespace=read.serverless_name("DWH", "DWH_NAMESPACE"),
        workgroup=read.serverless_name("DWH", "DWH_WORKGROUP"),
        base_capacity=read.capacity("DWH", "DWH_BASE_CAPACITY"),
    )
    s3 = S3Settings(
        log_data=read.s3_uri("S3", "LOG_DATA"),
        log_jsonpath=read.s3_uri("S3", "LOG_JSONPATH", names_object=True),
        song_data=read.s3_uri("S3", "SONG_DATA"),
        region=read.region("S3", "REGION"),
    )
    images_dir = (source.parent / read.text("SPARKIFY", "IMAGES_DIR")).resolve()
    return Config(mode=mode, aws=aws, dwh=dwh, s3=s3, local=local, source=source, images_dir=images_dir)
