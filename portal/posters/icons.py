"""Simple vector pictograms for poster facts, drawn with reportlab primitives.

Each function draws into the square with bottom-left corner ``(x, y)`` and side
``s`` (points) in the canvas' current fill and stroke colour, which callers set to
the accent colour. Shapes are bold and plain so they survive cheap printers.
"""

from __future__ import annotations

import math


def _pen(c, s: float) -> None:
    c.setLineWidth(s * 0.1)
    c.setLineCap(1)
    c.setLineJoin(1)


def clock(c, x: float, y: float, s: float) -> None:
    _pen(c, s)
    cx, cy = x + s / 2, y + s / 2
    c.circle(cx, cy, s * 0.42, stroke=1, fill=0)
    c.line(cx, cy, cx, cy + s * 0.27)
    c.line(cx, cy, cx + s * 0.2, cy - s * 0.06)


def euro(c, x: float, y: float, s: float) -> None:
    _pen(c, s)
    cx, cy, r = x + s * 0.56, y + s / 2, s * 0.36
    p = c.beginPath()
    p.arc(cx - r, cy - r, cx + r, cy + r, startAng=48, extent=264)
    c.drawPath(p, stroke=1, fill=0)
    for dy in (0.09, -0.09):
        c.line(x + s * 0.1, cy + s * dy, x + s * 0.6, cy + s * dy)


def pin(c, x: float, y: float, s: float) -> None:
    cx, cy, r = x + s / 2, y + s * 0.62, s * 0.3
    tip = y + s * 0.03
    alpha = math.asin(r / (cy - tip))
    dx, dy = r * math.cos(alpha), r * math.sin(alpha)
    c.circle(cx, cy, r, stroke=0, fill=1)
    p = c.beginPath()
    p.moveTo(cx, tip)
    p.lineTo(cx - dx, cy - dy)
    p.lineTo(cx + dx, cy - dy)
    p.close()
    c.drawPath(p, stroke=0, fill=1)
    c.saveState()
    c.setFillColorRGB(1, 1, 1)
    c.circle(cx, cy, r * 0.4, stroke=0, fill=1)
    c.restoreState()


def speech(c, x: float, y: float, s: float) -> None:
    c.roundRect(x + s * 0.04, y + s * 0.28, s * 0.92, s * 0.62, s * 0.16, stroke=0, fill=1)
    p = c.beginPath()
    p.moveTo(x + s * 0.2, y + s * 0.3)
    p.lineTo(x + s * 0.46, y + s * 0.3)
    p.lineTo(x + s * 0.14, y + s * 0.04)
    p.close()
    c.drawPath(p, stroke=0, fill=1)
    c.saveState()
    c.setFillColorRGB(1, 1, 1)
    for dx in (0.3, 0.5, 0.7):
        c.circle(x + s * dx, y + s * 0.59, s * 0.065, stroke=0, fill=1)
    c.restoreState()


def calendar(c, x: float, y: float, s: float) -> None:
    _pen(c, s)
    c.setLineWidth(s * 0.08)
    c.roundRect(x + s * 0.08, y + s * 0.06, s * 0.84, s * 0.76, s * 0.08, stroke=1, fill=0)
    c.rect(x + s * 0.08, y + s * 0.6, s * 0.84, s * 0.22, stroke=0, fill=1)
    c.setLineWidth(s * 0.1)
    for dx in (0.3, 0.7):
        c.line(x + s * dx, y + s * 0.74, x + s * dx, y + s * 0.95)
    for row in range(2):
        for col in range(3):
            c.rect(
                x + s * (0.22 + col * 0.21), y + s * (0.18 + row * 0.19),
                s * 0.14, s * 0.12, stroke=0, fill=1,
            )


def warning(c, x: float, y: float, s: float) -> None:
    _pen(c, s)
    p = c.beginPath()
    p.moveTo(x + s * 0.5, y + s * 0.92)
    p.lineTo(x + s * 0.96, y + s * 0.1)
    p.lineTo(x + s * 0.04, y + s * 0.1)
    p.close()
    c.drawPath(p, stroke=1, fill=0)
    c.line(x + s * 0.5, y + s * 0.62, x + s * 0.5, y + s * 0.4)
    c.circle(x + s * 0.5, y + s * 0.25, s * 0.06, stroke=0, fill=1)


def building(c, x: float, y: float, s: float) -> None:
    """A workplace (house with a door), for 'tour before you start'."""
    _pen(c, s)
    p = c.beginPath()
    p.moveTo(x + s * 0.14, y + s * 0.08)
    p.lineTo(x + s * 0.14, y + s * 0.54)
    p.lineTo(x + s * 0.5, y + s * 0.9)
    p.lineTo(x + s * 0.86, y + s * 0.54)
    p.lineTo(x + s * 0.86, y + s * 0.08)
    p.close()
    c.drawPath(p, stroke=1, fill=0)
    c.rect(x + s * 0.4, y + s * 0.08, s * 0.2, s * 0.32, stroke=0, fill=1)


def draw_shapes(c, shapes, x: float, y: float, s: float) -> None:
    """Draw a phrasebook pictogram (portal/phrases/icons.py: shapes on a 24-unit grid, y
    downwards, as on the web page) into the square at (x, y) with side s."""
    k = s / 24
    c.setLineWidth(2 * k)
    c.setLineCap(1)
    c.setLineJoin(1)

    def px(u: float) -> float:
        return x + u * k

    def py(v: float) -> float:
        return y + s - v * k

    for kind, *v in shapes:
        if kind in ("circle", "dot"):
            c.circle(px(v[0]), py(v[1]), v[2] * k, stroke=int(kind == "circle"),
                     fill=int(kind == "dot"))
        elif kind == "rect":
            if v[4]:
                c.roundRect(px(v[0]), py(v[1] + v[3]), v[2] * k, v[3] * k, v[4] * k, stroke=1, fill=0)
            else:
                c.rect(px(v[0]), py(v[1] + v[3]), v[2] * k, v[3] * k, stroke=1, fill=0)
        else:
            path = c.beginPath()
            path.moveTo(px(v[0]), py(v[1]))
            for u, w in zip(v[2::2], v[3::2], strict=True):
                path.lineTo(px(u), py(w))
            if kind == "poly":
                path.close()
            c.drawPath(path, stroke=1, fill=0)


ICONS = {
    "hours": clock,
    "wage": euro,
    "place": pin,
    "dutch": speech,
    "english": speech,
    "start": calendar,
    "safety": warning,
    "tour": building,
}
