"""Names: delimited identifiers fold to lower case."""

from __future__ import annotations

from tests.local_redshift.translation.support import column_names, one, run


def test_quoted_names_fold_to_lower_case(conn):
    run(conn, 'CREATE TABLE "MixedCase" ("ColumnA" INT); INSERT INTO MixedCase VALUES (1)')
    assert column_names(conn, 'SELECT "ColumnA" AS "Alias" FROM "MIXEDCASE"') == ["alias"]
    assert one(conn, "SELECT columna FROM mixedcase") == 1
