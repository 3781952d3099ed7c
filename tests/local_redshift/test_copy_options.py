"""Reading COPY parameters from sqlglot's AST, with Redshift's grammar."""

from __future__ import annotations

import pytest
import sqlglot

from local_redshift.copy import CopyError
from local_redshift.copy.options import AccessKeys, CopyOptions, IamRole, JsonMapping, parse_copy

ROLE = "arn:aws:iam::123456789012:role/dwhRole"


def parse(sql: str) -> CopyOptions:
    return parse_copy(sqlglot.parse_one(sql, read="redshift"))


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
        # sqlglot reads `FLAG NEXT_KEYWORD` as one name/value pair; the words still come out right.
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


def test_credentials_string_with_access_keys():
    options = parse(
        "COPY t FROM 's3://b/p' WITH CREDENTIALS AS 'aws_access_key_id=A;aws_secret_access_key=B;token=T'"
        " JSON AS 'auto'"
    )
    assert options.authorization == AccessKeys("A", "B", "T")


@pytest.mark.parametrize(
    "clause, expected",
    [
        # sqlglot drops these keywords when AS follows them; the value tells which it was.
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
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' CSV", "0A000", "The local Redshift loads JSON only"),
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r'", "0A000", "delimited text is not supported"),
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' FORMAT AS PARQUET", "0A000", "PARQUET is not supported"),
        ("COPY t FROM 's3://b/p' JSON 'auto'", "XX000", "Invalid credentials. Must be of the format"),
        ("COPY t FROM 's3://b/p' CREDENTIALS 'aws_iam_role' JSON 'auto'", "XX000", "Invalid credentials"),
        ("COPY t FROM 's3://b/p' ACCESS_KEY_ID 'A' JSON 'auto'", "XX000", "Invalid credentials"),
        (
            "COPY t FROM 's3://b/p' IAM_ROLE 'r' ACCESS_KEY_ID 'A' SECRET_ACCESS_KEY 'B' JSON 'auto'",
            "42601",
            "IAM_ROLE cannot be combined",
        ),
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' JSON 'yes please'", "42601", "Invalid JSON option 'yes please'"),
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' JSON 'noshred'", "0A000", "noshred"),
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto' MAXERROR 'many'", "42601", "MAXERROR argument"),
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto' ACCEPTINVCHARS 'ab'", "42601", "ACCEPTINVCHARS replacement"),
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto' ENCODING UTF16", "0A000", "ENCODING UTF16"),
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto' LZOP", "0A000", "LZOP"),
        ("COPY t FROM 's3://b/p' IAM_ROLE 'r' JSON 'auto' TIMEFORMAT", "42601", "TIMEFORMAT needs an argument"),
        ("COPY t FROM 'dynamodb://table' IAM_ROLE 'r' JSON 'auto'", "0A000", "loads only from Amazon S3"),
        ("COPY t TO 's3://b/p' IAM_ROLE 'r'", "0A000", "COPY TO is not supported"),
    ],
)
def test_refused_statements(sql, sqlstate, message):
    with pytest.raises(CopyError) as refused:
        parse(sql)
    assert refused.value.sqlstate == sqlstate
    assert message in refused.value.message
