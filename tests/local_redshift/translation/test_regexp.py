"""Regular expressions: Redshift patterns (POSIX and PCRE) as PostgreSQL's ARE engine reads them, and the REGEXP_*
parameters as the translation reads them."""

from __future__ import annotations

import pytest

from local_redshift.errors import UnsupportedFeature
from local_redshift.translation import translate
from local_redshift.translation.regexp_patterns import Pattern, for_postgres


@pytest.mark.parametrize(
    ("pattern", "pcre", "expected"),
    [
        ("@.*\\.(org|edu)$", False, Pattern("@.*\\.(org|edu)$", 1)),
        ("[[:alpha:]]{2,3}", False, Pattern("[A-Za-z]{2,3}", 0)),
        ("[^[:upper:][:digit:]]", False, Pattern("[^A-Z[:digit:]]", 0)),
        ("[]a]", False, Pattern("[]a]", 0)),
        ("(?:a)(b)", False, Pattern("(?:a)(b)", 1)),
        ("\\bcat\\B", True, Pattern("\\ycat\\Y", 0)),
        ("a.b$", True, Pattern("a[^\\n]b(?=\\n?\\Z)", 0)),
        ("[.$]", True, Pattern("[.$]", 0)),
        ("(?i)(?=x)(?<!y)a+?", True, Pattern("(?i)(?=x)(?<!y)a+?", 0)),
        ("\\x{e9}", True, Pattern("\\U000000e9", 0)),
    ],
)
def test_patterns_for_postgres(pattern: str, pcre: bool, expected: Pattern):
    assert for_postgres(pattern, pcre) == expected


@pytest.mark.parametrize(
    ("pattern", "says"),
    [
        ("(?<name>a)", "the group (?<..."),
        ("(?>a)", "the group (?>..."),
        ("a(?i)b", "the group (?i..."),
        ("a*+", "a possessive quantifier"),
        ("a|ab", "alternation (|)"),
        ("a+?b*", "greedy and lazy quantifiers mixed"),
        ("\\Qa.b\\E", "the escape \\Q"),
        ("\\p{L}", "the escape \\p"),
    ],
)
def test_pcre_constructs_that_postgresql_reads_otherwise_are_refused(pattern: str, says: str):
    with pytest.raises(UnsupportedFeature, match=r"in a PCRE pattern \(parameter 'p'\)") as raised:
        for_postgres(pattern, pcre=True)
    assert says in raised.value.message


def test_the_last_of_c_and_i_wins():
    [statement] = translate("SELECT REGEXP_COUNT('Aa', 'a', 1, 'ic'), REGEXP_COUNT('Aa', 'a', 1, 'ci')")
    assert "'a', 1, 'c')" in statement.postgres[0] and "'a', 1, 'i')" in statement.postgres[0]


@pytest.mark.parametrize(
    ("sql", "says"),
    [
        ("SELECT REGEXP_SUBSTR('a', 'a', 1, 1, 'x')", "REGEXP_SUBSTR parameter 'x'"),
        ("SELECT REGEXP_REPLACE('a', 'a', 'b', 1, 'e')", "REGEXP_REPLACE parameter 'e'"),
        ("SELECT REGEXP_COUNT(a, 'a', 1, b) FROM t", "REGEXP_COUNT parameters other than a string literal"),
        ("SELECT REGEXP_SUBSTR(a, b, 1, 1, 'e') FROM t", "pattern with parameter 'p' or 'e' other than a string"),
        ("SELECT REGEXP_REPLACE('aaa', 'a', 'b', 1, 2, 'i')", "REGEXP_REPLACE with an occurrence argument"),
        ("SELECT REGEXP_INSTR('aaa', 'a', 1, 1, 0, 'i', 1)", "REGEXP_INSTR with a seventh argument"),
    ],
)
def test_parameters_and_arguments_the_pages_do_not_list_are_refused(sql: str, says: str):
    with pytest.raises(UnsupportedFeature) as raised:
        translate(sql)
    assert says in raised.value.message


def test_a_column_pattern_without_p_or_e_goes_to_postgresql_as_it_is():
    [statement] = translate("SELECT REGEXP_COUNT(a, b) FROM t")
    assert statement.postgres == ["SELECT redshift_system.regexp_count(a, b, 1, 'c') FROM t"]
