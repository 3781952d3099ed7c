"""The entity-relationship diagram of the star schema, read from the live catalog: a matplotlib Figure and Mermaid.

Columns, their types, NOT NULL, the distribution key and the sort key come from PG_TABLE_DEF, each table's
DISTSTYLE from SVV_TABLE_INFO (`inspect/05_star_columns.sql`), so the diagram shows the tables as the warehouse
holds them.

The relationships are derived from the column names, not read from the catalog: Redshift keeps PRIMARY KEY and
REFERENCES as informational constraints only, and the local Redshift drops them, so no catalog query finds them
in both modes. The star DDL is written so that names tell: each table's key is its first column, and a column
of another table with that name refers to it (`songplays.user_id` -> `users.user_id`). The tests check that this
gives exactly the REFERENCES declared in `sql/star/`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import pandas as pd
import redshift_connector
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, Rectangle

from sparkify_dwh import warehouse

log = logging.getLogger(__name__)

# Catalog type names, shortened to the names a Redshift DDL uses (and single words, as Mermaid wants them).
_TYPE_NAMES = (
    (re.compile(r"^character varying"), "varchar"),
    (re.compile(r"^character\b"), "char"),
    (re.compile(r"^timestamp without time zone$"), "timestamp"),
    (re.compile(r"^timestamp with time zone$"), "timestamptz"),
    (re.compile(r"^double precision$"), "float8"),
)
# Drawing, in inches: the axes span the whole figure with one data unit per inch, so text sizes are predictable.
# Two columns (the fact table, its dimensions stacked beside it) keep the figure about 10 inches wide, so that
# 10-point text stays legible where a notebook or a README scales the image to its width.
BOX_WIDTH, HEADER_HEIGHT, ROW_HEIGHT, COLUMN_GAP, BOX_GAP, MARGIN = 4.3, 0.42, 0.32, 1.4, 0.45, 0.35
LEGEND_HEIGHT = 1.0
FONT = {"family": "monospace", "size": 10}
FACT_COLOR, DIMENSION_COLOR, LINE_COLOR = "#1f6f8b", "#9ccbd9", "#444444"


@dataclass(frozen=True)
class Column:
    """A column as the catalog describes it; `sort_key_position` is 0 when it is not in the sort key."""

    name: str
    data_type: str
    not_null: bool
    dist_key: bool
    sort_key_position: int

    @property
    def short_type(self) -> str:
        """The type as a DDL writes it: `varchar(32)`, `timestamp`, `float8`."""
        text = self.data_type
        for pattern, name in _TYPE_NAMES:
            text = pattern.sub(name, text)
        return text.replace(" ", "_")

    @property
    def storage(self) -> str:
        """`DISTKEY` and `SORTKEY n`, as they apply."""
        marks = ["DISTKEY"] if self.dist_key else []
        if self.sort_key_position:
            marks.append(f"SORTKEY {self.sort_key_position}")
        return " ".join(marks)


@dataclass(frozen=True)
class Table:
    """A table and its columns in declared order; the first column is its key. `diststyle` as SVV_TABLE_INFO
    writes it: `ALL`, `EVEN`, `KEY(column)`."""

    name: str
    columns: tuple[Column, ...]
    diststyle: str = ""

    @property
    def key(self) -> Column:
        """The first column, which the star DDL declares as the PRIMARY KEY."""
        return self.columns[0]

    def row(self, column: str) -> int:
        """The position of `column` among the columns, from 0."""
        return [c.name for c in self.columns].index(column)


@dataclass(frozen=True)
class Relationship:
    """`table.column` refers to `parent.column` (the parent's key); `mandatory` when the column is NOT NULL."""

    table: str
    column: str
    parent: str
    mandatory: bool


@dataclass(frozen=True)
class Schema:
    """The tables of the star schema and the relationships between them."""

    tables: tuple[Table, ...]
    relationships: tuple[Relationship, ...]

    def table(self, name: str) -> Table:
        """The table called `name`."""
        return next(table for table in self.tables if table.name == name)

    @property
    def fact(self) -> Table:
        """The table that refers to the most others: `songplays`."""
        return max(self.tables, key=lambda table: sum(r.table == table.name for r in self.relationships))

    def is_foreign_key(self, table: str, column: str) -> bool:
        """Whether `table.column` refers to another table's key."""
        return any(r.table == table and r.column == column for r in self.relationships)


def derive_relationships(tables: tuple[Table, ...]) -> tuple[Relationship, ...]:
    """Every column named like another table's key refers to that table, in table and column order."""
    keys = {table.key.name: table.name for table in tables}
    return tuple(
        Relationship(table.name, column.name, keys[column.name], column.not_null)
        for table in tables
        for column in table.columns[1:]
        if column.name in keys and keys[column.name] != table.name
    )


def from_catalog(frame: pd.DataFrame) -> Schema:
    """The schema described by the rows of `inspect/05_star_columns.sql` (ordered by table and position)."""
    tables = tuple(
        Table(
            str(name),
            tuple(
                Column(
                    row.column_name, row.data_type, bool(row.not_null), bool(row.dist_key), int(row.sort_key_position)
                )
                for row in rows.sort_values("ordinal_position").itertuples()
            ),
            str(rows["diststyle"].iloc[0] or ""),
        )
        for name, rows in frame.groupby("table_name", sort=True)
    )
    return Schema(tables, derive_relationships(tables))


def read(connection: redshift_connector.Connection) -> Schema:
    """The star schema as the warehouse's catalog describes it now."""
    schema = from_catalog(warehouse.query_file(connection, "inspect", "star_columns"))
    if not schema.tables:
        raise warehouse.WarehouseError("the star schema's tables are not there: create them first (notebook 04)")
    log.info("read %d tables and %d relationships", len(schema.tables), len(schema.relationships))
    return schema


class Mermaid(str):
    """Mermaid text that a notebook renders as the diagram (JupyterLab 4.1 and later; GitHub does in Markdown)."""

    def _repr_markdown_(self) -> str:
        return f"```mermaid\n{self}```"


def _key_marks(schema: Schema, table: Table, column: Column) -> list[str]:
    """`PK` and `FK`, as they apply to `column` of `table`."""
    marks = ["PK"] if column is table.key else []
    if schema.is_foreign_key(table.name, column.name):
        marks.append("FK")
    return marks


def mermaid(schema: Schema) -> Mermaid:
    """An `erDiagram` of the schema: tables with typed columns (PK, FK, DISTKEY, SORTKEY), then relationships."""
    lines = ["erDiagram"]
    for table in schema.tables:
        lines.append(f"    {table.name} {{")
        for column in table.columns:
            keys = ", ".join(_key_marks(schema, table, column))
            comment = f'"{column.storage}"' if column.storage else ""
            lines.append(" ".join(part for part in ("       ", column.short_type, column.name, keys, comment) if part))
        lines.append("    }")
    for relationship in schema.relationships:
        parent_side = "||" if relationship.mandatory else "o|"
        lines.append(f'    {relationship.table} }}o--{parent_side} {relationship.parent} : "{relationship.column}"')
    return Mermaid("\n".join(lines) + "\n")


def _height(table: Table) -> float:
    """The height of a table's box, in inches."""
    return HEADER_HEIGHT + ROW_HEIGHT * len(table.columns)


def _layout(schema: Schema) -> dict[str, tuple[float, float]]:
    """The top-left corner of each box: the fact table on the left, in the middle of the height, the dimensions
    it refers to stacked on its right, in the order of its columns."""
    fact = schema.fact
    around = [r.parent for r in schema.relationships if r.table == fact.name]
    stacked = sum(_height(schema.table(name)) for name in around) + BOX_GAP * max(len(around) - 1, 0)
    total = max(stacked, _height(fact))
    bottom = MARGIN + LEGEND_HEIGHT
    corners = {fact.name: (MARGIN, bottom + (total + _height(fact)) / 2)}
    top = bottom + (total + stacked) / 2
    for name in around:
        corners[name] = (MARGIN + BOX_WIDTH + COLUMN_GAP, top)
        top -= _height(schema.table(name)) + BOX_GAP
    return corners


def _draw_table(axes: Axes, schema: Schema, table: Table, corner: tuple[float, float]) -> None:
    """A box: the table's name on a colored header, then a row per column (keys, name, type, storage)."""
    left, top = corner
    is_fact = table is schema.fact
    header_color = FACT_COLOR if is_fact else DIMENSION_COLOR
    axes.add_patch(Rectangle((left, top - HEADER_HEIGHT), BOX_WIDTH, HEADER_HEIGHT, color=header_color))
    axes.text(
        left + 0.08, top - HEADER_HEIGHT / 2, table.name, va="center", weight="bold",
        color="white" if is_fact else "black", fontdict=FONT,
    )  # fmt: skip
    role = "fact" if is_fact else "dimension"
    label = f"{role}, DISTSTYLE {table.diststyle.split('(')[0]}" if table.diststyle else role
    axes.text(
        left + BOX_WIDTH - 0.08, top - HEADER_HEIGHT / 2, label, va="center",
        ha="right", style="italic", color="white" if is_fact else "black", fontdict=FONT,
    )  # fmt: skip
    for number, column in enumerate(table.columns):
        y = top - HEADER_HEIGHT - ROW_HEIGHT * (number + 0.5)
        if number % 2:
            axes.add_patch(Rectangle((left, y - ROW_HEIGHT / 2), BOX_WIDTH, ROW_HEIGHT, color="#f0f4f6"))
        marks = ",".join(_key_marks(schema, table, column))
        weight = "bold" if column is table.key else "normal"
        axes.text(left + 0.08, y, marks, va="center", weight="bold", fontdict=FONT)
        axes.text(left + 0.5, y, column.name, va="center", weight=weight, fontdict=FONT)
        axes.text(left + 1.65, y, column.short_type, va="center", color="#555555", fontdict=FONT)
        axes.text(left + BOX_WIDTH - 0.08, y, column.storage, va="center", ha="right", color=FACT_COLOR, fontdict=FONT)
    axes.add_patch(Rectangle((left, top - _height(table)), BOX_WIDTH, _height(table), fill=False, color=header_color))


def _row_y(table: Table, corner: tuple[float, float], column: str) -> float:
    """The vertical middle of `column`'s row in the box whose top-left corner is `corner`."""
    return corner[1] - HEADER_HEIGHT - ROW_HEIGHT * (table.row(column) + 0.5)


def _draw_relationship(
    axes: Axes, schema: Schema, relationship: Relationship, corners: dict[str, tuple[float, float]]
) -> None:
    """An arrow from the referring column's row to the key's row, between facing sides of the two boxes."""
    child, parent = schema.table(relationship.table), schema.table(relationship.parent)
    child_corner, parent_corner = corners[child.name], corners[parent.name]
    start_y = _row_y(child, child_corner, relationship.column)
    end_y = _row_y(parent, parent_corner, parent.key.name)
    if child_corner[0] == parent_corner[0]:  # one above the other: around their right side
        start = (child_corner[0] + BOX_WIDTH, start_y)
        end = (parent_corner[0] + BOX_WIDTH, end_y)
        bend = "arc,angleA=0,angleB=0,armA=28,armB=28,rad=8"
    elif parent_corner[0] < child_corner[0]:
        start, end, bend = (child_corner[0], start_y), (parent_corner[0] + BOX_WIDTH, end_y), "arc3"
    else:
        start, end, bend = (child_corner[0] + BOX_WIDTH, start_y), (parent_corner[0], end_y), "arc3"
    axes.add_patch(
        FancyArrowPatch(
            start, end, arrowstyle="-|>", mutation_scale=12, color=LINE_COLOR, connectionstyle=bend,
            linestyle="-" if relationship.mandatory else "--", linewidth=1.1,
        )
    )  # fmt: skip


def draw(schema: Schema) -> Figure:
    """The diagram: a box per table (key, foreign keys, types, DISTKEY and SORTKEY), arrows from each foreign
    key to the key it refers to (dashed where it may be NULL), the fact table in the middle."""
    corners = _layout(schema)
    width = 2 * BOX_WIDTH + COLUMN_GAP + 2 * MARGIN + 0.4  # room for the arrow around the right-hand boxes
    height = max(y for _, y in corners.values()) + MARGIN + 0.5
    figure = Figure(figsize=(width, height))
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, width)
    axes.set_ylim(0, height)
    axes.set_axis_off()
    axes.text(MARGIN, height - 0.35, "Sparkify star schema", weight="bold", size=14, va="center")
    for table in schema.tables:
        _draw_table(axes, schema, table, corners[table.name])
    for relationship in schema.relationships:
        _draw_relationship(axes, schema, relationship, corners)
    axes.text(
        MARGIN, MARGIN,
        "PK: the table's key (its first column)   FK: refers to the key of the same name\n"
        "arrow: many rows -> one row; dashed where the column may be NULL\n"
        "DISTSTYLE KEY: rows spread over the slices by the DISTKEY column; ALL: a copy on every node\n"
        "SORTKEY n: the n-th column of the table's sort key",
        va="bottom", color="#555555", fontdict=FONT,
    )  # fmt: skip
    return figure
