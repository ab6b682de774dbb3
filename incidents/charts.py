"""Server-rendered SVG charts for the stats, place and actor pages (no JavaScript needed).

The charts carry their numbers as <title> tooltips and the pages also show them as tables, so that
screen readers and people who print the page get the figures.

Time runs in the page's reading direction, as newspapers draw it: right to left on the Arabic page (the
first month at the right, the value axis on the right), left to right in English.
"""

from django.utils.formats import date_format, number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_bidi

_WIDTH = 720
_HEIGHT = 220
_PAD_BOTTOM = 28
_PAD_TOP = 16
_PAD_SIDE = 36


def _nice_max(value):
    """Round an axis maximum up to 1, 2 or 5 × a power of ten."""
    if value <= 0:
        return 1
    magnitude = 1
    while magnitude * 10 <= value:
        magnitude *= 10
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def month_columns(rows, *, value_index=1, label):
    """A column chart over months: rows are (month date, incidents, fatalities); returns safe SVG, time running
    in the active language's direction."""
    if not rows:
        return ""
    rtl = get_language_bidi()

    def across(x):  # a horizontal position, mirrored on a right-to-left page
        return _WIDTH - x if rtl else x

    # The value axis's figures stand outside the plot, on the side where time starts.
    axis_x, axis_anchor = across(_PAD_SIDE - 4), "start" if rtl else "end"
    values = [row[value_index] for row in rows]
    top = _nice_max(max(values))
    plot_w = _WIDTH - 2 * _PAD_SIDE
    plot_h = _HEIGHT - _PAD_TOP - _PAD_BOTTOM
    step = plot_w / len(rows)
    bar_w = max(step * 0.7, 1)
    parts = [
        f'<svg class="chart chart-months" viewBox="0 0 {_WIDTH} {_HEIGHT}" role="img" aria-label="{escape(label)}" '
        f'xmlns="http://www.w3.org/2000/svg" direction="ltr" data-time="{"rtl" if rtl else "ltr"}" preserveAspectRatio="xMidYMid meet">',
        f'<line class="chart-axis" x1="{_PAD_SIDE}" y1="{_HEIGHT - _PAD_BOTTOM}" x2="{_WIDTH - _PAD_SIDE}" y2="{_HEIGHT - _PAD_BOTTOM}"/>',
        f'<text class="chart-tick" x="{axis_x}" y="{_PAD_TOP + 4}" text-anchor="{axis_anchor}">{escape(number_format(top))}</text>',
        f'<text class="chart-tick" x="{axis_x}" y="{_HEIGHT - _PAD_BOTTOM}" text-anchor="{axis_anchor}">0</text>',
    ]
    label_every = max(1, len(rows) // 8)
    for i, row in enumerate(rows):
        month, value = row[0], row[value_index]
        height = plot_h * value / top
        x = across(_PAD_SIDE + i * step + (step - bar_w) / 2 + (bar_w if rtl else 0))  # the bar's left edge
        y = _HEIGHT - _PAD_BOTTOM - height
        month_label = date_format(month, "YEAR_MONTH_FORMAT")
        parts.append(
            f'<rect class="chart-bar" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{height:.1f}">'
            f"<title>{escape(month_label)}: {escape(number_format(value))}</title></rect>"
        )
        if i % label_every == 0:
            parts.append(
                f'<text class="chart-tick" x="{x + bar_w / 2:.1f}" y="{_HEIGHT - 8}" text-anchor="middle">{escape(date_format(month, "m/Y"))}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 — every interpolated text above is escaped


def horizontal_bars(rows, *, value_index=1, label_fn=str, link_fn=None):
    """Bars for a ranking (types, governorates): [{label, value, percent, link}] for the template.

    The template draws each bar as a small SVG whose rect width is a percentage, so the bars follow
    the page's direction (right to left in Arabic) without inline styles.
    """
    if not rows:
        return []
    top = max(row[value_index] for row in rows) or 1
    return [
        {
            "label": label_fn(row[0]),
            "value": row[value_index],
            "percent": f"{100 * row[value_index] / top:.1f}",
            "offset": f"{100 - 100 * row[value_index] / top:.1f}",  # x of the bar when it grows from the right
            "link": link_fn(row[0]) if link_fn else "",
        }
        for row in rows
    ]
