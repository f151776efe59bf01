"""The phrasebook: at least 80 curated phrases of entry-level work, each translated into every
resident language in the phrasebook's own catalogue (machine-made, marked unreviewed), with
pictograms that exist, and placeholders kept."""
from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from portal.i18n import RESIDENT_LANGUAGES
from portal.phrases import catalogue
from portal.phrases.curated import CURATED
from portal.phrases.icons import ICONS, svg_symbol
from portal.phrases.services import sync_curated

OTHERS = [code for code in RESIDENT_LANGUAGES if code != "nl"]
TEXTS = [text for rows in CURATED.values() for _key, text, _icon, _n in rows]


def test_at_least_80_curated_phrases_of_entry_level_work():
    assert len(TEXTS) >= 80
    assert len(set(TEXTS)) == len(TEXTS)
    tasks = " ".join(text for _k, text, _i, _n in CURATED["task"])
    for work in ("kantoren schoon", "bestellingen", "scanner", "koken", "brood", "kas",
                 "productielijn", "sorteert", "heftruck"):
        assert work in tasks, work
    conditions = " ".join(text for s in ("time", "work", "offer", "need")
                          for _k, text, _i, _n in CURATED[s])
    for condition in ("vroeg", "ploegen", "weekend", "de hele dag", "%(n)s kilo",
                      "veiligheidsschoenen", "werkkleding", "reiskosten", "lunch",
                      "op de werkplek", "team", "Ervaring is niet nodig"):
        assert condition in conditions, condition


@pytest.mark.parametrize("lang", OTHERS)
def test_every_phrase_and_line_is_translated(lang):
    missing = [t for t in TEXTS + list(catalogue.LABELS.values()) if not catalogue.gettext(t, lang)]
    assert missing == []


@pytest.mark.parametrize("lang", OTHERS)
def test_catalogue_says_it_is_machine_made_and_unreviewed(lang):
    head = (catalogue.CATALOGUE_DIR / f"{lang}.po").read_text()[:600].lower()
    assert "machine-made" in head and "unreviewed" in head


@pytest.mark.parametrize("lang", OTHERS)
def test_the_number_is_kept_and_nothing_else_is_a_placeholder(lang):
    with (catalogue.CATALOGUE_DIR / f"{lang}.po").open("rb") as f:
        for msg in read_po(f, locale=lang):
            if msg.id:
                assert re.findall(r"%\(\w+\)s", msg.id) == re.findall(r"%\(\w+\)s", msg.string), \
                    msg.id


@pytest.mark.parametrize("lang", ["ar", "fa", "ti"])
def test_non_latin_translations_hold_no_latin_words(lang):
    """Codes (VCA, B) may stay; words may not."""
    for text in TEXTS:
        found = re.findall(r"[A-Za-z]{2,}", catalogue.gettext(text, lang))
        assert set(found) <= {"VCA"}, (text, found)


def test_every_icon_exists_and_draws():
    used = {icon for rows in CURATED.values() for _k, _t, icon, _n in rows if icon}
    assert used <= set(ICONS)
    for name in ICONS:
        assert svg_symbol(name).startswith(f'<symbol id="p-{name}"')


def test_numbered_phrases_have_a_range_and_others_none():
    for rows in CURATED.values():
        for key, text, _icon, numbers in rows:
            assert ("%(n)s" in text) == (numbers is not None), key


def test_sync_is_idempotent_and_keeps_what_admins_decided(db_session):
    assert sync_curated() == len(TEXTS)
    from portal.phrases.models import Phrase

    lunch = db_session.query(Phrase).filter_by(key="offer.lunch").one()
    lunch.active = False
    assert sync_curated() == 0
    assert lunch.active is False
