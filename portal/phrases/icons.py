"""Pictograms of the phrasebook, drawn once as data and shown twice: as inline SVG on the
resident's page and as vector paths on the printed poster (portal/posters draws the same
shapes with reportlab), so web and paper cannot drift apart.

A 24 x 24 grid, y downwards (as SVG). Shapes, stroked in the accent colour unless filled:
  ("circle", cx, cy, r)      ("dot", cx, cy, r)          (filled)
  ("line", x1, y1, x2, y2, ...)  an open polyline
  ("poly", x1, y1, x2, y2, ...)  a closed outline
  ("rect", x, y, w, h, rx)
Curves are polylines computed here, so both renderers need only these four shapes."""
from __future__ import annotations

import math
from functools import cache

Shape = tuple

__all__ = ["ICONS", "Shape", "svg_symbol"]


def _arc(cx: float, cy: float, r: float, start: float, end: float, steps: int = 10) -> tuple:
    """Points on a circle from `start` to `end` degrees (0 = right, 90 = down)."""
    pts: list[float] = []
    for i in range(steps + 1):
        a = math.radians(start + (end - start) * i / steps)
        pts += [round(cx + r * math.cos(a), 2), round(cy + r * math.sin(a), 2)]
    return tuple(pts)


def _star(cx: float, cy: float, outer: float, inner: float) -> tuple:
    pts: list[float] = []
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        a = math.radians(-90 + 36 * i)
        pts += [round(cx + r * math.cos(a), 2), round(cy + r * math.sin(a), 2)]
    return tuple(pts)


def _gear_teeth() -> list[Shape]:
    return [("line", round(12 + 7 * math.cos(a), 2), round(12 + 7 * math.sin(a), 2),
             round(12 + 9.5 * math.cos(a), 2), round(12 + 9.5 * math.sin(a), 2))
            for a in (math.radians(45 * i) for i in range(8))]


def _rays() -> list[Shape]:
    return [("line", round(12 + 6.5 * math.cos(a), 2), round(12 + 6.5 * math.sin(a), 2),
             round(12 + 9.5 * math.cos(a), 2), round(12 + 9.5 * math.sin(a), 2))
            for a in (math.radians(45 * i) for i in range(8))]


def _person(cx: float, scale: float = 1.0) -> list[Shape]:
    return [("circle", cx, 7 * scale + (1 - scale) * 10, 3.6 * scale),
            ("line", *_arc(cx, 21, 7.5 * scale, 180, 360))]


ICONS: dict[str, tuple[Shape, ...]] = {
    "broom": (("line", 17, 2, 10.5, 13), ("poly", 10.5, 13, 6, 14.5, 3, 21, 9, 20, 13, 15.5),
              ("line", 6.5, 20.5, 8.5, 16), ("line", 9.5, 20, 11, 16.5)),
    "box": (("poly", 3, 7.5, 12, 3.5, 21, 7.5, 21, 16.5, 12, 20.5, 3, 16.5),
            ("line", 3, 7.5, 12, 11.5, 21, 7.5), ("line", 12, 11.5, 12, 20.5)),
    "barcode": (("rect", 2, 5, 20, 14, 2), ("line", 6, 8, 6, 16), ("line", 9, 8, 9, 16),
                ("line", 11.5, 8, 11.5, 16), ("line", 15, 8, 15, 16), ("line", 18, 8, 18, 16)),
    "pot": (("rect", 4, 10, 16, 10, 2), ("line", 2, 10, 22, 10), ("line", 9, 3, 9, 7),
            ("line", 12, 3, 12, 7), ("line", 15, 3, 15, 7)),
    "plate": (("circle", 12, 12, 9), ("circle", 12, 12, 4.5)),
    "bread": (("rect", 2.5, 8, 19, 11, 5), ("line", 8, 9.5, 9.5, 13), ("line", 12, 9.5, 13.5, 13),
              ("line", 16, 9.5, 17.5, 13)),
    "plant": (("line", 12, 21, 12, 9), ("poly", 12, 13, 6.5, 11.5, 3.5, 6, 9, 6.5, 12, 11),
              ("poly", 12, 10, 14, 4.5, 20.5, 3, 19, 8.5, 12, 11.5), ("line", 6, 21, 18, 21)),
    "gear": (("circle", 12, 12, 3), ("circle", 12, 12, 7), *_gear_teeth()),
    "cart": (("line", 2, 4, 5, 4, 7.5, 15, 18, 15, 20.5, 7, 6, 7), ("circle", 9, 19, 1.8),
             ("circle", 17, 19, 1.8)),
    "forklift": (("rect", 3, 11, 10, 6, 1), ("line", 5, 11, 5, 5, 11, 5, 12, 11),
                 ("circle", 6, 19, 2), ("circle", 12, 19, 2), ("line", 16, 3, 16, 19),
                 ("line", 16, 18.5, 22, 18.5)),
    "truck": (("rect", 2, 6, 12, 11, 1), ("poly", 14, 10, 18, 10, 21.5, 13.5, 21.5, 17, 14, 17),
              ("circle", 6, 18.5, 2), ("circle", 17.5, 18.5, 2)),
    "helmet": (("line", *_arc(12, 15, 8, 180, 360)), ("line", 2, 15.5, 22, 15.5),
               ("line", 12, 7, 12, 11)),
    "eye": (("poly", *_arc(12, 22, 14, 225, 315, 8), *_arc(12, 2, 14, 45, 135, 8)),
            ("circle", 12, 12, 3)),
    "shirt": (("poly", 8, 3, 3.5, 6, 2, 10.5, 6, 11.5, 6, 21, 18, 21, 18, 11.5, 22, 10.5, 20.5, 6,
               16, 3, 14, 5, 10, 5),),
    "tree": (("poly", 12, 2, 5.5, 12, 9, 12, 4.5, 18, 19.5, 18, 15, 12, 18.5, 12),
             ("line", 12, 18, 12, 22)),
    "sun": (("circle", 12, 12, 4), *_rays()),
    "moon": (("poly", *_arc(12, 12, 9, 9.3, 267.4, 16), *_arc(16.5, 8, 7, 225.5, 51.3, 10)),),
    "clock": (("circle", 12, 12, 9), ("line", 12, 7, 12, 12, 15, 14)),
    "calendar": (("rect", 3, 5, 18, 16, 2), ("line", 3, 10, 21, 10), ("line", 8, 3, 8, 7),
                 ("line", 16, 3, 16, 7)),
    "person": tuple(_person(12)),
    "people": (*_person(8, 0.8), *_person(16.5, 0.8)),
    "weight": (("poly", 5.5, 21, 7.5, 10, 16.5, 10, 18.5, 21),
               ("line", *_arc(12, 10, 4, 180, 360, 8)), ("line", 10, 15.5, 14, 15.5)),
    "snow": (("line", 12, 2.5, 12, 21.5), ("line", 3.8, 7.3, 20.2, 16.7),
             ("line", 3.8, 16.7, 20.2, 7.3), ("line", 9.5, 4, 12, 6.5, 14.5, 4),
             ("line", 9.5, 20, 12, 17.5, 14.5, 20)),
    "house": (("poly", 4, 21, 4, 10.5, 12, 3.5, 20, 10.5, 20, 21), ("rect", 10, 14, 4, 7, 0)),
    "warning": (("poly", 12, 3, 21.5, 20, 2.5, 20), ("line", 12, 9, 12, 14),
                ("dot", 12, 17, 1.1)),
    "talk": (("poly", 3, 4, 21, 4, 21, 16, 10, 16, 5, 20.5, 5, 16, 3, 16),),
    "drop": (("poly", 12, 2.5, *_arc(12, 14.5, 6.5, -30, 210, 12)),),
    "shield": (("poly", 12, 2.5, 20, 5.5, 20, 11.5, 12, 21.5, 4, 11.5, 4, 5.5),
               ("line", 8.5, 12, 11, 14.5, 15.5, 9.5)),
    "shoe": (("poly", 3, 8, 9, 8, 11, 12.5, 19.5, 14, 21.5, 17.5, 21.5, 19, 3, 19),
             ("line", 3, 15.5, 21.5, 15.5)),
    "bus": (("rect", 4, 3, 16, 15, 3), ("line", 4, 9, 20, 9), ("line", 7.5, 18, 7.5, 21),
            ("line", 16.5, 18, 16.5, 21), ("dot", 8, 14, 1.1), ("dot", 16, 14, 1.1)),
    "bike": (("circle", 5.5, 16, 4), ("circle", 18.5, 16, 4),
             ("line", 5.5, 16, 9.5, 8.5, 15.5, 8.5, 18.5, 16), ("line", 9.5, 8.5, 12, 16, 15.5, 8.5),
             ("line", 8, 6, 11, 6)),
    "cup": (("poly", 5, 8, 17, 8, 16, 20, 6, 20), ("line", 17, 10, 20, 10, 20, 14, 16.5, 14),
            ("line", 9, 3, 9, 5.5), ("line", 13, 3, 13, 5.5)),
    "book": (("poly", 12, 6, 3, 4, 3, 19, 12, 21), ("poly", 12, 6, 21, 4, 21, 19, 12, 21)),
    "card": (("rect", 2, 5, 20, 14, 2), ("circle", 8, 10.5, 2.5), ("line", 4.5, 16, 11.5, 16),
             ("line", 14, 9, 19, 9), ("line", 14, 13, 19, 13)),
    "star": (("poly", *_star(12, 12.5, 9.5, 4)),),
    "euro": (("line", *_arc(13, 12, 7, 45, 315, 14)), ("line", 4, 10, 13, 10),
             ("line", 4, 14, 13, 14)),
    "lock": (("rect", 5, 11, 14, 10, 2), ("line", 8, 11, *_arc(12, 8, 4, 180, 360, 8), 16, 11)),
}


def _svg_shape(shape: Shape) -> str:
    kind, *v = shape
    if kind == "circle":
        return f'<circle cx="{v[0]}" cy="{v[1]}" r="{v[2]}"/>'
    if kind == "dot":
        return f'<circle cx="{v[0]}" cy="{v[1]}" r="{v[2]}" fill="currentColor"/>'
    if kind == "rect":
        return f'<rect x="{v[0]}" y="{v[1]}" width="{v[2]}" height="{v[3]}" rx="{v[4]}"/>'
    points = " ".join(f"{x:g},{y:g}" for x, y in zip(v[::2], v[1::2], strict=True))
    tag = "polygon" if kind == "poly" else "polyline"
    return f'<{tag} points="{points}"/>'


@cache
def svg_symbol(name: str) -> str:
    """`<symbol id="p-<name>">` for a page's sprite; an unknown name gives an empty string."""
    shapes = ICONS.get(name)
    if not shapes:
        return ""
    body = "".join(_svg_shape(s) for s in shapes)
    return f'<symbol id="p-{name}" viewBox="0 0 24 24">{body}</symbol>'
