"""GRANT and REVOKE of table privileges that name ALTER, DROP or ALL (r_GRANT.html, r_REVOKE.html), run by the
endpoint: PostgreSQL's GRANT of the privileges it has (SELECT, INSERT, UPDATE, DELETE, REFERENCES, TRUNCATE and, for
ALL, TRIGGER), then the catalog's grant_relation_privileges for ALTER and DROP (and, for ALL, RULE), which PostgreSQL
lacks (catalog_sql/64_relation_privileges.sql). ALL grants no MAINTAIN, PostgreSQL's own. A grant of PostgreSQL's
privileges alone, or of column privileges, goes the usual way (translation.roles).

LENDING: a DROP or ALTER of tables or views first lends each one the user does not own but holds the privilege on to
the user, until its transaction commits (the catalog's lend_relations), so that PostgreSQL lets the grantee drop or
alter it. HAS_TABLE_PRIVILEGE answers for DROP and ALTER too (the catalog's has_table_privilege).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp
from sqlglot.tokens import Token

from local_redshift.translation.privileges import SERVER_ROLES, refuse_server_role_named
from local_redshift.translation.rule import Context, Rule, call_of, catalog_call, node_is
from local_redshift.translation.users import UserStatement
from local_redshift.translation.words import Words, identifier, literal

_POSTGRESQL = ("SELECT", "INSERT", "UPDATE", "DELETE", "REFERENCES", "TRUNCATE")
_REDSHIFT = ("ALTER", "DROP")
ALL_PRIVILEGES = (*_POSTGRESQL, "TRIGGER", "ALTER", "DROP", "RULE")
"""What GRANT ALL on a table grants."""
_RELATION_KINDS = "('r', 'p', 'v', 'm', 'f')"  # what ALL TABLES IN SCHEMA covers, as in PostgreSQL


@dataclass(frozen=True)
class _Grantee:
    postgresql: str  # as PostgreSQL's GRANT names it
    name: str  # the role's name ('public': PUBLIC)


def table_grant(tokens: list[Token]) -> UserStatement | None:
    """The GRANT or REVOKE on tables the tokens hold when it names ALTER, DROP or ALL; None for any other."""
    words = Words(tokens)
    verb = words.texts[0].upper() if words.texts else ""
    if verb not in ("GRANT", "REVOKE"):
        return None
    words.position = 1
    option_for = verb == "REVOKE" and words.accept("GRANT")
    if option_for:
        words.expect("OPTION")
        words.expect("FOR")
    privileges = _privileges(words)
    if privileges is None or not words.accept("ON"):
        return None
    target = _target(words)
    if target is None or not any(privilege in ("ALL", *_REDSHIFT) for privilege in privileges):
        return None
    on, relations = target
    words.expect("TO" if verb == "GRANT" else "FROM")
    grantees = [_grantee(words)]
    while words.accept(","):
        grantees.append(_grantee(words))
    grant_option = cascade = False
    if verb == "GRANT" and words.accept("WITH"):
        words.expect("GRANT")
        words.expect("OPTION")
        grant_option = True
    elif verb == "REVOKE" and not words.accept("RESTRICT"):
        cascade = words.accept("CASCADE")
    words.end()
    for grantee in grantees:
        if grantee.name in SERVER_ROLES:
            refuse_server_role_named(grantee.name)
    if privileges == ["ALL"]:
        privileges = list(ALL_PRIVILEGES)
    postgresql = [privilege for privilege in privileges if privilege not in (*_REDSHIFT, "RULE")]
    redshift = [privilege for privilege in privileges if privilege in (*_REDSHIFT, "RULE")]
    statements = []
    if postgresql:
        to = " TO " if verb == "GRANT" else " FROM "
        statements.append(
            verb + (" GRANT OPTION FOR " if option_for else " ") + ", ".join(postgresql) + f" ON {on}" + to
            + ", ".join(grantee.postgresql for grantee in grantees)
            + (" WITH GRANT OPTION" if grant_option else "") + (" CASCADE" if cascade else "")
        )  # fmt: skip
    arguments = [
        "true" if verb == "GRANT" else "false",
        relations,
        "ARRAY[" + ", ".join(map(literal, redshift)) + "]",
        "ARRAY[" + ", ".join(literal(grantee.name) for grantee in grantees) + "]::text[]",
        "true" if grant_option or option_for else "false",
        "true" if cascade else "false",
    ]
    statements.append(f"SELECT redshift_system.grant_relation_privileges({', '.join(arguments)})")
    return UserStatement(verb, (), text=";\n".join(statements))


def _privileges(words: Words) -> list[str] | None:
    """ALL [PRIVILEGES], or the table privileges named; None where they are not table privileges alone (a column
    list, USAGE, EXECUTE, a role...)."""
    if words.accept("ALL"):
        words.accept("PRIVILEGES")
        return ["ALL"]
    privileges = []
    while True:
        privilege = words.word()
        if privilege not in (*_POSTGRESQL, *_REDSHIFT) or (not words.done() and words.texts[words.position] == "("):
            return None
        privileges.append(privilege)
        if not words.accept(","):
            return privileges


def _target(words: Words) -> tuple[str, str] | None:
    """What the privileges are on, as PostgreSQL's GRANT names it, and the catalog's array of its relations; None
    when it is no table (ON DATABASE, SCHEMA, FUNCTION...)."""
    if words.accept("ALL"):
        words.expect("TABLES")
        words.expect("IN")
        words.expect("SCHEMA")
        schemas = [words.object_name()]
        while words.accept(","):
            schemas.append(words.object_name())
        namespaces = ", ".join(f"{literal(identifier(schema))}::regnamespace" for schema in schemas)
        relations = (
            "ARRAY(SELECT c.oid FROM pg_catalog.pg_class c WHERE c.relnamespace IN"
            f" ({namespaces}) AND c.relkind IN {_RELATION_KINDS})"
        )
        return "ALL TABLES IN SCHEMA " + ", ".join(map(identifier, schemas)), relations
    if not words.accept("TABLE") and _names_another_object(words.texts[words.position : words.position + 2]):
        return None
    names = [_relation(words)]
    while words.accept(","):
        names.append(_relation(words))
    if any(name is None for name in names):
        return None
    relations = "ARRAY[" + ", ".join(f"{literal(name)}::regclass" for name in names if name) + "]::oid[]"
    return "TABLE " + ", ".join(name for name in names if name), relations


_OTHER_OBJECTS = frozenset(
    {"DATABASE", "SCHEMA", "FUNCTION", "PROCEDURE", "LANGUAGE", "DATASHARE", "EXTERNAL", "MODEL", "COPY", "TEMPLATE"}
)


def _names_another_object(texts: list[str]) -> bool:
    """Whether ON is followed by a kind of object other than a table (ON SCHEMA s), not by a table of that name."""
    return bool(texts) and texts[0].upper() in _OTHER_OBJECTS and [t.upper() for t in texts[1:]] not in (
        [","], ["."], ["TO"], ["FROM"],
    )  # fmt: skip


def _relation(words: Words) -> str | None:
    """A table's one- or two-part name as PostgreSQL reads it; None for a three-part name (the usual way refuses
    another database's)."""
    parts = [words.object_name()]
    while words.accept("."):
        parts.append(words.object_name())
    return ".".join(map(identifier, parts)) if len(parts) <= 2 else None


def _grantee(words: Words) -> _Grantee:
    if words.accept("PUBLIC"):
        return _Grantee("PUBLIC", "public")
    if words.accept("ROLE"):
        name = words.name()
        return _Grantee(identifier(name), name)
    group = words.accept("GROUP")
    name = words.name()
    return _Grantee(("GROUP " if group else "") + identifier(name), name)


def _lend(statement: exp.Drop | exp.Alter, context: Context) -> exp.Expr:
    privilege = "DROP" if isinstance(statement, exp.Drop) else "ALTER"
    tables = statement.args.get("tables") or [] if isinstance(statement, exp.Drop) else [statement.this]
    names = ", ".join(f"pg_catalog.to_regclass({literal(table.sql(dialect='postgres'))})" for table in tables)
    context.before.append(f"SELECT redshift_system.lend_relations(ARRAY[{names}]::oid[], {literal(privilege)})")
    return statement


LENDING = Rule(
    "DROP or ALTER of a table or view, by a holder of the privilege",
    node_is(exp.Drop, exp.Alter, where=lambda node: node.parent is None and node.kind in ("TABLE", "VIEW")),
    _lend,
)

HAS_TABLE_PRIVILEGE = Rule(
    "HAS_TABLE_PRIVILEGE(), which knows DROP",
    call_of("HAS_TABLE_PRIVILEGE"),
    lambda call, _: catalog_call("has_table_privilege", *call.expressions),
)
