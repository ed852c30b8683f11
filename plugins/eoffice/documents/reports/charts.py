"""The geometry of the statistics' charts, drawn as SVG by templates on the server (no
script, nothing from another site). Each chart stands next to a table of the same figures,
which is what screen readers and printouts rely on; the SVG carries a title and a
description and is marked as an image."""

import math
from dataclasses import dataclass, field

# Colours that keep 3:1 contrast with white and differ for common colour blindness
# (Okabe–Ito palette); the legend and the tables carry the same information in text.
BLUE, ORANGE, VERMILION, GREEN, GREY = "#0072B2", "#E69F00", "#D55E00", "#009E73", "#767676"


def nice_ticks(maximum, count=5):
    """Round gridline values from 0 to at least ``maximum``."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(1, int(step))
    top = step * math.ceil(maximum / step)
    return list(range(0, top + 1, step))


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    label: str  # what a tooltip (<title>) says


@dataclass
class Chart:
    width: int
    height: int
    bars: list = field(default_factory=list)
    gridlines: list = field(default_factory=list)  # (y, value)
    labels: list = field(default_factory=list)  # (x, y, text, anchor)
    legend: list = field(default_factory=list)  # (x, y, colour, text)
    plot: tuple = ()  # left, top, width, height of the plotting area


def grouped_columns(groups, series, width=720, height=280):
    """Vertical bars: for each group (``(label, [value per series])``) one bar per series
    (``[(name, colour)]``)."""
    left, right, top, bottom = 40, 10, 30, 30
    chart = Chart(width, height)
    plot_w, plot_h = width - left - right, height - top - bottom
    ticks = nice_ticks(max((v for _label, values in groups for v in values), default=0))
    scale = plot_h / ticks[-1]
    for value in ticks:
        y = top + plot_h - value * scale
        chart.gridlines.append((round(y, 1), value))
        chart.labels.append((left - 6, round(y + 4, 1), str(value), "end"))
    slot = plot_w / max(len(groups), 1)
    bar_w = slot * 0.8 / max(len(series), 1)
    for index, (label, values) in enumerate(groups):
        x0 = left + index * slot + slot * 0.1
        for number, ((name, colour), value) in enumerate(zip(series, values, strict=True)):
            h = value * scale
            chart.bars.append(Bar(round(x0 + number * bar_w, 1), round(top + plot_h - h, 1),
                                  round(bar_w - 1, 1), round(h, 1), colour,
                                  f"{label} — {name}: {value}"))
        chart.labels.append((round(left + index * slot + slot / 2, 1), height - bottom + 16,
                             label, "middle"))
    chart.legend = _legend(series, left)
    chart.plot = (left, top, plot_w, plot_h)
    return chart


def stacked_rows(rows, series, width=720, row_height=26):
    """Horizontal stacked bars: for each row (``(label, [value per series])``) the series'
    values end to end."""
    label_w, right, top = 220, 40, 30
    height = top + row_height * max(len(rows), 1) + 30
    chart = Chart(width, height)
    plot_w = width - label_w - right
    ticks = nice_ticks(max((sum(values) for _label, values in rows), default=0))
    scale = plot_w / ticks[-1]
    for value in ticks:
        x = label_w + value * scale
        chart.gridlines.append((round(x, 1), value))
        chart.labels.append((round(x, 1), height - 10, str(value), "middle"))
    for index, (label, values) in enumerate(rows):
        y = top + index * row_height + 4
        chart.labels.append((label_w - 6, y + row_height / 2, _short(label), "end"))
        x = label_w
        for (name, colour), value in zip(series, values, strict=True):
            w = value * scale
            if w:
                chart.bars.append(Bar(round(x, 1), y, round(w, 1), row_height - 8, colour,
                                      f"{label} — {name}: {value}"))
            x += w
    chart.legend = _legend(series, 10)
    chart.plot = (label_w, top, plot_w, row_height * len(rows))
    return chart


def _legend(series, left, y=14):
    """One swatch and name per series, side by side (names measured roughly)."""
    items, x = [], left
    for name, colour in series:
        items.append((x, y, colour, str(name)))
        x += 34 + 8 * len(str(name))
    return items


def _short(text, limit=30):
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
