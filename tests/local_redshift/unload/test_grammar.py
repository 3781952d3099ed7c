"""The UNLOAD grammar: what each option of the UNLOAD page reads into, and what the page says cannot be combined."""

from __future__ import annotations

import pytest

from local_redshift.copy.errors import CopyError
from local_redshift.copy.options import AccessKeys, IamRole
from local_redshift.errors import UnsupportedFeature
from local_redshift.unload import Format, UnloadError, parse_unload
from local_redshift.unload.options import DEFAULT_MAX_FILE_SIZE, MEGABYTE

ROLE = "arn:aws:iam::0123456789012:role/MyRedshiftRole"
BASE = f"unload ('select * from venue') to 's3://mybucket/unload/' iam_role '{ROLE}' "


def test_the_defaults_pipe_delimited_parallel_text():
    # "Unload VENUE to a pipe-delimited file (default delimiter)"
    options = parse_unload(BASE.strip() + ";")
    assert (options.query, options.destination, options.authorization) == (
        "select * from venue",
        "s3://mybucket/unload/",
        IamRole(ROLE),
    )
    assert (options.format, options.delimiter, options.parallel, options.max_file_size) == (
        Format.TEXT,
        None,
        True,
        DEFAULT_MAX_FILE_SIZE,
    )


def test_doubled_quotes_in_the_query():
    # The select-statement parameter: ('select * from venue where venuestate=''NV''')
    options = parse_unload(f"unload ('select * from venue where venuestate=''NV''') to 's3://b/p' iam_role '{ROLE}'")
    assert options.query == "select * from venue where venuestate='NV'"


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ("CSV", {"format": Format.CSV}),
        ("FORMAT AS PARQUET", {"format": Format.PARQUET}),
        ("FORMAT JSON", {"format": Format.JSON}),
        ("delimiter as '\\t'", {"delimiter": "\t"}),
        (
            "fixedwidth as 'venueid:3,venuename:39'",
            {"format": Format.FIXEDWIDTH, "fixed_widths": (("venueid", 3), ("venuename", 39))},
        ),
        (
            "null as 'fred' addquotes escape header",
            {"null_as": "fred", "add_quotes": True, "escape": True, "header": True},
        ),
        ("manifest", {"manifest": True, "manifest_verbose": False}),
        ("manifest verbose", {"manifest": True, "manifest_verbose": True}),
        ("parallel off gzip", {"parallel": False, "compression": "gzip"}),
        ("PARALLEL FALSE BZIP2", {"parallel": False, "compression": "bzip2"}),
        ("PARALLEL ZSTD", {"parallel": True, "compression": "zstd"}),
        ("maxfilesize 1 gb", {"max_file_size": 1024 * MEGABYTE}),
        ("MAXFILESIZE AS 5.5", {"max_file_size": int(5.5 * MEGABYTE)}),
        ("extension 'txt.gz' gzip", {"extension": "txt.gz", "compression": "gzip"}),
        ("allowoverwrite", {"allow_overwrite": True}),
        ("cleanpath", {"clean_path": True}),
        ("REGION AS 'us-east-1'", {"region": "us-east-1"}),
        ("PARQUET PARTITION BY (l_shipdate) INCLUDE", {"partition_by": ("l_shipdate",), "partition_include": True}),
        ('PARTITION BY (a, "B")', {"partition_by": ("a", "B"), "partition_include": False}),
        ("PARQUET ROWGROUPSIZE 64 MB", {"format": Format.PARQUET}),
        ("ENCRYPTED AUTO", {}),
    ],
)
def test_each_option(options, expected):
    parsed = parse_unload(BASE + options)
    assert {name: getattr(parsed, name) for name in expected} == expected


def test_partition_by_adds_a_slash_to_the_prefix():
    # TO: "If you use PARTITION BY, a forward slash (/) is automatically added to the end of the name-prefix".
    parsed = parse_unload(f"unload ('select 1') to 's3://b/lineitem' iam_role '{ROLE}' partition by (a)")
    assert parsed.destination == "s3://b/lineitem/"


def test_authorization_as_copy_reads_it():
    assert parse_unload("unload ('select 1') to 's3://b/p' iam_role default").authorization == IamRole(None)
    keys = parse_unload("unload ('select 1') to 's3://b/p' access_key_id 'A' secret_access_key 'S' session_token 'T'")
    assert keys.authorization == AccessKeys("A", "S", "T")
    text = parse_unload(
        "unload ('select 1') to 's3://b/p' with credentials as 'aws_access_key_id=A;aws_secret_access_key=S'"
    )
    assert text.authorization == AccessKeys("A", "S")
    with pytest.raises(CopyError, match="Invalid credentials"):
        parse_unload("unload ('select 1') to 's3://b/p'")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        # The FORMAT parameter: "You can't use CSV with FIXEDWIDTH. You can't use PARQUET with DELIMITER, FIXEDWIDTH,
        # ADDQUOTES, ESCAPE, NULL AS, HEADER, GZIP, BZIP2, or ZSTD. ... You can't use JSON with DELIMITER, HEADER,
        # FIXEDWIDTH, ADDQUOTES, ESCAPE, or NULL AS."
        ("CSV FIXEDWIDTH 'a:1'", "CSV cannot be used with FIXEDWIDTH"),
        ("PARQUET DELIMITER ','", "DELIMITER cannot be used with PARQUET"),
        ("PARQUET NULL AS 'x'", "NULL AS cannot be used with PARQUET"),
        ("ZSTD PARQUET", "ZSTD cannot be used with PARQUET"),
        ("JSON ADDQUOTES", "ADDQUOTES cannot be used with JSON"),
        ("JSON CSV", "JSON cannot be used with CSV"),
        # HEADER and DELIMITER: "You can't use HEADER with FIXEDWIDTH"; "You can't use DELIMITER with FIXEDWIDTH".
        ("FIXEDWIDTH 'a:1' DELIMITER ','", "DELIMITER cannot be used with FIXEDWIDTH"),
        # CLEANPATH: "You can't specify the CLEANPATH option if you specify the ALLOWOVERWRITE option."
        ("ALLOWOVERWRITE CLEANPATH", "CLEANPATH cannot be used with ALLOWOVERWRITE"),
        ("GZIP BZIP2", "GZIP cannot be used with BZIP2"),
        # MAXFILESIZE: "Specify a decimal value between 5 MB and 6.2 GB."
        ("MAXFILESIZE 4 MB", "MAXFILESIZE must be between 5 MB and 6.2 GB"),
        ("MAXFILESIZE 7 GB", "MAXFILESIZE must be between 5 MB and 6.2 GB"),
        # ROWGROUPSIZE: "Specify an integer value between 32 MB and 128 MB", Parquet only.
        ("PARQUET ROWGROUPSIZE 16 MB", "ROWGROUPSIZE must be between 32 MB and 128 MB"),
        ("ROWGROUPSIZE 64 MB", "ROWGROUPSIZE can be used only with PARQUET"),
        ("DELIMITER '||'", "DELIMITER must be a single ASCII character"),
        ("HEADER HEADER", "HEADER is given twice"),
        ("VERBOSE", 'syntax error at or near "VERBOSE"'),  # VERBOSE only following MANIFEST
        ("PARTITION BY ('a')", "doesn't support string literals in PARTITION BY"),
        ("FIXEDWIDTH 'a'", "Invalid FIXEDWIDTH spec"),
    ],
)
def test_what_cannot_be_combined_or_written_is_a_syntax_error(options, message):
    with pytest.raises((UnloadError, CopyError), match=message) as refused:  # CopyError: the COPY tokens' words
        parse_unload(BASE + options)
    assert refused.value.sqlstate == "42601"


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        ("unload 'select 1' to 's3://b/p' iam_role default", "syntax error at or near \"'select 1'\""),
        ("unload (select 1) to 's3://b/p' iam_role default", "UNLOAD needs its query as a quoted string"),
        ("unload ('select 1') 's3://b/p' iam_role default", "syntax error at or near \"'s3://b/p'\""),
        ("unload ('select 1') to '/tmp/p' iam_role default", "Invalid S3 URL '/tmp/p'"),
    ],
)
def test_the_query_and_the_destination(statement, message):
    with pytest.raises((UnloadError, CopyError), match=message):
        parse_unload(statement)


def test_client_side_encryption_is_refused_by_name():
    for options in ("ENCRYPTED", "MASTER_SYMMETRIC_KEY 'k' ENCRYPTED", "KMS_KEY_ID 'k' ENCRYPTED"):
        with pytest.raises(UnloadError, match="The local Redshift does not support") as refused:
            parse_unload(BASE + options)
        assert refused.value.sqlstate == "0A000"


def test_the_translator_routes_unload_to_this_grammar():
    from local_redshift.translation import translate

    [statement] = translate(BASE + "csv")
    assert statement.unload is not None and statement.unload.format is Format.CSV and statement.in_endpoint
    assert not isinstance(statement.unload, UnsupportedFeature)
