"""What a resident reads on a page, and checks that it is in their language: no text of the
Dutch source catalogue on a non-Dutch page, no Latin words on Arabic, Farsi or Tigrinya pages.
Text in an element marked with another language (the employer's Dutch vacancy title, the
language picker's own names) is not the page's text and is left out, as are attributes,
scripts and what the resident typed into a text area."""
from __future__ import annotations

import re
from functools import cache
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.pofile import read_po

TRANSLATIONS = Path(__file__).resolve().parents[1] / "portal" / "translations"
NON_LATIN = ("ar", "fa", "ti")
# Names and codes that stay in Latin letters in every language: the organisations residents
# deal with, the brand ("Werkportaal azc" keeps "azc"), the Reba rules, the desks in the azc
# (their signs say "Werkbalie" and "Meedoenbalie" whatever the reader's language) and apps.
LATIN_NAMES = {"azc", "uwv", "wsp", "coa", "reba", "werkbalie", "meedoenbalie", "whatsapp"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}
_SKIP = {"script", "style", "textarea", "template"}
_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ'’-]+")


class _PageText(HTMLParser):
    def __init__(self, page_lang: str):
        super().__init__(convert_charrefs=True)
        self.page_lang = page_lang
        self.stack: list[bool] = []  # True: this element's text is not the page's own text
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        lang = dict(attrs).get("lang")
        foreign = tag in _SKIP or (lang is not None and tag != "html" and lang != self.page_lang)
        self.stack.append(bool(self.stack and self.stack[-1]) or foreign)

    def handle_endtag(self, tag):
        if tag not in _VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def page_text(html: str, lang: str) -> str:
    parser = _PageText(lang)
    parser.feed(html)
    return re.sub(r"\s+", " ", unescape(" ".join(parser.parts))).strip()


@cache
def catalog(lang: str):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=lang)


def _chunks(msgid: str) -> list[str]:
    """The literal pieces of a msgid long enough to be recognised on a page."""
    out = []
    for piece in _PLACEHOLDER.split(msgid):
        piece = re.sub(r"\s+", " ", piece).strip(" .,:;()–-")
        if len(piece) >= 10 and " " in piece:
            out.append(piece)
    return out


@cache
def dutch_chunks(lang: str) -> tuple[tuple[str, str], ...]:
    """(chunk, msgid) for every text of the Dutch source whose translation into `lang` is
    different (names such as "Tigrinya" are the same in English and are left out)."""
    cat = catalog(lang)
    out = []
    for msg in catalog("en"):  # the English catalogue holds every msgid of the source
        if not msg.id:
            continue
        msgid = msg.id[0] if isinstance(msg.id, tuple) else msg.id
        own = cat.get(msgid)
        strings = own.string if own is not None else ""
        strings = " ".join(strings) if isinstance(strings, tuple) else (strings or "")
        for chunk in _chunks(msgid):
            if chunk not in strings:
                out.append((chunk, msgid))
    return tuple(out)


def dutch_on_page(text: str, lang: str) -> list[str]:
    if lang == "nl":
        return []
    return sorted({msgid for chunk, msgid in dutch_chunks(lang) if chunk in text})


def latin_words(text: str, lang: str, names=()) -> list[str]:
    """Latin-script words on an Arabic, Farsi or Tigrinya page, apart from names, codes, URLs
    and e-mail addresses."""
    if lang not in NON_LATIN:
        return []
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    text = re.sub(r"\S*[/@]\S*", " ", text)  # URLs, paths and e-mail addresses
    words = []
    for word in _LATIN_WORD.findall(text):
        if word.lower() in LATIN_NAMES or any(c.isdigit() for c in word):
            continue
        if word.isupper() and len(word) <= 10:
            continue  # a code such as a reference (R0000012) or a vacancy code
        words.append(word)
    return sorted(set(words))


def foreign_text(html: str, lang: str, names=()) -> list[str]:
    """Everything on the page that is not in `lang`: Dutch source texts and Latin words."""
    text = page_text(html, lang)
    problems = [f"Dutch: {m!r}" for m in dutch_on_page(text, lang)]
    problems += [f"Latin word: {w!r}" for w in latin_words(text, lang, names)]
    return problems
