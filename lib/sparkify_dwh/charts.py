"""Charts of the analytics results: matplotlib `Figure` objects (no pyplot state), saved as PNG under `images/`.

Each chart is named after the analytics query it draws (`sql/analytics/NN_<name>.sql`) and saved as `<name>.png`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

log = logging.getLogger(__name__)

WEEKDAYS = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
BAR_COLOR = "#1f6f8b"
DPI = 120


@dataclass(frozen=True)
class Chart:
    """How to draw one query's result: bars of `value` per `label` (the text of its columns, joined)."""

    title: str
    label: tuple[str, ...]
    value: str
    label_axis: str
    value_axis: str = "song plays"
    horizontal: bool = False
    categories: tuple[object, ...] = ()  # every label to show, in this order, 0 where the result has none


CHARTS: dict[str, Chart] = {
    "plays_by_hour": Chart(
        "Song plays by hour of the day", ("hour",), "plays", "hour (UTC)", categories=tuple(range(24))
    ),
    "plays_by_weekday": Chart("Song plays by day of the week", ("day_name",), "plays", "day", categories=WEEKDAYS),
    "plays_by_level": Chart("Song plays by free and paid listeners", ("level",), "plays", "level"),
    "top_locations": Chart("Where listeners play the most", ("location",), "plays", "location", horizontal=True),
    "top_songs": Chart("Most played songs", ("title", "artist"), "plays", "song", horizontal=True),
    "top_artists": Chart("Most played artists", ("artist",), "plays", "artist", horizontal=True),
}


def _bars(chart: Chart, frame: pd.DataFrame) -> pd.Series:
    """The values to draw, indexed by their label."""
    if frame.empty:
        bars = pd.Series(dtype="int64")
    else:
        labels = frame[list(chart.label)].astype(str).agg(" - ".join, axis=1)
        bars = pd.Series(frame[chart.value].to_numpy(), index=labels.to_numpy())
    if chart.categories:
        bars = bars.reindex([str(category) for category in chart.categories], fill_value=0)
    return bars


def draw(name: str, frame: pd.DataFrame) -> Figure:
    """The chart of analytics query `name` for its result `frame`."""
    if name not in CHARTS:
        raise ValueError(f"no chart for {name!r}; charts exist for: {', '.join(CHARTS)}")
    chart = CHARTS[name]
    bars = _bars(chart, frame)
    figure = Figure(figsize=(8, 4.5), layout="constrained")
    axes = figure.subplots()
    axes.set_title(chart.title)
    if bars.empty:
        axes.text(0.5, 0.5, "no plays to show", ha="center", va="center", transform=axes.transAxes)
        axes.set_axis_off()
        return figure
    positions = range(len(bars))
    labels = list(bars.index)
    if chart.horizontal:
        axes.barh(positions, bars.to_numpy(), color=BAR_COLOR)
        axes.set_yticks(positions, labels)
        axes.invert_yaxis()  # the largest on top
        axes.set_xlabel(chart.value_axis)
        axes.set_ylabel(chart.label_axis)
    else:
        axes.bar(positions, bars.to_numpy(), color=BAR_COLOR)
        axes.set_xticks(positions, labels)
        axes.set_xlabel(chart.label_axis)
        axes.set_ylabel(chart.value_axis)
    return figure


def save(figure: Figure, directory: Path | str, name: str) -> Path:
    """Write `figure` as `<directory>/<name>.png` (folders made as needed); returns the path."""
    path = Path(directory) / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=DPI)
    log.info("saved chart %s", path)
    return path


def draw_all(results: Mapping[str, pd.DataFrame], directory: Path | str) -> dict[str, Path]:
    """Draw and save the chart of every result that has one; name -> PNG path."""
    return {name: save(draw(name, frame), directory, name) for name, frame in results.items() if name in CHARTS}
