"""The ALTER and DROP statements Redshift has, as the "SQL commands" page lists them (c_SQL_commands.html), and what
COMMENT ON comments on (r_COMMENT.html): one of
PostgreSQL's others (ALTER SEQUENCE, DROP INDEX, DROP EXTENSION, ...) is refused by name, not passed on to fail in
PostgreSQL's words; and ALTER TABLE's forms PostgreSQL has and Redshift does not (ENABLE ROW LEVEL SECURITY, ENABLE
TRIGGER, SET TABLESPACE, ...) likewise, r_ALTER_TABLE.html's own that the local Redshift does not keep (ROW LEVEL
SECURITY ON | OFF, an external table's partitions, location, file format and properties) by the local Redshift."""

from __future__ import annotations

import re

from sqlglot import exp

from local_redshift.errors import UnsupportedFeature
from local_redshift.translation.rule import Context, Rule, command_text

_ALTERED = (
    "DATABASE", "DATASHARE", "DEFAULT PRIVILEGES", "EXTERNAL SCHEMA", "EXTERNAL VIEW", "FUNCTION", "GROUP",
    "IDENTITY PROVIDER", "MASKING POLICY", "MATERIALIZED VIEW", "RLS POLICY", "ROLE", "PROCEDURE", "SCHEMA", "SYSTEM",
    "TABLE", "TEMPLATE", "USER",
)  # fmt: skip
"""What ALTER alters: the page's ALTER statements, ALTER TABLE APPEND among ALTER TABLE's."""

_DROPPED = (
    "DATABASE", "DATASHARE", "EXTERNAL VIEW", "FUNCTION", "GROUP", "IDENTITY PROVIDER", "LIBRARY", "MASKING POLICY",
    "MATERIALIZED VIEW", "MODEL", "PROCEDURE", "RLS POLICY", "ROLE", "SCHEMA", "TABLE", "TEMPLATE", "USER", "VIEW",
)  # fmt: skip
"""What DROP drops: the page's DROP statements."""

_TWO_WORDS = {"EVENT", "FOREIGN", "TEXT", "ACCESS", "OWNED", "USER"}  # PostgreSQL's kinds named by two words
_HINTS = {"ALTER VIEW": "use ALTER TABLE, which renames a view and changes its owner too (r_ALTER_TABLE.html)"}

_NO_EXTERNAL_TABLES = "it has no external tables (Redshift Spectrum)"
_TABLE_FORMS = (
    # PostgreSQL's, which r_ALTER_TABLE.html does not have
    (
        r"(?:ENABLE|DISABLE|FORCE|NO\s+FORCE)(?:\s+(?:ALWAYS|REPLICA))?\s+(?:TRIGGER|RULE|ROW\s+LEVEL\s+SECURITY)",
        "",
        "",
    ),
    # Redshift's, of what the local Redshift does not keep
    (r"ROW\s+LEVEL\s+SECURITY", "the local Redshift", "it keeps no row-level security policies"),
    (r"(?:ADD|DROP)\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?PARTITION", "the local Redshift", _NO_EXTERNAL_TABLES),
)
_IF_EXISTS = {"IF", "NOT", "EXISTS"}
_ALTER_TABLE_FORM = re.compile(
    r"^ALTER\s+TABLE\s+.+?\s+(" + "|".join(f"(?:{form})" for form, _, _ in _TABLE_FORMS) + r")\b",
    re.IGNORECASE | re.DOTALL,
)
_EXTERNAL_SETTINGS = {
    "location": "SET LOCATION",
    "file_format": "SET FILE FORMAT",
    "expressions": "SET TABLE PROPERTIES",
}
"""ALTER TABLE ... SET of an external table's (r_ALTER_TABLE.html), as sqlglot reads them (exp.AlterSet's args)."""


def _kind(words: list[str]) -> str:
    """The kind of object an ALTER or DROP names, as its words after the verb say (one word or two)."""
    if words[:2] == ["USER", "MAPPING"] or (words and words[0] in _TWO_WORDS - {"USER"}):
        return " ".join(words[:2])
    for kind in (*_ALTERED, *_DROPPED):
        if words[: len(kind.split())] == kind.split():
            return kind
    return words[0] if words else ""


def _statement(node: exp.Expr) -> tuple[str, str] | None:
    """The verb (ALTER or DROP) of a statement and the kind of object it names."""
    if node.parent is not None:
        return None
    if isinstance(node, exp.Command):
        verb, *words = command_text(node).upper().split()
        return (verb, _kind(words)) if verb in ("ALTER", "DROP") else None
    if isinstance(node, exp.Alter | exp.Drop):
        kind = str(node.args.get("kind") or "").upper()
        if isinstance(node, exp.Drop) and node.args.get("materialized"):
            kind = f"MATERIALIZED {kind}"
        return ("ALTER" if isinstance(node, exp.Alter) else "DROP"), kind
    return None


def _not_redshifts(node: exp.Expr) -> bool:
    statement = _statement(node)
    if statement is None:
        return False
    verb, kind = statement
    return kind not in (_ALTERED if verb == "ALTER" else _DROPPED)


def refuse_statement(node: exp.Expr, _: Context) -> exp.Expr:
    verb, kind = _statement(node) or ("", "")
    construct = f"{verb} {kind}"
    raise UnsupportedFeature.of(construct, hint=_HINTS.get(construct, ""))


def _postgresql_table_form(node: exp.Expr) -> bool:
    return isinstance(node, exp.Command) and node.parent is None and bool(_ALTER_TABLE_FORM.match(command_text(node)))


def refuse_table_form(node: exp.Command, _: Context) -> exp.Expr:
    match = _ALTER_TABLE_FORM.match(command_text(node))
    written = " ".join(word for word in (match.group(1) if match else "").upper().split() if word not in _IF_EXISTS)
    for form, by, hint in _TABLE_FORMS:
        if re.fullmatch(form, written, re.IGNORECASE):
            raise UnsupportedFeature.of(f"ALTER TABLE ... {written}", by=by or "Amazon Redshift", hint=hint)
    raise UnsupportedFeature.of(f"ALTER TABLE ... {written}")


def _table_set(node: exp.Expr) -> bool:
    return isinstance(node, exp.AlterSet) and isinstance(node.parent, exp.Alter)


def refuse_dropped_partition(_: exp.DropPartition, __: Context) -> exp.Expr:
    raise UnsupportedFeature.of("ALTER TABLE ... DROP PARTITION", by="the local Redshift", hint=_NO_EXTERNAL_TABLES)


def refuse_table_set(node: exp.AlterSet, _: Context) -> exp.Expr:
    """ALTER TABLE ... SET: an external table's SET LOCATION, FILE FORMAT or TABLE PROPERTIES (by the local
    Redshift), or one of PostgreSQL's (SET TABLESPACE, ...), which r_ALTER_TABLE.html does not have."""
    external = next((form for arg, form in _EXTERNAL_SETTINGS.items() if node.args.get(arg)), None)
    if external is not None:
        raise UnsupportedFeature.of(f"ALTER TABLE ... {external}", by="the local Redshift", hint=_NO_EXTERNAL_TABLES)
    setting = next((arg.upper() for arg, value in node.args.items() if value), "")
    raise UnsupportedFeature.of(f"ALTER TABLE ... SET {setting}".rstrip())


_COMMENTED = ("TABLE", "COLUMN", "CONSTRAINT", "DATABASE", "VIEW", "SCHEMA")
"""What COMMENT ON comments on (r_COMMENT.html)."""
_NOT_COMMENTED_HERE = {
    "CONSTRAINT": "its constraints are informational, kept in its catalog rather than PostgreSQL's",
    "DATABASE": "PostgreSQL holds the cluster's database under another name; comment on its schemas and tables",
}
"""What the local Redshift cannot keep a comment on, and why (PostgreSQL would warn and keep none)."""


def _commented(node: exp.Expr) -> str | None:
    """The kind of object a COMMENT ON statement names (read by sqlglot, or as a command), if it is one."""
    if isinstance(node, exp.Comment):
        return str(node.args.get("kind") or "").upper()
    words = command_text(node).upper().split() if isinstance(node, exp.Command) and node.parent is None else []
    return words[2] if words[:2] == ["COMMENT", "ON"] and len(words) > 2 else None


def refuse_comment(node: exp.Expr, _: Context) -> exp.Expr:
    kind = _commented(node) or ""
    if kind in _NOT_COMMENTED_HERE:
        raise UnsupportedFeature.of(f"COMMENT ON {kind}", by="the local Redshift", hint=_NOT_COMMENTED_HERE[kind])
    raise UnsupportedFeature.of(f"COMMENT ON {kind}")


RULES = [
    Rule("ALTER and DROP of what Redshift does not have", _not_redshifts, refuse_statement),
    Rule(
        "COMMENT ON what Redshift does not comment on",
        lambda node: (kind := _commented(node)) is not None and (kind not in _COMMENTED or kind in _NOT_COMMENTED_HERE),
        refuse_comment,
    ),
    Rule("ALTER TABLE's forms the local Redshift does not run", _postgresql_table_form, refuse_table_form),
    Rule("ALTER TABLE ... SET", _table_set, refuse_table_set),
    Rule("ALTER TABLE ... DROP PARTITION", lambda node: isinstance(node, exp.DropPartition), refuse_dropped_partition),
]
