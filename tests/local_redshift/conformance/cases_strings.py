"""String and regular-expression functions, as their Developer Guide pages say.

Where a page's example reads the TICKIT sample tables, a setup table holds a few of the rows the page shows, and
the expected value is the one the page prints for them. Where a page states a rule without printing a result, the
expected value follows from the rule (the comment says so); the hash digests are those the named algorithm gives.
"""

from tests.local_redshift.conformance.case import DEVELOPER_GUIDE, Case, Refused, Rows

REGEXP_REPLACE = DEVELOPER_GUIDE + "REGEXP_REPLACE.html"
REGEXP_SUBSTR = DEVELOPER_GUIDE + "REGEXP_SUBSTR.html"
REGEXP_COUNT = DEVELOPER_GUIDE + "REGEXP_COUNT.html"
REGEXP_INSTR = DEVELOPER_GUIDE + "REGEXP_INSTR.html"
POSIX = DEVELOPER_GUIDE + "pattern-matching-conditions-posix.html"
LIKE = DEVELOPER_GUIDE + "r_patternmatching_condition_like.html"
SIMILAR_TO = DEVELOPER_GUIDE + "pattern-matching-conditions-similar-to.html"
CONCAT = DEVELOPER_GUIDE + "r_CONCAT.html"
CONCATENATION = DEVELOPER_GUIDE + "r_concat_op.html"

_PASSWORDS = "'passwd7 plain A1234 a1234'"
_WORD_WITH_DIGIT = (
    "'(?=[^ ]*[a-z])(?=[^ ]*[0-9])[^ ]+'"  # the pages' PCRE pattern: a word with a lowercase letter and a digit
)
_USERS = (
    "CREATE TABLE users (userid INT, email VARCHAR(100), firstname VARCHAR(30), lastname VARCHAR(30))",
    "INSERT INTO users VALUES (1, 'Etiam.laoreet.libero@sodalesMaurisblandit.edu', 'Rafael', 'Taylor'), "
    "(2, 'Suspendisse.tristique@nonnisiAenean.edu', 'Vladimir', 'Humphrey'), "
    "(3, 'amet.faucibus.ut@condimentumegetvolutpat.ca', 'Lars', 'Ratliff'), "
    "(4, 'sed@lacusUtnec.ca', 'Chase', 'Chase')",
)
_VENUE = (
    "CREATE TABLE venue (venueid INT, venuename VARCHAR(100), venuecity VARCHAR(30))",
    "INSERT INTO venue VALUES (1, 'The Home Depot Center', 'Carson'), (2, 'Izod Center', 'East Rutherford'), "
    "(3, 'Air Canada Centre', 'Toronto'), (4, 'Madison Square Garden', 'New York City')",
)
_EVENT = (
    "CREATE TABLE event (eventid INT, eventname VARCHAR(200))",
    "INSERT INTO event VALUES (1, 'Salome'), (2, 'Il Trovatore'), (3, 'La Cenerentola (Cinderella)'), "
    "(1000, 'Gypsy'), (1001, 'Chicago'), (1002, 'The King and I'), (1003, 'Pal Joey')",
)
_LISTING = (
    "CREATE TABLE listing (listid INT, listtime VARCHAR(19))",
    "INSERT INTO listing VALUES (1, '2008-03-05 12:25:29')",
)


def _value(case_id: str, page: str, sql: str, *values: object, setup: tuple[str, ...] = ()) -> Case:
    """A case whose statement returns one row of `values`."""
    return Case(
        id=f"str-{case_id}",
        page=DEVELOPER_GUIDE + page if "://" not in page else page,
        sql=sql,
        expect=Rows([tuple(values)]),
        setup=setup,
    )


def _refused(case_id: str, page: str, sql: str, says: str) -> Case:
    return Case(id=f"str-{case_id}", page=page, sql=sql, expect=Refused("0A000", says, by_translation=True))


_REGEXP_CASES = [
    _value("regexp-replace-replaces-every-occurrence", REGEXP_REPLACE, "SELECT REGEXP_REPLACE('aaa', 'a', 'b')", "bbb"),
    Case(
        id="str-regexp-replace-two-arguments-deletes-the-match",
        page=REGEXP_REPLACE,
        setup=_USERS,
        sql="SELECT regexp_replace(email, '@.*\\\\.(org|gov|com|edu|ca)$') FROM users ORDER BY userid LIMIT 4",
        expect=Rows([("Etiam.laoreet.libero",), ("Suspendisse.tristique",), ("amet.faucibus.ut",), ("sed",)]),
    ),
    Case(
        id="str-regexp-replace-posix-class",
        page=REGEXP_REPLACE,
        setup=_USERS,
        sql="SELECT regexp_replace(email, '@.*\\\\.[[:alpha:]]{2,3}', '@internal.company.com') FROM users "
        "ORDER BY userid LIMIT 2",
        expect=Rows([("Etiam.laoreet.libero@internal.company.com",), ("Suspendisse.tristique@internal.company.com",)]),
    ),
    _value(
        "regexp-replace-case-insensitive",
        REGEXP_REPLACE,
        "SELECT regexp_replace('the fox', 'FOX', 'quick brown fox', 1, 'i')",
        "the quick brown fox",
    ),
    _value(
        "regexp-replace-pcre-lookahead",
        REGEXP_REPLACE,
        f"SELECT regexp_replace({_PASSWORDS}, {_WORD_WITH_DIGIT}, '[hidden]', 1, 'p')",
        "[hidden] plain A1234 [hidden]",
    ),
    _value(
        "regexp-replace-pcre-case-insensitive",
        REGEXP_REPLACE,
        f"SELECT regexp_replace({_PASSWORDS}, {_WORD_WITH_DIGIT}, '[hidden]', 1, 'ip')",
        "[hidden] plain [hidden] [hidden]",
    ),
    # The page's rules: the search begins at `position`; below 1 it begins at the first character; past the last
    # character the result is the source string.
    _value("regexp-replace-from-a-position", REGEXP_REPLACE, "SELECT REGEXP_REPLACE('aaa', 'a', 'b', 2)", "abb"),
    _value("regexp-replace-position-below-one", REGEXP_REPLACE, "SELECT REGEXP_REPLACE('aaa', 'a', 'b', -3)", "bbb"),
    _value("regexp-replace-position-past-the-end", REGEXP_REPLACE, "SELECT REGEXP_REPLACE('aaa', 'a', 'b', 9)", "aaa"),
    # "If either pattern or replace_string is NULL, the return is NULL."
    _value("regexp-replace-null-replacement", REGEXP_REPLACE, "SELECT REGEXP_REPLACE('aaa', 'a', NULL)", None),
    # 'c' is the default (case-sensitive); a PCRE \b is a word boundary.
    _value(
        "regexp-replace-case-sensitive",
        REGEXP_REPLACE,
        "SELECT REGEXP_REPLACE('Fox fox', 'fox', 'cat', 1, 'c')",
        "Fox cat",
    ),
    _value(
        "regexp-replace-pcre-word-boundary",
        REGEXP_REPLACE,
        "SELECT REGEXP_REPLACE('cat concat cat', '\\\\bcat\\\\b', 'dog', 1, 'p')",
        "dog concat dog",
    ),
    Case(
        id="str-regexp-substr-between-at-and-domain",
        page=REGEXP_SUBSTR,
        setup=_USERS,
        sql="SELECT regexp_substr(email, '@[^.]*') FROM users ORDER BY userid LIMIT 4",
        expect=Rows([("@sodalesMaurisblandit",), ("@nonnisiAenean",), ("@condimentumegetvolutpat",), ("@lacusUtnec",)]),
    ),
    _value("regexp-substr-case-insensitive", REGEXP_SUBSTR, "SELECT regexp_substr('the fox', 'FOX', 1, 1, 'i')", "fox"),
    _value(
        "regexp-substr-pcre-second-occurrence",
        REGEXP_SUBSTR,
        f"SELECT regexp_substr({_PASSWORDS}, {_WORD_WITH_DIGIT}, 1, 2, 'p')",
        "a1234",
    ),
    _value(
        "regexp-substr-pcre-case-insensitive",
        REGEXP_SUBSTR,
        f"SELECT regexp_substr({_PASSWORDS}, {_WORD_WITH_DIGIT}, 1, 2, 'ip')",
        "A1234",
    ),
    # 'e': the first subexpression is returned ("the pattern 'This is a (\\w+)' ... returns only the string inside
    # the subexpression"); a pattern without one ignores 'e'.
    _value(
        "regexp-substr-e-returns-the-subexpression",
        REGEXP_SUBSTR,
        "SELECT regexp_substr('This is a cat', 'This is a (\\\\w+)', 1, 1, 'e')",
        "cat",
    ),
    _value(
        "regexp-substr-e-only-the-first-subexpression",
        REGEXP_SUBSTR,
        "SELECT regexp_substr('2008-03-05', '([0-9]+)-([0-9]+)', 1, 1, 'e')",
        "2008",
    ),
    _value(
        "regexp-substr-e-without-subexpression",
        REGEXP_SUBSTR,
        "SELECT regexp_substr('This is a cat', 'a [a-z]+', 1, 1, 'e')",
        "a cat",
    ),
    # "If the function can't match the regular expression to any characters in the string, it returns an empty
    # string"; a position past the end gives an empty string; an occurrence below 1 gives NULL.
    _value("regexp-substr-no-match-is-empty", REGEXP_SUBSTR, "SELECT regexp_substr('the fox', 'dog')", ""),
    _value("regexp-substr-position-past-the-end", REGEXP_SUBSTR, "SELECT regexp_substr('the fox', 'fox', 20)", ""),
    _value("regexp-substr-occurrence-below-one", REGEXP_SUBSTR, "SELECT regexp_substr('the fox', 'fox', 1, 0)", None),
    _value("regexp-substr-position-below-one", REGEXP_SUBSTR, "SELECT regexp_substr('the fox', '[a-z]+', -5)", "the"),
    _value(
        "regexp-count-three-letter-sequences",
        REGEXP_COUNT,
        "SELECT regexp_count('abcdefghijklmnopqrstuvwxyz', '[a-z]{3}')",
        8,
    ),
    Case(
        id="str-regexp-count-top-level-domains",
        page=REGEXP_COUNT,
        setup=_USERS,
        sql="SELECT regexp_count(email, '@[^.]*\\\\.(org|edu)') FROM users ORDER BY userid",
        expect=Rows([(1,), (1,), (0,), (0,)]),
    ),
    # The PCRE pattern's matches: passwd7 and a1234 case-sensitively; A1234 too case-insensitively.
    _value("regexp-count-pcre", REGEXP_COUNT, f"SELECT regexp_count({_PASSWORDS}, {_WORD_WITH_DIGIT}, 1, 'p')", 2),
    _value(
        "regexp-count-pcre-case-insensitive",
        REGEXP_COUNT,
        f"SELECT regexp_count({_PASSWORDS}, {_WORD_WITH_DIGIT}, 1, 'ip')",
        3,
    ),
    _value("regexp-count-from-a-position", REGEXP_COUNT, "SELECT regexp_count('abcabc', 'abc', 2)", 1),
    _value("regexp-count-position-past-the-end", REGEXP_COUNT, "SELECT regexp_count('abcabc', 'abc', 10)", 0),
    _value("regexp-count-case-insensitive", REGEXP_COUNT, "SELECT regexp_count('AbcabC', 'abc', 1, 'i')", 2),
    Case(
        id="str-regexp-instr-first-at-sign",
        page=REGEXP_INSTR,
        setup=_USERS,
        sql="SELECT regexp_instr(email, '@[^.]*') FROM users ORDER BY userid LIMIT 4",
        expect=Rows([(21,), (22,), (17,), (4,)]),
    ),
    Case(
        id="str-regexp-instr-center-variants",
        page=REGEXP_INSTR,
        setup=_VENUE,
        sql="SELECT venuename, regexp_instr(venuename, '[cC]ent(er|re)$') FROM venue "
        "WHERE regexp_instr(venuename, '[cC]ent(er|re)$') > 0 ORDER BY venueid",
        expect=Rows([("The Home Depot Center", 16), ("Izod Center", 6), ("Air Canada Centre", 12)]),
    ),
    _value("regexp-instr-case-insensitive", REGEXP_INSTR, "SELECT regexp_instr('the fox', 'FOX', 1, 1, 0, 'i')", 5),
    _value(
        "regexp-instr-pcre", REGEXP_INSTR, f"SELECT regexp_instr({_PASSWORDS}, {_WORD_WITH_DIGIT}, 1, 1, 0, 'p')", 1
    ),
    _value(
        "regexp-instr-pcre-case-insensitive",
        REGEXP_INSTR,
        f"SELECT regexp_instr({_PASSWORDS}, {_WORD_WITH_DIGIT}, 1, 2, 0, 'ip')",
        15,
    ),
    # option 1: the position of the first character after the match; any value but 0 is the same as 1.
    _value(
        "regexp-instr-option-one-after-the-match", REGEXP_INSTR, "SELECT regexp_instr('the fox', 'fox', 1, 1, 1)", 8
    ),
    _value("regexp-instr-option-nonzero-is-one", REGEXP_INSTR, "SELECT regexp_instr('the fox', 'fox', 1, 1, 7)", 8),
    # 'e': the position of the first subexpression's match.
    _value(
        "regexp-instr-e-subexpression",
        REGEXP_INSTR,
        "SELECT regexp_instr('Izod Center', 'Cent(er|re)', 1, 1, 0, 'e')",
        10,
    ),
    _value("regexp-instr-no-match-is-zero", REGEXP_INSTR, "SELECT regexp_instr('the fox', 'dog')", 0),
    _value("regexp-instr-occurrence-below-one", REGEXP_INSTR, "SELECT regexp_instr('the fox', 'fox', 1, 0)", 0),
    _value("regexp-instr-position-past-the-end", REGEXP_INSTR, "SELECT regexp_instr('the fox', 'fox', 30)", 0),
    _value("regexp-instr-second-occurrence", REGEXP_INSTR, "SELECT regexp_instr('fox and fox', 'fox', 1, 2)", 9),
    # The pages' operator examples, and Redshift's ASCII-only [:alpha:] ("Amazon Redshift supports only ASCII
    # characters" in [:alnum:], [:alpha:], [:lower:] and [:upper:]).
    _value(
        "posix-operator-examples",
        POSIX,
        "SELECT 'abc' ~ 'abc', 'abc' ~ 'a', 'abc' ~ 'A', 'abc' ~ '^a', 'abc' ~ '(b|d)', 'abc' ~ '^(b|c)'",
        True,
        True,
        False,
        True,
        True,
        False,
    ),
    _value("posix-negation", POSIX, "SELECT 'abc' !~ 'd', 'abc' !~ 'b'", True, False),
    _value(
        "posix-escaped-period",
        POSIX,
        "SELECT 'Jobing.com Arena' ~ '.*\\\\..*', 'Madison Square' ~ '.*\\\\..*'",
        True,
        False,
    ),
    _value("posix-perl-digit-class", POSIX, "SELECT 'Rm 42' ~ '\\\\d{2}', 'Rm 4' ~ '\\\\d{2}'", True, False),
    _value("posix-alpha-class-is-ascii", POSIX, "SELECT 'é' ~ '[[:alpha:]]', 'e' ~ '[[:alpha:]]'", False, True),
    _value("posix-upper-class-is-ascii", POSIX, "SELECT regexp_count('ÉA', '[[:upper:]]')", 1),
    _refused(
        "regexp-pcre-named-group-refused",
        REGEXP_SUBSTR,
        "SELECT regexp_substr('ab', '(?<first>a)b', 1, 1, 'p')",
        "the group (?<... in a PCRE pattern",
    ),
    _refused(
        "regexp-pcre-alternation-refused",
        REGEXP_SUBSTR,
        "SELECT regexp_substr('ab', 'a|ab', 1, 1, 'p')",
        "alternation (|) in a PCRE pattern",
    ),
    _refused(
        "regexp-pcre-possessive-refused",
        REGEXP_COUNT,
        "SELECT regexp_count('aaa', 'a++', 1, 'p')",
        "a possessive quantifier in a PCRE pattern",
    ),
    _refused(
        "regexp-pcre-mixed-greediness-refused",
        REGEXP_REPLACE,
        "SELECT regexp_replace('a1b2', 'a.*?b.*', 'x', 1, 'p')",
        "greedy and lazy quantifiers mixed",
    ),
    _refused(
        "regexp-pcre-escape-k-refused",
        REGEXP_REPLACE,
        "SELECT regexp_replace('ab', 'a\\\\Kb', 'x', 1, 'p')",
        "the escape \\K in a PCRE pattern",
    ),
]

_CONCATENATION_CASES = [
    _value("concat-two-literals", CONCAT, "select concat('December 25, ', '2008')", "December 25, 2008"),
    _value("concat-operator-same-result", CONCAT, "select 'December 25, '||'2008'", "December 25, 2008"),
    _value(
        "concat-nested",
        CONCAT,
        "select concat('Thursday, ', concat('December 25, ', '2008'))",
        "Thursday, December 25, 2008",
    ),
    # "if one or both expressions is null, the result of the concatenation is null"
    _value("concat-with-null-is-null", CONCAT, "SELECT CONCAT('a', NULL)", None),
    _value("concat-operator-with-null-is-null", CONCATENATION, "SELECT 'a' || NULL", None),
    _value("concat-null-compared", CONCAT, "SELECT CONCAT(NULL, 'b') IS NULL", True),
    Case(
        id="str-concat-columns",
        page=CONCAT,
        setup=_VENUE,
        sql="select concat(concat(venuecity, ', '), venuename) from venue where venueid = 2",
        expect=Rows([("East Rutherford, Izod Center",)]),
    ),
    # "To concatenate columns that might contain nulls, use the NVL function"
    Case(
        id="str-concat-with-nvl",
        page=CONCAT,
        setup=(
            "CREATE TABLE venue (venuename VARCHAR(100), venueseats INT)",
            "INSERT INTO venue VALUES ('Ballys Hotel', NULL), ('Bank of America Stadium', 73298)",
        ),
        sql="select concat(venuename, concat(' seats ', nvl(venueseats, 0))) as seating from venue order by 1",
        expect=Rows([("Ballys Hotel seats 0",), ("Bank of America Stadium seats 73298",)]),
    ),
    _refused("concat-three-arguments-refused", CONCAT, "SELECT CONCAT('a', 'b', 'c')", "CONCAT with 3 arguments"),
]

_FUNCTION_CASES = [
    Case(
        id="str-split-part-listtime",
        page=DEVELOPER_GUIDE + "SPLIT_PART.html",
        setup=_LISTING,
        sql="select split_part(listtime,'-',1) as year, split_part(listtime,'-',2) as month, "
        "split_part(split_part(listtime,'-',3),' ',1) as date from listing",
        expect=Rows([("2008", "03", "05")]),
    ),
    # "If part is larger than the number of string portions, SPLIT_PART returns an empty string."
    _value("split-part-past-the-last-part", "SPLIT_PART.html", "SELECT SPLIT_PART('a,b', ',', 3)", ""),
    _value("split-part-delimiter-not-found", "SPLIT_PART.html", "SELECT SPLIT_PART('abc', ',', 1)", "abc"),
    # "Must be an integer greater than 0" (PostgreSQL would count a negative part from the end).
    Case(
        id="str-split-part-part-below-one-is-an-error",
        page=DEVELOPER_GUIDE + "SPLIT_PART.html",
        sql="SELECT SPLIT_PART('a,b', ',', -1)",
        expect=Refused("22023", "must be greater than 0"),
    ),
    _value("soundex-several-words", "SOUNDEX.html", "select soundex('AWS Amazon')", "A252"),
    _value("soundex-no-letters-is-empty", "SOUNDEX.html", "select soundex('+-*/%')", ""),
    _value("soundex", "SOUNDEX.html", "select soundex('Amazon')", "A525"),
    _value("difference-same-code", "DIFFERENCE.html", "select difference('AC/DC', 'Ay See Dee See')", 4),
    _value("difference-one-without-letters", "DIFFERENCE.html", "select difference('Amazon', '+-*/%')", 0),
    # "It returns 1 if neither string contains valid characters."
    _value("difference-neither-with-letters", "DIFFERENCE.html", "select difference('+-', '*/%')", 1),
    _value("strtol-hex", "r_STRTOL.html", "select strtol('0xf',16), strtol('abcd1234',16)", 15, 2882343476),
    _value(
        "strtol-decimal-octal-binary",
        "r_STRTOL.html",
        "select strtol('1234567', 10), strtol('1234567', 8), strtol('110101', 2)",
        1234567,
        342391,
        53,
    ),
    # "If num_string is empty ('') ... the converted value is 0"; "any amount of white space, optionally followed by
    # a single plus '+' or minus '-' sign".
    _value(
        "strtol-empty-and-signs",
        "r_STRTOL.html",
        "select strtol('', 10), strtol('  -17', 10), strtol('+ff', 16)",
        0,
        -17,
        255,
    ),
    _value("replicate", "r_REPLICATE.html", "SELECT REPLICATE('Shows', 3)", "ShowsShowsShows"),
    _value("repeat", "r_REPEAT.html", "SELECT REPEAT('ab', 3), REPEAT('ab', 0)", "ababab", ""),
    _value("len-multibyte-and-octet-length", "r_LEN.html", "select octet_length('français'), len('français')", 9, 8),
    _value("len-counts-trailing-spaces-of-varchar", "r_LEN.html", "select len('cat'), len('cat   ')", 3, 6),
    # "Length calculations do not count trailing spaces for fixed-length character strings but do count them for
    # variable-length strings."
    Case(
        id="str-len-of-char-and-varchar",
        page=DEVELOPER_GUIDE + "r_LEN.html",
        setup=(
            "CREATE TABLE words (fixed CHAR(6), variable VARCHAR(6))",
            "INSERT INTO words VALUES ('cat   ', 'cat   ')",
        ),
        sql="SELECT LEN(fixed), LEN(variable) FROM words",
        expect=Rows([(3, 6)]),
    ),
    _value(
        "length-synonyms",
        "r_LENGTH.html",
        "SELECT LENGTH('français'), CHAR_LENGTH('français'), CHARACTER_LENGTH('français'), TEXTLEN('français')",
        8,
        8,
        8,
        8,
    ),
    _value("octet-length", "r_OCTET_LENGTH.html", "SELECT OCTET_LENGTH('abc'), OCTET_LENGTH('日本')", 3, 6),
    _value("charindex", "r_CHARINDEX.html", "select charindex('dog', 'fish'), charindex('fish', 'dogfish')", 0, 4),
    _value("strpos", "r_STRPOS.html", "SELECT STRPOS('dogfish', 'fish'), STRPOS('dogfish', 'fist')", 4, 0),
    _value("position", "r_POSITION.html", "select position('fish' in 'dogfish'), position('dog' in 'fish')", 4, 0),
    _value("substring-comma-form", "r_SUBSTRING.html", "select substring('caterpillar',6,4)", "pill"),
    _value("substring-past-the-end", "r_SUBSTRING.html", "select substring('caterpillar',6,8)", "pillar"),
    _value("substring-negative-start", "r_SUBSTRING.html", "select substring('caterpillar',-2,6)", "cat"),
    _value("substring-nothing-left", "r_SUBSTRING.html", "select substring('caterpillar',-5,4)", ""),
    Case(
        id="str-substring-from-for",
        page=DEVELOPER_GUIDE + "r_SUBSTRING.html",
        setup=_LISTING,
        sql="select substring(listtime, 6, 2), substring(listtime from 6 for 2) from listing",
        expect=Rows([("03", "03")]),
    ),
    _value("substr", "r_SUBSTR.html", "SELECT SUBSTR('caterpillar', 6, 4), SUBSTR('caterpillar', 6)", "pill", "pillar"),
    Case(
        id="str-left-and-right",
        page=DEVELOPER_GUIDE + "r_LEFT.html",
        setup=_EVENT,
        sql="select eventid, left(eventname,5) as left_5, right(eventname,5) as right_5 from event "
        "where eventid between 1000 and 1005 order by 1",
        expect=Rows(
            [(1000, "Gypsy", "Gypsy"), (1001, "Chica", "icago"), (1002, "The K", "and I"), (1003, "Pal J", " Joey")]
        ),
    ),
    _refused(
        "left-negative-length-refused",
        DEVELOPER_GUIDE + "r_LEFT.html",
        "SELECT LEFT('Gypsy', -2)",
        "LEFT or RIGHT with a negative length",
    ),
    _value("btrim-spaces", "r_BTRIM.html", "select btrim('    abc    ')", "abc"),
    _value("btrim-characters", "r_BTRIM.html", "select btrim('xyzaxyzbxyzcxyz', 'xyz')", "axyzbxyzc"),
    _value("ltrim-characters", "r_LTRIM.html", "SELECT LTRIM('xyzaxyzbxyzcxyz', 'xyz')", "axyzbxyzcxyz"),
    # LTRIM and RTRIM remove any of the characters given, not the string: '2008-' strips 2, 0, 8 and - from the
    # left of a LISTTIME, 'Park' strips P, a, r and k from the right of a venue name.
    Case(
        id="str-ltrim-listtime",
        page=DEVELOPER_GUIDE + "r_LTRIM.html",
        setup=(
            "CREATE TABLE listing (listid INT, listtime VARCHAR(19))",
            "INSERT INTO listing VALUES (1, '2008-01-24 06:43:29'), (2, '2008-03-05 12:25:29')",
        ),
        sql="select listid, ltrim(listtime, '2008-') from listing order by 1",
        expect=Rows([(1, "1-24 06:43:29"), (2, "3-05 12:25:29")]),
    ),
    _value(
        "rtrim-venue-name",
        "r_RTRIM.html",
        "select rtrim('AT&T Park', 'Park'), rtrim('Coors Field', 'Park')",
        "AT&T ",
        "Coors Field",
    ),
    _value("rtrim-characters", "r_RTRIM.html", "SELECT RTRIM('xyzaxyzbxyzcxyz', 'xyz')", "xyzaxyzbxyzc"),
    _value("trim-spaces", "r_TRIM.html", "SELECT TRIM('    dog    ')", "dog"),
    _value("trim-characters", "r_TRIM.html", "SELECT TRIM('\"' FROM '\"dog\"')", "dog"),
    _value(
        "trim-leading-and-trailing",
        "r_TRIM.html",
        "SELECT TRIM(LEADING 'CA' FROM 'CAPITOL CA'), TRIM(TRAILING 'CA' FROM 'CAPITOL CA')",
        "PITOL CA",
        "CAPITOL ",
    ),
    # "If string1 is longer than the specified length, it is truncated (on the right)"; shorter names get spaces
    # prepended (the page's output does not show them).
    Case(
        id="str-lpad-to-twenty",
        page=DEVELOPER_GUIDE + "r_LPAD.html",
        setup=_EVENT,
        sql="select lpad(eventname,20) from event where eventid between 1 and 5 order by 1",
        expect=Rows([(" " * 14 + "Salome",), (" " * 8 + "Il Trovatore",), ("La Cenerentola (Cind",)]),
    ),
    Case(
        id="str-rpad-with-digits",
        page=DEVELOPER_GUIDE + "r_LPAD.html",
        setup=_EVENT,
        sql="select rpad(eventname,20,'0123456789') from event where eventid between 1 and 5 order by 1",
        expect=Rows([("Il Trovatore01234567",), ("La Cenerentola (Cind",), ("Salome01234567890123",)]),
    ),
    # "If length is a negative number, the result of the function is an empty string."
    _value("lpad-negative-length", "r_LPAD.html", "SELECT LPAD('Salome', -1), RPAD('Salome', -1)", "", ""),
    _value("reverse", "r_REVERSE.html", "SELECT REVERSE('East Rutherford')", "drofrehtuR tsaE"),
    _value(
        "replace",
        "r_REPLACE.html",
        "SELECT REPLACE('Shows', 'Shows', 'Theatre'), REPLACE('Shows', NULL, 'x')",
        "Theatre",
        None,
    ),
    _value("translate", "r_TRANSLATE.html", "select translate('mint tea', 'inea', 'osin')", "most tin"),
    _value(
        "translate-at-sign",
        "r_TRANSLATE.html",
        "select translate('Etiam.laoreet.libero@sodalesMaurisblandit.edu', '@', '.')",
        "Etiam.laoreet.libero.sodalesMaurisblandit.edu",
    ),
    _value(
        "translate-strips-extra-characters",
        "r_TRANSLATE.html",
        "select translate('St. George', ' .', '_'), translate('Saint Albans', ' .', '_')",
        "St_George",
        "Saint_Albans",
    ),
    _value("translate-null-argument", "r_TRANSLATE.html", "select translate('mint tea', 'inea', NULL)", None),
    _value("translate-drops-unmatched", "r_TRANSLATE.html", "SELECT TRANSLATE('abc', 'ab', 'x')", "xc"),
    _value(
        "initcap",
        "r_INITCAP.html",
        "SELECT INITCAP('All non-musical theatre'), INITCAP('MLB')",
        "All Non-Musical Theatre",
        "Mlb",
    ),
    _value(
        "initcap-separators",
        "r_INITCAP.html",
        "SELECT INITCAP('urna.Ut@egetdictumplacerat.edu')",
        "Urna.Ut@Egetdictumplacerat.Edu",
    ),
    _value(
        "lower-and-upper",
        "r_LOWER.html",
        "SELECT LOWER('Major League Baseball'), UPPER('Jazz')",
        "major league baseball",
        "JAZZ",
    ),
    _value("quote-ident", "r_QUOTE_IDENT.html", "SELECT QUOTE_IDENT('MLB'), QUOTE_IDENT('a\"b')", '"MLB"', '"a""b"'),
    _value(
        "quote-literal",
        "r_QUOTE_LITERAL.html",
        "SELECT QUOTE_LITERAL('MLB'), QUOTE_LITERAL('it''s')",
        "'MLB'",
        "'it''s'",
    ),
    _value("md5", "r_MD5.html", "select md5('Amazon Redshift')", "f7415e33f972c03abd4f3fed36748f7a"),
    # SHA2 and FUNC_SHA1: the pages print no digest; these are the SHA-256, SHA-224 and SHA-1 digests of the text.
    _value(
        "sha2-256",
        "SHA2.html",
        "select sha2('Amazon Redshift', 256)",
        "15013dc10bc5b293f1f66ea28d818387f191cafeb26f89639fae0b4acf9c8772",
    ),
    _value("sha2-zero-is-256", "SHA2.html", "select sha2('Amazon Redshift', 0) = sha2('Amazon Redshift', 256)", True),
    _value(
        "sha2-224",
        "SHA2.html",
        "select sha2('Amazon Redshift', 224)",
        "551a54b28d74dca2f1981512e61a5fe094aa172a1ae396dc7abc169c",
    ),
    _value("sha2-invalid-bits-empty", "SHA2.html", "select sha2('Amazon Redshift', 100)", ""),
    _value(
        "func-sha1", "FUNC_SHA1.html", "select func_sha1('Amazon Redshift')", "eeac5ed1e11cda66032c30ad77b25071b5487f55"
    ),
    _value("sha1-synonym", "SHA1.html", "select sha1('Amazon Redshift')", "eeac5ed1e11cda66032c30ad77b25071b5487f55"),
    _value(
        "fnv-hash-integer-and-string",
        "r_FNV_HASH.html",
        "select fnv_hash(1), fnv_hash('Amazon Redshift')",
        -5968735742475085980,
        7783490368944507294,
    ),
    _value("fnv-hash-seed", "r_FNV_HASH.html", "select fnv_hash('Amazon Redshift', fnv_hash(1))", -2202602717770968555),
    _value(
        "fnv-hash-concatenation-by-seed",
        "r_FNV_HASH.html",
        "select fnv_hash('abcd'), fnv_hash('cd', fnv_hash('ab'))",
        -281581062704388899,
        -281581062704388899,
    ),
    _value(
        "fnv-hash-by-input-type",
        "r_FNV_HASH.html",
        "select fnv_hash(1::smallint), fnv_hash(1::bigint)",
        589727492704079044,
        -8517097267634966620,
    ),
    # "hashing CHAR and VARCHAR inputs does not ignore trailing spaces"
    _value(
        "fnv-hash-keeps-trailing-spaces",
        "r_FNV_HASH.html",
        "select fnv_hash('ab '::char(3)) = fnv_hash('ab'::char(2)), fnv_hash('ab '::varchar) = fnv_hash('ab')",
        False,
        False,
    ),
    _value("crc32", "crc32-function.html", "select crc32('Amazon Redshift')", "f2726906"),
    _value("ascii", "r_ASCII.html", "SELECT ASCII('amazon'), ASCII('A')", 97, 65),
    _value("chr", "r_CHR.html", "SELECT CHR(65), CHR(97)", "A", "a"),
    Case(
        id="str-bpcharcmp-names",
        page=DEVELOPER_GUIDE + "r_BPCHARCMP.html",
        setup=_USERS,
        sql="select userid, bpcharcmp(firstname, lastname) from users order by 1",
        expect=Rows([(1, -1), (2, 1), (3, -1), (4, 0)]),
    ),
    _value(
        "bttext-pattern-cmp-synonym",
        "r_BTTEXT_PATTERN_CMP.html",
        "SELECT BTTEXT_PATTERN_CMP('Vladimir', 'Humphrey'), BTTEXT_PATTERN_CMP('Chase', 'Chase')",
        1,
        0,
    ),
    _value(
        "like-examples",
        LIKE,
        "SELECT 'abc' LIKE 'abc', 'abc' LIKE 'a%', 'abc' LIKE '_B_', 'abc' ILIKE '_B_', 'abc' LIKE 'c%'",
        True,
        True,
        False,
        True,
        False,
    ),
    # The default escape character is the backslash (two in a literal); ESCAPE names another.
    _value(
        "like-default-escape",
        LIKE,
        "SELECT 'start_time' LIKE '%start\\\\_%', 'starttime' LIKE '%start\\\\_%'",
        True,
        False,
    ),
    _value(
        "like-escape-character",
        LIKE,
        "SELECT 'start_time' LIKE '%start^_%' ESCAPE '^', 'starttime' LIKE '%start^_%' ESCAPE '^'",
        True,
        False,
    ),
    _value("ilike-third-and-fourth-characters", LIKE, "SELECT 'Brea' ILIKE '__EA%', 'Bread' LIKE '__EA%'", True, False),
    # "ILIKE performs a case-insensitive pattern match for single-byte UTF-8 (ASCII) characters"; for multibyte
    # ones the page says to use LOWER.
    _value(
        "ilike-multibyte-stays-case-sensitive", LIKE, "SELECT 'É' ILIKE 'é', LOWER('É') LIKE LOWER('é')", False, True
    ),
    _value("ilike-escape-character", LIKE, "SELECT 'START_TIME' ILIKE '%start^_%' ESCAPE '^'", True),
    # "LIKE and ILIKE predicates do not implicitly ignore trailing spaces"
    Case(
        id="str-like-and-ilike-keep-trailing-spaces-of-char",
        page=LIKE,
        setup=("CREATE TABLE codes (code CHAR(5))", "INSERT INTO codes VALUES ('ab')"),
        sql="SELECT code LIKE 'ab', code ILIKE 'AB', RTRIM(code) LIKE 'ab', code::varchar ILIKE 'AB' FROM codes",
        expect=Rows([(False, False, True, True)]),
    ),
    # "The ~~ operator is equivalent to LIKE, and ~~* is equivalent to ILIKE. Also the !~~ and !~~* operators are
    # equivalent to NOT LIKE and NOT ILIKE."
    _value(
        "like-operators",
        LIKE,
        "SELECT 'abc' ~~ 'a%', 'abc' ~~* 'A%', 'abc' !~~ 'a%', 'abc' !~~* 'A%'",
        True,
        True,
        False,
        False,
    ),
    _value(
        "similar-to-examples",
        SIMILAR_TO,
        "SELECT 'abc' SIMILAR TO 'abc', 'abc' SIMILAR TO '_b_', 'abc' SIMILAR TO '_A_', "
        "'abc' SIMILAR TO '%(b|d)%', 'abc' SIMILAR TO '(b|c)%'",
        True,
        True,
        False,
        True,
        False,
    ),
    _value(
        "similar-to-repetition",
        SIMILAR_TO,
        "SELECT 'AbcAbcdefgefg12efgefg12' SIMILAR TO '((Ab)?c)+d((efg)+(12))+', "
        "'aaaaaab11111xy' SIMILAR TO 'a{6}_[0-9]{5}(x|y){2}'",
        True,
        True,
    ),
]

CASES = [*_REGEXP_CASES, *_CONCATENATION_CASES, *_FUNCTION_CASES]
