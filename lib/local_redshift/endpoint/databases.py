"""The databases a session's statements name, checked against the session's own: the translation cannot tell which
database a session is connected to, nor which one its cluster was created with (translation/databases.py).

What a check refuses, PostgreSQL raises in place of the statement (raise_sql), so that the transaction and protocol
state are those of any failing statement; a statement that names no database passes as it is.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sqlglot import exp

from local_redshift.endpoint.raised import raise_sql
from local_redshift.endpoint.shown import read_elsewhere
from local_redshift.errors import (
    CURRENT_DATABASE_DROPPED,
    CURRENT_DATABASE_RENAMED,
    DATABASE_EXISTS,
    RedshiftError,
    SqlState,
    UnsupportedFeature,
)
from local_redshift.translation import Statement
from local_redshift.translation.databases import (
    CREATE,
    DROP,
    QUALIFIED,
    RENAME,
    SHOWN,
    SHOWN_BOUND,
    NamedDatabase,
    database_check,
)


@dataclass(frozen=True)
class SessionDatabases:
    """A session's databases: the one it is connected to and the cluster's own (both by their Redshift names), and
    the PostgreSQL name of the cluster's own."""

    connected: str
    cluster: str
    cluster_postgres: str

    def checked(self, statements: tuple[Statement, ...] | RedshiftError) -> tuple[Statement, ...] | RedshiftError:
        """The statements as this session runs them."""
        if isinstance(statements, RedshiftError) or not any(statement.databases for statement in statements):
            return statements
        return tuple(self._checked(statement) for statement in statements)

    def elsewhere(self, statement: Statement) -> str | None:
        """The other database whose contents the statement shows (SHOW TABLES FROM SCHEMA other.s, ...), if any."""
        shown = (named.name for named in statement.databases if named.verb == SHOWN and named.name != self.connected)
        return next(shown, None)

    @staticmethod
    def shown_parameter(statement: Statement) -> int | None:
        """The parameter (0 for $1) whose bound value names the database whose contents the statement shows."""
        bound = (int(named.name[1:]) - 1 for named in statement.databases if named.verb == SHOWN_BOUND)
        return next(bound, None)

    def _checked(self, statement: Statement) -> Statement:
        shown_there = self.elsewhere(statement) is not None or self.shown_parameter(statement) is not None
        if shown_there:  # read there by the endpoint first (endpoint/shown.py)
            return dataclasses.replace(statement, postgres=[read_elsewhere(statement.postgres[0])])
        for named in statement.databases:
            if (instead := self._instead(named)) is not None:
                return dataclasses.replace(statement, postgres=[instead])
        return statement

    def _instead(self, named: NamedDatabase) -> str | None:
        """What PostgreSQL runs instead of the statement naming `named`, or None when the statement runs as it is."""
        name, verb = named.name, named.verb
        if verb == SHOWN:  # of the connected database (another's is read by the endpoint: elsewhere)
            return None
        if verb == QUALIFIED:  # another database: a cross-database query, or no database (the catalog says which)
            return None if name == self.connected else database_check(name)
        if name == self.connected and verb == DROP:
            return raise_sql(RedshiftError(CURRENT_DATABASE_DROPPED, sqlstate=SqlState.OBJECT_IN_USE))
        if name == self.connected and verb == RENAME:
            return raise_sql(RedshiftError(CURRENT_DATABASE_RENAMED, sqlstate=SqlState.FEATURE_NOT_SUPPORTED))
        if name != self.cluster:
            return None
        if verb == CREATE:
            return raise_sql(RedshiftError(DATABASE_EXISTS.format(name=name), sqlstate=SqlState.DUPLICATE_DATABASE))
        if verb in (DROP, RENAME):  # its data is the cluster's: it goes only with the cluster
            construct = "DROP DATABASE" if verb == DROP else "ALTER DATABASE ... RENAME TO"
            refusal = UnsupportedFeature.of(
                f"{construct} of the database the cluster was created with ({name})", by="the local Redshift"
            )
            return raise_sql(refusal)
        postgres_name = exp.to_identifier(self.cluster_postgres, quoted=True).sql(dialect="postgres")
        return f"ALTER DATABASE {postgres_name} {named.rest}"
