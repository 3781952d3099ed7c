"""The SQL files: every one parses as Redshift SQL and translates for the local Redshift, placeholders are filled
safely, the pipeline runs every file of its layers, and no SQL is written in Python code instead."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
import sqlglot
from sqlglot import exp

from local_redshift.translation import LocalRedshift, translate
from sparkify_dwh import pipeline, sql
from sparkify_dwh.config import load_config
from sparkify_dwh.sampledata.layout import STAGING_EVENTS_COLUMNS
from tests.support import REPO_ROOT

BASE_FILES = [sql_file for layer in sql.LAYERS for sql_file in sql.files(layer)]
SERVERLESS_FILES = [
    variant for f in BASE_FILES if (variant := sql.find(f.layer, f.name, sql.SERVERLESS)).variant == sql.SERVERLESS
]
ALL_FILES = BASE_FILES + SERVERLESS_FILES
ROLE_ARN = "arn:aws:iam::123456789012:role/dwhRole"
# Statements as this project writes them, keywords in upper case (so that prose such as "select a file from the
# list" in a message is not taken for SQL).
SQL_SHAPES = re.compile(
    r"\bSELECT\b[\s\S]*\bFROM\b|\bINSERT\s+INTO\b|\bDELETE\s+FROM\b|\bUPDATE\s+\w+\s+SET\b"
    r"|\b(CREATE|DROP|ALTER)\s+TABLE\b|\bCOPY\s+\w+\s+FROM\b|\bTRUNCATE\s+\w+"
)


@pytest.fixture(scope="module")
def params() -> dict[str, str]:
    """The placeholder values the pipeline gives the committed configuration."""
    config = load_config(REPO_ROOT / "dwh.cfg", environ={"SPARKIFY_DWH_DB_PASSWORD": "Unused1234"})
    return pipeline.copy_params(config, ROLE_ARN)


def test_every_layer_has_numbered_files_with_unique_names():
    for layer in sql.LAYERS:
        found = sql.files(layer)
        assert found, layer
        assert [f.filename for f in found] == sorted(f.filename for f in found)
        assert len({f.name for f in found}) == len(found), layer
        files_on_disk = {path.name for path in Path(sql.__file__).with_suffix("").joinpath(layer).iterdir()}
        files_on_disk.discard(sql.SERVERLESS)
        assert files_on_disk == {f.filename for f in found}, f"{layer}: a file that does not fit NN_name.sql"


def test_each_serverless_variant_stands_beside_a_file_of_its_name():
    folders = [path for path in Path(sql.__file__).with_suffix("").glob(f"*/{sql.SERVERLESS}") if path.is_dir()]
    on_disk = {f"{path.parent.name}/{sql.SERVERLESS}/{file.name}" for path in folders for file in path.iterdir()}
    assert on_disk == {f.relative for f in SERVERLESS_FILES}
    assert {"inspect/serverless/03_load_errors.sql", "inspect/serverless/15_slice_rows.sql"} <= on_disk
    for variant in SERVERLESS_FILES:  # the provisioned file is found for any other deployment
        assert sql.find(variant.layer, variant.name).variant == ""
        assert not re.search(r"\b(stl|stv|svl|svcs)_", " ".join(sql.statements(variant.text)), re.IGNORECASE)


def test_every_file_opens_with_a_comment_saying_what_it_does():
    for sql_file in ALL_FILES:
        assert sql_file.text.startswith("-- ") and len(sql_file.description) > 20, sql_file.relative


@pytest.mark.parametrize("sql_file", ALL_FILES, ids=lambda f: f.relative)
def test_every_file_parses_as_redshift_sql(sql_file: sql.SqlFile, params: dict[str, str]):
    trees = sqlglot.parse(sql.render(sql_file.text, params), read=LocalRedshift)

    assert trees and all(tree is not None for tree in trees)
    # sqlglot has no expression for VACUUM: the one statement it may keep as a command (the translator reads it).
    opaque = [tree for tree in trees if isinstance(tree, exp.Command) and tree.name.upper() != "VACUUM"]
    assert not opaque, "parsed only as an opaque command"


@pytest.mark.parametrize("sql_file", ALL_FILES, ids=lambda f: f.relative)
def test_every_file_translates_for_the_local_redshift(sql_file: sql.SqlFile, params: dict[str, str]):
    rendered = sql.render(sql_file.text, params)

    translated = translate(rendered)  # raises UnsupportedFeature for SQL that Amazon Redshift rejects

    assert len(translated) == len(sql.statements(rendered))
    for statement in translated:
        assert statement.copy is not None or statement.postgres, statement.source
        if statement.copy is not None:
            assert sql_file.name.startswith("copy_")


def test_the_two_copy_statements_are_those_of_the_course(params: dict[str, str]):
    events = sql.render(sql.find("staging", "copy_staging_events").text, params)
    songs = sql.render(sql.find("staging", "copy_staging_songs").text, params)

    assert " ".join(sql.statements(events)[-1].split()) == (
        "COPY staging_events FROM 's3://udacity-dend/log_data' IAM_ROLE 'arn:aws:iam::123456789012:role/dwhRole' "
        "REGION 'us-west-2' FORMAT AS JSON 's3://udacity-dend/log_json_path.json' TIMEFORMAT AS 'epochmillisecs' "
        "TRUNCATECOLUMNS BLANKSASNULL EMPTYASNULL"
    )
    assert " ".join(sql.statements(songs)[-1].split()) == (
        "COPY staging_songs FROM 's3://udacity-dend/song_data' IAM_ROLE 'arn:aws:iam::123456789012:role/dwhRole' "
        "REGION 'us-west-2' FORMAT AS JSON 'auto' COMPUPDATE OFF"
    )


def _staging_events_columns() -> list[str]:
    create = sqlglot.parse(sql.find("staging", "create_staging_events").text, read=LocalRedshift)[-1]
    return [column.name for column in create.find_all(exp.ColumnDef)]


def test_staging_events_columns_follow_the_jsonpaths_order_of_the_generated_data():
    snake_case = [re.sub(r"(?<!^)(?=[A-Z])", "_", field).lower() for field in STAGING_EVENTS_COLUMNS]

    assert _staging_events_columns() == snake_case


def test_staging_events_columns_follow_the_jsonpaths_order_of_the_course(udacity_sample: Path):
    jsonpaths = json.loads((udacity_sample / "log_json_path.json").read_text())["jsonpaths"]

    assert [path.split("'")[1] for path in jsonpaths] == list(STAGING_EVENTS_COLUMNS)
    assert len(_staging_events_columns()) == len(jsonpaths)


def test_placeholders_are_exactly_the_copy_params(params: dict[str, str]):
    used = set().union(*(sql.placeholders(sql_file.text) for sql_file in ALL_FILES))

    assert used == set(params)
    for sql_file in ALL_FILES:
        assert "{{" not in sql.render(sql_file.text, params), sql_file.relative


def test_render_writes_values_as_string_literals():
    assert sql.render("IAM_ROLE {{ role_arn }} REGION {{region}}", {"role_arn": "a", "region": "b"}) == (
        "IAM_ROLE 'a' REGION 'b'"
    )
    sneaky = "x' IAM_ROLE 'other'; DROP TABLE users; --"
    rendered = sql.render("COPY t FROM {{ source }} IAM_ROLE 'r'", {"source": sneaky})
    [tree] = sqlglot.parse(rendered, read=LocalRedshift)
    assert len(sql.statements(rendered)) == 1
    assert tree.args["files"][0].name == sneaky


def test_render_refuses_missing_values_and_unsafe_ones():
    with pytest.raises(KeyError, match="role_arn"):
        sql.render("IAM_ROLE {{ role_arn }}", {})
    for unsafe in ("back\\slash", "new\nline", "nul\x00"):
        with pytest.raises(ValueError, match="backslash or a control character"):
            sql.literal(unsafe)
    with pytest.raises(TypeError):
        sql.literal(5)  # type: ignore[arg-type]


def test_statements_split_at_semicolons_outside_strings_and_comments():
    text = "-- a; comment\nSELECT 'a;b' AS x;\n/* c; */ DELETE FROM t WHERE v = ';'\n;\n;  -- trailing\n"

    assert sql.statements(text) == ["SELECT 'a;b' AS x", "DELETE FROM t WHERE v = ';'"]


def test_find_accepts_the_name_with_or_without_its_number():
    assert sql.find("analytics", "top_songs") == sql.find("analytics", "07_top_songs")
    with pytest.raises(ValueError, match="top_songs"):
        sql.find("analytics", "no_such_query")
    with pytest.raises(ValueError, match="staging, star"):
        sql.files("nowhere")


def test_show_gives_the_text_as_the_learner_reads_it_and_highlights_it_in_notebooks():
    shown = sql.show("staging", "copy_staging_events")

    assert shown == sql.find("staging", "copy_staging_events").text
    assert "{{ role_arn }}" in shown
    assert shown._repr_markdown_().startswith("`staging/03_copy_staging_events.sql`\n\n```sql\n-- ")


def test_the_pipeline_steps_cover_every_file_of_staging_and_star():
    steps = (*pipeline.CREATE_STEPS, *pipeline.STAGING_STEPS, *pipeline.STAR_STEPS, *pipeline.MAINTAIN_STEPS)
    for layer in ("staging", "star"):
        assert sql.files(layer, *steps) == sql.files(layer)
    assert [f.name for f in sql.files("staging", *pipeline.STAGING_STEPS)] == [
        "copy_staging_events",
        "copy_staging_songs",
    ]


def _python_strings(path: Path) -> list[tuple[int, str]]:
    """The string constants of a module, f-strings joined, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = [part.value for part in node.values if isinstance(part, ast.Constant)]
            found.append((node.lineno, " x ".join(str(part) for part in parts)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            found.append((node.lineno, node.value))
    return found


def _notebook_code(path: Path) -> list[tuple[int, str]]:
    cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    return [(number, "".join(cell["source"])) for number, cell in enumerate(cells) if cell["cell_type"] == "code"]


def test_no_sql_is_written_in_python_code_or_notebooks():
    offenders = []
    for path in sorted((REPO_ROOT / "lib" / "sparkify_dwh").rglob("*.py")):
        offenders += [f"{path.name}:{line}" for line, text in _python_strings(path) if SQL_SHAPES.search(text)]
    for path in sorted((REPO_ROOT / "notebooks").glob("*.ipynb")):
        offenders += [f"{path.name} cell {cell}" for cell, text in _notebook_code(path) if SQL_SHAPES.search(text)]

    assert not offenders, f"SQL belongs in lib/sparkify_dwh/sql/<layer>/*.sql, not in: {', '.join(offenders)}"


def test_the_sql_detector_finds_sql_in_strings_and_f_strings_but_not_in_docstrings(tmp_path: Path):
    module = tmp_path / "module.py"
    module.write_text(
        '"""Runs COPY staging_events FROM S3."""\n'
        'QUERY = "SELECT title FROM songs"\n'
        "def f(table):\n"
        '    """DELETE FROM the table."""\n'
        '    return f"DELETE FROM {table}"\n'
        'MESSAGE = "select a file from the list, then copy it"\n'
    )

    flagged = [line for line, text in _python_strings(module) if SQL_SHAPES.search(text)]

    assert sorted(set(flagged)) == [2, 5]
