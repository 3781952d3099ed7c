"""HLLSKETCH columns in UNLOAD ("Considerations", hyperloglog-functions-usage-notes.html): "You can perform an UNLOAD
operation on table with HLLSKETCH columns into text or CSV", each sketch as it prints (sparse JSON, dense Base64). A
sketch the local Redshift built (catalog_sql/49_hllsketch.sql) is not written: its indices are PostgreSQL's hash."""

from __future__ import annotations

from collections.abc import Sequence

from local_redshift.errors import HLLSKETCH_BUILT_LOCALLY, RedshiftError, SqlState, UnsupportedFeature
from local_redshift.unload.columns import HLLSKETCH, ResultColumn
from local_redshift.unload.options import Format, UnloadOptions

_TEXT_FORMATS = (Format.TEXT, Format.CSV)


def check_sketches(options: UnloadOptions, columns: list[ResultColumn], rows: Sequence[Sequence[str | None]]) -> None:
    """Refuse an HLLSKETCH column in another format than text or CSV, and a sketch built locally in any."""
    places = [index for index, column in enumerate(columns) if column.type_name == HLLSKETCH]
    if not places:
        return
    if options.format not in _TEXT_FORMATS:
        raise UnsupportedFeature.of(f"UNLOAD of an HLLSKETCH column in {options.format.value} format")
    for row in rows:
        for index in places:
            value = row[index]
            if value is not None and value.startswith("local:"):
                raise RedshiftError(HLLSKETCH_BUILT_LOCALLY, sqlstate=SqlState.FEATURE_NOT_SUPPORTED)
