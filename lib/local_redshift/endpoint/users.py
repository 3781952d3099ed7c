"""CREATE, ALTER and DROP USER (and CREATE and DROP ROLE) in a client's session: the role statement runs in the
client's own backend and transaction, with a password of the endpoint's own for the role; once PostgreSQL accepted
it, the user's md5 verifier is recorded (local_redshift.logins), so that the user then logs in through the endpoint.

A statement that ran outside a transaction block has committed, and its verifier replaces the user's others; inside
a block it is kept beside them, and whichever PostgreSQL committed opens the role: a rolled-back CREATE USER leaves
no login behind. The master user's login is the AWS stand-in's: its role keeps the endpoint's master password.
"""

from __future__ import annotations

from local_redshift.endpoint.clusters import ClusterDirectory
from local_redshift.endpoint.copying import report
from local_redshift.endpoint.login import Login
from local_redshift.endpoint.relay import ClientGone, Relay, Route
from local_redshift.errors import (
    DATABASE_MISSING,
    GROUP_HAS_PRIVILEGES,
    USER_HAS_PRIVILEGES,
    USER_OWNS_OBJECTS,
    BackendError,
    RedshiftError,
    SqlState,
)
from local_redshift.translation.roles import DATABASE_SLOT
from local_redshift.translation.users import UserStatement
from local_redshift.translation.words import identifier


class UserPath:
    """Runs the user statements of one session and keeps the cluster's logins in step."""

    def __init__(self, relay: Relay, login: Login, directory: ClusterDirectory) -> None:
        self._relay = relay
        self._login = login
        self._directory = directory

    def run_or_report(self, statement: UserStatement, extended: bool) -> str | None:
        """The statement's command tag; None when it failed, the failure told to the client."""
        try:
            self._run(statement)
        except ClientGone:
            raise
        except Exception as error:
            report(self._relay, error, extended)
            return None
        return statement.tag

    def _run(self, statement: UserStatement) -> None:
        if not statement.of_users:
            self._query(statement, self._role_text(statement))
            return
        warehouses, database = self._directory.warehouses, self._login.postgres_database
        logins = warehouses.logins(database)
        [user, *_] = statement.users
        master = user == self._login.cluster.master_username
        verifier = statement.password.verifier if statement.password is not None else None
        role_password = None
        if verifier is not None:
            role_password = warehouses.master_password(database) if master else logins.role_password(user, verifier)
        self._query(statement, statement.postgres(role_password))
        committed = self._relay.status == "I"
        if statement.renamed_to is not None:
            logins.forget(user, committed)
            logins.set(statement.renamed_to, None, committed)
        elif statement.tag == "DROP USER":
            for dropped in statement.users:
                logins.forget(dropped, committed)
        elif statement.password is not None and not master:
            logins.set(user, verifier, committed)

    def _role_text(self, statement: UserStatement) -> str:
        """A role statement's PostgreSQL text, the database it names (GRANT ... ON DATABASE) the cluster's own or
        one made in it by CREATE DATABASE (of the same name in PostgreSQL)."""
        if statement.database is None:
            return statement.postgres(None)
        cluster = self._login.cluster
        if statement.database == cluster.database:
            named = self._login.postgres_database
        elif self._directory.holds(cluster, statement.database):
            named = statement.database
        else:
            missing = DATABASE_MISSING.format(name=statement.database)
            raise RedshiftError(missing, sqlstate=SqlState.INVALID_CATALOG_NAME)
        return statement.postgres(None).replace(DATABASE_SLOT, identifier(named))

    def _query(self, statement: UserStatement, sql: str) -> None:
        reply = self._relay.query(sql, Route.CAPTURE)
        if reply.error is not None:  # reported in Redshift's words where they differ (copying.report)
            raise BackendError(_in_redshifts_words(reply.error, statement))


def _in_redshifts_words(fields: dict[str, str], statement: UserStatement) -> dict[str, str]:
    """DROP USER's and DROP GROUP's refusals as r_DROP_USER.html and r_DROP_GROUP.html word them; any other error
    as PostgreSQL gave it."""
    if statement.tag not in ("DROP USER", "DROP GROUP") or fields.get("C") != SqlState.DEPENDENT_OBJECTS:
        return fields
    name = fields.get("M", "").partition('"')[2].rpartition('"')[0]
    owns = any(line.startswith("owner of") for line in fields.get("D", "").splitlines())
    if statement.tag == "DROP GROUP":
        message = GROUP_HAS_PRIVILEGES.format(group=name)
    else:
        message = (USER_OWNS_OBJECTS if owns else USER_HAS_PRIVILEGES).format(user=name)
    return {**fields, "C": SqlState.OBJECT_IN_USE.value, "M": message}
