"""Weekly bar charts as inline SVG, drawn on the server: no JavaScript, and printable.
Colours are SVG presentation attributes (fill, stroke): the CSP forbids style attributes.
The numbers are always also in a table next to the chart, for screen readers."""
from __future__ import annotations

import itertools
from datetime import date

from markupsafe import Markup, escape

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 16, 40
BAR = "#154273"  # the portal's dark blue: prints as dark grey in black and white
_ids = itertools.count(1)


def _nice_max(value: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 4:
            return step * 4
    return value


def weekly_bars(title: str, points: list[tuple[date, int]], description: str = "") -> Markup:
    """A bar per week; the y axis starts at 0 with four grid lines."""
    uid = f"chart-{next(_ids)}"
    top = _nice_max(max((n for _, n in points), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(points), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" aria-labelledby="{uid}-t {uid}-d">',
        f'<title id="{uid}-t">{escape(title)}</title>',
        f'<desc id="{uid}-d">{escape(description)}</desc>',
    ]
    for i in range(5):
        value = top * i // 4
        y = TOP + plot_h - plot_h * i / 4
        parts.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
                     f'stroke="#b1b4b6" stroke-width="1"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
                     f'fill="#1f1f1f">{value}</text>')
    label_every = max(1, len(points) // 8)
    for i, (week, n) in enumerate(points):
        h = plot_h * n / top if top else 0
        x = LEFT + i * slot + slot * 0.15
        parts.append(f'<rect x="{x:.1f}" y="{TOP + plot_h - h:.1f}" width="{slot * 0.7:.1f}" '
                     f'height="{h:.1f}" fill="{BAR}"><title>{week.isoformat()}: {n}</title></rect>')
        if i % label_every == 0:
            parts.append(f'<text x="{x + slot * 0.35:.1f}" y="{HEIGHT - BOTTOM + 16}" '
                         f'text-anchor="middle" font-size="11" fill="#1f1f1f">'
                         f'{week.day}-{week.month}</text>')
    parts.append(f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" '
                 f'y2="{TOP + plot_h}" stroke="#1f1f1f" stroke-width="1"/>')
    parts.append("</svg>")
    return Markup("".join(parts))
