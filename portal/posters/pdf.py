"""A4 poster PDFs for azc notice boards: vacancy, notice-board and report posters.

Pure module: plain dataclasses in, PDF bytes out, no Flask. Everything is vector
(text in embedded subset Noto fonts, pictograms and the QR code as paths), pages
are zlib-compressed, and a multi-page PDF embeds each font subset once.

    render_vacancy_poster(VacancyPoster(...)) -> bytes
    render_vacancy_posters([...]) -> bytes            # one page per vacancy
    render_board_poster(location_name, url, display_url, report_url) -> bytes
    render_report_poster(url, display_url) -> bytes
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from portal.phrases.icons import ICONS as PHRASE_ICONS

from . import drawing, icons, text
from .drawing import ACCENT, BAND_H, INK, MUTED, PANEL_BOTTOM, TINT, H, M, W
from .phrases import NL_EN, REPORT_SIGNALS, SCAN_TO_APPLY, SCAN_TO_REPORT
from .qr import qr_version

__all__ = [
    "PosterFacts",
    "VacancyPoster",
    "qr_version",
    "render_board_poster",
    "render_report_poster",
    "render_vacancy_poster",
    "render_vacancy_posters",
]

DRAFT_RED = HexColor("#b00020")
DRAFT_TINT = HexColor("#f6d3d6")  # light enough that the words printed over it stay legible
DRAFT_MARK = ("CONCEPT – niet ophangen", "DRAFT – do not post")
SUMMARY_SIZE = 14
SUMMARY_LEADING = 19
LINE_SIZE = 14  # phrase lines: the job in Dutch, English and the azc's languages
LINE_LEADING = 21
ICON_ROW = 26  # phrase pictograms above the lines
MAX_PHRASE_ICONS = 10


@dataclass(frozen=True)
class PosterFacts:
    """Already formatted Dutch strings; ``None`` or empty means: not printed."""

    hours: str | None = None  # "24–32 uur per week"
    wage: str | None = None  # "€ 14,71 – € 16,00 per uur"
    place: str | None = None  # "Zaandam, Hemkade 12"
    dutch: str | None = None  # "Nederlands: A2" or "Geen Nederlands nodig"
    english: str | None = None
    start: str | None = None  # "Start: 1 december 2026"


@dataclass(frozen=True)
class VacancyPoster:
    title: str
    employer_line: str  # "Bakkerij De Zon" or "via Uitzendbureau X voor Klant Y"
    summary: str
    facts: PosterFacts
    url: str  # absolute QR target; all-uppercase keeps the code small
    display_url: str  # printed under the QR
    code: str
    valid_until: str  # "geldig tot 27 februari 2027"
    report_url: str  # "werk.example.nl/report"
    safety_critical: bool = False
    tour_offered: bool = False
    # The call to action, one (language, text) per line: Dutch, English and the azc's main
    # languages (portal/posters/services.py); all seven when the azc has none set.
    cta: tuple[tuple[str, str], ...] = SCAN_TO_APPLY
    # The job in a line per language (role and first phrases), in the same languages.
    lines: tuple[tuple[str, str], ...] = ()
    # Pictograms of the ticked phrases (portal/phrases/icons.py names), drawn above the lines.
    icons: tuple[str, ...] = ()
    # An unpublished vacancy printed to check it: marked CONCEPT so nobody hangs it up (its
    # QR code answers "not yet open" until it is published).
    draft: bool = False


# --------------------------------------------------------------------------- vacancy


def _fact_items(p: VacancyPoster) -> list[tuple[str, str]]:
    f = p.facts
    items = [(k, (getattr(f, k) or "").strip()) for k in
             ("hours", "wage", "place", "start", "dutch", "english")]
    items = [(k, v) for k, v in items if v]
    if p.safety_critical:
        items.append(("safety", NL_EN["safety"][0]))
    if p.tour_offered:
        items.append(("tour", NL_EN["tour"][0]))
    return items


def _facts(c, items, top: float, max_lines: int, draw: bool = True) -> float:
    """Two-column grid of pictogram + fact; returns the y below it."""
    gap, icon, size, leading = 24, 24, 15, 19
    col_w = (W - 2 * M - gap) / 2
    y = top
    for row in range(0, len(items), 2):
        pair = items[row:row + 2]
        wrapped = [text.fit_lines(v, size, col_w - icon - 12, max_lines) for _k, v in pair]
        height = max(icon, max(len(w) for w in wrapped) * leading)
        if draw:
            for col, ((key, _v), lines) in enumerate(zip(pair, wrapped, strict=True)):
                x = M + col * (col_w + gap)
                c.setFillColor(ACCENT)
                c.setStrokeColor(ACCENT)
                icons.ICONS[key](c, x, y - icon, icon)
                drawing.text_lines(c, lines, x + icon + 12, y - 17.5, size, leading, False, "left", INK)
        y -= height + 11
    return y


def _phrase_lines(c, lines, names, top: float, max_w: float) -> float:
    """A row of the phrases' pictograms, then one line per language, cut with … when too
    long; right-aligned when right-to-left (Arabic, Farsi), shaped by portal/posters/text.py.
    Returns the y below the block."""
    y = top
    if names:
        c.setFillColor(ACCENT)
        c.setStrokeColor(ACCENT)
        for i, name in enumerate(names[:MAX_PHRASE_ICONS]):
            icons.draw_shapes(c, PHRASE_ICONS.get(name, ()), M + i * (ICON_ROW + 12), y - ICON_ROW,
                              ICON_ROW)
        y -= ICON_ROW + 10
    for _lang, s in lines:
        one = text.fit_lines(" ".join(s.split()), LINE_SIZE, max_w, 1)
        if one:
            rtl = text.paragraph_rtl(s)
            c.setFillColor(INK)
            text.draw(c, one[0], W - M if rtl else M, y - LINE_SIZE, LINE_SIZE,
                      align="right" if rtl else "left")
        y -= LINE_LEADING
    return y - (8 if lines else 0)


def _draft_watermark(c: Canvas) -> None:
    """A large diagonal CONCEPT across the text area, drawn first so the text stays on top;
    the QR panel, drawn later, covers it (the code must keep scanning)."""
    c.saveState()
    c.setFillColor(DRAFT_TINT)
    c.translate(W / 2, (H - BAND_H + PANEL_BOTTOM + 258) / 2)
    c.rotate(33)
    text.draw(c, "CONCEPT", 0, -34, 96, bold=True, align="center")
    c.restoreState()


def _draw_vacancy(c: Canvas, p: VacancyPoster) -> None:
    if p.draft:
        _draft_watermark(c)
    drawing.band(c, NL_EN["vacancy_band"], f"{DRAFT_MARK[0]} / {DRAFT_MARK[1]}" if p.draft else p.valid_until)
    max_w = W - 2 * M
    panel_h = 258
    panel_top = PANEL_BOTTOM + panel_h
    y = drawing.big_title(c, p.title, H - BAND_H - 30, max_w)
    lines_h = (len(p.lines) * LINE_LEADING + (8 if p.lines else 0)
               + (ICON_ROW + 10 if p.icons else 0))

    # Employer line, facts and summary share the space down to the QR panel; give
    # up second lines of employer and facts before the summary drops below 3 lines.
    items = _fact_items(p)
    employer = " ".join(p.employer_line.split())
    for employer_lines, fact_lines in ((2, 2), (2, 1), (1, 1)):
        emp = text.fit_lines(employer, 18, max_w, employer_lines)
        below = _facts(c, items, y - len(emp) * 23 - 22, fact_lines, draw=False) - lines_h
        if below - panel_top - 28 >= 3 * SUMMARY_LEADING:
            break
    y = drawing.text_lines(c, emp, M, y - 16, 18, 23, False, "left", MUTED) - 28
    if items:
        y = _facts(c, items, y, fact_lines)
    y = _phrase_lines(c, p.lines, p.icons, y, max_w)

    room = int((y - panel_top - 28) // SUMMARY_LEADING)
    summary = text.fit_lines(" ".join(p.summary.split()), SUMMARY_SIZE, max_w, room)
    drawing.text_lines(c, summary, M, y - 16, SUMMARY_SIZE, SUMMARY_LEADING, False, "left", INK)

    # QR panel: call to action on the left, QR with URL and code on the right
    c.setFillColor(TINT)
    c.roundRect(M, PANEL_BOTTOM, max_w, panel_h, 10, stroke=0, fill=1)
    qr_size = 192
    qr_x, qr_y = W - M - 24 - qr_size, PANEL_BOTTOM + 46
    drawing.qr_with_caption(c, p.url, p.display_url, qr_x, qr_y, qr_size,
                     f"{NL_EN['code'][0]} {p.code}")
    drawing.call_to_action(c, p.cta, M + 22, qr_x - 24, panel_top - 18, (28, 22, 17))
    if p.draft:  # a red frame round the page: seen from across the room
        c.setStrokeColor(DRAFT_RED)
        c.setLineWidth(8)
        c.setDash(18, 10)
        c.rect(10, 10, W - 20, H - 20, stroke=1, fill=0)
        c.setDash()
    drawing.report_footer(c, p.report_url)


def render_vacancy_posters(ps: Sequence[VacancyPoster]) -> bytes:
    """One PDF with one A4 page per vacancy, in the given order."""
    if not ps:
        raise ValueError("no posters to render")

    def pages(c: Canvas) -> None:
        for p in ps:
            _draw_vacancy(c, p)
            c.showPage()

    title = ps[0].title if len(ps) == 1 else f"{len(ps)} vacatureposters"
    return drawing.document(pages, title)


def render_vacancy_poster(p: VacancyPoster) -> bytes:
    return render_vacancy_posters([p])


# --------------------------------------------------------------------------- board


def render_board_poster(location_name: str, url: str, display_url: str, report_url: str,
                        languages: Sequence[str] = ()) -> bytes:
    """Notice-board poster of an azc: big QR to /l/<location-code>. `languages`: the azc's
    main languages; the call to action is then in those besides Dutch and English."""
    cta = [ph for ph in SCAN_TO_APPLY if not languages or ph[0] in ("nl", "en", *languages)]

    def page(c: Canvas) -> None:
        drawing.band(c, NL_EN["board_band"])
        max_w = W - 2 * M
        nl, en = NL_EN["board_title"]
        size = drawing.one_line_size(nl, max_w, 48, 30)
        y = drawing.text_lines(c, text.fit_lines(nl, size, max_w, 2, True), W / 2, H - BAND_H - 38 - size,
                   size, size * 1.1, True, "center", ACCENT)
        y -= 38
        text.draw(c, en, W / 2, y, drawing.one_line_size(en, max_w, 28, 16), True, "center")
        y -= 34
        c.setFillColor(MUTED)
        loc = text.fit_lines(location_name, 22, max_w, 1)
        drawing.text_lines(c, loc, W / 2, y, 22, 26, False, "center", MUTED)

        panel_top = y - 24
        c.setFillColor(TINT)
        c.roundRect(M, PANEL_BOTTOM, max_w, panel_top - PANEL_BOTTOM, 10, stroke=0, fill=1)
        qr_size = 290
        qr_x, qr_y = W / 2 - qr_size / 2, panel_top - 20 - qr_size
        drawing.qr_with_caption(c, url, display_url, qr_x, qr_y, qr_size)
        # call to action in two columns under the QR: LTR left, RTL/Ethiopic right
        left = [ph for ph in cta if ph[0] in ("nl", "en", "tr", "so")]
        right = [ph for ph in cta if ph[0] in ("ar", "fa", "ti")]
        top = qr_y - 48
        drawing.call_to_action(c, left, M + 24, W / 2 - 12, top, (22, 20, 18))
        drawing.call_to_action(c, right, W / 2 + 12, W - M - 24, top, (20,), accented=0)
        drawing.report_footer(c, report_url)
        c.showPage()

    return drawing.document(page, f"Alle vacatures op dit azc – {location_name}")


# --------------------------------------------------------------------------- report


def render_report_poster(url: str, display_url: str) -> bytes:
    """General poster 'doubts about a job offer? report it', QR to /report."""

    def page(c: Canvas) -> None:
        drawing.band(c, NL_EN["report_band"], "Eerlijk werk · Fair work")
        max_w = W - 2 * M
        nl, en = NL_EN["report_title"]
        y = H - BAND_H - 34 - 44
        c.setFillColor(ACCENT)
        text.draw(c, nl, M, y, drawing.one_line_size(nl, max_w, 44, 28), True)
        y -= 36
        c.setFillColor(INK)
        text.draw(c, en, M, y, drawing.one_line_size(en, max_w, 26, 16), True)
        lead_nl, lead_en = NL_EN["report_lead"]
        y -= 32
        text.draw(c, lead_nl, M, y, 16)
        y -= 20
        c.setFillColor(MUTED)
        text.draw(c, lead_en, M, y, 13)

        # warning signs, two columns
        y -= 30
        c.setFillColor(ACCENT)
        text.draw(c, "Let op bij  ·  Watch out for", M, y, 14, True)
        y -= 16
        col_w = (max_w - 24) / 2
        for i, (s_nl, s_en) in enumerate(REPORT_SIGNALS):
            x = M + (i % 2) * (col_w + 24)
            row_top = y - (i // 2) * 42
            c.setFillColor(ACCENT)
            c.setStrokeColor(ACCENT)
            icons.warning(c, x, row_top - 22, 20)
            c.setFillColor(INK)
            text.draw(c, s_nl, x + 30, row_top - 13, drawing.one_line_size(s_nl, col_w - 30, 14, 9), True)
            c.setFillColor(MUTED)
            text.draw(c, s_en, x + 30, row_top - 29, drawing.one_line_size(s_en, col_w - 30, 12, 8, False))
        y -= 4 * 42 + 8

        c.setFillColor(TINT)
        c.roundRect(M, PANEL_BOTTOM, max_w, y - PANEL_BOTTOM, 10, stroke=0, fill=1)
        qr_size = 196
        qr_x, qr_y = W - M - 24 - qr_size, PANEL_BOTTOM + 46
        drawing.qr_with_caption(c, url, display_url, qr_x, qr_y, qr_size)
        drawing.call_to_action(c, SCAN_TO_REPORT, M + 22, qr_x - 22, y - 16, (22, 18, 14), max_lines=2)
        drawing.footer(
            c,
            "Je melding gaat naar een werkgeversadviseur (UWV/WSP) in deze regio.",
            "Your report goes to an employer adviser (UWV/WSP) in this region.",
        )
        c.showPage()

    return drawing.document(page, "Twijfel over een baan? Meld het")
