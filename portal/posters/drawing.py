"""The drawing kit of every A4 poster (vacancy, notice board, report, activity, Werkbalie): the
page and its colours, the blue band at the top, the big title, lines of text, the multilingual
call to action, the QR code with its printed address, and the report footer. Pure module: a
reportlab canvas in, nothing from Flask. portal/posters/pdf.py and portal/activities/poster.py
both draw with it, so every poster looks the same."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO

from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from . import icons, text
from .phrases import NL_EN
from .qr import draw_qr

W, H = A4
M = 42  # page margin, points
ACCENT = HexColor("#154273")  # Rijksoverheid dark blue
INK = HexColor("#1a1a1a")
MUTED = HexColor("#4d4d4d")
TINT = HexColor("#e8eef5")
BAND_H = 60
FOOTER_TOP = 78
PANEL_BOTTOM = 94


def document(draw_pages: Callable[[Canvas], None], title: str) -> bytes:
    buf = BytesIO()
    c = Canvas(buf, pagesize=A4, pageCompression=1, initialFontName="PosterSans", lang="nl")
    c.setTitle(title)
    c.setCreator("portal.posters")
    c.setAuthor("")
    draw_pages(c)
    c.save()
    return buf.getvalue()


def text_lines(c, lines, x, y, size, leading, bold=False, align="left", color=INK) -> float:
    """Draw lines top-down from baseline ``y``; returns the baseline after the last."""
    c.setFillColor(color)
    for line in lines:
        text.draw(c, line, x, y, size, bold, align)
        y -= leading
    return y + leading


def one_line_size(s: str, max_w: float, largest: float, smallest: float, bold=True) -> float:
    size = largest
    while size > smallest and text.width(s, size, bold) > max_w:
        size -= 0.5
    return size


def band(c, label: tuple[str, str], right: str = "") -> None:
    c.setFillColor(ACCENT)
    c.rect(0, H - BAND_H, W, BAND_H, stroke=0, fill=1)
    c.setFillColor(white)
    base = H - BAND_H / 2 - 5
    left = f"{label[0].upper()}  ·  {label[1]}"
    used = text.draw(c, left, M, base, 15, bold=True)
    if right:
        size = one_line_size(right, W - 2 * M - used - 24, 14, 9)
        text.draw(c, right, W - M, base, size, bold=True, align="right")


def footer(c, first: str, second: str) -> None:
    c.setStrokeColor(ACCENT)
    c.setLineWidth(1.2)
    c.line(M, FOOTER_TOP, W - M, FOOTER_TOP)
    c.setFillColor(ACCENT)
    c.setStrokeColor(ACCENT)
    icons.warning(c, M, 36, 26)
    x, max_w = M + 38, W - 2 * M - 38
    c.setFillColor(INK)
    text.draw(c, first, x, 53, one_line_size(first, max_w, 12, 7), bold=True)
    c.setFillColor(MUTED)
    text.draw(c, second, x, 37, one_line_size(second, max_w, 11, 7, bold=False))


def report_footer(c, report_url: str) -> None:
    nl, en = NL_EN["footer"]
    footer(c, f"{nl} {report_url}", f"{en} {report_url}")


def split_url(url: str, max_w: float) -> tuple[float, list[str]]:
    """Size and lines for a printed URL: shrink to 10 pt, then break after a '/'."""
    size = one_line_size(url, max_w, 14, 10)
    if text.width(url, size, True) <= max_w:
        return size, [url]
    lines, rest = [], url
    while rest and text.width(rest, size, True) > max_w:
        cut = max((i for i in range(1, len(rest)) if text.width(rest[:i], size, True) <= max_w),
                  default=1)
        slash = rest.rfind("/", 0, cut)
        cut = slash + 1 if slash > 0 else cut
        lines.append(rest[:cut])
        rest = rest[cut:]
    return size, lines + ([rest] if rest else [])


def qr_with_caption(c, url, display_url, x, y, size, extra: str = "") -> None:
    """QR square at (x, y); display URL (and ``extra``) centred below it."""
    draw_qr(c, url, x, y, size)
    cx, max_w = x + size / 2, size + 30
    url_size, url_lines = split_url(display_url, max_w)
    base = y - url_size - 4
    base = text_lines(c, url_lines, cx, base, url_size, url_size * 1.2, True, "center", INK)
    if extra:
        c.setFillColor(MUTED)
        text.draw(c, extra, cx, base - 16, 11, align="center")


def call_to_action(c, phrases, x0, x1, top, sizes, max_lines=1, accented=2) -> float:
    """Multilingual call to action, one phrase per language; RTL phrases right-aligned.

    Returns the y below the block.
    """
    y = top
    for i, (_lang, phrase) in enumerate(phrases):
        size = sizes[min(i, len(sizes) - 1)]
        color = ACCENT if i < accented else INK
        if max_lines == 1:
            size = one_line_size(phrase, x1 - x0, size, 10)
            lines = [phrase]
        else:
            lines = text.fit_lines(phrase, size, x1 - x0, max_lines, bold=True)
        rtl = text.paragraph_rtl(phrase)
        y -= size * 1.05
        x, align = (x1, "right") if rtl else (x0, "left")
        y = text_lines(c, lines, x, y, size, size * 1.25, True, align, color)
        y -= size * 0.5
    return y


def big_title(c, s: str, top: float, max_w: float) -> float:
    """Big title: 46 pt down to 36 pt on two lines, then three lines, never overflowing.

    A size is only taken when every word fits on a line (no forced hyphenation of
    long Dutch compounds); the last resort truncates with an ellipsis.
    """
    s = " ".join(s.split())
    longest = max((text.width(w, 46, True) for w in s.split()), default=0) / 46
    sizes = [(z, 2) for z in range(46, 35, -2)] + [(36, 3), (32, 3), (28, 3), (24, 3)]
    for size, max_lines in sizes:
        if longest * size > max_w:
            continue
        lines = text.wrap(s, size, max_w, bold=True)
        if len(lines) <= max_lines:
            break
    else:
        size, lines = 24, text.fit_lines(s, 24, max_w, 3, bold=True)
    y = text_lines(c, lines, M, top - size * 0.95, size, size * 1.1, True, "left", ACCENT)
    return y - size * 0.5
