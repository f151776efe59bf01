"""The one clean-up of text that people type (residents and staff alike), before it is
validated or stored. Every form filter and every service that stores free text uses it.

What goes, and why:
- control characters: a NUL breaks PostgreSQL, a line break in a name ends up in a mail header,
  others are invisible and only ever mischief;
- Unicode bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what is
  shown around them, so a name could make a staff page read differently from what was typed;
  the marks that Arabic and Farsi text really uses (U+200E, U+200F) are kept;
- lone surrogates (not text at all).

Two shapes: `clean_line` for one-line fields (names, phone numbers, addresses, titles), where
every run of white space becomes one space, and `clean_text` for free text (experience, notes,
report descriptions), which keeps line breaks but not more than one empty line in a row."""
from __future__ import annotations

import re
import unicodedata

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

# C0 (except tab and line feed: carriage returns are normalised first), DEL, C1, bidi controls
# and lone surrogates.
_DROP = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_ANY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SPACES = re.compile(r"\s+")
_LINE_END_SPACES = re.compile(r"[ \t]+\n")
_BLANK_LINES = re.compile(r"\n{3,}")


def _drop(value: str) -> str:
    return _DROP.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def clean_line(value: str | None, limit: int | None = None) -> str:
    """One line: control and bidi characters removed, white space collapsed to single spaces,
    trimmed, at most `limit` characters."""
    text = _SPACES.sub(" ", _drop(value or "")).strip()
    return text[:limit].rstrip() if limit else text


def clean_text(value: str | None, limit: int | None = None) -> str:
    """Free text: like clean_line, but line breaks (and tabs) stay; spaces at the end of a line
    and more than one empty line in a row go."""
    text = _BLANK_LINES.sub("\n\n", _LINE_END_SPACES.sub("\n", _drop(value or ""))).strip()
    return text[:limit].rstrip() if limit else text


def has_control_characters(value: str | None) -> bool:
    """True when the value holds any control or bidi character, line breaks and tabs included:
    for fields that must refuse such input instead of repairing it (e-mail addresses)."""
    return value is not None and _ANY_CONTROL.search(value) is not None


# WTForms filters: they receive None for a field that was not posted, and leave it so.

def line_filter(value: object) -> object:
    return clean_line(value) if isinstance(value, str) else value


def text_filter(value: object) -> object:
    return clean_text(value) if isinstance(value, str) else value


def strip_filter(value: object) -> object:
    """Trims only: for e-mail addresses, where an invisible character is refused with a clear
    message (has_control_characters) rather than silently repaired into another address."""
    return value.strip() if isinstance(value, str) else value


def latin_letters_only(value: str | None) -> bool:
    """True when every letter is a Latin one, with or without accents ("Müller", "Al-Khatib"):
    how a name stands on a Dutch ID or W-document. Digits, spaces and marks such as - ' . may
    occur; Arabic, Ethiopic or Persian letters may not."""
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN")
               for ch in value or "")
