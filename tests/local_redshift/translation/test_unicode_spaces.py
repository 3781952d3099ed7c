"""Names holding a non-ASCII space: one name, as PostgreSQL's scanner (and Redshift's) reads them."""

from __future__ import annotations

from local_redshift.translation import translate
from local_redshift.translation.unicode_spaces import delimited_unicode_space_names

MEDIUM_MATHEMATICAL_SPACE = "\u205f"


def test_a_name_with_a_unicode_space_is_one_name():
    # redshift_connector's cursor tests: a column created as papaya<U+205F> is described under that name
    [statement] = translate(f"SELECT papaya{MEDIUM_MATHEMATICAL_SPACE} FROM fruits")
    assert statement.postgres == [f'SELECT "papaya{MEDIUM_MATHEMATICAL_SPACE}" FROM fruits']


def test_strings_delimited_names_and_comments_are_left_as_they_are():
    sql = f"SELECT 'a{MEDIUM_MATHEMATICAL_SPACE}b', \"c{MEDIUM_MATHEMATICAL_SPACE}d\" -- e{MEDIUM_MATHEMATICAL_SPACE}f"
    assert delimited_unicode_space_names(sql) == sql
    assert delimited_unicode_space_names("SELECT áppleṣ FROM t") == "SELECT áppleṣ FROM t"
