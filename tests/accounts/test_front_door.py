"""The front page `/` for visitors: a resident path in seven languages, and for employers in
Dutch and English why and how, the guidance, live public figures and pilot examples. No
JavaScript and under 30 KB. Plus the poster-code form and the translated 404."""
from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from portal import clock
from portal.accounts.models import Role
from portal.i18n import LANGUAGES

BUDGET = 30_000  # bytes


@pytest.fixture
def world(make, db_session):
    clock.move_to(datetime(2026, 11, 30, 10, tzinfo=UTC))
    zaanstad = make.region("Zaanstad")
    make.location(region=zaanstad, code="ZDM", name="azc Zaandam")
    make.location(region=zaanstad, code="WMR", name="azc Wormer")
    orgs = [make.organisation(region=zaanstad) for _ in range(6)]
    for _ in range(7):
        make.vacancy(organisation=orgs[0])
    small = make.region("Nijmegen")
    make.organisation(region=small)
    db_session.commit()
    return zaanstad


def _html(client, url):
    res = client.get(url)
    assert res.status_code == 200, url
    return res.get_data(as_text=True)


def test_employers_see_why_how_cost_guidance_figures_and_examples(client, world):
    html = _html(client, "/?lang=nl")
    section = html[html.index('id="werkgevers"'):]
    assert section.count("<li><strong>") == 3  # three steps
    assert "Wat doet de adviseur voor u?" in section and "Wat kost het? Niets." in section
    assert 'href="/organisatie/aanmelden"' in section or "aanmelden" in section
    # The guidance a first-time employer needs, and the whole employer index.
    for slug in ("eerste-keer-checklist", "twv-asielzoeker", "subsidies", "contact"):
        assert f'href="/hulp/{slug}"' in section, slug
    assert 'href="/hulp/?voor=employer"' in section
    # Live public figures: Zaanstad shown, small Nijmegen counts withheld.
    rows = dict(re.findall(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', section))
    assert re.findall(r"<td>([^<]+)</td>", rows["Zaanstad"]) == ["7", "minder dan 5", "6"]
    assert re.findall(r"<td>([^<]+)</td>", rows["Nijmegen"]) == ["minder dan 5"] * 3
    assert 'href="/api/v1/figures"' in section
    # Pilot examples, each with its source.
    assert section.count('<article class="card"') >= 3
    assert section.count("regioplan.nl") >= 3


def test_english_front_page_has_the_employer_section_in_english_content(client, world):
    html = _html(client, "/?lang=en")
    assert '<html lang="en"' in html and 'id="werkgevers"' in html
    assert 'lang="en">First time: checklist and timeline</a>' in html
    assert "Look first, then start" in html  # the example in English


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_resident_path_in_a_right_to_left_language(client, world, lang):
    html = _html(client, f"/?lang={lang}")
    assert f'<html lang="{lang}" dir="rtl">' in html
    # A language picker by own names, plain links that work without JavaScript.
    for code, (name, direction) in LANGUAGES.items():
        assert f'href="?lang={code}" lang="{code}" dir="{direction}" hreflang="{code}"' in html, code
        assert f">{name}</a>" in html
    # Jobs at my azc: every active location links to its notice board.
    assert 'href="/l/ZDM">azc Zaandam</a>' in html and 'href="/l/WMR">azc Wormer</a>' in html
    # Type the code from a poster: a GET form.
    assert re.search(r'<form method="get" action="/code" id="code">', html)
    # The employer pitch is for Dutch and English readers; residents get a link there.
    assert 'id="werkgevers"' not in html and "<table" not in html
    assert 'href="/?lang=nl#werkgevers"' in html and 'href="/?lang=en#werkgevers"' in html


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_front_page_is_small_and_has_no_script(client, make, db_session, lang):
    # A large deployment: 12 regions, 60 azc locations, examples and figures.
    for r in range(12):
        region = make.region(f"Regio nummer {r:02d}")
        for n in range(5):
            make.location(region=region, code=f"A{r:02d}{n}", name=f"azc Locatie {r:02d}-{n}")
    db_session.commit()
    body = client.get(f"/?lang={lang}").get_data()
    assert len(body) < BUDGET, f"{lang}: {len(body)} bytes"
    assert b"<script" not in body and b" on" + b"click" not in body


def test_poster_code_form_leads_to_the_vacancy(client):
    res = client.get("/code?code=k7m-4qx ")
    assert res.status_code == 302 and res.headers["Location"].endswith("/v/K7M4QX")
    res = client.get("/code?code=%3Cscript%3E")
    assert res.headers["Location"].endswith("/v/SCRIPT")
    res = client.get("/code?code=")
    assert res.status_code == 302 and res.headers["Location"].endswith("/#code")


def test_signed_in_staff_get_their_own_home_not_the_front_door(client, make, login, db_session):
    admin = make.user(role=Role.admin)
    db_session.commit()
    login(admin)
    html = _html(client, "/?lang=ar")  # a resident language on a staff page falls back to English
    assert 'id="bewoners"' not in html and '<html lang="en"' in html


@pytest.mark.parametrize("lang, text", [("ar", "الصفحة غير موجودة"), ("nl", "Pagina niet gevonden")])
def test_visitors_get_a_404_in_their_language_with_ways_in(client, lang, text):
    res = client.get(f"/bestaat-niet?lang={lang}")
    html = res.get_data(as_text=True)
    assert res.status_code == 404
    assert f'<html lang="{lang}"' in html and text in html
    assert f'href="/?lang={lang}#code"' in html and 'href="/l/?lang=' in html
    assert 'href="?lang=ti" lang="ti"' in html  # switch language on the same address


def test_404_language_comes_from_the_cookie_too(client):
    client.get("/?lang=fa")  # sets the language cookie
    html = client.get("/nergens").get_data(as_text=True)
    assert '<html lang="fa" dir="rtl">' in html


def test_404_never_links_to_another_host(client):
    html = client.get("//evil.example/x?lang=ar").get_data(as_text=True)
    assert "evil.example" not in html


@pytest.mark.parametrize("lang", [code for code in LANGUAGES if code != "nl"])
def test_resident_half_and_404_are_in_the_residents_language(client, world, lang):
    # Fails on any text of the Dutch source catalogue, and on Latin words on ar/fa/ti pages,
    # outside elements marked with their own language (picker names, place names, the nl/en
    # links for employers). Needs the TEXTS helper's translations of the new front-page strings.
    from tests.i18n_checks import foreign_text

    for url, status in ((f"/?lang={lang}", 200), (f"/nergens?lang={lang}", 404)):
        res = client.get(url)
        assert res.status_code == status
        assert foreign_text(res.get_data(as_text=True), lang) == [], url
