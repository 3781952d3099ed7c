"""Charts of the analytics results, drawn from small DataFrames and written as PNG files."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest
import sqlglot

from local_redshift.translation import LocalRedshift
from sparkify_dwh import charts, sql

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

RESULTS = {
    "most_played_song": pd.DataFrame({"title": ["Hello"], "artist": ["Ann"], "plays": [3]}),
    "plays_by_hour": pd.DataFrame({"hour": [3, 17], "plays": [5, 40]}),
    "plays_by_weekday": pd.DataFrame({"weekday": [1, 5], "day_name": ["Mon", "Fri"], "plays": [7, 9]}),
    "plays_by_level": pd.DataFrame({"level": ["free", "paid"], "plays": [10, 30], "listeners": [4, 2]}),
    "top_locations": pd.DataFrame({"location": ["Paris, TX", "Rome, GA"], "plays": [8, 3]}),
    "top_songs": pd.DataFrame({"title": ["Hello", "World"], "artist": ["Ann", "Bo"], "plays": [6, 2]}),
    "top_artists": pd.DataFrame({"artist": ["Ann", "Bo"], "plays": [6, 2]}),
}


def test_every_chart_is_written_as_a_png_file(tmp_path: Path):
    written = charts.draw_all(RESULTS, tmp_path / "images")

    assert set(written) == set(charts.CHARTS)  # results without a chart (most_played_song) are left out
    for name, path in written.items():
        assert path == tmp_path / "images" / f"{name}.png"
        assert path.read_bytes().startswith(PNG_SIGNATURE)
        assert path.stat().st_size > 5000


def test_every_label_of_a_fixed_range_is_shown_with_zero_where_there_is_no_row():
    figure = charts.draw("plays_by_hour", RESULTS["plays_by_hour"])

    heights = [bar.get_height() for bar in figure.axes[0].patches]
    assert len(heights) == 24
    assert (heights[3], heights[17], sum(heights)) == (5, 40, 45)

    weekdays = charts.draw("plays_by_weekday", RESULTS["plays_by_weekday"])
    assert [label.get_text() for label in weekdays.axes[0].get_xticklabels()] == list(charts.WEEKDAYS)


def test_top_lists_are_horizontal_with_the_largest_on_top_and_songs_named_with_their_artist():
    figure = charts.draw("top_songs", RESULTS["top_songs"])
    axes = figure.axes[0]

    assert [label.get_text() for label in axes.get_yticklabels()] == ["Hello - Ann", "World - Bo"]
    assert [bar.get_width() for bar in axes.patches] == [6, 2]
    assert axes.yaxis_inverted()


def test_an_empty_result_gives_a_chart_that_says_so(tmp_path: Path):
    figure = charts.draw("top_artists", RESULTS["top_artists"].iloc[0:0])

    assert [text.get_text() for text in figure.axes[0].texts] == ["no plays to show"]
    assert charts.save(figure, tmp_path, "empty").read_bytes().startswith(PNG_SIGNATURE)


def test_charts_leave_pyplot_alone():
    before = plt.get_fignums()

    charts.draw("plays_by_level", RESULTS["plays_by_level"])

    assert plt.get_fignums() == before


def test_an_unknown_chart_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="plays_by_hour"):
        charts.draw("plays_by_moon_phase", pd.DataFrame())


@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_each_chart_reads_columns_its_analytics_query_returns(name: str):
    query = sqlglot.parse_one(sql.find("analytics", name).text, read=LocalRedshift)
    chart = charts.CHARTS[name]

    assert {*chart.label, chart.value} <= set(query.named_selects)
