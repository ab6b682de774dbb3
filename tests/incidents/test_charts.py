"""The month charts run time in the page's reading direction: right to left in Arabic, left to right in English."""

import datetime
import re

import pytest
from django.utils import translation

from incidents.charts import month_columns

MONTHS = [(datetime.date(2024, m, 1), n, 0) for m, n in ((1, 4), (2, 0), (3, 2))]


def _bars(svg):
    """(x of the bar's left edge, width, the month its tooltip names) in drawing order."""
    return [
        (float(x), float(w), title)
        for x, w, title in re.findall(
            r'<rect class="chart-bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="[\d.]+"><title>([^<]+)</title>', svg
        )
    ]


def _value_axis(svg):
    return re.findall(r'<text class="chart-tick" x="([\d.]+)" y="[\d.]+" text-anchor="(\w+)">[^<]*</text>', svg)[:2]


def _month_ticks(svg):
    return [
        (float(x), text)
        for x, text in re.findall(r'<text class="chart-tick" x="([\d.]+)" y="212" text-anchor="middle">([^<]+)</text>', svg)
    ]


def test_time_runs_left_to_right_in_english():
    with translation.override("en"):
        svg = month_columns(MONTHS, label="Incidents by month")
    bars = _bars(svg)
    assert [title for _x, _w, title in bars] == ["January 2024: 4", "February 2024: 0", "March 2024: 2"]
    assert [x for x, _w, _t in bars] == sorted(x for x, _w, _t in bars)
    assert bars[0][0] == pytest.approx(36 + (216 - 151.2) / 2)  # the first month at the left, after the axis
    assert _value_axis(svg) == [("32", "end"), ("32", "end")]  # figures on the left, against the plot
    assert [text for _x, text in _month_ticks(svg)] == ["01/2024", "02/2024", "03/2024"]
    assert 'data-time="ltr"' in svg


def test_time_runs_right_to_left_in_arabic():
    with translation.override("en"):
        english = _bars(month_columns(MONTHS, label="x"))
    with translation.override("ar"):
        svg = month_columns(MONTHS, label="الحوادث شهريا")
    bars = _bars(svg)
    xs = [x for x, _w, _t in bars]
    assert xs == sorted(xs, reverse=True)  # January at the right
    # A mirror image of the English chart: each month's bar as far from the right edge as it is from the left there.
    assert [round(720 - x - w, 1) for x, w, _t in bars] == [round(x, 1) for x, _w, _t in english]
    assert _value_axis(svg) == [("688", "start"), ("688", "start")]  # figures on the right, where time starts
    ticks = _month_ticks(svg)
    assert [x for x, _text in ticks] == [round(x + w / 2, 1) for x, w, _t in bars]  # each label under its bar
    assert 'data-time="rtl"' in svg


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "first_month_at_the_right"), [("ar", True), ("en", False)])
def test_stats_page_draws_time_in_the_reading_direction(client, world, language, first_month_at_the_right):
    html = client.get(f"/{language}/stats/").content.decode()
    charts = re.findall(r"<svg class=\"chart chart-months\".*?</svg>", html, re.S)
    assert len(charts) == 2  # incidents and fatalities
    for svg in charts:
        xs = [x for x, _w, _t in _bars(svg)]
        assert len(xs) == 10
        assert (xs == sorted(xs, reverse=True)) is first_month_at_the_right
        assert (xs == sorted(xs)) is not first_month_at_the_right
