"""Every resident text is translated into all resident languages (no Dutch or English left on
an Arabic page); every text into English for staff. Machine translations are marked."""
from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from portal.i18n import RESIDENT_LANGUAGES
from portal.translations.sources import resident_msgids

TRANSLATIONS = Path(__file__).resolve().parents[1] / "portal" / "translations"


def _catalog(lang: str):
    path = TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po"
    assert path.exists(), f"no catalogue for {lang}"
    with path.open("rb") as f:
        return read_po(f, locale=lang)


def test_resident_sources_found():
    assert len(resident_msgids()) > 50


@pytest.mark.parametrize("lang", [c for c in RESIDENT_LANGUAGES if c != "nl"])
def test_resident_texts_translated(lang):
    catalog = _catalog(lang)
    missing = []
    for msgid in sorted(resident_msgids()):
        msg = catalog.get(msgid)
        if msg is None or not msg.string or msg.fuzzy:
            missing.append(msgid)
        elif isinstance(msg.string, tuple) and not all(msg.string):
            missing.append(msgid)
    assert not missing, f"{len(missing)} untranslated resident texts in {lang}: {missing[:10]}"


@pytest.mark.parametrize("lang", [c for c in RESIDENT_LANGUAGES if c not in ("nl", "en")])
def test_machine_translations_marked_unreviewed(lang):
    header = (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").read_text()[:2000]
    assert "unreviewed" in header.lower()


def test_placeholders_kept():
    """A translation that drops or renames %(name)s would crash or lose information."""
    import re

    bad = []
    for lang in [c for c in RESIDENT_LANGUAGES if c != "nl"]:
        for msg in _catalog(lang):
            if not msg.id or not msg.string:
                continue
            ids = msg.id if isinstance(msg.id, tuple) else (msg.id,)
            strings = msg.string if isinstance(msg.string, tuple) else (msg.string,)
            want = set(re.findall(r"%\(\w+\)[sd]", ids[0]))
            for s in strings:
                if s and set(re.findall(r"%\(\w+\)[sd]", s)) != want:
                    bad.append((lang, ids[0]))
    assert not bad, bad[:10]
