"""The phrasebook's own catalogue: portal/phrases/translations/<lang>.po, msgid = the Dutch
text. Kept apart from the portal's main catalogues (portal/translations) because its texts are
data (admins add phrases) rather than code, and because a vacancy built from phrases must read
entirely in the resident's language: the few fixed lines that frame the phrases (section
headings, "this text is in Dutch", "machine translation") live here too, next to them, as
does the call to action of the activity and Werkbalie posters (printed per language).

Read once per process with Babel's .po reader (no compile step). A phrase whose text the
catalogue of a language lacks is untranslated there: pages show it in Dutch, marked so."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

CATALOGUE_DIR = Path(__file__).with_name("translations")

# Fixed lines shown with the phrases, by key; the Dutch text is the msgid.
LABELS: dict[str, str] = {
    "section.task": "Wat ga je doen?",
    "section.time": "Wanneer werk je?",
    "section.work": "Hoe is het werk?",
    "section.offer": "Wat krijg je?",
    "section.need": "Wat vraagt de werkgever?",
    "note.nl": "Deze tekst is in het Nederlands.",
    "note.en": "Deze tekst is in het Engels.",
    "note.machine": "Vertaald door een computer. Er kunnen fouten in staan.",
    "note.message_nl": "Dit bericht is in het Nederlands geschreven.",
    # The call to action on the activity, Werkbalie and talent posters, printed in the azc's
    # languages.
    "cta.sign_up": "Scan en meld je aan",
    "cta.book": "Scan en maak een afspraak",
    "cta.tell_work": "Scan en vertel welk werk je zoekt",
}


@cache
def _catalog(lang: str) -> dict[str, str]:
    path = CATALOGUE_DIR / f"{lang}.po"
    if not path.exists():
        return {}
    with path.open("rb") as f:
        catalog = read_po(f, locale=lang)
    return {str(m.id): str(m.string) for m in catalog
            if m.id and isinstance(m.string, str) and m.string and not m.fuzzy}


def gettext(msgid: str, lang: str) -> str | None:
    """The translation of a Dutch phrasebook text, or None when there is none (yet)."""
    if lang == "nl":
        return msgid
    return _catalog(lang).get(msgid)


def label(key: str, lang: str) -> str:
    text = LABELS[key]
    return gettext(text, lang) or text


def label_in(key: str, lang: str) -> str | None:
    """A fixed line in `lang`, or None where the catalogue lacks it (a poster then leaves
    that language out rather than print the Dutch line twice)."""
    return gettext(LABELS[key], lang)


def reload() -> None:
    """Forget the loaded catalogues (tests that write one)."""
    _catalog.cache_clear()
