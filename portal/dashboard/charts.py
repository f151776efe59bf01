"""The dashboard's charts as chartkit geometry (drawn as SVG on the page and as vector graphics
in the PDF). Every builder takes plain labels and numbers, already translated; sizes are in
a 360-unit-wide space, so text stays readable on a 360 px phone and in an A4 column."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from portal.dashboard.chartkit import (
    BLUE,
    GRID,
    INK,
    LIGHT,
    MUTED,
    SERIES_STYLES,
    WHITE,
    Chart,
    Line,
    Path,
    Rect,
    Text,
    hatch,
    marker,
    text_width,
)

WIDTH = 360
FONT = 15
SMALL = 13


def nice_max(value: float) -> int:
    """A round top for an axis with four steps, at least 4."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000,
                 20000, 25000, 50000, 100000):
        if value <= step * 4:
            return step * 4
    return int(value)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    caption: str  # the number as people read it: "7 · 70 %"


def funnel(key: str, title: str, desc: str, bars: list[Bar]) -> Chart:
    """One bar per step, left-aligned, the widest being the first step; label above each bar
    and the number after it."""
    row, bar_h, top = 40, 15, 2
    chart = Chart(key, WIDTH, top + row * len(bars) + 2, title, desc)
    room = max((text_width(b.caption, FONT) for b in bars), default=0) + 8
    longest = max((b.value or 0 for b in bars), default=0) or 1
    for i, b in enumerate(bars):
        y = top + i * row
        width = (WIDTH - room) * (b.value or 0) / longest
        chart.add(Text(0, y + 14, b.label, FONT),
                  Rect(0, y + 19, width, bar_h, fill=BLUE, tip=f"{b.label}: {b.caption}"),
                  Line(0, y + 17, 0, y + 19 + bar_h + 2, stroke=INK),
                  Text(width + 6, y + 19 + bar_h - 2, b.caption, FONT, bold=True))
    return chart


@dataclass(frozen=True)
class Series:
    style: str  # "line1", "line2", "line3" (chartkit.SERIES_STYLES)
    label: str
    values: list[int]


def _legend(chart: Chart, items: list[tuple[str, str]], y: float) -> float:
    """Legend samples with labels, wrapped over rows; returns the y below it."""
    x = 0.0
    for style, label in items:
        width = 30 + text_width(label, SMALL) + 20
        if x and x + width > chart.width:
            x, y = 0.0, y + 18
        if style in SERIES_STYLES:
            s = SERIES_STYLES[style]
            chart.add(Line(x, y - 4, x + 24, y - 4, stroke=s.stroke, width=s.width, dash=s.dash),
                      marker(s.marker, x + 12, y - 4, 3.5, fill=s.stroke))
        elif style == "hatched":
            chart.add(Rect(x + 2, y - 10, 20, 11, fill=WHITE, stroke=BLUE), *hatch(x + 2, y - 10, 20, 11))
        else:
            chart.add(Rect(x + 2, y - 10, 20, 11, fill=LIGHT if style == "pale" else BLUE, stroke=BLUE))
        chart.add(Text(x + 30, y, label, SMALL))
        x += width
    return y + 10


def weekly_lines(key: str, title: str, desc: str, labels: list[str], series: list[Series],
                 partial: list[bool] | None = None) -> Chart:
    """Weekly counts as lines on one axis starting at 0; markers while weeks are few enough
    to tell apart."""
    chart = Chart(key, WIDTH, 0, title, desc)
    plot_top = _legend(chart, [(s.style, s.label) for s in series], 12) + 8
    left, right, plot_h = 34, 8, 130
    chart.height = plot_top + plot_h + 24
    top = nice_max(max((v for s in series for v in s.values), default=0))
    plot_w = WIDTH - left - right
    bottom = plot_top + plot_h
    for i in range(5):
        y = bottom - plot_h * i / 4
        chart.add(Line(left, y, WIDTH - right, y, stroke=GRID if i else INK),
                  Text(left - 5, y + 4, f"{top * i // 4}", SMALL, anchor="end"))
    n = len(labels)
    step = plot_w / max(n - 1, 1)

    def x(i: int) -> float:
        return left + (i * step if n > 1 else plot_w / 2)

    every = max(1, -(-n // 5))
    for i, label in enumerate(labels):
        if i % every == 0:
            anchor = "start" if i == 0 and n > 1 else "middle"
            chart.add(Line(x(i), bottom, x(i), bottom + 4, stroke=INK),
                      Text(x(i) - (4 if anchor == "start" else 0), bottom + 19, label, SMALL,
                           anchor=anchor))
    for s in series:
        style = SERIES_STYLES[s.style]
        points = tuple((x(i), bottom - plot_h * v / top) for i, v in enumerate(s.values))
        if len(points) > 1:
            chart.add(Path(points, stroke=style.stroke, width=style.width, dash=style.dash))
        if n <= 26:
            chart.add(*(marker(style.marker, px, py, 3.2, fill=style.stroke,
                               hollow=bool(partial and partial[i]))
                        for i, (px, py) in enumerate(points)))
    return chart


def small_bars(key: str, title: str, desc: str, weeks: list[date], values: list[int], top: int,
               partial: list[bool] | None = None,
               width: float = 180, height: float = 70) -> Chart:
    """One azc's weekly applications, on the scale shared by the whole row (`top`)."""
    chart = Chart(key, width, height, title, desc)
    plot_h, base = height - 16, height - 4
    slot = width / max(len(weeks), 1)
    chart.add(Line(0, base - plot_h, width, base - plot_h, stroke=GRID),
              Text(width, base - plot_h - 3, str(top), SMALL - 1, anchor="end", fill=MUTED))
    for i, (week, v) in enumerate(zip(weeks, values, strict=True)):
        h = plot_h * v / top if top else 0
        part = bool(partial and partial[i])  # only part of the week: outlined, not filled
        chart.add(Rect(i * slot + slot * 0.15, base - h, slot * 0.7, h, fill=WHITE if part else BLUE,
                       stroke=BLUE if part else None, tip=f"{week.isoformat()}: {v}"))
    chart.add(Line(0, base, width, base, stroke=INK))
    return chart


def grid_of(key: str, title: str, desc: str, panels: list[tuple[str, Chart]], columns: int = 2) -> Chart:
    """Small multiples side by side in one chart (the PDF has no CSS grid)."""
    cell_w, gap = (WIDTH - (columns - 1) * 12) / columns, 12
    first = panels[0][1] if panels else None
    cell_h = (first.height * cell_w / first.width if first else 0) + 20
    rows = -(-len(panels) // columns)
    chart = Chart(key, WIDTH, rows * (cell_h + 8), title, desc)
    for i, (name, panel) in enumerate(panels):
        ox, oy = (i % columns) * (cell_w + gap), (i // columns) * (cell_h + 8)
        k = cell_w / panel.width
        chart.add(Text(ox, oy + 13, name, SMALL, bold=True))
        chart.add(*(_moved(s, ox, oy + 18, k) for s in panel.shapes))
    return chart


def _moved(shape, dx: float, dy: float, k: float):
    if isinstance(shape, Rect):
        return Rect(dx + shape.x * k, dy + shape.y * k, shape.w * k, shape.h * k, shape.fill,
                    shape.stroke, shape.stroke_width, shape.tip)
    if isinstance(shape, Line):
        return Line(dx + shape.x1 * k, dy + shape.y1 * k, dx + shape.x2 * k, dy + shape.y2 * k,
                    shape.stroke, shape.width, shape.dash)
    if isinstance(shape, Text):
        return Text(dx + shape.x * k, dy + shape.y * k, shape.text, shape.size, shape.anchor,
                    shape.bold, shape.fill)
    return shape


@dataclass(frozen=True)
class Pair:
    label: str
    first: float
    second: float
    first_caption: str
    second_caption: str


def paired_bars(key: str, title: str, desc: str, legend: tuple[str, str], rows: list[Pair]) -> Chart:
    """Per row (an azc, a region) two bars: the first solid, the second hatched."""
    chart = Chart(key, WIDTH, 0, title, desc)
    y = _legend(chart, [("solid", legend[0]), ("hatched", legend[1])], 12) + 6
    room = max((text_width(c, SMALL) for r in rows for c in (r.first_caption, r.second_caption)),
               default=0) + 8
    longest = max((max(r.first, r.second) for r in rows), default=0) or 1
    scale = (WIDTH - room) / longest
    for r in rows:
        chart.add(Text(0, y + 12, r.label, FONT, bold=True))
        y += 16
        w1, w2 = r.first * scale, r.second * scale
        chart.add(Rect(0, y, w1, 11, fill=BLUE, tip=f"{r.label}: {r.first_caption}"),
                  Text(w1 + 5, y + 10, r.first_caption, SMALL))
        y += 13
        chart.add(Rect(0, y, w2, 11, fill=WHITE, stroke=BLUE if w2 else None,
                       tip=f"{r.label}: {r.second_caption}"), *hatch(0, y, w2, 11),
                  Text(w2 + 5, y + 10, r.second_caption, SMALL))
        chart.add(Line(0, y - 15, 0, y + 13, stroke=INK))
        y += 21
    chart.height = y
    return chart


@dataclass(frozen=True)
class Span:
    label: str
    middle: float | None  # the median
    slow: float | None  # the slowest 10 %
    caption: str


def spans(key: str, title: str, desc: str, legend: tuple[str, str], rows: list[Span]) -> Chart:
    """Time in each stage: a solid bar to the median, a pale one on to the slowest 10 %; the
    stage and its numbers in words above each bar."""
    chart = Chart(key, WIDTH, 0, title, desc)
    y = _legend(chart, [("solid", legend[0]), ("pale", legend[1])], 12) + 4
    longest = max((r.slow or 0 for r in rows), default=0) or 1
    scale = (WIDTH - 4) / longest
    for r in rows:
        chart.add(Text(0, y + 14, r.label, FONT, bold=True),
                  Text(WIDTH, y + 14, r.caption, SMALL, anchor="end",
                       fill=INK if r.slow is not None else MUTED))
        y += 19
        if r.slow is not None:
            chart.add(Rect(0, y, r.slow * scale, 12, fill=LIGHT, stroke=BLUE, tip=f"{r.label}: {r.caption}"),
                      Rect(0, y, (r.middle or 0) * scale, 12, fill=BLUE))
        chart.add(Line(0, y - 2, 0, y + 14, stroke=INK))
        y += 21
    chart.height = y
    return chart
