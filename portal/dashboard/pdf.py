"""The printable monthly overview for the partners' meeting: a pure function from tables to
PDF bytes (no request, no database), drawn with reportlab."""
from __future__ import annotations

from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus import Table as PdfTable
from reportlab.platypus import TableStyle
from xml.sax.saxutils import escape

from portal.dashboard.tables import Table


def _value(v) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.1f}".replace(".", ",")
    return str(v)


def monthly_overview(title: str, subtitle: str, tables: list[Table], footer: str = "") -> bytes:
    buffer = BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title=title, author="Werkportaal azc",
                            leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                            bottomMargin=16 * mm)
    styles = getSampleStyleSheet()
    story = [Paragraph(escape(title), styles["Title"]),
             Paragraph(escape(subtitle), styles["Normal"]), Spacer(1, 6 * mm)]
    for table in tables:
        data = [[Paragraph(f"<b>{escape(str(h))}</b>", styles["BodyText"]) for h in table.headers]]
        data += [[Paragraph(escape(str(row[0])), styles["BodyText"])]
                 + [_value(v) for v in row[1:]] for row in table.rows]
        grid = PdfTable(data, colWidths=[120 * mm] + [40 * mm] * (len(table.headers) - 1),
                        repeatRows=1)
        grid.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6eef6")),
            ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]))
        block = [Paragraph(escape(table.title), styles["Heading3"]), grid]
        if table.note:
            block.append(Paragraph(f"<i>{escape(table.note)}</i>", styles["BodyText"]))
        story.append(KeepTogether(block))
        story.append(Spacer(1, 4 * mm))
    if footer:
        story.append(Paragraph(escape(footer), styles["BodyText"]))
    doc.build(story)
    return buffer.getvalue()
