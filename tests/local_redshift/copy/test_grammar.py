"""Reading a COPY statement's text with Redshift's COPY grammar (grammar.parse_copy) into CopyOptions."""

from __future__ import annotations

import pytest

from local_redshift.copy.errors import CopyError
from local_redshift.copy.grammar import parse_copy
from local_redshift.copy.options import AccessKeys, CopyOptions, IamRole, JsonMapping
from local_redshift.copy.parameters import KEYWORDS, Takes
from local_redshift.errors import RedshiftError, UnsupportedFeature
from sparkify_dwh import sql as course
from tests.support import course_sql

ROLE = "arn:aws:iam::123456789012:role/dwhRole"


def parse(sql: str) -> CopyOptions:
    return parse_copy(sql)


def test_the_log_data_statement():
    options = parse(
        f"COPY staging_events FROM 's3://udacity-dend/log_data' IAM_ROLE '{ROLE}' REGION 'us-west-2'"
        " FORMAT AS JSON 's3://udacity-dend/log_json_path.json' TIMEFORMAT AS 'epochmillisecs'"
        " TRUNCATECOLUMNS BLANKSASNULL EMPTYASNULL"
    )
    assert (options.table, options.schema, options.columns) == ("staging_events", None, None)
    assert options.source_url == "s3://udacity-dend/log_data"
    assert options.authorization == IamRole(ROLE)
    assert options.region == "us-west-2"
    assert options.json == JsonMapping(jsonpaths_url="s3://udacity-dend/log_json_path.json")
    assert options.timeformat == "epochmillisecs"
    assert options.truncate_columns and options.blanks_as_null and options.empty_as_null


def test_the_song_data_statement():
    options = parse(
        f"COPY staging_songs FROM 's3://udacity-dend/song_data' CREDENTIALS 'aws_iam_role={ROLE}'"
        " REGION 'us-west-2' FORMAT AS JSON 'auto' COMPUPDATE OFF"
    )
    assert options.authorization == IamRole(ROLE)
    assert options.json == JsonMapping()
    assert not options.truncate_columns


def test_schema_column_list_and_every_flag():
    options = parse(
        "COPY Public.Events (Id, name) FROM 's3://b/p' ACCESS_KEY_ID 'AKID' SECRET_ACCESS_KEY 'secret'"
        " SESSION_TOKEN 'tok' JSON 'auto ignorecase' MAXERROR AS 2 GZIP MANIFEST ACCEPTINVCHARS AS '^'"
        " DATEFORMAT 'MM/DD/YYYY' IGNOREHEADER 1 STATUPDATE ON TRIMBLANKS ROUNDEC EXPLICIT_IDS ACCEPTANYDATE NOLOAD"
    )
    assert (options.schema, options.table, options.columns) == ("public", "events", ("id", "name"))
    assert options.authorization == AccessKeys("AKID", "secret", "tok")
    assert options.json == JsonMapping(ignore_case=True)
    assert (options.max_errors, options.ignore_header, options.compression) == (2, 1, "gzip")
    assert options.manifest and options.trim_blanks and options.round_decimals and options.explicit_ids
    assert options.accept_any_date and options.no_load
    assert (options.accept_invalid_chars, options.dateformat) == ("^", "MM/DD/YYYY")


@pytest.mark.parametrize(
    "sql, expected",
    [
        # Statements sqlglot's parser once misread (`FLAG NEXT_KEYWORD` as one name/value pair).
        (
            "COPY t FROM 's3://b/p' IAM_ROLE 'r' TRUNCATECOLUMNS ACCEPTINVCHARS AS '^' MAXERROR AS 5"
            " FORMAT JSON 'auto'",
            {"truncate_columns": True, "accept_invalid_chars": "^", "max_errors": 5},
        ),
        (
            "COPY t FROM 's3://b/p' iam_role 'r' format as json 'auto' maxerror 3 acceptinvchars timeformat 'auto'",
            {"accept_invalid_chars": "?", "timeformat": "auto", "max_errors": 3},
        ),
        (
            "COPY t FROM 's3://b/p' IAM_ROLE 'r' FORMAT JSON AS 'auto' EMPTYASNULL"
            " TIMEFORMAT AS 'YYYY-MM-DD HH24:MI:SS'",
            {"empty_as_null": True, "timeformat": "YYYY-MM-DD HH24:MI:SS"},
        ),
        (
            "COPY t FROM 's3://b/p' REGION AS 'eu-west-1' IAM_ROLE 'r' JSON 'auto' BZIP2 COMPUPDATE PRESET",
            {"region": "eu-west-1", "compression": "bzip2"},
        ),
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto' MAXERROR 250000", {"max_errors": 100_000}),
    ],
)
def test_flags_are_read_whatever_sqlglot_pairs_them_with(sql, expected):
    options = parse(sql)
    assert {name: getattr(options, name) for name in expected} == expected


def test_json_without_an_argument_means_auto():
    assert parse("COPY t FROM 's3://b/p' IAM_ROLE 'r' JSON").json == JsonMapping()


@pytest.mark.parametrize("argument", ["'noshred'", "NOSHRED", "AS 'NoShred'"])
def test_json_noshred(argument):
    # "Using COPY to load data into SUPER columns" (https://docs.aws.amazon.com/redshift/latest/dg/copy_json.html):
    # FORMAT JSON 'noshred' stores each document in a single SUPER column.
    options = parse(f"COPY region_nations_noshred FROM 's3://b/p' IAM_ROLE 'r' FORMAT JSON {argument}")
    assert options.json == JsonMapping(noshred=True)


def test_parquet_serializetojson():
    # The same page: "FORMAT PARQUET SERIALIZETOJSON".
    options = parse("COPY region_nations FROM 's3://b/p' IAM_ROLE 'r' FORMAT PARQUET SERIALIZETOJSON")
    assert options.parquet and options.serialize_to_json
    assert not parse("COPY t FROM 's3://b/p' IAM_ROLE 'r' FORMAT PARQUET").serialize_to_json


def test_credentials_string_with_access_keys():
    options = parse(
        "COPY t FROM 's3://b/p' WITH CREDENTIALS AS 'aws_access_key_id=A;aws_secret_access_key=B;token=T'"
        " JSON AS 'auto'"
    )
    assert options.authorization == AccessKeys("A", "B", "T")


@pytest.mark.parametrize(
    "clause, expected",
    [
        # Keywords sqlglot's parser once dropped when AS followed them.
        (f"CREDENTIALS AS 'aws_iam_role={ROLE}'", IamRole(ROLE)),
        (f"IAM_ROLE AS '{ROLE}'", IamRole(ROLE)),
    ],
)
def test_credentials_clause_with_as(clause, expected):
    options = parse(f"COPY t FROM 's3://b/p' {clause} REGION AS 'eu-west-1' JSON 'auto'")
    assert (options.authorization, options.region) == (expected, "eu-west-1")


def test_iam_role_default():
    assert parse("COPY t FROM 's3://b/p' IAM_ROLE default FORMAT JSON 'auto'").authorization == IamRole(None)


@pytest.mark.parametrize(
    "sql, sqlstate, message",
    [
        (
            "COPY t FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto' STATUPDATE ON FOOBAR",
            "42601",
            'syntax error at or near "FOOBAR"',
        ),
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto' CSV", "42601", "CSV is not supported with FORMAT AS JSON"),
        (
            "COPY t FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto' DELIMITER ','",
            "42601",
            "DELIMITER is not supported with FORMAT AS JSON",
        ),
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' CSV ESCAPE", "42601", "CSV cannot be used with ESCAPE"),
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' QUOTE '\"'", "42601", "QUOTE can be used only with CSV"),
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' FORMAT AS ORC", "0A000", "ORC is not supported"),
        ("COPY t FROM 's3://b/p' JSON 'auto'", "XX000", "Invalid credentials. Must be of the format"),
        ("COPY t FROM 's3://b/p' CREDENTIALS 'aws_iam_role' JSON 'auto'", "XX000", "Invalid credentials"),
        ("COPY t FROM 's3://b/p' ACCESS_KEY_ID 'A' JSON 'auto'", "XX000", "Invalid credentials"),
        (
            "COPY t FROM 's3://b/p' IAM_ROLE 'r' ACCESS_KEY_ID 'A' SECRET_ACCESS_KEY 'B' JSON 'auto'",
            "42601",
            "IAM_ROLE cannot be combined",
        ),
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' JSON 'yes please'", "42601", "Invalid JSON option 'yes please'"),
        (
            "COPY t FROM 's3://b/p' IAM_ROLE 'r' CSV SERIALIZETOJSON",
            "42601",
            "SERIALIZETOJSON is supported only with FORMAT AS PARQUET",
        ),
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto' MAXERROR 'many'", "42601", "MAXERROR argument"),
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto' ACCEPTINVCHARS 'ab'", "42601", "ACCEPTINVCHARS replacement"),
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto' ENCODING LATIN1", "42601", "Invalid ENCODING 'LATIN1'"),
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto' LZOP", "0A000", "LZOP"),
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto' TIMEFORMAT", "42601", "TIMEFORMAT needs an argument"),
        (
            "COPY t FROM 'dynamodb://table' IAM_ROLE 'r' JSON 'auto'",
            "0A000",
            "COPY from a source other than Amazon S3 is not supported by the local Redshift",
        ),
        ("COPY t TO 's3://b/p' IAM_ROLE 'r'", "0A000", "COPY ... TO is not supported by Amazon Redshift; use UNLOAD"),
    ],
)
def test_refused_statements(sql, sqlstate, message):
    with pytest.raises(RedshiftError) as refused:
        parse(sql)
    assert refused.value.sqlstate == sqlstate
    assert message in refused.value.message


# --- The course's own statements, read from the files the tutorial runs --------------------------------------

LOG_DATA, SONG_DATA = "s3://udacity-dend/log_data", "s3://udacity-dend/song_data"
LOG_JSONPATH = "s3://udacity-dend/log_json_path.json"


def course_copy(name: str, **params: str) -> str:
    """The COPY statement of one of the course's staging files, its placeholders filled."""
    text = course_sql("staging", name, role_arn=ROLE, region="us-west-2", **params)
    [statement] = [sql for sql in course.statements(text) if sql.split(None, 1)[0].upper() == "COPY"]
    return statement


def test_the_course_loads_the_events_through_the_jsonpaths_file():
    options = parse_copy(course_copy("copy_staging_events", log_data=LOG_DATA, log_jsonpath=LOG_JSONPATH))
    assert options == CopyOptions(
        schema=None,
        table="staging_events",
        columns=None,
        source_url=LOG_DATA,
        authorization=IamRole(ROLE),
        json=JsonMapping(jsonpaths_url=LOG_JSONPATH),
        region="us-west-2",
        timeformat="epochmillisecs",
        truncate_columns=True,
        blanks_as_null=True,
        empty_as_null=True,
    )


def test_the_course_loads_the_songs_by_name():
    options = parse_copy(course_copy("copy_staging_songs", song_data=SONG_DATA))
    assert options == CopyOptions(
        schema=None,
        table="staging_songs",
        columns=None,
        source_url=SONG_DATA,
        authorization=IamRole(ROLE),
        json=JsonMapping(),
        region="us-west-2",
    )


# --- What the grammar accepts ---------------------------------------------------------------------------------

BASE = "COPY t FROM 's3://b/p' IAM_ROLE 'r' "


@pytest.mark.parametrize(
    "sql, expected",
    [
        # Names fold to lower case, quoted or not; #name is the temporary table `name`.
        (
            "COPY \"Sales\".\"Events\" (\"Id\", Name) FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto'",
            ("sales", "events", ("id", "name")),
        ),
        ("COPY dev.public.events FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto'", ("public", "events", None)),
        ("COPY #staging FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto'", (None, "staging", None)),
        (
            "COPY \"my table\" (json, format, region) FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto'",
            (None, "my table", ("json", "format", "region")),
        ),
    ],
)
def test_table_and_column_names(sql, expected):
    options = parse_copy(sql)
    assert (options.schema, options.table, options.columns) == expected


@pytest.mark.parametrize(
    "sql, expected",
    [
        # COPY parameter reference: FORMAT [AS] is optional before a data format, AS is optional before arguments.
        (BASE + "FORMAT AS JSON 'auto'", {"json": JsonMapping()}),
        (BASE + "FORMAT JSON 'auto ignorecase'", {"json": JsonMapping(ignore_case=True)}),
        (BASE + "JSON AS 'AUTO IGNORECASE'", {"json": JsonMapping(ignore_case=True)}),
        (BASE + "FORMAT AS JSON AS 's3://b/paths.json'", {"json": JsonMapping(jsonpaths_url="s3://b/paths.json")}),
        (BASE + "JSON auto", {"json": JsonMapping()}),
        # Authorization anywhere among the parameters; IAM_ROLE default is the cluster's default role.
        ("COPY t FROM 's3://b/p' JSON 'auto' IAM_ROLE default", {"authorization": IamRole(None)}),
        ("COPY t FROM 's3://b/p' JSON 'auto' IAM_ROLE AS 'arn:x'", {"authorization": IamRole("arn:x")}),
        (
            "COPY t FROM 's3://b/p' REGION AS 'eu-west-1' CREDENTIALS 'aws_iam_role=arn:x' FORMAT AS JSON 'auto'",
            {"authorization": IamRole("arn:x"), "region": "eu-west-1"},
        ),
        (
            "COPY t FROM 's3://b/p' WITH CREDENTIALS AS 'aws_access_key_id=A;aws_secret_access_key=B' JSON 'auto'",
            {"authorization": AccessKeys("A", "B")},
        ),
        # Numbers, quoted or not; MAXERROR is lowered to its maximum, 100000.
        (BASE + "JSON 'auto' MAXERROR AS '7' IGNOREHEADER AS 1 COMPROWS 1000", {"max_errors": 7, "ignore_header": 1}),
        (BASE + "JSON 'auto' MAXERROR 100001", {"max_errors": 100_000}),
        # COMPUPDATE [PRESET | ON | TRUE | OFF | FALSE] and STATUPDATE [ON | TRUE | OFF | FALSE], or nothing.
        (BASE + "JSON 'auto' COMPUPDATE OFF STATUPDATE TRUE TRUNCATECOLUMNS", {"truncate_columns": True}),
        (BASE + "JSON 'auto' COMPUPDATE STATUPDATE EMPTYASNULL", {"empty_as_null": True}),
        (BASE + "JSON 'auto' COMPUPDATE PRESET STATUPDATE off BLANKSASNULL", {"blanks_as_null": True}),
        # ACCEPTINVCHARS [AS] ['char'], '?' when no character is given.
        (BASE + "JSON 'auto' ACCEPTINVCHARS EMPTYASNULL", {"accept_invalid_chars": "?", "empty_as_null": True}),
        (BASE + "JSON 'auto' ACCEPTINVCHARS AS '*'", {"accept_invalid_chars": "*"}),
        # Strings as PostgreSQL writes them, bare words where a keyword takes one.
        (
            BASE + "JSON 'auto' TIMEFORMAT 'YYYY-MM-DD\"T\"HH24:MI:SS' DATEFORMAT 'auto'",
            {"timeformat": 'YYYY-MM-DD"T"HH24:MI:SS', "dateformat": "auto"},
        ),
        (BASE + "JSON 'auto' DATEFORMAT 'DD''MM''YYYY' ENCODING UTF8", {"dateformat": "DD'MM'YYYY"}),
        (BASE + "JSON 'auto' TIMEFORMAT epochsecs ENCODING AS 'utf-8'", {"timeformat": "epochsecs"}),
        # Comments, line breaks, lower case and the statement's semicolon.
        (
            "copy t -- the table\nfrom 's3://b/p' /* the data */ iam_role 'r'\n  json 'auto' gzip manifest;",
            {"compression": "gzip", "manifest": True},
        ),
        (
            BASE + "JSON 'auto' BZIP2 ROUNDEC TRIMBLANKS EXPLICIT_IDS ACCEPTANYDATE NOLOAD",
            {
                "compression": "bzip2",
                "round_decimals": True,
                "trim_blanks": True,
                "explicit_ids": True,
                "accept_any_date": True,
                "no_load": True,
            },
        ),
    ],
)
def test_what_the_grammar_accepts(sql, expected):
    options = parse_copy(sql)
    assert {name: getattr(options, name) for name in expected} == expected


def test_every_keyword_takes_what_the_copy_parameter_reference_says():
    """COPY parameter reference: which parameters take an argument, an optional one, or none."""
    argument = {
        "IAM_ROLE", "CREDENTIALS", "ACCESS_KEY_ID", "SECRET_ACCESS_KEY", "SESSION_TOKEN", "REGION",
        "MASTER_SYMMETRIC_KEY", "DELIMITER", "FIXEDWIDTH", "QUOTE", "NULL", "READRATIO", "DATEFORMAT", "ENCODING",
        "IGNOREHEADER", "TIMEFORMAT", "COMPROWS", "MAXERROR",
    }  # fmt: skip
    optional = {"JSON", "AVRO", "ACCEPTINVCHARS", "COMPUPDATE", "STATUPDATE"}
    nothing = {
        "WITH", "MANIFEST", "ENCRYPTED", "SSH", "PARQUET", "ORC", "SHAPEFILE", "CSV", "ESCAPE", "FILLRECORD",
        "IGNOREBLANKLINES", "REMOVEQUOTES", "GZIP", "BZIP2", "LZOP", "ZSTD", "ACCEPTANYDATE", "BLANKSASNULL",
        "EMPTYASNULL", "EXPLICIT_IDS", "ROUNDEC", "TRIMBLANKS", "TRUNCATECOLUMNS", "NOLOAD", "SERIALIZETOJSON",
    }  # fmt: skip
    expected = {**dict.fromkeys(argument, Takes.ARGUMENT), **dict.fromkeys(optional, Takes.OPTIONAL)}
    expected |= dict.fromkeys(nothing, Takes.NOTHING)
    assert {name: keyword.takes for name, keyword in KEYWORDS.items()} == expected
    formats = {"JSON", "AVRO", "PARQUET", "ORC", "SHAPEFILE", "CSV", "DELIMITER", "FIXEDWIDTH"}
    assert {name for name, keyword in KEYWORDS.items() if keyword.data_format} == formats


# --- What it refuses --------------------------------------------------------------------------------------------

_REDSHIFT_REFUSES = "is not supported by Amazon Redshift"
_LOCAL_LACKS = "is not supported by the local Redshift"


@pytest.mark.parametrize(
    "sql, message",
    [
        # PostgreSQL's COPY forms, refused as translation refused them (whatever follows the source).
        ("COPY users TO 's3://b/users'", f"COPY ... TO {_REDSHIFT_REFUSES}; use UNLOAD"),
        ("COPY users TO STDOUT WITH (FORMAT csv)", f"COPY ... TO {_REDSHIFT_REFUSES}; use UNLOAD"),
        ("COPY (SELECT * FROM users) TO '/tmp/users.csv'", f"COPY ... TO {_REDSHIFT_REFUSES}; use UNLOAD"),
        ("COPY users FROM STDIN", f"COPY ... FROM STDIN {_REDSHIFT_REFUSES}"),
        ("copy users (id) from stdin with (format csv, header)", f"COPY ... FROM STDIN {_REDSHIFT_REFUSES}"),
        ("COPY users FROM '/tmp/users.csv'", f"COPY from a local file {_REDSHIFT_REFUSES}"),
        ("COPY users FROM '/tmp/users.csv' DELIMITER ',' CSV HEADER", f"COPY from a local file {_REDSHIFT_REFUSES}"),
        (
            "COPY users FROM 'dynamodb://users' IAM_ROLE 'arn' READRATIO 50",
            f"COPY from a source other than Amazon S3 {_LOCAL_LACKS}",
        ),
        (
            "COPY users FROM 'emr://j-1/part-*' IAM_ROLE 'arn'",
            f"COPY from a source other than Amazon S3 {_LOCAL_LACKS}",
        ),
        ("COPY users FROM PROGRAM 'cat users.csv'", f"COPY from a source other than Amazon S3 {_LOCAL_LACKS}"),
    ],
)
def test_copy_forms_the_local_redshift_refuses(sql, message):
    with pytest.raises(UnsupportedFeature) as refused:
        parse_copy(sql)
    assert (refused.value.sqlstate, refused.value.message) == ("0A000", message)


@pytest.mark.parametrize(
    "sql, message",
    [
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto', MAXERROR 2", 'syntax error at or near ","'),
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' (JSON 'auto')", 'syntax error at or near "("'),
        ("COPY t 's3://b/p' IAM_ROLE 'r' JSON 'auto'", "syntax error at or near \"'s3://b/p'\""),
        ("COPY INTO t FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto'", 'syntax error at or near "INTO"'),
        ("COPY t () FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto'", 'syntax error at or near ")"'),
        ("COPY t (a, b FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto'", 'syntax error at or near "FROM"'),
        ("COPY public. FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto'", 'syntax error at or near "FROM"'),
        ("COPY t", "syntax error at end of input"),
        ("COPY FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto'", "COPY needs a target table"),
        ("COPY (SELECT 1) FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto'", "COPY needs a target table"),
        ("COPY t FROM", "COPY needs exactly one quoted source, e.g. FROM 's3://bucket/prefix'"),
        (
            "COPY t FROM 's3://b/p', 's3://b/q' IAM_ROLE 'r' JSON 'auto'",
            "COPY needs exactly one quoted source, e.g. FROM 's3://bucket/prefix'",
        ),
        ("COPY t FROM 's3://b/p IAM_ROLE 'r'", "syntax error: unterminated quoted string, quoted name or comment"),
        (BASE + "JSON 'auto' TIMEFORMAT EMPTYASNULL", 'syntax error at or near "EMPTYASNULL"'),
        (BASE + "JSON 'auto' TRUNCATECOLUMNS 'yes'", "syntax error at or near \"'yes'\""),
        (BASE + "JSON 'auto' MAXERROR AS", "syntax error at end of input: MAXERROR needs an argument"),
        (BASE + "JSON 'auto' ACCEPTINVCHARS AS MANIFEST", 'syntax error at or near "MANIFEST"'),
        (BASE + "JSON 'auto' STATUPDATE PRESET", 'syntax error at or near "PRESET"'),
        (BASE + "FORMAT AS NULL", 'syntax error at or near "NULL"'),
        (BASE + "format as jsonb", 'syntax error at or near "jsonb"'),
        (BASE + "FORMAT AS", "syntax error at end of input: FORMAT needs an argument"),
        (BASE + "JSON 'auto' MAXERROR -1", "MAXERROR argument must be a non-negative integer, not '-1'"),
    ],
)
def test_statements_that_are_not_redshift_copy_are_syntax_errors(sql, message):
    with pytest.raises(CopyError) as refused:
        parse_copy(sql)
    assert (refused.value.sqlstate, refused.value.message) == ("42601", message)


@pytest.mark.parametrize(
    "sql, sqlstate, message",
    [
        (
            BASE + "ORC",
            "0A000",
            "The local Redshift loads JSON, CSV, delimited and fixed-width text; ORC is not supported",
        ),
        (
            BASE + "FORMAT AS AVRO 'auto'",
            "0A000",
            "The local Redshift loads JSON, CSV, delimited and fixed-width text; AVRO is not supported",
        ),
        (BASE + "FORMAT AS CSV JSON 'auto'", "42601", "CSV is not supported with FORMAT AS JSON"),
        (BASE + "FORMAT AS ORC JSON 'auto'", "42601", "ORC is not supported with FORMAT AS JSON"),
        (BASE + "JSON 'auto' READRATIO 50", "42601", "READRATIO is not supported with FORMAT AS JSON"),
        (BASE + "JSON 'auto' NULL AS '\\N'", "42601", "NULL is not supported with FORMAT AS JSON"),
        (BASE + "JSON 'auto' LZOP", "0A000", "The local Redshift does not support LZOP compressed files"),
        (BASE + "JSON 'auto' SSH", "0A000", "The local Redshift does not support COPY from remote hosts (SSH)"),
        (BASE + "JSON 'auto' IAM_ROLE 's'", "42601", "conflicting or redundant options: IAM_ROLE is given twice"),
        (
            BASE + "JSON 'auto' ACCEPTINVCHARS 'é'",
            "42601",
            "ACCEPTINVCHARS replacement must be one ASCII character other than NUL, not 'é'",
        ),
        (
            "COPY t FROM 's3://b/p' SESSION_TOKEN 't' JSON 'auto'",
            "XX000",
            "Invalid credentials. Must be of the format: credentials 'aws_iam_role=...' or"
            " 'aws_access_key_id=...;aws_secret_access_key=...[;token=...]'",
        ),
    ],
)
def test_parameters_the_local_redshift_refuses(sql, sqlstate, message):
    with pytest.raises(CopyError) as refused:
        parse_copy(sql)
    assert (refused.value.sqlstate, refused.value.message) == (sqlstate, message)
