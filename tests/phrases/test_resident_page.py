"""The job itself in the resident's language: a vacancy built from phrases reads entirely in
each of the seven languages; texts given per language come first; what stays in the employer's
language says so in the reader's language, above the translated phrases and facts."""
from __future__ import annotations

import re

import pytest

from portal.accounts.models import Role
from portal.i18n import RESIDENT_LANGUAGES
from portal.phrases import catalogue
from portal.phrases.models import Section, TextOrigin, VacancyText
from portal.phrases.services import NewPhrase, add_phrase, save_text, source_hash
from tests.i18n_checks import latin_words, page_text
from tests.phrases.conftest import NUMBERS, PHRASE_BUILT, tick

NOTE_NL = {lang: catalogue.label("note.nl", lang) for lang in RESIDENT_LANGUAGES}
NAMES = ("Schoon BV", "Zaandam", "Hemkade 12", "azc Zaandam", "VCA")


def _get(client, url):
    res = client.get(url)
    assert res.status_code == 200, url
    return res.get_data(as_text=True)


@pytest.mark.parametrize("lang", RESIDENT_LANGUAGES)
def test_phrase_built_vacancy_reads_entirely_in_each_language(client, phrase_built, lang):
    html = _get(client, f"/v/PHR234/ZDM?lang={lang}")
    # every ticked phrase in this language, with its number
    lifting = catalogue.gettext("Je tilt dozen tot %(n)s kilo.", lang).replace("%(n)s", "15")
    assert lifting in html
    assert catalogue.gettext("Je maakt kantoren schoon.", lang) in html
    assert catalogue.label("section.offer", lang) in html  # "What do you get?"
    # the title is the job from the phrasebook, in this language (the Dutch one on nl)
    title = "Schoonmaker kantoren" if lang == "nl" else catalogue.gettext("Schoonmaker", lang)
    assert re.search(rf'<h1 lang="{lang}" dir="(ltr|rtl)">{re.escape(title)}</h1>', html)
    if lang != "nl":
        # nothing of the employer's Dutch, and no "this text is in Dutch": there is none
        assert "Schoonmaker kantoren" not in html
        assert NOTE_NL[lang] not in html
        assert "Je maakt kantoren schoon." not in html
    # Arabic, Farsi, Tigrinya: no Latin-script word apart from names and codes, counting
    # text marked as another language too (the vacancy must not lean on lang="nl" blocks)
    words = latin_words(page_text(html, lang) + " " + _marked_foreign(html, lang), lang, NAMES)
    assert words == [], words


def _marked_foreign(html: str, lang: str) -> str:
    """Text of elements marked with another language, apart from the language picker's own
    names (each language by its name is the point of the picker)."""
    body = re.sub(r'<nav class="lang-picker.*?</nav>', " ", html, flags=re.S)
    return page_text(re.sub(r'\slang="[^"]*"', "", body), lang)  # unmarked: all of it counts


def test_the_latin_check_would_catch_a_dutch_phrase(client, make, phrase_built, phrasebook,
                                                    db_session):
    """The check above is not blind: an untranslated phrase (admin-added, not in the
    catalogues yet) shows in Dutch, marked, and the check finds its words."""
    admin = make.user(Role.admin)
    phrase = add_phrase(NewPhrase(Section.offer, "Je krijgt een gratis fietsles."), admin)
    tick(phrase_built, {**phrasebook, "new": phrase}, *PHRASE_BUILT, "new", numbers=NUMBERS)
    db_session.commit()
    html = _get(client, "/v/PHR234/ZDM?lang=ar")
    assert NOTE_NL["ar"] in html  # "This text is in Dutch", in Arabic, above it
    assert '<ul class="facts" lang="nl" dir="ltr">' in html
    assert "Je krijgt een gratis fietsles." in html
    words = latin_words(page_text(html, "ar") + " " + _marked_foreign(html, "ar"), "ar", NAMES)
    assert "fietsles" in words


@pytest.mark.parametrize("lang", ["ar", "ti", "fa", "tr", "so", "en"])
def test_dutch_only_vacancy_says_its_text_is_dutch_above_the_facts(client, vacancy, lang):
    html = _get(client, f"/v/ABC234/ZDM?lang={lang}")
    note = NOTE_NL[lang]
    assert note != NOTE_NL["nl"]  # really in the reader's language
    assert note in html
    assert html.index("Hulp in de bakkerij") < html.index(note) < html.index('<ul class="facts">')
    assert '<p class="lead pre-line" lang="nl" dir="ltr">' in html  # the summary stays marked


def test_dutch_page_has_no_note(client, vacancy):
    html = _get(client, "/v/ABC234/ZDM?lang=nl")
    assert NOTE_NL["nl"] not in html


def test_text_given_in_the_language_comes_first(client, vacancy, member, db_session):
    save_text(vacancy, "ar", "مساعد في المخبز", "تساعد في خبز الخبز كل صباح.", "", member)
    db_session.commit()
    html = _get(client, "/v/ABC234/ZDM?lang=ar")
    assert '<h1 lang="ar" dir="rtl">مساعد في المخبز</h1>' in html
    assert "تساعد في خبز الخبز كل صباح." in html
    assert NOTE_NL["ar"] not in html and "Hulp in de bakkerij" not in html
    assert catalogue.label("note.machine", "ar") not in html  # a person wrote it
    # Tigrinya has no text of its own: the Dutch one, marked
    assert NOTE_NL["ti"] in _get(client, "/v/ABC234/ZDM?lang=ti")


def test_english_text_is_the_fallback_before_dutch(client, vacancy, member, db_session):
    save_text(vacancy, "en", "Bakery helper", "You help in the bakery.", "", member)
    db_session.commit()
    html = _get(client, "/v/ABC234/ZDM?lang=so")
    assert "Bakery helper" in html and catalogue.label("note.en", "so") in html
    assert NOTE_NL["so"] not in html


def test_machine_text_is_labelled_and_an_outdated_one_is_not_shown(client, vacancy, db_session):
    row = VacancyText(vacancy_id=vacancy.id, language="fa", title="دستیار نانوایی",
                      summary="در نانوایی کمک می‌کنی.", origin=TextOrigin.machine,
                      source_hash=source_hash(vacancy))
    db_session.add(row)
    db_session.commit()
    html = _get(client, "/v/ABC234/ZDM?lang=fa")
    assert "دستیار نانوایی" in html and catalogue.label("note.machine", "fa") in html
    # the employer changes the Dutch text: the old translation is no longer shown
    vacancy.summary = "Je bakt brood en je verkoopt het in de winkel."
    db_session.commit()
    html = _get(client, "/v/ABC234/ZDM?lang=fa")
    assert "دستیار نانوایی" not in html
    assert NOTE_NL["fa"] in html


def test_landing_cache_never_serves_the_words_before_a_change(client, vacancy, phrasebook,
                                                              db_session):
    """The QR page is cached per language; ticking a phrase or saving a text must show at
    once (the services move the vacancy's version on)."""
    first = _get(client, "/v/ABC234/ZDM?lang=ti")
    assert _get(client, "/v/ABC234/ZDM?lang=ti") == first  # from the cache now
    tick(vacancy, phrasebook, "task.bake")
    db_session.commit()
    assert catalogue.gettext("Je helpt met brood en gebak bakken.", "ti") in _get(
        client, "/v/ABC234/ZDM?lang=ti")
    save_text(vacancy, "ti", "ሓጋዚ ኣብ መስርሒ ባኒ", "", "", None)
    db_session.commit()
    assert "ሓጋዚ ኣብ መስርሒ ባኒ" in _get(client, "/v/ABC234/ZDM?lang=ti")


def test_board_lists_titles_and_tasks_in_the_readers_language(client, phrase_built, vacancy):
    html = _get(client, "/l/ZDM?lang=ti")
    assert catalogue.gettext("Schoonmaker", "ti") in html
    assert catalogue.gettext("Je maakt kantoren schoon.", "ti") in html
    assert "Hulp in de bakkerij" in html  # no text in Tigrinya: the employer's own, marked
    assert 'lang="nl" dir="ltr">Hulp in de bakkerij</a>' in html


@pytest.mark.parametrize("lang", ["ar", "ti"])
def test_phrase_built_page_weighs_under_budget_without_script(client, phrase_built, lang):
    res = client.get(f"/v/PHR234/ZDM?lang={lang}")
    css = 0
    for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', res.get_data(as_text=True)):
        sheet = client.get(href)
        css += len(sheet.data)
        sheet.close()
    assert len(res.data) + css < 30 * 1024, (len(res.data), css)
    assert "<script" not in res.get_data(as_text=True)
