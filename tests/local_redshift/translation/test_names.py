"""Names: delimited identifiers fold to lower case; unaliased results are named as Redshift names them."""

from __future__ import annotations

import pytest

from local_redshift.errors import RedshiftError
from local_redshift.translation import translate
from tests.local_redshift.translation.support import column_names, one, run


def test_quoted_names_fold_to_lower_case(conn):
    run(conn, 'CREATE TABLE "MixedCase" ("ColumnA" INT); INSERT INTO MixedCase VALUES (1)')
    assert column_names(conn, 'SELECT "ColumnA" AS "Alias" FROM "MIXEDCASE"') == ["alias"]
    assert one(conn, "SELECT columna FROM mixedcase") == 1


def test_an_unaliased_percentile_keeps_its_own_name_and_listagg_its(conn):
    # r_PERCENTILE_CONT.html and r_LISTAGG.html show their result columns as percentile_cont and listagg
    run(conn, "CREATE TABLE named_values (v INT); INSERT INTO named_values VALUES (1), (2)")
    within = "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY v) FROM named_values"
    assert column_names(conn, within) == ["percentile_cont"]
    listagg = "SELECT LISTAGG(v, ',') WITHIN GROUP (ORDER BY v) FROM named_values"
    assert column_names(conn, listagg) == ["listagg"]


def test_only_ascii_letters_fold(conn):
    # "Names and identifiers": ASCII letters in standard and delimited identifiers are folded to lowercase; the
    # driver's special-character suite finds a table created as "ÖhNo" under Öhno, "OhNÖ" under ohnÖ
    run(conn, 'CREATE TABLE "ÖhNo" (v INT); CREATE TABLE "OhNÖ" (v INT)')
    names = "SELECT relname FROM pg_class WHERE relname IN ('Öhno', 'ohnÖ') ORDER BY relname"
    assert run(conn, names) == [("ohnÖ",), ("Öhno",)]


def test_a_name_longer_than_postgresql_keeps_is_refused_not_cut_short():
    # r_names.html: identifiers "Be between 1 and 127 bytes in length"; PostgreSQL keeps 63, and would make
    # two names alike in their first 63 bytes one table
    translate(f"CREATE TABLE {'t' * 63} (v INT)")
    for name in ("t" * 64, '"' + "é" * 32 + '"'):  # 64 bytes, the second in 32 two-byte letters
        with pytest.raises(RedshiftError) as refused:
            translate(f"CREATE TABLE words ({name} INT)")
        assert refused.value.sqlstate == "0A000"
        assert "is 64 bytes long, and the local Redshift keeps names of up to 63 bytes" in refused.value.message
