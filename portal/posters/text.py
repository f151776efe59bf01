"""Fonts, script shaping, measuring, wrapping and drawing of poster text.

Pure module (no Flask). Fonts are the OFL-licensed Noto fonts shipped in ``fonts/``
and are registered with reportlab once, at import. Every string goes through the
same pipeline so Dutch, Arabic, Farsi and Tigrinya can be mixed freely:

1. Paragraphs containing right-to-left letters are shaped with ``arabic_reshaper``
   (contextual letter forms, lam-alef ligatures as presentation-form characters)
   and reordered to visual order with python-bidi's ``get_display``. Ethiopic
   syllables are precomposed code points and need no shaping.
2. The visual string is split into runs by font coverage (Noto Sans first, then
   Noto Sans Arabic, then Noto Sans Ethiopic) and the runs are drawn left to right.

Wrapping works on logical (typed) order and measures each candidate line after
shaping, so RTL lines wrap at the right words.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

import arabic_reshaper
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

try:  # python-bidi >= 0.5 (Rust implementation)
    from bidi import get_display
except ImportError:  # pragma: no cover - python-bidi 0.4
    from bidi.algorithm import get_display

FONT_DIR = Path(__file__).with_name("fonts")

_FILES = {
    "PosterSans": "NotoSans-Regular.ttf",
    "PosterSans-Bold": "NotoSans-Bold.ttf",
    "PosterArabic": "NotoSansArabic-Regular.ttf",
    "PosterArabic-Bold": "NotoSansArabic-Bold.ttf",
    "PosterEthiopic": "NotoSansEthiopic-Regular.ttf",
    "PosterEthiopic-Bold": "NotoSansEthiopic-Bold.ttf",
}


def _register() -> dict[str, frozenset[int]]:
    coverage = {}
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in _FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
        coverage[name] = frozenset(pdfmetrics.getFont(name).face.charToGlyph)
    return coverage


_COVERAGE = _register()
# Font chains, tried in order for each character.
_CHAINS = {
    False: ("PosterSans", "PosterArabic", "PosterEthiopic"),
    True: ("PosterSans-Bold", "PosterArabic-Bold", "PosterEthiopic-Bold"),
}
ELLIPSIS = "\u2026"


def font_names() -> tuple[str, ...]:
    """Names of the registered poster fonts (for tests and diagnostics)."""
    return tuple(_FILES)


def _is_rtl_char(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL")


def has_rtl(text: str) -> bool:
    return any(_is_rtl_char(ch) for ch in text)


def paragraph_rtl(text: str) -> bool:
    """True when the first strong character is right-to-left (Unicode rule P2)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


@lru_cache(maxsize=4096)
def visual(text: str, rtl: bool | None = None) -> str:
    """Shaped text in visual (left-to-right drawing) order."""
    if not has_rtl(text):
        return text
    if rtl is None:
        rtl = paragraph_rtl(text)
    return get_display(arabic_reshaper.reshape(text), base_dir="R" if rtl else "L")


@lru_cache(maxsize=4096)
def runs(vis: str, bold: bool = False) -> tuple[tuple[str, str], ...]:
    """Split visual text into ``(font_name, text)`` runs by glyph coverage.

    Spaces and punctuation stay in the current run when its font has them.
    Characters no font has become ``?`` (controls and stray marks are dropped).
    """
    chain = _CHAINS[bold]
    out: list[tuple[str, str]] = []
    current = ""  # font of the run being built ("" before the first)
    buf: list[str] = []
    for ch in vis:
        cp = ord(ch)
        if ch in "\t\r\n":
            ch, cp = " ", 32
        if current and cp in _COVERAGE[current]:
            buf.append(ch)
            continue
        font = next((f for f in chain if cp in _COVERAGE[f]), None)
        if font is None:
            if unicodedata.category(ch)[0] in "CM":  # controls, marks: drop
                continue
            font, ch = chain[0], "?"
        if font != current:
            if buf:
                out.append((current, "".join(buf)))
            current, buf = font, []
        buf.append(ch)
    if buf:
        out.append((current, "".join(buf)))
    return tuple(out)


def width(text: str, size: float, bold: bool = False, rtl: bool | None = None) -> float:
    """Width in points of ``text`` drawn at ``size``."""
    return sum(
        pdfmetrics.stringWidth(part, font, size) for font, part in runs(visual(text, rtl), bold)
    )


def draw(
    canvas,
    text: str,
    x: float,
    y: float,
    size: float,
    bold: bool = False,
    align: str = "left",
    rtl: bool | None = None,
) -> float:
    """Draw one line with its baseline at ``y``; returns the width drawn.

    ``align`` is ``left`` (x = left edge), ``right`` (x = right edge), ``center``
    or ``auto`` (right for right-to-left paragraphs, else left). The fill colour
    is whatever the canvas has.
    """
    if rtl is None:
        rtl = paragraph_rtl(text)
    parts = runs(visual(text, rtl), bold)
    widths = [pdfmetrics.stringWidth(part, font, size) for font, part in parts]
    total = sum(widths)
    if align == "auto":
        align = "right" if rtl else "left"
    if align == "right":
        x -= total
    elif align == "center":
        x -= total / 2
    for (font, part), w in zip(parts, widths, strict=True):
        canvas.setFont(font, size)
        canvas.drawString(x, y, part)
        x += w
    return total


def _break_word(word: str, size: float, bold: bool, max_width: float) -> list[str]:
    """Split a word that is wider than a line into pieces ending with a hyphen."""
    pieces, piece = [], ""
    for ch in word:
        if piece and width(piece + ch + "-", size, bold) > max_width:
            pieces.append(piece + "-")
            piece = ""
        piece += ch
    pieces.append(piece)
    return pieces


def wrap(text: str, size: float, max_width: float, bold: bool = False) -> list[str]:
    """Greedy word wrap in logical order; explicit newlines start a new line."""
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        rtl = paragraph_rtl(paragraph)
        words = paragraph.split()
        if not words:
            if lines and lines[-1] != "":
                lines.append("")
            continue
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if width(candidate, size, bold, rtl) <= max_width:
                line = candidate
                continue
            if line:
                lines.append(line)
            if width(word, size, bold, rtl) <= max_width:
                line = word
            else:
                *full, line = _break_word(word, size, bold, max_width)
                lines.extend(full)
        lines.append(line)
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def truncate(line: str, size: float, max_width: float, bold: bool = False) -> str:
    """Shorten ``line`` until ``line + …`` fits, cutting at a word when possible."""
    line = line.rstrip()
    while line and width(line + ELLIPSIS, size, bold) > max_width:
        cut = line.rfind(" ")
        line = line[:cut].rstrip() if cut > len(line) // 2 else line[:-1].rstrip()
    return line.rstrip(" ,.;:-") + ELLIPSIS


def fit_lines(
    text: str, size: float, max_width: float, max_lines: int, bold: bool = False
) -> list[str]:
    """Wrap ``text`` into at most ``max_lines`` lines, ending with … if it is cut."""
    if max_lines <= 0:
        return []
    lines = wrap(text, size, max_width, bold)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    while kept and kept[-1] == "":
        kept.pop()
    if not kept:
        return []
    kept[-1] = truncate(kept[-1] + " " + lines[len(kept)], size, max_width, bold)
    return kept


def fit_size(
    text: str,
    max_width: float,
    max_lines: int,
    largest: float,
    smallest: float,
    bold: bool = False,
    step: float = 2,
) -> tuple[float, list[str]]:
    """Largest size from ``largest`` down to ``smallest`` at which ``text`` wraps
    into ``max_lines``; at ``smallest`` the text is truncated with an ellipsis."""
    size = largest
    while size > smallest:
        lines = wrap(text, size, max_width, bold)
        if len(lines) <= max_lines:
            return size, lines
        size -= step
    return smallest, fit_lines(text, smallest, max_width, max_lines, bold)
