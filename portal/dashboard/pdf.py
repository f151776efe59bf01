"""The printable monthly (or quarterly) report for a steering group: a pure function from
already-worded content to PDF bytes (no request, no database), drawn with reportlab.

Order: the summary band, one paragraph in plain words, the pictures (vector graphics from the
same chart geometry as the page), then the tables. A heading never ends a page on its own:
headings keep with what follows and every picture or table is kept together with its
heading (a table longer than a page repeats its header row). Fonts: the posters' Noto Sans."""
from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable

from portal.dashboard.chartkit import Chart, to_drawing
from portal.posters import text as _poster_fonts  # noqa: F401  (registers the Noto fonts)

FONT, BOLD = "PosterSans", "PosterSans-Bold"
registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
FRAME = A4[0] - 36 * mm
INK = colors.HexColor("#1a1a1a")
TINT = colors.HexColor("#e8eef5")

_base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=13, textColor=INK)
STYLES = {
    "title": ParagraphStyle("title", _base, fontName=BOLD, fontSize=18, leading=22, spaceAfter=2),
    "subtitle": ParagraphStyle("subtitle", _base, fontSize=10.5, leading=14, spaceAfter=8),
    "h1": ParagraphStyle("h1", _base, fontName=BOLD, fontSize=15, leading=19, spaceBefore=10,
                         spaceAfter=2, keepWithNext=1),
    "h2": ParagraphStyle("h2", _base, fontName=BOLD, fontSize=12.5, leading=16, spaceBefore=8,
                         spaceAfter=4, keepWithNext=1),
    "body": _base,
    "note": ParagraphStyle("note", _base, fontSize=8.5, leading=11, textColor=colors.HexColor("#4d4d4d")),
    "cell": ParagraphStyle("cell", _base, fontSize=8.5, leading=10.5),
    "head": ParagraphStyle("head", _base, fontName=BOLD, fontSize=8.5, leading=10.5),
    "cell_num": ParagraphStyle("cell_num", _base, fontSize=8.5, leading=10.5, alignment=TA_RIGHT),
    "head_num": ParagraphStyle("head_num", _base, fontName=BOLD, fontSize=8.5, leading=10.5,
                               alignment=TA_RIGHT),
    "band_label": ParagraphStyle("band_label", _base, fontSize=8.5, leading=10.5),
    "band_value": ParagraphStyle("band_value", _base, fontName=BOLD, fontSize=20, leading=24),
}


@dataclass(frozen=True)
class BandCell:
    label: str
    value: str
    detail: str
    change: str  # "▲ 3 meer", "= gelijk", "geen vergelijking"


@dataclass(frozen=True)
class Picture:
    heading: str
    chart: Chart
    note: str = ""
    width_mm: float = 120


@dataclass(frozen=True)
class Grid:
    """A table with every value already written as people read it."""
    title: str
    headers: list[str]
    rows: list[list[str]]
    note: str = ""
    numeric: frozenset[int] = frozenset()  # columns of numbers: right-aligned


@dataclass
class Content:
    title: str
    subtitle: str
    band_heading: str
    band: list[BandCell]
    summary_heading: str
    summary: str
    pictures: list[Picture] = field(default_factory=list)
    tables_heading: str = ""
    grids: list[Grid] = field(default_factory=list)
    footer: str = ""
    page_label: str = "%(page)s"  # "Pagina %(page)s"


def _p(text: str, style: str) -> Paragraph:
    return Paragraph(escape(text), STYLES[style])


def _band(cells: list[BandCell]) -> PdfTable:
    boxes = [[_p(c.label, "band_label"), _p(c.value, "band_value"), _p(c.detail, "note"),
              _p(c.change, "band_label")] for c in cells]
    rows = [boxes[i:i + 3] + [""] * (3 - len(boxes[i:i + 3])) for i in range(0, len(boxes), 3)]
    table = PdfTable(rows, colWidths=[FRAME / 3] * 3)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("BOX", (0, 0), (-1, -1), 0.6, INK), ("INNERGRID", (0, 0), (-1, -1), 0.6, INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def _picture(p: Picture) -> KeepTogether:
    drawing = to_drawing(p.chart, p.width_mm * mm, FONT, BOLD)
    drawing.hAlign = "LEFT"
    block: list[Flowable] = [_p(p.heading, "h2"), drawing]
    if p.note:
        block.append(_p(p.note, "note"))
    return KeepTogether(block)


def _grid(g: Grid) -> KeepTogether:
    columns = len(g.headers)
    number_width = min(32 * mm, (FRAME - 55 * mm) / max(columns - 1, 1))
    widths = [FRAME - number_width * (columns - 1)] + [number_width] * (columns - 1)
    def style(column: int, base: str) -> str:
        return base + "_num" if column in g.numeric else base

    data = [[_p(h, style(c, "head")) for c, h in enumerate(g.headers)]]
    data += [[_p(v, style(c, "cell")) for c, v in enumerate(row)] for row in g.rows]
    table = PdfTable(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), TINT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    block: list[Flowable] = [_p(g.title, "h2"), table]
    if g.note:
        block.append(_p(g.note, "note"))
    return KeepTogether(block)


def monthly_overview(content: Content) -> bytes:
    buffer = BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title=content.title, author="Werkportaal azc",
                            leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                            bottomMargin=18 * mm, initialFontName=FONT)
    story: list[Flowable] = [_p(content.title, "title"), _p(content.subtitle, "subtitle"),
                             KeepTogether([_p(content.band_heading, "h2"), _band(content.band)]),
                             KeepTogether([_p(content.summary_heading, "h2"), _p(content.summary, "body")])]
    story += [_picture(p) for p in content.pictures]
    if content.grids:
        story += [CondPageBreak(60 * mm), _p(content.tables_heading, "h1")]
        story += [_grid(g) for g in content.grids]
    if content.footer:
        story += [Spacer(1, 4 * mm), _p(content.footer, "note")]

    def page_number(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, content.page_label % {"page": document.page})
        canvas.restoreState()

    doc.build(story, onFirstPage=page_number, onLaterPages=page_number)
    return buffer.getvalue()

