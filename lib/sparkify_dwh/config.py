"""The project's settings: `dwh.cfg`, an optional ignored `dwh.local.cfg`, then environment variables.

Every value can be overridden by an environment variable named `SPARKIFY_<KEY>` when the key already starts with
its section's name (`DWH_DB_PASSWORD` -> `SPARKIFY_DWH_DB_PASSWORD`), else `SPARKIFY_<SECTION>_<KEY>`
(`[S3] LOG_DATA` -> `SPARKIFY_S3_LOG_DATA`, `[SPARKIFY] MODE` -> `SPARKIFY_MODE`).
"""

from __future__ import annotations

import configparser
import logging
import os
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

CONFIG_NAME = "dwh.cfg"
OVERRIDE_NAME = "dwh.local.cfg"
MODES = ("local", "aws")
RETIRED_NODE_FAMILIES = ("dc1", "dc2", "ds1", "ds2")
NODE_TYPES = ("ra3.large", "ra3.xlplus", "ra3.4xlarge", "ra3.16xlarge")
CLUSTER_TYPES = ("single-node", "multi-node")
DEPLOYMENTS = ("provisioned", "serverless")  # a provisioned cluster, or a Redshift Serverless workgroup
SERVERLESS_NAME = re.compile(r"[a-z0-9-]{3,64}")  # namespace and workgroup names, as the service model says


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


class _Reader:
    """Reads typed values from the parsed files, the environment winning, and names the culprit on error."""

    def __init__(self, parser: configparser.ConfigParser, source: Path, environ: Mapping[str, str]) -> None:
        self.parser, self.source, self.environ = parser, source, environ

    def text(self, section: str, key: str, *, allow_empty: bool = False) -> str:
        name = env_name(section, key)
        if name in self.environ:
            value = self.environ[name].strip()
        elif not self.parser.has_section(section):
            raise ConfigError(f"{self.source}: section [{section}] is missing")
        elif not self.parser.has_option(section, key):
            raise ConfigError(f"{self.source}: [{section}] {key} is missing")
        else:
            value = self.parser.get(section, key).strip()
        if not value and not allow_empty:
            raise ConfigError(f"{self.source}: [{section}] {key} is empty (or set {name})")
        return value

    def number(self, section: str, key: str, low: int, high: int) -> int:
        raw = self.text(section, key)
        if not re.fullmatch(r"\d+", raw) or not low <= int(raw) <= high:
            raise ConfigError(f"{self.source}: [{section}] {key} = {raw!r} must be a whole number from {low} to {high}")
        return int(raw)

    def choice(self, section: str, key: str, choices: tuple[str, ...]) -> str:
        raw = self.text(section, key).lower()
        if raw not in choices:
            raise ConfigError(f"{self.source}: [{section}] {key} = {raw!r} must be one of: {', '.join(choices)}")
        return raw

    def s3_uri(self, section: str, key: str) -> str:
        raw = self.text(section, key)
        if not re.fullmatch(r"s3://[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9](/\S*)?", raw):
            raise ConfigError(f"{self.source}: [{section}] {key} = {raw!r} must be an S3 URI like s3://bucket/prefix")
        return raw

    def serverless_name(self, section: str, key: str) -> str:
        raw = self.text(section, key).lower()
        if not SERVERLESS_NAME.fullmatch(raw):
            raise ConfigError(
                f"{self.source}: [{section}] {key} = {raw!r} must be 3 to 64 lower-case letters, digits and hyphens"
            )
        return raw

    def capacity(self, section: str, key: str) -> int:
        raw = self.number(section, key, 8, 512)
        if raw % 8:
            raise ConfigError(f"{self.source}: [{section}] {key} = {raw} must be a multiple of 8 RPUs, from 8 to 512")
        return raw

    def node_type(self, section: str, key: str) -> str:
        raw = self.text(section, key).lower()
        if raw.split(".")[0] in RETIRED_NODE_FAMILIES:
            raise ConfigError(
                f"{self.source}: [{section}] {key} = {raw!r}: DC1, DC2, DS1 and DS2 node types are retired and "
                f"can no longer be used for new clusters; use ra3.large (the smallest type sold today)"
            )
        if raw not in NODE_TYPES:
            raise ConfigError(f"{self.source}: [{section}] {key} = {raw!r} must be one of: {', '.join(NODE_TYPES)}")
        return raw


def local_password(state_dir: Path) -> Secret:
    """The master password of local clusters: random, made once, kept in the ignored state folder."""
    path = state_dir / "dwh.password"
    if not path.exists():
        state_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Sp{secrets.token_urlsafe(18)}9a")
        path.chmod(0o600)
    return Secret(path.read_text().strip())


def load_config(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Config:
    """Read and validate the configuration; one ConfigError names the file, the key and what is expected."""
    source = path or find_config()
    environ = os.environ if environ is None else environ
    parser = configparser.ConfigParser(interpolation=None, inline_comment_prefixes=(";", "#"))
    parser.optionxform = str.upper  # type: ignore[assignment,method-assign]
    if not parser.read(source, encoding="utf-8"):
        raise ConfigError(f"{source}: cannot read the file")
    parser.read(source.parent / OVERRIDE_NAME, encoding="utf-8")
    read = _Reader(parser, source, environ)

    mode = read.choice("SPARKIFY", "MODE", MODES)
    local = LocalSettings(
        aws_port=read.number("LOCAL", "AWS_PORT", 1024, 65535),
        postgres_port=read.number("LOCAL", "POSTGRES_PORT", 1024, 65535),
        state_dir=(source.parent / read.text("LOCAL", "STATE_DIR")).resolve(),
    )
    aws = AwsSettings(
        region=read.text("AWS", "REGION"),
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
        db_password=Secret(password) if password else local_password(local.state_dir),
        port=read.number("DWH", "DWH_PORT", 1150, 65535),
        deployment=read.choice("DWH", "DWH_DEPLOYMENT", DEPLOYMENTS),
        namespace=read.serverless_name("DWH", "DWH_NAMESPACE"),
        workgroup=read.serverless_name("DWH", "DWH_WORKGROUP"),
        base_capacity=read.capacity("DWH", "DWH_BASE_CAPACITY"),
    )
    s3 = S3Settings(
        log_data=read.s3_uri("S3", "LOG_DATA"),
        log_jsonpath=read.s3_uri("S3", "LOG_JSONPATH"),
        song_data=read.s3_uri("S3", "SONG_DATA"),
        region=read.text("S3", "REGION"),
    )
    images_dir = (source.parent / read.text("SPARKIFY", "IMAGES_DIR")).resolve()
    return Config(mode=mode, aws=aws, dwh=dwh, s3=s3, local=local, source=source, images_dir=images_dir)
