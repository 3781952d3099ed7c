"""GRANT ROLE and REVOKE ROLE of Redshift's system-defined roles (r_roles-default.html), which every cluster has
(catalog_sql/65_users_and_roles.sql makes them, so that SVV_ROLES, SVV_USER_GRANTS and SVV_ROLE_GRANTS list them):

    GRANT ROLE role [, ...] TO { [ROLE] name [WITH ADMIN OPTION] } [, ...]
    REVOKE [ADMIN OPTION FOR] ROLE role [, ...] FROM { [ROLE] name } [, ...]

sys:monitor (access to catalog and system tables: every row of them) and sys:operator (that, and ANALYZE and
VACUUM of every table) are granted by the catalog's grant_system_role, in the session's transaction, as the endpoint
runs the other role statements (endpoint/users.py); the other roles a statement names are granted as
translation/roles.py grants them. sys:dba, sys:secadmin and sys:superuser let their holders drop any table or create
users, which PostgreSQL cannot let a role do: granting them is refused by name, as is the ADMIN OPTION of a
system-defined role.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot.tokens import Token, TokenType

from local_redshift.errors import ROLE_MISSING, USER_MISSING, RedshiftError, SqlState, UnsupportedFeature
from local_redshift.translation.users import UserStatement, raise_when
from local_redshift.translation.words import Words, identifier, literal

GRANTED = ("sys:monitor", "sys:operator")
"""The system-defined roles whose permissions PostgreSQL can enforce."""
REFUSED = {
    "sys:dba": "it lets its holders drop and truncate any table, which PostgreSQL lets only their owners do",
    "sys:secadmin": "it lets its holders create users and roles, which PostgreSQL lets no role pass on",
    "sys:superuser": "it carries every system permission, which PostgreSQL lets no role pass on",
}
"""The system-defined roles the local Redshift cannot give, and why."""
PREFIX = "sys:"


@dataclass(frozen=True)
class _Grantee:
    name: str
    is_role: bool
    admin: bool = False


def system_role_grant(tokens: list[Token]) -> UserStatement | None:
    """The GRANT ROLE or REVOKE ROLE the tokens hold when it names a system-defined role; None for any other."""
    words = Words(tokens)
    verb = words.texts[0].upper() if words.texts else ""
    if verb not in ("GRANT", "REVOKE"):
        return None
    words.position = 1
    admin_for = verb == "REVOKE" and words.accept("ADMIN")
    if admin_for:
        words.expect("OPTION")
        words.expect("FOR")
    if not words.accept("ROLE"):
        return None
    roles = _roles(words)
    if not any(role.startswith(PREFIX) for role in roles):
        return None
    words.expect("TO" if verb == "GRANT" else "FROM")
    grantees = _grantees(words, admin=verb == "GRANT")
    if verb == "REVOKE" and not words.accept("RESTRICT"):
        words.accept("CASCADE")
    words.end()
    for role in roles:
        _check(role, admin_for or any(grantee.admin for grantee in grantees))
    text = ";\n".join(
        [*(_grantee_check(grantee) for grantee in grantees)]
        + [_statement(verb, role, grantee, admin_for) for role in roles for grantee in grantees]
    )
    return UserStatement(verb, (), text=text)


def _roles(words: Words) -> list[str]:
    roles = [_role(words)]
    while words.accept(","):
        roles.append(_role(words))
    return roles


def _role(words: Words) -> str:
    """A role's name; sys:name written bare (three tokens) or quoted, in lower case."""
    name = words.name()
    if name.lower().startswith(PREFIX):
        return name.lower()
    if name == "sys" and not words.done() and words.tokens[words.position].token_type == TokenType.COLON:
        words.position += 1
        return PREFIX + words.name().lower()
    return name


def _grantees(words: Words, admin: bool) -> list[_Grantee]:
    grantees = []
    while True:
        is_role = words.accept("ROLE")
        name = words.name()
        with_admin = admin and words.accept("WITH")
        if with_admin:
            words.expect("ADMIN")
            words.expect("OPTION")
        grantees.append(_Grantee(name, is_role, with_admin))
        if not words.accept(","):
            return grantees


def _check(role: str, admin: bool) -> None:
    if not role.startswith(PREFIX):
        return
    if role in REFUSED:
        raise UnsupportedFeature.of(
            f'The system-defined role "{role}"',
            by="the local Redshift",
            hint=f"{REFUSED[role]}; grant {' or '.join(GRANTED)}, or privileges on schemas and tables",
        )
    if role not in GRANTED:
        raise RedshiftError(ROLE_MISSING.format(role=role), sqlstate=SqlState.UNDEFINED_OBJECT)
    if admin:
        raise UnsupportedFeature.of(f'The ADMIN OPTION of the system-defined role "{role}"', by="the local Redshift")


def _grantee_check(grantee: _Grantee) -> str:
    """The statement that fails unless the grantee is a user (or, ROLE name, a role) of the cluster."""
    roles = f"SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = {literal(grantee.name)}"
    if grantee.is_role:
        kind, message = "redshift_system.is_rbac_role(r.oid)", ROLE_MISSING.format(role=grantee.name)
    else:
        kind, message = "r.rolcanlogin", USER_MISSING.format(user=grantee.name)
    return raise_when(SqlState.UNDEFINED_OBJECT, message, f"NOT EXISTS ({roles} AND {kind})")


def _statement(verb: str, role: str, grantee: _Grantee, admin_for: bool) -> str:
    if role.startswith(PREFIX):
        revoking = "true" if verb == "REVOKE" else "false"
        return f"SELECT redshift_system.grant_system_role({literal(role)}, {literal(grantee.name)}, {revoking})"
    if verb == "GRANT":
        admin = " WITH ADMIN OPTION" if grantee.admin else ""
        return f"GRANT {identifier(role)} TO {identifier(grantee.name)}{admin}"
    admin = "ADMIN OPTION FOR " if admin_for else ""
    return f"REVOKE {admin}{identifier(role)} FROM {identifier(grantee.name)}"
