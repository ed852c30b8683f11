"""The chart of a statistics page, drawn on the server as inline SVG.

No script and no library: the page template writes the shapes computed here (bars or a
line per column of numbers, the value axis with round steps, the row labels, a legend).
The SVG is an image with a title and a description (``role="img"``, ``aria-labelledby``)
that sums the chart up in words; the figures themselves are in the table below it, which
is what a screen reader reads. Colours keep a contrast of at least 3:1 with the white
background and the lines also differ by their dashes, so no series is told by colour
alone.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import gettext as _

from plugins.stats_pages import tables

WIDTH, HEIGHT = 760, 380
LEFT, RIGHT, TOP = 84, 16, 16
MAX_CATEGORIES = 40  # rows drawn; a longer table is charted in part (the table has all)
LABEL_CHARS = 16
# (colour, dash pattern): contrast ≥ 3:1 on white (WCAG 1.4.11).
STYLES = [("#1f5fa8", ""), ("#b3461b", "6 4"), ("#2e7d32", "2 3"), ("#6a3d9a", "10 3 2 3"),
          ("#8a6100", "4 2"), ("#c2185b", "1 2"), ("#00695c", "8 2 2 2 2 2"),
          ("#4e342e", "12 4"), ("#37474f", "3 6"), ("#ad1457", "6 2 1 2"),
          ("#1565c0", "14 2")]


@dataclass
class Series:
    name: str
    colour: str
    dash: str
    values: list  # Decimal or None per category
    bars: list = field(default_factory=list)  # (x, y, width, height, value text)
    points: list = field(default_factory=list)  # (x, y, value text)
    path: str = ""


@dataclass
class Chart:
    kind: str
    title: str
    description: str
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    ticks: list  # (y, text)
    categories: list  # (x, text, full text)
    series: list
    zero_y: float
    rotate_labels: bool
    legend: list  # (x, y, Series)
    unit: str = ""


def nice_step(span, steps=5):
    """A round step (1, 2, 2.5 or 5 times a power of ten) that cuts ``span`` in about
    ``steps`` parts."""
    if span <= 0:
        return 1.0
    raw = span / steps
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power  # pragma: no cover - the loop always returns


def _scale(low, high):
    """The axis' bottom, top and step, zero included for bars."""
    if low == high:
        low, high = (low - 1, high + 1) if low else (0, 1)
    step = nice_step(high - low)
    bottom = math.floor(low / step) * step
    top = math.ceil(high / step) * step
    return bottom, top, step


def _step_places(step):
    """The decimals a tick needs for ``step`` (0.25 → 2, 5 → 0)."""
    exponent = Decimal(repr(step)).normalize().as_tuple().exponent
    return max(0, -exponent)


def format_number(value, places):
    """``value`` with ``places`` decimals, grouped by thousands with the active language's
    separators (Vietnamese: ``1.250.000,5``; English: ``1,250,000.5``)."""
    return numberformat.format(value, get_format("DECIMAL_SEPARATOR"), decimal_pos=places,
                               grouping=3, thousand_sep=get_format("THOUSAND_SEPARATOR"),
                               force_grouping=True)


def _format(value, places):
    return format_number(value, places)


def _short(text):
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1].rstrip() + "…"


def chart_columns(table, wanted):
    """The columns drawn: those named in ``wanted`` (header names separated by semicolons,
    compared without case) in the table's order, or every column of numbers."""
    names = table["headers"][1:]
    asked = {name.strip().casefold() for name in (wanted or "").split(";") if name.strip()}
    if not asked:
        return names
    return [name for name in names if name.casefold() in asked]


def unknown_columns(table, wanted):
    """The names in ``wanted`` that are no column of numbers of ``table``."""
    names = {name.casefold() for name in table["headers"][1:]}
    return [name.strip() for name in (wanted or "").split(";")
            if name.strip() and name.strip().casefold() not in names]


def build_chart(table, *, kind, title, columns="", unit=""):
    """The chart of ``table`` (a stored table) as a :class:`Chart`, or None when nothing
    can be drawn (no column of numbers has a value)."""
    if not tables.is_valid(table) or kind not in ("bar", "line"):
        return None
    rows = table["rows"][:MAX_CATEGORIES]
    names = chart_columns(table, columns)
    index = {name: table["headers"].index(name) for name in names}
    series = []
    for number, name in enumerate(names):
        colour, dash = STYLES[number % len(STYLES)]
        values = [tables.series_values({"headers": table["headers"], "rows": rows}, name)]
        series.append(Series(name=name, colour=colour, dash=dash, values=values[0]))
    present = [float(v) for s in series for v in s.values if v is not None]
    if not present:
        return None
    low, high = min(present), max(present)
    if kind == "bar":
        low, high = min(low, 0.0), max(high, 0.0)
    bottom_value, top_value, step = _scale(low, high)
    rotate = len(rows) > 8 or any(len(str(row[0])) > 10 for row in rows)
    bottom_margin = 110 if rotate else 44
    legend_rows = math.ceil(len(series) / 3) if len(series) > 1 else 0
    height = HEIGHT + legend_rows * 22
    plot_top, plot_bottom = TOP, HEIGHT - bottom_margin
    plot_left, plot_right = LEFT, WIDTH - RIGHT

    def y_of(value):
        return plot_bottom - (value - bottom_value) / (top_value - bottom_value) * (
            plot_bottom - plot_top)

    places = max([tables.decimals(row[i]) for row in rows for i in index.values()
                  if row[i] is not None] or [0])
    ticks, tick_places = [], _step_places(step)
    count = round((top_value - bottom_value) / step)
    for number in range(count + 1):
        value = bottom_value + number * step
        ticks.append((round(y_of(value), 1), _format(round(value, 10), tick_places)))
    band = (plot_right - plot_left) / len(rows)
    categories = [(round(plot_left + band * (i + 0.5), 1), _short(str(row[0])), str(row[0]))
                  for i, row in enumerate(rows)]
    zero = min(max(0.0, bottom_value), top_value)
    zero_y = round(y_of(zero), 1)
    if kind == "bar":
        inner = band * 0.8
        width = inner / len(series)
        for number, item in enumerate(series):
            for i, value in enumerate(item.values):
                if value is None:
                    continue
                x = plot_left + band * i + band * 0.1 + width * number
                y = y_of(float(value))
                item.bars.append((round(x, 1), round(min(y, zero_y), 1), round(width * 0.92, 1),
                                  round(abs(zero_y - y), 1), _format(value, places)))
    else:
        for item in series:
            segments, moves = [], "M"
            for (x, _label, _full), value in zip(categories, item.values, strict=True):
                if value is None:
                    moves = "M"  # a gap in the line where a figure is missing
                    continue
                y = round(y_of(float(value)), 1)
                item.points.append((x, y, _format(value, places)))
                segments.append(f"{moves}{x} {y}")
                moves = "L"
            item.path = " ".join(segments)
    legend = []
    if len(series) > 1:
        for number, item in enumerate(series):
            legend.append((plot_left + (number % 3) * 220, HEIGHT + (number // 3) * 22 - 8,
                           item))
    description = _describe(kind, series, rows, table, places, unit)
    return Chart(kind=kind, title=title, description=description, width=WIDTH, height=height,
                 plot_left=plot_left, plot_right=plot_right, plot_top=plot_top,
                 plot_bottom=plot_bottom, ticks=ticks, categories=categories, series=series,
                 zero_y=zero_y, rotate_labels=rotate, legend=legend, unit=unit)


def _describe(kind, series, rows, table, places, unit):
    """The chart in one or two sentences, for those who do not see it."""
    kind_text = _("Bar chart") if kind == "bar" else _("Line chart")
    parts = [_("%(kind)s of %(columns)s by %(label)s, from %(first)s to %(last)s.") % {
        "kind": kind_text, "columns": ", ".join(f"“{s.name}”" for s in series),
        "label": table["headers"][0].lower(), "first": rows[0][0], "last": rows[-1][0]}]
    for item in series:
        pairs = [(value, row[0]) for value, row in zip(item.values, rows, strict=True)
                 if value is not None]
        if not pairs:
            continue
        low, high = min(pairs), max(pairs)
        parts.append(_("%(column)s: lowest %(low)s (%(low_label)s), highest %(high)s "
                       "(%(high_label)s).") % {
            "column": item.name, "low": _format(low[0], places), "low_label": low[1],
            "high": _format(high[0], places), "high_label": high[1]})
    if unit:
        parts.append(_("Unit: %(unit)s.") % {"unit": unit})
    if len(table["rows"]) > len(rows):
        parts.append(_("The chart shows the first %(shown)s of %(total)s rows.")
                     % {"shown": len(rows), "total": len(table["rows"])})
    parts.append(_("Every figure is in the table below."))
    return " ".join(parts)
