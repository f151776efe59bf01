"""An activity's title and description in the resident's language (the vacancies' texts per
language, portal/phrases): staff give them per language on /activiteiten/<id>/talen; with
machine translation on, saving the activity asks the provider in the background and residents
see the result marked as machine-made; without a text in their language they read the Dutch
text, marked lang="nl", under "This text is in Dutch" in their own language."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from portal import clock
from portal.activities import texts
from portal.activities.models import ActivityKind, ActivityText, Audience
from portal.phrases.catalogue import label
from portal.phrases.models import TextOrigin
from portal.translate.models import MachineText
from portal.translate.services import translate_pending
from tests.activities.conftest import link_of, post_signup, signup_form
from tests.i18n_checks import foreign_text
from tests.phrases import conftest as phrase_fixtures
from tests.phrases.libretranslate import fake

libretranslate = phrase_fixtures.libretranslate  # the local LibreTranslate stand-in
nobody_listens = phrase_fixtures.nobody_listens  # switched on, but the server is down

TITLE = "Werken in Nederland"
DESCRIPTION = "Over werk, contracten en je rechten."
GIVEN = {
    "ar": ("العمل في هولندا", "عن العمل والعقود وحقوقك."),
    "ti": ("ኣብ ኔዘርላንድ ምስራሕ", "ብዛዕባ ስራሕ፡ ውዕላትን መሰላትካን።"),
    "fa": ("کار در هلند", "درباره کار، قراردادها و حقوق شما."),
}
# Names and codes that stay as they are in every language (see tests/activities/test_texts.py).
NAMES = ["azc Zaandam", "Zaandam", "Wormer", "Eindhoven", "Lokaal 2", "Nederlands", "English", "Samira", "Haddad"]


def _h1(html: str) -> tuple[str, str, str]:
    m = re.search(r'<h1 lang="(\w+)" dir="(\w+)">([^<]*)</h1>', html)
    assert m, "no title with its language on the page"
    return m.group(1), m.group(2), m.group(3)


def _sign_out(client):
    with client.session_transaction() as session:
        session.clear()


def _give(client, activity, lang: str, title: str, description: str = ""):
    return client.post(f"/activiteiten/{activity.id}/talen?taal={lang}",
                       data={"title": title, "description": description})


@pytest.fixture
def given(build, client, login, world):
    """A training whose coordinator gave the title and description in Arabic, Tigrinya and
    Farsi through the staff form."""
    activity = build()
    login(world.coordinator)
    for lang, (title, description) in GIVEN.items():
        assert _give(client, activity, lang, title, description).status_code == 302
    _sign_out(client)
    return activity


@pytest.mark.parametrize("lang", sorted(GIVEN))
def test_the_sign_up_page_reads_in_arabic_tigrinya_and_farsi(client, given, lang):
    title, description = GIVEN[lang]
    html = client.get(f"/a/{given.code}?lang={lang}").get_data(as_text=True)
    assert _h1(html) == (lang, "rtl" if lang in ("ar", "fa") else "ltr", title)
    assert f"<title>{title}" in html and description in html
    # no Dutch at all (the organiser's text is not needed), no note, nothing machine-made
    assert TITLE not in html and DESCRIPTION not in html
    assert label("note.nl", lang) not in html and label("note.machine", lang) not in html
    assert foreign_text(html, lang, NAMES) == []


@pytest.mark.parametrize("lang", sorted(GIVEN))
def test_after_signing_up_the_pages_and_the_board_name_it_in_their_language(client, given,
                                                                            lang):
    title = GIVEN[lang][0]
    res = post_signup(client, given, signup_form(given.pools[0]), lang=lang)
    assert res.status_code == 200 and title in res.text and TITLE not in res.text
    token = link_of(res.text)
    status = client.get(f"/t/{token}?lang={lang}").get_data(as_text=True)
    assert f'<p class="lead" lang="{lang}"' in status and title in status
    assert foreign_text(status, lang, NAMES) == []
    ics = client.get(f"/t/{token}/agenda.ics?lang={lang}").get_data(as_text=True)
    assert f"SUMMARY:{title}" in ics
    board = client.get(f"/l/ZDM?lang={lang}").get_data(as_text=True)
    assert title in board and TITLE not in board


@pytest.mark.parametrize("lang", ["ar", "ti", "tr", "so", "en"])
def test_without_a_text_in_their_language_the_dutch_text_is_marked(client, build, lang):
    activity = build()
    html = client.get(f"/a/{activity.code}?lang={lang}").get_data(as_text=True)
    assert _h1(html) == ("nl", "ltr", TITLE)
    assert f'<p class="pre-line" lang="nl" dir="ltr">{DESCRIPTION}</p>' in html
    note = label("note.nl", lang)
    assert note != label("note.nl", "nl") and html.count(note) == 1  # once, for both texts
    assert foreign_text(html, lang, NAMES) == []  # the Dutch is marked, so not the page's


def test_an_english_text_serves_those_without_their_own(client, given, login, world):
    login(world.coordinator)
    assert _give(client, given, "en", "Working in the Netherlands").status_code == 302
    html = client.get(f"/a/{given.code}?lang=so").get_data(as_text=True)
    assert _h1(html) == ("en", "ltr", "Working in the Netherlands")
    assert label("note.en", "so") in html
    # no English description given: the Dutch one, with its own note
    assert f'lang="nl" dir="ltr">{DESCRIPTION}' in html and label("note.nl", "so") in html


def test_staff_give_change_and_remove_a_language(client, build, login, world, db_session):
    activity = build()
    login(world.coordinator)
    page = client.get(f"/activiteiten/{activity.id}").text
    assert f"/activiteiten/{activity.id}/talen" in page
    res = client.get(f"/activiteiten/{activity.id}/talen?taal=ar&lang=nl")
    assert res.status_code == 200 and '<input dir="rtl" id="title" lang="ar"' in res.text
    assert _give(client, activity, "ar", *GIVEN["ar"]).status_code == 302
    row = db_session.scalar(select(ActivityText))
    assert (row.language, row.title, row.origin) == ("ar", GIVEN["ar"][0], TextOrigin.typed)
    assert row.source_hash == texts.source_hash(activity)
    # the tab says it is written; the form shows it again
    res = client.get(f"/activiteiten/{activity.id}/talen?taal=ar&lang=nl")
    assert GIVEN["ar"][0] in res.text and "geschreven" in res.text
    # a description without a title is refused, in the form
    res = _give(client, activity, "ar", "", "alleen een omschrijving")
    assert res.status_code == 422 and "Schrijf ook de titel in deze taal." in res.text
    # the Dutch text changes: the page warns that the translation may no longer fit
    activity.title = "Werken in Nederland, deel 1 en 2"
    db_session.commit()
    assert "Past de vertaling nog?" in client.get(
        f"/activiteiten/{activity.id}/talen?taal=ar").text
    # everything empty removes the language
    assert _give(client, activity, "ar", "", "").status_code == 302
    assert db_session.scalar(select(ActivityText)) is None
    # a language that is not offered falls back to the first one; Dutch is not offered
    res = client.get(f"/activiteiten/{activity.id}/talen?taal=nl")
    assert res.status_code == 200 and 'aria-current="page">English' in res.text


def test_only_the_activitys_own_staff_give_texts(client, build, login, world, db_session):
    activity = build()
    for user in (world.coordinator2, world.far_adviser, world.member):
        login(user)
        assert client.get(f"/activiteiten/{activity.id}/talen").status_code in (403, 404)
        assert _give(client, activity, "ar", "x").status_code in (403, 404)
    assert db_session.scalar(select(ActivityText)) is None
    login(world.adviser)  # the region's adviser may
    assert _give(client, activity, "ti", *GIVEN["ti"]).status_code == 302


# --------------------------------------------------------------------------- machine translation


def test_saving_asks_the_machine_and_residents_see_it_marked(app, client, build, login, world,
                                                             db_session, libretranslate):
    activity = build()
    rows = db_session.scalars(select(MachineText)).all()
    assert {r.target for r in rows} == {"en", "ar", "ti", "fa", "tr", "so"} and len(rows) == 12
    # never while a resident waits: the page asks nothing and shows the Dutch text
    html = client.get(f"/a/{activity.code}?lang=ar").text
    assert libretranslate.requests == [] and _h1(html)[0] == "nl"
    result = app.test_cli_runner().invoke(args=["portal", "tick"])
    assert result.exit_code == 0, result.output
    html = client.get(f"/a/{activity.code}?lang=ar").get_data(as_text=True)
    assert _h1(html) == ("ar", "rtl", fake(TITLE, "ar"))
    assert fake(DESCRIPTION, "ar") in html and label("note.machine", "ar") in html
    assert label("note.nl", "ar") not in html
    # staff see "computer" and the machine's text in the form; saving it makes it reviewed
    login(world.coordinator)
    page = client.get(f"/activiteiten/{activity.id}/talen?taal=ar&lang=nl").text
    assert "computer" in page and "nog niet nagekeken" in page and fake(TITLE, "ar") in page
    assert _give(client, activity, "ar", "العمل في هولندا", fake(DESCRIPTION, "ar")).status_code == 302
    row = db_session.scalar(select(ActivityText))
    assert row.origin == TextOrigin.reviewed
    html = client.get(f"/a/{activity.code}?lang=ar").get_data(as_text=True)
    assert _h1(html) == ("ar", "rtl", "العمل في هولندا")
    assert label("note.machine", "ar") not in html  # a person checked both texts


def test_a_changed_text_is_translated_again_and_old_ones_go(app, client, build, world,
                                                            db_session, libretranslate):
    activity = build()
    translate_pending(clock.utcnow())
    db_session.commit()
    activity.title = "Solliciteren in Nederland"
    texts.ask_machine(activity)
    db_session.commit()
    targets = {r.source_text or r.text for r in db_session.scalars(select(MachineText))}
    assert not any(TITLE in t for t in targets if t)
    html = client.get(f"/a/{activity.code}?lang=ti").text
    # the title waits for its new translation (Dutch, marked); the description is still made
    assert _h1(html) == ("nl", "ltr", "Solliciteren in Nederland")
    assert label("note.nl", "ti") in html and fake(DESCRIPTION, "ti") in html
    translate_pending(clock.utcnow())
    db_session.commit()
    html = client.get(f"/a/{activity.code}?lang=ti").text
    assert _h1(html) == ("ti", "ltr", fake("Solliciteren in Nederland", "ti"))


def test_employer_sessions_get_english_only(build, db_session, libretranslate):
    build(kind=ActivityKind.employer_session, audience=Audience.employers, location=None,
          languages=["nl"])
    assert {r.target for r in db_session.scalars(select(MachineText))} == {"en"}


def test_a_provider_that_is_down_leaves_the_dutch_text(app, client, build, db_session,
                                                       nobody_listens):
    activity = build()
    result = app.test_cli_runner().invoke(args=["portal", "tick"])
    assert result.exit_code == 0, result.output
    res = client.get(f"/a/{activity.code}?lang=fa")
    assert res.status_code == 200 and _h1(res.text) == ("nl", "ltr", TITLE)
    assert label("note.nl", "fa") in res.text


def test_without_a_provider_nothing_is_asked(build, db_session):
    build()
    assert db_session.scalars(select(MachineText)).all() == []


def test_staff_see_a_machine_translation_on_its_way(app, client, build, login, world,
                                                    db_session, libretranslate):
    """Asked of portal/translate and not back yet: the tab says none and the page says the
    computer's translation is on its way, as the vacancy texts page does; once back, it says
    computer; a provider that gave up leaves none."""
    activity = build()
    login(world.coordinator)
    page = client.get(f"/activiteiten/{activity.id}/talen?taal=ti&lang=nl").text
    assert "De computervertaling is nog niet klaar." in page and "nog niet nagekeken" not in page
    assert texts.states(activity, {}) == dict.fromkeys(texts.other_languages(activity),
                                                       "waiting")
    translate_pending(clock.utcnow())
    db_session.commit()
    page = client.get(f"/activiteiten/{activity.id}/talen?taal=ti&lang=nl").text
    assert "De computervertaling is nog niet klaar." not in page and "nog niet nagekeken" in page
    # a new Dutch title waits again; the typed Arabic text stays 'written'
    assert _give(client, activity, "ar", *GIVEN["ar"]).status_code == 302
    activity.title = "Solliciteren in Nederland"
    texts.ask_machine(activity)
    db_session.commit()
    states = texts.states(activity, texts.texts(activity.id))
    assert states["ar"] == "person" and states["ti"] == "waiting"
    # switched off: nothing is on its way any more
    app.config["TRANSLATE_URL"] = ""
    assert set(texts.states(activity, {}).values()) == {"none"}
    page = client.get(f"/activiteiten/{activity.id}/talen?taal=ti&lang=nl").text
    assert "De computervertaling is nog niet klaar." not in page
