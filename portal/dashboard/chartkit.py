"""Chart geometry drawn twice: as inline SVG for the page and as reportlab vector graphics for
the PDF. A chart is a list of a few shapes in a user space with y pointing down (as in SVG);
both renderers draw exactly these shapes, so the page and the report cannot disagree.

SVG rules of the portal: no JavaScript, no style attributes (the CSP forbids them), only
presentation attributes; role="img" with a <title> and <desc>; the numbers are also in a
table next to every chart. Series are told apart by shape, dash and hatching as well as by
colour, so a chart still reads when printed in black and white."""
from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape
from reportlab.graphics.shapes import Circle, Drawing, Polygon, PolyLine, String
from reportlab.graphics.shapes import Line as RLine
from reportlab.graphics.shapes import Rect as RRect
from reportlab.lib.colors import HexColor

INK = "#1a1a1a"
MUTED = "#595959"
GRID = "#b1b4b6"
BLUE = "#154273"  # the portal's dark blue: dark grey in black and white
LIGHT = "#c5d3e3"  # pale blue: light grey in black and white
WHITE = "#ffffff"
CHAR_WIDTH = 0.56  # average glyph width of the sans fonts, in em: enough to place labels


@dataclass(frozen=True)
class SeriesStyle:
    stroke: str
    width: float
    dash: tuple[float, ...]
    marker: str  # circle, square or triangle (see marker())


# Three line series: told apart by width, dash and marker, not by colour alone.
SERIES_STYLES = {
    "line1": SeriesStyle(BLUE, 2.5, (), "circle"),
    "line2": SeriesStyle(INK, 2.0, (7, 4), "square"),
    "line3": SeriesStyle(MUTED, 2.0, (2, 3), "triangle"),
}


def text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_WIDTH


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str = BLUE
    stroke: str | None = None
    stroke_width: float = 1.0
    tip: str = ""  # a tooltip (SVG <title>) with the exact number


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str = INK
    width: float = 1.0
    dash: tuple[float, ...] = ()


@dataclass(frozen=True)
class Path:
    points: tuple[tuple[float, float], ...]
    stroke: str = INK
    width: float = 2.0
    dash: tuple[float, ...] = ()
    fill: str | None = None  # a closed, filled shape (markers) when set


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    r: float
    fill: str = INK
    stroke: str | None = None


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # the baseline
    text: str
    size: float = 12
    anchor: str = "start"  # start | middle | end
    bold: bool = False
    fill: str = INK


@dataclass
class Chart:
    key: str  # unique on the page: ids of the title and description
    width: float
    height: float
    title: str
    desc: str
    shapes: list = field(default_factory=list)

    def add(self, *shapes) -> None:
        self.shapes.extend(shapes)


def hatch(x: float, y: float, w: float, h: float, step: float = 4.0, stroke: str = BLUE) -> list:
    """Vertical hatching inside a box: the second series of a bar chart, in any printer."""
    lines, pos = [], x + step / 2
    while pos < x + w:
        lines.append(Line(pos, y, pos, y + h, stroke=stroke, width=1.2))
        pos += step
    return lines


def marker(kind: str, x: float, y: float, size: float = 4.0, fill: str = INK,
           hollow: bool = False) -> object:
    """circle, square or triangle: the shape tells series apart when colour cannot. A hollow
    marker (white inside) is a value that covers only part of its week."""
    inside = WHITE if hollow else fill
    if kind == "square":
        return Path(((x - size, y - size), (x + size, y - size), (x + size, y + size),
                     (x - size, y + size)), stroke=fill, width=1.5 if hollow else 1, fill=inside)
    if kind == "triangle":
        return Path(((x, y - size - 1), (x + size + 1, y + size), (x - size - 1, y + size)),
                    stroke=fill, width=1.5 if hollow else 1, fill=inside)
    return Dot(x, y, size, fill=inside, stroke=fill if hollow else None)


# --- SVG ----------------------------------------------------------------------------------

def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _stroke(color: str | None, width: float, dash: tuple[float, ...] = ()) -> str:
    if color is None:
        return ""
    attrs = f' stroke="{color}" stroke-width="{_n(width)}"'
    if dash:
        attrs += f' stroke-dasharray="{" ".join(_n(d) for d in dash)}"'
    return attrs


def _svg_shape(shape) -> str:
    if isinstance(shape, Rect):
        tip = f"<title>{escape(shape.tip)}</title>" if shape.tip else ""
        return (f'<rect x="{_n(shape.x)}" y="{_n(shape.y)}" width="{_n(max(shape.w, 0))}" '
                f'height="{_n(max(shape.h, 0))}" fill="{shape.fill}"'
                f'{_stroke(shape.stroke, shape.stroke_width)}>{tip}</rect>')
    if isinstance(shape, Line):
        return (f'<line x1="{_n(shape.x1)}" y1="{_n(shape.y1)}" x2="{_n(shape.x2)}" '
                f'y2="{_n(shape.y2)}"{_stroke(shape.stroke, shape.width, shape.dash)}/>')
    if isinstance(shape, Path):
        points = " ".join(f"{_n(x)},{_n(y)}" for x, y in shape.points)
        tag = "polygon" if shape.fill else "polyline"
        return (f'<{tag} points="{points}" fill="{shape.fill or "none"}"'
                f'{_stroke(shape.stroke, shape.width, shape.dash)} stroke-linejoin="round"/>')
    if isinstance(shape, Dot):
        return (f'<circle cx="{_n(shape.x)}" cy="{_n(shape.y)}" r="{_n(shape.r)}" '
                f'fill="{shape.fill}"{_stroke(shape.stroke, 1)}/>')
    weight = ' font-weight="bold"' if shape.bold else ""
    return (f'<text x="{_n(shape.x)}" y="{_n(shape.y)}" font-size="{_n(shape.size)}" '
            f'text-anchor="{shape.anchor}" fill="{shape.fill}"{weight}>{escape(shape.text)}</text>')


def to_svg(chart: Chart, css_class: str = "chart") -> Markup:
    uid = f"chart-{chart.key}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" role="img" '
        f'viewBox="0 0 {_n(chart.width)} {_n(chart.height)}" width="100%" '
        f'preserveAspectRatio="xMinYMin meet" aria-labelledby="{uid}-t {uid}-d">',
        f'<title id="{uid}-t">{escape(chart.title)}</title>',
        f'<desc id="{uid}-d">{escape(chart.desc)}</desc>',
    ]
    parts.extend(_svg_shape(s) for s in chart.shapes)
    parts.append("</svg>")
    # Safe: every text goes through escape(), numbers through _n(), colours are our constants.
    return Markup("".join(parts))  # noqa: S704


# --- reportlab ----------------------------------------------------------------------------

def to_drawing(chart: Chart, width_pt: float, font: str = "Helvetica",
               bold_font: str = "Helvetica-Bold") -> Drawing:
    """The same shapes as a reportlab Drawing `width_pt` wide (y flipped: PDF y points up)."""
    k = width_pt / chart.width
    height = chart.height * k
    # The renderer's starting font: otherwise a Helvetica is added to the PDF as well.
    drawing = Drawing(width_pt, height, initialFontName=font)

    def color(value):
        return None if value is None else HexColor(value)

    def y(value: float) -> float:
        return height - value * k

    for s in chart.shapes:
        if isinstance(s, Rect):
            drawing.add(RRect(s.x * k, y(s.y + s.h), max(s.w, 0) * k, max(s.h, 0) * k,
                              fillColor=color(s.fill), strokeColor=color(s.stroke),
                              strokeWidth=s.stroke_width * k))
        elif isinstance(s, Line):
            drawing.add(RLine(s.x1 * k, y(s.y1), s.x2 * k, y(s.y2), strokeColor=color(s.stroke),
                              strokeWidth=s.width * k,
                              strokeDashArray=[d * k for d in s.dash] or None))
        elif isinstance(s, Path):
            points = [v for x, py in s.points for v in (x * k, y(py))]
            if s.fill:
                drawing.add(Polygon(points, fillColor=color(s.fill), strokeColor=color(s.stroke),
                                    strokeWidth=s.width * k))
            else:
                drawing.add(PolyLine(points, strokeColor=color(s.stroke), strokeWidth=s.width * k,
                                     strokeDashArray=[d * k for d in s.dash] or None,
                                     strokeLineJoin=1))
        elif isinstance(s, Dot):
            drawing.add(Circle(s.x * k, y(s.y), s.r * k, fillColor=color(s.fill),
                               strokeColor=color(s.stroke)))
        else:
            drawing.add(String(s.x * k, y(s.y), s.text, fontSize=s.size * k,
                               fontName=bold_font if s.bold else font, fillColor=color(s.fill),
                               textAnchor=s.anchor))
    return drawing
