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
            # A plural may also name the count (the source's plural form does): never more.
            allowed = want.union(*(re.findall(r"%\(\w+\)[sd]", i) for i in ids[1:]))
            for s in strings:
                found = set(re.findall(r"%\(\w+\)[sd]", s or ""))
                if s and not (want - {"%(num)s", "%(num)d"} <= found <= allowed):
                    bad.append((lang, ids[0]))
    assert not bad, bad[:10]


def _all_source_msgids() -> set[str]:
    """Every translatable string in the code and templates, extracted now (not from a stale .pot)."""
    from babel.messages.extract import extract_from_dir

    root = Path(__file__).resolve().parents[1] / "portal"
    method_map = [("**.py", "python"), ("templates/**.html", "jinja2"), ("templates/**.txt", "jinja2")]
    options = {"templates/**.html": {"extensions": "jinja2.ext.do"},
               "templates/**.txt": {"extensions": "jinja2.ext.do"}}
    ids = set()
    for _file, _line, message, _comments, _ctx in extract_from_dir(
        str(root), method_map, options_map=options,
        keywords={"_": None, "gettext": None, "_l": None, "lazy_gettext": None, "ngettext": (1, 2)},
        directory_filter=lambda d: not Path(d).name.startswith((".", "__pycache__")),
    ):
        ids.add(message[0] if isinstance(message, tuple) else message)
    return ids


def test_every_text_has_an_english_translation():
    """Staff pages are offered in English: no Dutch may be left there."""
    catalog = _catalog("en")
    ids = _all_source_msgids()
    assert len(ids) > 500
    missing = sorted(m for m in ids if not (catalog.get(m) and catalog.get(m).string))
    assert not missing, f"{len(missing)} texts without English: {missing[:10]}"
