"""What reaches past a cluster: refused by name before PostgreSQL answers "permission denied".

A cluster's master user is an ordinary role of its cluster's own PostgreSQL server (local_redshift.warehouses), so
PostgreSQL itself refuses what would reach the server's files, programs, settings or its superuser. These rules
name the construct first, as Redshift's SQL has it: DO blocks are no Redshift command, and Redshift's ALTER SYSTEM
sets only its own system settings (r_ALTER_SYSTEM.html), which the local Redshift does not have; a
superuser made with CREATE USER ... CREATEUSER (r_superusers.html) is Redshift's, which the local Redshift cannot
give; the role "postgres" is the server's own, no user of the cluster (SET SESSION AUTHORIZATION: translation.roles).
The server-file functions (PG_READ_FILE...) are refused with the unsupported functions, and COPY to or from a
server file or program by the COPY grammar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NoReturn

from sqlglot import exp

from local_redshift.errors import UnsupportedFeature
from local_redshift.postgres import SUPERUSER
from local_redshift.translation.rule import Context, Rule, call_of, command_is, command_text, reject

_ROLE_WORDS = ("USER", "ROLE", "GROUP")
SERVER_ROLES = (SUPERUSER, "pg_read_server_files", "pg_write_server_files", "pg_execute_server_program")
"""The roles that reach the server itself: its superuser, and PostgreSQL's roles of server files and programs."""


def _words(node: exp.Expr) -> list[str]:
    return command_text(node).upper().split() if isinstance(node, exp.Command) else []


def _role_option(option: str) -> Callable[[exp.Expr], bool]:
    """CREATE or ALTER USER | ROLE | GROUP name ... with `option` among its options."""

    def matches(node: exp.Expr) -> bool:
        words = _words(node)
        return words[:1] in (["CREATE"], ["ALTER"]) and words[1:2] in ([w] for w in _ROLE_WORDS) and option in words

    return matches


def _server_role(node: exp.Expr) -> str | None:
    """The server's role a role statement or SET ROLE names, if any."""
    words = [word.strip("\"'").lower() for word in _words(node)]
    if words[:1] == ["set"]:
        words = [word for word in words if word not in ("session", "local")]
        return words[2] if words[1:2] == ["role"] and words[2:3] and words[2] in SERVER_ROLES else None
    if words[:1] in (["alter"], ["drop"], ["grant"], ["revoke"]):
        return next((word for word in words[1:] if word in SERVER_ROLES), None)
    return None


def refuse_server_role(node: exp.Expr, _: Context) -> exp.Expr:
    """A statement on the role "<role>" (the local server's own, no role of the cluster) is not supported..."""
    refuse_server_role_named(_server_role(node) or "")


_SYSTEM_SETTINGS = ("data_catalog_auto_mount", "metadata_security", "default_identity_namespace")
"""What Redshift's ALTER SYSTEM SET sets (r_ALTER_SYSTEM.html: its two valid values, and its example's third)."""


def refuse_alter_system(command: exp.Command, _: Context) -> NoReturn:
    """ALTER SYSTEM SET of one of Redshift's system settings, by the local Redshift (it has none of what they
    configure); any other ALTER SYSTEM (PostgreSQL's, of the server's settings), by Amazon Redshift."""
    words = command_text(command).split()
    setting = words[3].split("=")[0].lower() if len(words) > 3 and words[2].upper() == "SET" else ""
    if setting in _SYSTEM_SETTINGS:
        hint = "it has no Data Catalog to mount, metadata security or identity provider"
        raise UnsupportedFeature.of(f"ALTER SYSTEM SET {setting}", by="the local Redshift", hint=hint)
    construct = " ".join(["ALTER SYSTEM", *words[2:4]]).split("=")[0]
    raise UnsupportedFeature.of(construct, hint="its settings are data_catalog_auto_mount and metadata_security")


def refuse_server_role_named(role: str) -> NoReturn:
    construct = f'A statement on the role "{role}" (the local server\'s own, no role of the cluster)'
    raise UnsupportedFeature.of(construct, by="the local Redshift")


RULES: list[Rule] = [
    reject("DO (an anonymous code block)", command_is("DO"), hint="use CREATE PROCEDURE and CALL"),
    Rule("ALTER SYSTEM", command_is("ALTER", "SYSTEM"), refuse_alter_system),
    reject(
        "A SUPERUSER option",
        _role_option("SUPERUSER"),
        hint="a superuser is made with CREATE USER ... CREATEUSER",
    ),
    reject(
        "CREATEUSER (a superuser other than the master user)",
        _role_option("CREATEUSER"),
        by="the local Redshift",
        hint="the cluster's master user is its one superuser",
    ),
    Rule("The server's own roles", lambda node: _server_role(node) is not None, refuse_server_role),
    reject("LO_IMPORT()", call_of("LO_IMPORT"), hint="it reads a file of the server"),
    reject("LO_EXPORT()", call_of("LO_EXPORT"), hint="it writes a file of the server"),
]
"""Each refused before PostgreSQL runs it."""
