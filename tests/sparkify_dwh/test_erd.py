"""The entity-relationship diagram, read from the catalog of a running local warehouse: five tables with their
keys and storage, the five relationships the star DDL declares, Mermaid text and a PNG."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlglot
from sqlglot import exp

from local_redshift.translation import LocalRedshift
from sparkify_dwh import charts, erd, pipeline, sql, warehouse
from sparkify_dwh.config import Config

KEYS = {
    "songplays": "songplay_id", "users": "user_id", "songs": "song_id", "artists": "artist_id", "time": "start_time"
}  # fmt: skip


def declared_references() -> set[tuple[str, str, str]]:
    """(table, column, parent) of every REFERENCES in the star schema's CREATE TABLE files."""
    found = set()
    for sql_file in sql.files("star", "create"):
        for tree in sqlglot.parse(sql_file.text, read=LocalRedshift):
            table = tree.find(exp.Table).name
            for column in tree.find_all(exp.ColumnDef):
                for reference in column.find_all(exp.Reference):
                    assert [key.name for key in reference.this.expressions] == [KEYS[reference.this.this.name]]
                    found.add((table, column.name, reference.this.this.name))
    return found


@pytest.fixture(scope="module")
def schema(warehouse_config: Config) -> erd.Schema:
    with warehouse.connect(warehouse_config) as connection:
        pipeline.create_tables(connection)
        return erd.read(connection)


def test_the_five_tables_and_their_keys(schema: erd.Schema):
    assert {table.name: table.key.name for table in schema.tables} == KEYS
    assert schema.fact.name == "songplays"
    assert all(table.key.not_null for table in schema.tables)
    assert [c.name for c in schema.table("time").columns] == [
        "start_time", "hour", "day", "week", "month", "year", "weekday"
    ]  # fmt: skip


def test_distribution_and_sort_keys_come_from_the_catalog(schema: erd.Schema):
    dist_keys = {(t.name, c.name) for t in schema.tables for c in t.columns if c.dist_key}
    sort_keys = {(t.name, c.name): c.sort_key_position for t in schema.tables for c in t.columns if c.sort_key_position}

    assert dist_keys == {("songplays", "start_time"), ("time", "start_time")}
    assert sort_keys == {(table, key): 1 for table, key in KEYS.items() if table != "songplays"} | {
        ("songplays", "start_time"): 1
    }
    assert schema.table("songplays").columns[1].storage == "DISTKEY SORTKEY 1"
    assert schema.table("songs").columns[0].short_type == "varchar(32)"
    assert schema.table("time").key.short_type == "timestamp"


def test_the_relationships_derived_from_names_are_those_the_ddl_declares(schema: erd.Schema):
    derived = {(r.table, r.column, r.parent) for r in schema.relationships}

    assert derived == declared_references()
    assert len(schema.relationships) == 5
    assert [r.mandatory for r in schema.relationships if r.table == "songplays"] == [True, False, False, False]


def test_mermaid_text(schema: erd.Schema):
    text = erd.mermaid(schema)

    assert text.startswith("erDiagram\n")
    assert '    songplays }o--|| time : "start_time"' in text
    assert '    songplays }o--o| users : "user_id"' in text
    assert '    songs }o--o| artists : "artist_id"' in text
    assert '        timestamp start_time FK "DISTKEY SORTKEY 1"' in text
    assert '        varchar(32) song_id PK "SORTKEY 1"' in text
    assert text.count(" {\n") == 5 and text.count("}o--") == 5
    assert text._repr_markdown_() == f"```mermaid\n{text}```"


def test_the_figure_is_saved_as_png(schema: erd.Schema, tmp_path: Path):
    path = charts.save(erd.draw(schema), tmp_path, "star_schema_erd")

    assert path == tmp_path / "star_schema_erd.png"
    assert path.read_bytes().startswith(b"\x89PNG")


def test_reading_without_the_star_schema_says_what_to_do(warehouse_config: Config):
    with warehouse.connect(warehouse_config) as connection:
        warehouse.run_file(connection, sql.find("star", "drop_star_tables"))
        try:
            with pytest.raises(warehouse.WarehouseError, match="create them first"):
                erd.read(connection)
        finally:
            warehouse.run_layer(connection, "star", steps=("create",))
