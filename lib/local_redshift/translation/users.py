"""CREATE USER, ALTER USER and DROP USER, read as their pages have them (r_CREATE_USER.html, r_ALTER_USER.html,
r_DROP_USER.html) into what the endpoint runs: PostgreSQL's CREATE / ALTER / DROP ROLE with a password of the
endpoint's own in place of the user's, whose md5 verifier the endpoint keeps (local_redshift.logins).

The user's password is checked as Redshift checks it: clear text of 8 to 64 characters with an uppercase letter, a
lowercase letter and a digit, or 'md5' followed by the md5 of password and user name, or DISABLE. Of the options,
those PostgreSQL can hold are kept (CREATEDB, IN GROUP, VALID UNTIL, CONNECTION LIMIT, SESSION TIMEOUT as the
role's idle_session_timeout, SET and RESET); SYSLOG ACCESS UNRESTRICTED, EXTERNALID and SHA-256 passwords are
refused by name. CREATEUSER and SUPERUSER are refused before (translation.privileges). DROP USER drops users only:
a group or role of the name is no user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlglot.tokens import Token

from local_redshift.errors import (
    PASSWORD_CHARACTERS,
    PASSWORD_CLASSES,
    PASSWORD_LENGTH,
    SESSION_TIMEOUT_RANGE,
    SYNTAX_END,
    USER_HAS_PRIVILEGES,
    USER_MISSING,
    RedshiftError,
    SqlState,
    UnsupportedFeature,
)
from local_redshift.logins import md5_verifier
from local_redshift.translation.words import Words, identifier, literal

STATEMENTS = ("CREATE USER", "ALTER USER", "DROP USER")
"""The statements read here, by their first two words."""

_MD5_HASH = re.compile(r"md5[0-9a-fA-F]{32}")
_NOT_IN_PASSWORDS = "'\"\\/"
"""Of ASCII 33-126, what a clear-text password may not hold: the page also names @, but its own example
('@AbC4321!') uses it, and so it is let through."""
_SESSION_TIMEOUT = (60, 1_728_000)  # seconds, r_CREATE_USER.html


@dataclass(frozen=True)
class Password:
    """A user's new password: its md5 verifier, or None when it is disabled."""

    verifier: str | None


@dataclass(frozen=True)
class UserStatement:
    """A CREATE, ALTER or DROP USER as the endpoint runs it."""

    tag: str  # Redshift's command tag
    users: tuple[str, ...]  # the user (DROP USER: every user) it names
    password: Password | None = None  # None: the password is not changed
    options: str = ""  # PostgreSQL role options other than the password, each after a space
    settings: tuple[str, ...] = ()  # SET and RESET clauses of ALTER ROLE
    renamed_to: str | None = None
    if_exists: bool = False
    groups: tuple[str, ...] = ()  # CREATE USER ... IN GROUP
    text: str = ""  # the PostgreSQL text of a statement that sets no password (translation.roles)
    database: str | None = None  # the database a GRANT or REVOKE ... ON DATABASE names (translation.roles)

    @property
    def of_users(self) -> bool:
        """Whether the statement changes users (and so their logins), not roles."""
        return self.tag in STATEMENTS

    def postgres(self, role_password: str | None) -> str:
        """The PostgreSQL statements, `role_password` standing for the user's (None when it is disabled or kept)."""
        if self.text:
            return self.text
        names = [identifier(user) for user in self.users]
        if self.tag == "DROP USER":  # users alone: a group or a role of that name is none
            checks = [_user_check(user, self.if_exists) for user in self.users]
            checks += [holds_no_table_privilege(user, USER_HAS_PRIVILEGES.format(user=user)) for user in self.users]
            return ";\n".join([*checks, "DROP ROLE " + ("IF EXISTS " if self.if_exists else "") + ", ".join(names)])
        [name] = names
        if self.renamed_to is not None:  # the md5 hash salted with the old name no longer holds: Redshift clears it
            renamed = identifier(self.renamed_to)
            return f"ALTER ROLE {name} RENAME TO {renamed};\nALTER ROLE {renamed} PASSWORD NULL"
        password = ""
        if self.password is not None:
            password = " PASSWORD " + (literal(role_password) if role_password is not None else "NULL")
        statements = []
        if self.tag == "CREATE USER":
            groups = " IN ROLE " + ", ".join(map(identifier, self.groups)) if self.groups else ""
            statements.append(f"CREATE ROLE {name} LOGIN{password}{self.options}{groups}")
        elif password or self.options:
            statements.append(f"ALTER ROLE {name} WITH{password}{self.options}")
        statements += [f"ALTER ROLE {name} {setting}" for setting in self.settings]
        return ";\n".join(statements)


def raise_when(sqlstate: SqlState, message: str, condition: str) -> str:
    """A statement that fails with `message` when `condition` holds (catalog_sql/40_functions.sql's raise_error)."""
    return f"SELECT redshift_system.raise_error({literal(sqlstate.value)}, {literal(message)}) WHERE {condition}"


def holds_no_table_privilege(name: str, refusal: str) -> str:
    """A statement that fails with `refusal` when role `name` holds (or granted) a table's ALTER, DROP or RULE, which
    the catalog keeps beside PostgreSQL's ACLs (catalog_sql/64_relation_privileges.sql), and owns no table, schema or
    function (PostgreSQL's DROP ROLE then says so, as r_DROP_USER.html's first error)."""
    role = f"SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = {literal(name)}"
    owns = " OR ".join(
        f"EXISTS (SELECT 1 FROM pg_catalog.{table} WHERE {owner} IN ({role}))"
        for table, owner in (("pg_class", "relowner"), ("pg_namespace", "nspowner"), ("pg_proc", "proowner"))
    )
    holds = f"SELECT 1 FROM redshift_system.relation_privileges p WHERE p.grantee IN ({role}) OR p.grantor IN ({role})"
    return raise_when(SqlState.OBJECT_IN_USE, refusal, f"EXISTS ({holds}) AND NOT ({owns})")


def _user_check(user: str, if_exists: bool) -> str:
    roles = f"SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = {literal(user)}"
    condition = f"EXISTS ({roles} AND NOT r.rolcanlogin)"
    if not if_exists:
        condition = f"NOT EXISTS ({roles} AND r.rolcanlogin)"
    return raise_when(SqlState.UNDEFINED_OBJECT, USER_MISSING.format(user=user), condition)


def user_statement(tokens: list[Token]) -> UserStatement | None:
    """The user statement the tokens hold, or None when they hold no CREATE, ALTER or DROP USER."""
    words = Words(tokens)
    start = " ".join(word.upper() for word in words.texts[:2])
    if start not in STATEMENTS:
        return None
    words.position = 2
    if start == "DROP USER":
        return _drop(words)
    name = words.name()
    return _create(words, name) if start == "CREATE USER" else _alter(words, name)


def _create(words: Words, name: str) -> UserStatement:
    words.accept("WITH")
    options = _Options(name)
    while not words.done():
        options.read(words, creating=True)
    if options.password is None:
        raise RedshiftError(SYNTAX_END, sqlstate=SqlState.SYNTAX_ERROR)
    return UserStatement(
        "CREATE USER", (name,), options.password, options.text, tuple(options.settings), groups=tuple(options.groups)
    )


def _alter(words: Words, name: str) -> UserStatement:
    if words.accept("RENAME"):
        words.expect("TO")
        renamed = words.name()
        words.end()
        return UserStatement("ALTER USER", (name,), renamed_to=renamed)
    words.accept("WITH")
    options = _Options(name)
    options.read(words, creating=False)
    while not words.done():
        words.accept(",")
        options.read(words, creating=False)
    return UserStatement("ALTER USER", (name,), options.password, options.text, tuple(options.settings))


def _drop(words: Words) -> UserStatement:
    if_exists = words.accept("IF")
    if if_exists:
        words.expect("EXISTS")
    users = [words.name()]
    while words.accept(","):
        users.append(words.name())
    words.end()
    return UserStatement("DROP USER", tuple(users), if_exists=if_exists)


class _Options:
    """The options of a CREATE or ALTER USER, read one at a time."""

    def __init__(self, user: str) -> None:
        self.user = user
        self.password: Password | None = None
        self.text = ""
        self.settings: list[str] = []
        self.groups: list[str] = []

    def read(self, words: Words, creating: bool) -> None:
        word = words.word()
        if word == "PASSWORD":
            self.password = _password(words, self.user)
        elif word in ("CREATEDB", "NOCREATEDB"):
            self.text += f" {word}"
        elif word == "NOCREATEUSER":
            pass  # the default: an ordinary user
        elif word == "SYSLOG":
            words.expect("ACCESS")
            if words.word() == "UNRESTRICTED":
                raise UnsupportedFeature.of(
                    "SYSLOG ACCESS UNRESTRICTED", by="the local Redshift", hint="a user sees its own rows of the logs"
                )
        elif word == "VALID":
            words.expect("UNTIL")
            self.text += f" VALID UNTIL {literal(words.string())}"
        elif word == "CONNECTION":
            words.expect("LIMIT")
            limit = "-1" if words.accept("UNLIMITED") else words.number()
            self.text += f" CONNECTION LIMIT {limit}"
        elif word == "SESSION":
            words.expect("TIMEOUT")
            self.settings.append(f"SET idle_session_timeout = '{_session_timeout(words.number())}s'")
        elif word == "IN" and creating:
            words.expect("GROUP")
            self.groups.append(words.name())
            while words.accept(","):
                self.groups.append(words.name())
        elif word == "EXTERNALID":
            raise UnsupportedFeature.of("EXTERNALID (a user of an identity provider)", by="the local Redshift")
        elif word in ("SET", "RESET") and not creating:
            self.settings.append(_setting(words, word))
        else:
            raise words.unexpected()


def _password(words: Words, user: str) -> Password:
    if words.accept("DISABLE"):
        return Password(None)
    text = words.string()
    if _MD5_HASH.fullmatch(text):  # checked as a hash, not as a password (r_CREATE_USER.html)
        return Password(text[3:].lower())
    if text.lower().startswith("sha256|"):
        raise UnsupportedFeature.of(
            "A SHA-256 password ('sha256|...')",
            by="the local Redshift",
            hint="give it in clear text or as 'md5' followed by md5(password + user name)",
        )
    if not 8 <= len(text) <= 64:
        raise RedshiftError(PASSWORD_LENGTH, sqlstate=SqlState.INVALID_PARAMETER_VALUE)
    if any(not 33 <= ord(character) <= 126 or character in _NOT_IN_PASSWORDS for character in text):
        raise RedshiftError(PASSWORD_CHARACTERS, sqlstate=SqlState.INVALID_PARAMETER_VALUE)
    if not (re.search("[A-Z]", text) and re.search("[a-z]", text) and re.search("[0-9]", text)):
        raise RedshiftError(PASSWORD_CLASSES, sqlstate=SqlState.INVALID_PARAMETER_VALUE)
    return Password(md5_verifier(text, user))


def _session_timeout(seconds: str) -> int:
    if not _SESSION_TIMEOUT[0] <= int(seconds) <= _SESSION_TIMEOUT[1]:
        raise RedshiftError(SESSION_TIMEOUT_RANGE, sqlstate=SqlState.INVALID_PARAMETER_VALUE)
    return int(seconds)


def _setting(words: Words, verb: str) -> str:
    """SET parameter { TO | = } { value | DEFAULT }, or RESET parameter (SESSION TIMEOUT: the role's timeout)."""
    if verb == "RESET" and words.accept("SESSION"):
        words.expect("TIMEOUT")
        return "RESET idle_session_timeout"
    parameter = words.name()
    if verb == "RESET":
        return f"RESET {identifier(parameter)}"
    if not (words.accept("TO") or words.accept("=")):
        raise words.unexpected()
    if words.accept("DEFAULT"):
        return f"SET {identifier(parameter)} TO DEFAULT"
    values = [words.value()]
    while words.accept(","):
        values.append(words.value())
    return f"SET {identifier(parameter)} TO {', '.join(values)}"
