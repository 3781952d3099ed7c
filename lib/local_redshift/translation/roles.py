"""Role-based access control as Redshift has it (r_CREATE_ROLE.html, r_DROP_ROLE.html, r_GRANT.html,
r_REVOKE.html, r_ALTER_ROLE.html): roles are PostgreSQL roles that cannot log in, marked as Redshift roles (a
comment, ROLE_MARK) so that the catalog tells them from groups; GRANT ROLE and the grantee ROLE r become
PostgreSQL's GRANT r and grantee r.

CREATE ROLE, DROP ROLE and DROP GROUP are run by the endpoint (with the user statements, translation.users), each
dropping only what it names (a role, a group); DROP ROLE refuses, as the page says, a role granted to a user or one
that was granted another role, unless FORCE. GRANT and REVOKE ... ON DATABASE name the cluster's database: the
endpoint runs them on the PostgreSQL database behind it. GRANT and REVOKE ROLE of the system-defined roles are
translation/system_roles.py's; CREATE ROLE of a name with their prefix sys: is refused. SET SESSION AUTHORIZATION
becomes SET ROLE: the privileges are the user's, session_user stays the master user's. Other statements naming a
system-defined role, system privileges granted to roles (GRANT CREATE USER TO ROLE r), ASSUMEROLE, EXTERNALID and
ALTER ROLE ... OWNER TO are refused by name. The table privileges PostgreSQL lacks (ALTER, DROP) are
translation/table_grants.py's.
"""

from __future__ import annotations

import re

from sqlglot import exp
from sqlglot.tokens import Token

from local_redshift.errors import (
    GROUP_HAS_PRIVILEGES,
    GROUP_MISSING,
    ROLE_DEPENDS_ON_A_ROLE,
    ROLE_GRANTED_TO_A_USER,
    ROLE_MISSING,
    ROLE_NAME_RESERVED,
    RedshiftError,
    SqlState,
    UnsupportedFeature,
)
from local_redshift.translation.parser import LocalRedshift
from local_redshift.translation.privileges import SERVER_ROLES
from local_redshift.translation.rule import Context, Rule, command_is, command_text, node_is, reject
from local_redshift.translation.users import UserStatement, holds_no_table_privilege, raise_when
from local_redshift.translation.words import Words, identifier, literal

ROLE_MARK = "redshift:role"
"""The comment that marks a PostgreSQL role as a Redshift role (catalog_sql/65_users_and_roles.sql reads it)."""

DATABASE_SLOT = "\x00database\x00"
"""Where the PostgreSQL database's name goes in a GRANT or REVOKE ... ON DATABASE (endpoint.users fills it in)."""

_SYSTEM_ROLE = re.compile(r"\bsys\s*:\s*(\w+)", re.IGNORECASE)
_SYSTEM_PRIVILEGES = ("CREATE USER", "ALTER USER", "DROP USER", "CREATE ROLE", "DROP ROLE", "ACCESS SYSTEM TABLE")


def role_statement(tokens: list[Token]) -> UserStatement | None:
    """The CREATE ROLE, DROP ROLE or DROP GROUP the tokens hold, or None."""
    words = Words(tokens)
    start = " ".join(text.upper() for text in words.texts[:2])
    if start not in ("CREATE ROLE", "DROP ROLE", "DROP GROUP"):
        return None
    words.position = 2
    name = words.name()
    if start == "DROP GROUP":
        words.end()
        return UserStatement("DROP GROUP", (name,), text=_drop_group(name))
    if start == "CREATE ROLE":
        if name.lower().startswith("sys:"):
            raise RedshiftError(ROLE_NAME_RESERVED.format(role=name), sqlstate=SqlState.RESERVED_NAME)
        if words.accept("EXTERNALID"):
            raise UnsupportedFeature.of("EXTERNALID (a role of an identity provider)", by="the local Redshift")
        words.end()
        role = identifier(name)
        text = f"CREATE ROLE {role} NOLOGIN;\nCOMMENT ON ROLE {role} IS {literal(ROLE_MARK)}"
        return UserStatement("CREATE ROLE", (name,), text=text)
    force = words.accept("FORCE")
    if not force:
        words.accept("RESTRICT")
    words.end()
    return UserStatement("DROP ROLE", (name,), text=_drop_role(name, force))


def database_grant(tokens: list[Token]) -> UserStatement | None:
    """A GRANT or REVOKE ... ON DATABASE name: run by the endpoint, which knows the PostgreSQL database behind the
    cluster's (DATABASE_SLOT stands for it); None for any other statement."""
    texts = [token.text.upper() for token in tokens]
    if texts[:1] not in (["GRANT"], ["REVOKE"]):
        return None
    at = next((i for i in range(len(texts) - 2) if texts[i : i + 2] == ["ON", "DATABASE"]), None)
    if at is None:
        return None
    name = Words(tokens[at + 2 : at + 3]).name()
    parts = [_token_sql(token) for token in tokens]
    parts[at + 2] = DATABASE_SLOT
    return UserStatement(texts[0], (), text=" ".join(parts), database=name)


def _drop_group(name: str) -> str:
    """DROP GROUP of a group alone (not of a user or a role of that name)."""
    group = f"SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = {literal(name)} AND NOT r.rolcanlogin"
    check = raise_when(
        SqlState.UNDEFINED_OBJECT,
        GROUP_MISSING.format(group=name),
        f"NOT EXISTS ({group} AND NOT redshift_system.is_rbac_role(r.oid))",
    )
    privileges = holds_no_table_privilege(name, GROUP_HAS_PRIVILEGES.format(group=name))
    return f"{check};\n{privileges};\nDROP ROLE {identifier(name)}"


def _drop_role(name: str, force: bool) -> str:
    """DROP ROLE, after the checks RESTRICT makes (r_DROP_ROLE.html's two errors) and that it is a role at all."""
    role, mark = literal(name), literal(ROLE_MARK)
    is_role = f"pg_catalog.shobj_description(r.oid, 'pg_authid') = {mark}"
    members = "pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles r ON r.oid = m.member"
    checks = [
        raise_when(
            SqlState.UNDEFINED_OBJECT,
            ROLE_MISSING.format(role=name),
            f"NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = {role} AND {is_role})",
        )
    ]
    if not force:
        checks += [
            raise_when(
                SqlState.DEPENDENT_OBJECTS,
                ROLE_GRANTED_TO_A_USER,
                f"EXISTS (SELECT 1 FROM {members} WHERE m.roleid = {role}::regrole AND r.rolcanlogin"
                " AND NOT redshift_system.is_master(r.oid))",  # the master user is a member of the roles it made
            ),
            raise_when(
                SqlState.DEPENDENT_OBJECTS,
                ROLE_DEPENDS_ON_A_ROLE,
                f"EXISTS (SELECT 1 FROM {members} WHERE r.rolname = {role})",
            ),
        ]
    return ";\n".join([*checks, f"DROP ROLE {identifier(name)}"])


def _grants_or_revokes(node: exp.Expr) -> bool:
    return isinstance(node, exp.Command) and command_text(node).upper().split()[:1] in (["GRANT"], ["REVOKE"])


def _names_a_role(node: exp.Expr) -> bool:
    """A GRANT or REVOKE naming a role: GRANT ROLE r, or a grantee ROLE r (REVOKE ... FROM ROLE r)."""
    return _grants_or_revokes(node) and "ROLE" in command_text(node).upper().split()


def _system_role(node: exp.Expr) -> bool:
    return _grants_or_revokes(node) and _SYSTEM_ROLE.search(command_text(node)) is not None


def _refuse_system_role(node: exp.Command, _: Context) -> exp.Expr:
    """The system-defined role "sys:<name>" is not supported by the local Redshift; ..."""
    role = _SYSTEM_ROLE.search(command_text(node))
    assert role is not None
    raise UnsupportedFeature.of(
        f'The system-defined role "sys:{role.group(1).lower()}"',
        by="the local Redshift",
        hint="the master user is the cluster's superuser; grant privileges on schemas and tables instead",
    )


def _system_privilege(node: exp.Expr) -> bool:
    """GRANT or REVOKE of a system privilege (CREATE USER, ...) rather than of privileges on objects."""
    if not _grants_or_revokes(node):
        return False
    words = " ".join(command_text(node).upper().split()[1:4])
    return any(words.startswith(privilege) for privilege in _SYSTEM_PRIVILEGES)


def _as_postgresql(node: exp.Command, _: Context) -> exp.Expr:
    """GRANT ROLE r TO u becomes GRANT r TO u, and a grantee ROLE r becomes r (REVOKE alike)."""
    text = command_text(node)
    tokens = LocalRedshift().tokenize(text)
    dropped = {
        index
        for index, token in enumerate(tokens)
        if token.text.upper() == "ROLE" and token.token_type.name != "IDENTIFIER" and _role_keyword(tokens, index)
    }
    kept = [token for index, token in enumerate(tokens) if index not in dropped]
    rewritten = " ".join(_token_sql(token) for token in kept)
    verb, _, rest = rewritten.partition(" ")
    return exp.Command(this=verb, expression=exp.Literal.string(rest))


def _role_keyword(tokens: list[Token], index: int) -> bool:
    """Whether the ROLE at `index` is the keyword before a role's name (not a name itself)."""
    before = tokens[index - 1].text.upper() if index else ""
    return before in ("GRANT", "REVOKE", "TO", "FROM", ",", "FOR") and index + 1 < len(tokens)


def _plain_grantee(principal: exp.GrantPrincipal, _: Context) -> exp.Expr:
    """A grantee ROLE r of a GRANT or REVOKE sqlglot reads: PostgreSQL's grantee r."""
    principal.set("kind", None)
    return principal


def _session_authorization(node: exp.Expr) -> tuple[str, str | None] | None:
    """SET [LOCAL | SESSION] SESSION AUTHORIZATION { user | DEFAULT } or RESET SESSION AUTHORIZATION: whether it is
    LOCAL ('LOCAL ' or ''), and the user (None: DEFAULT); None for any other statement."""
    if not isinstance(node, exp.Command):
        return None
    words = command_text(node).split()
    upper = [word.upper() for word in words]
    if upper == ["RESET", "SESSION", "AUTHORIZATION"]:
        return "", None
    if upper[:1] != ["SET"]:
        return None
    local = "LOCAL " if upper[1:2] == ["LOCAL"] else ""
    at = 2 if upper[1:2] in (["LOCAL"], ["SESSION"]) and upper[2:3] == ["SESSION"] else 1
    if upper[at : at + 2] != ["SESSION", "AUTHORIZATION"] or len(words) != at + 3:
        return None
    user = words[at + 2]
    return local, None if user.upper() == "DEFAULT" else user


def _as_set_role(node: exp.Command, _: Context) -> exp.Expr:
    """SET SESSION AUTHORIZATION user becomes SET ROLE user: the master user acts as a user it created, as
    r_SET_SESSION_AUTHORIZATION.html has a superuser test a user's access; DEFAULT (and RESET) come back."""
    authorization = _session_authorization(node)
    assert authorization is not None
    local, user = authorization
    if user is not None and user.strip("\"'").lower() in SERVER_ROLES:
        raise UnsupportedFeature.of(
            f'SET SESSION AUTHORIZATION to the role "{user.strip(chr(34) + chr(39))}" (the local server\'s own, no'
            " user of the cluster)",
            by="the local Redshift",
        )
    text = ("SET LOCAL ROLE NONE" if local else "RESET ROLE") if user is None else f"SET {local}ROLE {user}"
    verb, _, rest = text.partition(" ")
    return exp.Command(this=verb, expression=exp.Literal.string(rest))


def _token_sql(token: Token) -> str:
    if token.token_type.name == "STRING":
        return literal(token.text)
    if token.token_type.name == "IDENTIFIER":
        return identifier(token.text)
    return token.text


def _alters_a_role(option: str, negate: bool = False):
    """ALTER ROLE name <option> (or, `negate`: any option but it)."""

    def matches(node: exp.Expr) -> bool:
        words = command_text(node).upper().split() if command_is("ALTER", "ROLE")(node) else []
        return bool(words) and ((words[3:4] != [option]) if negate else (words[3:4] == [option]))

    return matches


def _assumes_roles(node: exp.Expr) -> bool:
    return _grants_or_revokes(node) and command_text(node).upper().split()[1:2] == ["ASSUMEROLE"]


RULES: list[Rule] = [
    Rule("The system-defined roles (sys:...)", _system_role, _refuse_system_role),
    reject(
        "GRANT or REVOKE ASSUMEROLE",
        _assumes_roles,
        by="the local Redshift",
        hint="every user may use the cluster's IAM roles, as Redshift lets them by default",
    ),
    reject(
        "GRANT or REVOKE of a system privilege (CREATE USER, CREATE ROLE, ...)",
        _system_privilege,
        by="the local Redshift",
        hint="the master user creates users and roles",
    ),
    reject("ALTER ROLE ... OWNER TO", _alters_a_role("OWNER"), by="the local Redshift"),
    reject("ALTER ROLE ... EXTERNALID TO", _alters_a_role("EXTERNALID"), by="the local Redshift"),
    reject("ALTER ROLE with an option other than RENAME TO", _alters_a_role("RENAME", negate=True)),
    Rule("GRANT ROLE and the grantee ROLE", _names_a_role, _as_postgresql),
    Rule("SET SESSION AUTHORIZATION", lambda node: _session_authorization(node) is not None, _as_set_role),
    Rule(
        "The grantee ROLE",
        node_is(exp.GrantPrincipal, where=lambda principal: str(principal.args.get("kind") or "").upper() == "ROLE"),
        _plain_grantee,
    ),
]
"""Applied after translation.privileges, which refuses the server's own roles and superusers."""
