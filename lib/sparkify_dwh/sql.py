"""The warehouse's SQL: `.sql` files per layer, listed in order, shown, rendered and split into statements.

All the SQL of the tutorial lives in `sparkify_dwh/sql/<layer>/NN_name.sql`, once; the notebooks, the library
and the command line read it from there. A layer's files run in NN order, and the first word of a name says
what the file does: `drop_` and `create_` files build tables, `copy_` and `load_` files fill them.

Where Redshift Serverless answers other system views than a cluster (SYS_LOAD_ERROR_DETAIL for STL_LOAD_ERRORS,
...), the file's serverless variant has the same name in `sql/<layer>/serverless/`; `find` picks it for the
serverless deployment.

A value that depends on the configuration is written `{{ name }}` where a string literal would stand, e.g.
`IAM_ROLE {{ role_arn }}`. `render` fills it in as a quoted SQL string literal, never as raw text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files as package_files
from importlib.resources.abc import Traversable

from sqlglot.dialects.redshift import Redshift
from sqlglot.tokens import TokenType

LAYERS = ("staging", "star", "checks", "analytics", "inspect")
PLACEHOLDER = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}")
_FILE_NAME = re.compile(r"(?P<position>\d{2})_(?P<name>[a-z0-9_]+)\.sql")
_UNSAFE_IN_LITERAL = re.compile(r"[\\\x00-\x1f\x7f]")
SERVERLESS = "serverless"


@dataclass(frozen=True)
class SqlFile:
    """One file of a layer: `name` is its file name without the number and `.sql` (e.g. `copy_staging_songs`)."""

    layer: str
    name: str
    filename: str
    variant: str = ""  # "serverless" for the file of sql/<layer>/serverless/

    @property
    def path(self) -> Traversable:
        folder = package_files(__package__).joinpath("sql", self.layer)
        return (folder.joinpath(self.variant) if self.variant else folder).joinpath(self.filename)

    @property
    def relative(self) -> str:
        """`layer/filename` (`layer/serverless/filename` for a variant), as messages and notebooks name the file."""
        return "/".join(filter(None, (self.layer, self.variant, self.filename)))

    @property
    def text(self) -> str:
        """The file as the learner reads it, placeholders included."""
        return self.path.read_text(encoding="utf-8")

    @property
    def description(self) -> str:
        """The comment lines that open the file, joined into one text."""
        lines = []
        for line in self.text.splitlines():
            if not line.startswith("--"):
                break
            lines.append(line.removeprefix("--").strip())
        return " ".join(lines)


def files(layer: str, *steps: str) -> list[SqlFile]:
    """The files of `layer` in the order they run; with `steps` (e.g. "drop", "create"), only those kinds."""
    if layer not in LAYERS:
        raise ValueError(f"unknown SQL layer {layer!r}; the layers are: {', '.join(LAYERS)}")
    found = []
    for entry in sorted(package_files(__package__).joinpath("sql", layer).iterdir(), key=lambda e: e.name):
        match = _FILE_NAME.fullmatch(entry.name)
        if match is None:
            continue
        if not steps or match["name"].split("_", 1)[0] in steps:
            found.append(SqlFile(layer, match["name"], entry.name))
    return found


def find(layer: str, name: str, deployment: str = "provisioned") -> SqlFile:
    """The file of `layer` called `name` (with or without its number, e.g. `top_songs` or `07_top_songs`); for the
    serverless `deployment`, its serverless variant where there is one."""
    choices = files(layer)
    for sql_file in choices:
        if name in (sql_file.name, sql_file.filename.removesuffix(".sql")):
            variant = SqlFile(sql_file.layer, sql_file.name, sql_file.filename, SERVERLESS)
            return variant if deployment == SERVERLESS and variant.path.is_file() else sql_file
    raise ValueError(f"no SQL file {name!r} in layer {layer}; it has: {', '.join(f.name for f in choices)}")


def placeholders(text: str) -> set[str]:
    """The names of the `{{ name }}` placeholders in `text`."""
    return set(PLACEHOLDER.findall(text))


def literal(value: str) -> str:
    """`value` as a SQL string literal: in single quotes, a quote inside doubled.

    Backslashes and control characters are refused rather than escaped (Redshift and PostgreSQL read a backslash
    in a literal differently); no configuration value needs them.
    """
    if not isinstance(value, str):
        raise TypeError(f"a SQL value must be a string, not {type(value).__name__}")
    if _UNSAFE_IN_LITERAL.search(value):
        raise ValueError(f"{value!r} holds a backslash or a control character, which a SQL value may not hold")
    return "'" + value.replace("'", "''") + "'"


def render(text: str, params: Mapping[str, str]) -> str:
    """`text` with every `{{ name }}` replaced by `params[name]` as a string literal; a missing name is an error."""
    missing = placeholders(text) - set(params)
    if missing:
        raise KeyError(f"no value for the SQL placeholders {', '.join(sorted(missing))}")
    return PLACEHOLDER.sub(lambda match: literal(params[match[1]]), text)


def statements(text: str) -> list[str]:
    """The statements of `text`, split at semicolons as Redshift reads them (not inside strings or comments),
    without their semicolons; comments before a statement are left out."""
    tokens = Redshift().tokenize(text)
    result, start, end = [], None, None
    for token in tokens:
        if token.token_type == TokenType.SEMICOLON:
            if start is not None:
                result.append(text[start : end + 1])
            start = None
        else:
            start = token.start if start is None else start
            end = token.end
    if start is not None:
        result.append(text[start : end + 1])
    return result


class SqlText(str):
    """SQL text that a notebook shows highlighted, headed by its file name."""

    title: str

    def __new__(cls, text: str, title: str) -> SqlText:
        shown = super().__new__(cls, text)
        shown.title = title
        return shown

    def _repr_markdown_(self) -> str:
        return f"`{self.title}`\n\n```sql\n{self.rstrip()}\n```"


def show(layer: str, name: str, deployment: str = "provisioned") -> SqlText:
    """The text of a file as the learner reads it (the `deployment`'s variant, see `find`); a notebook cell ending
    with it shows it highlighted."""
    sql_file = find(layer, name, deployment)
    return SqlText(sql_file.text, sql_file.relative)
